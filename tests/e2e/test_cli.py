"""The command-line face, run as a real process: help, demo, check, and clear errors without tracebacks."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def acuchart(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=REPO, capture_output=True, text=True, timeout=120
    )


def test_help_lists_the_subcommands() -> None:
    result = acuchart("--help")
    assert result.returncode == 0
    for name in ("demo", "check", "clients"):
        assert name in result.stdout


def test_demo_writes_a_practice_that_passes_check(tmp_path: Path) -> None:
    path = tmp_path / "demo.acuchart"
    result = acuchart("demo", str(path))
    assert result.returncode == 0, result.stderr
    listed = acuchart("--db", str(path), "clients")
    assert len(listed.stdout.splitlines()) >= 12
    check = acuchart("--db", str(path), "check")
    assert check.returncode == 0, check.stdout
    assert "integrity check passed" in check.stdout
    assert "audit trail intact" in check.stdout


def test_demo_never_overwrites_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "precious.acuchart"
    path.write_bytes(b"my only copy")
    result = acuchart("demo", str(path))
    assert result.returncode == 2
    assert "already exists" in result.stderr
    assert path.read_bytes() == b"my only copy"


def test_check_names_a_hand_edited_audit_entry_and_fails(tmp_path: Path) -> None:
    path = tmp_path / "demo.acuchart"
    assert acuchart("demo", str(path)).returncode == 0
    conn = sqlite3.connect(path)
    (entry_id,) = conn.execute(
        "select id from audit where data like '%Hartley%' order by id limit 1"
    ).fetchone()
    conn.execute("drop trigger audit_no_update")  # a tamperer first removes the append-only guard
    conn.execute("update audit set data = replace(data, 'Hartley', 'Hartly') where id = ?", [entry_id])
    conn.commit()
    conn.close()
    result = acuchart("--db", str(path), "check")
    assert result.returncode == 1
    assert f"audit trail broken at entry {entry_id}: entry {entry_id} was changed" in result.stdout


def test_check_reports_a_broken_reference(tmp_path: Path) -> None:
    path = tmp_path / "demo.acuchart"
    assert acuchart("demo", str(path)).returncode == 0
    conn = sqlite3.connect(path)
    conn.execute(
        "insert into consents (client_id, given_on, text_version, method, recorded_at) values (9999, 'x', 'x', 'x', 'x')"
    )
    conn.commit()
    conn.close()
    result = acuchart("--db", str(path), "check")
    assert result.returncode == 1
    assert "consents row" in result.stdout


def test_a_file_that_is_not_a_practice_gets_a_plain_message(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("shopping list")
    for args in (("--db", str(path), "check"), ("--db", str(path), "clients")):
        result = acuchart(*args)
        assert result.returncode == 2
        assert "not an AcuChart practice file" in result.stderr
        assert "Traceback" not in result.stderr + result.stdout
    assert path.read_text() == "shopping list"


def test_a_missing_file_for_check_says_so(tmp_path: Path) -> None:
    result = acuchart("--db", str(tmp_path / "nowhere.acuchart"), "check")
    assert result.returncode == 2
    assert "does not exist" in result.stderr


def test_clients_refuses_a_missing_practice_file_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "typo.acuchart"
    result = acuchart("--db", str(missing), "clients", "")
    assert result.returncode == 2
    assert "There is no practice file" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_search_with_no_match_says_so(tmp_path: Path) -> None:
    path = tmp_path / "demo.acuchart"
    assert acuchart("demo", str(path)).returncode == 0
    result = acuchart("--db", str(path), "clients", "zzyzx")
    assert result.returncode == 0
    assert result.stdout.startswith("No client matches “zzyzx”")


def test_a_lot_recall_lists_every_client_and_session_that_used_it(tmp_path: Path) -> None:
    from acuchart.practice import Practice
    from acuchart.services.clients import ClientForm

    path = tmp_path / "practice.acuchart"
    practice = Practice.open(path)
    practice.needle_lots.open_lot("Seirin J-type", "0.16", "15 mm", "21A-0455")
    client = practice.clients.create(
        ClientForm(first_name="Mei", last_name="Lin", phone="07700 916226")
    ).value
    session = practice.sessions.create(client.id, consent_override="Verbal consent, form to follow").value
    practice.close()
    found = acuchart("--db", str(path), "lot", "21a 0455")
    assert found.returncode == 0, found.stderr
    assert "1 session used Seirin J-type 0.16 × 15 mm, lot 21A-0455" in found.stdout
    assert f"session {session.id}" in found.stdout and "Mei Lin  07700 916226" in found.stdout
    missing = acuchart("--db", str(path), "lot", "XYZ")
    assert missing.returncode == 0 and "No session used a needle lot matching 'XYZ'" in missing.stdout
