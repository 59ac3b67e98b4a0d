"""Owner-only files and folders: readable and writable by the person whose practice it is, by nobody else.

On POSIX systems every file AcuChart makes is mode 0600 and every folder 0700, whatever the umask:
:func:`private_umask` is set once when the app or a command starts (so SQLite's journal files, the log
and anything a library writes are born private) and the helpers here set the mode explicitly too, for a
file that existed before. On Windows the modes mean little; there AcuChart's files live under the
user's own profile, which only that user (and administrators) can read.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
POSIX = sys.platform != "win32"


def private_umask() -> None:
    """Make every file and folder this process creates from now on owner-only (umask 077)."""
    if POSIX:
        os.umask(0o077)


def make_private(path: Path) -> None:
    """Make an existing file owner-only (0600), or a folder 0700; quietly nothing where modes do not apply
    or the file belongs to someone else (the open that follows says what is wrong, if anything)."""
    if not POSIX:
        return
    with contextlib.suppress(OSError):
        mode = PRIVATE_FOLDER if path.is_dir() else PRIVATE_FILE
        if (path.stat().st_mode & 0o777) != mode:
            os.chmod(path, mode)


def private_folder(path: Path) -> Path:
    """Create ``path`` (and its missing parents) as owner-only folders; returns it."""
    missing = [folder for folder in (path, *path.parents) if not folder.exists()]
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    for folder in missing:
        make_private(folder)
    return path


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` as an owner-only file, whole or not at all: a temporary file in the same
    folder, synced, renamed over ``path``, and the folder synced so the rename itself survives a power cut."""
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        make_private(temp)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (POSIX; a no-op on Windows)."""
    if not POSIX:
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
