"""Before a risky change (updating a file from an older AcuChart, importing clients) the practice is backed
up, and without a good backup the change does not happen."""

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
        with pytest.raises(
            BackupError, match="could not be made before updating it to this version of AcuChart"
        ):
            Practice.open(path)
    finally:
        os.chmod(root, 0o755)
    assert digest(path) == before
    Practice.open(path).close()  # the lock was let go; with room for the backup it updates


def test_importing_clients_backs_the_practice_up_first(tmp_path: Path) -> None:
    from acuchart.backup.make import BEFORE_IMPORTING
    from acuchart.imports.mapping import guess_mapping
    from acuchart.imports.plan import plan_import, run_import
    from acuchart.imports.sniff import parse_table

    path = tmp_path / "practice.acuchart"
    charted_practice(path)
    practice = Practice.open(path)
    try:
        table = parse_table("Last name,First name\nDurand,Zoë\nLefèvre,Chloé\n".encode(), "clients.csv")
        plan = plan_import(practice, table, guess_mapping(table.columns, [], True))
        before = practice.clients.count()
        assert len(run_import(practice, plan).value.added) == 2
    finally:
        practice.close()
    (backup,) = list_folder(default_folder(path))
    assert (
        backup.manifest is not None and backup.manifest.reason == BEFORE_IMPORTING and backup.manifest.pinned
    )
    assert backup.manifest.clients == before  # the practice as it was before the import
