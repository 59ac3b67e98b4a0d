"""Storage faults reach the practitioner by name: a full disk, a damaged, empty or cut-short file. The
file is never written to when it is damaged, and nothing is half-saved when the disk is full."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from acuchart.errors import DamagedFileError, DiskFullError
from acuchart.practice import Practice
from acuchart.services.clients import ClientForm
from tests.backup_helpers import charted_practice, cut_short, digest

REPO = Path(__file__).resolve().parents[2]


def test_an_empty_practice_file_is_called_empty_not_turned_into_a_new_practice(tmp_path: Path) -> None:
    path = tmp_path / "practice.acuchart"
    path.write_bytes(b"")
    with pytest.raises(DamagedFileError, match="it is empty: 0 bytes"):
        Practice.open(path)
    assert path.read_bytes() == b""
    assert not path.with_name("practice.acuchart-wal").exists()


def test_a_practice_file_cut_short_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "practice.acuchart"
    charted_practice(path)
    cut_short(path, path.stat().st_size // 2)
    before = digest(path)
    with pytest.raises(DamagedFileError, match="it was cut short: it holds"):
        Practice.open(path)
    assert digest(path) == before


def test_a_full_disk_while_saving_is_named_and_nothing_is_half_saved(tmp_path: Path) -> None:
    path = tmp_path / "practice.acuchart"
    charted_practice(path)
    practice = Practice.open(path)
    try:
        pages = practice.store.scalar("PRAGMA page_count")
        practice.store.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "disk is full"
        entries = practice.verify_audit().entries
        with pytest.raises(DiskFullError, match=r"is full, so this change was not saved\. Nothing was lost"):
            practice.clients.create(ClientForm(first_name="Full", last_name="Disk", skin_notes="x" * 15_000))
        assert practice.clients.count() == 3 and practice.verify_audit().entries == entries
    finally:
        practice.close()


def test_the_lock_is_released_when_the_disk_refuses_the_lock_file(tmp_path: Path) -> None:
    path = tmp_path / "practice.acuchart"
    charted_practice(path)
    path.with_name("practice.acuchart.lock").unlink()
    # The process may not grow any file (the kernel refuses as it would a full disk), then may again.
    script = textwrap.dedent(
        """
        import json, resource, signal, sys
        from acuchart.errors import StoreError
        from acuchart.storage.database import FileLock
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, hard))
        lock = FileLock(__import__("pathlib").Path(sys.argv[1]))
        try:
            lock.acquire()
            found = "taken"
        except StoreError as exc:
            found = [type(exc).__name__, str(exc)]
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        FileLock(lock.path.with_name(lock.path.name.removesuffix(".lock"))).acquire()  # free: taken at once
        print(json.dumps(found))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(path)], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    kind, message = json.loads(result.stdout)
    assert kind == "DiskFullError"
    assert "while taking the lock file practice.acuchart.lock" in message and "Traceback" not in message


FULL_DISK = textwrap.dedent(
    """
    import json, os, sys
    from pathlib import Path
    from acuchart.backup.make import BY_HAND, back_up
    from acuchart.errors import StoreError
    from acuchart.practice import Practice
    from acuchart.services.clients import ClientForm
    from acuchart.storage.database import FileLock

    disk, found = Path(sys.argv[1]), {}
    path = disk / "practice.acuchart"

    def fill(name):
        fd = os.open(disk / name, os.O_WRONLY | os.O_CREAT)
        try:
            while True:
                os.write(fd, b"\\0" * 4096)
        except OSError:
            pass
        os.close(fd)

    def attempt(key, action):
        try:
            action()
            found[key] = "ok"
        except StoreError as exc:
            found[key] = [type(exc).__name__, str(exc)]

    practice = Practice.open(path)
    for number in range(5):
        practice.clients.create(ClientForm(first_name="Client", last_name=str(number)))
    fill("filler1")  # the disk fills up while the practice is open
    attempt("write", lambda: practice.clients.create(ClientForm(first_name="F", last_name="D", skin_notes="x" * 15000)))
    found["clients"] = practice.clients.count()
    practice.close()
    fill("filler2")
    report = back_up(path, BY_HAND, to=disk)
    found["backup"] = report.problems
    found["backup_files"] = sorted(p.name for p in disk.iterdir() if "backup" in p.name and not p.name.endswith(".lock"))
    (disk / "practice.acuchart.lock").unlink()
    fill("filler3")
    attempt("lock", lambda: FileLock(path).acquire())
    for name in ("filler1", "filler2", "filler3"):
        os.unlink(disk / name)
    attempt("reopen", lambda: Practice.open(path).close())
    print(json.dumps(found))
    """
)


def _private_small_disk_runs() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "true"], capture_output=True, timeout=30
    )
    return probe.returncode == 0


@pytest.mark.skipif(
    not _private_small_disk_runs(),
    reason="no unprivileged mount namespace on this machine to mount a real small disk; the SQLITE_FULL "
    "paths are covered by the max_page_count and RLIMIT_FSIZE tests above",
)
def test_on_a_real_full_disk_every_failure_is_named_and_the_practice_survives(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    script = tmp_path / "full_disk.py"
    script.write_text(FULL_DISK)
    command = f"mount -t tmpfs -o size=2m tmpfs '{disk}' && '{sys.executable}' '{script}' '{disk}'"
    result = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", command],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["write"][0] == "DiskFullError" and "Nothing was lost" in found["write"][1]
    assert found["clients"] == 5
    (problem,) = found["backup"]
    assert "is full, so the backup was not made there. The practice is untouched" in problem
    assert found["backup_files"] == []  # no half-made backup left behind
    assert found["lock"][0] == "DiskFullError"
    assert found["reopen"] == "ok"  # the lock was released and the file is intact


def test_damage_in_the_first_pages_read_is_named_at_opening_and_the_file_is_left_untouched(
    tmp_path: Path,
) -> None:
    """A practice whose settings page was overwritten (the first table opening reads) is refused as damaged,
    never with a raw SQLite error, and the lock is let go so the recovery can move it aside."""
    import hashlib

    from acuchart.demo import write_demo

    path = tmp_path / "practice.acuchart"
    write_demo(path)
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("select rootpage from sqlite_master where name = 'settings'").fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xde\xad\xbe\xef" * (page_size // 4))
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(DamagedFileError, match="damaged"):
        Practice.open(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    with pytest.raises(DamagedFileError):  # and again: the first attempt let go of the lock
        Practice.open(path)
