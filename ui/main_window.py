"""The main window: the client list on the left, the chart area on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from acuchart.changes import Changes
from acuchart.errors import AcuChartError
from acuchart.practice import Practice
from ui.changes import ChangeRelay
from ui.client_list import ClientListPane
from ui.client_page import ClientPage
from ui.preferences import Preferences


class MainWindow(QMainWindow):
    """One open practice: find a client, see their chart."""

    def __init__(self, practice: Practice, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self.preferences = preferences
        self.relay = ChangeRelay(practice, self)
        self.undo_stack = QUndoStack(self)

        self.clients = ClientListPane(practice, preferences.show_archived)
        self.client_page = ClientPage(practice)
        self.chart_area = QStackedWidget()
        self.chart_area.setObjectName("chartArea")
        placeholder = QLabel("Choose a client on the left, or press Ctrl+N to add one.")
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        placeholder.setObjectName("muted")
        self.chart_area.addWidget(placeholder)
        self.chart_area.addWidget(self.client_page)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.clients)
        self.splitter.addWidget(self.chart_area)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 900])
        self.setCentralWidget(self.splitter)

        self._build_menus()
        self.clients.client_activated.connect(self.show_client)
        self.clients.new_client_requested.connect(self.new_client)
        self.clients.archived_box.toggled.connect(self._remember_archived)
        self.client_page.edit_requested.connect(self.edit_client)
        self.client_page.archive_requested.connect(self.set_archived)
        self.relay.changed.connect(self._on_changes)

        self.update_title()
        self.resize(1280, 820)
        self._restore_layout()
        self.statusBar().showMessage(
            f"{practice.clients.count()} clients · {practice.path or 'in memory'}", 8000
        )

    # --- menus -------------------------------------------------------------------------------
    def _action(self, text: str, shortcut: QKeySequence | str | None, slot: object, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(
            self._action(
                "&Quit",
                QKeySequence.StandardKey.Quit,
                self.close,
                "Close AcuChart; everything is already saved",
            )
        )
        edit_menu = bar.addMenu("&Edit")
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(
            self._action("&Find client", "Ctrl+F", self.focus_search, "Jump to the client search")
        )
        client_menu = bar.addMenu("&Client")
        client_menu.addAction(self._action("&New client…", QKeySequence.StandardKey.New, self.new_client))
        self.edit_client_action = self._action("&Edit client…", "Ctrl+E", self._edit_current)
        client_menu.addAction(self.edit_client_action)
        self.client_menu = client_menu
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("&About AcuChart", None, self._about))

    # --- actions -----------------------------------------------------------------------------
    def update_title(self) -> None:
        """``AcuChart — <practice name or file name>``."""
        self.setWindowTitle(f"AcuChart — {self.practice.title}")

    def focus_search(self) -> None:
        """Put the cursor in the client search, selecting what is there."""
        self.clients.search.setFocus()
        self.clients.search.selectAll()

    def show_client(self, client_id: int) -> None:
        """Open a client's page in the chart area."""
        try:
            self.client_page.show_client(client_id)
        except AcuChartError as exc:
            QMessageBox.warning(self, "AcuChart", str(exc))
            return
        self.chart_area.setCurrentWidget(self.client_page)
        self.clients.select_client(client_id)

    def current_client_id(self) -> int | None:
        """The client whose page is showing."""
        if self.chart_area.currentWidget() is self.client_page and self.client_page.client:
            return self.client_page.client.id
        return None

    def new_client(self) -> None:
        """Ask for a new client's details and open their page."""
        from ui.client_dialog import ClientDialog  # loaded on first use: keeps start-up quick

        dialog = ClientDialog(self.practice, parent=self)
        if dialog.exec() and dialog.saved_client is not None:
            self.clients.search.clear()
            self.clients.refresh()
            self.show_client(dialog.saved_client.id)

    def _edit_current(self) -> None:
        client_id = self.current_client_id() or self.clients.selected_client_id()
        if client_id is not None:
            self.edit_client(client_id)

    def edit_client(self, client_id: int) -> None:
        """Edit a client's identity, intake and cautions."""
        from ui.client_dialog import ClientDialog

        dialog = ClientDialog(self.practice, self.practice.clients.get(client_id), parent=self)
        dialog.exec()

    def set_archived(self, client_id: int, archived: bool) -> None:
        """Archive (never delete) or restore a client, after confirming an archive."""
        client = self.practice.clients.get(client_id)
        if archived:
            answer = QMessageBox.question(
                self,
                "Archive client",
                f"Archive {client.full_name}? Their chart is kept and you can restore them from "
                "'Show archived' at any time.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.practice.clients.set_archived(client_id, archived)
        self.statusBar().showMessage(f"{client.full_name} {'archived' if archived else 'restored'}.", 5000)

    def _remember_archived(self, on: bool) -> None:
        self.preferences.show_archived = on

    def _on_changes(self, changes: Changes) -> None:
        if changes.clients:
            self.clients.refresh()
            current = self.current_client_id()
            if current is not None:
                self.client_page.show_client(current)
        if changes.settings:
            self.update_title()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About AcuChart",
            "<b>AcuChart</b><br>Charting for cosmetic acupuncture.<br>"
            f"Practice file: {self.practice.path or 'in memory'}<br>Every change is saved the moment you make it.",
        )

    # --- layout memory -----------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.preferences.window_geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.preferences.splitter_state("main")
        if state is not None:
            self.splitter.restoreState(state)

    def save_layout(self) -> None:
        """Remember geometry and splitter positions for next time."""
        self.preferences.window_geometry = self.saveGeometry()
        self.preferences.set_splitter_state("main", self.splitter.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
