"""Backups carry the photos: each place gets every original once (only new ones are copied), the manifest
lists the photos the backup covers, and a restore brings back the photos of the backup's moment."""

from __future__ import annotations

from pathlib import Path

from acuchart.backup.catalog import list_backups
from acuchart.backup.make import BY_HAND, back_up
from acuchart.backup.photos import damaged_photos, place_photos
from acuchart.backup.places import default_folder, second_folder
from acuchart.backup.restore import restore
from acuchart.backup.settings import BackupSettings
from acuchart.paths import photo_store_path
from acuchart.photos.store import PhotoStore, StoredPhoto
from acuchart.practice import Practice
from tests.photo_helpers import face_image, photo_session, tagged_jpeg


def _photographed(path: Path, shades: tuple[int, ...]) -> list[str]:
    """Open the practice, add a photo per shade to one session, close it; the photos' hashes."""
    practice = Practice.open(path)
    try:
        session = photo_session(practice) if not practice.clients.count() else None
        session_id = (
            session.id if session is not None else practice.store.scalar("select max(id) from sessions")
        )
        return [
            practice.photos.import_bytes(
                session_id, tagged_jpeg(face_image(shade=shade)), f"{shade}.jpg", "front"
            ).value.photo.sha256
            for shade in shades
        ]
    finally:
        practice.close()


def test_a_backup_carries_its_photos_and_copies_each_only_once(tmp_path: Path) -> None:
    path = tmp_path / "practice.acuchart"
    usb = tmp_path / "usb"
    usb.mkdir()
    settings = BackupSettings(second_place=str(usb))
    first = _photographed(path, (0,))
    report = back_up(path, BY_HAND, settings=settings)
    assert report.ok, report.problems
    here = place_photos(default_folder(path))
    there = place_photos(second_folder(usb, path))
    (photo,) = [p for p in PhotoStore(here).hashes()]
    assert [p.sha256 for p in PhotoStore(there).hashes()] == first == [photo.sha256]
    for outcome in report.outcomes:
        assert outcome.backup is not None and outcome.backup.manifest is not None
        assert outcome.backup.manifest.photos == {first[0]: "jpg"}
        assert outcome.backup.manifest.checks.get("photos", "1 of 1").startswith("1 of 1")
    copied_once = PhotoStore(here).path(photo).stat().st_ino
    second = _photographed(path, (40,))
    again = back_up(path, BY_HAND, settings=settings)
    assert again.ok
    assert PhotoStore(here).path(photo).stat().st_ino == copied_once  # the first photo was not copied again
    assert {p.sha256 for p in PhotoStore(here).hashes()} == {*first, *second}
    newest = list_backups(path, settings)[0]
    assert newest.manifest is not None and set(newest.manifest.photos) == {*first, *second}
    assert damaged_photos(newest.path, newest.manifest.photos) == []


def test_restoring_brings_back_the_photos_of_the_backups_moment(tmp_path: Path) -> None:
    path = tmp_path / "practice.acuchart"
    shas = _photographed(path, (0, 30))
    made = back_up(path, BY_HAND).made
    assert made is not None
    new_home = tmp_path / "new laptop" / "practice.acuchart"  # the old laptop, and its photo folder, are gone
    new_home.parent.mkdir()
    report = restore(new_home, made.path)
    assert report.photo_problems == ()
    restored = PhotoStore(photo_store_path(new_home))
    assert all(restored.verify(StoredPhoto(sha, "jpg")) == "ok" for sha in shas)
    practice = Practice.open(new_home)
    try:
        assert practice.photos.check().ok
    finally:
        practice.close()


def test_a_photo_missing_from_the_practice_is_said_and_the_record_is_still_backed_up(tmp_path: Path) -> None:
    path = tmp_path / "practice.acuchart"
    (sha,) = _photographed(path, (0,))
    PhotoStore(photo_store_path(path)).path(StoredPhoto(sha, "jpg")).unlink()
    report = back_up(path, BY_HAND)
    assert report.made is not None and report.made.manifest is not None  # the clinical record is backed up
    assert report.made.manifest.photos == {}
    (problem,) = report.problems
    assert "is good, but 1 photo could not be copied with it" in problem and sha[:2] in problem
