"""Photos of the client: the store of originals, and reading, cleaning and thumbnailing images.

Nothing here touches the database: the photo service (:mod:`acuchart.services.photos`) records each
photo in the practice file and keeps this folder and the file in step.
"""
