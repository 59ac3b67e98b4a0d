"""The follow-ups a page at a time: the first rows of each list with how many there are in all, then the
rest as asked for, always what the whole lists hold and in the same order."""

from __future__ import annotations

import datetime as dt

from acuchart.models import FollowUps
from acuchart.practice import Practice
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
                practice.sessions.add_reaction(session.id, None, kind, "mild")
        if i % 2:
            _same, second = client_with_course(
                practice, f"Client {i:02d}", "Again", start=dt.date(2026, 6, 1)
            )
            with clock_at(dt.datetime(2026, 8, 20 - i % 9, 17)):
                practice.records.complete_course(second.id, maintenance_months=3)
    return ids


def all_pages(practice: Practice, found: FollowUps, rows: tuple[object, ...], size: int) -> list[object]:
    collected = list(rows)
    while True:
        more = practice.records.more_followups(found, collected[-1], size)  # type: ignore[arg-type]
        if not more:
            return collected
        assert len(more) <= size
        collected += more


def test_the_first_page_counts_everything_and_the_next_pages_bring_the_rest_in_order(
    practice: Practice,
) -> None:
    many_followups(practice, 14)
    today = TODAY
    everything = practice.records.followups(today)
    first = practice.records.followups(today, first=4)
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
    before = practice.records.followups(TODAY, first=2)
    for client_id in ids[:2]:
        practice.clients.set_archived(client_id, True)
    after = practice.records.followups(TODAY, first=2)
    everything = practice.records.followups(TODAY)
    assert after.counts == everything.counts
    assert after.counts[0] == before.counts[0]  # open reactions stay until resolved
    assert after.counts[1] == before.counts[1] - 2
    assert {c.client_id for c in everything.overdue_courses}.isdisjoint(ids[:2])


def test_open_reactions_come_in_the_order_their_sessions_were_charted(practice: Practice) -> None:
    many_followups(practice, 5)
    found = practice.records.followups(TODAY)
    keys = [(r.session_id, r.id) for r in found.open_reactions]
    assert keys == sorted(keys)
