"""Charting at the chair: the session editor, its diagrams, marks list, needle count and undo commands."""
