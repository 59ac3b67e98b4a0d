"""The client page: who the client is, cautions and consent at a glance, the course and its progress,
what to follow up, and the sessions so far."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from acuchart import clock
from acuchart.changes import Changes
from acuchart.dates import short_date
from acuchart.i18n import _, ngettext
from acuchart.models import CAUTION_LABELS, CONCERN_LABELS, Client, ClientRecord
from acuchart.practice import Practice
from ui import theme
from ui.client_list import format_dob
from ui.operations import Operations
from ui.photos.client_photos import ClientPhotos
from ui.records.consent_dialog import ConsentDialog
from ui.records.course_panel import CoursePanel
from ui.records.forms import FieldError
from ui.records.item_models import IdRole, ReactionsModel, SessionHistoryModel
from ui.records.tables import ReactionsTable, RecordTable
from ui.style import mute, set_text_size

RESOLVED_SHOWN = 2
"""How many resolved reactions stay listed (newest first), so one resolved by mistake can be reopened."""
VISIBLE_REACTIONS = 4
"""Rows the follow-up list shows before it scrolls."""

NEW_SESSION_STYLE = (
    "QPushButton#newSession { background: $accent; color: $on_accent;"
    " padding: 8px 18px; border-radius: 6px; }"
    "QPushButton#newSession:hover { background: $accent_hover; }"
)
REVIEW_STYLE = (
    "#cautionReview { background: $caution_fill; border: 1px solid $caution_border; border-radius: 6px; }"
    "#cautionReview QLabel { color: $on_caution; font-weight: 600; }"
)
CONSENT_OK_STYLE = "color: $signed;"
CONSENT_MISSING_STYLE = "color: $alert; font-weight: 600;"
CONSENT_BUTTON_STYLE = (
    "background: $alert_fill; color: $on_alert; font-weight: 600; padding: 5px 12px; border-radius: 4px;"
)


class CautionBanner(QLabel):
    """The client's cautions in a band that cannot be missed; hidden when there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cautionBanner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        theme.style(
            self,
            "#cautionBanner { background: $caution_fill; color: $on_caution; border: 1px solid $caution_border;"
            " border-radius: 6px; padding: 6px 10px; }",
        )
        self.hide()

    def show_client(self, client: Client) -> None:
        """Show this client's cautions, or hide the banner."""
        if not client.has_cautions:
            self.hide()
            return
        flags = ", ".join(html.escape(CAUTION_LABELS.get(f, f)) for f in client.caution_flags)
        parts = [_("<b>⚠ Cautions:</b> {flags}").format(flags=flags) if flags else _("<b>⚠ Cautions</b>")]
        if client.caution_notes:
            parts.append(html.escape(client.caution_notes))
        if client.cautions_reviewed_on:
            parts.append(
                _("<i>reviewed {cautions_reviewed_on}</i>").format(
                    cautions_reviewed_on=short_date(client.cautions_reviewed_on)
                )
            )
        self.setText(" — ".join(parts))
        self.show()


class _Band(QFrame):
    """A line of text with a button at its end (the review prompt, the consent status)."""

    def __init__(self, name: str, button_text: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.button = QPushButton(button_text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)


class ClientPage(QWidget):
    """Everything about one client a practitioner needs before and after a session."""

    edit_requested = Signal(int)
    archive_requested = Signal(int, bool)
    new_session_requested = Signal(int)
    session_requested = Signal(int)

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._practice = practice
        self.client: Client | None = None
        self.record: ClientRecord | None = None
        self._stale = False
        self.name_label = QLabel()
        self.name_label.setObjectName("clientName")
        set_text_size(self.name_label, 1.7)
        self.details_label = QLabel()
        mute(self.details_label)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cautions = CautionBanner()
        self.review = _Band("cautionReview", _("Review cautions…"))
        theme.style(self.review, REVIEW_STYLE)
        self.consent = _Band("consentStatus", _("Record consent…"))
        self.intake_label = QLabel()
        self.intake_label.setWordWrap(True)
        self.intake_label.setTextFormat(Qt.TextFormat.RichText)
        self.new_session_button = QPushButton(_("New session"))
        self.new_session_button.setObjectName("newSession")
        theme.style(self.new_session_button, NEW_SESSION_STYLE)
        set_text_size(self.new_session_button, 15 / 13)
        self.new_session_button.setToolTip(_("Start charting a session for this client (Ctrl+Shift+N)"))
        self.edit_button = QPushButton(_("Edit client…"))
        self.edit_button.setToolTip(_("Edit identity, intake and cautions (Ctrl+E)"))
        self.archive_button = QPushButton(_("Archive"))
        self.course_panel = CoursePanel(practice)
        self.reactions_model = ReactionsModel(clock.today, self)
        self.reactions_table = ReactionsTable(practice, self.reactions_model)
        self.reactions_table.setColumnHidden(0, True)  # the client is this one
        self.reactions_box = QGroupBox(_("Follow up"))
        self.no_reactions = QLabel(_("No reactions to follow up."))
        mute(self.no_reactions)
        self.no_reactions.setWordWrap(True)
        self.problem = FieldError()
        self.reactions_table.problem.connect(self.problem.show_message)
        self.history_model = SessionHistoryModel(self)
        self.history_table = RecordTable(self.history_model, stretch=4)
        self.no_sessions = QLabel(_("No sessions yet. Press New session to start charting."))
        mute(self.no_sessions)
        self.no_sessions.setWordWrap(True)
        self.no_sessions.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.history_table.setToolTip(_("Double-click a session to open it (a signed one opens read-only)"))
        self.history_box = QGroupBox(_("Sessions"))
        self.photos = ClientPhotos(practice)
        self.documents_button: QToolButton | None = None
        """The client's documents, once the window has given them (:meth:`set_documents`)."""
        self._build_layout()
        self.new_session_button.clicked.connect(
            lambda: self.client and self.new_session_requested.emit(self.client.id)
        )
        self.edit_button.clicked.connect(lambda: self.client and self.edit_requested.emit(self.client.id))
        self.archive_button.clicked.connect(
            lambda: self.client and self.archive_requested.emit(self.client.id, not self.client.archived)
        )
        self.review.button.clicked.connect(self.review_cautions)
        self.consent.button.clicked.connect(self.record_consent)
        self.history_table.activated.connect(self._open_session)
        Operations.of(practice).subscribe(self._on_changes, self)

    def _build_layout(self) -> None:
        header = QHBoxLayout()
        self.header_buttons = header
        """The row of buttons beside the client's name (others add theirs, e.g. Documents)."""
        titles = QVBoxLayout()
        titles.addWidget(self.name_label)
        titles.addWidget(self.details_label)
        header.addLayout(titles, 1)
        for button in (self.new_session_button, self.edit_button, self.archive_button):
            header.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        reactions = QVBoxLayout(self.reactions_box)
        reactions.addWidget(self.no_reactions)
        reactions.addWidget(self.reactions_table)
        reactions.addWidget(self.problem)
        history = QVBoxLayout(self.history_box)
        history.addWidget(self.no_sessions)
        history.addWidget(self.history_table, 1)
        body = QHBoxLayout()
        body.addWidget(self.course_panel, 1)
        body.addWidget(self.history_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addLayout(header)
        layout.addWidget(self.cautions)
        layout.addWidget(self.review)
        layout.addWidget(self.consent)
        layout.addWidget(self.intake_label)
        layout.addWidget(self.reactions_box)
        layout.addWidget(self.photos)
        layout.addLayout(body, 1)

    def set_documents(self, actions: list[QAction]) -> None:
        """A "Documents" button beside Edit client…: the client's documents (summary, chart export, consent)."""
        menu = QMenu(self)
        menu.addActions(actions)
        button = QToolButton()
        button.setObjectName("clientDocuments")
        button.setText(_("Documents"))
        button.setToolTip(_("Course summary, chart export and consent form for this client"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setMenu(menu)
        button.setMinimumHeight(self.edit_button.sizeHint().height())
        row = self.header_buttons
        row.insertWidget(row.indexOf(self.edit_button), button, 0, Qt.AlignmentFlag.AlignTop)
        self.documents_button = button

    # --- showing a client ----------------------------------------------------------------------
    def show_client(self, client_id: int) -> None:
        """Load and show a client (identity, cautions, consent, courses, reactions, sessions)."""
        record = self._practice.client_record(client_id)
        self.record = record
        self.client = client = record.client
        self._stale = False
        self.name_label.setText(client.full_name + (_("  (archived)") if client.archived else ""))
        details = []
        if client.preferred_name:
            details.append(_("prefers “{preferred_name}”").format(preferred_name=client.preferred_name))
        if client.date_of_birth:
            details.append(
                _("born {format_dob} ({age})").format(
                    format_dob=format_dob(client.date_of_birth.isoformat()), age=_age(client)
                )
            )
        details += [v for v in (client.phone, client.email) if v]
        self.details_label.setText("  ·  ".join(details))
        self.cautions.show_client(client)
        self.review.text.setText(record.caution_review.text)
        self.review.setVisible(record.caution_review.due)
        self._show_consent(record)
        concerns = ", ".join(CONCERN_LABELS.get(c, c) for c in client.concerns) or _("none recorded")
        intake = [_("<b>Concerns:</b> {escape}").format(escape=html.escape(concerns))]
        if client.goals:
            intake.append(_("<b>Goals:</b> {escape}").format(escape=html.escape(client.goals)))
        if client.skin_notes:
            intake.append(_("<b>Skin:</b> {escape}").format(escape=html.escape(client.skin_notes)))
        self.intake_label.setText("<br>".join(intake))
        self.archive_button.setText(_("Restore") if client.archived else _("Archive"))
        self.archive_button.setToolTip(
            _("Bring the client back into the list")
            if client.archived
            else _("Hide from the list; nothing is deleted")
        )
        self.course_panel.show_courses(client.id, record.courses)
        open_reactions = [r for r in record.reactions if r.is_open]
        resolved = [r for r in record.reactions if not r.is_open][:RESOLVED_SHOWN]
        self.reactions_model.set_rows(open_reactions + resolved)
        self.reactions_box.setTitle(
            ngettext("Follow up ({count} open)", "Follow up ({count} open)", len(open_reactions)).format(
                count=len(open_reactions)
            )
            if open_reactions
            else _("Follow up")
        )
        self.no_reactions.setVisible(not record.reactions)
        self.reactions_table.setVisible(bool(record.reactions))
        self.reactions_table.fit_rows(VISIBLE_REACTIONS)
        self.problem.show_message("")
        self.history_model.set_rows(record.history)
        self.history_box.setTitle(
            _("Sessions ({history})").format(history=len(record.history)) if record.history else _("Sessions")
        )
        self.no_sessions.setVisible(not record.history)
        self.history_table.setVisible(bool(record.history))
        self.photos.show_client(client.id)

    def _show_consent(self, record: ClientRecord) -> None:
        if record.consents:
            latest = record.consents[0]
            self.consent.text.setText(
                _("✓ Consent on file: {lower}, given {given_on} (consent text {text_version})").format(
                    lower=latest.method_label.lower(),
                    given_on=short_date(latest.given_on),
                    text_version=latest.text_version,
                )
            )
            theme.style(self.consent.text, CONSENT_OK_STYLE)
            theme.style(self.consent.button, "")
        else:
            self.consent.text.setText(
                _("✗ No consent on file. Record the client's informed consent before treating.")
            )
            theme.style(self.consent.text, CONSENT_MISSING_STYLE)
            theme.style(self.consent.button, CONSENT_BUTTON_STYLE)

    # --- actions -------------------------------------------------------------------------------
    def review_cautions(self) -> None:
        """Open the client's Cautions tab; saving stamps today as the review date."""
        from ui.client_dialog import ClientDialog

        if self.client is not None:
            ClientDialog(self._practice, self.client, parent=self, review_cautions=True).exec()

    def record_consent(self) -> None:
        """Record the client's informed consent."""
        if self.client is not None:
            ConsentDialog(self._practice, self.client.id, parent=self).exec()

    def _open_session(self, index: QModelIndex) -> None:
        session_id = index.data(IdRole)
        if session_id is not None:
            self.session_requested.emit(int(session_id))

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if self.client is None or changes.client_id not in (None, self.client.id):
            return
        if self.isVisible():
            self.show_client(self.client.id)
        else:
            self._stale = True  # charting a session: redraw once, when the page shows again

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale and self.client is not None:
            self.show_client(self.client.id)
        super().showEvent(event)


def _age(client: Client) -> int:
    born = client.date_of_birth
    assert born is not None
    today = clock.today()
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
