"""The client page: who the client is, their cautions at a glance, and what to do next."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from acuchart import clock
from acuchart.models import CAUTION_LABELS, CONCERN_LABELS, Client
from acuchart.practice import Practice
from ui.client_list import format_dob


class CautionBanner(QLabel):
    """The client's cautions in a band that cannot be missed; hidden when there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cautionBanner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setStyleSheet(
            "#cautionBanner { background: #fff4e5; border: 1px solid #e0a040; border-radius: 6px; padding: 6px 10px; }"
        )
        self.hide()

    def show_client(self, client: Client) -> None:
        """Show this client's cautions, or hide the banner."""
        if not client.has_cautions:
            self.hide()
            return
        flags = ", ".join(html.escape(CAUTION_LABELS.get(f, f)) for f in client.caution_flags)
        parts = [f"<b>⚠ Cautions:</b> {flags}" if flags else "<b>⚠ Cautions</b>"]
        if client.caution_notes:
            parts.append(html.escape(client.caution_notes))
        if client.cautions_reviewed_on:
            parts.append(f"<i>reviewed {client.cautions_reviewed_on:%d %b %Y}</i>")
        self.setText(" — ".join(parts))
        self.show()


class ClientPage(QWidget):
    """Header, cautions and intake of one client, with the actions a practitioner takes next."""

    edit_requested = Signal(int)
    archive_requested = Signal(int, bool)

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._practice = practice
        self.client: Client | None = None
        self.name_label = QLabel()
        self.name_label.setObjectName("clientName")
        self.name_label.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.details_label = QLabel()
        self.details_label.setObjectName("muted")
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cautions = CautionBanner()
        self.intake_label = QLabel()
        self.intake_label.setWordWrap(True)
        self.intake_label.setTextFormat(Qt.TextFormat.RichText)
        self.edit_button = QPushButton("Edit client…")
        self.edit_button.setToolTip("Edit identity, intake and cautions (Ctrl+E)")
        self.archive_button = QPushButton("Archive")
        self.edit_button.clicked.connect(lambda: self.client and self.edit_requested.emit(self.client.id))
        self.archive_button.clicked.connect(
            lambda: self.client and self.archive_requested.emit(self.client.id, not self.client.archived)
        )

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.name_label)
        titles.addWidget(self.details_label)
        header.addLayout(titles, 1)
        header.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.archive_button, 0, Qt.AlignmentFlag.AlignTop)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(header)
        layout.addWidget(self.cautions)
        layout.addWidget(self.intake_label)
        layout.addLayout(self.body, 1)

    def show_client(self, client_id: int) -> None:
        """Load and show a client."""
        client = self._practice.clients.get(client_id)
        self.client = client
        self.name_label.setText(client.full_name + ("  (archived)" if client.archived else ""))
        details = []
        if client.date_of_birth:
            age = _age(client)
            details.append(f"born {format_dob(client.date_of_birth.isoformat())} ({age})")
        details += [v for v in (client.phone, client.email) if v]
        self.details_label.setText("  ·  ".join(details))
        self.cautions.show_client(client)
        concerns = ", ".join(CONCERN_LABELS.get(c, c) for c in client.concerns) or "none recorded"
        intake = [f"<b>Concerns:</b> {html.escape(concerns)}"]
        if client.goals:
            intake.append(f"<b>Goals:</b> {html.escape(client.goals)}")
        if client.skin_notes:
            intake.append(f"<b>Skin:</b> {html.escape(client.skin_notes)}")
        self.intake_label.setText("<br>".join(intake))
        self.archive_button.setText("Restore" if client.archived else "Archive")
        self.archive_button.setToolTip(
            "Bring the client back into the list" if client.archived else "Hide from the list; nothing is deleted"
        )


def _age(client: Client) -> int:
    born = client.date_of_birth
    assert born is not None
    today = clock.today()
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
