"""Restoring: the practice as it is now is kept first, the backup is checked again and swapped in whole,
and the restore is in the audit trail. A damaged backup or one from a newer AcuChart changes nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from acuchart import clock
from acuchart.backup.catalog import DAMAGED, NEWER, judge, list_backups, recheck
from acuchart.backup.make import BEFORE_RESTORING, BY_HAND, back_up
from acuchart.backup.manifest import manifest_path, read_manifest
from acuchart.backup.recovery import move_aside, recovery_for
from acuchart.backup.restore import restore
from acuchart.backup.settings import BackupSettings
from acuchart.errors import AlreadyOpenError, BackupError, DamagedFileError
from acuchart.practice import Practice
from tests.backup_helpers import (
    START,
    add_client,
    charted_practice,
    client_names,
    digest,
    garbage_in_the_middle,
)


@pytest.fixture
def practice_path(tmp_path: Path) -> Path:
    path = tmp_path / "practice.acuchart"
    charted_practice(path)
    return path


def _backed_up(practice_path: Path, at: dt.datetime = START) -> Path:
    with clock.frozen_at(at):
        made = back_up(practice_path, BY_HAND).made
    assert made is not None
    return made.path


def test_restoring_keeps_the_practice_as_it_was_and_records_the_restore(practice_path: Path) -> None:
    backup = _backed_up(practice_path)
    add_client(practice_path, "After the backup")
    before = client_names(practice_path)
    with clock.frozen_at(START + dt.timedelta(hours=2)):
        report = restore(practice_path, backup)
    assert client_names(practice_path) == before[:-1]  # the backup's moment
    assert report.kept is not None and report.kept.manifest is not None
    assert report.kept.manifest.reason == BEFORE_RESTORING and report.kept.manifest.pinned
    assert client_names(report.kept.path) == before  # nothing lost: the later client is in the kept copy
    practice = Practice.open(practice_path)
    try:
        assert practice.verify_audit().ok
        last = practice.store.one("select actor, action, entity, data from audit order by id desc limit 1")
        assert last is not None and (last["action"], last["entity"]) == ("restore", "practice")
        assert str(backup) in last["data"] and str(report.kept.path) in last["data"]
    finally:
        practice.close()
    # The restore itself can be undone: the kept copy restores like any backup.
    restore(practice_path, report.kept.path)
    assert client_names(practice_path) == before


def test_a_restore_replays_no_stale_journal_onto_the_restored_file(practice_path: Path) -> None:
    backup = _backed_up(practice_path)
    # The app dies with its last change still only in the journal (-wal) beside the practice file.
    died = subprocess.run(
        [sys.executable, "-c", DIES_WITH_A_JOURNAL, str(practice_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert died.returncode == 0, died.stderr
    assert practice_path.with_name("practice.acuchart-wal").stat().st_size > 0
    report = restore(practice_path, backup)
    assert "Journal" not in client_names(practice_path)
    assert report.kept is not None and "Journal" in client_names(report.kept.path)
    assert _audit_ok(practice_path)


REPO = Path(__file__).resolve().parents[3]
DIES_WITH_A_JOURNAL = """
import os, sys
from acuchart.practice import Practice
from acuchart.services.clients import ClientForm
practice = Practice.open(sys.argv[1])
practice.clients.create(ClientForm(first_name="In", last_name="Journal"))
os._exit(0)
"""


def _audit_ok(path: Path) -> bool:
    practice = Practice.open(path)
    try:
        return practice.verify_audit().ok
    finally:
        practice.close()


def test_a_practice_open_in_the_app_is_not_restored_under_it(practice_path: Path) -> None:
    backup = _backed_up(practice_path)
    practice = Practice.open(practice_path)
    try:
        before = digest(practice_path)
        with pytest.raises(AlreadyOpenError):
            restore(practice_path, backup)
        assert digest(practice_path) == before
    finally:
        practice.close()


def test_a_backup_damaged_after_it_was_verified_is_refused_and_the_next_one_named(
    practice_path: Path,
) -> None:
    older = _backed_up(practice_path, START)
    add_client(practice_path, "Second")
    newer = _backed_up(practice_path, START + dt.timedelta(hours=1))
    garbage_in_the_middle(newer)
    assert judge(newer).good  # the manifest and size still look right…
    assert recheck(judge(newer)).state == DAMAGED  # …but reading it through tells
    before = digest(practice_path)
    with pytest.raises(BackupError, match="its contents have changed since it was verified") as raised:
        restore(practice_path, newer)
    assert str(older) in str(raised.value) or "newest good backup" not in str(raised.value)
    assert digest(practice_path) == before


def test_a_backup_from_a_newer_acuchart_is_listed_as_such_and_not_restored(practice_path: Path) -> None:
    backup = _backed_up(practice_path)
    manifest = read_manifest(backup)
    assert manifest is not None
    newer = dataclasses.replace(manifest, app_version="9.0.0", schema=(*manifest.schema, "m042_photos"))
    manifest_path(backup).write_bytes(newer.to_json())
    listed = list_backups(practice_path, BackupSettings())[0]
    assert listed.state == NEWER and "newer AcuChart (9.0.0)" in listed.note
    with pytest.raises(BackupError, match="made by a newer AcuChart"):
        restore(practice_path, backup)


def test_a_damaged_practice_is_set_aside_and_the_newest_backup_named_with_what_it_lacks(
    practice_path: Path,
) -> None:
    backup = _backed_up(practice_path)
    add_client(practice_path, "Lost since")
    garbage_in_the_middle(practice_path)
    damaged = digest(practice_path)
    found = recovery_for(practice_path, "damaged", START + dt.timedelta(hours=3))
    assert found.backup is not None and found.backup.path == backup
    assert "Anything recorded after 21 Nov 2026, 09:00 (3 hours ago) is not in this backup" in found.lost
    with clock.frozen_at(START + dt.timedelta(hours=3)):
        report = restore(practice_path, backup, set_aside_as="damaged")
    assert report.moved_aside == practice_path.with_name("practice damaged 2026-11-21 12-00-00.acuchart")
    assert digest(report.moved_aside) == damaged  # kept exactly as it was
    assert "Lost since" not in client_names(practice_path)
    assert _audit_ok(practice_path)


def test_a_new_laptop_gets_the_practice_back_from_a_backup_file(practice_path: Path, tmp_path: Path) -> None:
    backup = _backed_up(practice_path)
    names = client_names(practice_path)
    new_home = tmp_path / "new laptop" / "practice.acuchart"
    new_home.parent.mkdir()
    report = restore(new_home, backup)
    assert report.kept is None and report.moved_aside is None
    assert client_names(new_home) == names


def test_move_aside_keeps_the_journal_with_the_file(tmp_path: Path) -> None:
    path = tmp_path / "practice.acuchart"
    path.write_bytes(b"x")
    path.with_name("practice.acuchart-wal").write_bytes(b"journal")
    with clock.frozen_at(START):
        moved = move_aside(path)
    assert moved.name == "practice damaged 2026-11-21 09-00-00.acuchart"
    assert moved.with_name(moved.name + "-wal").read_bytes() == b"journal"
    assert not path.exists()


def test_opening_a_damaged_practice_never_writes_to_it(tmp_path: Path) -> None:
    practice_path = tmp_path / "large.acuchart"
    charted_practice(practice_path, clients=40)
    garbage_in_the_middle(practice_path, at=0.75)  # among the records: the schema and settings still read
    before = digest(practice_path)
    practice = Practice.open(practice_path)  # the header and schema still read
    try:
        with pytest.raises(DamagedFileError, match="damaged"):
            practice.settings.update(practice_name="Written over damage")
    finally:
        practice.close()
    assert digest(practice_path) == before
