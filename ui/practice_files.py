"""Choosing a practice file: an existing one to open, or a new name for an empty practice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

SUFFIX = ".acuchart"


def ask_existing_practice_file(parent: QWidget, current: Path | None) -> Path | None:
    """The practice file the practitioner picked to open, or None."""
    folder = str(current.parent) if current else ""
    chosen, _ = QFileDialog.getOpenFileName(
        parent, "Open a practice file", folder, f"AcuChart practice (*{SUFFIX});;All files (*)"
    )
    return Path(chosen) if chosen else None


def ask_new_practice_file(parent: QWidget, current: Path | None) -> Path | None:
    """A new file name for an empty practice, or None. An existing file is refused, never overwritten."""
    folder = current.parent if current else Path.home()
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        "New practice file",
        str(folder / f"practice{SUFFIX}"),
        f"AcuChart practice (*{SUFFIX})",
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    if not chosen:
        return None
    path = Path(chosen) if chosen.endswith(SUFFIX) else Path(chosen + SUFFIX)
    if path.exists() and path.stat().st_size > 0:
        QMessageBox.warning(
            parent,
            "File exists",
            f"{path} already exists. To open it, use File → Open practice file…; "
            "a new practice needs a new file name.",
        )
        return None
    return path
