"""Table views of the record lists, set up alike: whole rows, no editing, calm and readable."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from acuchart.errors import AcuChartError
from acuchart.practice import Practice
from ui.operations import Operations
from ui.records.button_delegate import ButtonDelegate
from ui.records.item_models import ReactionsModel
from ui.style import px


class RecordTable(QTableView):
    """A read-only list: rows selected whole, the first stretching column given, the rest fitted."""

    def __init__(self, model: QAbstractItemModel, stretch: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setTabKeyNavigation(False)  # Tab leaves the table (the arrow keys move in it): no keyboard trap
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(px(34))
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def fit_rows(self, most: int) -> None:
        """Be as tall as the rows (at most ``most`` of them before scrolling), so a short list takes little room."""
        rows = min(max(1, self.model().rowCount()), most)
        frame = 2 * self.frameWidth()
        self.setFixedHeight(
            self.horizontalHeader().height() + rows * self.verticalHeader().defaultSectionSize() + frame
        )


class ReactionsTable(RecordTable):
    """Reactions with a "Resolved today" (or "Reopen") button on each row: one click, no confirmation."""

    problem = Signal(str)
    """A resolve or reopen was refused; the message says why."""

    def __init__(self, practice: Practice, model: ReactionsModel, parent: QWidget | None = None) -> None:
        super().__init__(model, stretch=3, parent=parent)
        self._practice = practice
        self.buttons = ButtonDelegate(self)
        self.setItemDelegateForColumn(ReactionsModel.ACTION_COLUMN, self.buttons)
        self.buttons.clicked.connect(self.act)
        self.setMouseTracking(True)

    def act(self, index: QModelIndex) -> None:
        """Resolve the row's reaction today, or reopen it if it is resolved."""
        model = self.model()
        assert isinstance(model, ReactionsModel)
        reaction = model.row_at(index.row())
        if reaction is None:
            return
        try:
            followups = self._practice.followups
            if reaction.is_open:
                Operations.of(self._practice).apply(lambda: followups.resolve_reaction(reaction.id), self)
            else:
                Operations.of(self._practice).apply(lambda: followups.reopen_reaction(reaction.id), self)
        except AcuChartError as exc:
            self.problem.emit(str(exc))
