"""Photos of the client: importing, aligning, comparing, the timeline, photo consent."""
