"""One selection of marks, shown alike in the list beside the chart and on every diagram.

Selecting in either place selects in the other; a mark chosen in the list that the diagram in front
does not draw brings forward one that does.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTableView

from acuchart.models import Mark
from ui.chart.diagram_view import DiagramView
from ui.chart.marks_model import MARK_ID_ROLE, MarksModel


class MarkSelection:
    """Keeps the marks list and the diagrams selecting the same marks.

    Args:
        marks_view: the list of marks.
        model: the list's model.
        views: the diagrams, by view name.
        mark_of: the charted mark with an id (None when it is gone).
        show_mark: brings forward a diagram that draws a mark.
    """

    def __init__(
        self,
        marks_view: QTableView,
        model: MarksModel,
        views: dict[str, DiagramView],
        mark_of: Callable[[int], Mark | None],
        show_mark: Callable[[Mark], None],
    ) -> None:
        self._list = marks_view
        self._model = model
        self._views = views
        self._mark_of = mark_of
        self._show_mark = show_mark
        self._syncing = False
        marks_view.selectionModel().selectionChanged.connect(self._list_changed)
        for view in views.values():
            view.selection_changed.connect(self._diagram_changed)

    def ids(self) -> list[int]:
        """The marks selected in the list."""
        rows = self._list.selectionModel().selectedRows()
        return [int(index.data(MARK_ID_ROLE)) for index in rows]

    def select(self, mark_ids: list[int]) -> None:
        """Select marks in the list and on every diagram."""
        self._syncing = True
        try:
            selection = self._list.selectionModel()
            selection.clearSelection()
            for mark_id in mark_ids:
                row = self._model.row_of(mark_id)
                if row >= 0:
                    selection.select(
                        self._model.index(row, 0),
                        selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                    )
            for view in self._views.values():
                view.select_marks(mark_ids)
            rows = [r for r in (self._model.row_of(i) for i in mark_ids) if r >= 0]
            if rows:
                self._list.scrollTo(self._model.index(rows[0], 0))
        finally:
            self._syncing = False

    def _list_changed(self) -> None:
        if self._syncing:
            return
        ids = self.ids()
        self.select(ids)
        mark = self._mark_of(ids[0]) if ids else None
        if mark is not None:
            self._show_mark(mark)

    def _diagram_changed(self, mark_ids: list[int]) -> None:
        if not self._syncing:
            self.select(mark_ids)
