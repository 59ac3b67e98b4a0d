"""Reading the acupuncturist's note: TCM findings, needle lots, adjunct techniques, skin measures, templates."""

from __future__ import annotations

from typing import Any

from acuchart.storage.store import Row, Store

# --- TCM findings --------------------------------------------------------------------------------


def findings(store: Store, session_id: int) -> Row | None:
    """A session's TCM findings, or None when none were recorded."""
    return store.one("select * from tcm_findings where session_id = ?", [session_id])


def previous_findings(store: Store, client_id: int, session_id: int, started_at: str) -> Row | None:
    """The findings of the client's latest earlier session that has any."""
    return store.one(
        "select f.* from tcm_findings f join sessions s on s.id = f.session_id "
        "where s.client_id = ? and s.id != ? and (s.started_at < ? or (s.started_at = ? and s.id < ?)) "
        "order by s.started_at desc, s.id desc limit 1",
        [client_id, session_id, started_at, started_at, session_id],
    )


def previous_session(store: Store, client_id: int, session_id: int, started_at: str) -> int | None:
    """The client's latest session before this one."""
    value = store.scalar(
        "select id from sessions where client_id = ? and id != ? "
        "and (started_at < ? or (started_at = ? and id < ?)) order by started_at desc, id desc limit 1",
        [client_id, session_id, started_at, started_at, session_id],
    )
    return None if value is None else int(value)


# --- needle lots ---------------------------------------------------------------------------------


def lot(store: Store, lot_id: int) -> Row:
    """One lot; ``NotFoundError`` if there is none."""
    return store.get("needle_lots", lot_id)


def open_lots(store: Store) -> list[Row]:
    """The boxes in use (not marked used up), the most recently opened first."""
    return store.rows("select * from needle_lots where finished_on is null order by opened_on desc, id desc")


def all_lots(store: Store) -> list[Row]:
    """Every lot the practice has recorded, the newest first."""
    return store.rows("select * from needle_lots order by opened_on desc, id desc")


def session_lots(store: Store, session_id: int) -> list[Row]:
    """The lots a session used."""
    return store.rows(
        "select l.* from needle_lots l join session_lots u on u.lot_id = l.id where u.session_id = ? order by l.id",
        [session_id],
    )


def session_lot_links(store: Store, session_id: int) -> list[Row]:
    """The session's links to lots (their own ids, for removing one)."""
    return store.rows("select * from session_lots where session_id = ? order by id", [session_id])


def lot_uses(store: Store, lot_ids: list[int]) -> list[tuple[Any, ...]]:
    """Every session that used any of these lots, newest first: lot number, brand, gauge, length, session id,
    start, client id, client name, phone, email (read through ``session_lots_by_lot``)."""
    if not lot_ids:
        return []
    marks = ", ".join("?" for _ in lot_ids)
    return store.tuples(
        "select l.lot_number, l.brand, l.gauge, l.length, s.id, s.started_at, c.id, "
        "c.first_name || ' ' || c.last_name, c.phone, c.email "
        "from session_lots u join needle_lots l on l.id = u.lot_id join sessions s on s.id = u.session_id "
        f"join clients c on c.id = s.client_id where u.lot_id in ({marks}) "
        "order by s.started_at desc, s.id desc",
        lot_ids,
    )


def lot_numbers(store: Store) -> list[tuple[int, str]]:
    """Every lot's id and number as typed (a practice keeps hundreds at most)."""
    return [(int(i), str(n)) for i, n in store.tuples("select id, lot_number from needle_lots")]


# --- adjunct techniques --------------------------------------------------------------------------


def adjuncts(store: Store, session_id: int) -> list[Row]:
    """A session's adjunct techniques in the order they were recorded."""
    return store.rows("select * from adjuncts where session_id = ? order by id", [session_id])


def adjunct_session(store: Store, adjunct_id: int) -> int | None:
    """The session an adjunct technique belongs to."""
    value = store.scalar("select session_id from adjuncts where id = ?", [adjunct_id])
    return None if value is None else int(value)


# --- skin measures and templates -----------------------------------------------------------------


def skin_measures(store: Store, client_id: int) -> list[Row]:
    """A client's skin measures, oldest first."""
    return store.rows("select * from skin_measures where client_id = ? order by measured_on, id", [client_id])


def note_templates(store: Store) -> list[Row]:
    """The practice's note templates, by name."""
    return store.rows("select * from note_templates order by name collate nocase")


def note_template_by_name(store: Store, name: str) -> Row | None:
    """A template by its (case-insensitive) name."""
    return store.one("select * from note_templates where name = ? collate nocase", [name])
