"""Printed records: session handouts, course summaries, chart exports and consent forms, as PDF.

Pure reportlab: every document is drawn from the plain dataclasses in :mod:`acuchart.reports.data`,
never from the database or from widgets, so the GUI and the command line print the same thing.
"""

from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
"""The project's data folder: fonts, handout texts, diagrams."""
