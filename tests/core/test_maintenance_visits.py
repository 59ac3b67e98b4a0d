"""A session after the planned sessions of a completed course (or one in maintenance) is a maintenance
visit: counted apart in the progress, numbered M1, M2 in the history, and never "session 11 of 10"."""

from __future__ import annotations

import datetime as dt

import pytest

from acuchart.practice import Practice
from acuchart.services.courses import course_sessions, maintenance_visit
from tests.records_helpers import chart_session, client_with_course, clock_at


@pytest.mark.parametrize(
    ("position", "planned", "status", "done_by_end", "visit"),
    [
        (10, 10, "maintenance", 10, None),
        (11, 10, "maintenance", 10, 1),
        (13, 10, "maintenance", 10, 3),
        (7, 6, "completed", 6, 1),
        (11, 10, "maintenance", 11, 1),  # charted past the plan before completing: still the plan's 10
        (9, 10, "maintenance", 8, 1),  # closed early, after 8 of 10: the next visit is maintenance
        (8, 10, "maintenance", 8, None),
        (11, 10, "active", 11, None),  # a course still active whose plan was stretched: session 11
        (11, 10, "stopped", 11, None),
        (None, 10, "maintenance", 10, None),
    ],
)
def test_the_one_rule_for_maintenance_visits(
    position: int | None, planned: int, status: str, done_by_end: int, visit: int | None
) -> None:
    assert maintenance_visit(position, course_sessions(planned, status, done_by_end)) == visit


def _course_with_sessions(
    practice: Practice, planned: int, sessions: int, before_completing: int | None = None
) -> tuple[int, int]:
    """A course of ``planned`` weekly sessions, completed after ``before_completing`` (all planned) of
    them, and visits every three months after that up to ``sessions`` in all."""
    client, course = client_with_course(practice, planned_sessions=planned)
    start = dt.datetime(2026, 9, 1, 10, 0)
    charted = planned if before_completing is None else before_completing
    for n in range(charted):
        moment = start + dt.timedelta(weeks=n)
        with clock_at(moment):
            chart_session(practice, client.id, course.id, moment)
    with clock_at(start + dt.timedelta(weeks=charted - 1, hours=2)):
        practice.courses.complete_course(course.id)
    for n in range(sessions - charted):
        moment = start + dt.timedelta(weeks=charted - 1) + dt.timedelta(days=90 * (n + 1))
        with clock_at(moment):
            chart_session(practice, client.id, course.id, moment)
    return client.id, course.id


def test_progress_counts_visits_after_a_completed_course_apart(practice: Practice) -> None:
    _client_id, course_id = _course_with_sessions(practice, planned=3, sessions=5)
    progress = practice.courses.course_progress(course_id, today=dt.date(2027, 6, 1))
    assert (progress.session_number, progress.planned, progress.maintenance_visits) == (3, 3, 2)
    assert progress.label == "session 3 of 3, plus 2 maintenance visits"
    assert progress.all_planned_done


def test_the_history_numbers_maintenance_visits_m1_m2(practice: Practice) -> None:
    client_id, _course_id = _course_with_sessions(practice, planned=3, sessions=5)
    history = list(reversed(practice.followups.client_history(client_id)))
    assert [s.number_label for s in history] == ["1", "2", "3", "M1", "M2"]
    assert [s.maintenance_visit for s in history] == [None, None, None, 1, 2]
    record = practice.client_record(client_id, today=dt.date(2027, 6, 1))
    (overview,) = record.courses
    assert overview.progress.maintenance_visits == 2


def test_an_active_course_run_past_its_plan_has_no_maintenance_visits(practice: Practice) -> None:
    client, course = client_with_course(practice, planned_sessions=2)
    for n in range(3):
        moment = dt.datetime(2026, 9, 1, 10, 0) + dt.timedelta(weeks=n)
        with clock_at(moment):
            chart_session(practice, client.id, course.id, moment)
    progress = practice.courses.course_progress(course.id, today=dt.date(2026, 10, 1))
    assert (progress.session_number, progress.maintenance_visits) == (3, 0)
    assert [s.number_label for s in practice.followups.client_history(client.id)] == ["3", "2", "1"]


def test_visits_after_a_course_closed_early_are_maintenance_visits(practice: Practice) -> None:
    client_id, course_id = _course_with_sessions(practice, planned=10, sessions=9, before_completing=8)
    progress = practice.courses.course_progress(course_id, today=dt.date(2027, 6, 1))
    assert progress.label == "session 8 of 10, plus 1 maintenance visit"
    assert practice.followups.client_history(client_id)[0].number_label == "M1"
