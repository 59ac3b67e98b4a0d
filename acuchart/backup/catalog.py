"""The backups a practice has, in every place, and what each one is worth.

Listing reads only the manifests and the files' sizes, so it is quick; :func:`recheck` reads a backup
through again (its hash, SQLite's integrity check, the audit chain) when that matters: before a restore,
or when asked (``main.py backups --verify``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import NamedTuple

from acuchart.backup.manifest import FORMAT, Manifest, read_manifest
from acuchart.backup.places import ASIDE_FOLDER, BACKUP_SUFFIX, DEFAULT_LABEL, Place, places
from acuchart.backup.settings import BackupSettings
from acuchart.i18n import _
from acuchart.storage.backup_copy import inspect
from acuchart.storage.cipher import sql_errors
from acuchart.storage.connections import Connector
from acuchart.storage.versions import MIGRATION_NAMES

GOOD = "verified"
UNFINISHED = "unfinished"
"""A backup file with no manifest: the copy or its checks were cut short (a crash, a pulled drive)."""
FAILED = "failed"
"""Set aside because it failed its checks when it was made."""
NEWER = "newer"
"""Made by a newer AcuChart: this version cannot restore it."""
DAMAGED = "damaged"
"""Verified when it was made, but it has changed or been damaged since."""

_STAMP = re.compile(r"(\d{4}-\d\d-\d\d) (\d\d)-(\d\d)-(\d\d)")


class Backup(NamedTuple):
    """One backup file, its manifest, and what it is worth."""

    path: Path
    manifest: Manifest | None
    state: str
    note: str = ""
    """Why it is not good, in words ('' for a good one)."""
    place: str = ""
    """The place's label ("On this computer", "Second place")."""

    @property
    def good(self) -> bool:
        """True for a verified backup this version can restore."""
        return self.state == GOOD

    @property
    def created(self) -> dt.datetime:
        """When the copy was taken (from the manifest, else from the file's name, else its time)."""
        if self.manifest is not None:
            return self.manifest.created
        found = _STAMP.search(self.path.name)
        if found:
            return dt.datetime.fromisoformat(f"{found[1]}T{found[2]}:{found[3]}:{found[4]}")
        return dt.datetime.fromtimestamp(self.path.stat().st_mtime).replace(microsecond=0)

    @property
    def size(self) -> int:
        """The backup file's size in bytes (0 when it is gone)."""
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    @property
    def pinned(self) -> bool:
        """True when thinning must keep it."""
        return self.manifest is not None and self.manifest.pinned


def judge(path: Path, place: str = "") -> Backup:
    """A backup file as its manifest and size describe it (quick: the file is not read)."""
    manifest = read_manifest(path)
    if manifest is None:
        return Backup(
            path, None, UNFINISHED, _("it has no manifest: it was not finished or not verified"), place
        )
    if manifest.format > FORMAT or any(name not in MIGRATION_NAMES for name in manifest.schema):
        return Backup(
            path,
            manifest,
            NEWER,
            _("it was made by a newer AcuChart ({version}); install that version to restore it").format(
                version=manifest.app_version
            ),
            place,
        )
    if not manifest.verified:
        return Backup(path, manifest, FAILED, manifest.problem or _("it failed its checks"), place)
    try:
        size = path.stat().st_size
    except OSError:
        return Backup(path, manifest, DAMAGED, _("the file is gone"), place)
    if size != manifest.size:
        return Backup(
            path,
            manifest,
            DAMAGED,
            _("it has changed since it was verified ({size} bytes, was {was})").format(
                size=f"{size:,}", was=f"{manifest.size:,}"
            ),
            place,
        )
    return Backup(path, manifest, GOOD, "", place)


def list_folder(folder: Path, place: str = "") -> list[Backup]:
    """The backups in one folder, newest first (not those set aside)."""
    try:
        files = [p for p in folder.iterdir() if p.name.endswith(BACKUP_SUFFIX) and not p.name.startswith(".")]
    except OSError:
        return []
    found = [judge(path, place) for path in files]
    # Two backups taken in the same second: the one written later is the newer.
    return sorted(found, key=lambda b: (b.created, _written(b.path)), reverse=True)


def _written(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def list_aside(folder: Path, place: str = "") -> list[Backup]:
    """The backups set aside in a folder because they failed their checks, newest first."""
    return [b._replace(state=FAILED) if b.good else b for b in list_folder(folder / ASIDE_FOLDER, place)]


def list_backups(practice_path: Path, settings: BackupSettings) -> list[Backup]:
    """Every backup of the practice in every place, newest first."""
    found = [b for place in places(practice_path, settings) for b in list_folder(place.folder, place.label)]
    # Newest first; of two copies of one backup, the one on this computer first (quicker to restore).
    return sorted(found, key=lambda b: (b.created, b.place == DEFAULT_LABEL), reverse=True)


def newest_good(practice_path: Path, settings: BackupSettings, place: Place | None = None) -> Backup | None:
    """The newest verified backup of the practice (in ``place``, or in any place)."""
    chosen = [place] if place is not None else places(practice_path, settings)
    found = [b for p in chosen for b in list_folder(p.folder, p.label) if b.good]
    return max(found, key=lambda b: b.created, default=None)


def file_hash(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def recheck(backup: Backup, connect: Connector | None = None) -> Backup:
    """Read a backup through again: is it still the file that was verified, and still sound?

    Returns the backup with its state brought up to date (``DAMAGED`` with the reason when it is not).
    """
    if not backup.good or backup.manifest is None:
        return backup
    manifest = backup.manifest
    try:
        digest = file_hash(backup.path)
    except OSError as exc:
        return backup._replace(
            state=DAMAGED, note=_("it cannot be read ({problem})").format(problem=exc.strerror or exc)
        )
    if digest != manifest.sha256:
        return backup._replace(state=DAMAGED, note=_("its contents have changed since it was verified"))
    try:
        found = inspect(backup.path, connect=connect)
    except sql_errors() as exc:
        return backup._replace(state=DAMAGED, note=_("SQLite cannot open it ({problem})").format(problem=exc))
    if not found.sound:
        detail = (
            found.integrity[0]
            if found.integrity != ("ok",)
            else "; ".join(found.audit.findings if found.audit else [])
        )
        return backup._replace(
            state=DAMAGED, note=_("it fails its checks now ({problem})").format(problem=detail)
        )
    if found.snapshot is None or found.snapshot.counts != manifest.counts:
        return backup._replace(state=DAMAGED, note=_("it no longer holds what its manifest lists"))
    return backup
