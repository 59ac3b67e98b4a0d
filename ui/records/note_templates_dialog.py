"""The practice's note templates: what to ask for a concern, and which skin scales to record."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acuchart.errors import ValidationError
from acuchart.i18n import _
from acuchart.models import CONCERN_LABELS
from acuchart.models.tcm import SCALES
from acuchart.practice import Practice
from ui.accessibility import accessible
from ui.operations import Operations
from ui.records.forms import FieldMessages

ID_ROLE = 0x0100


class NoteTemplatesDialog(QDialog):
    """A list of templates (delete one), and the form for a new one."""

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Note templates"))
        self.resize(640, 560)
        self._practice = practice
        self._ops = Operations.of(practice)
        self.templates = QListWidget()
        self.templates.setObjectName("noteTemplates")
        accessible(self.templates, "Note templates")
        self.delete = QPushButton(_("Delete template"))
        self.delete.clicked.connect(self._delete)
        self.messages = FieldMessages()
        self.name = QLineEdit()
        self.concern = QComboBox()
        self.concern.addItem(_("Any concern"), "")
        for key, label in CONCERN_LABELS.items():
            self.concern.addItem(label, key)
        self.prompts = QPlainTextEdit()
        self.prompts.setPlaceholderText(
            _("What to ask, one question a line, e.g.\nHow have you slept since last time?")
        )
        self.scales = {key: QCheckBox(label) for key, label in SCALES}
        scales = QHBoxLayout()
        for box in self.scales.values():
            scales.addWidget(box)
        form = QFormLayout()
        self.messages.add_row(form, "name", _("Name"), self.name)
        self.messages.add_row(form, "concern", _("For"), self.concern)
        self.messages.add_row(form, "prompts", _("What to ask"), self.prompts)
        form.addRow(_("Record"), scales)
        self.add = QPushButton(_("Add template"))
        self.add.clicked.connect(self._add)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.templates, 1)
        layout.addWidget(self.delete)
        layout.addLayout(form)
        layout.addWidget(self.messages.general)
        layout.addWidget(self.add)
        layout.addWidget(buttons)
        self._show()

    def _show(self) -> None:
        self.templates.clear()
        for template in self._practice.note_templates.list():
            concern = CONCERN_LABELS.get(template.concern, "any concern")
            item = QListWidgetItem(f"{template.name} ({concern})")
            item.setData(ID_ROLE, template.id)
            item.setToolTip(template.prompts)
            self.templates.addItem(item)
        self.delete.setEnabled(self.templates.count() > 0)

    def _add(self) -> None:
        self.messages.clear()
        name, concern, prompts = self.name.text(), str(self.concern.currentData()), self.prompts.toPlainText()
        scales = [key for key, box in self.scales.items() if box.isChecked()]
        try:
            self._ops.apply(lambda: self._practice.note_templates.save(name, concern, prompts, scales), self)
        except ValidationError as exc:
            self.messages.show(exc.problems)
            return
        self.name.clear()
        self.prompts.clear()
        self._show()

    def _delete(self) -> None:
        item = self.templates.currentItem()
        if item is not None:
            template_id = int(item.data(ID_ROLE))
            self._ops.run(lambda: self._practice.note_templates.delete(template_id), self, self)
            self._show()
