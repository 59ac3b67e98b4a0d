"""Making backups: every copy verified before it counts, with a manifest; trouble in one place never
touches the practice, and a backup that fails its checks is set aside without costing a good one."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from acuchart import __version__, clock
from acuchart.backup import backup_places
from acuchart.backup.catalog import GOOD, UNFINISHED, list_aside, list_backups, list_folder
from acuchart.backup.files import folder_lock
from acuchart.backup.make import AUTOMATIC, BY_HAND, back_up
from acuchart.backup.manifest import manifest_path, read_manifest
from acuchart.backup.places import default_folder, refuse_practice_files, second_folder
from acuchart.backup.settings import BackupSettings
from acuchart.errors import BackupBusyError, BackupError
from acuchart.practice import Practice
from acuchart.storage.connections import plain_connect
from acuchart.storage.versions import MIGRATION_NAMES
from tests.backup_helpers import START, add_client, charted_practice, client_names, digest


@pytest.fixture
def practice_path(tmp_path: Path) -> Path:
    path = tmp_path / "practice.acuchart"
    charted_practice(path)
    return path


def test_a_backup_is_verified_and_its_manifest_says_what_it_holds(practice_path: Path) -> None:
    before = digest(practice_path)
    with clock.frozen_at(START):
        report = back_up(practice_path, BY_HAND)
    assert report.ok, report.problems
    made = report.made
    assert made is not None and made.state == GOOD
    assert made.path.parent == default_folder(practice_path)
    assert made.path.name == "practice 2026-11-21 09-00-00.acuchart-backup"
    manifest = read_manifest(made.path)
    assert manifest is not None
    assert manifest.app_version == __version__
    assert manifest.created_at == "2026-11-21T09:00:00"
    assert manifest.reason == BY_HAND
    assert manifest.schema == tuple(sorted(MIGRATION_NAMES))
    assert manifest.clients == 3 and manifest.sessions == 3
    assert manifest.size == made.path.stat().st_size
    assert manifest.checks["integrity"] == "ok"
    assert manifest.checks["audit"].endswith("entries intact")
    assert manifest.photos == {}
    # The copy is one self-contained file that holds what the practice held, and the practice is untouched.
    assert client_names(made.path) == client_names(practice_path)
    assert not made.path.with_name(made.path.name + "-wal").exists()
    conn = sqlite3.connect(practice_path)
    head = json.loads(conn.execute("select value from settings where key = 'audit_head'").fetchone()[0])
    conn.close()
    assert (manifest.audit_entries, manifest.audit_head) == (head["count"], head["hash"])
    assert digest(practice_path) == before


def test_a_backup_taken_while_the_practice_is_written_matches_one_moment(practice_path: Path) -> None:
    practice = Practice.open(practice_path)
    stop = threading.Event()
    try:
        # The chair keeps adding clients through the writer connection while the copy runs in steps.
        def copying(done: int, total: int) -> None:
            if not stop.is_set():
                add_one()

        def add_one() -> None:
            with practice.store.write() as writer:
                writer.insert(
                    "clients",
                    {"first_name": "During", "last_name": "Copy", "created_at": "x", "updated_at": "x"},
                )

        from acuchart.storage.backup_copy import copy_practice

        target = practice_path.with_name("copy.db")
        snapshot = copy_practice(practice_path, target, progress=copying, pages_per_step=2)
        stop.set()
        assert practice.clients.count() > snapshot.clients  # writes landed while the copy ran
        assert len(client_names(target)) == snapshot.clients  # the copy is the moment it counted
    finally:
        practice.close()


def test_the_second_place_gets_the_same_verified_backup(practice_path: Path, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    report = back_up(practice_path, AUTOMATIC, settings=BackupSettings(second_place=str(usb)))
    assert report.ok, report.problems
    here, there = (outcome.backup for outcome in report.outcomes)
    assert here is not None and there is not None
    assert there.path.parent == second_folder(usb, practice_path)
    assert digest(here.path) == digest(there.path)
    assert there.state == GOOD
    assert not any(p.name.endswith(".acuchart") for p in usb.rglob("*"))  # never the live file


def test_a_missing_second_place_is_reported_and_this_computer_still_gets_its_backup(
    practice_path: Path, tmp_path: Path
) -> None:
    report = back_up(
        practice_path, AUTOMATIC, settings=BackupSettings(second_place=str(tmp_path / "unplugged"))
    )
    assert not report.ok
    assert report.made is not None and report.made.state == GOOD
    (problem,) = report.problems
    assert "is not there (is the drive plugged in?)" in problem
    assert not (tmp_path / "unplugged").exists()  # nothing created where the drive should be


def test_a_read_only_second_place_is_refused_with_a_message(practice_path: Path, tmp_path: Path) -> None:
    usb = tmp_path / "read-only"
    (usb / "AcuChart backups").mkdir(parents=True)
    (usb / "AcuChart backups").chmod(0o555)
    try:
        report = back_up(practice_path, AUTOMATIC, settings=BackupSettings(second_place=str(usb)))
    finally:
        (usb / "AcuChart backups").chmod(0o755)
    (problem,) = report.problems
    assert "cannot be written to" in problem
    assert report.outcomes[0].ok and not report.outcomes[1].ok
    assert list_backups(practice_path, BackupSettings(second_place=str(usb)))[0].place == "On this computer"


def test_a_full_destination_leaves_no_half_backup_and_the_practice_untouched(practice_path: Path) -> None:
    before = digest(practice_path)

    def full_disk(path: Path, *, read_only: bool) -> sqlite3.Connection:
        conn = plain_connect(path, read_only=read_only)
        if not read_only:  # the backup's file: SQLite runs out of room after a few pages
            conn.execute("PRAGMA max_page_count = 3")
        return conn

    report = back_up(practice_path, BY_HAND, connect=full_disk)
    (problem,) = report.problems
    assert "is full" in problem and "practice is untouched" in problem
    folder = default_folder(practice_path)
    assert list_folder(folder) == [] and list_aside(folder) == []
    assert [p.name for p in folder.iterdir() if p.name.endswith((".acuchart-backup", ".partial"))] == []
    assert digest(practice_path) == before


def test_a_folder_pulled_out_mid_copy_leaves_no_backup_counted(practice_path: Path, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    settings = BackupSettings(second_place=str(usb))
    first = back_up(practice_path, BY_HAND, settings=settings)
    assert first.ok
    add_client(practice_path, "Later")
    before = digest(practice_path)

    def pulled(path: Path, *, read_only: bool) -> sqlite3.Connection:
        if not read_only:  # the copy is about to be written: the folder goes (unplugged, removed)
            shutil.rmtree(path.parent)
        return plain_connect(path, read_only=read_only)

    report = back_up(practice_path, BY_HAND, settings=settings, connect=pulled)
    assert report.made is None
    assert "went away while the backup was being written" in report.problems[0]
    assert digest(practice_path) == before

    # Unplugged while the finished backup was being copied to the second place:
    def unplug(_fraction: float, words: str) -> None:
        if words.startswith("Copying the backup to"):
            shutil.rmtree(usb)

    report = back_up(practice_path, BY_HAND, settings=settings, progress=unplug)
    here, there = report.outcomes
    assert here.ok and not there.ok
    assert "is not there" in there.problem
    assert [b.place for b in list_backups(practice_path, settings)] == ["On this computer"]


def test_a_copy_that_fails_its_checks_is_set_aside_and_the_good_ones_stay(
    practice_path: Path, tmp_path: Path
) -> None:
    keep_none = BackupSettings().keep._replace(recent_days=1, daily=0, weekly=0, monthly=0)
    settings = BackupSettings(keep=keep_none)
    with clock.frozen_at(START - dt.timedelta(days=30)):
        good = back_up(practice_path, BY_HAND, settings=settings).made
    assert good is not None

    def lossy(path: Path, *, read_only: bool) -> sqlite3.Connection:
        conn = plain_connect(path, read_only=read_only)
        if read_only and path.name.endswith(".acuchart-backup"):  # the check sees a copy missing a client
            writable = plain_connect(path, read_only=False)
            writable.execute("drop trigger if exists clients_search_insert")
            writable.execute("delete from clients where id = (select max(id) from clients)")
            writable.close()
        return conn

    with clock.frozen_at(START):
        report = back_up(practice_path, BY_HAND, settings=settings, connect=lossy)
    assert report.made is None
    assert (
        "failed its checks" in report.problems[0]
        and "does not hold what the practice held" in report.problems[0]
    )
    assert [b.path for b in list_folder(default_folder(practice_path)) if b.good] == [good.path]
    (aside,) = list_aside(default_folder(practice_path))
    assert aside.manifest is not None and "clients" in aside.manifest.problem


def test_a_practice_whose_own_audit_trail_is_broken_is_still_backed_up_and_says_so(
    practice_path: Path,
) -> None:
    conn = sqlite3.connect(practice_path)
    conn.execute("drop trigger audit_no_update")
    conn.execute("update audit set actor = 'someone else' where id = 2")
    conn.commit()
    conn.close()
    report = back_up(practice_path, BY_HAND)
    assert report.ok
    assert report.made is not None and report.made.manifest is not None
    assert "as in the practice file itself" in report.made.manifest.checks["audit"]


def test_two_backups_of_one_practice_at_once_the_second_is_told_to_wait(practice_path: Path) -> None:
    folder = default_folder(practice_path)
    folder.mkdir(parents=True)
    before = digest(practice_path)
    with (
        folder_lock(folder, "backing up this practice"),
        pytest.raises(BackupBusyError, match="Another copy"),
    ):
        back_up(practice_path, BY_HAND)
    assert list_folder(folder) == [] and digest(practice_path) == before
    assert back_up(practice_path, BY_HAND).ok  # free again once the first is done


def test_an_unfinished_backup_is_never_counted_and_is_set_aside_by_the_next(practice_path: Path) -> None:
    made = back_up(practice_path, BY_HAND).made
    assert made is not None
    manifest_path(made.path).unlink()  # as if the app died between the copy and its checks
    (left,) = list_folder(made.path.parent)
    assert left.state == UNFINISHED and not left.good
    partial = made.path.with_name(".practice 2026.acuchart-backup.partial")
    partial.write_bytes(b"half a copy")
    again = back_up(practice_path, BY_HAND)
    assert again.ok
    assert [b.state for b in list_folder(made.path.parent)] == [GOOD]
    assert not partial.exists()
    assert [b.path.name for b in list_aside(made.path.parent)] == [made.path.name]


def test_nothing_is_ever_written_onto_the_practice_file_whatever_the_spelling(tmp_path: Path) -> None:
    practice = tmp_path / "practice.acuchart"
    charted_practice(practice, clients=1)
    link = tmp_path / "link.acuchart"
    link.symlink_to(practice)
    for target in (
        practice,
        link,
        tmp_path / "sub" / ".." / "practice.acuchart",
        tmp_path / "practice.acuchart-wal",
    ):
        with pytest.raises(BackupError, match="never written there"):
            refuse_practice_files(target, practice)
    refuse_practice_files(tmp_path / "practice 2026.acuchart-backup", practice)


def test_backup_places_lists_this_computer_and_the_second_place(practice_path: Path, tmp_path: Path) -> None:
    assert backup_places(practice_path) == [default_folder(practice_path)]
    usb = tmp_path / "usb"
    usb.mkdir()
    practice = Practice.open(practice_path)
    try:
        practice.backups.update_settings(second_place=str(usb))
    finally:
        practice.close()
    assert backup_places(practice_path) == [default_folder(practice_path), second_folder(usb, practice_path)]
    back_up(practice_path, BY_HAND)
    # Once the practice file is unreadable, the note kept on this computer still names the second place.
    practice_path.write_bytes(b"not a database any more" * 100)
    assert backup_places(practice_path)[1] == second_folder(usb, practice_path)


def test_an_anchored_audit_walk_covers_only_what_is_new_and_a_full_walk_comes_daily(
    practice_path: Path,
) -> None:
    with clock.frozen_at(START):
        first = back_up(practice_path, BY_HAND).made
    add_client(practice_path, "Next")
    with clock.frozen_at(START + dt.timedelta(hours=1)):
        second = back_up(practice_path, BY_HAND).made
    add_client(practice_path, "Day after")
    with clock.frozen_at(START + dt.timedelta(days=1, hours=1)):
        third = back_up(practice_path, BY_HAND).made
    assert first and second and third and first.manifest and second.manifest and third.manifest
    assert first.manifest.checks["audit_walk"] == "whole"
    assert second.manifest.checks["audit_walk"] == f"from entry {first.manifest.audit_entries + 1:,}"
    assert third.manifest.checks["audit_walk"] == "whole"


def test_no_document_or_export_may_be_written_into_a_backup_folder_or_the_photo_store(
    practice_path: Path, tmp_path: Path
) -> None:
    from acuchart.output_guard import OutputRefusedError, protected_places, refuse_protected
    from acuchart.paths import photo_store_path

    usb = tmp_path / "usb"
    usb.mkdir()
    practice = Practice.open(practice_path)
    try:
        practice.backups.update_settings(second_place=str(usb))
        places = practice.protected_places()
    finally:
        practice.close()
    assert set(places.folders) == {
        default_folder(practice_path),
        second_folder(usb, practice_path),
        photo_store_path(practice_path.absolute()),
    }
    assert back_up(practice_path, BY_HAND).ok
    shortcut = tmp_path / "my backups"
    shortcut.symlink_to(second_folder(usb, practice_path), target_is_directory=True)
    for target in (
        default_folder(practice_path) / "handout.pdf",
        shortcut / "export.zip",
        photo_store_path(practice_path) / "ab" / "chart.pdf",
    ):
        with pytest.raises(OutputRefusedError, match="keeps the practice's own files"):
            refuse_protected(target, places)
    refuse_protected(usb / "handout.pdf", protected_places(practice_path))  # beside, not inside: allowed
