"""Reading clients: the type-ahead search and single records."""

from __future__ import annotations

from typing import Any

from acuchart.storage.search_index import match_expression
from acuchart.storage.store import Row, Store

SEARCH_LIMIT = 200
"""How many clients one search (or one more page of it) returns."""

SEARCH_COLUMNS = ("id", "first_name", "last_name", "date_of_birth", "phone", "email", "archived")


def _like(token: str) -> str:
    escaped = token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_sql(
    tokens: list[str], include_archived: bool, after: int | None = None, limit: int = SEARCH_LIMIT
) -> tuple[str, list[Any]]:
    """The type-ahead query: clients whose search text contains every token, in the list's order (last name,
    first name, id), from the one after client ``after`` on.

    The trigram index (``storage/search_index.py``) hands over candidates already in that order, so the
    query stops at ``limit`` however many clients match; each candidate is checked against the tokens.
    Only when no token can use the index (one or two unmarked symbols, or nothing typed) does it read the
    clients in order, stopping there too.
    """
    expression = match_expression(tokens)
    where: list[str] = []
    params: list[Any] = []
    if expression is None:
        source, order = "clients c", "c.name_order"
    else:
        source, order = "client_search s cross join clients c on c.name_order = s.rowid", "s.rowid"
        where.append("client_search match ?")
        params.append(expression)
    if after is not None:
        where.append(f"{order} > (select name_order from clients where id = ?)")
        params.append(after)
    if not include_archived:
        # "+": never read through the archived flag's index, which would sort every client by name_order.
        where.append("+c.archived = 0")
    for token in tokens:
        where.append("c.search_text like ? escape '\\'")
        params.append(_like(token))
    clause = f"where {' and '.join(where)} " if where else ""
    columns = ", ".join(f"c.{name}" for name in SEARCH_COLUMNS)
    return f"select {columns} from {source} {clause}order by {order} limit {int(limit)}", params


def search(
    store: Store,
    tokens: list[str],
    include_archived: bool = False,
    after: int | None = None,
    limit: int = SEARCH_LIMIT,
) -> list[tuple[Any, ...]]:
    """Clients whose name, phone, email or date of birth contain every token, as plain tuples in the
    order of :data:`SEARCH_COLUMNS` (the fastest form for type-ahead), the next ``limit`` after ``after``."""
    sql, params = search_sql(tokens, include_archived, after, limit)
    return store.tuples(sql, params)


def count(store: Store, include_archived: bool = False) -> int:
    """How many clients the practice has."""
    sql = "select count(*) from clients" + ("" if include_archived else " where archived = 0")
    return int(store.scalar(sql))


def get(store: Store, client_id: int) -> Row:
    """One client's row."""
    return store.get("clients", client_id)
