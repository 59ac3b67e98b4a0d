"""What a failed read or write means, in the practitioner's words.

SQLite and the operating system name a full disk, a failing disk, a damaged file and a read-only place
each with a code of its own. These functions turn such an error into the :class:`StoreError` subclass
that says what happened and what to do, so nobody is ever told "something unexpected" about a full
disk, and an intact file on a full disk is never called damaged.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable
from pathlib import Path

from acuchart.errors import DamagedFileError, DiskError, DiskFullError, ReadOnlyError, StoreError
from acuchart.i18n import N_, _

# SQLite's primary result codes (https://www.sqlite.org/rescode.html); extended codes keep them in the low byte.
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

ROOM_NEEDED = 256 * 1024
"""Below this much free space a disk counts as full: SQLite needs room for its journal beside the file."""

_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}
_GONE_ERRNOS = {errno.ENOENT, errno.ENODEV, errno.ENXIO, errno.ESTALE, errno.ENOTDIR}


def sqlite_code(exc: BaseException) -> int:
    """SQLite's primary result code for ``exc`` (0 when it carries none)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(exc).lower()  # errors raised before SQLite had a connection carry only their text
    for needle, primary in (
        ("disk is full", SQLITE_FULL),
        ("disk i/o error", SQLITE_IOERR),
        ("malformed", SQLITE_CORRUPT),
        ("not a database", SQLITE_NOTADB),
        ("readonly database", SQLITE_READONLY),
        ("unable to open", SQLITE_CANTOPEN),
    ):
        if needle in text:
            return primary
    return 0


def is_damage(exc: BaseException) -> bool:
    """True when SQLite says the file's contents are damaged (or no longer a database)."""
    return sqlite_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB)


def disk_is_full(place: Path) -> bool:
    """True when the disk holding ``place`` (a file or folder) has almost no room left."""
    import shutil  # only ever needed after a failure; keeps it out of start-up

    folder = place if place.is_dir() else place.parent
    try:
        return shutil.disk_usage(folder).free < ROOM_NEEDED
    except OSError:
        return False


CHECK_FOUND_DAMAGE = N_("SQLite's check of the file found damage inside it")
"""Marked for translation; callers pass it through ``_()``."""


def damaged(path: Path, detail: str, findings: tuple[str, ...] = ()) -> DamagedFileError:
    """The error for a practice file found damaged, with what to do about it.

    ``detail`` says what is wrong in plain words; ``findings`` are SQLite's own lines, if any."""
    return DamagedFileError(
        _(
            "{path} is damaged ({detail}). AcuChart has not written to it. Restore the newest backup "
            "(File → Restore from backup…, or main.py --db FILE restore BACKUP); the damaged file is kept."
        ).format(path=path, detail=detail),
        path,
        findings or (detail,),
        detail,
    )


def open_failure(exc: BaseException, path: Path) -> StoreError:
    """The named error for a practice file SQLite could not open or read at start."""
    code = sqlite_code(exc)
    if code == SQLITE_FULL or (code in (SQLITE_IOERR, SQLITE_CANTOPEN) and disk_is_full(path)):
        return DiskFullError(
            _(
                "{path} could not be opened because the disk holding it is full: AcuChart needs a little room "
                "beside the file for its journal. Nothing was changed, and the file itself is not damaged. "
                "Free some space on that disk, then open it again."
            ).format(path=path)
        )
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return damaged(path, _("SQLite cannot read it: {error}").format(error=exc), (str(exc),))
    if code == SQLITE_READONLY:
        return ReadOnlyError(
            _(
                "{path} cannot be written here ({error}). Nothing was changed. Move it to a folder you can "
                "write to, or change its permissions, then open it again."
            ).format(path=path, error=exc)
        )
    if code == SQLITE_IOERR:
        return DiskError(
            _(
                "{path} could not be read: the disk reported an error ({error}). Nothing was changed. If the "
                "file is on a USB drive or a network folder, check that it is connected, then try again."
            ).format(path=path, error=exc)
        )
    return StoreError(
        _("{path} could not be opened ({error}). Nothing was changed.").format(path=path, error=exc)
    )


def write_failure(
    exc: BaseException, path: Path | None, intact: Callable[[], bool | None]
) -> StoreError | None:
    """The named error for a change SQLite refused to save, or None when the refusal is not about the
    file or the disk (a constraint, say: the caller's own business).

    Args:
        exc: what SQLite raised.
        path: the practice file (None in memory).
        intact: runs a quick check of the file after a disk error: True intact, False damaged, None
            when it could not be checked.
    """
    code = sqlite_code(exc)
    where = path or _("the practice file")
    start = path or _("The practice file")  # the same, where it begins a sentence
    if code == SQLITE_FULL:
        return DiskFullError(
            _(
                "The disk holding {where} is full, so this change was not saved. Nothing was lost: everything "
                "saved before it is still in the practice file. Free some space on that disk (empty the bin, "
                "move large files elsewhere), then do it again."
            ).format(where=where)
        )
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        if path is None:
            return DamagedFileError(str(exc))
        return damaged(path, _("SQLite found damage while saving: {error}").format(error=exc), (str(exc),))
    if code == SQLITE_READONLY:
        return ReadOnlyError(
            _(
                "{start} can no longer be written ({error}), so this change was not saved. Everything saved "
                "before it is safe. Check that the drive is still connected and writable, then open the file again."
            ).format(start=start, error=exc)
        )
    if code not in (SQLITE_IOERR, SQLITE_CANTOPEN):
        return None
    if path is not None and disk_is_full(path):
        return write_failure(sqlite3.OperationalError("database or disk is full"), path, intact)
    verdict = intact()
    if verdict is True:
        after = _(
            "A check of {where} afterwards found it intact: everything saved before is safe. Try again; "
            "if it happens again the disk may be failing: back up to another drive (File → Back up now) "
            "and have the computer looked at."
        ).format(where=where)
    elif verdict is False:
        after = _(
            "{start} now fails its check. Stop working in it: close AcuChart and restore the newest "
            "backup (File → Restore from backup…)."
        ).format(start=start)
    else:
        after = _(
            "{start} could not be checked afterwards. Close AcuChart and run main.py check on it; "
            "if the drive is a USB drive or a network folder, check that it is connected."
        ).format(start=start)
    return DiskError(
        _(
            "The disk reported an error while saving this change ({error}), so it was not saved. {after}"
        ).format(error=exc, after=after)
    )


def os_failure(exc: OSError, path: Path, doing: str) -> StoreError:
    """The named error for an operating-system failure while ``doing`` something with ``path``.

    ``doing`` completes "… while {doing}", e.g. "taking the lock beside the practice file".
    """
    number = exc.errno or 0
    reason = exc.strerror or str(exc)
    if number in _FULL_ERRNOS or disk_is_full(path):
        return DiskFullError(
            _(
                "The disk holding {path} is full ({reason} while {doing}). Nothing was changed, and what was "
                "saved before is safe. Free some space on that disk, then try again."
            ).format(path=path, reason=reason, doing=doing)
        )
    if number in _READ_ONLY_ERRNOS:
        return ReadOnlyError(
            _(
                "{path} cannot be written ({reason} while {doing}). Nothing was changed. Choose a place you "
                "can write to, or change its permissions."
            ).format(path=path, reason=reason, doing=doing)
        )
    if number in _GONE_ERRNOS:
        return StoreError(
            _(
                "{path} is not there any more ({reason} while {doing}). If it is on a USB drive or a network "
                "folder, check that it is connected, then try again."
            ).format(path=path, reason=reason, doing=doing)
        )
    return DiskError(
        _(
            "The disk reported an error while {doing} ({reason}; {path}). Nothing was changed. If the drive is "
            "a USB drive or a network folder, check that it is connected, then try again."
        ).format(doing=doing, reason=reason, path=path)
    )
