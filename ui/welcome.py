"""The first start: no practice yet. Look around the demo, set the practice up, or open a practice file
brought from another computer.

Setting up asks each thing once, and each stays changeable: the practice's details and the second place
for backups in Practice settings (Ctrl+,), the practice file through File → Open practice file….
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QCommandLinkButton,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from acuchart.errors import StoreError, ValidationError
from acuchart.i18n import N_, _
from acuchart.practice import Practice
from acuchart.protection.files import private_folder
from acuchart.services.settings import BACKUP_SECOND_PLACE_KEY, check_settings
from ui.app_icon import app_icon
from ui.operations import Operations
from ui.practice_files import SUFFIX, ask_existing_practice_file
from ui.records.forms import FieldMessages
from ui.records.practice_fields import PRACTICE_LINES, LogoChooser, PathField, paper_size_box
from ui.style import mute, px

FirstStart = Practice | Path | Literal["demo"] | None
"""What the welcome ends with: the practice just set up, a practice file to open, the demo, or None (quit)."""

NEEDED = {
    "practice_name": N_("Enter the practice's name: it heads every handout."),
    "practitioner_name": N_("Enter your name as you sign: it signs every session."),
}
FILE_FIELD = "practice_file"


class Welcome(QDialog):
    """The first start's two pages: the choice, then the practice's details and where its records live."""

    def __init__(self, default_path: Path, parent: QWidget | None = None, set_up_only: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New practice") if set_up_only else _("Welcome to AcuChart"))
        self.setWindowIcon(app_icon())
        self.outcome: FirstStart = None
        self.messages = FieldMessages()
        self.edits: dict[str, QLineEdit] = {}
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choice_page())
        self.pages.addWidget(self._set_up_page(default_path))
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        if set_up_only:  # File → New practice file…: the second page alone, Back becomes Cancel
            self.pages.setCurrentIndex(1)
            self.back_button.setText(_("Cancel"))
            self.back_button.clicked.disconnect()
            self.back_button.clicked.connect(self.reject)
        self.setMinimumWidth(640)  # messages beside the fields make it taller, never narrower
        self.resize(680, 560)

    # --- the first page: what to do ---------------------------------------------------------
    def _choice_page(self) -> QWidget:
        page = QWidget()
        heading = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(QSize(72, 72)))
        title = QLabel(
            _(
                "<h2>Welcome to AcuChart</h2>Charting for cosmetic acupuncture. Your records stay in one "
                "file on this computer, saved the moment you make each change."
            )
        )
        title.setWordWrap(True)
        heading.addWidget(logo)
        heading.addWidget(title, 1)
        self.set_up_button = QCommandLinkButton(
            _("Set up your practice"),
            _(
                "Your practice's name, your name, licence number and logo, printed on every handout. "
                "About a minute; all of it can be changed later."
            ),
        )
        self.demo_button = QCommandLinkButton(
            _("Look around the demo practice"),
            _(
                "Fictional clients and sessions in a temporary file. Nothing you do there is kept, and "
                "you are welcomed again next time."
            ),
        )
        self.open_button = QCommandLinkButton(
            _("Open a practice file…"),
            _("Moving from another computer? Open the {SUFFIX} file you brought with you.").format(
                SUFFIX=SUFFIX
            ),
        )
        self.set_up_button.clicked.connect(lambda: self.pages.setCurrentIndex(1))
        self.demo_button.clicked.connect(self._choose_demo)
        self.open_button.clicked.connect(self._choose_file)
        column = QVBoxLayout(page)
        column.addLayout(heading)
        column.addSpacing(12)
        for button in (self.set_up_button, self.demo_button, self.open_button):
            column.addWidget(button)
        column.addStretch(1)
        quit_row = QHBoxLayout()
        quit_row.addStretch(1)
        quit_button = QPushButton(_("Quit"))
        quit_button.clicked.connect(self.reject)
        quit_row.addWidget(quit_button)
        column.addLayout(quit_row)
        return page

    def _choose_demo(self) -> None:
        self.outcome = "demo"
        self.accept()

    def _choose_file(self) -> None:
        chosen = ask_existing_practice_file(self, None)
        if chosen is not None:
            self.outcome = chosen
            self.accept()

    # --- the second page: the practice ------------------------------------------------------
    def _set_up_page(self, default_path: Path) -> QWidget:
        page = QWidget()
        who = QGroupBox(_("Your practice, as handouts and records print it"))
        form = QFormLayout(who)
        for name, label, placeholder in PRACTICE_LINES:
            edit = QLineEdit()
            edit.setPlaceholderText(_(placeholder))
            self.edits[name] = edit
            self.messages.add_row(form, name, _(label), edit)
        self.address = QPlainTextEdit()
        self.address.setFixedHeight(px(56))
        self.messages.add_row(form, "address", _("Address"), self.address)
        self.logo = LogoChooser()
        self.messages.add_row(form, "logo_path", _("Logo"), self.logo)
        self.paper_size = paper_size_box()
        self.messages.add_row(form, "paper_size", _("Paper size"), self.paper_size)

        where = QGroupBox(_("Where the records are kept"))
        places = QFormLayout(where)
        self.practice_file = PathField(
            _("Where the practice file goes"),
            save_filter=_("AcuChart practice (*{SUFFIX})").format(SUFFIX=SUFFIX),
        )
        self.practice_file.set_text(str(default_path))
        self.messages.add_row(places, FILE_FIELD, _("Practice file"), self.practice_file)
        self.second_place = PathField(
            _("Where the second copy of each backup goes"), _("None for now: backups stay on this computer")
        )
        self.messages.add_row(
            places, BACKUP_SECOND_PLACE_KEY, _("Second place for backups"), self.second_place
        )
        hint = QLabel(
            _(
                "Backups are kept on this computer. A USB drive or a synced folder as a second place keeps a "
                "copy safe if this computer is lost."
            )
        )
        hint.setWordWrap(True)
        mute(hint)
        places.addRow("", hint)
        self.protect = QCheckBox(_("Protect the practice file with a passphrase (recommended)"))
        self.protect.setChecked(True)
        self.protect.setToolTip(
            _(
                "The file is encrypted: a lost or stolen computer shows nobody your clients' records. "
                "You choose the passphrase and save a recovery key page next."
            )
        )
        places.addRow("", self.protect)

        back = self.back_button = QPushButton(_("Back"))
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.create_button = QPushButton(_("Create the practice"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_practice)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        column = QVBoxLayout(page)
        column.addWidget(who)
        column.addWidget(where)
        column.addWidget(self.messages.general)
        column.addLayout(buttons)
        return page

    def values(self) -> dict[str, Any]:
        """The practice settings the page holds."""
        values: dict[str, Any] = {name: edit.text() for name, edit in self.edits.items()}
        values.update(
            address=self.address.toPlainText(),
            logo_path=self.logo.path,
            paper_size=str(self.paper_size.currentData()),
        )
        values[BACKUP_SECOND_PLACE_KEY] = self.second_place.text
        return values

    def practice_path(self) -> Path:
        """The practice file as chosen, with its ``.acuchart`` ending."""
        text = self.practice_file.text
        path = Path(text).expanduser()
        return path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX)

    def create_practice(self) -> None:
        """Check everything, then create the practice file with its settings; or show what is wrong beside
        each field and create nothing."""
        self.messages.clear()
        values = self.values()
        problems = {name: _(text) for name, text in NEEDED.items() if not values[name].strip()}
        path = self.practice_path()
        if not self.practice_file.text:
            problems[FILE_FIELD] = _("Choose where the practice file goes.")
        elif not path.is_absolute():
            problems[FILE_FIELD] = _("Choose the place with the Choose… button (a full path).")
        elif path.exists() and path.stat().st_size > 0:
            problems[FILE_FIELD] = _(
                "There is already a practice file at {path}. To use it, go Back and choose Open a practice file…; a new practice needs a new file name."
            ).format(path=path)
        try:
            check_settings(values, path)
        except ValidationError as exc:
            problems = {**exc.problems, **problems}
        if problems:
            self.messages.show(problems)
            return
        practice = self._create(path, values)
        if practice is not None:
            if self.protect.isChecked():
                from ui.protection.actions import protect_new_practice

                practice = protect_new_practice(self, practice)
            self.outcome = practice
            self.accept()

    def _create(self, path: Path, values: dict[str, Any]) -> Practice | None:
        """The new practice, set up; None (with the reason shown, and no file left behind) when it fails."""
        existed = path.exists()
        try:
            private_folder(path.parent)
            practice = Practice.open(path)
        except (StoreError, OSError) as exc:
            reason = (
                str(exc)
                if isinstance(exc, StoreError)
                else _("{path} cannot be created: {strerror}.").format(path=path, strerror=exc.strerror)
            )
            self.messages.show({FILE_FIELD: reason})
            return None
        try:
            Operations.of(practice).apply(lambda: practice.settings.update(**values), self)
        except (StoreError, OSError) as exc:
            practice.close()
            if not existed:
                for leftover in (
                    path,
                    *(path.with_name(path.name + end) for end in ("-wal", "-shm", ".lock")),
                ):
                    leftover.unlink(missing_ok=True)
            self.messages.show(
                {"": _("The practice could not be set up, and nothing was kept: {exc}").format(exc=exc)}
            )
            return None
        return practice


def set_up_practice(parent: QWidget, folder: Path) -> Practice | None:
    """File → New practice file…: set up a practice in a new file (offered in ``folder`` under a name
    not yet taken); the new practice, or None when cancelled."""
    suggested = folder / f"practice{SUFFIX}"
    number = 2
    while suggested.exists():
        suggested, number = folder / f"practice-{number}{SUFFIX}", number + 1
    dialog = Welcome(suggested, parent, set_up_only=True)
    dialog.exec()
    return dialog.outcome if isinstance(dialog.outcome, Practice) else None


def first_start(default_path: Path) -> FirstStart:
    """Show the welcome and return what the practitioner chose (None: they quit)."""
    welcome = Welcome(default_path)
    welcome.exec()
    return welcome.outcome
