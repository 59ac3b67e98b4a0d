"""The practice file: opened with the house pragmas, and refused, untouched, when it should be."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from acuchart.errors import AlreadyOpenError, NewerSchemaError, NotSQLiteError, ReadOnlyError
from acuchart.practice import Practice
from acuchart.services.clients import ClientForm
from acuchart.storage.schema import MIGRATIONS
from acuchart.storage.store import Store
from acuchart.storage.versions import MIGRATION_NAMES

REPO = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_practice_file_uses_wal_foreign_keys_and_full_sync(practice_path: Path) -> None:
    store = Store.open(practice_path)
    try:
        assert store.scalar("PRAGMA journal_mode") == "wal"
        assert store.scalar("PRAGMA foreign_keys") == 1
        assert store.scalar("PRAGMA synchronous") == 2  # FULL
        applied = [m.name for m in MIGRATIONS.applied(store.db)]
        assert applied == list(MIGRATION_NAMES)
        assert applied[0] == "m001_initial"
    finally:
        store.close()


def test_a_client_survives_closing_and_reopening_the_file(practice_path: Path) -> None:
    practice = Practice.open(practice_path)
    client = practice.clients.create(ClientForm(first_name="Amelia", last_name="Hartley")).value
    practice.close()
    reopened = Practice.open(practice_path)
    try:
        assert reopened.clients.get(client.id).full_name == "Amelia Hartley"
    finally:
        reopened.close()


def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "letter.acuchart"
    path.write_text("Dear client, thank you for your visit.\n" * 20)
    before = digest(path)
    with pytest.raises(NotSQLiteError, match="not an AcuChart practice file"):
        Practice.open(path)
    assert digest(path) == before
    assert not (tmp_path / "letter.acuchart-wal").exists()


def test_a_read_only_file_is_refused_and_left_untouched(practice_path: Path) -> None:
    Practice.open(practice_path).close()
    before = digest(practice_path)
    practice_path.chmod(0o444)
    try:
        with pytest.raises(ReadOnlyError, match="read-only"):
            Practice.open(practice_path)
        assert digest(practice_path) == before
    finally:
        practice_path.chmod(0o644)


def test_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ReadOnlyError, match="folder"):
            Practice.open(folder / "practice.acuchart")
        assert not (folder / "practice.acuchart").exists()
    finally:
        folder.chmod(0o755)


def test_a_file_from_a_newer_version_is_refused_and_left_untouched(practice_path: Path) -> None:
    Practice.open(practice_path).close()
    conn = sqlite3.connect(practice_path)
    conn.execute(
        "insert into _sqlite_migrations (migration_set, name, applied_at) values ('acuchart', 'm999_future', 'x')"
    )
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = digest(practice_path)
    with pytest.raises(NewerSchemaError, match="newer version of AcuChart"):
        Practice.open(practice_path)
    assert digest(practice_path) == before


def test_a_second_copy_on_the_same_file_is_refused(practice_path: Path) -> None:
    first = Practice.open(practice_path)
    try:
        with pytest.raises(AlreadyOpenError, match="already open"):
            Practice.open(practice_path)
        other_process = subprocess.run(
            [sys.executable, "main.py", "--db", str(practice_path), "clients"],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert other_process.returncode == 2
        assert "already open" in other_process.stderr
        assert "Traceback" not in other_process.stderr
    finally:
        first.close()
    Practice.open(practice_path).close()  # free again once the first copy closed


def test_a_failed_action_leaves_nothing_half_saved(practice: Practice) -> None:
    entries_before = practice.verify_audit().entries
    with pytest.raises(RuntimeError), practice.store.write() as writer:
        writer.insert(
            "clients", {"first_name": "Half", "last_name": "Saved", "created_at": "x", "updated_at": "x"}
        )
        raise RuntimeError("power cut in the middle of the action")
    assert practice.clients.count() == 0
    assert practice.verify_audit().entries == entries_before


def test_the_start_up_list_of_schema_versions_matches_the_registered_migrations() -> None:
    from acuchart.storage.versions import MIGRATION_NAMES

    assert [m.name for m in MIGRATIONS._migrations] == list(MIGRATION_NAMES)


def test_opening_an_up_to_date_file_runs_no_migration_and_writes_still_work(practice_path: Path) -> None:
    Practice.open(practice_path).close()
    store = Store.open(practice_path)
    try:
        assert store._db is None  # nothing pending: sqlite-utils not needed to open
        with store.write() as writer:
            writer.put_setting("practice_name", "Willow Lane")
        assert store.setting("practice_name") == "Willow Lane"
        assert store.verify_audit().ok
    finally:
        store.close()


def test_warming_up_a_closed_store_does_nothing(practice_path: Path) -> None:
    store = Store.open(practice_path)
    store.close()
    store.warm_up()  # a timer firing after the practice was swapped must not touch the closed file
    assert store._db is None
