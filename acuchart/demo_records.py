"""The demo practice's clinical record: consent, courses, ratings, signatures, follow-up.

Runs after :func:`acuchart.demo_sessions.add_demo_sessions` and expects what it leaves: the demo
clients, each with charted sessions (marks, reactions, needles counted) not yet in a course and not
yet signed. It then, through the same services the app uses:

- records consent for every client that has none;
- plans a course per client from their intake concerns and puts their sessions in it, with the
  client's ratings at each session, improving over time (results vary: not for everyone, not always);
- signs every session that happened before ``today`` (signed at the end of the session);
- resolves the reactions more than six days old and most recent ones, leaving a few open;
- adds one late reaction and one amendment with its reason to the first client's sessions;
- adds two clients of its own: one whose course finished three months ago (maintenance due now),
  and one booked to start last week who never came, with no consent on file (an overdue course).
"""

from __future__ import annotations

import datetime as dt
import random

from acuchart import clock
from acuchart.models import Client
from acuchart.practice import Practice
from acuchart.services.clients import ClientForm
from acuchart.services.courses import CourseForm

RESOLVE_AFTER = dt.timedelta(days=6)
_MAINTENANCE_CLIENT = {"first_name": "Eva", "last_name": "Lindqvist", "concerns": ["wrinkles", "sagging"]}
_NEW_CLIENT = {"first_name": "Rosa", "last_name": "Moreau", "concerns": ["acne", "radiance"]}
_DEMO_POINTS = (("ST2", "left"), ("ST2", "right"), ("GB14", "left"), ("GB14", "right"), ("CV24", "midline"))


def add_demo_records(practice: Practice, rng: random.Random, today: dt.date) -> None:
    """Add the clinical record to a demo practice whose sessions are charted (see the module docstring)."""
    records = practice.records
    clients = sorted(practice.clients.search(""), key=lambda c: c.id)
    for index, summary in enumerate(clients):
        client = practice.clients.get(summary.id)
        sessions = sorted(practice.sessions.sessions_for_client(client.id), key=lambda s: s.started_at)
        start = sessions[0].started_at.date() if sessions else today
        if not records.has_consent(client.id):
            records.record_consent(client.id, start, "signed_form")
        concerns = list(client.concerns) or ["radiance"]
        planned = max(len(sessions), rng.choice((8, 10, 10, 12)))
        course = records.create_course(
            client.id, CourseForm(concerns=concerns, planned_sessions=planned, start_date=start)
        )
        scores = {concern: rng.randint(6, 9) for concern in concerns}
        for session in sessions:
            practice.sessions.update_details(session.id, course_id=course.id)
            for concern in concerns:
                records.set_rating(session.id, concern, scores[concern])
                scores[concern] = max(1, scores[concern] - rng.choice((0, 0, 1, 1, 1, 2)))
            if session.started_at.date() < today:
                with clock.frozen_at(session.started_at + dt.timedelta(minutes=session.duration_min + 5)):
                    if records.can_sign(session.id)[0]:
                        records.sign(session.id)
        _follow_up_reactions(practice, client, today, rng, keep=index == 1)
        if index == 0 and sessions and sessions[-1].started_at.date() < today:
            _late_reaction_and_amendment(practice, sessions[-1].id, concerns[0], today)
    _maintenance_client(practice, rng, today)
    _booked_client_who_never_came(practice, today)


def _follow_up_reactions(
    practice: Practice, client: Client, today: dt.date, rng: random.Random, keep: bool
) -> None:
    """Resolve a client's reactions a few days after they appeared: all the older ones, half the recent ones.

    With ``keep`` the recent ones all stay open (the second demo client's bruise at left ST2).
    """
    for reaction in practice.records.reactions_for_client(client.id):
        recent = reaction.session_on >= today - RESOLVE_AFTER
        if not reaction.is_open or (recent and (keep or rng.random() < 0.3)):
            continue
        resolved = min(today, reaction.session_on + dt.timedelta(days=rng.randint(2, 5)))
        practice.records.resolve_reaction(reaction.id, on=resolved)


def _late_reaction_and_amendment(practice: Practice, session_id: int, concern: str, today: dt.date) -> None:
    """The client phoned about a headache; at the next visit she corrected one of her ratings."""
    with clock.frozen_at(dt.datetime.combine(today, dt.time(8, 40))):
        practice.records.add_late_reaction(
            session_id,
            None,
            "headache",
            "mild",
            "later",
            "Phoned: mild headache that evening, gone by morning.",
        )
        current = practice.records.ratings_for(session_id).get(concern)
        corrected = max(0, (current or 5) - 1)
        practice.records.amend(
            session_id,
            "ratings",
            None,
            concern,
            corrected,
            "Client said at the next visit she had misread the scale (10 = a great concern).",
        )


def _maintenance_client(practice: Practice, rng: random.Random, today: dt.date) -> None:
    """A client whose course of eight ended three months ago: her first maintenance visit is due now."""
    ended = today - dt.timedelta(days=88)
    start = ended - dt.timedelta(days=7 * 7)
    client = practice.clients.create(
        ClientForm(
            **_MAINTENANCE_CLIENT,  # type: ignore[arg-type]
            date_of_birth=dt.date(today.year - 52, 4, 17),
            phone="07700 900412",
            email="eva.lindqvist@example.com",
            goals="Keep the results of her course.",
        )
    )
    records = practice.records
    records.record_consent(client.id, start, "signed_form")
    course = records.create_course(
        client.id, CourseForm(concerns=list(client.concerns), planned_sessions=8, start_date=start)
    )
    scores = {concern: rng.randint(7, 9) for concern in client.concerns}
    for week in range(8):
        started = dt.datetime.combine(start + dt.timedelta(days=7 * week), dt.time(10, 30))
        with clock.frozen_at(started):
            session = practice.sessions.create(client.id, started_at=started, course_id=course.id)
            marks = practice.sessions.apply_protocol(session.id, _DEMO_POINTS)
            practice.sessions.set_needles_removed(session.id, sum(m.needles for m in marks))
            for concern, score in scores.items():
                records.set_rating(session.id, concern, score)
                scores[concern] = max(2, score - rng.choice((0, 1, 1)))
        with clock.frozen_at(started + dt.timedelta(minutes=50)):
            records.sign(session.id)
    with clock.frozen_at(dt.datetime.combine(ended, dt.time(17, 0))):
        records.complete_course(course.id, maintenance_months=3, on=ended)


def _booked_client_who_never_came(practice: Practice, today: dt.date) -> None:
    """A new client booked to start last week: no consent yet, and her course is overdue."""
    client = practice.clients.create(
        ClientForm(**_NEW_CLIENT, phone="07700 900877", email="rosa.moreau@example.com")  # type: ignore[arg-type]
    )
    practice.records.create_course(
        client.id, CourseForm(concerns=list(client.concerns), start_date=today - dt.timedelta(days=8))
    )
