"""A titled section of the side column that folds away to its title row."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QToolButton, QVBoxLayout, QWidget

from ui.style import px

TITLE_HEIGHT = 32


class Collapsible(QWidget):
    """A title button (▾ open, ▸ folded) above one widget; a click on the title folds or opens it."""

    toggled = Signal(bool)
    """The section opened (True) or folded (False)."""

    def __init__(self, title: str, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = body
        self.title = QToolButton()
        self.title.setObjectName("sectionTitle")
        self.title.setText(title)
        self.title.setCheckable(True)
        self.title.setChecked(True)
        self.title.setAutoRaise(True)
        self.title.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.title.setArrowType(Qt.ArrowType.DownArrow)
        self.title.setMinimumHeight(px(TITLE_HEIGHT))
        self.title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.title.setStyleSheet(
            "QToolButton#sectionTitle { font-weight: 600; text-align: left; border: none; }"
        )
        self.title.toggled.connect(self.set_open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(body)

    @property
    def is_open(self) -> bool:
        """Whether the body shows."""
        return self.title.isChecked()

    def set_open(self, open_: bool) -> None:
        """Open or fold the section."""
        if self.title.isChecked() != open_:
            self.title.setChecked(open_)  # comes back here through toggled
            return
        self.title.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self.body.setVisible(open_)
        self.toggled.emit(open_)

    def set_title(self, title: str) -> None:
        """Change the title (say, to hint at what a folded section holds)."""
        self.title.setText(title)
