"""The legend: what each marker's shape, fill and ring mean (the same scheme the printout uses)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from acuchart.reports.symbols import SYMBOLS
from ui.chart.markers import paint_caution_badge
from ui.chart.marks_model import symbol_icon

ICON = 22


def _unmarked_icon() -> QIcon:
    pixmap = QPixmap(ICON, ICON)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#6E574C"), 1.3))
    painter.setBrush(QColor("white"))
    painter.drawEllipse(QPointF(ICON / 2, ICON / 2), 4.5, 4.5)
    painter.end()
    return QIcon(pixmap)


def _caution_icon() -> QIcon:
    pixmap = QPixmap(ICON, ICON)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    paint_caution_badge(painter, QPointF(ICON / 2, ICON / 2 + 1), 8)
    painter.end()
    return QIcon(pixmap)


class Legend(QGroupBox):
    """Every marker symbol with its meaning, drawn by the same code as the markers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Legend", parent)
        self.setObjectName("legend")
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(0)
        grid.setContentsMargins(6, 4, 6, 4)
        entries = [(_unmarked_icon(), "Point (click to mark)")]
        entries += [
            (symbol_icon(symbol, 3 if symbol.shows_count else None, ICON), symbol.label)
            for symbol in SYMBOLS.values()
        ]
        entries.append((_caution_icon(), "Take care: meets a client caution"))
        for i, (icon, text) in enumerate(entries):
            picture = QLabel()
            picture.setPixmap(icon.pixmap(QSize(ICON, ICON)))
            label = QLabel(text)
            label.setWordWrap(True)
            grid.addWidget(picture, i // 2, (i % 2) * 2)
            grid.addWidget(label, i // 2, (i % 2) * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
