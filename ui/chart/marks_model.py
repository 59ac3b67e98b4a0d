"""The marks of a session as a table beside the diagram: code, name, side, needles, reactions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from acuchart.catalogue import Catalogue
from acuchart.i18n import N_, _
from acuchart.models import REACTION_LABELS, SEVERITY_LABELS, Mark, SessionChart
from acuchart.reports.symbols import Symbol, symbol_for
from ui import theme
from ui.chart.markers import paint_paper, paint_symbol

COLUMNS = (N_("Point"), N_("Name"), N_("Side"), N_("Needles"), N_("Reactions"))
SIDE_WORDS = {"left": N_("Left"), "right": N_("Right"), "midline": N_("Midline")}
NAME_COLUMN = 1
NEEDLES_COLUMN = 3
REACTIONS_COLUMN = 4
MARK_ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


def symbol_icon(symbol: Symbol, count: int | None = None, size: int = 22) -> QIcon:
    """A small picture of a symbol, for lists and the legend (on a scrap of the diagram's paper when the
    window is dark, as the symbol looks on the diagram)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    paint_paper(painter, size)
    painter.translate(size / 2, size / 2)
    paint_symbol(painter, symbol, count, scale=1.6)
    painter.end()
    return QIcon(pixmap)


class MarksModel(QAbstractTableModel):
    """One row per mark, in the order they were made. Only the needle count is edited here."""

    needles_edited = Signal(int, int)
    """The practitioner typed a new needle count: mark id, count."""

    def __init__(self, catalogue: Catalogue, parent: Any = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._chart: SessionChart | None = None
        self._marks: tuple[Mark, ...] = ()
        self._icons: dict[tuple[str, int | None, bool], QIcon] = {}

    def set_chart(self, chart: SessionChart | None) -> None:
        """Show a session's marks; rows that stay the same keep their place (and selection)."""
        marks = chart.marks if chart else ()
        old_ids = [m.id for m in self._marks]
        new_ids = [m.id for m in marks]
        if old_ids == new_ids:
            self._chart, self._marks = chart, marks
            if marks:
                self.dataChanged.emit(self.index(0, 0), self.index(len(marks) - 1, len(COLUMNS) - 1))
            return
        if new_ids[: len(old_ids)] == old_ids:
            self.beginInsertRows(QModelIndex(), len(old_ids), len(new_ids) - 1)
            self._chart, self._marks = chart, marks
            self.endInsertRows()
            if old_ids:
                self.dataChanged.emit(self.index(0, 0), self.index(len(old_ids) - 1, len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self._chart, self._marks = chart, marks
        self.endResetModel()

    def mark_at(self, row: int) -> Mark | None:
        """The mark shown in a row."""
        return self._marks[row] if 0 <= row < len(self._marks) else None

    def row_of(self, mark_id: int) -> int:
        """The row showing a mark, or -1."""
        return next((row for row, mark in enumerate(self._marks) if mark.id == mark_id), -1)

    # --- QAbstractTableModel ---------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._marks)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return _(COLUMNS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == NEEDLES_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._marks):
            return None
        mark = self._marks[index.row()]
        column = index.column()
        if role == MARK_ID_ROLE:
            return mark.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (
                self._text(mark, column)
                if role == Qt.ItemDataRole.DisplayRole or column != NEEDLES_COLUMN
                else mark.needles
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(mark)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self._icon(mark)
        if role == Qt.ItemDataRole.ForegroundRole and column == 0 and mark.caution_warning:
            return QColor(theme.current().caution_words)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == NEEDLES_COLUMN:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != NEEDLES_COLUMN or role != Qt.ItemDataRole.EditRole:
            return False
        mark = self.mark_at(index.row())
        if mark is None or not isinstance(value, int) or value == mark.needles:
            return False
        self.needles_edited.emit(mark.id, value)
        return True

    # --- cells -----------------------------------------------------------------------------
    def _text(self, mark: Mark, column: int) -> str:
        point = self._catalogue.find(mark.code) if mark.code else None
        if column == 0:
            return ("⚠ " if mark.caution_warning else "") + (mark.code or _("Free"))
        if column == 1:
            return point.pinyin if point else (mark.label or _("Free marker"))
        if column == 2:
            return _(SIDE_WORDS[mark.side]) if mark.side in SIDE_WORDS else "—"
        if column == NEEDLES_COLUMN:
            return str(mark.needles)
        reactions = self._chart.reactions_at(mark.id) if self._chart else ()
        return ", ".join(
            f"{REACTION_LABELS.get(r.kind, r.kind)} ({SEVERITY_LABELS.get(r.severity, r.severity)})"
            for r in reactions
        )

    def _tooltip(self, mark: Mark) -> str:
        point = self._catalogue.find(mark.code) if mark.code else None
        lines = [
            f"<b>{mark.title}</b>" + (f" {point.pinyin} {point.hanzi} · {point.english}" if point else "")
        ]
        if point:
            lines.append(point.location)
        if mark.caution_warning:
            lines.append(f"<span style='color:{theme.current().warning}'>⚠ {mark.caution_warning}</span>")
        reactions = self._text(mark, REACTIONS_COLUMN)
        if reactions:
            lines.append(_("<b>Reactions:</b> {reactions}").format(reactions=reactions))
        return "<br>".join(lines)

    def _icon(self, mark: Mark) -> QIcon:
        worst = self._chart.worst_severity(mark.id) if self._chart else None
        symbol = symbol_for(worst is not None, worst, mark.is_free)  # type: ignore[arg-type]
        key = (symbol.key, mark.needles if mark.is_free else None, theme.current().dark)
        if key not in self._icons:
            self._icons[key] = symbol_icon(symbol, key[1])
        return self._icons[key]
