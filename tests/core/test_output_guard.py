"""No output lands on the practice: the practice file, its journal and lock files, or a protected folder,
refused through every spelling of the path (relative, ``..``, a symbolic link, a hard link, ``~``,
another case), while any other place stays allowed."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from acuchart.output_guard import (
    GUARDED_SUFFIXES,
    OutputRefusedError,
    ProtectedPlaces,
    existing_kind,
    protected_places,
    refuse_protected,
)
from acuchart.practice import Practice


@pytest.fixture
def open_practice(tmp_path: Path) -> Iterator[Practice]:
    (tmp_path / "clinic").mkdir()
    opened = Practice.open(tmp_path / "clinic" / "records.acuchart")
    yield opened
    opened.close()


def test_the_practice_names_its_file_and_the_files_beside_it(open_practice: Practice) -> None:
    places = open_practice.protected_places()
    practice = open_practice.path
    assert practice is not None
    assert places.files[0] == practice
    assert {f.name for f in places.files} == {practice.name + s for s in ("", *GUARDED_SUFFIXES)}
    in_memory = Practice.open(":memory:")
    assert in_memory.protected_places() == ProtectedPlaces()
    in_memory.close()


def spellings(practice: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """The practice file under names that are not its own."""
    folder = practice.parent
    (tmp_path / "elsewhere").mkdir()
    link = tmp_path / "elsewhere" / "handout.pdf"
    link.symlink_to(practice)
    folder_link = tmp_path / "shortcut"
    folder_link.symlink_to(folder, target_is_directory=True)
    hard = tmp_path / "elsewhere" / "hard-link.pdf"
    os.link(practice, hard)
    monkeypatch.chdir(folder)
    monkeypatch.setenv("HOME", str(tmp_path))
    return {
        "relative": Path(practice.name),
        "dot-dot": Path("..") / folder.name / practice.name,
        "symbolic link to the file": link,
        "through a linked folder": folder_link / practice.name,
        "hard link": hard,
        "home": Path("~") / "clinic" / practice.name,
        "upper case": folder / practice.name.upper(),
        "journal, not there yet": Path(practice.name + "-journal"),
        "journal in upper case": folder / (practice.name + "-WAL").upper(),
        "lock": folder_link / (practice.name + ".lock"),
    }


def test_every_spelling_of_the_practice_and_its_files_is_refused(
    open_practice: Practice, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    practice = open_practice.path
    assert practice is not None
    places = open_practice.protected_places()
    for how, path in spellings(practice, tmp_path, monkeypatch).items():
        with pytest.raises(OutputRefusedError, match="would destroy the practice's records"):
            refuse_protected(path, places)
            pytest.fail(f"written {how}: {path}")


def test_other_places_beside_the_practice_are_allowed(open_practice: Practice, tmp_path: Path) -> None:
    practice = open_practice.path
    assert practice is not None
    places = open_practice.protected_places()
    for name in ("handout.pdf", practice.stem + ".pdf", practice.name + ".pdf", "records.acuchart-wal.pdf"):
        refuse_protected(practice.parent / name, places)
    refuse_protected(tmp_path / "records.acuchart", places)  # another folder, another file


def test_nothing_may_go_inside_a_protected_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    backups = tmp_path / "Backups"
    (backups / "2026").mkdir(parents=True)
    link = tmp_path / "my backups"
    link.symlink_to(backups, target_is_directory=True)
    places = ProtectedPlaces(files=protected_places(tmp_path / "p.acuchart").files, folders=(backups,))
    monkeypatch.chdir(backups / "2026")
    for path in (
        backups / "x.pdf",
        backups / "2026" / "x.pdf",
        link / "2026" / "x.pdf",
        Path("x.pdf"),
        backups,
    ):
        with pytest.raises(OutputRefusedError, match="keeps the practice's own files"):
            refuse_protected(path, places)
    refuse_protected(tmp_path / "x.pdf", places)


def test_what_is_at_a_place_is_told_apart(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.7\n...")
    (tmp_path / "notes.md").write_text("# notes")
    (tmp_path / "empty.pdf").write_bytes(b"")
    assert existing_kind(tmp_path / "a.pdf") == "pdf"
    assert existing_kind(tmp_path / "notes.md") == "other"
    assert existing_kind(tmp_path / "empty.pdf") == "empty"
    assert existing_kind(tmp_path / "none.pdf") == "none"
    assert existing_kind(tmp_path) == "folder"


def _immutable(path: Path) -> bool:
    """Mark ``path`` immutable (chattr +i, as root on ext4 and the like); False where that is not possible."""
    chattr = shutil.which("chattr")
    if chattr is None or os.geteuid() != 0:
        return False
    return subprocess.run([chattr, "+i", str(path)], capture_output=True).returncode == 0


def test_an_immutable_or_read_only_file_is_blamed_not_its_folder(tmp_path: Path) -> None:
    from acuchart.reports.documents import Document, DocumentWriteError, save

    target = tmp_path / "handout.pdf"
    target.write_bytes(b"%PDF-1.4 yesterday's copy")
    immutable = _immutable(target)
    if not immutable:
        target.chmod(0o444)
    try:
        with pytest.raises(DocumentWriteError) as problem:
            save(Document("handout", "t", "t.pdf", b"%PDF-1.4 new"), target, protected=ProtectedPlaces())
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(target)], check=True)
        target.chmod(0o644)
    assert str(problem.value).startswith(f"{target} is locked against change")
    assert target.read_bytes() == b"%PDF-1.4 yesterday's copy"
