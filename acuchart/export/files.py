"""Writing what leaves the practice: whole or not at all, owner-only, never onto the practice file, with
plain messages.

A folder is written under a hidden temporary name beside its destination and renamed into place only
once every file in it is complete and on disk; a single file (a zip, a FHIR bundle) likewise. A failed
or interrupted export leaves nothing that looks finished: the temporary folder or file is removed, and
if even that fails its name (``.NAME.partial-…``) says it is not an export.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from acuchart.errors import AcuChartError
from acuchart.paths import SIDECAR_SUFFIXES, is_writable
from acuchart.protection.files import replacing, sync_file, sync_folder

SIDECARS: tuple[str, ...] = ("", *SIDECAR_SUFFIXES)
"""The practice file and the files SQLite and AcuChart keep beside it."""


class ExportError(AcuChartError):
    """An export, bundle or import report could not be written where asked; the message says why and
    what to do."""


def practice_files(practice_path: Path | None) -> list[Path]:
    """The practice file and its sidecars (journal, WAL, shared memory, lock), as real paths."""
    if practice_path is None:
        return []
    real = practice_path.resolve()
    return [real.with_name(real.name + suffix) for suffix in SIDECARS]


def refuse_practice_files(target: Path, practice_path: Path | None) -> None:
    """Raise :class:`ExportError` when writing ``target`` would land on the practice file or a file
    beside it that SQLite or AcuChart keeps. Compares real paths, so a symlink, ``..`` or a relative
    spelling of the same file is caught too."""
    real = target.expanduser().resolve()
    if any(real == protected for protected in practice_files(practice_path)):
        raise ExportError(
            f"{target} is the practice file itself (or a file kept beside it): nothing is ever written "
            "there. Nothing was changed. Choose another name or folder."
        )


def problem(exc: OSError, where: Path) -> ExportError:
    """A plain message for an operating-system error while writing in the folder ``where``."""
    if exc.errno == errno.ENOSPC:
        text = f"There is no room left on the disk holding {where}. Free some space or choose another disk."
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        text = f"AcuChart may not write to {where}. Choose another folder, such as your Documents."
    elif exc.errno == errno.ENOENT:
        text = f"The folder {where} does not exist. Choose a folder that exists, or create it first."
    elif exc.errno == errno.ENOTDIR:
        text = f"{where} is a file, not a folder. Choose a folder."
    elif exc.errno == errno.EDQUOT:
        text = f"Your disk quota on {where} is used up. Free some space or choose another disk."
    else:
        text = f"Writing in {where} failed ({exc.strerror or exc}). Choose another folder."
    return ExportError(text + " Nothing was exported; no partial copy was left behind.")


def check_folder(folder: Path) -> None:
    """Raise :class:`ExportError` unless ``folder`` exists and may be written."""
    if not folder.exists():
        raise problem(OSError(errno.ENOENT, "missing"), folder)
    if not folder.is_dir():
        raise problem(OSError(errno.ENOTDIR, "not a folder"), folder)
    if not is_writable(folder):
        raise problem(OSError(errno.EACCES, "read-only"), folder)


def fsync_tree(folder: Path) -> None:
    """Flush every file under ``folder`` (and the folders themselves) to the disk."""
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_file():
            sync_file(path)
    for path in [*sorted(p for p in folder.rglob("*") if p.is_dir()), folder]:
        sync_folder(path)


@contextlib.contextmanager
def folder_in_place(destination: Path) -> Iterator[Path]:
    """Yield a temporary folder to fill; when the block ends without error, it becomes ``destination``.

    ``destination`` must not exist yet, or be an empty folder (it is never merged into or replaced).

    Raises:
        ExportError: the destination exists with something in it, its folder is missing or read-only,
            or the disk fills up; nothing is left behind.
    """
    parent = destination.parent
    check_folder(parent)
    if destination.exists() and (not destination.is_dir() or any(destination.iterdir())):
        raise ExportError(
            f"{destination} already exists. Choose a new name: an export never writes over anything. "
            "Nothing was exported."
        )
    temp: Path | None = None
    try:
        temp = Path(tempfile.mkdtemp(prefix=f".{destination.name}.", suffix=".partial", dir=parent))
        yield temp
        fsync_tree(temp)
        os.rename(temp, destination)
        temp = None
    except OSError as exc:
        if exc.errno in (errno.ENOTEMPTY, errno.EEXIST):
            raise ExportError(
                f"{destination} appeared while the export was written. Choose a new name. Nothing was exported."
            ) from exc
        raise problem(exc, parent) from exc
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)


@contextlib.contextmanager
def file_in_place(destination: Path, overwrite: bool = False) -> Iterator[Path]:
    """Yield a temporary file path to write; when the block ends without error, it becomes ``destination``.

    Raises:
        ExportError: ``destination`` exists (and ``overwrite`` is off) or is a folder, its folder is
            missing or read-only, or the disk fills up; nothing is left behind.
    """
    parent = destination.parent
    check_folder(parent)
    if destination.is_dir():
        raise ExportError(f"{destination} is a folder. Give a file name. Nothing was written.")
    if destination.exists() and not overwrite:
        raise ExportError(f"{destination} already exists. Choose a new name. Nothing was written.")
    try:
        with replacing(destination) as temp:
            yield temp
    except OSError as exc:
        raise problem(exc, parent) from exc
