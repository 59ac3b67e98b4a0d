"""Bringing photos into a session: files (several at once), a whole folder (a phone's export), or
dropped onto the session; each file one operation, with a progress bar and one message for the lot."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from acuchart.errors import AcuChartError
from acuchart.i18n import N_, _
from acuchart.photos.store import PhotoStoreError
from acuchart.practice import Practice
from ui.operations import Operations
from ui.preferences import Preferences

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".heif")
FILE_FILTER = N_("Photos (*.jpg *.jpeg *.png *.heic *.heif *.JPG *.JPEG *.PNG *.HEIC *.HEIF);;All files (*)")
FOLDER_KEY = "photos/last_folder"
IN_ORDER = "in_order"
"""Not a view: the standard set, taken in order (the files' names give the order), one view each."""
STANDARD_SET = ("front", "left_oblique", "right_oblique", "left_profile", "right_profile")


def photo_files_in(folder: Path) -> list[Path]:
    """The photo files directly in ``folder``, by name (a phone's export folder holds nothing else of use)."""
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in PHOTO_SUFFIXES and p.is_file())


def ensure_photo_consent(practice: Practice, client_id: int, parent: QWidget | None) -> bool:
    """True when photos for the clinical record are allowed; otherwise say so, with one click to record it."""
    allowed, why = practice.photo_consent.may_use(client_id, "clinical")
    if allowed:
        return True
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("No photo consent"))
    box.setText(_("No photo can be stored without the client's consent to photos in the clinical record."))
    box.setInformativeText(why)
    record = box.addButton(_("Record photo consent…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is not record:
        return False
    from ui.photos.consent_dialog import PhotoConsentDialog

    PhotoConsentDialog(practice, client_id, parent).exec()
    return practice.photo_consent.may_use(client_id, "clinical")[0]


class PhotoImporter:
    """Imports photos into the session it is given, remembering the folder last used."""

    def __init__(self, practice: Practice, preferences: Preferences | None, parent: QWidget) -> None:
        self._practice = practice
        self._preferences = preferences
        self._parent = parent

    def _start_folder(self) -> str:
        return (self._preferences.text(FOLDER_KEY) if self._preferences else "") or str(Path.home())

    def _remember(self, folder: Path) -> None:
        if self._preferences is not None:
            self._preferences.set_text(FOLDER_KEY, str(folder))

    def _consented(self, session_id: int) -> bool:
        client_id = self._practice.sessions.get(session_id).client_id
        return ensure_photo_consent(self._practice, client_id, self._parent)

    def choose_files(self, session_id: int, view: str, label: str = "") -> list[str]:
        """Ask for photo files and import them; returns one message per file that was not imported."""
        if not self._consented(session_id):
            return []
        names, _filter = QFileDialog.getOpenFileNames(
            self._parent, _("Import photos"), self._start_folder(), _(FILE_FILTER)
        )
        if not names:
            return []
        self._remember(Path(names[0]).parent)
        return self.import_files(session_id, [Path(n) for n in names], view, label)

    def choose_folder(self, session_id: int, view: str, label: str = "") -> list[str]:
        """Ask for a folder (a phone's export) and import every photo in it."""
        if not self._consented(session_id):
            return []
        name = QFileDialog.getExistingDirectory(
            self._parent, _("Import every photo in a folder"), self._start_folder()
        )
        if not name:
            return []
        folder = Path(name)
        self._remember(folder)
        files = photo_files_in(folder)
        if not files:
            return [_("{folder} holds no JPEG, PNG or HEIC photos.").format(folder=folder)]
        return self.import_files(session_id, files, view, label)

    def import_files(self, session_id: int, files: Iterable[Path], view: str, label: str = "") -> list[str]:
        """Import each file as its own operation; a full disk stops the rest.

        Returns:
            One sentence per file that was not imported (each names its file); shown together, once.
        """
        files = sorted(files, key=lambda p: p.name) if view == IN_ORDER else list(files)
        if not files or not self._consented(session_id):
            return []
        progress = QProgressDialog(_("Importing photos…"), _("Stop"), 0, len(files), self._parent)
        progress.setWindowTitle(_("Import photos"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        ops = Operations.of(self._practice)
        problems: list[str] = []
        for done, path in enumerate(files):
            if progress.wasCanceled():
                problems.append(
                    _("Stopped: {value} photos were not imported.").format(value=len(files) - done)
                )
                break
            progress.setLabelText(_("Importing {name}…").format(name=path.name))
            progress.setValue(done)
            this_view = STANDARD_SET[done % len(STANDARD_SET)] if view == IN_ORDER else view
            try:
                ops.apply(
                    partial(self._practice.photos.import_file, session_id, path, this_view, label),
                    self._parent,
                )
            except PhotoStoreError as exc:
                problems.append(str(exc))
                if done + 1 < len(files):
                    problems.append(
                        _("The other {value} photos were not imported.").format(value=len(files) - done - 1)
                    )
                break
            except AcuChartError as exc:
                problems.append(str(exc))
        progress.setValue(len(files))
        progress.close()
        self.report(problems, len(files))
        return problems

    def report(self, problems: list[str], attempted: int) -> None:
        """Say, once, which files were not imported and why."""
        if not problems:
            return
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Import photos"))
        stored = attempted - sum(1 for p in problems if not p.startswith(("Stopped", "The other")))
        box.setText(
            _("{value} of {attempted} photos were imported.").format(
                value=max(0, stored), attempted=attempted
            )
        )
        box.setInformativeText("\n\n".join(problems))
        box.exec()
