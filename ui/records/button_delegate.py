"""A push button drawn in a table cell ("Resolved today"), clicked without first selecting the row."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionViewItem,
)

Index = QModelIndex | QPersistentModelIndex


class ButtonDelegate(QStyledItemDelegate):
    """Draws the cell's text as a button; a click on it emits :attr:`clicked` with the row's index."""

    clicked = Signal(QModelIndex)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pressed: QPersistentModelIndex | None = None

    @staticmethod
    def _button_rect(option: QStyleOptionViewItem) -> QRect:
        return option.rect.adjusted(4, 3, -4, -3)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            return
        button = QStyleOptionButton()
        button.rect = self._button_rect(option)
        button.text = str(text)
        button.state = QStyle.StateFlag.State_Enabled | (
            QStyle.StateFlag.State_Sunken
            if self._pressed == QPersistentModelIndex(index)
            else QStyle.StateFlag.State_Raised
        )
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_PushButton, button, painter, option.widget)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        width = option.fontMetrics.horizontalAdvance(text) + 36
        return QSize(width, max(32, option.fontMetrics.height() + 16))

    def editorEvent(
        self, event: QEvent, model: QAbstractItemModel, option: QStyleOptionViewItem, index: Index
    ) -> bool:
        if not index.data(Qt.ItemDataRole.DisplayRole):
            return False
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if self._button_rect(option).contains(event.position().toPoint()):
                self._pressed = QPersistentModelIndex(index)
                return True
        elif event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            pressed, self._pressed = self._pressed, None
            if pressed == QPersistentModelIndex(index) and self._button_rect(option).contains(
                event.position().toPoint()
            ):
                self.clicked.emit(model.index(index.row(), index.column()))
            return pressed is not None
        elif event.type() == QEvent.Type.MouseButtonDblClick:
            return (
                self._button_rect(option).contains(event.position().toPoint())
                if isinstance(event, QMouseEvent)
                else False
            )
        return False
