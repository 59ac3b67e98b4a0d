"""Saving a document: all or nothing, with a plain message when the place cannot be written."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from acuchart.output_guard import OutputRefusedError, ProtectedPlaces, protected_places
from acuchart.reports import documents
from acuchart.reports.documents import Document, DocumentWriteError, NotAPdfError, safe_file_name

PDF = b"%PDF-1.4\n% a tiny stand-in\n%%EOF\n"
OLD_PDF = b"%PDF-1.4\n% the copy saved yesterday\n%%EOF\n"


def document(pdf: bytes = PDF) -> Document:
    return Document("handout", "Session handout: Zoë", "Handout Zoë.pdf", pdf)


NOTHING_PROTECTED = ProtectedPlaces()


def save(made: Document, target: Path, places: ProtectedPlaces = NOTHING_PROTECTED, **options: bool) -> Path:
    return documents.save(made, target, protected=places, **options)


def test_saving_writes_the_pdf_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "handout.pdf"
    assert save(document(), target) == target
    assert target.read_bytes() == PDF
    assert [p.name for p in tmp_path.iterdir()] == ["handout.pdf"]
    assert target.stat().st_mode & 0o777 == 0o600  # a client's record on paper: the owner's only


def test_saving_over_an_old_copy_replaces_it_whole(tmp_path: Path) -> None:
    target = tmp_path / "handout.pdf"
    target.write_bytes(OLD_PDF)
    save(document(), target)
    assert target.read_bytes() == PDF


def test_a_file_that_is_not_a_pdf_is_left_alone_unless_replacing_it_was_asked_for(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes to self\n")
    with pytest.raises(NotAPdfError, match="is not a PDF"):
        save(document(), notes)
    assert notes.read_text() == "# Notes to self\n"
    save(document(), notes, replace_other=True)
    assert notes.read_bytes() == PDF


def test_nothing_is_written_over_the_practice_file(tmp_path: Path) -> None:
    practice = tmp_path / "records.acuchart"
    practice.write_bytes(b"SQLite format 3\x00 the records")
    with pytest.raises(OutputRefusedError, match=r"practice file records\.acuchart"):
        save(document(), practice, protected_places(practice), replace_other=True)
    assert practice.read_bytes() == b"SQLite format 3\x00 the records"


def test_a_locked_file_is_blamed_not_its_folder(tmp_path: Path) -> None:
    target = tmp_path / "handout.pdf"
    target.write_bytes(OLD_PDF)
    target.chmod(0o444)
    try:
        with pytest.raises(DocumentWriteError) as problem:
            save(document(), target)
    finally:
        target.chmod(0o644)
    assert f"{target} is locked against change" in str(problem.value)
    assert "may not write to" not in str(problem.value)
    assert target.read_bytes() == OLD_PDF


def test_a_missing_folder_is_named_and_nothing_is_written(tmp_path: Path) -> None:
    with pytest.raises(DocumentWriteError, match="does not exist") as problem:
        save(document(), tmp_path / "no such folder" / "handout.pdf")
    assert "Nothing was saved" in str(problem.value)
    assert list(tmp_path.iterdir()) == []


def test_a_file_where_a_folder_should_be_is_named(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(DocumentWriteError, match="is a file, not a folder"):
        save(document(), tmp_path / "notes.txt" / "handout.pdf")


def test_a_folder_given_as_the_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DocumentWriteError, match="is a folder"):
        save(document(), tmp_path)


def test_a_write_that_fails_part_way_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "handout.pdf"
    target.write_bytes(OLD_PDF)

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(DocumentWriteError, match="no room left"):
        save(document(), target)
    assert target.read_bytes() == OLD_PDF
    assert [p.name for p in tmp_path.iterdir()] == ["handout.pdf"]


def test_a_read_only_folder_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(DocumentWriteError, match="may not write"):
            save(document(), folder / "handout.pdf")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_file_names_are_safe_on_every_system() -> None:
    assert (
        safe_file_name("Handout", "Zoë Lefèvre/Ørsted", "2025-03-11")
        == "Handout Zoë Lefèvre Ørsted 2025-03-11.pdf"
    )
    assert safe_file_name("Consent form", 'A: "B"?') == "Consent form A B.pdf"
    assert safe_file_name("", "  ") == "AcuChart document.pdf"
