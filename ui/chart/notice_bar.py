"""A non-modal notice above the diagram (a caution met when marking); it never blocks the chart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget


class NoticeBar(QFrame):
    """A dismissable band with one message; hidden until there is something to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setStyleSheet(
            "#noticeBar { background: #fdecea; border: 1px solid #c0392b; border-radius: 6px; }"
            "#noticeBar QLabel { color: #5c1a12; padding: 4px; }"
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip("Dismiss")
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 4, 2)
        layout.addWidget(self.message, 1)
        layout.addWidget(close)
        self.hide()

    def notify(self, text: str) -> None:
        """Show a message (replacing any earlier one)."""
        self.message.setText(f"⚠ {text}")
        self.show()
