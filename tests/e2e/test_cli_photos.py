"""``photo-import`` and ``photos`` as real processes: good files stored, bad ones named, nothing half-stored."""

from __future__ import annotations

from pathlib import Path

from acuchart.practice import Practice
from tests.e2e.test_cli import acuchart
from tests.photo_helpers import face_image, photo_session, tagged_jpeg


def test_import_two_photos_skip_a_bad_one_and_list_them_with_their_hashes(tmp_path: Path) -> None:
    db = tmp_path / "practice.acuchart"
    practice = Practice.open(db)
    session = photo_session(practice)
    practice.close()
    good = [tmp_path / "IMG_1.JPG", tmp_path / "IMG_2.JPG"]
    good[0].write_bytes(tagged_jpeg())
    good[1].write_bytes(tagged_jpeg(face_image(shade=40)))
    bad = tmp_path / "notes.jpg"
    bad.write_text("not a photo")

    result = acuchart(
        "--db",
        str(db),
        "photo-import",
        str(session.id),
        str(good[0]),
        str(bad),
        str(good[1]),
        "--view",
        "front",
    )
    assert result.returncode == 2
    assert "notes.jpg is not a photo AcuChart can read" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stdout.splitlines()) == 2

    listed = acuchart("--db", str(db), "photos", str(session.client_id))
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert len(lines) == 2 and all("front" in line and f"session {session.id}" in line for line in lines)
    assert all(len(line.split()[-1]) == 64 for line in lines)
    check = acuchart("--db", str(db), "check")
    assert check.returncode == 0 and "every photo is present and unchanged (2 checked)" in check.stdout

    again = acuchart("--db", str(db), "photo-import", str(session.id), str(good[0]), "--view", "front")
    assert again.returncode == 2 and "already stored" in again.stderr


def test_import_without_photo_consent_is_refused_in_plain_words(tmp_path: Path) -> None:
    db = tmp_path / "practice.acuchart"
    practice = Practice.open(db)
    session = photo_session(practice, clinical=False)
    practice.close()
    photo = tmp_path / "IMG_1.JPG"
    photo.write_bytes(tagged_jpeg())
    result = acuchart("--db", str(db), "photo-import", str(session.id), str(photo), "--view", "front")
    assert result.returncode == 2
    assert "No photo can be stored" in result.stderr and "photo consent" in result.stderr
