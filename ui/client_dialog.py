"""New and edit client: identity, intake and cautions, with each problem shown beside its field."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from acuchart import clock
from acuchart.errors import ValidationError
from acuchart.i18n import _
from acuchart.models import CAUTION_FLAGS, CONCERNS, Client
from acuchart.practice import Practice
from acuchart.services.clients import ClientForm
from ui.operations import Operations
from ui.records.date_field import DateField
from ui.records.forms import FieldMessages
from ui.records.language_settings import language_box
from ui.style import px


class ClientDialog(QDialog):
    """Create a client, or edit one; saving goes through ``practice.clients`` as one transaction.

    With ``review_cautions`` it opens on the Cautions tab, and saving stamps today as the review date.
    """

    def __init__(
        self,
        practice: Practice,
        client: Client | None = None,
        parent: QWidget | None = None,
        review_cautions: bool = False,
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._client = client
        self._review = review_cautions
        self.saved_client: Client | None = None
        self.setWindowTitle(
            _("Edit {full_name}").format(full_name=client.full_name) if client else _("New client")
        )
        self.setMinimumWidth(520)
        self.messages = FieldMessages()
        self._edits: dict[str, QLineEdit] = {}

        tabs = QTabWidget()
        tabs.addTab(self._identity_tab(), _("Identity"))
        tabs.addTab(self._intake_tab(), _("Intake"))
        tabs.addTab(self._cautions_tab(), _("Cautions"))
        self.tabs = tabs
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.messages.general)
        layout.addWidget(buttons)
        if client is not None:
            self._fill(ClientForm.from_client(client))
        self._edits["first_name"].setFocus()
        if review_cautions:
            self.setWindowTitle(
                _("Review cautions: {full_name}").format(full_name=client.full_name)
                if client
                else _("Review cautions")
            )
            tabs.setCurrentIndex(self._tab_of(self.caution_notes_edit))
            self._edits["cautions_reviewed_on"].setReadOnly(True)
            self._edits["cautions_reviewed_on"].setText(clock.today().isoformat())
            self._edits["cautions_reviewed_on"].setToolTip(
                _("Saving records today as the date of this review")
            )

    def _line(self, form: QFormLayout, name: str, label: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        self.messages.add_row(form, name, label, edit)
        self._edits[name] = edit
        return edit

    def _text(self, form: QFormLayout, name: str, label: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setFixedHeight(px(70))
        self.messages.add_row(form, name, label, edit)
        return edit

    def _identity_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self._line(form, "first_name", _("First name*"))
        self._line(form, "last_name", _("Last name*"))
        self._line(form, "preferred_name", _("Preferred name"))
        self.date_of_birth = DateField()
        self.date_of_birth.setObjectName("dateOfBirth")
        self.messages.add_row(form, "date_of_birth", _("Date of birth"), self.date_of_birth)
        self._line(form, "phone", _("Phone"))
        self._line(form, "email", _("Email"), _("name@example.com"))
        self.address_edit = self._text(form, "address", _("Address"))
        self.language = language_box((_("The practice's language"), ""))
        self.language.setObjectName("clientLanguage")
        self.language.setToolTip(
            _("The language this client's handouts, summaries and consent forms print in")
        )
        self.messages.add_row(form, "language", _("Documents in"), self.language)
        return page

    def _intake_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(_("Concerns the client would like to address:")))
        grid = QGridLayout()
        self.concern_boxes: dict[str, QCheckBox] = {}
        for i, (key, label) in enumerate(CONCERNS):
            box = QCheckBox(label)
            self.concern_boxes[key] = box
            grid.addWidget(box, i // 2, i % 2)
        layout.addLayout(grid)
        form = QFormLayout()
        self.skin_notes_edit = self._text(form, "skin_notes", _("Skin notes"))
        self.goals_edit = self._text(form, "goals", _("Goals"))
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _cautions_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(_("Screen at intake and ask again at each review:")))
        grid = QGridLayout()
        self.caution_boxes: dict[str, QCheckBox] = {}
        for i, (key, label) in enumerate(CAUTION_FLAGS):
            box = QCheckBox(label)
            self.caution_boxes[key] = box
            grid.addWidget(box, i // 2, i % 2)
        layout.addLayout(grid)
        form = QFormLayout()
        self.caution_notes_edit = self._text(form, "caution_notes", _("Details"))
        self.caution_notes_edit.setPlaceholderText(
            _("e.g. filler in both nasolabial folds on 2026-10-02; takes aspirin 75 mg")
        )
        self._line(
            form, "cautions_reviewed_on", _("Last reviewed"), _("YYYY-MM-DD (today when you save, if empty)")
        )
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _fill(self, form: ClientForm) -> None:
        for name, edit in self._edits.items():
            value = getattr(form, name)
            edit.setText(value.isoformat() if isinstance(value, dt.date) else (value or ""))
        self.address_edit.setPlainText(form.address)
        born = form.date_of_birth
        self.date_of_birth.set_value(born if isinstance(born, dt.date) else None)
        self.language.setCurrentIndex(max(0, self.language.findData(form.language)))
        self.skin_notes_edit.setPlainText(form.skin_notes)
        self.goals_edit.setPlainText(form.goals)
        self.caution_notes_edit.setPlainText(form.caution_notes)
        for key, box in self.concern_boxes.items():
            box.setChecked(key in form.concerns)
        for key, box in self.caution_boxes.items():
            box.setChecked(key in form.caution_flags)

    def form(self) -> ClientForm:
        """What the dialog holds now, as the service's form."""
        values = {name: edit.text() for name, edit in self._edits.items()}
        flags = [key for key, box in self.caution_boxes.items() if box.isChecked()]
        reviewed = values.pop("cautions_reviewed_on") or None
        if reviewed is None and (flags or self.caution_notes_edit.toPlainText().strip()):
            reviewed = clock.today().isoformat()
        return ClientForm(
            **values,
            date_of_birth=self.date_of_birth.value(),
            language=str(self.language.currentData() or ""),
            address=self.address_edit.toPlainText(),
            concerns=[key for key, box in self.concern_boxes.items() if box.isChecked()],
            skin_notes=self.skin_notes_edit.toPlainText(),
            goals=self.goals_edit.toPlainText(),
            caution_flags=flags,
            caution_notes=self.caution_notes_edit.toPlainText(),
            cautions_reviewed_on=reviewed,
        )

    def save(self) -> None:
        """Validate and store; on a problem, show it beside its field and keep the dialog open."""
        self.messages.clear()
        try:
            clients, form, client = self._practice.clients, self.form(), self._client
            ops = Operations.of(self._practice)
            if client is None:
                self.saved_client = ops.apply(lambda: clients.create(form), self)
            else:
                self.saved_client = ops.apply(lambda: clients.update(client.id, form), self)
        except ValidationError as exc:
            self._show_problems(exc.problems)
            return
        self.accept()

    def _show_problems(self, problems: dict[str, str]) -> None:
        self.messages.show(problems)
        first = next((self.messages.errors[n] for n in problems if n in self.messages.errors), None)
        if first is not None:
            self.tabs.setCurrentIndex(self._tab_of(first))

    def _tab_of(self, widget: QWidget) -> int:
        for i in range(self.tabs.count()):
            if (page := self.tabs.widget(i)) is not None and page.isAncestorOf(widget):
                return i
        return 0

    def field_error(self, name: str) -> str:
        """The message shown beside a field (empty when none); for tests and accessibility."""
        return self.messages.message(name)
