"""A backup folder's housekeeping: new names, leftovers of a copy cut short, backups set aside, thinning."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path

from acuchart.backup.catalog import list_folder
from acuchart.backup.files import write_atomically
from acuchart.backup.manifest import Manifest, manifest_path
from acuchart.backup.places import ASIDE_FOLDER, BACKUP_SUFFIX, PARTIAL_SUFFIX
from acuchart.backup.settings import BackupSettings
from acuchart.backup.thinning import obsolete

KEEP_ASIDE = 5
"""Backups set aside per folder: the newest few are kept for a specialist, so a persistent fault cannot fill the disk."""


def new_name(folder: Path, practice_path: Path, moment: dt.datetime) -> Path:
    """A new backup file name in ``folder``: the practice's name and the moment, sortable."""
    stem = f"{practice_path.stem} {moment.strftime('%Y-%m-%d %H-%M-%S')}"
    candidate, number = folder / f"{stem}{BACKUP_SUFFIX}", 2
    while candidate.exists() or manifest_path(candidate).exists():
        candidate, number = folder / f"{stem} {number}{BACKUP_SUFFIX}", number + 1
    return candidate


def discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def sweep(folder: Path) -> None:
    """Tidy a backup folder before a backup: remove copies cut short (temporary names), set aside backups
    that never got their manifest, and remove manifests whose backup was thinned away mid-way."""
    for path in list(folder.iterdir()):
        name = path.name
        if name.startswith(".") and name.endswith(PARTIAL_SUFFIX):
            discard(path)
        elif name.endswith(BACKUP_SUFFIX) and not manifest_path(path).exists():
            set_aside(path, None)
        elif (
            name.endswith(BACKUP_SUFFIX + ".json") and not path.with_name(name.removesuffix(".json")).exists()
        ):
            discard(path)


def set_aside(backup: Path, manifest: Manifest | None) -> Path:
    """Move a backup that is not good into the folder's “failed verification” folder (with its manifest)."""
    aside = backup.parent / ASIDE_FOLDER
    aside.mkdir(exist_ok=True)
    target = aside / backup.name
    os.replace(backup, target)
    if manifest is not None:
        write_atomically(manifest_path(target), manifest.to_json())
    old = sorted(
        (p for p in aside.iterdir() if p.name.endswith(BACKUP_SUFFIX)), key=lambda p: p.name, reverse=True
    )
    for stale in old[KEEP_ASIDE:]:
        discard(stale)
        discard(manifest_path(stale))
    return target


def thin(folder: Path, settings: BackupSettings | None, now: dt.datetime) -> int:
    """Remove the old good backups in ``folder`` that thinning does not keep; how many went."""
    if settings is None:
        return 0
    gone = obsolete(list_folder(folder), settings.keep, now)
    for backup in gone:
        discard(backup.path)  # the file first: a manifest left alone is tidied by the next sweep
        discard(manifest_path(backup.path))
    return len(gone)
