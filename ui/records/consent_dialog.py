"""Record informed consent: the date, the version of the consent text, and how it was obtained."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from acuchart import clock
from acuchart.errors import ValidationError
from acuchart.i18n import _
from acuchart.models import CONSENT_METHODS, Consent
from acuchart.practice import Practice
from ui.operations import Operations
from ui.records.forms import FieldMessages, from_qdate, to_qdate
from ui.style import px

DATE_FORMAT = "d MMM yyyy"


def date_edit(value: QDate | None = None) -> QDateEdit:
    """A date field with a calendar, showing dates the way the practice writes them."""
    edit = QDateEdit(value or to_qdate(clock.today()))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setMinimumHeight(30)
    return edit


class ConsentDialog(QDialog):
    """Put a client's informed consent on file (one transaction through ``practice.records``)."""

    def __init__(self, practice: Practice, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._practice = practice
        self._client_id = client_id
        self.saved: Consent | None = None
        client = practice.clients.get(client_id)
        self.setWindowTitle(_("Record consent: {full_name}").format(full_name=client.full_name))
        self.setMinimumWidth(480)
        self.messages = FieldMessages()
        self.given_on = date_edit()
        self.method = QComboBox()
        for key, label in CONSENT_METHODS:
            self.method.addItem(label, key)
        self.text_version = QLineEdit(practice.settings.get().consent_text_version)
        self.text_version.setToolTip(_("The version printed on the consent form the client agreed to"))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(
            _("e.g. form scanned to the client folder; verbal consent witnessed by reception")
        )
        self.note.setFixedHeight(px(70))
        intro = QLabel(
            _(
                "Record that {full_name} gave informed consent to cosmetic acupuncture, after hearing what it involves, its possible side effects, and that results vary."
            ).format(full_name=client.full_name)
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.messages.add_row(form, "given_on", _("Consent given on"), self.given_on)
        self.messages.add_row(form, "method", _("How it was obtained"), self.method)
        self.messages.add_row(form, "text_version", _("Consent text version"), self.text_version)
        self.messages.add_row(form, "note", _("Note"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.messages.general)
        layout.addWidget(buttons)

    def save(self) -> None:
        """Store the consent, or show what is wrong beside each field and keep the dialog open."""
        self.messages.clear()
        try:
            self.saved = Operations.of(self._practice).apply(
                lambda: self._practice.consent.record_consent(
                    self._client_id,
                    from_qdate(self.given_on.date()),
                    str(self.method.currentData()),
                    self.text_version.text(),
                    self.note.toPlainText(),
                ),
                self,
            )
        except ValidationError as exc:
            self.messages.show(exc.problems)
            return
        self.accept()


def ask_consent_or_override(practice: Practice, client_id: int, parent: QWidget | None = None) -> str | None:
    """No consent on file at the start of a session: record it now, or go ahead with a note saying why.

    Returns:
        ``""`` when consent is now on file, the override note to store with the session, or None to
        not start the session.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("No consent on file"))
    box.setText(_("This client has no informed consent on file."))
    box.setInformativeText(
        _("Record the consent now, or proceed with a note saying why (it is kept with the session).")
    )
    record = box.addButton(_("Record consent…"), QMessageBox.ButtonRole.AcceptRole)
    proceed = box.addButton(_("Proceed with a note…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is record:
        ConsentDialog(practice, client_id, parent=parent).exec()
        return "" if practice.consent.has_consent(client_id) else None
    if box.clickedButton() is proceed:
        note, ok = QInputDialog.getText(
            parent, _("Proceed without consent"), _("Why is there no consent on file?")
        )
        return note.strip() if ok and note.strip() else None
    return None
