"""The main window: the client list on the left, the chart area on the right."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from acuchart.changes import Changes
from acuchart.errors import AcuChartError
from acuchart.i18n import N_, _
from acuchart.practice import Practice
from ui.accessibility import accessible
from ui.actions import AfterStart
from ui.app_icon import apply_app_icon
from ui.client_actions import ClientActions
from ui.client_list import ClientListPane, clients_text
from ui.main_menus import MainMenus
from ui.messages import about, warn
from ui.operations import Operations
from ui.preferences import Preferences
from ui.records.audit_bar import AuditBar
from ui.style import apply_style_sheet, mute

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent, QPaintEvent, QUndoStack
    from PySide6.QtWidgets import QMenu

    from ui.backup.window import WindowBackups
    from ui.chart.session_editor import SessionEditor
    from ui.client_page import ClientPage
    from ui.opendata.actions import OpenDataActions
    from ui.printing.menu import DocumentMenu
    from ui.protection.actions import ProtectionActions
    from ui.records.followups import FollowUpsView


AUDIT_CHECK_DELAY_MS = 300
ALIGN_CENTER = 0x84
"""Qt.AlignmentFlag.AlignCenter (AlignHCenter | AlignVCenter) as a number."""
MAX_LIST_WIDTH = 560
"""The client list's widest, however long the names: the chart area keeps most of the window."""
MIN_CHART_WIDTH = 700
MENU_TITLES = (N_("&File"), N_("&Edit"), N_("&Client"), N_("&Print"), N_("&View"), N_("&Help"))


class MainWindow(MainMenus, QMainWindow):
    """One open practice: find a client, see their chart."""

    practice_file_chosen = Signal(Path)
    """The practitioner chose another practice file (File → Open…); the app swaps to it."""
    practice_created = Signal(object)
    conversion_requested = Signal(str, object)
    """(what is being done, a conversion of the closed practice file): protecting it or removing its passphrase."""
    """A new practice was set up (File → New practice file…): the app swaps to this open ``Practice``."""

    def __init__(self, practice: Practice, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self.preferences = preferences
        self.ops = Operations.of(practice)
        self._undo_stack: QUndoStack | None = None
        self.client_actions = ClientActions(
            practice,
            self,
            self.show_client,
            self.open_session,
            lambda text: self.statusBar().showMessage(text, 5000),
        )

        self.clients = ClientListPane(practice, preferences.show_archived)
        self.chart_area = QStackedWidget()
        self.chart_area.setObjectName("chartArea")
        placeholder = QLabel(_("Choose a client on the left, or press Ctrl+N to add one."))
        # Through the property: QLabel.setAlignment would load Qt's enum namespace (see ui/actions.py).
        placeholder.setProperty("alignment", ALIGN_CENTER)
        mute(placeholder)
        self.chart_area.addWidget(placeholder)
        # The session editor and the follow-ups view are built on first use: the window appears sooner.
        self._client_page: ClientPage | None = None
        self._session_editor: SessionEditor | None = None
        self._followups: FollowUpsView | None = None
        self._unfolded_sizes: list[int] = []

        self.splitter = QSplitter()  # side by side
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.clients)
        self.splitter.addWidget(self.chart_area)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([min(MAX_LIST_WIDTH, max(340, self.clients.preferred_width())), 900])
        self.audit_bar = AuditBar()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.audit_bar)
        column.addWidget(self.splitter, 1)
        self._column = column
        self.setCentralWidget(central)

        # The menus' titles now; their items, the Print menu's and the status line in the event-loop turn
        # after the first frame (or when first asked for): the window appears without waiting for them.
        self._menus: dict[str, QMenu] = {title: self.menuBar().addMenu(_(title)) for title in MENU_TITLES}
        self._finished = False
        self._finish_queued = False
        self.clients.client_activated.connect(self.show_client)
        self.clients.new_client_requested.connect(self.new_client)
        self.clients.width_wanted.connect(self._widen_client_list)
        self.splitter.splitterMoved.connect(self._client_list_reachable)
        self.clients.archived_box.toggled.connect(self._remember_archived)
        self.chart_area.currentChanged.connect(self._chart_area_changed)
        self.ops.subscribe(self._on_changes, self)
        # Walking the audit trail competes with the first paint; start it once the window is up.
        self._audit_timer = QTimer(self, singleShot=True, interval=AUDIT_CHECK_DELAY_MS)
        self._audit_timer.timeout.connect(lambda: self.audit_bar.check(practice))
        self._audit_timer.start()

        self.update_title()
        self._first_size()
        self._restore_layout()
        self.clients.search.setFocus()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._finished and not self._finish_queued:
            self._finish_queued = True
            QTimer.singleShot(0, self, self.finish_start)

    def finish_start(self) -> None:
        """Make what the first frame does not show: the menus' items (with their shortcuts), the Print
        menu, the search box's clear button and the status line. Runs once; anything that needs one of
        them calls it first."""
        if self._finished:
            return
        self._finished = True
        from ui.printing.menu import (  # with the menus: its actions load QtGui's key types
            DocumentMenu,
            OnScreen,
        )

        on_screen = OnScreen(
            session_id=self._session_on_screen,
            client_id=self._client_on_screen,
            store_pending=self._store_pending,
            status=lambda text: self.statusBar().showMessage(text, 6000),
        )
        self._documents = DocumentMenu(
            self.practice, self.preferences, self, self._menus["&Print"], on_screen
        )
        from ui.opendata.actions import OpenDataActions

        self._open_data = OpenDataActions(
            self.practice, self.preferences, self, self._client_on_screen, on_screen.status
        )
        from ui.protection.actions import ProtectionActions

        self._protection = ProtectionActions(self, self.practice)
        self._protection.conversion_requested.connect(self.conversion_requested)
        from ui.appearance import Appearance

        self._appearance = Appearance(self.preferences, self)
        self._build_menus()
        self._appearance.follow_system()
        more = self.menuBar().findChild(QWidget, "qt_menubar_ext_button")  # Qt's » when the menus do not fit
        if more is not None:
            accessible(more, "More menus")
        self.chart_area.currentChanged.connect(self._documents.update_enabled)
        self._chart_area_changed()
        self.clients.search.setClearButtonEnabled(True)
        from ui.backup.window import WindowBackups

        self._backups = WindowBackups(self, self.practice)  # the backup bar goes under the audit bar
        self._column.insertWidget(1, self._backups.bar)
        apply_style_sheet()
        apply_app_icon()
        if not self.practice.store.closed:  # the practice may have been swapped before this turn came
            self.clients.recount()
            where = self.practice.path or _("in memory")
            self.statusBar().showMessage(f"{clients_text(self.clients.total or 0)} · {where}", 8000)

    @property
    def undo_stack(self) -> QUndoStack:
        """The charting's undo history (made on first use: the Edit menu and the session editor)."""
        if self._undo_stack is None:
            from PySide6.QtGui import QUndoStack

            self._undo_stack = QUndoStack(self)
        return self._undo_stack

    # The actions other parts of the app use; asking for one finishes the start.
    documents: AfterStart[DocumentMenu] = AfterStart()
    open_data: AfterStart[OpenDataActions] = AfterStart()
    """Import clients, export the practice, a client's FHIR record, where reactions happen."""
    """The document actions: Print menu, File → Handout texts…, the pages' Documents and Print buttons."""
    undo_action: AfterStart[QAction] = AfterStart()
    redo_action: AfterStart[QAction] = AfterStart()
    edit_client_action: AfterStart[QAction] = AfterStart()
    new_session_action: AfterStart[QAction] = AfterStart()
    back_action: AfterStart[QAction] = AfterStart()
    followups_action: AfterStart[QAction] = AfterStart()
    client_menu: AfterStart[QMenu] = AfterStart()
    backups: AfterStart[WindowBackups] = AfterStart()
    protection: AfterStart[ProtectionActions] = AfterStart()
    """The idle lock, Lock now, and protecting the practice with a passphrase."""
    """Backups: the background runner, the warning bar, Back up now, Restore from backup…, Backups…."""

    # --- actions -----------------------------------------------------------------------------
    def back_up_now(self) -> None:
        """File → Back up now."""
        self.backups.back_up_now()

    def restore_from_backup(self) -> None:
        """File → Restore from backup…."""
        self.backups.open_restore()

    def backup_settings(self) -> None:
        """File → Backups…."""
        self.backups.open_settings()

    def choose_practice_file(self) -> None:
        """Pick an existing practice file to open instead of this one."""
        from ui.practice_files import ask_existing_practice_file

        chosen = ask_existing_practice_file(self, self.practice.path)
        if chosen is not None:
            self.practice_file_chosen.emit(chosen)

    def new_practice_file(self) -> None:
        """Set up a new practice in a new file and switch to it (an existing file is never overwritten)."""
        from ui.welcome import set_up_practice

        created = set_up_practice(self, self.practice.path.parent if self.practice.path else Path.home())
        if created is not None:
            self.practice_created.emit(created)

    def check_practice_file(self) -> None:
        """Check the file, its audit trail and every photo, with a progress bar."""
        from ui.photos.check_run import check_practice

        check_practice(self.practice, self)

    def open_settings(self) -> None:
        """Edit the practice settings."""
        from ui.records.settings_dialog import SettingsDialog  # loaded on first use

        SettingsDialog(self.practice, parent=self, preferences=self.preferences).exec()

    def edit_note_templates(self) -> None:
        """The practice's note templates."""
        from ui.records.note_templates_dialog import NoteTemplatesDialog

        NoteTemplatesDialog(self.practice, self).exec()

    def open_lot_recall(self) -> None:
        """Find every session that used a needle lot; open one of them."""
        from ui.records.lot_recall import LotRecallDialog

        dialog = LotRecallDialog(self.practice, self)
        dialog.session_requested.connect(self.open_session)
        dialog.exec()

    @property
    def client_page(self) -> ClientPage:
        """The client's page: cautions, consent, course and progress, follow-ups, history."""
        if self._client_page is None:
            from ui.client_page import ClientPage

            actions = self.client_actions
            page = ClientPage(self.practice)
            page.edit_requested.connect(actions.edit_client)
            page.archive_requested.connect(actions.set_archived)
            page.new_session_requested.connect(actions.start_session)
            page.session_requested.connect(self.open_session)
            page.set_documents([*self.documents.client_documents, self.open_data.fhir])
            self.chart_area.addWidget(page)
            self._client_page = page
        return self._client_page

    @property
    def session_editor(self) -> SessionEditor:
        """The session chart editor, with the ratings and signature panels in its side column."""
        if self._session_editor is None:
            from ui.chart.session_editor import SessionEditor
            from ui.records.ratings_widget import RatingsWidget
            from ui.records.sign_panel import SignPanel

            editor = SessionEditor(self.practice, self.undo_stack, self.preferences)
            self.ratings = RatingsWidget(self.practice)
            self.sign_panel = SignPanel(self.practice)
            editor.side.add_tab(self.ratings, _("Ratings"))
            editor.side.add_tab(self.sign_panel, _("Signature"))
            from ui.photos.session_photos import SessionPhotos

            self.session_photos = SessionPhotos(self.practice, self.preferences, drop_target=editor)
            editor.side.add_tab(self.session_photos, _("Photos"))
            editor.back_requested.connect(self.back_to_client)
            editor.header.set_print_action(self.documents.print_handout)
            self.chart_area.addWidget(editor)
            self._session_editor = editor
        return self._session_editor

    def showing_session(self) -> SessionEditor | None:
        """The session editor when it is what the chart area shows, else None (never builds it)."""
        editor = self._session_editor
        return editor if editor is not None and self.chart_area.currentWidget() is editor else None

    @property
    def followups(self) -> FollowUpsView:
        """The practice-wide follow-ups view."""
        if self._followups is None:
            from ui.records.followups import FollowUpsView

            self._followups = FollowUpsView(self.practice)
            self._followups.client_requested.connect(self.show_client)
            self.chart_area.addWidget(self._followups)
        return self._followups

    def show_followups(self) -> None:
        """Show the practice-wide follow-ups: what to ask about or book."""
        self.chart_area.setCurrentWidget(self.followups)

    def update_title(self) -> None:
        """``AcuChart — <practice name or file name>``."""
        self.setWindowTitle(_("AcuChart — {title}").format(title=self.practice.title))

    def focus_search(self) -> None:
        """Put the cursor in the client search, selecting what is there (unfolding the list if need be)."""
        if self.splitter.sizes()[0] == 0:
            self.toggle_client_list()
        self.clients.search.setFocus()
        self.clients.search.selectAll()

    def show_client(self, client_id: int) -> None:
        """Open a client's page in the chart area."""
        try:
            self.client_page.show_client(client_id)
        except AcuChartError as exc:
            warn(self, str(exc))
            return
        self.chart_area.setCurrentWidget(self.client_page)
        self.clients.select_client(client_id)

    def current_client_id(self) -> int | None:
        """The client whose page is showing."""
        page = self._client_page
        if page is not None and self.chart_area.currentWidget() is page and page.client:
            return page.client.id
        return None

    def open_session(self, session_id: int) -> None:
        """Show a session's chart in the chart area."""
        try:
            self.session_editor.open_session(session_id)
        except AcuChartError as exc:
            warn(self, str(exc))
            return
        self.ratings.set_session(session_id)
        self.sign_panel.set_session(session_id)
        self.session_photos.set_session(session_id)
        self.chart_area.setCurrentWidget(self.session_editor)
        self.session_editor.current_view.setFocus()
        self._fold_client_list(True)

    def back_to_client(self) -> None:
        """Leave the session chart for the client's page (everything is already stored)."""
        editor = self.showing_session()
        if editor is None or editor.client is None:
            return
        editor.save_notes()
        self.show_client(editor.client.id)

    def _client_on_screen(self) -> int | None:
        """The client on screen: their page, or the session of theirs being charted."""
        editor = self.showing_session()
        if editor is not None and editor.client is not None:
            return editor.client.id
        return self.current_client_id()

    def _session_on_screen(self) -> int | None:
        editor = self.showing_session()
        return editor.session_id if editor is not None else None

    def _store_pending(self) -> None:
        editor = self.showing_session()
        if editor is not None:
            editor.save_notes()

    def _chosen_client(self) -> int | None:
        """The client a Client menu item acts on: the one on screen, else the one highlighted in the list."""
        return self._client_on_screen() or self.clients.selected_client_id()

    def new_client(self) -> None:
        """Add a client (Ctrl+N) and show their page with the search cleared."""
        if self.client_actions.new_client() is not None:
            self.clients.search.clear()

    def _new_session_current(self) -> None:
        client_id = self._chosen_client()
        if client_id is not None:
            self.client_actions.start_session(client_id)

    def _open_latest_session(self) -> None:
        client_id = self._chosen_client()
        if client_id is not None:
            self.client_actions.open_latest_session(client_id)

    def _edit_current(self) -> None:
        client_id = self._chosen_client()
        if client_id is not None:
            self.client_actions.edit_client(client_id)

    def _chart_area_changed(self) -> None:
        charting = self.showing_session() is not None
        self.back_action.setEnabled(charting)
        if not charting:
            self._fold_client_list(False)

    def _fold_client_list(self, fold: bool) -> None:
        """While a session is charted the diagram gets the client list's room; it comes back after."""
        sizes = self.splitter.sizes()
        if fold and sizes[0] > 0:
            self._unfolded_sizes = sizes
            self.splitter.setSizes([0, sum(sizes)])
        elif not fold and sizes[0] == 0 and self._unfolded_sizes:
            self.splitter.setSizes(self._unfolded_sizes)
            self._unfolded_sizes = []
        self._client_list_reachable()

    def _client_list_reachable(self) -> None:
        """A folded client list leaves the Tab order (it would take the keyboard out of sight)."""
        self.clients.setEnabled(self.splitter.sizes()[0] > 0)

    def _widen_client_list(self, width: int) -> None:
        """Give the client list the room its names need when the window has it (never narrowing it, and
        never while it is folded away)."""
        sizes = self.splitter.sizes()
        total = sum(sizes)
        wanted = min(width, MAX_LIST_WIDTH, total - MIN_CHART_WIDTH)
        if sizes[0] > 0 and wanted > sizes[0]:
            self.splitter.setSizes([wanted, total - wanted])

    def toggle_client_list(self) -> None:
        """Show or hide the client list (Ctrl+\\)."""
        sizes = self.splitter.sizes()
        if sizes[0] == 0:
            self.splitter.setSizes(self._unfolded_sizes or [340, max(sum(sizes) - 340, 400)])
        else:
            self._unfolded_sizes = sizes
            self.splitter.setSizes([0, sum(sizes)])
        self._client_list_reachable()

    def _first_size(self) -> None:
        """On first run, most of the screen; after that the remembered geometry wins."""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is None:
            self.resize(1280, 820)
            return
        self.resize(max(1024, int(screen.width() * 0.9)), max(700, int(screen.height() * 0.9)))

    def _remember_archived(self, on: bool) -> None:
        self.preferences.show_archived = on

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if changes.clients:
            self.clients.refresh()  # the client page refreshes itself from the same notice
        if changes.settings:
            self.update_title()

    def _about(self) -> None:
        from acuchart import __version__
        from acuchart.paths import log_path

        about(
            self,
            _("About AcuChart"),
            _(
                "<b>AcuChart {version__}</b><br>Charting for cosmetic acupuncture.<br><br>Practice file: {value}<br>Log file (details of anything unexpected): {log_path}<br><br>Every change is saved the moment you make it."
            ).format(version__=__version__, value=self.practice.path or _("in memory"), log_path=log_path()),
        )

    def show_shortcuts(self) -> None:
        """Help → Keyboard shortcuts: every key, gathered from the actions that answer to it."""
        from ui.chart.keyboard import DIAGRAM_KEYS
        from ui.printing.preview import PREVIEW_KEYS
        from ui.shortcuts import ShortcutsDialog, action_rows, keyed_sections, menu_sections

        self.finish_start()
        sections = menu_sections(list(self._menus.values()))
        sections.append((_("Charting a session"), action_rows(self.session_editor.actions())))
        sections += keyed_sections(
            [
                (_("On a diagram"), [(keys, _(text)) for keys, text in DIAGRAM_KEYS]),
                (_("Print preview"), [(keys, _(text)) for keys, text, _slot in PREVIEW_KEYS]),
            ]
        )
        ShortcutsDialog(sections, self).exec()

    # --- layout memory -----------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.preferences.window_geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.preferences.splitter_state("main")
        if state is not None:
            self.splitter.restoreState(state)
            if self.splitter.sizes()[0] == 0:  # saved folded (by an older AcuChart): the start shows the list
                width = min(MAX_LIST_WIDTH, max(340, self.clients.preferred_width()))
                self.splitter.setSizes([width, max(sum(self.splitter.sizes()) - width, 400)])

    def save_layout(self) -> None:
        """Remember geometry and splitter positions for next time (the client list as it was before a
        session folded it away: the next start shows the client list, and says to choose on the left)."""
        self.preferences.window_geometry = self.saveGeometry()
        folded = self.splitter.sizes()
        if folded[0] == 0 and self._unfolded_sizes:
            self.splitter.setSizes(self._unfolded_sizes)
            self.preferences.set_splitter_state("main", self.splitter.saveState())
            self.splitter.setSizes(folded)
        else:
            self.preferences.set_splitter_state("main", self.splitter.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._session_editor is not None:
            self._session_editor.save_notes()  # notes typed a moment ago are not lost on quitting
        self._audit_timer.stop()
        self.audit_bar.stop()
        if self._finished:
            self._protection.stop()
        if self._finished:
            self.backups.stop()
        self.save_layout()
        super().closeEvent(event)
