"""Reading clients: the type-ahead search and single records."""

from __future__ import annotations

from typing import Any

from acuchart.storage.store import Row, Store

SEARCH_LIMIT = 200

SEARCH_COLUMNS = ("id", "first_name", "last_name", "date_of_birth", "phone", "email", "archived")


def search_sql(tokens: list[str], include_archived: bool) -> tuple[str, list[Any]]:
    """The type-ahead query: every token must appear in the client's search text."""
    where = [] if include_archived else ["archived = 0"]
    params: list[Any] = []
    for token in tokens:
        where.append("search_text like ? escape '\\'")
        escaped = token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params.append(f"%{escaped}%")
    clause = f"where {' and '.join(where)}" if where else ""
    sql = (
        f"select {', '.join(SEARCH_COLUMNS)} from clients {clause} "
        f"order by last_name collate nocase, first_name collate nocase, id limit {SEARCH_LIMIT}"
    )
    return sql, params


def search(store: Store, tokens: list[str], include_archived: bool = False) -> list[tuple[Any, ...]]:
    """Clients whose name, phone, email or date of birth contain every token, as plain tuples in the
    order of :data:`SEARCH_COLUMNS` (the fastest form for type-ahead)."""
    sql, params = search_sql(tokens, include_archived)
    return store.tuples(sql, params)


def count(store: Store, include_archived: bool = False) -> int:
    """How many clients the practice has."""
    sql = "select count(*) from clients" + ("" if include_archived else " where archived = 0")
    return int(store.scalar(sql))


def get(store: Store, client_id: int) -> Row:
    """One client's row."""
    return store.get("clients", client_id)
