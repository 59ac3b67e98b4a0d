"""Copying and flushing backup files, and the lock that lets one backup at a time into a folder.

Files written whole (a manifest, a note) go through :func:`acuchart.protection.files.replacing`, like
every file AcuChart writes; what is here is what only backups need."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from acuchart.errors import BackupBusyError
from acuchart.i18n import _
from acuchart.protection.files import create_private
from acuchart.storage.database import lock_without_waiting, unlock


def forget_cached(path: Path) -> None:
    """Ask the system to drop its cached copy of a synced file, so the next read comes from the disk itself
    (checking a copy on a USB drive then checks what the drive holds, not what memory remembers)."""
    if hasattr(os, "posix_fadvise"):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


FLUSH_EVERY = 8 << 20
"""Bytes written between flushes while copying: the disk gets a backup a little at a time, so a change
saved at the chair meanwhile is not synced behind a hundred megabytes of backup."""


_sync_data = getattr(os, "fdatasync", os.fsync)
"""Flush a file's data (and only the metadata needed to read it back) where the system can; all of it elsewhere."""


class StepFlush:
    """Flushes a file being written by someone else (SQLite) to the disk, step by step."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._fd: int | None = None

    def flush(self) -> None:
        """Write what is in the file so far to the disk (opens it on the first call, once it exists)."""
        if sys.platform == "win32":
            return  # Windows flushes only through a handle open for writing; the finished copy is flushed whole
        if self._fd is None:
            if not self._path.exists():
                return
            self._fd = os.open(self._path, os.O_RDONLY)
        _sync_data(self._fd)

    def close(self) -> None:
        """Stop flushing."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def copy_synced(source: Path, target: Path, chunk: int = 1 << 20) -> None:
    """Copy ``source`` to the new, owner-only file ``target``, flushing as it goes, and flush it to the disk."""
    with source.open("rb") as reading, create_private(target) as writing:
        written = 0
        while block := reading.read(chunk):
            writing.write(block)
            written += len(block)
            if written % FLUSH_EVERY < chunk:
                writing.flush()
                _sync_data(writing.fileno())
        writing.flush()
        os.fsync(writing.fileno())


@contextlib.contextmanager
def folder_lock(folder: Path, what: str) -> Iterator[None]:
    """Hold the backup lock of ``folder`` (one backup or restore at a time per folder).

    Raises:
        BackupBusyError: another process (the app or the command line) holds it.
    """
    lock_file = folder / ".acuchart-backup.lock"
    with contextlib.suppress(FileExistsError):
        create_private(lock_file).close()
    handle = lock_file.open("a+")
    try:
        try:
            lock_without_waiting(handle)
        except OSError as exc:
            raise BackupBusyError(
                _(
                    "Another copy of AcuChart (the app or the command line) is {what} right now. "
                    "Wait a minute for it to finish, then try again."
                ).format(what=what)
            ) from exc
        try:
            yield
        finally:
            unlock(handle)
    finally:
        handle.close()
