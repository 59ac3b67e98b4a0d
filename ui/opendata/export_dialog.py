"""File → Export practice…: where to put the export, as a folder or a zip, and a progress bar while it runs.

The export runs in a thread of its own (it reads the practice file through a connection of its own),
so the window stays responsive and the practitioner can stop it; nothing is left behind when it is
stopped or fails.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acuchart import clock
from acuchart.errors import AcuChartError
from acuchart.export.practice_export import ExportCancelledError, ExportSummary, default_name, export_practice
from acuchart.i18n import _
from acuchart.practice import Practice
from ui.accessibility import accessible
from ui.preferences import Preferences
from ui.style import mute

FOLDER_KEY = "export/folder"
ZIP_KEY = "export/zip"
log = logging.getLogger("acuchart.ui")


class _Worker(QObject):
    """Runs one export in its thread and reports back through signals."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, practice: Practice, destination: Path) -> None:
        super().__init__()
        self._practice = practice
        self._destination = destination
        self.stop = False

    def run(self) -> None:
        try:
            summary = export_practice(
                self._practice,
                self._destination,
                lambda done, total: self.progress.emit(done, total),
                lambda: self.stop,
            )
        except ExportCancelledError:
            self.finished.emit(None)
        except AcuChartError as exc:
            self.failed.emit(str(exc))
        except Exception:
            log.error("The export failed\n%s", traceback.format_exc())
            self.failed.emit(
                _("The export could not be finished. Nothing was exported; details are in the log file.")
            )
        else:
            self.finished.emit(summary)


class ExportDialog(QDialog):
    """Choose where, then export with a progress bar; the folder and the zip choice are remembered."""

    def __init__(self, practice: Practice, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(_("Export practice"))
        self._practice = practice
        self._preferences = preferences
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self.summary: ExportSummary | None = None

        intro = QLabel(
            _(
                "Every record of the practice, as CSV files (for a spreadsheet) and JSON files (for a program), "
                "with a README that explains every column. Nothing in the practice is changed."
            )
        )
        intro.setWordWrap(True)
        self.folder = QLineEdit(str(self._start_folder()))
        self.folder.setObjectName("exportFolder")
        accessible(self.folder, "Folder")
        browse = QPushButton(_("Choose…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(browse)
        self.name = QLineEdit(default_name(practice.title, clock.stamp()))
        self.name.setObjectName("exportName")
        self.as_zip = QCheckBox(_("As one zip file (easier to send)"))
        self.as_zip.setChecked(preferences.text(ZIP_KEY) == "1")
        form = QFormLayout()
        form.addRow(_("Folder"), where)
        form.addRow(_("Name"), self.name)
        form.addRow("", self.as_zip)
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        mute(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(_("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportStart")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def _start_folder(self) -> Path:
        remembered = self._preferences.text(FOLDER_KEY)
        if remembered and Path(remembered).is_dir():
            return Path(remembered)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, _("Export into which folder?"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    @property
    def destination(self) -> Path:
        """Where the export will be written."""
        name = self.name.text().strip() or default_name(self._practice.title, clock.stamp())
        if self.as_zip.isChecked() and not name.lower().endswith(".zip"):
            name += ".zip"
        return Path(self.folder.text().strip()).expanduser() / name

    def start(self) -> None:
        """Begin the export in its own thread."""
        if self._worker is not None:
            return
        destination = self.destination
        self.message.setText(_("Exporting to {destination}…").format(destination=destination))
        self.progress.show()
        self.progress.setRange(0, 0)
        for widget in (self.folder, self.name, self.as_zip, self.export_button):
            widget.setEnabled(False)
        self._worker = _Worker(self._practice, destination)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        if self._practice.path is None:  # a practice in memory has one connection, usable here only
            self._worker.run()
            return
        self._thread = QThread(self)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._thread.start()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _stop_thread(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread = None
        self._worker = None

    def _on_finished(self, summary: ExportSummary | None) -> None:
        self._stop_thread()
        if summary is None:
            self.message.setText(_("The export was stopped. Nothing was exported."))
            self._ready_again()
            return
        self.summary = summary
        self._preferences.set_text(FOLDER_KEY, str(summary.destination.parent))
        self._preferences.set_text(ZIP_KEY, "1" if self.as_zip.isChecked() else "0")
        self.accept()

    def _on_failed(self, text: str) -> None:
        self._stop_thread()
        self.progress.hide()
        self.message.setText(text)
        self._ready_again()

    def _ready_again(self) -> None:
        for widget in (self.folder, self.name, self.as_zip, self.export_button):
            widget.setEnabled(True)

    def _cancel(self) -> None:
        if self._worker is not None:
            self._worker.stop = True
            self.message.setText(_("Stopping…"))
            return
        self.reject()

    def done(self, result: int) -> None:
        if self._thread is not None:  # Esc or closing the window while it runs: stop it first
            if self._worker is not None:
                self._worker.stop = True
            self._stop_thread()
        super().done(result)
