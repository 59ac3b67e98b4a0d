"""Choosing a practice file to open (a new one is set up through ``ui.welcome.set_up_practice``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from acuchart.i18n import _

SUFFIX = ".acuchart"


def ask_existing_practice_file(parent: QWidget, current: Path | None) -> Path | None:
    """The practice file the practitioner picked to open, or None."""
    folder = str(current.parent) if current else ""
    chosen, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Open a practice file"),
        folder,
        _("AcuChart practice (*{SUFFIX});;All files (*)").format(SUFFIX=SUFFIX),
    )
    return Path(chosen) if chosen else None
