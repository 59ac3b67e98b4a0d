"""Rows of text under a header, as a read-only table: the lists the import and the reaction map show."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QTableView


class RowsModel(QAbstractTableModel):
    """Rows of text under a header: a list the import shows (to add, duplicates, problems, skipped)."""

    def __init__(self, header: Sequence[str], rows: Sequence[Sequence[object]] = ()) -> None:
        super().__init__()
        self._header = list(header)
        self._rows = [list(r) for r in rows]

    def set_rows(self, rows: Sequence[Sequence[object]]) -> None:
        """Show these rows instead."""
        self.beginResetModel()
        self._rows = [list(r) for r in rows]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._header)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        value = self._rows[index.row()][index.column()]
        return "" if value is None else str(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._header[section]
        return None


def rows_view(model: RowsModel, name: str) -> QTableView:
    """A read-only table of a :class:`RowsModel`, its last column stretched."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setTabKeyNavigation(False)  # Tab leaves the table (the arrow keys move in it): no keyboard trap
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setResizeContentsPrecision(200)  # measure a sample: lists may hold 50,000 rows
    return view
