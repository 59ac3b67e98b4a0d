"""The fields that say who the practice is, shared by Practice settings and the first-start set-up:
the lines of text, the logo chooser, the paper size and a folder chooser."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acuchart.i18n import N_, _
from ui import theme

LOGO_SIZE = (220, 90)
PRACTICE_LINES = (
    ("practice_name", N_("Practice name"), N_("e.g. Willow Lane Facial Acupuncture")),
    ("practitioner_name", N_("Practitioner"), N_("Your name as you sign: it signs every session")),
    ("licence_number", N_("Licence number"), N_("Printed on every record and handout")),
    ("phone", N_("Phone"), ""),
    ("email", N_("Email"), N_("name@example.com")),
)
"""The one-line practice settings: name, label, placeholder."""


class LogoChooser(QWidget):
    """The practice logo: a preview, Choose… and Remove. ``path`` is the chosen file ('' for none)."""

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.preview = QLabel()
        self.preview.setObjectName("logoPreview")
        self.preview.setFixedSize(*LOGO_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        theme.style(self.preview, "#logoPreview { border: 1px dashed $border; color: $muted; }")
        self.path = ""
        choose = QPushButton(_("Choose…"))
        choose.setToolTip(_("A PNG or JPEG image printed at the top of handouts"))
        choose.clicked.connect(self.choose)
        self.remove = QPushButton(_("Remove"))
        self.remove.clicked.connect(lambda: self.set_path(""))
        buttons = QVBoxLayout()
        buttons.addWidget(choose)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        row.addWidget(self.preview)
        row.addLayout(buttons)
        row.addStretch(1)
        self.set_path("")

    def set_path(self, path: str) -> None:
        """Use the image at ``path`` as the logo (empty: none) and preview it."""
        self.path = path
        self.remove.setEnabled(bool(path))
        pixmap = QPixmap(path) if path else QPixmap()
        if pixmap.isNull():
            self.preview.setPixmap(QPixmap())
            self.preview.setText(_("This file is not an image") if path else _("No logo"))
        else:
            self.preview.setPixmap(
                pixmap.scaled(
                    *LOGO_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.changed.emit(path)

    def choose(self) -> None:
        """Pick a logo file."""
        start = str(Path(self.path).parent) if self.path else str(Path.home())
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Choose the practice logo"), start, _("Images (*.png *.jpg *.jpeg)")
        )
        if chosen:
            self.set_path(chosen)


def paper_size_box() -> QComboBox:
    """A4 or Letter, starting at what this computer's country prints on."""
    box = QComboBox()
    box.addItem("A4", "A4")
    box.addItem(_("Letter (US)"), "Letter")
    box.setCurrentIndex(box.findData(local_paper_size()))
    return box


def local_paper_size() -> str:
    """Letter where the United States' measures are used, A4 elsewhere."""
    us = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "Letter" if us else "A4"


class PathField(QWidget):
    """A path typed or chosen with Choose…: a folder, or a file to be created (``save_filter`` given)."""

    def __init__(
        self, title: str, placeholder: str = "", save_filter: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._title = title
        self._save_filter = save_filter
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        choose = QPushButton(_("Choose…"))
        choose.clicked.connect(self.choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(choose)

    @property
    def text(self) -> str:
        """The path as typed or chosen ('' for none)."""
        return self.edit.text().strip()

    def set_text(self, text: str) -> None:
        """Show ``text`` as the path."""
        self.edit.setText(text)

    def choose(self) -> None:
        """Pick the folder, or the file's name and place."""
        start = self.text or str(Path.home())
        if self._save_filter:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self._title, start, self._save_filter, options=QFileDialog.Option.DontConfirmOverwrite
            )
        else:
            chosen = QFileDialog.getExistingDirectory(self, self._title, start)
        if chosen:
            self.edit.setText(chosen)
