"""The Print menu of the main window, File → Handout texts…, and the session editor's Print button.

Which actions are enabled follows what the chart area shows: a session open → its handout; a
client's page (or a session of theirs) → the client's course summary, chart export and consent form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QBoxLayout, QMenu, QToolBar, QToolButton, QWidget

from ui.actions import menu_action

if TYPE_CHECKING:
    from ui.chart.session_editor import SessionEditor
    from ui.client_page import ClientPage
    from ui.main_window import MainWindow
    from ui.printing.documents import DocumentActions

PRINT_BUTTON_STYLE = (
    "QToolButton#printHandout { font-weight: 600; padding: 2px 12px; border: 1px solid #2f6f8f;"
    " border-radius: 5px; background: #eef5f9; }"
    "QToolButton#printHandout:hover { background: #dcebf4; }"
    "QToolButton#printHandout:disabled { color: #9aa0a6; border-color: #c9ced4; background: #f3f4f5; }"
)


class DocumentMenu:
    """Builds and keeps the document actions of one main window.

    Args:
        window: the main window; its ``chart_area``, ``session_editor``, ``client_page`` and
            ``preferences`` are read.
        menu: the window's Print menu, which this fills.
    """

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        self.window = window
        self.button: QToolButton | None = None
        """The Print handout button on the session editor."""
        self._actions: DocumentActions | None = None
        self.menu = menu
        self.print_handout = self._add(
            "&Print handout for this session…",
            "Ctrl+P",
            self._print_handout,
            "The client's handout, to the printer",
        )
        self.preview_handout = self._add(
            "Pre&view handout…", "Ctrl+Shift+P", self._preview_handout, "See the handout before printing it"
        )
        self.save_handout = self._add(
            "&Save handout as PDF…", None, self._save_handout, "Save the handout as a PDF file (to email it)"
        )
        self.menu.addSeparator()
        self.summary = self._add(
            "&Course summary…", None, self._summary, "Sessions, ratings and reactions so far"
        )
        self.chart = self._add(
            "C&hart export…", None, self._chart, "The client's whole record, for an auditor"
        )
        self.consent = self._add(
            "Co&nsent form…", None, self._consent, "The consent form for the client to sign"
        )
        self.texts = menu_action(
            window,
            "Handout &texts…",
            None,
            self.edit_texts,
            "The practice's words for what to expect, aftercare and the consent form",
        )
        self._add_to_file_menu(self.texts)
        window.chart_area.currentChanged.connect(self.update_enabled)
        self.update_enabled()

    def _add(self, text: str, shortcut: str | None, slot: Callable[[], object], tip: str) -> QAction:
        action = menu_action(self.window, text, shortcut, slot, tip)
        self.menu.addAction(action)
        return action

    def install_on_client_page(self, page: ClientPage) -> None:
        """A "Documents" button beside New session on the client page: summary, chart export, consent.

        Called by the main window when it builds the page (on first use)."""
        menu = QMenu(self.window)
        for action in (self.summary, self.chart, self.consent):
            menu.addAction(action)
        button = QToolButton()
        button.setObjectName("clientDocuments")
        button.setText("Documents")
        button.setToolTip("Course summary, chart export and consent form for this client")
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setMenu(menu)
        button.setMinimumHeight(page.edit_button.sizeHint().height())
        row = page.header_buttons
        row.insertWidget(row.indexOf(page.edit_button), button, 0, Qt.AlignmentFlag.AlignTop)
        self.client_button = button

    def install_on_session_editor(self, editor: SessionEditor) -> None:
        """The one-click Print button in the session editor's header, beside the title (the same action as
        the menu's, so it shares its shortcut and its enabled state); the toolbar if there is no header row.

        Called by the main window when it builds the editor (on first use)."""
        action = self.print_handout
        action.setIconText("Print handout")
        action.setToolTip("Print the client's handout for this session (Ctrl+P)")
        from PySide6.QtGui import QIcon  # with the editor, not at start-up

        icon = QIcon.fromTheme(QIcon.ThemeIcon.DocumentPrint)
        if not icon.isNull():
            action.setIcon(icon)
        header = editor.header
        row = getattr(header, "top_row", None)
        if isinstance(row, QBoxLayout):
            button = QToolButton()
            button.setObjectName("printHandout")
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            back = getattr(header, "back", None)
            button.setMinimumHeight(back.minimumHeight() if isinstance(back, QWidget) else 36)
            button.setStyleSheet(PRINT_BUTTON_STYLE)
            badge = getattr(header, "signed", None)  # after the "Signed …" badge, before the fields
            at = row.indexOf(badge) if isinstance(badge, QWidget) else -1
            row.insertWidget(at + 1 if at >= 0 else row.count(), button)
            self.button = button
        elif isinstance(editor.toolbar, QToolBar):
            editor.toolbar.addSeparator()
            editor.toolbar.addAction(action)

    def _add_to_file_menu(self, action: QAction) -> None:
        """Put ``action`` under Practice settings… in the File menu."""
        for entry in self.window.menuBar().actions():
            menu = entry.menu()
            if entry.text() != "&File" or not isinstance(menu, QMenu):
                continue
            items = menu.actions()
            anchor = next((i for i, a in enumerate(items) if a.text().startswith("Practice")), None)
            if anchor is not None and anchor + 1 < len(items):
                menu.insertAction(items[anchor + 1], action)
            else:
                menu.addAction(action)
            return
        self.window.menuBar().addAction(action)

    @property
    def actions(self) -> DocumentActions:
        """The document actions, loaded on first use (reportlab and PDFium stay out of the start-up)."""
        if self._actions is None:
            from ui.printing.documents import DocumentActions

            window = self.window
            self._actions = DocumentActions(window.practice, window.preferences, window)
            self._actions.message.connect(lambda text: window.statusBar().showMessage(text, 6000))
        return self._actions

    # --- what is on screen -------------------------------------------------------------------------
    def session_id(self) -> int | None:
        """The session open in the chart area."""
        editor = self.window.showing_session()
        return editor.session_id if editor is not None else None

    def client_id(self) -> int | None:
        """The client on screen: their page, or the session of theirs being charted."""
        editor = self.window.showing_session()
        if editor is not None and editor.client is not None:
            return editor.client.id
        return self.window.current_client_id()

    def update_enabled(self) -> None:
        """Enable the actions that apply to what the chart area shows."""
        has_session = self.session_id() is not None
        has_client = self.client_id() is not None
        for action in (self.print_handout, self.preview_handout, self.save_handout):
            action.setEnabled(has_session)
        for action in (self.summary, self.chart, self.consent):
            action.setEnabled(has_client)

    # --- the actions ---------------------------------------------------------------------------
    def _print_handout(self) -> None:
        session_id = self.session_id()
        if session_id is not None:
            self.window.session_editor.save_notes()  # the handout prints what is stored
            self.actions.print_handout(session_id)

    def _preview_handout(self) -> None:
        session_id = self.session_id()
        if session_id is not None:
            self.window.session_editor.save_notes()
            self.actions.preview_handout(session_id)

    def _save_handout(self) -> None:
        session_id = self.session_id()
        if session_id is not None:
            self.window.session_editor.save_notes()
            self.actions.save_handout_pdf(session_id)

    def _summary(self) -> None:
        client_id = self.client_id()
        if client_id is not None:
            self.actions.preview_summary(client_id)

    def _chart(self) -> None:
        client_id = self.client_id()
        if client_id is not None:
            self.actions.preview_chart(client_id)

    def _consent(self) -> None:
        client_id = self.client_id()
        if client_id is not None:
            self.actions.preview_consent(client_id)

    def edit_texts(self) -> None:
        """Open the handout texts editor."""
        from ui.printing.texts_dialog import HandoutTextsDialog

        HandoutTextsDialog(self.window.practice, self.window).exec()
