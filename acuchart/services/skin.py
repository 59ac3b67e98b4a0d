"""Objective skin measures at intake and at chosen sessions: Fitzpatrick skin type, Glogau photo-ageing
type and a 0–5 wrinkle grade per region, so progress is judged from the practitioner's side too."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping

from acuchart import clock
from acuchart.changes import Changes, OpResult
from acuchart.i18n import _
from acuchart.models.tcm import FITZPATRICK_TYPES, GLOGAU_TYPES, WRINKLE_REGIONS, MeasureSeries, SkinMeasure
from acuchart.services import session_writes as writes
from acuchart.services.record_rules import raise_if
from acuchart.storage import note as rows
from acuchart.storage import records as record_rows
from acuchart.storage.store import Store
from acuchart.text import DateDoesNotExistError, date_problem, parse_date

_REGIONS = dict(WRINKLE_REGIONS)


class SkinService:
    """Recording and reading a client's skin measures."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def for_client(self, client_id: int) -> list[SkinMeasure]:
        """A client's skin measures, oldest first (what a progress plot draws)."""
        return [SkinMeasure.from_row(row) for row in rows.skin_measures(self._store, client_id)]

    def course_series(self, course_id: int) -> list[MeasureSeries]:
        """The wrinkle grade of each region measured during a course, by session number (0–5), the regions
        measured at least once; what the client page plots beside the client's own ratings."""
        course = self._store.get("courses", course_id)
        numbers = {
            row["id"]: n for n, row in enumerate(record_rows.course_sessions(self._store, course_id), start=1)
        }
        measures = [m for m in self.for_client(int(course["client_id"])) if m.session_id in numbers]
        series = []
        for key, label in WRINKLE_REGIONS:
            points = tuple(
                (numbers[m.session_id], m.wrinkles[key])
                for m in measures
                if m.session_id is not None and key in m.wrinkles
            )
            if points:
                series.append(MeasureSeries(label, tuple(sorted(points))))
        return series

    def for_session(self, session_id: int) -> SkinMeasure | None:
        """The measures taken at a session, if any."""
        client_id = self._store.get("sessions", session_id)["client_id"]
        return next((m for m in self.for_client(client_id) if m.session_id == session_id), None)

    def record(
        self,
        client_id: int,
        session_id: int | None = None,
        fitzpatrick: int | None = None,
        glogau: int | None = None,
        wrinkles: Mapping[str, int] | None = None,
        measured_on: dt.date | str | None = None,
    ) -> OpResult[SkinMeasure]:
        """Record the measures taken at intake (no session) or at a session; a session's earlier
        measures are replaced (one set per session).

        Raises:
            ValidationError: a type or grade out of its scale, an unknown region, nothing measured.
            SignedSessionError: the session is signed.
        """
        problems: dict[str, str] = {}
        if fitzpatrick is not None and fitzpatrick not in dict(FITZPATRICK_TYPES):
            problems["fitzpatrick"] = _("Choose a Fitzpatrick skin type from I to VI.")
        if glogau is not None and glogau not in dict(GLOGAU_TYPES):
            problems["glogau"] = _("Choose a Glogau type from I to IV.")
        grades = dict(wrinkles or {})
        for region, grade in grades.items():
            if region not in _REGIONS:
                problems["wrinkles"] = _("{region!r} is not one of the regions graded.").format(region=region)
            elif isinstance(grade, bool) or not isinstance(grade, int) or not 0 <= grade <= 5:
                problems["wrinkles"] = _("{value}: a grade is a whole number from 0 to 5.").format(
                    value=_REGIONS[region]
                )
        if fitzpatrick is None and glogau is None and not grades:
            problems["measures"] = _("Choose at least one measure to record.")
        try:
            day = parse_date(measured_on) or clock.today()
        except DateDoesNotExistError as error:
            problems["measured_on"] = date_problem(_("The date"), error)
            day = clock.today()
        except ValueError:
            problems["measured_on"] = _("Write the date as YYYY-MM-DD, for example 2026-11-21.")
            day = clock.today()
        raise_if(problems)
        row = {
            "client_id": client_id,
            "session_id": session_id,
            "measured_on": day.isoformat(),
            "fitzpatrick": fitzpatrick,
            "glogau": glogau,
            "wrinkles": json.dumps(grades, sort_keys=True),
            "created_at": clock.stamp(),
        }
        if session_id is None:
            self._store.get("clients", client_id)  # NotFoundError for an unknown client
            with self._store.write() as w:
                measure_id = w.insert("skin_measures", row)
        else:
            with writes.SessionWrite(self._store, session_id) as w:
                if w.get("sessions", session_id)["client_id"] != client_id:
                    problems["session"] = _("That session is another client's.")
                    raise_if(problems)
                for old in w.query("select id from skin_measures where session_id = ?", [session_id]):
                    w.delete("skin_measures", int(old["id"]))
                measure_id = w.insert("skin_measures", row)
        measure = SkinMeasure.from_row(self._store.get("skin_measures", measure_id))
        return OpResult(
            measure,
            Changes(
                clients=session_id is None,
                sessions=session_id is not None,
                client_id=client_id,
                session_id=session_id,
            ),
        )
