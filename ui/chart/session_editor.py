"""The session editor: the screen a practitioner charts on at the treatment chair.

Every action becomes one command on the main window's undo stack; each command calls the session
service, which stores the change at once and reports it; the editor redraws from what is stored.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from acuchart.catalogue import VIEWS, CataloguePoint
from acuchart.changes import Changes
from acuchart.i18n import N_, _
from acuchart.models import Client, Mark, Reaction, SessionChart
from acuchart.practice import Practice
from acuchart.services.session_rules import NeedleBalance
from ui.accessibility import accessible
from ui.chart import commands
from ui.chart.diagram_pane import DiagramPane
from ui.chart.diagram_view import DiagramView
from ui.chart.editor_actions import EditorActions
from ui.chart.legend import Legend
from ui.chart.mark_editor import MarkEditor
from ui.chart.markers import PointItem, point_tooltip
from ui.chart.marks_model import MarksModel
from ui.chart.note.note_actions import NoteActions
from ui.chart.note.skin_panel import SkinPanel
from ui.chart.note.soap_panel import SoapPanel
from ui.chart.note.tcm_panel import TcmPanel
from ui.chart.note.techniques_panel import TechniquesPanel
from ui.chart.notice_bar import InfoBand, NoticeBar
from ui.chart.point_filter import PointFilter
from ui.chart.point_search import PointSearch
from ui.chart.selection import MarkSelection
from ui.chart.session_header import SessionHeader
from ui.chart.session_toolbar import SessionToolbar, protocol_choices
from ui.chart.side_column import SideColumn
from ui.client_page import CautionBanner
from ui.operations import Operations
from ui.preferences import Preferences

NOTES_DELAY_MS = 700
SPLITTER_NAME = "session_editor"
REPEAT_FINDINGS_KEY = "session_editor/repeat_findings"
REPEAT_TECHNIQUES_KEY = "session_editor/repeat_techniques"
"""The name the diagram/side-column split is remembered under."""
SIDE_SHARE = 0.5
"""The side column's share of the width at first (within the bounds below), until the practitioner drags."""
SIDE_MIN, SIDE_MAX = 400, 660
HINT = N_("Click a point to mark it; click again to unmark. Shift+click places a free marker.")
TAB_SIDES = {
    "front": N_("the client's right on your left"),
    "back": N_("the client's right on your right"),
    "right": N_("the client's right side"),
    "left": N_("the client's left side"),
}
"""How each kind of view shows the client's sides, said in the tab's tooltip."""


class SessionEditor(QWidget, EditorActions, NoteActions):
    """Header, cautions and tools; the diagram with its legend beside the marks, needles and notes.

    The diagram and the side column share the width through a splitter that the practitioner can drag
    (remembered between runs in the preferences it is given, when there are any).
    """

    back_requested = Signal()

    def __init__(
        self,
        practice: Practice,
        undo_stack: QUndoStack,
        preferences: Preferences | None = None,
        parent: QWidget | None = None,
    ) -> None:
        QWidget.__init__(self, parent)
        self.setObjectName("sessionEditor")
        # The chart lives in the main window's stack: it must not force the window's minimum size.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.practice = practice
        self.sessions = practice.sessions
        self.charting = practice.charting
        self._ops = Operations.of(practice)
        self.chart_ops = commands.ChartOps(
            practice, lambda operation: self._ops.apply(operation, self), self.report
        )
        self.undo_stack = undo_stack
        self.chart: SessionChart | None = None
        self.client: Client | None = None

        self.header = SessionHeader()
        self.cautions = CautionBanner()
        self.notice = NoticeBar()
        self.search = PointSearch(self.charting.catalogue)
        self.toolbar = SessionToolbar(self.search)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("diagramTabs")
        accessible(
            self.tabs, "Diagrams", _("Ctrl+Tab and Ctrl+Shift+Tab turn to the next or previous diagram")
        )
        self.tabs.setDocumentMode(True)
        self.tabs.setStyleSheet("QTabBar::tab { min-height: 28px; padding: 2px 12px; }")  # gloved fingers
        self.views: dict[str, DiagramView] = {}
        for name, info in VIEWS.items():
            view = DiagramView(info, self.charting.catalogue)
            self.views[name] = view
            index = self.tabs.addTab(view, _(info.tab or info.title))
            self.tabs.setTabToolTip(index, f"{_(info.title)} ({_(TAB_SIDES[info.facing])})")
            view.point_clicked.connect(lambda code, side, v=name: self.toggle_point(code, side, v))
            view.free_marker_requested.connect(lambda x, y, v=name: self.place_free_marker(v, x, y))
            view.marker_moved.connect(self.move_marker)
            view.context_requested.connect(self._context_menu)
            view.hovered.connect(self._show_hover)
            view.edit_requested.connect(self.open_mark_editor)
            view.free_tool_done.connect(lambda: self.toolbar.free_action.setChecked(False))
        self.point_filter = PointFilter(self.charting.catalogue, self.views)
        self.hover_info = QLabel(_(HINT))
        self.hover_info.setObjectName("hoverInfo")
        self.hover_info.setTextFormat(Qt.TextFormat.RichText)
        self.hover_info.setWordWrap(True)
        self.hover_info.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.hover_info.setContentsMargins(2, 4, 2, 0)
        self.info_band = InfoBand(self.hover_info, self.notice)

        self.marks_model = MarksModel(self.charting.catalogue, self)
        self.side = SideColumn(self.marks_model)
        self.marks_view = self.side.marks_view
        self.marks_view.customContextMenuRequested.connect(self._list_menu)
        self.selection = MarkSelection(
            self.marks_view,
            self.marks_model,
            self.views,
            lambda mark_id: self.chart.mark(mark_id) if self.chart else None,
            self._show_mark,
        )
        self.marks_model.needles_edited.connect(lambda mark_id, n: self.set_needles(mark_id, n))
        self.needles = self.side.needles
        self.needles.confirm_requested.connect(self.confirm_needles)
        self.soap = SoapPanel()
        self.tcm = TcmPanel()
        self.techniques = TechniquesPanel()
        self.skin = SkinPanel()
        self.side.add_tab(self.soap, _("Note"))
        self.side.add_tab(self.tcm, "TCM")
        self.side.add_tab(self.techniques, _("Techniques"))
        self.side.add_tab(self.skin, _("Skin"))
        self.notes = self.soap.objective
        self._notes_timer = QTimer(self, singleShot=True, interval=NOTES_DELAY_MS)
        self._notes_timer.timeout.connect(self.save_notes)
        self.soap.typed.connect(self._notes_timer.start)
        self.soap.template_chosen.connect(self.soap.insert_questions)
        self.legend = Legend()
        self.mark_editor = MarkEditor(self)
        self.mark_editor.edited.connect(self.store_mark_edit)
        self.mark_editor.closed.connect(self._mark_editor_closed)
        self._preferences = preferences
        self._layout_restored = False
        self._splitter_timer = QTimer(self, singleShot=True, interval=400)
        self._splitter_timer.timeout.connect(self.save_layout)

        self._build_layout()
        self._build_shortcuts()
        self._wire_toolbar()
        self.connect_note()
        self.header.back_requested.connect(self.back_requested)
        self.header.started_at_changed.connect(
            lambda v: self.change_details("Change session time", started_at=v)
        )
        self.header.course_changed.connect(lambda v: self.change_details("Change course", course_id=v))
        self.header.duration_changed.connect(lambda v: self.change_details("Change duration", duration_min=v))
        self.search.found.connect(self._highlight)
        self.search.chosen.connect(self.mark_found_point)
        self._ops.subscribe(self._on_changes, self)

    # --- layout ----------------------------------------------------------------------------
    def _build_layout(self) -> None:
        self.diagram_pane = DiagramPane(self.tabs, self.info_band, self.legend)
        self.diagram_pane.setMinimumWidth(280)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("chartSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(8)
        self.splitter.addWidget(self.diagram_pane)
        self.splitter.addWidget(self.side)
        # A larger window widens both: the diagram more, the list enough to show reactions whole.
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.splitterMoved.connect(self._splitter_timer.start)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(6)
        layout.addWidget(self.header)
        layout.addWidget(self.cautions)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)

    def _build_shortcuts(self) -> None:
        # Named, so Help → Keyboard shortcuts can list them.
        for keys, text, slot in (
            ("R", _("Record a reaction at the selected marks"), self.reaction_for_selection),
            (QKeySequence.StandardKey.Delete, _("Remove the selected marks"), self.remove_selected),
            ("Backspace", _("Remove the selected marks"), self.remove_selected),
            ("Ctrl+K", _("Find a point by code or name"), self.focus_search),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    def _wire_toolbar(self) -> None:
        """Connect the tools above the chart to what they do here (the toolbar only offers them)."""
        tools = self.toolbar
        tools.free_action.toggled.connect(self.set_free_tool)
        tools.repeat_action.triggered.connect(self.repeat_last)
        tools.save_action.triggered.connect(self.save_as_protocol)
        tools.reaction_action.triggered.connect(lambda: self.reaction_dialog(None))
        tools.fit_action.triggered.connect(lambda: self.current_view.fit())
        tools.set_protocol_source(lambda: protocol_choices(self.practice))
        tools.all_points_action.toggled.connect(
            lambda on: self.point_filter.set_show_all(on, self._preferences)
        )
        for action, key in (
            (tools.repeat_findings, REPEAT_FINDINGS_KEY),
            (tools.repeat_techniques, REPEAT_TECHNIQUES_KEY),
        ):
            if self._preferences is not None:
                action.setChecked(self._preferences.text(key) == "1")
            action.toggled.connect(lambda on, k=key: self._remember(k, on))
        tools.protocol_chosen.connect(self.apply_points)
        self.addActions(tools.actions_with_shortcuts)

    def repeat_also(self) -> tuple[bool, bool]:
        """Whether Repeat last also carries over the TCM findings, and the adjunct techniques."""
        return self.toolbar.repeat_findings.isChecked(), self.toolbar.repeat_techniques.isChecked()

    def _remember(self, key: str, on: bool) -> None:
        if self._preferences is not None:
            self._preferences.set_text(key, "1" if on else "0")

    def diagram_menu(self) -> QMenu:
        """The menu on the diagram away from any mark."""
        menu = QMenu(self)
        menu.addAction(_("Record a session reaction…")).triggered.connect(lambda: self.reaction_dialog(None))
        menu.addAction(_("Repeat last session")).triggered.connect(self.repeat_last)
        menu.addAction(_("Fit to window")).triggered.connect(lambda: self.current_view.fit())
        return menu

    # --- remembered layout -----------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._layout_restored:
            self._layout_restored = True
            self.restore_layout()

    def restore_layout(self) -> None:
        """Take the split from the preferences, or share the width."""
        state = self._preferences.splitter_state(SPLITTER_NAME) if self._preferences else None
        if state is None or not self.splitter.restoreState(state):
            width = self.splitter.width()
            side = max(SIDE_MIN, min(SIDE_MAX, round(width * SIDE_SHARE)))
            self.splitter.setSizes([max(1, width - side), side])
        self.point_filter.remember(self._preferences)
        self.toolbar.all_points_action.setChecked(self.point_filter.show_all)

    def save_layout(self) -> None:
        """Remember where the practitioner put the split."""
        self._splitter_timer.stop()
        if self._preferences is not None:
            self._preferences.set_splitter_state(SPLITTER_NAME, self.splitter.saveState())

    # --- showing a session -----------------------------------------------------------------
    @property
    def session_id(self) -> int | None:
        """The session being charted."""
        return self.chart.session.id if self.chart else None

    @property
    def current_view(self) -> DiagramView:
        """The diagram showing now."""
        view = self.tabs.currentWidget()
        assert isinstance(view, DiagramView)
        return view

    def open_session(self, session_id: int) -> None:
        """Load a session and show it, starting on the face."""
        self.chart = self.sessions.load(session_id)
        self.client = self.practice.clients.get(self.chart.session.client_id)
        self.point_filter.read_practice(self.charting.points_in_use)
        self.notice.hide()
        self.mark_editor.close_editor()
        self.search.box.clear()
        self.hover_info.setText(_(HINT))
        self.tabs.setCurrentIndex(0)
        self.show_details()
        self.refresh()
        for view in self.views.values():
            view.fit()

    def show_details(self) -> None:
        """Show the session's header, cautions and notes as stored."""
        assert self.chart is not None and self.client is not None
        session = self.chart.session
        self.header.show_session(self.client, session, self.sessions.course_choices(self.client.id))
        self.cautions.show_client(self.client)
        self.soap.show_session(session, keep_typing=self._notes_timer.isActive())
        self.show_note()
        self.toolbar.set_signed(session.signed)

    def refresh(self) -> None:
        """Redraw the marks, the list and the needle count from the stored session."""
        if self.chart is None:
            return
        self.chart = self.sessions.load(self.chart.session.id)
        selected = self.selected_mark_ids()
        for view in self.views.values():
            view.show_chart(self.chart)
        self.marks_model.set_chart(self.chart)
        if self.mark_editor.mark is not None:
            self.mark_editor.follow(self.chart.mark(self.mark_editor.mark.id))
        self.select_marks([i for i in selected if self.chart.mark(i) is not None])
        self.side.show_session_reactions(_session_reactions_text(self.chart.session_reactions))
        session = self.chart.session
        removed = session.needles_removed
        balance = (
            self.chart.needles_inserted,
            removed,
            None if removed is None else self.chart.needles_inserted - removed,
        )
        self.needles.show_balance(NeedleBalance(*balance), session.count_note, session.signed)

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if self.chart is None:
            return
        if changes.session_id == self.chart.session.id:
            self.refresh()
            if changes.sessions:
                self.show_details()
        elif changes.clients and changes.client_id in (None, self.chart.session.client_id):
            self.client = self.practice.clients.get(self.chart.session.client_id)
            self.cautions.show_client(self.client)

    # --- selection, both ways (ui.chart.selection) ----------------------------------------------
    def selected_mark_ids(self) -> list[int]:
        """The marks selected in the list."""
        return self.selection.ids()

    def select_marks(self, mark_ids: list[int]) -> None:
        """Select marks in the list and on every diagram."""
        self.selection.select(mark_ids)

    def _show_mark(self, mark: Mark) -> None:
        view = self.view_showing(mark)
        if view is not self.current_view:
            self.tabs.setCurrentWidget(view)

    # --- hover and search ------------------------------------------------------------------
    def _show_hover(self, item: PointItem | None) -> None:
        if item is not None:
            self.hover_info.setText(point_tooltip(item.point, item.side))

    def _highlight(self, point: CataloguePoint | None) -> None:
        for view in self.views.values():
            view.show_highlight(point.code if point else None)
        if point is not None:
            if not self.current_view.shows(point.code):
                self.tabs.setCurrentWidget(self.views[point.view])
            # What Enter will do goes on the first line: the location below may take two.
            name, details = point_tooltip(point).split("<br>", 1)
            self.hover_info.setText(f"{name} &nbsp;<i>({self.search.summary()})</i><br>{details}")
        else:
            self.hover_info.setText(self.search.summary() or _(HINT))

    def focus_search(self) -> None:
        """Put the cursor in the point search."""
        self.search.box.setFocus()
        self.search.box.selectAll()

    def view_showing(self, mark: Mark) -> DiagramView:
        """The view to show a mark on: the one in front when it draws the mark, else the one it was
        charted on, else its point's home view."""
        if mark.is_free:
            return self.views.get(mark.view, self.current_view)
        code, side = mark.code or "", mark.side or "midline"
        for view in (self.current_view, self.views.get(mark.view)):
            if view is not None and view.shows(code, side):
                return view
        point = self.charting.catalogue.find(code)
        if point is None or side not in point.sides():
            return self.current_view
        return self.views[point.home_view(side)]

    # --- tools and the mark editor -------------------------------------------------------------
    def set_free_tool(self, on: bool) -> None:
        """Turn the free marker tool on or off on every diagram."""
        for view in self.views.values():
            view.set_free_tool(on)

    def open_mark_editor(self, mark_id: int) -> None:
        """Edit a mark's label (free markers) and needles in place, beside it on its diagram."""
        mark = self.chart.mark(mark_id) if self.chart else None
        if mark is None:
            return
        view = self.view_showing(mark)
        self.tabs.setCurrentWidget(view)
        item = (
            view.free_markers.get(mark.id)
            if mark.is_free
            else view.point_item(mark.code or "", mark.side or "")
        )
        if item is None:
            return
        view.ensureVisible(item, 120, 80)
        viewport = view.viewport()
        anchor = viewport.mapTo(self, view.mapFromScene(item.pos()))
        pane = self.diagram_pane
        self.mark_editor.open_for(mark, anchor, QRect(pane.mapTo(self, QPoint(0, 0)), pane.size()))

    def _mark_editor_closed(self, had_focus: bool) -> None:
        if had_focus and self.isVisible():
            self.current_view.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- pushing commands ------------------------------------------------------------------
    def push(self, command: commands.ServiceCommand) -> bool:
        """Run a command through the undo stack; False when the service refused it."""
        self.undo_stack.push(command)
        return not command.failed

    def report(self, message: str) -> None:
        """Tell the practitioner why something was not done, without blocking the chart."""
        self.notice.notify(message)

    def _context_menu(self, mark_id: int | None, where: QPoint) -> None:
        if mark_id is None or self.chart is None:
            self.diagram_menu().popup(where)
            return
        mark = self.chart.mark(mark_id)
        if mark is not None:
            self.mark_menu(mark).popup(where)

    def _list_menu(self, pos: QPoint) -> None:
        index = self.marks_view.indexAt(pos)
        mark = self.marks_model.mark_at(index.row()) if index.isValid() else None
        if mark is not None:
            self.select_marks([mark.id])
            self.mark_menu(mark).popup(self.marks_view.viewport().mapToGlobal(pos))

    def save_notes(self) -> None:
        """Store the note as typed (called shortly after typing stops, and when leaving)."""
        self._notes_timer.stop()
        if self.chart is not None and not self.chart.session.signed:
            session = self.chart.session
            changed = {
                field: text for field, text in self.soap.values().items() if text != getattr(session, field)
            }
            if changed:
                self.change_details(_("Edit session note"), **changed)

    def hideEvent(self, event: object) -> None:
        self.mark_editor.commit()
        self.save_notes()
        if self._splitter_timer.isActive():
            self.save_layout()
        super().hideEvent(event)  # type: ignore[arg-type]


def _session_reactions_text(reactions: tuple[Reaction, ...]) -> str:
    if not reactions:
        return ""
    return _("<b>Session reactions:</b> ") + ", ".join(r.label for r in reactions)
