"""Photo consent: for each use (clinical record, teaching, marketing) whether the client agrees; and
withdrawing one use, in force at once."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from acuchart.errors import ValidationError
from acuchart.i18n import N_, _
from acuchart.models import CONSENT_METHODS, PHOTO_USES, PhotoConsent
from acuchart.practice import Practice
from ui.accessibility import accessible
from ui.operations import Operations
from ui.records.consent_dialog import date_edit
from ui.records.forms import FieldMessages, from_qdate
from ui.style import px

_HINTS = {
    "clinical": N_("Needed before any photo is taken or imported; kept with the record."),
    "teaching": N_("To train other practitioners, without the client's name. Optional."),
    "marketing": N_("In the practice's own materials. Optional; refusing changes nothing about treatment."),
}


class PhotoConsentDialog(QDialog):
    """Record the client's answer for each use of photos (one operation for all three)."""

    def __init__(self, practice: Practice, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._practice = practice
        self._client_id = client_id
        self.saved: PhotoConsent | None = None
        client = practice.clients.get(client_id)
        current = practice.photo_consent.consent_of(client_id)
        self.setWindowTitle(_("Photo consent: {full_name}").format(full_name=client.full_name))
        self.setMinimumWidth(560)
        self.messages = FieldMessages()
        intro = QLabel(
            _(
                "For each use, record whether {full_name} agrees to photos of their face being used for it. Consent to treatment is recorded apart from this."
            ).format(full_name=client.full_name)
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(QLabel(_("<b>Use</b>")), 0, 0)
        grid.addWidget(QLabel(_("<b>Agrees</b>")), 0, 1)
        grid.addWidget(QLabel(_("<b>Does not agree</b>")), 0, 2)
        grid.addWidget(QLabel(_("<b>On record now</b>")), 0, 3)
        self.agrees: dict[str, QRadioButton] = {}
        self.refuses: dict[str, QRadioButton] = {}
        for row, (use, label) in enumerate(PHOTO_USES, start=1):
            name = QLabel(f"{label}<br><small>{_(_HINTS[use])}</small>")
            name.setWordWrap(True)
            yes, no = QRadioButton(), QRadioButton()
            yes.setObjectName(f"agrees_{use}")
            no.setObjectName(f"refuses_{use}")
            accessible(yes, _("{use}: agrees").format(use=label))  # the row's use and the column's heading
            accessible(no, _("{use}: does not agree").format(use=label))
            group = QButtonGroup(self)
            group.addButton(yes)
            group.addButton(no)
            latest = current.latest(use)
            (yes if latest is not None and latest.decision == "given" else no).setChecked(latest is not None)
            self.agrees[use], self.refuses[use] = yes, no
            grid.addWidget(name, row, 0)
            grid.addWidget(yes, row, 1)
            grid.addWidget(no, row, 2)
            grid.addWidget(QLabel(current.status(use)), row, 3)
        grid.setColumnStretch(0, 1)
        self.given_on = date_edit()
        self.method = QComboBox()
        for key, label in CONSENT_METHODS:
            self.method.addItem(label, key)
        self.text_version = QLineEdit(practice.settings.get().consent_text_version)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(px(60))
        form = QFormLayout()
        self.messages.add_row(form, "given_on", _("Decided on"), self.given_on)
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
        layout.addLayout(grid)
        layout.addWidget(self.messages.general)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def choices(self) -> dict[str, bool]:
        """The answer for each use the practitioner ticked either way."""
        return {
            use: self.agrees[use].isChecked()
            for use, _ in PHOTO_USES
            if self.agrees[use].isChecked() or self.refuses[use].isChecked()
        }

    def save(self) -> None:
        """Store the answers, or show what is wrong and keep the dialog open."""
        self.messages.clear()
        try:
            self.saved = Operations.of(self._practice).apply(
                lambda: self._practice.photo_consent.record(
                    self._client_id,
                    self.choices(),
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


def withdraw_use(practice: Practice, client_id: int, use: str, label: str, parent: QWidget | None) -> bool:
    """Ask for a note and withdraw the client's consent to ``use`` from today; True when withdrawn."""
    note, ok = QInputDialog.getText(
        parent,
        _("Withdraw consent: {label}").format(label=label),
        _("The client withdraws consent to photos for {lower}, from today.\nNote (optional):").format(
            lower=label.lower()
        ),
    )
    if not ok:
        return False
    return (
        Operations.of(practice).run(
            lambda: practice.photo_consent.withdraw(client_id, use, note=note), parent
        )
        is not None
    )


def consent_summary(consent: PhotoConsent) -> str:
    """One line for the client page: ``Photos: clinical record given 3 Mar 2026 · teaching refused …``."""
    if not consent.recorded:
        return _("No photo consent on file.")
    parts = [f"{label}: {consent_status(consent, use)}" for use, label in PHOTO_USES]
    return " · ".join(parts)


def consent_status(consent: PhotoConsent, use: str) -> str:
    """``given 3 Mar 2026``, ``withdrawn 9 Jun 2026``, ``not asked``: to follow a use's name."""
    text = consent.status(use)
    return text[:1].lower() + text[1:]
