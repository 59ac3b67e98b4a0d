"""Owner-only files and folders: readable and writable by the person whose practice it is, by nobody else.

On POSIX systems every file AcuChart makes is mode 0600 and every folder 0700, whatever the umask:
:func:`private_umask` is set once when the app or a command starts (so SQLite's journal files, the log
and anything a library writes are born private) and the helpers here create private files and folders
explicitly too, and make private a file that existed before. On Windows the modes mean little; there
AcuChart's files live under the user's own profile, which only that user (and administrators) can read.

Every file AcuChart writes whole (a PDF, an export, a manifest, a photo, the key file) is written by
:func:`replacing`: a private temporary file beside it, synced, renamed into place, the folder synced, so
a crash or a full disk leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from acuchart.paths import SIDECAR_SUFFIXES

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
POSIX = sys.platform != "win32"
PRACTICE_SIDECARS = ("", *SIDECAR_SUFFIXES)
"""The practice file and the files SQLite and AcuChart keep beside it."""


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
    """Create ``path`` (and its missing parents) as owner-only folders; returns it.

    Folders that were already there are left as they are: they are the person's own (their Documents,
    the folder they keep the practice in), not AcuChart's to change."""
    missing = [folder for folder in (path, *path.parents) if not folder.exists()]
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    for folder in missing:
        make_private(folder)
    return path


def create_private(path: Path) -> BinaryIO:
    """Create the new file ``path`` owner-only and open it for writing.

    Raises:
        FileExistsError: something is already there (it is never written over).
        OSError: the folder is missing, read-only or full.
    """
    descriptor = os.open(
        path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE
    )
    try:
        if POSIX:
            with contextlib.suppress(OSError):  # a disk without modes (a FAT USB stick) may refuse
                os.fchmod(descriptor, PRIVATE_FILE)  # whatever the umask took away or left
        return os.fdopen(descriptor, "wb")
    except BaseException:
        os.close(descriptor)
        raise


def private_file(path: Path) -> Path:
    """Make sure the file ``path`` (and its folder) exist owner-only, for something that appends to it
    (the log); one already there is made owner-only. Returns it."""
    private_folder(path.parent)
    with contextlib.suppress(FileExistsError):
        create_private(path).close()
    make_private(path)
    return path


@contextlib.contextmanager
def replacing(path: Path, *, suffix: str = ".partial") -> Iterator[Path]:
    """Yield a new, empty, owner-only temporary file beside ``path`` to fill; when the block ends without
    error it is synced to the disk and renamed over ``path`` (whole, in one step), and the folder synced so
    the rename itself survives a power cut. On any error the temporary file is removed and nothing changes.

    The temporary file is named ``.NAME.XXXXXXXX`` + ``suffix``, so what is left of it after a crash says
    it is not the real thing.

    Raises:
        OSError: the folder is missing, read-only or full (whatever the block raised, too).
    """
    import tempfile  # loaded with the first file written, not at start-up

    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    os.close(handle)
    temp = Path(name)
    done = False
    try:
        yield temp
        make_private(temp)
        sync_file(temp)
        os.replace(temp, path)
        done = True
    finally:
        if not done:
            with contextlib.suppress(OSError):
                temp.unlink()
    sync_folder(path.parent)


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` as an owner-only file, whole or not at all (see :func:`replacing`)."""
    with replacing(path) as temp, temp.open("wb") as out:
        out.write(data)


def sync_file(path: Path) -> None:
    """Flush a file's contents to the disk (through a handle open for writing, which Windows needs)."""
    descriptor = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def sync_folder(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (POSIX; a no-op on Windows, and on the few
    file systems that cannot sync a folder)."""
    if not POSIX:
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
            raise
    finally:
        os.close(descriptor)


def private_practice(path: Path) -> None:
    """Make the practice file and the files kept beside it (journal, lock) owner-only, where they exist.

    Looked for beside the real file (a symlink's target), where SQLite keeps its journal."""
    real = path.resolve()
    for suffix in PRACTICE_SIDECARS:
        make_private(real.with_name(real.name + suffix))


@contextlib.contextmanager
def born_private(path: Path | str) -> Iterator[bool]:
    """Around opening the practice file at ``path``: a file that is not there yet is created empty and
    owner-only first, so SQLite's journal files (which take the file's mode) are born private too.

    Yields True when it made the file (the opener then takes an empty file as a new practice); on an
    error the file it made is removed again. Afterwards the practice file and its journal and lock files
    are made owner-only (a practice made by an earlier AcuChart, say). Nothing for ``":memory:"``.
    """
    if str(path) == ":memory:":
        yield False
        return
    path = Path(path)
    made = False
    if not path.exists() and path.parent.is_dir():
        try:
            create_private(path).close()
            made = True
        except OSError:
            made = False  # a read-only folder or a file that just appeared: the opener says what is wrong
    try:
        yield made
    except BaseException:
        if made:
            with contextlib.suppress(OSError):
                if path.stat().st_size == 0:
                    path.unlink()
        raise
    private_practice(path)
