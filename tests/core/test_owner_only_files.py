"""Owner-only files (issue 13, item 6): everything AcuChart makes is 0600 and every folder it makes 0700,
even under the usual umask 022 that would make them readable by every user of the computer."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from acuchart.backup.make import BY_HAND, back_up
from acuchart.backup.places import data_root, default_folder, second_folder
from acuchart.backup.settings import BackupSettings
from acuchart.export.fhir import write_bundle
from acuchart.export.practice_export import export_practice
from acuchart.logs import setup_logging
from acuchart.paths import log_path, photo_store_path
from acuchart.practice import Practice
from acuchart.protection.files import born_private, private_folder, private_umask, replacing
from acuchart.reports import documents
from tests.backup_helpers import charted_practice
from tests.photo_helpers import face_image, photo_session, tagged_jpeg
from tests.records_helpers import client_with_course

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="file modes are POSIX's")


@pytest.fixture(autouse=True)
def everyone_may_read() -> Iterator[None]:
    """The umask most systems start with: without AcuChart's care, files come out 0644, folders 0755."""
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def modes_under(root: Path) -> dict[str, int]:
    """Every file and folder under ``root`` (not ``root`` itself) with its mode."""
    return {str(path.relative_to(root)): mode(path) for path in sorted(root.rglob("*"))}


def assert_private_tree(root: Path) -> None:
    found = modes_under(root)
    assert found  # something was made
    wrong = {
        name: oct(found[name])
        for name in found
        if found[name] != (0o700 if (root / name).is_dir() else 0o600)
    }
    assert wrong == {}


def test_a_new_practice_its_journal_and_lock_are_the_owners_only(tmp_path: Path) -> None:
    folder = tmp_path / "clinic"
    folder.mkdir(mode=0o755)
    path = folder / "practice.acuchart"
    practice = Practice.open(path)
    try:
        client_with_course(practice, "Amelia", "Hartley")
        names = sorted(p.name for p in folder.iterdir())
        assert {"practice.acuchart", "practice.acuchart-wal", "practice.acuchart-shm"} <= set(names)
        assert "practice.acuchart.lock" in names
        assert {name: oct(mode(folder / name)) for name in names} == {name: oct(0o600) for name in names}
    finally:
        practice.close()
    assert mode(folder) == 0o755  # the practitioner's own folder is left as it was


def test_a_practice_made_readable_by_an_older_version_is_made_the_owners_on_opening(tmp_path: Path) -> None:
    path = tmp_path / "practice.acuchart"
    charted_practice(path, clients=1)
    path.chmod(0o644)
    Practice.open(path).close()
    assert mode(path) == 0o600


def test_a_practice_that_cannot_be_opened_leaves_no_file_made_for_it(tmp_path: Path) -> None:
    path = tmp_path / "practice.acuchart"
    with pytest.raises(RuntimeError), born_private(path) as made:
        assert made and mode(path) == 0o600
        raise RuntimeError("the open failed")
    assert not path.exists()


def test_the_folder_acuchart_makes_is_the_owners_and_one_already_there_is_left_alone(tmp_path: Path) -> None:
    mine = tmp_path / "Documents"
    mine.mkdir(mode=0o755)
    made = private_folder(mine / "AcuChart" / "Practice")
    assert (mode(mine), mode(made.parent), mode(made)) == (0o755, 0o700, 0o700)


def test_backups_their_folders_manifests_and_photos_are_the_owners_only(tmp_path: Path) -> None:
    path = tmp_path / "practice.acuchart"
    charted_practice(path, clients=2)
    practice = Practice.open(path)
    try:
        session = photo_session(practice)
        practice.photos.import_bytes(session.id, tagged_jpeg(face_image()), "face.jpg", "front")
    finally:
        practice.close()
    usb = tmp_path / "usb"
    usb.mkdir(mode=0o755)
    report = back_up(path, BY_HAND, settings=BackupSettings(second_place=str(usb)))
    assert report.ok, report.problems
    assert default_folder(path).is_relative_to(data_root())
    assert_private_tree(data_root().parent)  # the app's data folder: backups, their photos, the note
    assert mode(usb) == 0o755  # the place the practitioner chose is theirs
    assert_private_tree(usb)
    assert second_folder(usb, path).is_dir()
    assert_private_tree(photo_store_path(path))


def test_a_saved_pdf_is_the_owners_only(tmp_path: Path) -> None:
    practice = Practice.open(tmp_path / "practice.acuchart")
    try:
        client, _course = client_with_course(practice, "Amelia", "Hartley")
        written = documents.save(
            documents.chart_export(practice, client.id),
            tmp_path / "record.pdf",
            protected=practice.protected_places(),
        )
    finally:
        practice.close()
    assert written.read_bytes().startswith(b"%PDF")
    assert mode(written) == 0o600


def test_exports_a_folder_a_zip_and_a_bundle_are_the_owners_only(tmp_path: Path) -> None:
    path = tmp_path / "practice.acuchart"
    charted_practice(path, clients=1)
    out = tmp_path / "out"
    out.mkdir(mode=0o755)
    practice = Practice.open(path)
    try:
        session = photo_session(practice)
        photo = practice.photos.import_bytes(session.id, tagged_jpeg(face_image()), "a.jpg", "front").value
        other = practice.photos.import_bytes(
            session.id, tagged_jpeg(face_image(shade=40)), "b.jpg", "front"
        ).value
        export_practice(practice, out / "export")
        export_practice(practice, out / "export.zip")
        write_bundle(practice, session.client_id, out / "bundle.json")
        practice.photos.export_pair(photo.photo.id, other.photo.id, "teaching", out / "pair.jpg")
    finally:
        practice.close()
    assert (out / "export" / "photos").is_dir() and (out / "export" / "csv").is_dir()
    assert zipfile.ZipFile(out / "export.zip").namelist()
    assert_private_tree(out)
    assert mode(out) == 0o755


def test_the_log_and_its_folder_are_the_owners_only() -> None:
    logger = logging.getLogger("acuchart")
    kept = list(logger.handlers)
    try:
        path = setup_logging()
        logger.warning("a line that may name a client")
        assert path == log_path() and path.read_text(encoding="utf-8")
        assert (mode(path), mode(path.parent)) == (0o600, 0o700)
    finally:
        for handler in logger.handlers:
            if handler not in kept:
                logger.removeHandler(handler)
                handler.close()


def test_a_file_replaced_whole_is_the_owners_only_and_nothing_else_is_left(tmp_path: Path) -> None:
    target = tmp_path / "note.txt"
    target.write_text("old")
    target.chmod(0o644)
    with replacing(target) as temp:
        temp.write_text("new")
    assert (target.read_text(), mode(target)) == ("new", 0o600)
    with pytest.raises(OSError), replacing(target) as temp:
        temp.write_text("half")
        raise OSError("the disk is full")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["note.txt"]


def test_the_umask_set_at_start_makes_whatever_a_library_writes_private(tmp_path: Path) -> None:
    private_umask()
    (tmp_path / "by a library").write_text("x")
    (tmp_path / "a folder").mkdir()
    assert (mode(tmp_path / "by a library"), mode(tmp_path / "a folder")) == (0o600, 0o700)


def test_the_command_line_writes_a_pdf_and_its_log_for_the_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "practice.acuchart"
    practice = Practice.open(path)
    try:
        client, _course = client_with_course(practice, "Amelia", "Hartley")
    finally:
        practice.close()
    out = tmp_path / "record.pdf"
    result = subprocess.run(
        [sys.executable, "main.py", "--db", str(path), "chart", str(client.id), "-o", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert mode(out) == 0o600
    assert (mode(log_path()), mode(log_path().parent)) == (0o600, 0o700)
