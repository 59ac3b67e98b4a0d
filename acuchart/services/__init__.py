"""Services: every change to a record goes through one of these, as one transaction."""
