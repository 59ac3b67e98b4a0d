"""Amend a signed session (what, the new value, why), or add a reaction reported after signing."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from acuchart.errors import ValidationError
from acuchart.i18n import _
from acuchart.models import (
    ONSETS,
    REACTION_KINDS_AT_POINT,
    REACTION_KINDS_SESSION,
    SEVERITIES,
    AmendableField,
    Amendment,
)
from acuchart.practice import Practice
from ui.accessibility import accessible
from ui.operations import Operations
from ui.records.forms import FieldMessages
from ui.style import mute, px

LONG_FIELDS = {"notes", "count_note", "note"}


def _reason_box(placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(px(64))
    return box


class AmendDialog(QDialog):
    """Choose what to change in a signed session, give the new value and the reason; the original stays."""

    def __init__(self, practice: Practice, session_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._practice = practice
        self._session_id = session_id
        self.saved: Amendment | None = None
        self.setWindowTitle(_("Amend signed session"))
        self.setMinimumWidth(520)
        self.messages = FieldMessages()
        self._fields = practice.signing.amendable_fields(session_id)
        self.field = QComboBox()
        for item in self._fields:
            self.field.addItem(item.label)
        self.current = QLabel()
        self.current.setObjectName("currentValue")
        self.current.setWordWrap(True)
        self.line = QLineEdit()
        self.text = QPlainTextEdit()
        self.text.setFixedHeight(px(80))
        self.choice = QComboBox()
        self.new_value = QWidget()
        editors = QVBoxLayout(self.new_value)
        editors.setContentsMargins(0, 0, 0, 0)
        for widget in (self.line, self.text, self.choice):
            editors.addWidget(widget)  # one shows at a time, as the value's kind asks
            accessible(widget, "New value")
        self.reason = _reason_box(_("Why the signed record is being changed (required)"))
        intro = QLabel(
            _(
                "The session stays as it was signed. The amendment is added to it with your name, "
                "the time, the old and the new value, and the reason."
            )
        )
        intro.setWordWrap(True)
        mute(intro)
        form = QFormLayout()
        self.messages.add_row(form, "field", _("Change"), self.field)
        form.addRow(_("On record now"), self.current)
        self.messages.add_row(form, "new_value", _("New value"), self.new_value)
        self.messages.add_row(form, "reason", _("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(_("Add amendment"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.messages.general)
        layout.addWidget(buttons)
        self._editor: QWidget = self.line
        self.field.currentIndexChanged.connect(self._show_field)
        self._show_field()

    def selected(self) -> AmendableField | None:
        """The field chosen to amend."""
        index = self.field.currentIndex()
        return self._fields[index] if 0 <= index < len(self._fields) else None

    def select(self, entity: str, entity_id: int | None, field: str) -> None:
        """Choose a field by what it is (for callers that know, and for tests)."""
        for i, item in enumerate(self._fields):
            if (item.entity, item.entity_id, item.field) == (entity, entity_id, field):
                self.field.setCurrentIndex(i)
                return

    def _show_field(self) -> None:
        item = self.selected()
        if item is None:
            return
        self.current.setText(item.current or _("(empty)"))
        if item.choices:
            self.choice.clear()
            for key, label in item.choices:
                self.choice.addItem(label, key)
            self.choice.setCurrentIndex(max(0, self.choice.findData(item.current)))
            self._show_editor(self.choice)
        elif item.field in LONG_FIELDS:
            self.text.setPlainText(item.current)
            self._show_editor(self.text)
        else:
            self.line.setText(item.current)
            self.line.setPlaceholderText(
                _("0 to 10; empty removes the rating") if item.entity == "ratings" else ""
            )
            self._show_editor(self.line)

    def _show_editor(self, editor: QWidget) -> None:
        """Show only the editor that suits the field (hidden ones take no room)."""
        for widget in (self.line, self.text, self.choice):
            widget.setVisible(widget is editor)
        self._editor = editor
        self.adjustSize()

    def set_new_value(self, value: str) -> None:
        """Put a new value in whichever field is showing."""
        widget = self._editor
        if widget is self.choice:
            self.choice.setCurrentIndex(self.choice.findData(value))
        elif widget is self.text:
            self.text.setPlainText(value)
        else:
            self.line.setText(value)

    def _value(self) -> str:
        widget = self._editor
        if widget is self.choice:
            return str(self.choice.currentData())
        return self.text.toPlainText() if widget is self.text else self.line.text()

    def save(self) -> None:
        """Append the amendment, or show what is wrong beside each field and keep the dialog open."""
        self.messages.clear()
        item = self.selected()
        if item is None:
            self.messages.show({"field": _("This session has nothing that can be amended.")})
            return
        try:
            self.saved = Operations.of(self._practice).apply(
                lambda: self._practice.signing.amend(
                    self._session_id,
                    item.entity,
                    item.entity_id,
                    item.field,
                    self._value(),
                    self.reason.toPlainText(),
                ),
                self,
            )
        except ValidationError as exc:
            self.messages.show(exc.problems)
            return
        self.accept()


class LateReactionDialog(QDialog):
    """A reaction the client reported after the session was signed: recorded as a late entry."""

    def __init__(self, practice: Practice, session_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._practice = practice
        self._session_id = session_id
        self.saved: Amendment | None = None
        self.setWindowTitle(_("Reaction reported after signing"))
        self.setMinimumWidth(480)
        self.messages = FieldMessages()
        self.where = QComboBox()
        self.where.addItem(_("Whole session (not at a point)"), None)
        for mark in practice.sessions.load(session_id).marks:
            self.where.addItem(mark.title, mark.id)
        self.kind = QComboBox()
        self.severity = QComboBox()
        for severity in SEVERITIES:
            self.severity.addItem(severity.capitalize(), severity)
        self.onset = QComboBox()
        for key, label in ONSETS:
            self.onset.addItem(label, key)
        self.onset.setCurrentIndex(self.onset.findData("later"))
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(px(56))
        self.reason = _reason_box(_("How it came to be reported"))
        self.reason.setPlainText(_("Reported after the session was signed."))
        form = QFormLayout()
        self.messages.add_row(form, "mark", _("Where"), self.where)
        self.messages.add_row(form, "kind", _("Reaction"), self.kind)
        self.messages.add_row(form, "severity", _("Severity"), self.severity)
        self.messages.add_row(form, "onset", _("Onset"), self.onset)
        self.messages.add_row(form, "note", _("Note"), self.note)
        self.messages.add_row(form, "reason", _("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(_("Add late entry"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.messages.general)
        layout.addWidget(buttons)
        self.where.currentIndexChanged.connect(self._fill_kinds)
        self._fill_kinds()

    def _fill_kinds(self) -> None:
        kinds = REACTION_KINDS_SESSION if self.where.currentData() is None else REACTION_KINDS_AT_POINT
        self.kind.clear()
        for key, label in kinds:
            self.kind.addItem(label, key)

    def save(self) -> None:
        """Add the late entry, or show what is wrong beside each field."""
        self.messages.clear()
        try:
            self.saved = Operations.of(self._practice).apply(
                lambda: self._practice.signing.add_late_reaction(
                    self._session_id,
                    self.where.currentData(),
                    str(self.kind.currentData()),
                    str(self.severity.currentData()),
                    str(self.onset.currentData()),
                    self.note.toPlainText(),
                    self.reason.toPlainText(),
                ),
                self,
            )
        except ValidationError as exc:
            self.messages.show(exc.problems)
            return
        self.accept()
