"""Printed records: session handouts, course summaries, chart exports and consent forms, as PDF.

Pure reportlab: every document is drawn from the plain dataclasses in :mod:`acuchart.reports.data`,
never from the database or from widgets, so the GUI and the command line print the same thing.
"""

from acuchart.resources import RESOURCES

__all__ = ["RESOURCES"]
