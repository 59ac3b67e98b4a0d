"""A practice file that is damaged: keep it aside, name the newest good backup, say what it lacks.

Nothing here deletes anything: the damaged file (with its journal) is renamed beside the practice under
a dated name, for a specialist to look at, and the practice is brought back from a verified backup.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import NamedTuple

from acuchart import clock
from acuchart.backup.catalog import Backup, newest_good
from acuchart.backup.places import settings_or_default
from acuchart.dates import short_moment
from acuchart.errors import StoreError
from acuchart.i18n import _, ngettext
from acuchart.protection.files import sync_folder
from acuchart.storage.audit import HEAD_KEY
from acuchart.storage.backup_copy import stored_settings
from acuchart.storage.cipher import sql_errors, sql_errors_and


class Recovery(NamedTuple):
    """What can be done about a practice file that cannot be used."""

    path: Path
    problem: str
    """What is wrong with it, in words."""
    backup: Backup | None
    """The newest verified backup (None when there is none)."""
    lost: str
    """What the backup may lack, in words ('' when there is no backup)."""


def explain(error: BaseException, path: Path | None = None) -> StoreError | None:
    """What a raw SQLite error met while reading the practice means, by name (a damaged file, a full
    disk, a disk error, a read-only drive); None for an error that is none of these (or not SQLite's)."""
    from acuchart.storage import faults

    if not isinstance(error, sql_errors()) or faults.sqlite_code(error) not in NAMED_FAULTS:
        return None
    return faults.open_failure(error, path or Path("The practice file"))


NAMED_FAULTS = (10, 8, 11, 13, 26)
"""SQLite's codes for a disk error, a read-only file, a damaged file, a full disk and "not a database"."""


def move_aside(path: Path, why: str = "damaged") -> Path:
    """Rename a practice file (and its journal files) beside itself under a dated name; the new name.

    ``practice.acuchart`` becomes ``practice damaged 2026-11-21 10-32-05.acuchart``.
    """
    stamp = clock.now().strftime("%Y-%m-%d %H-%M-%S")
    target, number = path.with_name(f"{path.stem} {why} {stamp}{path.suffix}"), 2
    while target.exists():
        target, number = path.with_name(f"{path.stem} {why} {stamp} {number}{path.suffix}"), number + 1
    os.replace(path, target)
    for sidecar in ("-wal", "-shm", "-journal"):
        beside = path.with_name(path.name + sidecar)
        if beside.exists():
            os.replace(beside, target.with_name(target.name + sidecar))
    sync_folder(path.parent)
    return target


def recovery_for(path: Path, error: StoreError | str, now: dt.datetime | None = None) -> Recovery:
    """The newest verified backup of the practice at ``path`` and what it may lack."""
    backup = newest_good(path, settings_or_default(path))
    if backup is None:
        return Recovery(path, str(error), None, "")
    return Recovery(path, str(error), backup, lost_since(backup, path, now or clock.now()))


def lost_since(backup: Backup, path: Path, now: dt.datetime) -> str:
    """What restoring ``backup`` over the file at ``path`` may lose, in plain words."""
    taken = backup.created
    text = _("Anything recorded after {moment} ({ago}) is not in this backup.").format(
        moment=short_moment(taken), ago=ago(now - taken)
    )
    assert backup.manifest is not None
    later = _audit_entries(path)
    if later is not None and later > backup.manifest.audit_entries:
        changes = later - backup.manifest.audit_entries
        text += " " + ngettext(
            "The damaged file records {count} change after it (each new mark, reaction, note or signature is one).",
            "The damaged file records {count} changes after it (each new mark, reaction, note or signature is one).",
            changes,
        ).format(count=f"{changes:,}")
    elif later is not None:
        text += " " + _("The damaged file records no change after it.")
    return text


def age(delta: dt.timedelta) -> str:
    """A time span in words, in the app's language: "3 minutes", "5 hours", "2 days"."""
    seconds = max(0, int(delta.total_seconds()))
    if seconds >= 86400:
        return ngettext("{count} day", "{count} days", seconds // 86400).format(count=seconds // 86400)
    if seconds >= 3600:
        return ngettext("{count} hour", "{count} hours", seconds // 3600).format(count=seconds // 3600)
    if seconds >= 60:
        return ngettext("{count} minute", "{count} minutes", seconds // 60).format(count=seconds // 60)
    return _("less than a minute")


def ago(delta: dt.timedelta) -> str:
    """How long ago, in words: "3 minutes ago" ("hace 3 minutos")."""
    return _("{age} ago").format(age=age(delta))


def _audit_entries(path: Path) -> int | None:
    """How many audit entries a (possibly damaged) practice file says it holds; None when unreadable."""
    try:
        head = stored_settings(path, [HEAD_KEY]).get(HEAD_KEY)
    except sql_errors_and(OSError, ValueError):
        return None
    return int(head["count"]) if isinstance(head, dict) and isinstance(head.get("count"), int) else None
