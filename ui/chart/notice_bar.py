"""A non-modal notice under the diagram (a caution met when marking); it never blocks the chart.

The notice shows in a band of fixed height that otherwise says what the pointer is over, so showing
or dismissing it never moves the diagram under the practitioner's finger.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from acuchart.i18n import _
from ui import theme
from ui.accessibility import accessible
from ui.style import px

INFO_LINES = 3
"""How many lines of text the band holds (a point's name, its location, its cautions)."""


class NoticeBar(QFrame):
    """A dismissable band with one message; hidden until there is something to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        theme.style(
            self,
            "#noticeBar { background: $notice_fill; border: 1px solid $notice_border; border-radius: 6px; }"
            "#noticeBar QLabel, #noticeBar QToolButton { color: $on_notice; padding: 2px 4px; }",
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        close = QToolButton()
        close.setObjectName("dismissNotice")
        close.setText("✕")
        close.setToolTip(_("Dismiss"))
        accessible(close, "Dismiss", _("Hide this notice"))
        close.setAutoRaise(True)
        close.setMinimumSize(px(32), px(32))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 2, 0)
        layout.addWidget(self.message, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def notify(self, text: str) -> None:
        """Show a message (replacing any earlier one)."""
        self.message.setText(f"⚠ {text}")
        self.message.setToolTip(text)
        self.show()
        self.raise_()


class InfoBand(QWidget):
    """A band of fixed height under the diagram: the hover text, with the notice laid over it."""

    def __init__(self, hover: QLabel, notice: NoticeBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("infoBand")
        self.hover = hover
        self.notice = notice
        hover.setParent(self)
        notice.setParent(self)
        notice.hide()
        self.setFixedHeight(INFO_LINES * hover.fontMetrics().lineSpacing() + 10)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.hover.setGeometry(self.rect())
        self.notice.setGeometry(self.rect())
