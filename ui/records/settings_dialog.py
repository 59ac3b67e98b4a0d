"""Practice settings (File → Practice settings…): who the practice is, as every record and handout prints it.

The tabs are the hook for more: the handout texts get a tab of their own (``add_tab``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from acuchart.errors import ValidationError
from acuchart.i18n import _
from acuchart.models import PracticeSettings
from acuchart.practice import Practice
from acuchart.services.settings import BACKUP_SECOND_PLACE_KEY, LANGUAGE_KEY
from ui.operations import Operations
from ui.preferences import Preferences
from ui.records.forms import FieldMessages
from ui.records.language_settings import LanguagePage
from ui.records.practice_fields import PRACTICE_LINES, LogoChooser, PathField, paper_size_box
from ui.style import px


class SettingsDialog(QDialog):
    """Edit the practice settings; every problem is shown beside its field and nothing is half-saved."""

    def __init__(
        self, practice: Practice, parent: QWidget | None = None, preferences: Preferences | None = None
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self.setWindowTitle(_("Practice settings"))
        self.setMinimumWidth(600)
        self.messages = FieldMessages()
        self.edits: dict[str, QLineEdit] = {}
        self.tabs = QTabWidget()
        self.tabs.addTab(self._practice_tab(), _("Practice"))
        self.tabs.addTab(self._records_tab(), _("Records"))
        self.language = LanguagePage(practice.settings.language(), preferences)
        self.tabs.addTab(self.language, _("Language"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.messages.general)
        layout.addWidget(buttons)
        self._fill(practice.settings.get())

    def add_tab(self, page: QWidget, title: str) -> None:
        """Add a page of further settings (the handout texts, for one)."""
        self.tabs.addTab(page, title)

    # --- pages -------------------------------------------------------------------------------
    def _practice_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        for name, label, placeholder in PRACTICE_LINES:
            edit = QLineEdit()
            edit.setPlaceholderText(_(placeholder))
            self.edits[name] = edit
            self.messages.add_row(form, name, _(label), edit)
        self.address = QPlainTextEdit()
        self.address.setFixedHeight(px(64))
        self.messages.add_row(form, "address", _("Address"), self.address)
        self.logo = LogoChooser()
        self.logo_preview = self.logo.preview
        self.messages.add_row(form, "logo_path", _("Logo"), self.logo)
        self.paper_size = paper_size_box()
        self.messages.add_row(form, "paper_size", _("Paper size"), self.paper_size)
        return page

    def _records_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.review_months = QSpinBox()
        self.review_months.setRange(0, 999)
        self.review_months.setSuffix(_(" months"))
        self.messages.add_row(form, "caution_review_months", _("Review cautions after"), self.review_months)
        self.consent_version = QLineEdit()
        self.consent_version.setPlaceholderText(_("e.g. 2026-1: the version printed on your consent form"))
        self.messages.add_row(form, "consent_text_version", _("Consent text version"), self.consent_version)
        self.second_place = PathField(
            _("Where the second copy of each backup goes"), _("None: backups stay on this computer only")
        )
        self.second_place.setToolTip(_("A USB drive or a synced folder, away from the practice file"))
        self.messages.add_row(form, BACKUP_SECOND_PLACE_KEY, _("Second place for backups"), self.second_place)
        return page

    # --- values ------------------------------------------------------------------------------
    def _fill(self, settings: PracticeSettings) -> None:
        for name, edit in self.edits.items():
            edit.setText(getattr(settings, name))
        self.address.setPlainText(settings.address)
        self.paper_size.setCurrentIndex(max(0, self.paper_size.findData(settings.paper_size)))
        self.review_months.setValue(settings.caution_review_months)
        self.consent_version.setText(settings.consent_text_version)
        self.set_logo(settings.logo_path)
        second_place = settings.extra.get(BACKUP_SECOND_PLACE_KEY, "")
        self._stored_second_place = second_place if isinstance(second_place, str) else ""
        self.second_place.set_text(self._stored_second_place)

    def set_logo(self, path: str) -> None:
        """Use the image at ``path`` as the logo (empty: none) and preview it."""
        self.logo.set_path(path)

    @property
    def logo_path(self) -> str:
        """The chosen logo file ('' for none)."""
        return self.logo.path

    def values(self) -> dict[str, Any]:
        """What the dialog holds, as settings."""
        values: dict[str, Any] = {name: edit.text() for name, edit in self.edits.items()}
        values.update(
            address=self.address.toPlainText(),
            logo_path=self.logo_path,
            paper_size=str(self.paper_size.currentData()),
            caution_review_months=self.review_months.value(),
            consent_text_version=self.consent_version.text(),
        )
        values[LANGUAGE_KEY] = self.language.practice_language
        # Checked only when changed: a backup drive unplugged today must not stop a new phone number.
        if self.second_place.text != self._stored_second_place:
            values[BACKUP_SECOND_PLACE_KEY] = self.second_place.text
        return values

    def save(self) -> None:
        """Store the settings, or show what is wrong beside each field (on its tab) and save nothing."""
        self.messages.clear()
        try:
            values = self.values()
            Operations.of(self._practice).apply(lambda: self._practice.settings.update(**values), self)
        except ValidationError as exc:
            self.messages.show(exc.problems)
            first = next((self.messages.errors[n] for n in exc.problems if n in self.messages.errors), None)
            if first is not None:
                self.tabs.setCurrentIndex(
                    next(
                        i
                        for i in range(self.tabs.count())
                        if (page := self.tabs.widget(i)) is not None and page.isAncestorOf(first)
                    )
                )
            return
        self.language.remember()
        self.accept()
