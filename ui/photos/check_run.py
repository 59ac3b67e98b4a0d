"""File → Check practice file and photos…: ``main.py check`` in the app, with a progress bar.

Hashing every photo original is the long part at a large practice (see the README's Speed table), so
it runs in a background thread through read-only connections of its own, and can be stopped.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from acuchart.check import CheckReport, check_file
from acuchart.i18n import _
from acuchart.practice import Practice
from ui.messages import warn


class _StoppedError(Exception):
    """The practitioner pressed Stop."""


class CheckRun(QThread):
    """Runs the whole check of one practice file, saying how far the photos have got."""

    progressed = Signal(int, int)

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._path = path
        self.stop_requested = False
        self.report: CheckReport | None = None
        """What the check found; None until it ends, and when it was stopped."""

    def _progress(self, done: int, total: int) -> None:
        if self.stop_requested:
            raise _StoppedError
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            self.report = check_file(self._path, self._progress)
        except _StoppedError:
            self.report = None


class _ProgressShown(QObject):
    """Moves the bar in the screen's thread (a slot of an object living there gets the worker's signals queued)."""

    def __init__(self, dialog: QProgressDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog

    @Slot(int, int)
    def advance(self, done: int, total: int) -> None:
        self._dialog.setMaximum(total)
        self._dialog.setValue(done)
        self._dialog.setLabelText(_("Checking photos: {done:,} of {total:,}…").format(done=done, total=total))


def check_practice(practice: Practice, parent: QWidget) -> CheckReport | None:
    """Check the open practice file and its photos, with a progress bar; show what was found."""
    if practice.path is None:
        warn(parent, _("This practice is in memory only: there is no file to check."))
        return None
    progress = QProgressDialog(_("Checking the practice file…"), _("Stop"), 0, 0, parent)
    progress.setWindowTitle(_("Check practice file and photos"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setAutoReset(False)
    run = CheckRun(practice.path)
    shown = _ProgressShown(progress)
    run.progressed.connect(shown.advance)
    loop = QEventLoop()
    run.finished.connect(
        loop.quit
    )  # queued to this thread: heard even if the check ends before the loop runs
    progress.canceled.connect(lambda: setattr(run, "stop_requested", True))
    progress.show()
    run.start()
    loop.exec()
    run.wait()
    progress.close()
    report = run.report
    if report is None:
        return None
    box = QMessageBox(parent)
    box.setWindowTitle(_("Check practice file and photos"))
    box.setIcon(QMessageBox.Icon.Information if report.ok else QMessageBox.Icon.Warning)
    box.setText(_("Everything is in order.") if report.ok else _("Problems were found."))
    box.setInformativeText(report.text())
    box.exec()
    return report
