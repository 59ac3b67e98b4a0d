"""File → Check practice file and photos…: ``main.py check`` in the app, with a progress bar.

Hashing every photo original is the long part at a large practice (see the README's Speed table), so
it runs in a background thread through read-only connections of its own, and can be stopped.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from acuchart.check import CheckReport, check_file
from acuchart.practice import Practice
from ui.messages import warn


class _StoppedError(Exception):
    """The practitioner pressed Stop."""


class CheckRun(QThread):
    """Runs the whole check of one practice file, saying how far the photos have got."""

    progressed = Signal(int, int)
    finished_with = Signal(object)
    """The :class:`CheckReport`, or None when stopped."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._path = path
        self.stop_requested = False

    def _progress(self, done: int, total: int) -> None:
        if self.stop_requested:
            raise _StoppedError
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            self.finished_with.emit(check_file(self._path, self._progress))
        except _StoppedError:
            self.finished_with.emit(None)


def check_practice(practice: Practice, parent: QWidget) -> CheckReport | None:
    """Check the open practice file and its photos, with a progress bar; show what was found."""
    if practice.path is None:
        warn(parent, "This practice is in memory only: there is no file to check.")
        return None
    progress = QProgressDialog("Checking the practice file…", "Stop", 0, 0, parent)
    progress.setWindowTitle("Check practice file and photos")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    run = CheckRun(practice.path)
    found: list[CheckReport | None] = []

    def advance(done: int, total: int) -> None:
        progress.setMaximum(total)
        progress.setValue(done)
        progress.setLabelText(f"Checking photos: {done:,} of {total:,}…")

    run.progressed.connect(advance)
    run.finished_with.connect(found.append)
    run.finished_with.connect(lambda _: progress.reset())
    progress.canceled.connect(lambda: setattr(run, "stop_requested", True))
    run.start()
    progress.exec()
    run.wait()
    report = found[0] if found else None
    if report is None:
        return None
    box = QMessageBox(parent)
    box.setWindowTitle("Check practice file and photos")
    box.setIcon(QMessageBox.Icon.Information if report.ok else QMessageBox.Icon.Warning)
    box.setText("Everything is in order." if report.ok else "Problems were found.")
    box.setInformativeText(report.text())
    box.exec()
    return report
