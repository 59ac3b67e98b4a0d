"""Printing from the command line, as real processes: every document, and plain errors without leftovers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from acuchart.practice import Practice
from tests.core.reports.pdfcheck import ink_fraction, rendered_pages, text
from tests.documents_helpers import CLIENT_NAME, Charted, chart_client
from tests.e2e.test_cli import REPO, acuchart


def subprocess_in(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``main.py`` run from ``folder``, so that relative paths are taken from there."""
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def charted_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Charted]:
    path = tmp_path_factory.mktemp("practice") / "lotus.acuchart"
    practice = Practice.open(path)
    try:
        charted = chart_client(practice)
    finally:
        practice.close()
    return path, charted


def documents_for(charted: Charted) -> dict[str, tuple[int, tuple[str, ...]]]:
    """Each subcommand, the id it takes, and words its PDF must hold."""
    return {
        "handout": (
            charted.session_ids[-1],
            ("Under the left eye", "Bruising (mild)", "3 of 10", "11 March 2025"),
        ),
        "summary": (charted.client_id, ("Your course so far", "How you rated your concerns", "Redness")),
        "chart": (
            charted.client_id,
            ("Clinical record", "Amendments after signing", "Audit trail", "Intact"),
        ),
        "consent": (charted.client_id, ("Consent to cosmetic acupuncture", "Version 2026-1")),
    }


@pytest.mark.parametrize("name", ["handout", "summary", "chart", "consent"])
def test_each_document_is_written_read_back_and_rendered(
    name: str, charted_file: tuple[Path, Charted], tmp_path: Path
) -> None:
    db, charted = charted_file
    number, expected = documents_for(charted)[name]
    out = tmp_path / f"{name}.pdf"
    result = acuchart("--db", str(db), name, str(number), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout
    pdf = out.read_bytes()
    words = text(pdf)
    assert CLIENT_NAME in words
    for phrase in expected:
        assert phrase in words, phrase
    pages = rendered_pages(pdf, scale=0.4)
    assert len(pages) == len(PdfReader(out).pages) >= 1
    assert all(ink_fraction(page) > 0.02 for page in pages)
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_db_may_follow_the_subcommand(charted_file: tuple[Path, Charted], tmp_path: Path) -> None:
    db, charted = charted_file
    out = tmp_path / "handout.pdf"
    result = acuchart("handout", str(charted.session_ids[0]), "-o", str(out), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert len(pdfium.PdfDocument(out.read_bytes())) >= 1


@pytest.mark.parametrize(
    ("name", "what"), [("handout", "session"), ("chart", "client"), ("summary", "client")]
)
def test_an_unknown_id_is_a_plain_message_and_no_file(
    name: str, what: str, charted_file: tuple[Path, Charted], tmp_path: Path
) -> None:
    db, _ = charted_file
    out = tmp_path / "x.pdf"
    result = acuchart("--db", str(db), name, "9999", "-o", str(out))
    assert result.returncode == 2
    assert f"No {what} with id 9999" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_an_unwritable_place_is_a_plain_message_and_no_file(
    charted_file: tuple[Path, Charted], tmp_path: Path
) -> None:
    db, charted = charted_file
    (tmp_path / "notes.txt").write_text("not a folder")
    for out, message in (
        (tmp_path / "missing" / "handout.pdf", "does not exist"),
        (tmp_path / "notes.txt" / "handout.pdf", "is a file, not a folder"),
    ):
        result = acuchart("--db", str(db), "handout", str(charted.session_ids[0]), "-o", str(out))
        assert result.returncode == 2, result.stdout
        assert message in result.stderr and "Nothing was saved" in result.stderr
        assert "Traceback" not in result.stderr
        assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_read_only_folder_is_refused_and_left_empty(
    charted_file: tuple[Path, Charted], tmp_path: Path
) -> None:
    db, charted = charted_file
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = acuchart(
            "--db", str(db), "consent", str(charted.client_id), "-o", str(folder / "consent.pdf")
        )
        assert result.returncode == 2
        assert "may not write" in result.stderr
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_a_missing_practice_file_is_not_created(tmp_path: Path) -> None:
    db = tmp_path / "typo.acuchart"
    result = acuchart("--db", str(db), "consent", "1", "-o", str(tmp_path / "consent.pdf"))
    assert result.returncode == 2
    assert "There is no practice file" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_document_is_never_written_over_the_practice(tmp_path: Path) -> None:
    db = tmp_path / "clinic.acuchart"
    practice = Practice.open(db)
    try:
        charted = chart_client(practice)
    finally:
        practice.close()
    before = db.read_bytes()
    (tmp_path / "handout.pdf").symlink_to(db)
    for out in (
        str(db),
        "clinic.acuchart",
        str(tmp_path / "handout.pdf"),
        str(tmp_path / "CLINIC.acuchart-wal"),
    ):
        result = subprocess_in(
            tmp_path, "--db", str(db), "handout", str(charted.session_ids[0]), "-o", out, "--force"
        )
        assert result.returncode == 2, (out, result.stdout)
        assert "would destroy the practice's records" in result.stderr
        assert "Traceback" not in result.stderr
    assert db.read_bytes() == before
    assert acuchart("--db", str(db), "check").returncode == 0


def test_a_file_that_is_not_a_pdf_is_replaced_only_with_force(
    charted_file: tuple[Path, Charted], tmp_path: Path
) -> None:
    db, charted = charted_file
    notes = tmp_path / "notes.md"
    notes.write_text("# Tuesday\n")
    result = acuchart("--db", str(db), "consent", str(charted.client_id), "-o", str(notes))
    assert result.returncode == 2
    assert "is not a PDF" in result.stderr and "--force" in result.stderr
    assert notes.read_text() == "# Tuesday\n"
    result = acuchart("--db", str(db), "consent", str(charted.client_id), "-o", str(notes), "--force")
    assert result.returncode == 0, result.stderr
    assert notes.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("handout", "99999999999999999999999"), "No session with id 99999999999999999999999"),
        (("chart", "-99999999999999999999999"), "No client with id -99999999999999999999999"),
        (
            ("summary", "1", "--course", "99999999999999999999999"),
            "No course with id 99999999999999999999999",
        ),
    ],
)
def test_an_id_beyond_any_record_is_simply_not_found(
    args: tuple[str, ...], message: str, charted_file: tuple[Path, Charted], tmp_path: Path
) -> None:
    db, _ = charted_file
    result = acuchart("--db", str(db), *args, "-o", str(tmp_path / "x.pdf"))
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert "unexpected" not in result.stderr
    assert list(tmp_path.iterdir()) == []
