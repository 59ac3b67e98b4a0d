"""The follow-ups a page at a time: the first rows of each list with how many there are in all, then the
rest as asked for, always what the whole lists hold and in the same order."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule

from acuchart import clock
from acuchart.errors import NotFoundError, ValidationError
from acuchart.models import FollowUps
from acuchart.practice import Practice
from acuchart.services.courses import CourseForm
from tests.records_helpers import TODAY, chart_session, client_with_course, clock_at

SUNDAY = dt.datetime(2026, 8, 2, 10, 0)


def many_followups(practice: Practice, clients: int) -> list[int]:
    """Per client: an open reaction (two for every third), an overdue course, and for every other client a
    second course in maintenance that falls due; charted on different days, so the orders differ."""
    ids = []
    for i in range(clients):
        client, course = client_with_course(
            practice, f"Client {i:02d}", f"Follow {(7 * i) % clients:02d}", start=dt.date(2026, 8, 1)
        )
        ids.append(client.id)
        when = SUNDAY + dt.timedelta(days=(5 * i) % 11)
        with clock_at(when):
            session = chart_session(practice, client.id, course.id, when)
            for kind in ("headache", "dizziness")[: 1 + (i % 3 == 0)]:
                practice.charting.add_reaction(session.id, None, kind, "mild")
        if i % 2:
            _same, second = client_with_course(
                practice, f"Client {i:02d}", "Again", start=dt.date(2026, 6, 1)
            )
            with clock_at(dt.datetime(2026, 8, 20 - i % 9, 17)):
                practice.courses.complete_course(second.id, maintenance_months=3)
    return ids


def all_pages(practice: Practice, found: FollowUps, rows: tuple[object, ...], size: int) -> list[object]:
    collected = list(rows)
    while True:
        more = practice.followups.more_followups(found, collected[-1], size)  # type: ignore[arg-type]
        if not more:
            return collected
        assert len(more) <= size
        collected += more


def test_the_first_page_counts_everything_and_the_next_pages_bring_the_rest_in_order(
    practice: Practice,
) -> None:
    many_followups(practice, 14)
    today = TODAY
    everything = practice.followups.followups(today)
    first = practice.followups.followups(today, first=4)
    assert first.counts == (len(everything.open_reactions), 14, 7) == everything.counts
    assert first.count == everything.count
    assert len(first.open_reactions) == len(first.overdue_courses) == len(first.due_maintenance) == 4
    for rows, whole in (
        (first.open_reactions, everything.open_reactions),
        (first.overdue_courses, everything.overdue_courses),
        (first.due_maintenance, everything.due_maintenance),
    ):
        assert all_pages(practice, first, rows, 4) == list(whole)


def test_archived_clients_courses_are_not_counted_but_their_reactions_are(practice: Practice) -> None:
    ids = many_followups(practice, 6)
    before = practice.followups.followups(TODAY, first=2)
    for client_id in ids[:2]:
        practice.clients.set_archived(client_id, True)
    after = practice.followups.followups(TODAY, first=2)
    everything = practice.followups.followups(TODAY)
    assert after.counts == everything.counts
    assert after.counts[0] == before.counts[0]  # open reactions stay until resolved
    assert after.counts[1] == before.counts[1] - 2
    assert {c.client_id for c in everything.overdue_courses}.isdisjoint(ids[:2])


def test_open_reactions_come_the_longest_open_first(practice: Practice) -> None:
    many_followups(practice, 5)
    client, course = client_with_course(practice, "Late", "Entry", start=dt.date(2026, 7, 1))
    with clock_at(dt.datetime(2026, 7, 1, 10)):  # a session charted, and its headache noted, months earlier
        session = chart_session(practice, client.id, course.id, dt.datetime(2026, 7, 1, 10))
        practice.charting.add_reaction(session.id, None, "headache", "mild")
    found = practice.followups.followups(TODAY)
    assert found.open_reactions[0].client_name == "Late Entry"
    recorded = [
        practice.store.scalar("select created_at from reactions where id = ?", [r.id])
        for r in found.open_reactions
    ]
    assert recorded == sorted(recorded)


# --- the tallies behind the counts, through everything that changes what is due ------------------------

DAYS = [dt.date(2026, 11, 21) + dt.timedelta(days=d) for d in (-60, -7, 0, 10, 90)]
LATER = dt.datetime(2027, 3, 1, 12, 0)
"""The practice's clock while the machine runs: after every day a course starts or a session is charted."""


class FollowUpTallies(RuleBasedStateMachine):
    """Courses started, charted, edited, completed into maintenance or stopped; clients archived and
    brought back; reactions recorded, resolved, reopened and removed with their mark: the counts the
    follow-ups page shows always equal the lengths of the whole lists."""

    courses = Bundle("courses")
    reactions = Bundle("reactions")

    def __init__(self) -> None:
        super().__init__()
        clock.set_clock(lambda: LATER)
        self.practice = Practice.open(":memory:")
        self.clients: dict[int, int] = {}  # course id -> client id
        self.marks: dict[int, int] = {}  # reaction id -> mark id (0: the whole session)
        self.owners: dict[int, int] = {}  # reaction id -> client id

    @rule(target=courses, start=st.sampled_from(DAYS), interval=st.integers(1, 30))
    def start_course(self, start: dt.date, interval: int) -> int:
        client, course = client_with_course(
            self.practice, "Client", f"No {len(self.clients)}", start=start, interval_days=interval
        )
        self.clients[course.id] = client.id
        return course.id

    @rule(target=reactions, course=courses, day=st.sampled_from(DAYS[:3]), at_mark=st.booleans())
    def chart(self, course: int, day: dt.date, at_mark: bool) -> int:
        when = dt.datetime.combine(day, dt.time(10))
        with clock_at(when):
            session = chart_session(self.practice, self.clients[course], course, when)
            mark = self.practice.sessions.load(session.id).marks[0]
            reaction = self.practice.charting.add_reaction(
                session.id, mark.id if at_mark else None, "bruising" if at_mark else "headache", "mild"
            ).value
        self.marks[reaction.id] = mark.id if at_mark else 0
        self.owners[reaction.id] = self.clients[course]
        return reaction.id

    @rule(course=courses, months=st.one_of(st.none(), st.integers(1, 6)))
    def complete(self, course: int, months: int | None) -> None:
        with contextlib.suppress(ValidationError):
            self.practice.courses.complete_course(course, maintenance_months=months)

    @rule(
        course=courses,
        status=st.sampled_from(["active", "stopped", "completed"]),
        interval=st.integers(1, 60),
    )
    def edit(self, course: int, status: str, interval: int) -> None:
        form = CourseForm.from_course(self.practice.courses.course(course))
        form.status, form.interval_days = status, interval
        self.practice.courses.update_course(course, form)

    @rule(course=courses, archived=st.booleans())
    def archive(self, course: int, archived: bool) -> None:
        self.practice.clients.set_archived(self.clients[course], archived)

    @rule(reaction=reactions)
    def resolve_or_reopen(self, reaction: int) -> None:
        followups = self.practice.followups
        found = [r for r in followups.reactions_for_client(self.owners[reaction]) if r.id == reaction]
        if found and found[0].is_open:
            followups.resolve_reaction(reaction)
        elif found:
            followups.reopen_reaction(reaction)

    @rule(reaction=reactions)
    def unmark(self, reaction: int) -> None:
        mark = self.marks.get(reaction, 0)
        if mark:
            with contextlib.suppress(NotFoundError):
                self.practice.charting.unmark(mark)

    @invariant()
    def counts_equal_the_whole_lists(self) -> None:
        for day in DAYS:
            whole = self.practice.followups.followups(day)
            assert self.practice.followups.followups(day, first=1).counts == (
                len(whole.open_reactions),
                len(whole.overdue_courses),
                len(whole.due_maintenance),
            )

    def teardown(self) -> None:
        self.practice.close()
        clock.set_clock(None)


FollowUpTallies.TestCase.settings = settings(max_examples=40, stateful_step_count=25, deadline=None)
test_follow_up_tallies = FollowUpTallies.TestCase


def test_a_file_made_before_the_tallies_gets_them_when_opened(tmp_path: Path) -> None:
    from tests.benchmarks.practices import build

    built = build(tmp_path / "older.acuchart", 300)  # written at the schema before m004, then opened
    practice = Practice.open(built.path)
    try:
        practice.clients.set_archived(7, True)
        for day in DAYS:
            whole = practice.followups.followups(day)
            counts = (len(whole.open_reactions), len(whole.overdue_courses), len(whole.due_maintenance))
            assert practice.followups.followups(day, first=1).counts == counts
            assert all(counts)
    finally:
        practice.close()
