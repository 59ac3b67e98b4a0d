"""The audit trail anchored outside the file (issue 13, item 7), through the real command line.

Someone with the file in hand removes the append-only guard, rewrites an entry, recomputes every later
entry's hash and the head with AcuChart's own function, and puts the guard back: the chain inside the file
verifies. Only a copy of the head kept elsewhere (a backup's manifest, a printed chart export) shows it.
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from acuchart.backup.catalog import list_folder
from acuchart.backup.make import BY_HAND, back_up
from acuchart.backup.places import default_folder
from acuchart.practice import Practice
from tests.audit_helpers import rewrite_trail
from tests.backup_helpers import add_client, charted_practice

REPO = Path(__file__).resolve().parents[2]


def acuchart(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=REPO, capture_output=True, text=True, timeout=120
    )


def entries(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("select max(id) from audit").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def backed_up(tmp_path: Path) -> tuple[Path, str]:
    """A charted practice, written to after its first backup and backed up again; the newer backup's name."""
    path = tmp_path / "practice.acuchart"
    charted_practice(path)
    assert back_up(path, BY_HAND).ok
    add_client(path, "Later")
    made = back_up(path, BY_HAND).made
    assert made is not None
    return path, made.path.name


def test_a_practice_that_matches_its_backups_checks_out(backed_up: tuple[Path, str]) -> None:
    path, newest = backed_up
    result = acuchart("--db", str(path), "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "audit trail matches its anchors outside the file (2 compared" in result.stdout
    assert newest in result.stdout


def test_a_rewritten_entry_and_every_one_after_it_is_named_with_the_backup(
    backed_up: tuple[Path, str],
) -> None:
    path, newest = backed_up
    rewrite_trail(path, entry=3)
    result = acuchart("--db", str(path), "check")
    assert result.returncode == 1, result.stdout
    assert "PROBLEMS FOUND" in result.stdout
    assert "audit trail intact" in result.stdout  # the chain alone verifies: only the anchors see it
    head = entries(path)
    assert (
        f"audit trail rewritten: entry {head:,} is not the entry the backup “{newest}” (On this computer)"
        in (result.stdout)
    )
    assert "the first entry that differs from that backup's copy of the trail is entry 3" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_a_trail_cut_short_behind_a_rewritten_head_is_named(backed_up: tuple[Path, str]) -> None:
    path, newest = backed_up
    head = entries(path)
    rewrite_trail(path, entry=head - 2, keep=head - 1)
    result = acuchart("--db", str(path), "check")
    assert result.returncode == 1, result.stdout
    assert f"recorded {head:,} entries" in result.stdout and f"now holds {head - 1:,}" in result.stdout
    assert newest in result.stdout


def test_a_rewrite_after_the_newest_backup_is_not_seen(backed_up: tuple[Path, str]) -> None:
    path, _ = backed_up
    anchored = entries(path)
    add_client(path, "After the backup")
    rewrite_trail(path, entry=anchored + 1)  # only entries no backup has seen
    result = acuchart("--db", str(path), "check")
    assert result.returncode == 0, result.stdout  # as the README says: nothing outside the file saw them


def test_a_restore_sets_the_older_backups_aside_rather_than_crying_rewrite(
    backed_up: tuple[Path, str],
) -> None:
    path, _ = backed_up
    oldest = list_folder(default_folder(path))[-1]
    restored = acuchart("--db", str(path), "restore", str(oldest.path), "--yes")
    assert restored.returncode == 0, restored.stdout + restored.stderr
    add_client(path, "After the restore")
    assert back_up(path, BY_HAND).ok
    result = acuchart("--db", str(path), "check")
    assert result.returncode == 0, result.stdout
    assert "before the restore recorded at entry" in result.stdout
    rewrite_trail(path, entry=2)
    again = acuchart("--db", str(path), "check")
    assert again.returncode == 1, again.stdout  # the backups since the restore still anchor it
    assert "audit trail rewritten" in again.stdout


def test_the_anchor_printed_on_a_chart_export_catches_a_rewrite_without_any_backup(tmp_path: Path) -> None:
    path = tmp_path / "practice.acuchart"
    charted_practice(path, clients=2)
    practice = Practice.open(path)
    try:
        client_id = int(practice.store.conn.execute("select min(id) from clients").fetchone()[0])
    finally:
        practice.close()
    pdf = tmp_path / "record.pdf"
    exported = acuchart("--db", str(path), "chart", str(client_id), "-o", str(pdf))
    assert exported.returncode == 0, exported.stderr
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    found = re.search(r"check --anchor (\d+:[0-9a-f]{16})", text)
    assert found, text
    printed = found[1]
    assert printed.split(":")[0] == str(entries(path))
    assert acuchart("--db", str(path), "check", "--anchor", printed).returncode == 0
    rewrite_trail(path, entry=1)
    result = acuchart("--db", str(path), "check", "--anchor", printed)
    assert result.returncode == 1, result.stdout
    assert f"is not the entry the printed anchor {printed} recorded" in result.stdout


def test_an_anchor_typed_wrong_is_a_plain_message() -> None:
    result = acuchart("check", "--anchor", "twelve:abc")
    assert result.returncode == 2
    assert "is not an audit anchor" in result.stderr and "Traceback" not in result.stderr
