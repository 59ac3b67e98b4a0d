"""The store: one writer connection per process, one transaction per user action, audited.

Services change records only through :meth:`Store.write`, which yields a :class:`Writer`. Every
insert, update and delete the writer makes also appends an audit entry in the same transaction,
so a change and its audit entry land together or not at all.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from acuchart import clock
from acuchart.errors import NotFoundError
from acuchart.storage import audit, faults
from acuchart.storage.database import BeforeMigrating, FileLock, connect
from acuchart.storage.open_check import OpenCheck, quick_check

if TYPE_CHECKING:
    import sqlite_utils

Row = dict[str, Any]


class Writer:
    """Writes inside one open transaction; every change is audited."""

    def __init__(self, db: sqlite_utils.Database, actor: str) -> None:
        self._db = db
        self.actor = actor
        self.at = clock.stamp()

    def insert(self, table: str, row: Row, audited: Row | None = None) -> int:
        """Insert one row and return its id.

        ``audited`` is what the audit entry records in place of the row, for a row that holds a blob
        (a photo's thumbnail): its digest and size, not its bytes.
        """
        columns = list(row)
        cursor = self._db.execute(
            f"insert into [{table}] ({', '.join(f'[{c}]' for c in columns)}) values ({', '.join('?' for _ in columns)})",
            [row[c] for c in columns],
        )
        new_id = int(cursor.lastrowid or 0)
        self.audit("insert", table, new_id, row if audited is None else audited)
        return new_id

    def update(self, table: str, row_id: int, changes: Row) -> Row:
        """Update the given columns of one row; returns the old values of the columns that changed."""
        old = self.get(table, row_id)
        changed = {k: v for k, v in changes.items() if old.get(k) != v}
        if not changed:
            return {}
        self._db.execute(
            f"update [{table}] set {', '.join(f'[{c}] = ?' for c in changed)} where id = ?",
            [*changed.values(), row_id],
        )
        before = {k: old[k] for k in changed}
        self.audit("update", table, row_id, {"old": before, "new": changed})
        return before

    def delete(self, table: str, row_id: int, audited: Row | None = None) -> Row:
        """Delete one row and return it as it was (so an undo can put it back); ``audited`` as for
        :meth:`insert`."""
        old = self.get(table, row_id)
        self._db.execute(f"delete from [{table}] where id = ?", [row_id])
        self.audit("delete", table, row_id, old if audited is None else audited)
        return old

    def put_setting(self, key: str, value: Any) -> None:
        """Store one practice setting (JSON-encoded)."""
        text = json.dumps(value, ensure_ascii=False)
        old = self._db.execute("select value from settings where key = ?", [key]).fetchone()
        if old and old[0] == text:
            return
        self._db.execute(
            "insert into settings (key, value) values (?, ?) on conflict(key) do update set value = excluded.value",
            [key, text],
        )
        self.audit(
            "setting",
            "settings",
            None,
            {"key": key, "old": json.loads(old[0]) if old else None, "new": value},
        )

    def audit(self, action: str, entity: str, entity_id: int | None, data: Row) -> None:
        """Append an audit entry for something this transaction did (sign, amend, ...)."""
        audit.append(
            self._db,
            at=self.at,
            actor=self.actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            data=data,
        )

    def get(self, table: str, row_id: int) -> Row:
        """Read one row inside the transaction."""
        return _one(self._db.conn, f"select * from [{table}] where id = ?", [row_id], table, row_id)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Read rows inside the transaction."""
        return _rows(self._db.conn, sql, params)


def _rows(conn: sqlite3.Connection, sql: str, params: Sequence[Any]) -> list[Row]:
    cursor = conn.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _one(conn: sqlite3.Connection, sql: str, params: Sequence[Any], table: str, row_id: int) -> Row:
    rows = _rows(conn, sql, params)
    if not rows:
        raise NotFoundError(f"No {table.rstrip('s')} with id {row_id} exists in this practice file.")
    return rows[0]


class Store:
    """The practice file, open for this process."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None, lock: FileLock | None) -> None:
        self.conn = conn
        self.path = path
        self._lock = lock
        self._db: sqlite_utils.Database | None = None
        self._closed = False
        self.actor = "practitioner"
        self.open_check = OpenCheck(path) if path is not None else None
        """The quick check of the file at opening; every write waits for its verdict (see ``open_check.py``)."""

    @classmethod
    def open(
        cls, path: Path | str, *, before_migrating: BeforeMigrating | None = None, accept_empty: bool = False
    ) -> Store:
        """Open or create a practice file (``":memory:"`` for tests). Raises ``StoreError`` with a message.

        ``before_migrating`` backs up a file with an older schema before its migrations run;
        ``accept_empty`` takes an empty file for a new practice (see :func:`check_openable`)."""
        conn, lock = connect(path, before_migrating=before_migrating, accept_empty=accept_empty)
        return cls(conn, None if str(path) == ":memory:" else Path(path), lock)

    @property
    def db(self) -> sqlite_utils.Database:
        """The sqlite-utils view of the one connection, made on first write (it is slow to import)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._db

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has run (a timer may still fire for a practice that was swapped)."""
        return self._closed

    def warm_up(self) -> None:
        """Load the writing machinery now (an idle moment) rather than on the first change.

        Does nothing once the store is closed (a timer may fire after the practice was swapped)."""
        if not self._closed:
            _ = self.db

    def close(self) -> None:
        """Close the connection (checkpointing the journal) and release the file lock."""
        self._closed = True
        if self.open_check is not None:
            self.open_check.cancel()
        try:
            if self.path is not None:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    @contextlib.contextmanager
    def write(self) -> Iterator[Writer]:
        """One transaction: everything inside lands together, with its audit entries, or nothing does.

        Raises:
            DamagedFileError: the file failed its check at opening (nothing is written to it), or SQLite
                found damage while writing.
            DiskFullError, DiskError, ReadOnlyError: the disk refused the change; nothing of it was saved.
        """
        if self.open_check is not None:
            self.open_check.refuse_if_damaged()
        try:
            with self.db.atomic():
                yield Writer(self.db, self.actor)
        except sqlite3.DatabaseError as exc:
            named = faults.write_failure(exc, self.path, self._intact)
            if named is None:
                raise
            raise named from exc

    def _intact(self) -> bool | None:
        """After a disk error: does the file still pass a quick check? None when it cannot be checked."""
        if self.path is None:
            return None
        try:
            return not quick_check(self.path)
        except sqlite3.Error:
            return None

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Rows of a read query as dicts."""
        return _rows(self.conn, sql, params)

    def tuples(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of a read query as plain tuples (for hot paths such as type-ahead)."""
        return self.conn.execute(sql, list(params)).fetchall()

    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        """The first row of a read query, or None."""
        rows = self.rows(sql, params)
        return rows[0] if rows else None

    def get(self, table: str, row_id: int) -> Row:
        """One row by id; ``NotFoundError`` if there is none."""
        return _one(self.conn, f"select * from [{table}] where id = ?", [row_id], table, row_id)

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row of a read query, or None."""
        row = self.conn.execute(sql, list(params)).fetchone()
        return row[0] if row else None

    def setting(self, key: str, default: Any = None) -> Any:
        """One practice setting, decoded."""
        text = self.scalar("select value from settings where key = ?", [key])
        return default if text is None else json.loads(text)

    def verify_audit(self) -> audit.AuditReport:
        """Walk the audit chain."""
        return audit.verify(self.conn)
