"""Backups from the command line, run as real processes: back up, list, restore, check a damaged file; and a
backup killed half-way (SIGKILL) leaves the practice intact and nothing counted as good."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from acuchart.backup.catalog import GOOD, UNFINISHED, list_aside, list_folder
from acuchart.backup.make import BY_HAND, back_up
from acuchart.backup.places import default_folder
from tests.backup_helpers import (
    add_client,
    charted_practice,
    client_names,
    cut_short,
    digest,
    garbage_in_the_middle,
)

REPO = Path(__file__).resolve().parents[2]


def acuchart(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=REPO, capture_output=True, text=True, timeout=120, input=stdin
    )


@pytest.fixture
def practice_path(tmp_path: Path) -> Path:
    path = tmp_path / "practice.acuchart"
    charted_practice(path)
    return path


def test_backup_then_backups_lists_it_verified(practice_path: Path, tmp_path: Path) -> None:
    made = acuchart("--db", str(practice_path), "backup")
    assert made.returncode == 0, made.stderr
    assert "On this computer: ✓" in made.stdout and "verified: integrity ok" in made.stdout
    listed = acuchart("--db", str(practice_path), "backups")
    assert listed.returncode == 0
    assert "On this computer" in listed.stdout and "1 verified" in listed.stdout
    (line,) = [row for row in listed.stdout.splitlines() if row.strip().startswith("✓")]
    assert "3 clients" in line and "3 sessions" in line and "by hand" in line
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    to = acuchart("--db", str(practice_path), "backup", "--to", str(elsewhere))
    assert to.returncode == 0, to.stderr
    assert sorted(p.suffix for p in elsewhere.iterdir() if not p.name.startswith(".")) == [
        ".acuchart-backup",
        ".json",
    ]


def test_backups_verify_reads_every_backup_through_and_finds_one_damaged_later(practice_path: Path) -> None:
    assert acuchart("--db", str(practice_path), "backup").returncode == 0
    (backup,) = list_folder(default_folder(practice_path))
    garbage_in_the_middle(backup.path)
    quick = acuchart("--db", str(practice_path), "backups")
    assert "✓" in quick.stdout  # listing reads manifests only
    full = acuchart("--db", str(practice_path), "backups", "--verify")
    assert full.returncode == 1
    assert "✗" in full.stdout and "damaged: its contents have changed since it was verified" in full.stdout


def test_restore_asks_first_and_then_brings_the_backup_back(practice_path: Path) -> None:
    assert acuchart("--db", str(practice_path), "backup").returncode == 0
    add_client(practice_path, "After")
    names = client_names(practice_path)
    declined = acuchart("--db", str(practice_path), "restore", "newest", stdin="n\n")
    assert declined.returncode == 1 and "Nothing was changed." in declined.stdout
    assert client_names(practice_path) == names
    done = acuchart("--db", str(practice_path), "restore", "newest", "--yes")
    assert done.returncode == 0, done.stderr
    assert "The practice as it was is kept in the backup" in done.stdout
    assert client_names(practice_path) == names[:-1]
    assert acuchart("--db", str(practice_path), "check").returncode == 0


@pytest.mark.parametrize(
    ("damage", "finding"),
    [
        (lambda p: garbage_in_the_middle(p, at=0.75), "SQLite"),
        (lambda p: cut_short(p, p.stat().st_size // 3), "it was cut short"),
        (lambda p: p.write_bytes(b""), "the file is empty (0 bytes)"),
    ],
    ids=["garbage in the middle", "cut short", "empty"],
)
def test_check_reports_a_damaged_file_and_names_the_newest_backup(
    tmp_path: Path, damage: object, finding: str
) -> None:
    path = tmp_path / "practice.acuchart"
    charted_practice(path, clients=40)
    assert acuchart("--db", str(path), "backup").returncode == 0
    damage(path)  # type: ignore[operator]
    result = acuchart("--db", str(path), "check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "PROBLEMS FOUND" in result.stdout and finding in result.stdout
    assert "The newest verified backup is" in result.stdout and "restore newest" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_a_read_that_meets_damage_is_named_not_unexpected(tmp_path: Path) -> None:
    path = tmp_path / "practice.acuchart"
    charted_practice(path, clients=40)
    conn_pages = path.stat().st_size // 4096
    with path.open("r+b") as handle:  # damage every page after the schema: any read of the clients meets it
        for page in range(30, conn_pages):
            handle.seek(page * 4096)
            handle.write(b"\xff" * 4096)
    result = acuchart("--db", str(path), "clients")
    assert result.returncode == 2, result.stderr
    assert "is damaged" in result.stderr and "something unexpected" not in result.stderr


# A backup run in its own process that stops for good at the named step, so it can be killed there.
BACKUP_UNTIL = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from acuchart.backup.make import BY_HAND, back_up

    def progress(fraction, words):
        # Copying: stop once pages were written (the copy is under its temporary name, not renamed).
        if words.startswith(sys.argv[2]) and (fraction > 0 or not words.startswith("Copying")):
            print(words, flush=True)
            time.sleep(60)

    back_up(Path(sys.argv[1]), BY_HAND, progress=progress)
    """
)


@pytest.mark.slow
@pytest.mark.parametrize("step", ["Copying the practice", "Checking the backup"])
def test_a_backup_killed_half_way_leaves_the_practice_intact_and_nothing_counted(
    practice_path: Path, step: str
) -> None:
    before = digest(practice_path)
    child = subprocess.Popen(
        [sys.executable, "-c", BACKUP_UNTIL, str(practice_path), step],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith(step), child.stderr.read() if child.stderr else line
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=10)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert child.returncode == -signal.SIGKILL
    assert digest(practice_path) == before
    folder = default_folder(practice_path)
    assert not [b for b in list_folder(folder) if b.good]  # nothing half-made counts
    if step.startswith("Checking"):
        assert [b.state for b in list_folder(folder)] == [UNFINISHED]
    else:
        assert [p.name for p in folder.iterdir() if p.name.endswith(".partial")]  # the half-written copy
    check = acuchart("--db", str(practice_path), "check")
    assert check.returncode == 0, check.stdout
    # The next backup tidies up what the killed one left and is good.
    report = back_up(practice_path, BY_HAND)
    assert report.ok
    assert [b.state for b in list_folder(folder)] == [GOOD]
    assert not [p for p in folder.iterdir() if p.name.endswith(".partial")]
    assert len(list_aside(folder)) == (1 if step.startswith("Checking") else 0)
