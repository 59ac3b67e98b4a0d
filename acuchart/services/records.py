"""The clinical record around sessions, as one service: consent, courses, progress, signing, follow-up.

Each part lives in its own module (``consent``, ``courses``, ``ratings``, ``signing``,
``followups``); :class:`RecordService` puts them together as ``practice.records``.
"""

from __future__ import annotations

import datetime as dt

from acuchart.models import Client, ClientRecord, Course, CourseOverview
from acuchart.services.consent import ConsentRecords
from acuchart.services.courses import CourseForm, progress_of
from acuchart.services.followups import FollowUpRecords
from acuchart.services.record_base import SessionChecks, today_or
from acuchart.services.signing import SigningRecords
from acuchart.storage import clients as client_rows
from acuchart.storage import records as rows

__all__ = ["CourseForm", "RecordService", "SessionChecks"]


class RecordService(ConsentRecords, FollowUpRecords, SigningRecords):
    """Every change to consent, courses, ratings, signatures, amendments and reaction follow-up goes through here.

    Args:
        store: the open practice file.
        hub: where each change is reported after its transaction.
        settings: the practice settings (the practitioner's name signs; the review interval).
        session_checks: the charting service, asked whether a session may be signed.
    """

    def client_record(self, client_id: int, today: dt.date | None = None) -> ClientRecord:
        """Everything the client page shows beyond identity, in a handful of queries."""
        day = today_or(today)
        client = Client.from_row(client_rows.get(self._store, client_id))
        courses = tuple(
            CourseOverview(Course.from_row(row), progress_of(row, day))
            for row in rows.courses(self._store, client_id)
        )
        return ClientRecord(
            client=client,
            caution_review=self.caution_review(client, day),
            consents=tuple(self.consents_for(client_id)),
            courses=courses,
            history=tuple(self.client_history(client_id)),
            reactions=tuple(self.reactions_for_client(client_id)),
        )
