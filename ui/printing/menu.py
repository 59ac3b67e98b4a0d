"""The document actions: the Print menu, File → Handout texts…, and the actions the pages place as buttons.

Which actions are enabled follows what is on screen: a session open → its handout; a client's page
(or a session of theirs) → the client's course summary, chart export and consent form. This module
knows nothing of the window it serves: it is told what is on screen through :class:`OnScreen`, and
the pages that show a button for one of its actions place that button themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from acuchart.i18n import _
from acuchart.practice import Practice
from ui.actions import menu_action
from ui.preferences import Preferences

if TYPE_CHECKING:
    from ui.printing.documents import DocumentActions


class OnScreen(NamedTuple):
    """What the document actions need to know of the window: what it shows, and how to tell the practitioner."""

    session_id: Callable[[], int | None]
    """The session being charted, if one is."""
    client_id: Callable[[], int | None]
    """The client on screen: their page, or a session of theirs."""
    store_pending: Callable[[], None]
    """Store what is still being typed (the session notes), so a handout prints what is stored."""
    status: Callable[[str], None]
    """Show a short note (in the status bar)."""


class DocumentMenu:
    """Makes and keeps the document actions of one main window.

    Args:
        practice: the open practice.
        preferences: where the printer and the save folder are remembered.
        parent: the window that owns the actions and the dialogs.
        menu: the Print menu, which this fills.
        on_screen: what the window shows.
    """

    def __init__(
        self, practice: Practice, preferences: Preferences, parent: QWidget, menu: QMenu, on_screen: OnScreen
    ) -> None:
        self._practice = practice
        self._preferences = preferences
        self._parent = parent
        self._on_screen = on_screen
        self._actions: DocumentActions | None = None
        self.menu = menu
        self.print_handout = self._add(
            _("&Print handout for this session…"),
            "Ctrl+P",
            self._print_handout,
            _("The client's handout, to the printer"),
        )
        self.print_handout.setIconText(_("Print handout"))
        self.print_handout.setToolTip(_("Print the client's handout for this session (Ctrl+P)"))
        self.preview_handout = self._add(
            _("Pre&view handout…"),
            "Ctrl+Shift+P",
            self._preview_handout,
            _("See the handout before printing it"),
        )
        self.save_handout = self._add(
            _("&Save handout as PDF…"),
            None,
            self._save_handout,
            _("Save the handout as a PDF file (to email it)"),
        )
        self.menu.addSeparator()
        self.summary = self._add(
            _("&Course summary…"), None, self._summary, _("Sessions, ratings and reactions so far")
        )
        self.chart = self._add(
            _("C&hart export…"), None, self._chart, _("The client's whole record, for an auditor")
        )
        self.consent = self._add(
            _("Co&nsent form…"), None, self._consent, _("The consent form for the client to sign")
        )
        self.texts = menu_action(
            parent,
            _("Handout &texts…"),
            None,
            self.edit_texts,
            _("The practice's words for what to expect, aftercare and the consent form"),
        )
        self.update_enabled()

    def _add(self, text: str, shortcut: str | None, slot: Callable[[], object], tip: str) -> QAction:
        action = menu_action(self._parent, text, shortcut, slot, tip)
        self.menu.addAction(action)
        return action

    @property
    def client_documents(self) -> list[QAction]:
        """The documents of a client (the client page shows them behind its Documents button)."""
        return [self.summary, self.chart, self.consent]

    @property
    def actions(self) -> DocumentActions:
        """The document actions, loaded on first use (reportlab and PDFium stay out of the start-up)."""
        if self._actions is None:
            from ui.printing.documents import DocumentActions

            self._actions = DocumentActions(self._practice, self._preferences, self._parent)
            self._actions.message.connect(self._on_screen.status)
        return self._actions

    def update_enabled(self) -> None:
        """Enable the actions that apply to what is on screen."""
        has_session = self._on_screen.session_id() is not None
        has_client = self._on_screen.client_id() is not None
        for action in (self.print_handout, self.preview_handout, self.save_handout):
            action.setEnabled(has_session)
        for action in self.client_documents:
            action.setEnabled(has_client)

    # --- the actions ---------------------------------------------------------------------------
    def _session(self) -> int | None:
        session_id = self._on_screen.session_id()
        if session_id is not None:
            self._on_screen.store_pending()  # the handout prints what is stored
        return session_id

    def _print_handout(self) -> None:
        session_id = self._session()
        if session_id is not None:
            self.actions.print_handout(session_id)

    def _preview_handout(self) -> None:
        session_id = self._session()
        if session_id is not None:
            self.actions.preview_handout(session_id)

    def _save_handout(self) -> None:
        session_id = self._session()
        if session_id is not None:
            self.actions.save_handout_pdf(session_id)

    def _summary(self) -> None:
        client_id = self._on_screen.client_id()
        if client_id is not None:
            self.actions.preview_summary(client_id)

    def _chart(self) -> None:
        client_id = self._on_screen.client_id()
        if client_id is not None:
            self.actions.preview_chart(client_id)

    def _consent(self) -> None:
        client_id = self._on_screen.client_id()
        if client_id is not None:
            self.actions.preview_consent(client_id)

    def edit_texts(self) -> None:
        """Open the handout texts editor."""
        from ui.printing.texts_dialog import HandoutTextsDialog

        HandoutTextsDialog(self._practice, self._parent).exec()
