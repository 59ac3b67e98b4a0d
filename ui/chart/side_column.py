"""The column beside the diagram: the marks list and the needle count, with more pages as tabs.

The marks list takes whatever height is left and the needle count is two short rows, so at 1280×800
the column fits without scrolling (it scrolls only when the window is smaller). The note, the TCM
findings, the techniques, the ratings and the signature are the other tabs (``add_tab``).
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from acuchart.i18n import _
from ui.accessibility import accessible
from ui.chart.marks_model import NAME_COLUMN, REACTIONS_COLUMN, MarksModel
from ui.chart.needle_panel import NeedlePanel
from ui.style import px

ROW_HEIGHT = 32
"""A row of the marks list: tall enough to tap with a gloved finger."""
NAME_COLUMN_MAX = 120
"""The widest the Name column grows on its own (less in a narrow list): long free-marker labels end in
"…", and the tooltip has them whole."""
MIN_WIDTH = 340


class SideColumn(QScrollArea):
    """Tabs (the marks with the session's reactions first; more pages via ``add_tab``), then the needle
    count, always in sight."""

    def __init__(self, marks_model: MarksModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartSideScroll")
        self.marks_model = marks_model
        self.marks_view = QTableView()
        self.marks_view.setObjectName("marksList")
        self.marks_view.setModel(marks_model)
        self.marks_view.setTabKeyNavigation(
            False
        )  # Tab leaves the table (the arrow keys move in it): no keyboard trap
        accessible(
            self.marks_view,
            "Marks",
            _(
                "One row per mark: point, name, side, needles, reactions. Enter on Needles edits the count; "
                "the menu key opens the mark's reactions."
            ),
        )
        self.marks_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.marks_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.marks_view.verticalHeader().hide()
        self.marks_view.verticalHeader().setDefaultSectionSize(px(ROW_HEIGHT))
        self.marks_view.setMinimumHeight(150)
        self.marks_view.setWordWrap(False)
        self.marks_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.marks_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.marks_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(REACTIONS_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(36)
        marks_model.modelReset.connect(self.fit_columns)
        marks_model.rowsInserted.connect(self.fit_columns)
        self.session_reactions = QLabel()
        self.session_reactions.setObjectName("sessionReactions")
        self.session_reactions.setWordWrap(True)
        self.session_reactions.hide()
        self.needles = NeedlePanel()

        column = QWidget()
        column.setObjectName("chartSideColumn")
        side = QVBoxLayout(column)
        side.setContentsMargins(4, 0, 4, 0)
        marks_page = QWidget()
        marks_layout = QVBoxLayout(marks_page)
        marks_layout.setContentsMargins(6, 6, 6, 6)
        marks_layout.addWidget(self.marks_view, 1)
        marks_layout.addWidget(self.session_reactions)
        # Marks first; the note, findings, techniques, ratings and signature join as tabs (add_tab), so the
        # marks list keeps its height and the needle count below stays in sight whichever tab is open.
        self.tabs = QTabWidget()
        self.tabs.setObjectName("chartSideTabs")
        accessible(self.tabs, "Marks, note and signature")
        self.tabs.addTab(marks_page, _("Marks"))
        side.addWidget(self.tabs, 1)
        side.addWidget(self.needles)
        self.tabs.currentChanged.connect(self.order_tabbing)
        self.tabs.tabBar().installEventFilter(self)
        self.setWidget(column)
        self.setWidgetResizable(True)
        self.setMinimumWidth(px(MIN_WIDTH))
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Only a frame around the controls: Tab goes to them, and the column scrolls to the one focused.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def add_tab(self, page: QWidget, title: str) -> int:
        """Add a page beside the marks (the client's ratings, the signature); returns its index.

        The page keeps its natural height at the top of the tab, however tall the column is."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(page)
        column.addStretch(1)
        # A tall page (the TCM findings) scrolls inside its tab: the column keeps its height, so the marks
        # list and the needle count stay as they are.
        scroller = QScrollArea()
        scroller.setWidget(holder)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return self.tabs.addTab(scroller, title)

    def order_tabbing(self) -> None:
        """Tab goes from the page tabs into the page on show, then to the needle count.

        Qt's Tab order is the order widgets were made, and the pages and their rows (the ratings of a
        session's concerns) are made after the needle count; so the order is set afresh whenever a page
        is shown or the tabs take the keyboard."""
        chain: list[QWidget] = [self.tabs.tabBar()]
        for holder in (self.tabs.currentWidget(), self.needles):
            if holder is not None:
                chain += [w for w in holder.findChildren(QWidget) if _takes_tab(w)]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tabs.tabBar() and event.type() == QEvent.Type.FocusIn:
            self.order_tabbing()
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        """Size the marks list's columns to what they show, once per change of rows (Reactions takes the rest)."""
        for column in range(self.marks_model.columnCount()):
            if column != REACTIONS_COLUMN:
                self.marks_view.resizeColumnToContents(column)
        header = self.marks_view.horizontalHeader()
        widest = max(px(80), min(px(NAME_COLUMN_MAX), self.marks_view.viewport().width() * 3 // 10))
        header.resizeSection(NAME_COLUMN, min(header.sectionSize(NAME_COLUMN), widest))

    def show_session_reactions(self, text: str) -> None:
        """Reactions for the whole session, under the list (hidden when there are none)."""
        self.session_reactions.setText(text)
        self.session_reactions.setVisible(bool(text))


def _takes_tab(widget: QWidget) -> bool:
    """Whether Tab stops at ``widget`` itself (not at a part of a spin box, a list or a scroll area)."""
    if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy() is not None:
        return False
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractItemView | QAbstractSpinBox | QComboBox):
            return False
        parent = parent.parentWidget()
    return True
