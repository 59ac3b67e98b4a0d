"""Follow-up: open reactions, overdue courses and maintenance due; a client's session history."""

from __future__ import annotations

import datetime as dt
from typing import Any

from acuchart import clock
from acuchart.changes import Changes, OpResult
from acuchart.dates import short_date
from acuchart.errors import ValidationError
from acuchart.i18n import _, ngettext
from acuchart.models import (
    CautionReview,
    Client,
    CourseDue,
    FollowUps,
    ReactionFollowUp,
    SessionSummary,
)
from acuchart.services.courses import course_sessions, maintenance_visit
from acuchart.services.record_rules import place_of, today_or
from acuchart.services.settings import SettingsService
from acuchart.storage import records as rows
from acuchart.storage.store import Store

MAINTENANCE_LOOKAHEAD = dt.timedelta(days=14)


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text[:10]) if text else None


def _reaction(row: tuple[Any, ...]) -> ReactionFollowUp:
    """A reaction from a row in the order ``storage.records`` reads them."""
    (
        rid,
        session_id,
        client_id,
        name,
        started_at,
        kind,
        severity,
        onset,
        note,
        resolved,
        late,
        code,
        side,
        label,
    ) = row
    where = "" if code is None and label is None else place_of(code, side, label)
    return ReactionFollowUp(
        rid,
        session_id,
        client_id,
        name,
        dt.date.fromisoformat(started_at[:10]),
        kind,
        severity,
        onset,
        where,
        note,
        dt.date.fromisoformat(resolved) if resolved else None,
        bool(late),
    )


def _due(row: tuple[Any, ...], today: dt.date) -> CourseDue:
    """A course due, from a row in :class:`CourseDue`'s field order (due date as ISO text, days late left out)."""
    course_id, client_id, name, status, due_text, done, planned, months = row
    due_on = dt.date.fromisoformat(due_text)
    return CourseDue(course_id, client_id, name, status, due_on, done, planned, (today - due_on).days, months)


def _months_between(earlier: dt.date, later: dt.date) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (later.day < earlier.day)


class FollowUpService:
    """Resolving reactions and reading what needs following up.

    Args:
        store: the open practice file.
        settings: the practice settings (how often cautions are reviewed).
    """

    def __init__(self, store: Store, settings: SettingsService) -> None:
        self._store = store
        self._settings = settings

    def resolve_reaction(self, reaction_id: int, on: dt.date | None = None) -> OpResult[None]:
        """Mark a reaction resolved ``on`` (today). Allowed on a signed session: it is follow-up, not an amendment.

        Raises:
            ValidationError: the date is in the future or before the session.
        """
        reaction = rows.reaction(self._store, reaction_id)
        day = today_or(on)
        session_on = _date(reaction["started_at"])
        assert session_on is not None
        if day > clock.today():
            raise ValidationError(
                {"resolved_on": _("The resolved date is in the future. Use today or an earlier day.")}
            )
        if day < session_on:
            raise ValidationError(
                {"resolved_on": _("The resolved date is before the session. Check the date.")}
            )
        return self._set_resolved(reaction, day.isoformat())

    def reopen_reaction(self, reaction_id: int) -> OpResult[None]:
        """Mark a resolved reaction open again (resolved too soon, or by mistake)."""
        return self._set_resolved(rows.reaction(self._store, reaction_id), None)

    def _set_resolved(self, reaction: dict[str, Any], resolved_on: str | None) -> OpResult[None]:
        with self._store.write() as writer:
            writer.update("reactions", reaction["id"], {"resolved_on": resolved_on})
        return OpResult(
            None, Changes(reactions=True, session_id=reaction["session_id"], client_id=reaction["client_id"])
        )

    def reactions_for_client(self, client_id: int) -> list[ReactionFollowUp]:
        """A client's reactions, open ones first, then the newest."""
        return [_reaction(row) for row in rows.client_reactions(self._store, client_id)]

    def client_history(self, client_id: int) -> list[SessionSummary]:
        """A client's sessions, newest first: date, number in the course (or maintenance visit), points,
        reactions, signature."""
        summaries = []
        for row in rows.history(self._store, client_id):
            started = dt.datetime.fromisoformat(row["started_at"])
            charted_late = dt.datetime.fromisoformat(row["created_at"]) > started + dt.timedelta(hours=24)
            summaries.append(
                SessionSummary(
                    id=row["id"],
                    started_at=started,
                    course_id=row["course_id"],
                    number=row["number"],
                    points=row["points"],
                    reactions=row["reactions"],
                    open_reactions=row["open_reactions"],
                    signed_at=dt.datetime.fromisoformat(row["signed_at"]) if row["signed_at"] else None,
                    signed_by=row["signed_by"] or "",
                    late_entry=bool(row["late_entry"] or row["late_reactions"]) or charted_late,
                    amendments=row["amendments"],
                    maintenance_visit=maintenance_visit(
                        row["number"],
                        course_sessions(row["planned"], row["course_status"], row["course_done_by_end"]),
                    )
                    if row["course_id"] is not None
                    else None,
                )
            )
        return summaries

    def followups(self, today: dt.date | None = None, first: int | None = None) -> FollowUps:
        """What to ask about or book: open reactions, overdue active courses, maintenance due within two weeks.

        Archived clients' courses are left out; their open reactions are not (a reaction stays open until resolved).

        Args:
            today: the day to judge by (today).
            first: read only the first ``first`` of each list, with how many there are in all (what the
                follow-ups page shows first; the rest come with :meth:`more_followups`). None: everything.
        """
        day = today_or(today)
        horizon = (day + MAINTENANCE_LOOKAHEAD).isoformat()
        limit = -1 if first is None else first
        return FollowUps(
            day,
            tuple(_reaction(row) for row in rows.open_reactions(self._store, limit=limit)),
            tuple(_due(row, day) for row in rows.overdue_courses(self._store, day.isoformat(), limit=limit)),
            tuple(_due(row, day) for row in rows.maintenance_due(self._store, horizon, limit=limit)),
            None if first is None else rows.followup_counts(self._store, day.isoformat(), horizon),
        )

    def more_followups(
        self, found: FollowUps, after: ReactionFollowUp | CourseDue, count: int
    ) -> tuple[ReactionFollowUp, ...] | tuple[CourseDue, ...]:
        """The next ``count`` rows after ``after`` in the list of ``found`` it belongs to (as of ``found.today``)."""
        day = found.today
        if isinstance(after, ReactionFollowUp):
            return tuple(_reaction(row) for row in rows.open_reactions(self._store, after.id, count))
        due = (after.due_on.isoformat(), after.course_id)
        if after.status == "maintenance":
            horizon = (day + MAINTENANCE_LOOKAHEAD).isoformat()
            return tuple(_due(row, day) for row in rows.maintenance_due(self._store, horizon, due, count))
        return tuple(_due(row, day) for row in rows.overdue_courses(self._store, day.isoformat(), due, count))

    def caution_review(self, client: Client, today: dt.date | None = None) -> CautionReview:
        """Whether a client's cautions are due a review (older than the practice's setting), and the sentence to show."""
        day = today_or(today)
        reviewed = client.cautions_reviewed_on
        if reviewed is None:
            if client.has_cautions:
                return CautionReview(True, _("Cautions have never been reviewed — review now"))
            return CautionReview(False, "")
        months = _months_between(reviewed, day)
        if months < self._settings.get().caution_review_months:
            return CautionReview(
                False, _("Cautions reviewed {date}").format(date=short_date(reviewed)), months
            )
        ago = ngettext("{count} month ago", "{count} months ago", months).format(count=months)
        return CautionReview(True, _("Cautions last reviewed {ago} — review now").format(ago=ago), months)
