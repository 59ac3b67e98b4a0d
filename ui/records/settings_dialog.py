"""Practice settings (File → Practice settings…): who the practice is, as every record and handout prints it.

The tabs are the hook for more: the handout texts get a tab of their own (``add_tab``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from acuchart.errors import ValidationError
from acuchart.models import PracticeSettings
from acuchart.practice import Practice
from ui.operations import Operations
from ui.records.forms import FieldMessages

LOGO_SIZE = (220, 90)
_LINES = (
    ("practice_name", "Practice name", "e.g. Willow Lane Facial Acupuncture"),
    ("practitioner_name", "Practitioner", "Your name as you sign: it signs every session"),
    ("licence_number", "Licence number", "Printed on every record and handout"),
    ("phone", "Phone", ""),
    ("email", "Email", "name@example.com"),
)


class SettingsDialog(QDialog):
    """Edit the practice settings; every problem is shown beside its field and nothing is half-saved."""

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._practice = practice
        self.setWindowTitle("Practice settings")
        self.setMinimumWidth(600)
        self.messages = FieldMessages()
        self.edits: dict[str, QLineEdit] = {}
        self.tabs = QTabWidget()
        self.tabs.addTab(self._practice_tab(), "Practice")
        self.tabs.addTab(self._records_tab(), "Records")
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
        for name, label, placeholder in _LINES:
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            self.edits[name] = edit
            self.messages.add_row(form, name, label, edit)
        self.address = QPlainTextEdit()
        self.address.setFixedHeight(64)
        self.messages.add_row(form, "address", "Address", self.address)
        self.messages.add_row(form, "logo_path", "Logo", self._logo_chooser())
        self.paper_size = QComboBox()
        self.paper_size.addItem("A4", "A4")
        self.paper_size.addItem("Letter (US)", "Letter")
        self.messages.add_row(form, "paper_size", "Paper size", self.paper_size)
        return page

    def _logo_chooser(self) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setFixedSize(*LOGO_SIZE)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("#logoPreview { border: 1px dashed #c4c7c5; color: #5f6368; }")
        self.logo_path = ""
        choose = QPushButton("Choose…")
        choose.setToolTip("A PNG or JPEG image printed at the top of handouts")
        choose.clicked.connect(self.choose_logo)
        self.remove_logo = QPushButton("Remove")
        self.remove_logo.clicked.connect(lambda: self.set_logo(""))
        buttons = QVBoxLayout()
        buttons.addWidget(choose)
        buttons.addWidget(self.remove_logo)
        buttons.addStretch(1)
        row.addWidget(self.logo_preview)
        row.addLayout(buttons)
        row.addStretch(1)
        return holder

    def _records_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.review_months = QSpinBox()
        self.review_months.setRange(0, 999)
        self.review_months.setSuffix(" months")
        self.messages.add_row(form, "caution_review_months", "Review cautions after", self.review_months)
        self.consent_version = QLineEdit()
        self.consent_version.setPlaceholderText("e.g. 2026-1: the version printed on your consent form")
        self.messages.add_row(form, "consent_text_version", "Consent text version", self.consent_version)
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

    def set_logo(self, path: str) -> None:
        """Use the image at ``path`` as the logo (empty: none) and preview it."""
        self.logo_path = path
        self.remove_logo.setEnabled(bool(path))
        pixmap = QPixmap(path) if path else QPixmap()
        if pixmap.isNull():
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText("This file is not an image" if path else "No logo")
            return
        self.logo_preview.setPixmap(
            pixmap.scaled(
                *LOGO_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )

    def choose_logo(self) -> None:
        """Pick a logo file."""
        start = str(Path(self.logo_path).parent) if self.logo_path else str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Choose the practice logo", start, "Images (*.png *.jpg *.jpeg)"
        )
        if chosen:
            self.set_logo(chosen)

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
        self.accept()
