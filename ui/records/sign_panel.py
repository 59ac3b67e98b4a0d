"""Signing a session, and afterwards its signature, its amendments and late entries."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acuchart.changes import Changes
from acuchart.dates import short_moment
from acuchart.errors import AcuChartError
from acuchart.i18n import _
from acuchart.models import Amendment, Session
from acuchart.practice import Practice
from ui import theme
from ui.operations import Operations
from ui.records.amend_dialog import AmendDialog, LateReactionDialog
from ui.style import px, set_text_size

SIGNED_STYLE = "color: $signed;"
REASON_STYLE = "color: $warning;"
LATE_STYLE = "color: $warning; font-weight: 600;"
SIGN_BUTTON_STYLE = (
    "QPushButton { background: $signed_fill; color: $on_signed; border-radius: 6px; }"
    "QPushButton:disabled { background: $control; color: $disabled_text; border: 1px solid $border; }"
)


def signature_text(session: Session) -> str:
    """``Signed 21 Nov 2026 14:05 by Dr. Jane Doe``."""
    assert session.signed_at is not None
    return _("Signed {signed_at} by {signed_by}").format(
        signed_at=short_moment(session.signed_at), signed_by=session.signed_by
    )


def amendment_html(amendment: Amendment) -> str:
    """One amendment as the panel shows it: what, old → new, why, who and when."""
    old = html.escape(amendment.old_value or _("(empty)"))
    new = html.escape(amendment.new_value or _("(empty)"))
    change = f"{new}" if amendment.old_value is None else f"{old} → {new}"
    colours = theme.current()
    # The catalogues' text carries the printed page's grey (paper_muted); on screen it is the theme's.
    return (
        _(
            "<b>{escape}</b>: {change}<br><i>“{escape2}”</i><br><span style='color:#5f6368'>{escape3}, {at}</span>"
        )
        .format(
            escape=html.escape(amendment.field_label),
            change=change,
            escape2=html.escape(amendment.reason),
            escape3=html.escape(amendment.author),
            at=short_moment(amendment.at),
        )
        .replace(f"color:{colours.paper_muted}", f"color:{colours.muted}")
    )


class SignPanel(QGroupBox):
    """Needle balance, the Sign button (disabled with the reason while signing is not possible), then the
    signature, Amend… and the amendments, each with its old and new value."""

    def __init__(
        self, practice: Practice, session_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Signature"), parent)
        self.setObjectName("signPanel")
        self._practice = practice
        self.session_id: int | None = None
        self.balance = QLabel()
        self.balance.setObjectName("signBalance")
        self.sign_button = QPushButton(_("Sign session"))
        self.sign_button.setObjectName("signButton")
        self.sign_button.setMinimumHeight(px(40))
        theme.style(self.sign_button, SIGN_BUTTON_STYLE)
        set_text_size(self.sign_button, 14 / 13)
        self.sign_button.setToolTip(_("Sign the chart: after this, changes are added as amendments"))
        self.reason = QLabel()
        self.reason.setObjectName("signReason")
        self.reason.setWordWrap(True)
        theme.style(self.reason, REASON_STYLE)
        self.signature = QLabel()
        self.signature.setObjectName("signature")
        self.signature.setWordWrap(True)
        theme.style(self.signature, SIGNED_STYLE)
        set_text_size(self.signature, 14 / 13)
        self.late = QLabel()
        self.late.setObjectName("lateEntry")
        self.late.setWordWrap(True)
        theme.style(self.late, LATE_STYLE)
        self.amend_button = QPushButton(_("Amend…"))
        self.amend_button.setToolTip(_("Correct something in the signed session, with the reason"))
        self.late_reaction_button = QPushButton(_("Late reaction…"))
        self.late_reaction_button.setToolTip(_("A reaction the client reported after the session was signed"))
        self.amendments = QLabel()
        self.amendments.setObjectName("amendments")
        self.amendments.setWordWrap(True)
        self.amendments.setTextFormat(Qt.TextFormat.RichText)
        self.amendments.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        after = QHBoxLayout()
        after.addWidget(self.amend_button)
        after.addWidget(self.late_reaction_button)
        after.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.balance)
        layout.addWidget(self.sign_button)
        layout.addWidget(self.reason)
        layout.addWidget(self.signature)
        layout.addWidget(self.late)
        layout.addLayout(after)
        layout.addWidget(self.amendments)
        self.sign_button.clicked.connect(self.sign)
        self.amend_button.clicked.connect(self.amend)
        self.late_reaction_button.clicked.connect(self.add_late_reaction)
        self._ops = Operations.of(practice)
        self._ops.subscribe(self._on_changes, self)
        self._amendments: list[Amendment] = []
        theme.on_change(lambda _theme: self._show_amendments(), self)  # the amendments' grey
        if session_id is not None:
            self.set_session(session_id)

    def set_session(self, session_id: int) -> None:
        """Show another session."""
        self.session_id = session_id
        self.refresh()

    def refresh(self) -> None:
        """Show the session as it stands."""
        if self.session_id is None:
            return
        session = self._practice.sessions.get(self.session_id)
        balance = self._practice.sessions.needle_balance(self.session_id)
        if balance.removed is None:
            self.balance.setText(
                _("Needles: {inserted} in · removed not yet confirmed").format(inserted=balance.inserted)
            )
        elif balance.difference:
            self.balance.setText(
                _("Needles: {inserted} in · {removed} out · difference noted").format(
                    inserted=balance.inserted, removed=balance.removed
                )
            )
        else:
            self.balance.setText(
                _("Needles: {inserted} in · {removed} out ✓").format(
                    inserted=balance.inserted, removed=balance.removed
                )
            )
        signed = session.signed
        self.sign_button.setVisible(not signed)
        self.amend_button.setVisible(signed)
        self.late_reaction_button.setVisible(signed)
        self.signature.setVisible(signed)
        ok, why = (False, "") if signed else self._practice.signing.can_sign(self.session_id)
        self.sign_button.setEnabled(ok)
        self.reason.setText(why)
        self.reason.setVisible(bool(why))
        self.signature.setText(signature_text(session) if signed else "")
        self.late.setText(
            _("Late entry: charted more than 24 hours after the session.") if session.late_entry else ""
        )
        self.late.setVisible(session.late_entry)
        self._amendments = self._practice.signing.amendments_for(self.session_id) if signed else []
        self._show_amendments()

    def _show_amendments(self) -> None:
        amendments = self._amendments
        self.amendments.setText(
            _("<p style='margin:0 0 4px 0'><b>Amendments</b></p>")
            + "<hr>".join(amendment_html(a) for a in amendments)
            if amendments
            else ""
        )
        self.amendments.setVisible(bool(amendments))

    def confirm_sign(self) -> bool:
        """Ask once before signing: a signed chart is changed only by amendment."""
        answer = QMessageBox.question(
            self,
            _("Sign session"),
            _("Sign this session now? After signing, any change is added as an amendment with a reason."),
        )
        return answer == QMessageBox.StandardButton.Yes

    def sign(self) -> None:
        """Sign the session after one confirmation; a refusal shows its reason under the button."""
        if self.session_id is None or not self.confirm_sign():
            return
        session_id = self.session_id
        try:
            self._ops.apply(lambda: self._practice.signing.sign(session_id), self)
        except AcuChartError as exc:
            self.reason.setText(str(exc))
            self.reason.show()

    def amend(self) -> None:
        """Open the amendment dialog."""
        if self.session_id is not None:
            AmendDialog(self._practice, self.session_id, self).exec()

    def add_late_reaction(self) -> None:
        """Open the late-reaction dialog."""
        if self.session_id is not None:
            LateReactionDialog(self._practice, self.session_id, self).exec()

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if self.session_id is not None and (
            changes.session_id in (None, self.session_id) or changes.settings
        ):
            self.refresh()
