"""What the practitioner does to a client from the main window: add, edit, archive, start a session.

Each action runs its operation through the practice's one runner; the screens that show the client
refresh from the change it reports. The window tells this class how to show a client or a session.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from acuchart.errors import AcuChartError, ConsentMissingError
from acuchart.i18n import _
from acuchart.practice import Practice
from ui.messages import confirm, warn
from ui.operations import Operations


class ClientActions:
    """New client, edit client, archive or restore, new session.

    Args:
        practice: the open practice.
        parent: the window the dialogs belong to.
        show_client: shows a client's page.
        open_session: opens a session in the chart editor.
        status: shows a short note in the status bar.
    """

    def __init__(
        self,
        practice: Practice,
        parent: QWidget,
        show_client: Callable[[int], None],
        open_session: Callable[[int], None],
        status: Callable[[str], None],
    ) -> None:
        self._practice = practice
        self._ops = Operations.of(practice)
        self._parent = parent
        self._show_client = show_client
        self._open_session = open_session
        self._status = status

    def new_client(self) -> int | None:
        """Ask for a new client's details and show their page; the new client's id, or None."""
        from ui.client_dialog import ClientDialog  # loaded on first use: keeps start-up quick

        dialog = ClientDialog(self._practice, parent=self._parent)
        if dialog.exec() and dialog.saved_client is not None:
            self._show_client(dialog.saved_client.id)
            return dialog.saved_client.id
        return None

    def edit_client(self, client_id: int) -> None:
        """Edit a client's identity, intake and cautions."""
        from ui.client_dialog import ClientDialog

        ClientDialog(self._practice, self._practice.clients.get(client_id), parent=self._parent).exec()

    def set_archived(self, client_id: int, archived: bool) -> None:
        """Archive (never delete) or restore a client, after confirming an archive."""
        client = self._practice.clients.get(client_id)
        if archived:
            question = _(
                "Archive {full_name}? Their chart is kept and you can restore them from 'Show archived' at any time."
            ).format(full_name=client.full_name)
            if not confirm(self._parent, _("Archive client"), question):
                return
        done = self._ops.run(lambda: self._practice.clients.set_archived(client_id, archived), self._parent)
        if done is not None:
            self._status(f"{client.full_name} {'archived' if archived else 'restored'}.")

    def start_session(self, client_id: int) -> None:
        """Start a session for a client and open it (asking for a note when no consent is on file)."""
        course = self._practice.courses.current_course(client_id)
        course_id = course.id if course is not None else None
        sessions = self._practice.sessions
        try:
            session = self._ops.apply(lambda: sessions.create(client_id, course_id=course_id), self._parent)
        except ConsentMissingError:
            from ui.records.consent_dialog import ask_consent_or_override

            override = ask_consent_or_override(self._practice, client_id, self._parent)
            if override is None:
                return
            done = self._ops.run(
                lambda: sessions.create(client_id, course_id=course_id, consent_override=override),
                self._parent,
            )
            if done is None:
                return
            session = done.value
        except AcuChartError as exc:
            warn(self._parent, str(exc))
            return
        self._open_session(session.id)

    def open_latest_session(self, client_id: int) -> None:
        """Go back to the client's last chart."""
        sessions = self._practice.sessions.sessions_for_client(client_id)
        if sessions:
            self._open_session(sessions[0].id)
        else:
            self._status(_("This client has no sessions yet. Start one with Ctrl+Shift+N."))
