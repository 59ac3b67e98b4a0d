"""The audit trail: append-only, chained by hashes, so any hand edit of the file is caught and named."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from acuchart.check import check_file
from acuchart.practice import Practice
from acuchart.storage.audit import HEAD_KEY, entry_hash, verify_file
from main import main
from tests.records_helpers import chart_session, client_with_course, clock_at

SEP_1 = dt.datetime(2026, 9, 1, 10, 0)


@pytest.fixture
def charted_file(practice_path: Path) -> Path:
    """A practice file with a client, consent, a course, a signed and amended session, then closed."""
    practice = Practice.open(practice_path)
    try:
        client, course = client_with_course(practice)
        with clock_at(SEP_1):
            session = chart_session(practice, client.id, course.id, SEP_1)
            practice.ratings.set_rating(session.id, "wrinkles", 7)
            practice.signing.sign(session.id)
            practice.signing.amend(session.id, "ratings", None, "wrinkles", 6, "Client corrected it")
    finally:
        practice.close()
    return practice_path


def tamper(path: Path, *statements: str) -> None:
    """Edit the file the way someone with an SQLite tool would: remove the guard, then change the trail."""
    conn = sqlite3.connect(path)
    conn.execute("drop trigger if exists audit_no_update")
    conn.execute("drop trigger if exists audit_no_delete")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def entries(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("select count(*) from audit").fetchone()[0])
    finally:
        conn.close()


def check_says(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Run ``main.py check`` in this process and return its exit code and what it printed."""
    code = main(["--db", str(path), "check"])
    return code, capsys.readouterr().out


def test_an_untouched_trail_passes_the_check(charted_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = check_says(charted_file, capsys)
    assert code == 0, out
    assert f"audit trail intact ({entries(charted_file)} entries)" in out


def test_the_app_itself_cannot_change_or_remove_an_entry(charted_file: Path) -> None:
    conn = sqlite3.connect(charted_file)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("update audit set actor = 'someone else' where id = 2")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("delete from audit where id = 2")
    finally:
        conn.close()


TAMPERING: list[tuple[str, Callable[[int], list[str]], Callable[[int], int], str]] = [
    (
        "an edited entry",
        lambda n: ["update audit set data = data || ' ' where id = 3"],
        lambda n: 3,
        "entry 3 was changed after it was written",
    ),
    (
        "a deleted entry",
        lambda n: ["delete from audit where id = 5"],
        lambda n: 6,
        "entry 5 is missing",
    ),
    (
        "two swapped entries",
        lambda n: [
            "update audit set id = -1 where id = 7",
            "update audit set id = 7 where id = 8",
            "update audit set id = 8 where id = -1",
        ],
        lambda n: 7,
        "entry 7 does not follow the entry before it",
    ),
    (
        "a truncated tail",
        lambda n: [f"delete from audit where id > {n - 3}"],
        lambda n: n - 2,
        "entries were removed",
    ),
    (
        "a removed head",
        lambda n: [f"delete from settings where key = '{HEAD_KEY}'"],
        lambda n: n + 1,
        "how long the trail is was removed",
    ),
    (
        "a wiped trail and head",
        lambda n: ["delete from audit", f"delete from settings where key = '{HEAD_KEY}'"],
        lambda n: 1,
        "how long the trail is was removed",
    ),
]


@pytest.mark.parametrize(
    ("what", "statements", "broken_at", "problem"), TAMPERING, ids=[t[0] for t in TAMPERING]
)
def test_check_names_the_first_broken_entry_and_fails(
    charted_file: Path,
    capsys: pytest.CaptureFixture[str],
    what: str,
    statements: Callable[[int], list[str]],
    broken_at: Callable[[int], int],
    problem: str,
) -> None:
    n = entries(charted_file)
    tamper(charted_file, *statements(n))
    report = verify_file(charted_file)
    assert report.first_broken == broken_at(n), report
    assert problem in report.problem
    code, out = check_says(charted_file, capsys)
    assert code == 1
    assert f"audit trail broken at entry {broken_at(n)}: " in out
    assert "append-only guard was removed" in out


def test_an_entry_forged_at_the_end_with_a_valid_hash_is_caught_by_the_head(charted_file: Path) -> None:
    n = entries(charted_file)
    conn = sqlite3.connect(charted_file)
    last_hash = conn.execute("select hash from audit where id = ?", [n]).fetchone()[0]
    conn.close()
    forged = [last_hash, n + 1, "2026-09-02T09:00:00", "Mallory", "update", "clients", 1, "{}"]
    digest = entry_hash(*forged)  # type: ignore[arg-type]
    tamper(
        charted_file,
        "insert into audit (prev_hash, id, at, actor, action, entity, entity_id, data, hash) values "
        + "("
        + ", ".join(repr(v) for v in [*forged, digest])
        + ")",
    )
    report = verify_file(charted_file)
    assert report.first_broken == n + 1
    assert report.problem == f"entries after entry {n} were added outside AcuChart"


def test_the_open_practice_reports_a_broken_trail_too(charted_file: Path) -> None:
    tamper(charted_file, "update audit set actor = 'Mallory' where id = 4")
    practice = Practice.open(charted_file)
    try:
        report = practice.verify_audit()
        assert (report.ok, report.first_broken) == (False, 4)
    finally:
        practice.close()


def test_a_new_empty_practice_file_has_an_intact_empty_trail(practice_path: Path) -> None:
    Practice.open(practice_path).close()
    report = check_file(practice_path)
    assert report.ok, report.text()
    assert "audit trail intact (0 entries)" in report.text()


def test_a_removed_guard_alone_is_reported_by_the_app_and_the_check(
    charted_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tamper(charted_file)  # only the guard goes; every entry stays as written
    report = verify_file(charted_file)
    assert report.first_broken is None and report.guard_removed and not report.ok
    assert report.summary.startswith("The audit trail's append-only guard was removed")
    code, out = check_says(charted_file, capsys)
    assert code == 1
    assert "append-only guard was removed" in out
