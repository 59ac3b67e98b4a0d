"""The type-ahead index: clients found from an FTS5 trigram index, read in the client list's order.

Two things make a search cost what is on screen rather than what is in the file:

- **The index.** ``client_search`` is a contentless FTS5 table with the trigram tokenizer (SQLite 3.34 or
  later, FTS5 compiled in; SQLCipher's bundled SQLite has both). Its document is the client's
  ``search_text`` with every space doubled, so a typed word of even one letter (`` h``) becomes a
  three-character string (``  h``) that starts a word; digits and a few symbols also get a marker
  each, so one or two of them (``07``, ``+``) are found through the index too.
- **The order.** The list shows clients by last name, first name and id. Each client carries a
  ``name_order`` number that rises in exactly that order, and the index uses it as its rowid: FTS5
  hands back matches already in list order, and a search stops at the first screenful however many
  clients match. Numbers are spaced :data:`LABEL_STEP` apart; a new or renamed client takes the
  middle of the gap between its neighbours (a 64th of it after a client of the same name, since the
  next one of that name will come after it again). When a gap is used up, the nearest neighbourhood
  that can leave gaps of :data:`SPREAD_GAP` is spread out (64, then 1,024, then 16,384 clients on each
  side), or else everyone is numbered afresh.

Triggers keep both in step with ``clients`` in the same transaction as the change, whoever makes it,
so no service has to remember them: one trigger per change, which asks for room (a row in
``client_search_room``, whose own trigger spreads clients out) only when the gap is used up.
``name_order`` is derived, so it is not audited (like ``courses.next_due_on``).

The index only narrows the search: every candidate is checked against the same ``search_text like``
patterns as before the index existed, so it finds exactly what the plain scan found.

The statements of the migration (:data:`MIGRATION`) are part of a released schema: never edit them;
change the index with a new migration.
"""

from __future__ import annotations

import sqlite3

from acuchart.errors import StoreError
from acuchart.storage.cipher import operational_errors

LABEL_STEP = 1 << 16
"""The gap between neighbours' ``name_order`` when they are numbered afresh."""

RENUMBER_SPAN = 1 << 40
"""When everyone is numbered afresh, the numbers spread over this span (but never closer than
:data:`LABEL_STEP`): a young practice, still growing fast, gets wide gaps."""

ROOM_WINDOWS = (64, 1024, 16384)
"""How many neighbours on each side are spread out, in turn, when a gap is used up."""

SPREAD_GAP = 256
"""The least gap a neighbourhood must leave between its clients once spread out, else a larger one is
spread: a neighbourhood packed almost as tight as the gap it lacks would be used up again at once."""

MARKED = "0123456789@.-/+()'&_#,"
"""Characters the document also lists once each, so a search of one or two of them uses the index."""

MARK = "\x02\x02"
"""What precedes a marked character in the document (no stored text holds control characters)."""

_KEY = "last_name collate nocase, first_name collate nocase, id"
_KEY_DESC = "last_name collate nocase desc, first_name collate nocase desc, id desc"
_NEW_KEY = "(new.last_name collate nocase, new.first_name collate nocase, new.id)"
_BEFORE_NEW = f"(last_name, first_name, id) < {_NEW_KEY}"
_AFTER_NEW = f"(last_name, first_name, id) > {_NEW_KEY}"
# The places of the new (or renamed) client's neighbours in the list: before it and after it.
_PRED = f"(select name_order from clients where {_BEFORE_NEW} order by {_KEY_DESC} limit 1)"
_SUCC = f"(select name_order from clients where {_AFTER_NEW} order by {_KEY} limit 1)"
_SAME_NAME_BEFORE = (
    "exists (select 1 from clients where last_name = new.last_name collate nocase "
    "and first_name = new.first_name collate nocase and id < new.id)"
)
_NO_ROOM = f"coalesce({_SUCC} - {_PRED} < 2, 0)"
"""1 when the new client's neighbours have no number free between them, else 0 (also with one missing)."""


def _sql_text(char: str) -> str:
    return "'" + char.replace("'", "''") + "'"


def document_sql(text: str) -> str:
    """The indexed document for a ``search_text`` expression: spaces doubled, then the marked characters."""
    markers = " || ".join(
        f"(case when instr({text}, {_sql_text(c)}) then ' ' || char(2, 2) || {_sql_text(c)} else '' end)"
        for c in MARKED
    )
    return f"(replace({text}, ' ', '  ') || {markers})"


def _until_spread(limit: int) -> str:
    """A LIMIT that is ``limit`` until a neighbourhood has been chosen for spreading out, then 0.

    A LIMIT is worked out before its query reads anything, so once a small neighbourhood is chosen the
    larger ones are not even read (a condition in WHERE would come after the neighbours were read).
    """
    return f"(case when exists (select 1 from client_search_relabel) then 0 else {limit} end)"


def _make_room(step: int, windows: tuple[int, ...], span: int, gap: int) -> list[str]:
    """Trigger statements that, when the new client's neighbours have no number free between them, spread
    out the nearest neighbourhood that has room (or everyone), moving their index entries along."""
    spread = [
        f"""insert into client_search_relabel (id, label)
        select id, lo + (rn - 1 + (rn > h)) * ((hi - lo) / n) from (
            select id, row_number() over (order by {_KEY}) as rn,
                min(name_order) over () as lo, max(name_order) over () as hi, count(*) over () as n,
                sum({_BEFORE_NEW}) over () as h
            from clients
            where id in (
                select id from (select id from clients where {_BEFORE_NEW} order by {_KEY_DESC} limit {size})
                union all
                select id from (select id from clients where {_AFTER_NEW} order by {_KEY} limit {size})))
        where (hi - lo) / n >= {gap};"""
        for size in (_until_spread(window) for window in windows)
    ]
    everyone = f"""insert into client_search_relabel (id, label)
        select id, (rn - 1 + (rn > h)) * max({step}, {span} / (n + 1)) from (
            select id, row_number() over (order by {_KEY}) as rn, sum({_BEFORE_NEW}) over () as h,
                count(*) over () as n
            from (select * from clients where id <> new.id limit {_until_spread(-1)}));"""
    move = [
        """insert into client_search (client_search, rowid, doc) select 'delete', d.name_order, d.doc
        from client_search_relabel r join client_search_docs d on d.id = r.id order by d.name_order;""",
        """update clients set name_order = (select label from client_search_relabel r where r.id = clients.id)
        where id in (select id from client_search_relabel);""",
        """insert into client_search (rowid, doc) select d.name_order, d.doc
        from client_search_relabel r join client_search_docs d on d.id = r.id order by d.name_order;""",
        "delete from client_search_relabel;",
    ]
    return [*spread, everyone, *move]


def migration_statements(
    step: int = LABEL_STEP,
    windows: tuple[int, ...] = ROOM_WINDOWS,
    span: int = RENUMBER_SPAN,
    gap: int = SPREAD_GAP,
) -> list[str]:
    """The statements that build the index and its triggers, with numbers ``step`` apart (tests use small
    gaps and neighbourhoods to reach every way of making room in a few steps)."""
    # The middle of the gap; but a client named like the one before it (a new Maria Garcia after the others)
    # takes a 64th of it, since the next one of that name will come after it again.
    share = f"(case when {_SAME_NAME_BEFORE} then 64 else 2 end)"
    allocated = (
        f"coalesce({_PRED} + max(1, ({_SUCC} - {_PRED}) / {share}), {_PRED} + {step}, {_SUCC} - {step}, 0)"
    )
    index_new = "insert into client_search (rowid, doc) select name_order, doc from client_search_docs where id = new.id;"
    # Before the change, while the row still holds what the index was given for it.
    forget_old = (
        "insert into client_search (client_search, rowid, doc) "
        "select 'delete', name_order, doc from client_search_docs where id = old.id;"
    )
    changed = "old.first_name is not new.first_name or old.last_name is not new.last_name"
    make_room = _make_room(step, windows, span, gap)
    ask_for_room = (
        "insert into client_search_room (id, first_name, last_name) "
        f"select new.id, new.first_name, new.last_name where {_NO_ROOM};"
    )
    return [
        "alter table clients add column name_order integer",
        f"""update clients set name_order = ranked.rn * {step}
            from (select id, row_number() over (order by {_KEY}) as rn from clients) as ranked
            where ranked.id = clients.id""",
        "create index clients_by_name_order on clients (name_order)",
        # Finds a new or renamed client's neighbours in the list's order, archived or not.
        f"create index clients_in_list_order on clients ({_KEY})",
        "create virtual table client_search using fts5(doc, tokenize = 'trigram', content = '', "
        "detail = 'none', columnsize = 0)",
        # What the index is given for each client: one definition for every trigger below.
        f"create view client_search_docs as select id, name_order, {document_sql('search_text')} as doc from clients",
        # In rowid order: FTS5 writes out what it holds whenever a rowid comes lower than the one before.
        "insert into client_search (rowid, doc) select name_order, doc from client_search_docs order by name_order",
        "insert into client_search (client_search) values ('optimize')",
        # Scratch space for the triggers: the clients being spread out, with their new numbers.
        "create table client_search_relabel (id integer primary key, label integer not null)",
        # A client with no number free between its neighbours asks for room here, and this table's trigger
        # makes it. The room is made apart because every statement that writes to an FTS5 table costs a
        # good deal even when it writes nothing: the usual path writes to the index once.
        "create table client_search_room (id integer primary key, first_name text, last_name text)",
        "create trigger client_search_making_room after insert on client_search_room begin\n"
        + "\n".join([*make_room, "delete from client_search_room;"])
        + "\nend",
        "create trigger client_search_on_insert after insert on clients begin\n"
        + "\n".join(
            [ask_for_room, f"update clients set name_order = {allocated} where id = new.id;", index_new]
        )
        + "\nend",
        f"create trigger client_search_forget_changed before update of first_name, last_name, search_text on clients "
        f"when {changed} or old.search_text is not new.search_text begin\n{forget_old}\nend",
        f"create trigger client_search_forget_deleted before delete on clients begin\n{forget_old}\nend",
        # A renamed client keeps its number while it still falls between its new neighbours.
        f"create trigger client_search_on_rename after update of first_name, last_name on clients when {changed} "
        "begin\n"
        + "\n".join(
            [
                ask_for_room,
                f"""update clients set name_order = case
                    when ({_PRED} is null or old.name_order > {_PRED})
                        and ({_SUCC} is null or old.name_order < {_SUCC}) then old.name_order
                    else {allocated} end where id = new.id;""",
                index_new,
            ]
        )
        + "\nend",
        "create trigger client_search_on_new_text after update of search_text on clients "
        f"when not ({changed}) and old.search_text is not new.search_text begin\n{index_new}\nend",
    ]


MIGRATION = migration_statements()
"""The statements of migration ``m004_client_search_index``: never edit them once released."""


def require_trigram_search(conn: sqlite3.Connection) -> None:
    """Raise :class:`StoreError` unless this SQLite has FTS5 with the trigram tokenizer (3.34 or later)."""
    try:
        conn.execute("create virtual table temp.trigram_probe using fts5(x, tokenize = 'trigram')")
        conn.execute("drop table temp.trigram_probe")
    except operational_errors() as exc:
        raise StoreError(
            f"This copy of SQLite ({sqlite3.sqlite_version}) cannot build the client search index: it lacks "
            f"full-text search with trigrams (FTS5, SQLite 3.34 or later; {exc}). Nothing was changed. "
            "Run AcuChart with a Python whose SQLite is 3.34 or newer."
        ) from exc


def _terms(token: str) -> set[str]:
    """What the index must hold for a client whose ``search_text`` contains ``token``."""
    text = token.replace(" ", "  ")
    if len(text) >= 3:
        return {text[i : i + 3] for i in range(len(text) - 2)}
    return {MARK + char for char in text if char in MARKED}


def match_expression(tokens: list[str]) -> str | None:
    """The FTS5 query narrowing a search to clients that may contain every token; None if no token can use
    the index (only characters that are not marked, or nothing typed)."""
    terms = sorted(set().union(*(_terms(token) for token in tokens))) if tokens else []
    if not terms:
        return None
    return " AND ".join('"' + term.replace('"', '""') + '"' for term in terms)
