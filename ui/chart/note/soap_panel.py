"""The session's note in SOAP parts: what the client reports, what was seen and done, the assessment, the plan.

Typed text is stored a moment after typing stops (and when leaving the session): the editor that
owns this panel runs the one undoable change. A template fills the Subjective part with what to ask.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QMenu, QPlainTextEdit, QToolButton, QVBoxLayout, QWidget

from acuchart.i18n import N_, _
from acuchart.models import Session
from acuchart.models.tcm import NoteTemplate
from ui.accessibility import accessible
from ui.style import mute

PARTS: tuple[tuple[str, str, str], ...] = (
    ("subjective", N_("Subjective"), N_("What the client reports since last time")),
    ("notes", N_("Objective"), N_("What you saw and did (saved as you type)")),
    ("assessment", N_("Assessment"), N_("Your reading: how it fits together, what changed")),
    ("plan", N_("Plan"), N_("What comes next: the next session, advice given")),
)
"""Each part: the session field it is stored in, its title and its placeholder."""


class SoapPanel(QWidget):
    """Four short text boxes, and a Template menu that puts a template's questions under Subjective."""

    typed = Signal()
    """Some part was typed in (the owner stores it after a pause)."""
    template_chosen = Signal(object)
    """A note template was picked (a :class:`NoteTemplate`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("soapPanel")
        self.edits: dict[str, QPlainTextEdit] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.template_button = QToolButton()
        self.template_button.setObjectName("noteTemplate")
        self.template_button.setText(_("Template"))
        self.template_button.setToolTip(_("Put a template's questions under Subjective"))
        self.template_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.template_menu = QMenu(self)
        self.template_button.setMenu(self.template_menu)
        layout.addWidget(self.template_button)
        for field, title, placeholder in PARTS:
            title, placeholder = _(title), _(placeholder)
            caption = QLabel(f"<b>{title}</b>")
            edit = QPlainTextEdit()
            edit.setObjectName(f"soap_{field}")
            edit.setPlaceholderText(placeholder)
            accessible(edit, _("{name}: {detail}").format(name=title, detail=placeholder))
            edit.setFixedHeight(3 * edit.fontMetrics().lineSpacing() + 14)
            edit.setTabChangesFocus(True)
            caption.setBuddy(edit)
            edit.textChanged.connect(self.typed)
            layout.addWidget(caption)
            layout.addWidget(edit)
            self.edits[field] = edit
        self.signed_note = QLabel(_("Signed: change the note with Amend… on the Signature tab."))
        mute(self.signed_note)
        self.signed_note.hide()
        layout.addWidget(self.signed_note)

    @property
    def objective(self) -> QPlainTextEdit:
        """The Objective box (the session's notes)."""
        return self.edits["notes"]

    def values(self) -> dict[str, str]:
        """What each part holds, by session field."""
        return {field: edit.toPlainText() for field, edit in self.edits.items()}

    def show_session(self, session: Session, keep_typing: bool) -> None:
        """Show the stored note; a part being typed in (``keep_typing``) keeps what is typed."""
        for field, edit in self.edits.items():
            stored = getattr(session, field)
            if edit.toPlainText() != stored and not keep_typing:
                edit.blockSignals(True)
                edit.setPlainText(stored)
                edit.blockSignals(False)
            edit.setReadOnly(session.signed)
        self.template_button.setEnabled(not session.signed)
        self.signed_note.setVisible(session.signed)

    def set_templates(self, templates: list[NoteTemplate]) -> None:
        """The templates the Template menu offers (those of the session's concerns first)."""
        self.template_menu.clear()
        if not templates:
            self.template_menu.addAction(_("No templates yet: File → Note templates…")).setEnabled(False)
        for template in templates:
            action = self.template_menu.addAction(template.name)
            action.triggered.connect(lambda _=False, t=template: self.template_chosen.emit(t))

    def insert_questions(self, template: NoteTemplate) -> None:
        """Put a template's questions at the end of the Subjective part (the owner stores it)."""
        box = self.edits["subjective"]
        current = box.toPlainText().rstrip()
        box.setPlainText(f"{current}\n{template.prompts}".strip() if template.prompts else current)
        box.setFocus()
