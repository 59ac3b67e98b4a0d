"""Photos at a session: stored whole and clean, bound to photo consent, never lost, never silently changed."""

from __future__ import annotations

import errno
import io
import json
import os
from pathlib import Path

import pytest
from PIL import Image

from acuchart.errors import ValidationError
from acuchart.models import Alignment
from acuchart.paths import photo_store_path
from acuchart.photos.images import PhotoImportError
from acuchart.photos.store import PhotoStoreError, StoredPhoto, sha256_of
from acuchart.practice import Practice
from acuchart.services.photo_consent import PhotoConsentMissingError
from acuchart.services.photos import DuplicatePhotoError
from tests.photo_helpers import (
    MAKER_NOTE,
    OWNER,
    SERIAL,
    face_image,
    jpeg_sized,
    photo_session,
    scan_data,
    tagged_jpeg,
)


def _files(practice: Practice) -> list[Path]:
    folder = practice.photos.files.folder
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def _row_counts(practice: Practice) -> tuple[int, int]:
    return (
        practice.store.scalar("select count(*) from photos"),
        practice.store.scalar("select count(*) from photo_thumbnails"),
    )


def test_photo_with_gps_and_serial_is_stored_without_them_and_its_pixels_untouched(
    practice_file: Practice, tmp_path: Path
) -> None:
    session = photo_session(practice_file)
    original = tagged_jpeg(orientation=6)
    source = tmp_path / "IMG_0042.JPG"
    source.write_bytes(original)

    photo = practice_file.photos.import_file(session.id, source, "front").value

    stored = practice_file.photos.original(photo.photo)
    for secret in (SERIAL.encode(), MAKER_NOTE, OWNER.encode(), b"Acme", b"GPS", b"xmpmeta", b"Home Street"):
        assert secret in original
        assert secret not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert dict(image.getexif()) == {0x0112: 6}  # the orientation, as the only tag
        assert image.getexif().get_ifd(0x8825) == {}
        assert "comment" not in image.info
    assert scan_data(stored) == scan_data(
        original
    )  # not re-encoded: the image data is byte for byte the same
    assert (photo.photo.width, photo.photo.height) == (480, 640)  # as shown, turned by the orientation
    assert photo.photo.taken_at.isoformat() == "2026-03-05T10:12:33"
    assert photo.photo.taken_at_source == "photo"
    assert sha256_of(stored) == photo.photo.sha256
    assert photo_store_path(
        practice_file.path
    ) / f"{photo.photo.sha256[:2]}/{photo.photo.sha256}.jpg" in _files(practice_file)
    thumb = practice_file.photos.thumbnail(photo.photo.id)
    with Image.open(io.BytesIO(thumb)) as image:
        assert max(image.size) == 320 and image.size[1] > image.size[0]  # upright


def test_each_photo_hash_is_in_the_audit_trail_with_its_insert(practice: Practice, tmp_path: Path) -> None:
    session = photo_session(practice)
    photo = practice.photos.import_bytes(session.id, tagged_jpeg(), "a.jpg", "front").value
    entries = practice.store.rows(
        "select action, entity, entity_id, data from audit where entity like 'photo%'"
    )
    inserted = next(e for e in entries if e["entity"] == "photos")
    assert inserted["entity_id"] == photo.photo.id
    assert json.loads(inserted["data"])["sha256"] == photo.photo.sha256
    thumb_entry = next(e for e in entries if e["entity"] == "photo_thumbnails")
    assert len(thumb_entry["data"]) < 200  # a digest of the thumbnail, not its bytes
    assert practice.verify_audit().ok


def test_png_keeps_its_image_and_loses_its_text(practice: Practice) -> None:
    from PIL import PngImagePlugin

    session = photo_session(practice)
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", OWNER)
    info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>GPS 51N</x:xmpmeta>")
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 120, 200)).save(out, "PNG", pnginfo=info)
    photo = practice.photos.import_bytes(
        session.id, out.getvalue(), "scan.png", "close_up", "left cheek"
    ).value
    stored = practice.photos.original(photo.photo)
    assert OWNER.encode() not in stored and b"xmpmeta" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert image.size == (64, 48) and image.getpixel((5, 5)) == (10, 120, 200)
    assert photo.photo.view_label == "Close-up: left cheek"
    assert photo.photo.taken_at_source == "import"


def test_no_photo_without_clinical_photo_consent(practice: Practice) -> None:
    session = photo_session(practice, clinical=False)
    with pytest.raises(PhotoConsentMissingError, match="photo consent"):
        practice.photos.import_bytes(session.id, tagged_jpeg(), "a.jpg", "front")
    assert _row_counts(practice) == (0, 0) and _files(practice) == []
    practice.photo_consent.record(
        session.client_id, {"clinical": True, "marketing": False}, "2026-01-05", "verbal"
    )
    practice.photos.import_bytes(session.id, tagged_jpeg(), "a.jpg", "front")
    assert _row_counts(practice) == (1, 1)


def test_withdrawing_marketing_takes_effect_at_once(practice: Practice) -> None:
    session = photo_session(practice)
    assert practice.photo_consent.may_use(session.client_id, "marketing") == (True, "")
    result = practice.photo_consent.withdraw(session.client_id, "marketing", note="Changed her mind")
    assert result.changes.photos and result.changes.client_id == session.client_id
    allowed, why = practice.photo_consent.may_use(session.client_id, "marketing")
    assert not allowed and "withdrawn" in why
    assert practice.photo_consent.may_use(session.client_id, "clinical") == (True, "")
    with pytest.raises(ValidationError):
        practice.photo_consent.withdraw(session.client_id, "marketing")  # nothing left to withdraw


def test_importing_the_same_photo_twice_is_noticed(practice: Practice) -> None:
    session = photo_session(practice)
    data = tagged_jpeg()
    first = practice.photos.import_bytes(session.id, data, "a.jpg", "front").value
    with pytest.raises(DuplicatePhotoError, match=f"photo {first.photo.id}"):
        practice.photos.import_bytes(session.id, data, "copy of a.jpg", "left_oblique")
    assert _row_counts(practice) == (1, 1) and len(_files(practice)) == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.4 not a photo at all", "not a photo AcuChart can read"),
        (tagged_jpeg()[:-4000], "could not be read as a complete photo"),
        (jpeg_sized(20_000, 10_000), "too large"),
        (b"GIF89a" + bytes(Image.new("P", (8, 8)).tobytes()), "not a photo AcuChart can read|does not store"),
    ],
    ids=["not-an-image", "truncated-jpeg", "200-megapixels", "gif"],
)
def test_bad_files_are_refused_by_name_and_nothing_is_half_stored(
    practice: Practice, data: bytes, message: str
) -> None:
    session = photo_session(practice)
    with pytest.raises(PhotoImportError, match=message) as caught:
        practice.photos.import_bytes(session.id, data, "IMG_7.JPG", "front")
    assert "IMG_7.JPG" in str(caught.value)
    assert _row_counts(practice) == (0, 0) and _files(practice) == []


def test_a_real_gif_is_refused_as_unsupported(practice: Practice) -> None:
    session = photo_session(practice)
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "GIF")
    with pytest.raises(PhotoImportError, match="GIF image, which AcuChart does not store"):
        practice.photos.import_bytes(session.id, out.getvalue(), "anim.gif", "front")


def test_a_file_that_disappears_before_it_is_read(practice: Practice, tmp_path: Path) -> None:
    session = photo_session(practice)
    gone = tmp_path / "IMG_9.HEIC"
    with pytest.raises(PhotoImportError, match=r"IMG_9\.HEIC is no longer in"):
        practice.photos.import_file(session.id, gone, "front")
    assert _row_counts(practice) == (0, 0)


def test_a_full_disk_leaves_no_file_and_no_row(practice: Practice, monkeypatch: pytest.MonkeyPatch) -> None:
    session = photo_session(practice)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(PhotoStoreError, match=r"IMG_1\.JPG was not stored: there is no room left"):
        practice.photos.import_bytes(session.id, tagged_jpeg(), "IMG_1.JPG", "front")
    monkeypatch.undo()
    assert _row_counts(practice) == (0, 0) and _files(practice) == []  # not even the temporary file


def test_a_failed_insert_removes_the_file_written_for_it(
    practice: Practice, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = photo_session(practice)
    from acuchart.storage.store import Writer

    real_insert = Writer.insert

    def failing(self: Writer, table: str, row: dict[str, object], audited: object = None) -> int:
        if table == "photo_thumbnails":
            raise RuntimeError("power cut")
        return real_insert(self, table, row)

    monkeypatch.setattr(Writer, "insert", failing)
    with pytest.raises(RuntimeError):
        practice.photos.import_bytes(session.id, tagged_jpeg(), "a.jpg", "front")
    monkeypatch.undo()
    assert _row_counts(practice) == (0, 0) and _files(practice) == []


def test_a_signed_sessions_photo_is_hidden_with_a_reason_never_deleted(practice: Practice) -> None:
    session = photo_session(practice)
    photo = practice.photos.import_bytes(session.id, tagged_jpeg(), "a.jpg", "front").value
    practice.settings.update(practitioner_name="Dr. Test")
    practice.sessions.set_needles_removed(session.id, 0)
    practice.signing.sign(session.id)
    with pytest.raises(ValidationError, match="say why"):
        practice.photos.remove(photo.photo.id)
    hidden = practice.photos.remove(photo.photo.id, "Wrong client in the frame").value
    assert (
        hidden is not None
        and hidden.photo.hidden
        and hidden.photo.hidden_reason == "Wrong client in the frame"
    )
    assert practice.photos.for_session(session.id) == []
    assert len(practice.photos.for_session(session.id, include_hidden=True)) == 1
    assert len(_files(practice)) == 1  # the original stays
    amendment = practice.signing.amendments_for(session.id)[-1]
    assert (
        amendment.field_label == "Photo hidden from the record"
        and amendment.reason == "Wrong client in the frame"
    )


def test_an_unsigned_sessions_photo_is_removed_with_its_file(practice: Practice) -> None:
    session = photo_session(practice)
    photo = practice.photos.import_bytes(session.id, tagged_jpeg(), "a.jpg", "front").value
    practice.photos.remove(photo.photo.id)
    assert _row_counts(practice) == (0, 0) and _files(practice) == []
    assert practice.verify_audit().ok


def test_alignment_is_stored_and_the_original_never_changes(practice: Practice) -> None:
    session = photo_session(practice)
    photo = practice.photos.import_bytes(session.id, tagged_jpeg(), "a.jpg", "front").value
    before = practice.photos.original(photo.photo)
    aligned = practice.photos.align(photo.photo.id, Alignment(angle=3.5, scale=1.2, dx=0.05, dy=-0.02)).value
    assert aligned.photo.alignment == Alignment(3.5, 1.2, 0.05, -0.02)
    assert practice.photos.original(aligned.photo) == before
    with pytest.raises(ValidationError, match="45 degrees"):
        practice.photos.align(photo.photo.id, Alignment(angle=80))


def test_adding_a_photo_after_signing_is_an_amendment(practice: Practice) -> None:
    session = photo_session(practice)
    practice.settings.update(practitioner_name="Dr. Test")
    practice.sessions.set_needles_removed(session.id, 0)
    practice.signing.sign(session.id)
    result = practice.photos.import_bytes(session.id, tagged_jpeg(), "late.jpg", "front")
    assert result.changes.amendments
    assert practice.signing.amendments_for(session.id)[-1].field_label == "Photo added after signing"


def test_check_reports_a_missing_and_an_altered_photo(practice_path: Path) -> None:
    from acuchart.check import check_file

    practice = Practice.open(practice_path)
    session = photo_session(practice)
    one = practice.photos.import_bytes(session.id, tagged_jpeg(), "one.jpg", "front").value
    two = practice.photos.import_bytes(
        session.id, tagged_jpeg(orientation=3), "two.jpg", "left_profile"
    ).value
    files = practice.photos.files
    practice.close()
    seen: list[tuple[int, int]] = []
    report = check_file(practice_path, lambda done, total: seen.append((done, total)))
    assert report.ok and seen[-1] == (2, 2)
    assert "every photo is present and unchanged (2 checked)" in report.text()

    files.path(StoredPhoto(one.photo.sha256, "jpg")).unlink()
    altered = files.path(StoredPhoto(two.photo.sha256, "jpg"))
    altered.write_bytes(altered.read_bytes()[:-10] + b"0123456789")
    report = check_file(practice_path)
    assert not report.ok
    assert f"photo {one.photo.id} is missing" in report.text()
    assert f"photo {two.photo.id} was changed or damaged" in report.text()


def test_backup_copies_only_what_the_destination_lacks_and_checks_each(
    practice: Practice, tmp_path: Path
) -> None:
    session = photo_session(practice)
    for n in range(3):
        practice.photos.import_bytes(session.id, tagged_jpeg(face_image(shade=10 * n)), f"{n}.jpg", "front")
    files = practice.photos.files
    stored = practice.photos.stored_photos()
    assert sorted(stored) == sorted(files.hashes())
    destination = tmp_path / "backup.photos"
    first = files.copy_missing_to(destination, stored)
    assert len(first.copied) == 3 and first.already_there == 0 and first.problems == ()
    again = files.copy_missing_to(destination, stored)
    assert again.copied == () and again.already_there == 3
    damaged = files.path(stored[0])
    damaged.write_bytes(b"not the photo any more")
    (destination / stored[0].name).unlink()
    report = files.copy_missing_to(destination, stored)
    assert report.copied == () and "no longer matches its hash" in report.problems[0]
    assert not (destination / stored[0].name).exists()


def test_an_iphone_heic_is_stored_upright_as_jpeg_without_its_metadata(practice: Practice) -> None:
    from pillow_heif import register_heif_opener

    register_heif_opener()
    exif = Image.Exif()
    exif[0x010F] = "Acme Phone"
    exif[0x0112] = 6
    exif.get_ifd(0x8769).update({0xA431: SERIAL, 0x9003: "2026:03:05 10:12:33"})
    exif.get_ifd(0x8825).update({1: "N", 2: (51.0, 27.0, 12.5)})
    out = io.BytesIO()
    face_image().save(out, "HEIF", exif=exif.tobytes(), quality=90)
    assert SERIAL.encode() in out.getvalue()
    session = photo_session(practice)
    photo = practice.photos.import_bytes(session.id, out.getvalue(), "IMG_0001.HEIC", "front").value
    stored = practice.photos.original(photo.photo)
    assert photo.photo.extension == "jpg" and stored[:2] == b"\xff\xd8"
    assert SERIAL.encode() not in stored and b"Acme" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert image.size == (480, 640) and dict(image.getexif()) == {}  # turned upright, no tags left
    assert photo.photo.taken_at.isoformat() == "2026-03-05T10:12:33"
