"""A client charted through the services, to print documents from: three signed sessions of a ten-session
course, a bruise at left ST2, redness at right SI18 (amended after signing), fatigue, a free marker."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from acuchart import clock
from acuchart.practice import Practice
from acuchart.services.clients import ClientForm
from acuchart.services.courses import CourseForm

PRACTICE = {
    "practice_name": "Lotus Facial Acupuncture",
    "practitioner_name": "Amélie Durand",
    "licence_number": "AC-204817",
    "address": "12 Rue des Lilas, Brighton BN1 4AB",
    "phone": "01273 555 019",
    "email": "hello@lotus-acupuncture.example",
}
CLIENT_NAME = "Zoë Lefèvre-Ørsted"
START = dt.date(2025, 1, 28)
INTERVAL_DAYS = 14
PLANNED = 10
SESSION_TIMES = (
    dt.datetime(2025, 1, 28, 10, 30),
    dt.datetime(2025, 2, 11, 10, 30),
    dt.datetime(2025, 2, 25, 10, 30),
)
POINTS = (
    ("EX-HN3", "midline"),
    ("GB14", "right"),
    ("GB14", "left"),
    ("ST2", "right"),
    ("ST2", "left"),
    ("SI18", "right"),
    ("SI18", "left"),
    ("CV24", "midline"),
)
SIGNED_AFTER = dt.timedelta(minutes=50)


@dataclass(frozen=True)
class Charted:
    """The ids of what :func:`chart_client` made."""

    client_id: int
    course_id: int
    session_ids: tuple[int, ...]


def chart_client(practice: Practice) -> Charted:
    """Chart three sessions for one client, as a practitioner would on those days (so none is late)."""
    with clock.frozen_at(dt.datetime.combine(START, dt.time(9, 0))):
        practice.settings.update(**PRACTICE)
        client = practice.clients.create(
            ClientForm(
                first_name="Zoë",
                last_name="Lefèvre-Ørsted",
                date_of_birth=dt.date(1979, 6, 2),
                concerns=["wrinkles", "radiance"],
                caution_flags=["anticoagulants"],
                caution_notes="Takes fish oil daily; bruises easily.",
                cautions_reviewed_on=START,
            )
        ).value
        practice.consent.record_consent(client.id, START, "signed_form")
        course = practice.courses.create_course(
            client.id,
            CourseForm(
                concerns=["wrinkles", "radiance"],
                planned_sessions=PLANNED,
                interval_days=INTERVAL_DAYS,
                start_date=START,
            ),
        ).value
    sessions = []
    for number, started in enumerate(SESSION_TIMES, start=1):
        with clock.frozen_at(started + dt.timedelta(minutes=5)):
            session = practice.sessions.create(client.id, started, course_id=course.id, duration_min=45).value
            marks = {(m.code, m.side): m for m in practice.charting.apply_protocol(session.id, POINTS).value}
            needles = len(marks)
            if number == 2:
                practice.charting.add_reaction(
                    session.id, marks[("SI18", "right")].id, "redness", "moderate", "during"
                )
            if number == 3:
                practice.charting.add_reaction(
                    session.id,
                    marks[("ST2", "left")].id,
                    "bruising",
                    "mild",
                    "after",
                    "Small bruise, cold compress",
                    note_shown_to_client=True,  # advice for the client, meant for the handout
                )
                practice.charting.add_reaction(session.id, None, "fatigue", "mild", "after")
                practice.charting.add_free_marker(
                    session.id, "face", 0.45, 0.2, "Intradermal, forehead line", 4
                )
                needles += 4
            practice.sessions.set_needles_removed(session.id, needles)
            practice.sessions.update_details(session.id, notes=f"Session {number}: client relaxed.")
            practice.ratings.set_rating(session.id, "wrinkles", 8 - number)
            practice.ratings.set_rating(session.id, "radiance", 7 - number)
        with clock.frozen_at(started + SIGNED_AFTER):
            practice.signing.sign(session.id)
        sessions.append(session.id)
    second = sessions[1]
    redness = next(r for r in practice.sessions.load(second).reactions if r.kind == "redness")
    with clock.frozen_at(SESSION_TIMES[1] + dt.timedelta(days=1)):
        practice.signing.amend(
            second, "reactions", redness.id, "severity", "mild", "Rechecked at the follow-up call: only mild."
        )
    return Charted(client.id, course.id, tuple(sessions))


MAINTENANCE_AT = dt.datetime(2025, 5, 27, 10, 30)
"""Three months after the last session: the first maintenance visit."""


def chart_maintenance_visit(practice: Practice, charted: Charted) -> int:
    """Close the course after its three sessions (its plan cut to the three charted) into maintenance,
    then chart the first maintenance visit as the practitioner would: the last session repeated, a
    free marker along a forehead line, and a mild bruise at left ST2. Returns the visit's session id."""
    with clock.frozen_at(SESSION_TIMES[-1] + dt.timedelta(hours=2)):
        course = practice.courses.course(charted.course_id)
        form = CourseForm.from_course(course)
        form.planned_sessions = len(SESSION_TIMES)
        practice.courses.update_course(course.id, form)
        practice.courses.complete_course(course.id)
    with clock.frozen_at(MAINTENANCE_AT + dt.timedelta(minutes=5)):
        current = practice.courses.current_course(charted.client_id)
        assert current is not None and current.status == "maintenance"
        session = practice.sessions.create(charted.client_id, MAINTENANCE_AT, course_id=current.id).value
        marks = practice.charting.repeat_last(session.id).value
        practice.charting.add_free_marker(session.id, "face", 0.6, 0.18, "forehead line", 3)
        left_st2 = next(m for m in marks if (m.code, m.side) == ("ST2", "left"))
        practice.charting.add_reaction(session.id, left_st2.id, "bruising", "mild", "after")
    return session.id
