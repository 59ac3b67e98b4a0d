"""A practice file from an older AcuChart is backed up before its schema is updated, or not updated at all."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import acuchart.storage.database as database
from acuchart.backup.catalog import list_folder
from acuchart.backup.make import BEFORE_UPDATING
from acuchart.backup.places import data_root, default_folder
from acuchart.errors import BackupError
from acuchart.practice import Practice
from acuchart.storage.schema import MIGRATIONS
from acuchart.storage.versions import MIGRATION_NAMES
from tests.backup_helpers import charted_practice, digest


@pytest.fixture
def newer_app(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], None]]:
    """Call it to make this AcuChart know one migration more than the files written so far."""

    def m999_test_note(db: object) -> None:
        db.execute("alter table clients add column test_note text not null default ''")  # type: ignore[attr-defined]

    def upgrade() -> None:
        MIGRATIONS(name="m999_test_note")(m999_test_note)
        monkeypatch.setattr(database, "MIGRATION_NAMES", (*database.MIGRATION_NAMES, "m999_test_note"))

    try:
        yield upgrade
    finally:
        MIGRATIONS._migrations[:] = [m for m in MIGRATIONS._migrations if m.name != "m999_test_note"]


def test_the_file_is_backed_up_as_it_was_before_it_is_updated(
    tmp_path: Path, newer_app: Callable[[], None]
) -> None:
    path = tmp_path / "practice.acuchart"
    charted_practice(path)  # written by the older app
    newer_app()
    Practice.open(path).close()
    (backup,) = list_folder(default_folder(path))
    assert backup.good and backup.manifest is not None
    assert backup.manifest.reason == BEFORE_UPDATING and backup.manifest.pinned
    assert backup.manifest.schema == tuple(sorted(MIGRATION_NAMES))  # the file as it was, without m999
    practice = Practice.open(path)
    try:
        assert (
            practice.store.scalar(
                "select count(*) from pragma_table_info('clients') where name = 'test_note'"
            )
            == 1
        )
    finally:
        practice.close()


def test_without_a_good_backup_the_file_is_not_updated(tmp_path: Path, newer_app: Callable[[], None]) -> None:
    path = tmp_path / "practice.acuchart"
    charted_practice(path)
    newer_app()
    before = digest(path)
    root = data_root()
    root.mkdir(parents=True, exist_ok=True)
    os.chmod(root, 0o555)  # backups cannot be written on this computer
    try:
        with pytest.raises(BackupError, match="needs updating to this version of AcuChart"):
            Practice.open(path)
    finally:
        os.chmod(root, 0o755)
    assert digest(path) == before
    Practice.open(path).close()  # the lock was let go; with room for the backup it updates
