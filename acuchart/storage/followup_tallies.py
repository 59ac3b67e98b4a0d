"""How many follow-ups there are, kept as tallies so that counting them costs the same in any practice.

The follow-ups page shows the first few of each list (read along their indexes) and how many there are in
all. Counting those along the indexes reads every open item: some 30,000 at 100,000 clients, a cost
that grows with the practice. So the schema keeps two tallies, in step with the records through
triggers in the same transaction as each change, whoever makes it:

- ``open_reactions_tally``: how many reactions are open (not resolved).
- ``courses_due_by_day``: how many courses of current (not archived) clients fall due on each day, by
  status. Overdue courses are the active ones due before today and maintenance due the ones due within
  two weeks: a sum over days, a few thousand at most whatever the practice's size.

The statements of the migration (:data:`MIGRATION`) are part of a released schema: never edit them.
"""

from __future__ import annotations

from typing import Any

from acuchart.storage.store import Store

_UPSERT = "on conflict (status, day) do update set courses = courses + excluded.courses;"


def _add(course: str, change: str) -> str:
    """Trigger statements adding ``change`` to the day of the course ``course`` (``new`` or ``old``) when it
    is due and its client is current; a day that comes to hold none is dropped."""
    return (
        f"insert into courses_due_by_day (status, day, courses) select {course}.status, {course}.next_due_on, "
        f"{change} where {course}.next_due_on is not null "
        f"and (select archived = 0 from clients where id = {course}.client_id) {_UPSERT}\n"
        f"delete from courses_due_by_day where status = {course}.status and day = {course}.next_due_on "
        "and courses = 0;"
    )


def _client_courses(sign: str) -> str:
    """Add (``""``) or take off (``"-"``) every due course of a client brought back or archived."""
    return (
        "insert into courses_due_by_day (status, day, courses) "
        f"select status, next_due_on, {sign}count(*) from courses "
        f"where client_id = new.id and next_due_on is not null group by status, next_due_on {_UPSERT}\n"
        "delete from courses_due_by_day where courses = 0 and (status, day) in "
        "(select status, next_due_on from courses where client_id = new.id);"
    )


MIGRATION: list[str] = [
    "create table open_reactions_tally (id integer primary key check (id = 1), reactions integer not null)",
    "insert into open_reactions_tally values (1, (select count(*) from reactions where resolved_on is null))",
    "create trigger open_reactions_tally_on_insert after insert on reactions when new.resolved_on is null "
    "begin update open_reactions_tally set reactions = reactions + 1; end",
    "create trigger open_reactions_tally_on_delete after delete on reactions when old.resolved_on is null "
    "begin update open_reactions_tally set reactions = reactions - 1; end",
    "create trigger open_reactions_tally_on_resolve after update of resolved_on on reactions "
    "when (old.resolved_on is null) <> (new.resolved_on is null) begin update open_reactions_tally "
    "set reactions = reactions + (case when new.resolved_on is null then 1 else -1 end); end",
    """create table courses_due_by_day (
        status text not null,
        day text not null,
        courses integer not null,
        primary key (status, day)
    ) without rowid""",
    "insert into courses_due_by_day (status, day, courses) select c.status, c.next_due_on, count(*) "
    "from courses c join clients cl on cl.id = c.client_id "
    "where c.next_due_on is not null and cl.archived = 0 group by c.status, c.next_due_on",
    # Each change is counted as a move from its old day to its new one. The schema's own due-date
    # triggers change a course again inside the same statement; the moves add up whichever runs first.
    f"create trigger courses_due_by_day_on_insert after insert on courses begin\n{_add('new', '1')}\nend",
    "create trigger courses_due_by_day_on_update after update of status, next_due_on, client_id on courses "
    "when old.status is not new.status or old.next_due_on is not new.next_due_on "
    f"or old.client_id is not new.client_id begin\n{_add('old', '-1')}\n{_add('new', '1')}\nend",
    f"create trigger courses_due_by_day_on_delete after delete on courses begin\n{_add('old', '-1')}\nend",
    "create trigger courses_due_by_day_on_archive after update of archived on clients "
    "when old.archived = 0 and new.archived <> 0 begin\n" + _client_courses("-") + "\nend",
    "create trigger courses_due_by_day_on_return after update of archived on clients "
    "when old.archived <> 0 and new.archived = 0 begin\n" + _client_courses("") + "\nend",
]
"""The statements that build the tallies and their triggers (part of migration ``m004``)."""


def counts(store: Store, today: str, due_by: str) -> tuple[int, int, int]:
    """How many open reactions, overdue courses (active, due before ``today``) and maintenance visits due
    (by ``due_by``) there are, from the tallies."""
    row: Any = store.conn.execute(
        "select (select reactions from open_reactions_tally), "
        "(select coalesce(sum(courses), 0) from courses_due_by_day where status = 'active' and day < :today), "
        "(select coalesce(sum(courses), 0) from courses_due_by_day where status = 'maintenance' and day <= :due_by)",
        {"today": today, "due_by": due_by},
    ).fetchone()
    return int(row[0]), int(row[1]), int(row[2])
