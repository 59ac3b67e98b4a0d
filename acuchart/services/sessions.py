"""Sessions: starting one, its details (when, course, length, notes), and the needle count.

Every method that changes something is an operation: checked first, one transaction
(``store.write()``), and an :class:`~acuchart.changes.OpResult` naming what changed. A signed
session refuses every change: it takes an amendment instead. The marks and reactions charted in a
session are :mod:`acuchart.services.charting`'s.
"""

from __future__ import annotations

import datetime as dt
import json
from enum import Enum
from typing import Any

from acuchart import clock
from acuchart.changes import Changes, OpResult
from acuchart.dates import short_date
from acuchart.errors import ConsentMissingError, NotFoundError
from acuchart.i18n import _
from acuchart.models import COURSE_STATUS_LABELS, Mark, Reaction, Session, SessionChart
from acuchart.services import session_rules as rules
from acuchart.services import session_writes as writes
from acuchart.services.record_rules import raise_if
from acuchart.services.session_rules import NeedleBalance
from acuchart.storage import note as note_rows
from acuchart.storage import sessions as rows
from acuchart.storage.store import Store

__all__ = ["KEEP", "NeedleBalance", "SessionService"]


class _Keep(Enum):
    KEEP = "keep"


KEEP = _Keep.KEEP
"""Leave this field as it is (for the optional fields of the ``update``/``edit`` methods)."""


class SessionService:
    """Every change to a session itself (not its marks and reactions) goes through here."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # --- sessions --------------------------------------------------------------------------
    def create(
        self,
        client_id: int,
        started_at: dt.datetime | str | None = None,
        course_id: int | None = None,
        duration_min: int = 45,
        consent_override: str = "",
    ) -> OpResult[Session]:
        """Start a session for a client.

        Raises:
            ConsentMissingError: the client has no consent on file and no override note was given.
            ValidationError: a field is wrong.
        """
        if not rows.client_exists(self._store, client_id):
            raise NotFoundError(
                _("No client with id {client_id} exists in this practice file.").format(client_id=client_id)
            )
        problems: dict[str, str] = {}
        override = rules.text(problems, "consent_override", consent_override, "The consent note", 2000)
        if not override and not rows.has_consent(self._store, client_id):
            raise ConsentMissingError(
                _(
                    "This client has no consent on file. Record their consent first, or note why you proceed without it."
                )
            )
        row: dict[str, Any] = {
            "client_id": client_id,
            "course_id": self._course(problems, client_id, course_id),
            "started_at": rules.started_at(problems, started_at, clock.now()),
            "duration_min": rules.duration(problems, duration_min),
            "consent_override": override,
            "created_at": clock.stamp(),
        }
        raise_if(problems)
        with self._store.write() as w:
            session_id = w.insert("sessions", row)
            # The boxes of needles open now are the ones this session's needles come from.
            for lot in note_rows.open_lots(self._store):
                w.insert("session_lots", {"session_id": session_id, "lot_id": lot["id"]})
        return OpResult(
            self.get(session_id), Changes(sessions=True, client_id=client_id, session_id=session_id)
        )

    def get(self, session_id: int) -> Session:
        """One session; ``NotFoundError`` if the id is unknown."""
        return Session.from_row(self._store.get("sessions", session_id))

    def sessions_for_client(self, client_id: int) -> list[Session]:
        """A client's sessions, the latest first."""
        return [Session.from_row(row) for row in rows.for_client(self._store, client_id)]

    def course_choices(self, client_id: int) -> list[tuple[int, str]]:
        """The client's courses as (id, "Course from 3 Mar 2025 (active)"), newest first."""
        return [
            (
                row["id"],
                _("Course from {date} ({status})").format(
                    date=short_date(dt.date.fromisoformat(row["start_date"])),
                    status=COURSE_STATUS_LABELS.get(row["status"], row["status"]).lower(),
                ),
            )
            for row in rows.courses_for_client(self._store, client_id)
        ]

    def update_details(
        self,
        session_id: int,
        started_at: dt.datetime | str | _Keep = KEEP,
        course_id: int | _Keep | None = KEEP,
        duration_min: int | _Keep = KEEP,
        notes: str | _Keep = KEEP,
        subjective: str | _Keep = KEEP,
        assessment: str | _Keep = KEEP,
        plan: str | _Keep = KEEP,
    ) -> OpResult[Session]:
        """Change when the session was, its course, its length or its SOAP note (only the fields given).

        The note's Objective part is ``notes`` (what was seen and done); ``subjective`` is what the
        client reports, ``assessment`` the practitioner's reading of it, ``plan`` what comes next.
        """
        session = self.get(session_id)
        problems: dict[str, str] = {}
        changes: dict[str, Any] = {}
        if not isinstance(started_at, _Keep):
            changes["started_at"] = rules.started_at(problems, started_at, clock.now())
        if not isinstance(course_id, _Keep):
            changes["course_id"] = self._course(problems, session.client_id, course_id)
        if not isinstance(duration_min, _Keep):
            changes["duration_min"] = rules.duration(problems, duration_min)
        if not isinstance(notes, _Keep):
            changes["notes"] = rules.text(problems, "notes", notes, "The session notes")
        for field, value, label in (
            ("subjective", subjective, _("What the client reports")),
            ("assessment", assessment, _("The assessment")),
            ("plan", plan, _("The plan")),
        ):
            if not isinstance(value, _Keep):
                changes[field] = rules.text(problems, field, value, label)
        raise_if(problems)
        with writes.SessionWrite(self._store, session_id) as w:
            w.update("sessions", session_id, changes)
        return OpResult(self.get(session_id), _session_changes(session))

    def load(self, session_id: int) -> SessionChart:
        """The session with its marks and reactions, for the chart editor (three queries)."""
        row = rows.session_with_client(self._store, session_id)
        if row is None:
            raise NotFoundError(
                _("No session with id {session_id} exists in this practice file.").format(
                    session_id=session_id
                )
            )
        return SessionChart(
            session=Session.from_row(row),
            client_caution_flags=tuple(json.loads(row["client_caution_flags"] or "[]")),
            marks=tuple(Mark.from_row(r) for r in rows.marks(self._store, session_id)),
            reactions=tuple(Reaction.from_row(r) for r in rows.reactions(self._store, session_id)),
        )

    # --- needles ---------------------------------------------------------------------------
    def set_needles_removed(self, session_id: int, count: int | None, note: str = "") -> OpResult[Session]:
        """Confirm how many needles came out (None: not counted yet), with a note when it differs."""
        problems: dict[str, str] = {}
        removed = None if count is None else rules.needles(problems, count, "needles_removed")
        changes = {
            "needles_removed": removed,
            "count_note": rules.text(problems, "count_note", note, "The note"),
        }
        raise_if(problems)
        with writes.SessionWrite(self._store, session_id) as w:
            session = Session.from_row(w.get("sessions", session_id))
            w.update("sessions", session_id, changes)
        return OpResult(self.get(session_id), _session_changes(session))

    def needle_balance(self, session_id: int) -> NeedleBalance:
        """Needles in (from the marks), out (confirmed) and the difference."""
        chart = self.load(session_id)
        return writes.balance(chart)

    def can_sign(self, session_id: int) -> tuple[bool, str]:
        """Whether the needle count lets the session be signed, and if not, why (in plain words)."""
        chart = self.load(session_id)
        if chart.session.signed:
            return False, _(rules.SIGNED_MESSAGE)
        balance = writes.balance(chart)
        if balance.removed is None:
            return False, _("Confirm how many needles were removed before signing.")
        if balance.difference and not chart.session.count_note:
            return False, (
                _(
                    "{inserted} needles went in and {removed} came out. Recount, or add a note explaining the difference before signing."
                ).format(inserted=balance.inserted, removed=balance.removed)
            )
        return True, ""

    # --- helpers ---------------------------------------------------------------------------
    def _course(self, problems: dict[str, str], client_id: int, course_id: int | None) -> int | None:
        if course_id is not None and rows.course_client(self._store, course_id) != client_id:
            problems["course_id"] = _("That course belongs to another client (or no longer exists).")
        return course_id


def _session_changes(session: Session) -> Changes:
    return Changes(sessions=True, client_id=session.client_id, session_id=session.id)
