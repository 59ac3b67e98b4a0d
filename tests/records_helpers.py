"""Helpers for the clinical-record tests: a fixed practice clock and a charted client in a few calls."""

from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager

from acuchart import clock
from acuchart.models import Client, Course, Session
from acuchart.practice import Practice
from acuchart.services.clients import ClientForm
from acuchart.services.courses import CourseForm

NOW = dt.datetime(2026, 11, 21, 14, 5)
TODAY = NOW.date()
PRACTITIONER = "Dr. Jane Doe, L.Ac."


def clock_at(moment: dt.datetime) -> AbstractContextManager[None]:
    """Run with the practice clock stopped at ``moment``."""
    return clock.frozen_at(moment)


def client_with_course(
    practice: Practice,
    first_name: str = "Amelia",
    last_name: str = "Hartley",
    concerns: tuple[str, ...] = ("wrinkles", "radiance"),
    start: dt.date = dt.date(2026, 9, 1),
    consent: bool = True,
    **course: object,
) -> tuple[Client, Course]:
    """A client with consent on file (unless told otherwise) and an active course from ``start``."""
    if not practice.settings.get().practitioner_name:
        practice.settings.update(practitioner_name=PRACTITIONER)
    client = practice.clients.create(
        ClientForm(first_name=first_name, last_name=last_name, concerns=list(concerns))
    ).value
    if consent:
        practice.consent.record_consent(client.id, start, "signed_form")
    plan = CourseForm(concerns=list(concerns), start_date=start, **course)  # type: ignore[arg-type]
    return client, practice.courses.create_course(client.id, plan).value


def chart_session(
    practice: Practice,
    client_id: int,
    course_id: int | None,
    started_at: dt.datetime,
    points: tuple[tuple[str, str], ...] = (("ST2", "left"), ("ST2", "right")),
    counted: bool = True,
) -> Session:
    """A session with needles at ``points``, all counted out (unless ``counted`` is False), not signed."""
    session = practice.sessions.create(client_id, started_at, course_id=course_id).value
    practice.charting.apply_protocol(session.id, points)
    if counted:
        practice.sessions.set_needles_removed(session.id, len(points))
    return session
