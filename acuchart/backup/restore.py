"""Restoring a backup: keep the practice as it is now, swap the backup in, record the restore.

The practice as it is now is never lost: it is backed up first (a pinned backup that thinning keeps),
or, when that copy cannot be made good (a damaged file, a full disk), the file itself is moved aside
beside the practice under a dated name. The backup is copied next to the practice file under a
temporary name, flushed, checked byte for byte, and renamed over it in one step; the restore is then
recorded in the restored practice's audit trail.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import NamedTuple

from acuchart.backup.catalog import Backup, file_hash, judge, newest_good, recheck
from acuchart.backup.files import copy_synced
from acuchart.backup.make import BEFORE_RESTORING, Progress, back_up
from acuchart.backup.photos import bring_back
from acuchart.backup.places import settings_or_default
from acuchart.backup.recovery import move_aside
from acuchart.backup.settings import BackupSettings
from acuchart.dates import short_moment
from acuchart.errors import AcuChartError, BackupError, StoreError
from acuchart.i18n import _
from acuchart.paths import JOURNAL_SUFFIXES
from acuchart.storage.backup_copy import set_wal
from acuchart.storage.connections import Connector
from acuchart.storage.database import FileLock, replace_practice_file


class RestoreReport(NamedTuple):
    """What a restore did."""

    restored: Backup
    kept: Backup | None
    """The backup of the practice as it was just before (None when it was moved aside instead, or empty)."""
    moved_aside: Path | None
    """Where the practice file as it was was moved (None when it was backed up instead)."""
    photo_problems: tuple[str, ...] = ()
    """One sentence per photo of the backup that could not be brought back into the photo folder."""


def restore(
    practice_path: Path,
    backup_path: Path,
    *,
    settings: BackupSettings | None = None,
    connect: Connector | None = None,
    progress: Progress | None = None,
    keep_current: bool = True,
    set_aside_as: str = "",
    actor: str = "",
) -> RestoreReport:
    """Put the backup at ``backup_path`` in place of the practice file, keeping the practice as it is now.

    The practice must not be open (in this process or another). The backup is checked through again
    first; nothing is changed when it fails.

    Args:
        practice_path: the practice file (it may be missing or damaged when ``keep_current`` is False).
        backup_path: the backup file to restore.
        settings: the backup settings (where the "before restoring" backup goes).
        connect: makes the SQLite connections.
        progress: told how far the restore is.
        keep_current: back up (or move aside) the practice as it is now first. False only when there
            is nothing to keep (the file is gone).
        set_aside_as: instead of backing the practice up, move the file aside under this word
            ("damaged": ``practice damaged 2026-11-21 10-32-05.acuchart``), once the backup passed its checks.
        actor: who restores (for the audit trail; the practitioner named in the backup when empty).

    Raises:
        BackupError: the backup cannot be restored (damaged, from a newer AcuChart, not verified).
        AlreadyOpenError: the practice is open in AcuChart.
        StoreError: the practice's folder cannot be written (full, read-only).
    """
    practice_path = practice_path.absolute()
    tell = progress or (lambda _fraction, _what: None)
    tell(0.0, _("Checking the backup…"))
    chosen = recheck(judge(backup_path), connect)
    if not chosen.good or chosen.manifest is None:
        raise BackupError(_refusal(practice_path, chosen, settings))
    lock = FileLock(practice_path)
    lock.acquire()
    try:
        kept, moved = None, None
        if set_aside_as and practice_path.exists():
            moved = move_aside(practice_path, set_aside_as)
        elif keep_current and practice_path.exists() and practice_path.stat().st_size > 0:
            tell(0.2, _("Backing up the practice as it is now…"))
            try:
                kept = back_up(
                    practice_path, BEFORE_RESTORING, settings=settings, connect=connect, pinned=True
                ).made
            except StoreError:  # the practice file cannot even be read: it is kept by moving it aside
                kept = None
            if kept is None:
                moved = move_aside(practice_path, "before restore")
        elif practice_path.exists():
            moved = move_aside(practice_path, "before restore")
        tell(0.6, _("Putting the backup in place…"))
        swap_in(chosen, practice_path, connect)
        tell(0.75, _("Bringing back the photos of that moment…"))
        try:
            photo_problems = bring_back(chosen.path, chosen.manifest.photos, practice_path)
        except AcuChartError as exc:  # the photo folder cannot be written: the record is back all the same
            photo_problems = [str(exc)]
    finally:
        lock.release()
    tell(0.9, _("Recording the restore in the audit trail…"))
    _record(practice_path, chosen, kept, moved, actor)
    tell(1.0, "Restored")
    return RestoreReport(chosen, kept, moved, tuple(photo_problems))


def swap_in(backup: Backup, practice_path: Path, connect: Connector | None = None) -> None:
    """Copy ``backup`` next to the practice file, check it, and rename it over the practice in one step.

    The journal files of the file it replaces are removed first: SQLite would otherwise replay them
    onto the restored file.
    """
    assert backup.manifest is not None
    temporary = practice_path.with_name(f".{practice_path.name}.restoring")
    for leftover in (
        temporary,
        *(temporary.with_name(temporary.name + s) for s in JOURNAL_SUFFIXES),
    ):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    try:
        copy_synced(backup.path, temporary)
        if file_hash(temporary) != backup.manifest.sha256:
            raise BackupError(
                _(
                    "The copy of {name} made beside the practice file does not match the backup "
                    "(the disk may be failing). Nothing was changed."
                ).format(name=backup.path.name)
            )
        set_wal(temporary, connect=connect)
        replace_practice_file(temporary, practice_path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        from acuchart.storage import faults

        raise faults.os_failure(exc, practice_path, _("putting the backup in place")) from exc


def _refusal(practice_path: Path, backup: Backup, settings: BackupSettings | None) -> str:
    """Why ``backup`` cannot be restored, and which backup can."""
    text = _("{name} cannot be restored: {why}. Nothing was changed.").format(
        name=backup.path.name, why=backup.note or _("it was never verified")
    )
    other = newest_good(practice_path, settings or settings_or_default(practice_path))
    if other is not None and other.path != backup.path:
        text += " " + _("The newest good backup is {path} ({moment}).").format(
            path=other.path, moment=short_moment(other.created)
        )
    return text


def _record(practice_path: Path, backup: Backup, kept: Backup | None, moved: Path | None, actor: str) -> None:
    """Write the restore into the restored practice's audit trail."""
    from acuchart.practice import Practice

    assert backup.manifest is not None
    practice = Practice.open(practice_path)
    try:
        if actor:
            practice.store.actor = actor
        practice.backups.record_restore(
            backup=backup.path,
            taken_at=backup.manifest.created_at,
            sha256=backup.manifest.sha256,
            kept=kept.path if kept is not None else moved,
        )
    finally:
        practice.close()
