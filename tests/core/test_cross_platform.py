"""Windows and macOS breaks that would otherwise only show up there: POSIX-only modules imported at
start-up, and the one-copy-per-file lock on Windows."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from acuchart.errors import AlreadyOpenError
from acuchart.practice import Practice
from acuchart.storage.database import FileLock

ROOT = Path(__file__).resolve().parents[2]

POSIX_ONLY = ("fcntl", "pwd", "grp", "termios", "tty", "pty", "resource", "syslog", "crypt", "spwd", "nis")
"""Standard modules that exist on Linux and macOS only (the standard library's own platform internals,
such as ``_posixsubprocess``, are left alone: they have Windows counterparts)."""

IMPORT_EVERYTHING = """
import importlib, json, pkgutil, sys

BLOCKED = set(sys.argv[1].split(","))

class AsOnWindows:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

for name in list(sys.modules):
    if name.split(".")[0] in BLOCKED:
        del sys.modules[name]
sys.meta_path.insert(0, AsOnWindows())
names = ["main"]
for top in ("acuchart", "ui", "acuchart_resources"):
    package = importlib.import_module(top)
    names.append(top)
    names += [found.name for found in pkgutil.walk_packages(package.__path__, top + ".")]
names = [name for name in names if not name.endswith(".__main__")]  # running it would start the app
failed = {}
for name in names:
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed[name] = repr(exc)
print(json.dumps({"imported": names, "failed": failed}))
"""


def test_every_module_imports_without_the_posix_only_modules(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERYTHING, ",".join(POSIX_ONLY)],
        cwd=tmp_path,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.splitlines()[-1])
    assert seen["failed"] == {}
    imported = set(seen["imported"])
    # The walk really went everywhere: the storage layer, the ui's deepest package, the entry point.
    assert {"acuchart.storage.database", "ui.chart.note.tcm_panel", "ui.app", "main"} <= imported
    assert len(imported) > 100


class _FakeMsvcrt(types.ModuleType):
    """``msvcrt.locking`` as Windows behaves, over ``flock``: a lock taken from the file position, and
    ``PermissionError`` at once when another handle holds it."""

    LK_UNLCK = 0
    LK_NBLCK = 2

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.calls: list[tuple[int, int]] = []

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        import fcntl

        position = os.lseek(fd, 0, os.SEEK_CUR)
        self.calls.append((mode, position))
        assert position == 0 and nbytes == 1, "a Windows lock covers the bytes from the file position"
        if mode == self.LK_UNLCK:
            fcntl.flock(fd, fcntl.LOCK_UN)
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise PermissionError(errno.EACCES, "Permission denied") from exc


def test_a_second_copy_is_refused_on_windows_with_the_same_message(
    practice_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = _FakeMsvcrt()
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    first = FileLock(practice_path)
    first.acquire()
    with pytest.raises(
        AlreadyOpenError, match=r"practice\.acuchart is already open in another AcuChart window"
    ):
        FileLock(practice_path).acquire()
    first.release()
    again = FileLock(practice_path)
    again.acquire()  # released means released: the next copy may open it
    again.release()
    modes = [mode for mode, _position in fake.calls]
    assert modes == [fake.LK_NBLCK, fake.LK_NBLCK, fake.LK_UNLCK, fake.LK_NBLCK, fake.LK_UNLCK]


def test_the_lock_file_names_the_copy_that_holds_it(practice_path: Path) -> None:
    practice = Practice.open(practice_path)
    try:
        lock_file = practice_path.with_name(practice_path.name + ".lock")
        assert lock_file.read_text().strip() == str(os.getpid())
        with pytest.raises(AlreadyOpenError):
            Practice.open(practice_path)
    finally:
        practice.close()
