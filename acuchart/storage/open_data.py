"""Reading the whole practice for an export, and the practice-wide figures of the reaction map.

An export reads every table inside one read transaction on a connection of its own (a snapshot: a
change made in the app meanwhile is either wholly in the export or wholly out of it). Rows come in
batches, in id order, as plain tuples for the CSV files and as JSON text made by SQLite itself for
the JSON files (``json_object``), which keeps a large export fast.

The column forms the export asks for: ``integer``, ``number``, ``date``, ``datetime`` and ``text`` (as
stored), ``list`` (a JSON array of words, written to CSV as ``word; word``), ``json`` (JSON text,
written to JSON as the value itself) and ``boolean`` (0 or 1, written to JSON as false or true).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence

from acuchart.storage.database import read_only
from acuchart.storage.store import Store

BATCH = 5_000
"""Rows fetched at a time: large enough to keep SQLite busy, small enough to report progress often."""

LIST_SEPARATOR = "; "

ColumnForm = tuple[str, str]
"""A column's name and form (see above)."""


@contextlib.contextmanager
def snapshot(store: Store) -> Iterator[sqlite3.Connection]:
    """A read connection holding one read transaction for as long as the block runs.

    A practice file gets a read-only connection of its own (so an export may run in another thread
    beside the app's writer); a practice in memory (tests) is read through its own connection.
    """
    if store.path is None:
        yield store.conn
        return
    with read_only(store.path) as conn:
        conn.row_factory = None
        conn.execute("begin")
        try:
            yield conn
        finally:
            conn.execute("rollback")


def count(conn: sqlite3.Connection, table: str) -> int:
    """How many rows ``table`` holds."""
    return int(conn.execute(f"select count(*) from [{table}]").fetchone()[0])


_UNQUOTED = ("integer", "number", "boolean", "date", "datetime")
"""Forms whose values never hold a comma, a quote or a line break."""


def _csv_field(name: str, form: str) -> str:
    """SQL giving a column as one CSV field: empty for NULL; text in double quotes (inner quotes doubled)
    when it holds a comma, a quote or a line break, as Python's ``csv`` module writes it."""
    if form in _UNQUOTED:
        return f"ifnull([{name}], '')"
    value = (
        f"(select group_concat(value, '{LIST_SEPARATOR}') from json_each([{name}]))"
        if form == "list"
        else f"[{name}]"
    )
    return (
        f"(case when {value} is null then '' "
        f"when instr({value}, ',') or instr({value}, '\"') or instr({value}, char(10)) or instr({value}, char(13)) "
        f"then '\"' || replace({value}, '\"', '\"\"') || '\"' else {value} end)"
    )


def _json_expression(name: str, form: str) -> str:
    if form in ("list", "json"):
        return f"json([{name}])"
    if form == "boolean":
        return f"json(case when [{name}] then 'true' when [{name}] is null then 'null' else 'false' end)"
    return f"[{name}]"


def record_batches(
    conn: sqlite3.Connection, table: str, columns: Sequence[ColumnForm], order_by: str, batch: int = BATCH
) -> Iterator[list[tuple[str, str]]]:
    """The rows of ``table`` in ``order_by`` order, ``batch`` at a time, in one pass, each as (its CSV line,
    its JSON object): SQLite writes both, so a large export spends its time in C, not in Python."""
    line = " || ',' || ".join(_csv_field(name, form) for name, form in columns)
    pairs = ", ".join(f"'{name}', {_json_expression(name, form)}" for name, form in columns)
    cursor = conn.execute(f"select {line}, json_object({pairs}) from [{table}] order by {order_by}")
    while rows := cursor.fetchmany(batch):
        yield rows


def setting(conn: sqlite3.Connection, key: str) -> str | None:
    """One practice setting's stored JSON text, or None."""
    row = conn.execute("select value from settings where key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def practice_identity(conn: sqlite3.Connection) -> str | None:
    """The hash of the practice's first audit entry: unique to this practice file for its whole life
    (None for a practice that has recorded nothing yet)."""
    row = conn.execute("select hash from audit order by id limit 1").fetchone()
    return None if row is None else str(row[0])


# --- the reaction map ----------------------------------------------------------------------------


def change_mark(store: Store) -> int:
    """A number that grows with every change to the practice (the newest audit entry's id): figures
    computed at one value are still right while it stays the same."""
    return int(store.scalar("select coalesce(max(id), 0) from audit"))


def sessions_for_map(store: Store) -> list[tuple[int, int, str, int | None]]:
    """Every session as (id, client id, day, course id), in id order."""
    return store.tuples(
        "select id, client_id, substr(started_at, 1, 10), course_id from sessions order by id"
    )


def client_cautions(store: Store) -> list[tuple[int, str]]:
    """Every client's id and caution flags (JSON text)."""
    return store.tuples("select id, caution_flags from clients")


def needled_points(store: Store) -> list[tuple[int, str, str]]:
    """Every mark at a catalogue point as (session id, code, side), by session."""
    return store.tuples(
        "select session_id, code, coalesce(side, 'midline') from marks where code is not null order by session_id"
    )


def reactions_at_marks(store: Store) -> list[tuple[int, int, int, str, str]]:
    """Every reaction recorded at a catalogue point, as (reaction id, mark id, session id, code, kind as stored)."""
    return store.tuples(
        "select r.id, r.mark_id, m.session_id, m.code, r.kind from reactions r "
        "join marks m on m.id = r.mark_id where m.code is not null"
    )


def reaction_kind_amendments(store: Store) -> list[tuple[int, str]]:
    """Amendments that changed a reaction's kind, oldest first, as (reaction id, new kind)."""
    return store.tuples(
        "select entity_id, new_value from amendments where entity = 'reactions' and field = 'kind' "
        "and entity_id is not null and new_value is not null order by id"
    )


def ratings(store: Store) -> list[tuple[int, str, int]]:
    """Every rating as stored, as (session id, concern, score)."""
    return store.tuples("select session_id, concern, score from ratings")


def rating_amendments(store: Store) -> list[tuple[int, str, str | None]]:
    """Amendments to ratings, oldest first, as (session id, concern, new score as text or None)."""
    return store.tuples(
        "select session_id, field, new_value from amendments where entity = 'ratings' order by id"
    )


# --- importing clients ---------------------------------------------------------------------------


def client_identities(store: Store) -> list[tuple[int, str, str, str | None]]:
    """Every client as (id, first name, last name, date of birth), to find an import's duplicates."""
    return store.tuples("select id, first_name, last_name, date_of_birth from clients")


def photo_files(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Every photo's original, as (sha256, extension), in id order."""
    return [
        (str(sha), str(ext)) for sha, ext in conn.execute("select sha256, extension from photos order by id")
    ]
