"""Is a backup due, and is each place in good shape? What the app checks quietly while the practice is open."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

from acuchart.backup.catalog import Backup, list_folder
from acuchart.backup.places import Place, places
from acuchart.backup.recovery import age
from acuchart.backup.settings import STALE_DAYS, BackupSettings
from acuchart.dates import short_date
from acuchart.i18n import _
from acuchart.storage.audit import HEAD_KEY
from acuchart.storage.store import Store

Head = tuple[int, str]
"""The audit trail's length and newest hash: it changes with every change to the practice."""


class PlaceStatus(NamedTuple):
    """One place's backups, and what the practitioner should know about it."""

    place: Place
    newest: Backup | None
    """The newest good backup there."""
    good: int
    """How many good backups are there."""
    missing: bool
    """True when the place is not there (a USB drive unplugged, a folder removed)."""
    warning: str
    """What to fix, in words ('' when all is well)."""


def place_statuses(practice_path: Path, settings: BackupSettings, now: dt.datetime) -> list[PlaceStatus]:
    """The state of every place the practice's backups go (reads manifests only: quick)."""
    found = []
    for place in places(practice_path, settings):
        missing = place.second and not place.root.is_dir()
        good = [] if missing else [b for b in list_folder(place.folder, place.label) if b.good]
        newest = good[0] if good else None
        warning = ""
        if missing:
            warning = _(
                "The second place for backups, {place}, is not there (is the drive plugged in?). "
                "Backups stay on this computer only until it is back."
            ).format(place=place.root)
        elif place.second and newest is not None and now - newest.created > dt.timedelta(days=STALE_DAYS):
            warning = _(
                "The second place for backups, {place}, has had no good backup for {age} (the last one is "
                "from {day}). Back up now (File → Back up now) and check the drive."
            ).format(place=place.root, age=age(now - newest.created), day=short_date(newest.created.date()))
        found.append(PlaceStatus(place, newest, len(good), missing, warning))
    return found


def is_due(head: Head | None, newest: Backup | None, settings: BackupSettings, now: dt.datetime) -> bool:
    """True when the practice changed since the newest good backup and the interval has passed."""
    if not changed_since(head, newest):
        return False
    if newest is None:
        return True
    return now - newest.created >= dt.timedelta(minutes=settings.interval_minutes)


def changed_since(head: Head | None, newest: Backup | None) -> bool:
    """True when the practice holds changes the newest good backup does not (or there is no backup yet)."""
    if newest is None or newest.manifest is None:
        return head is not None and head[0] > 0
    return head != (newest.manifest.audit_entries, newest.manifest.audit_head)


def newest_in(statuses: list[PlaceStatus]) -> Backup | None:
    """The newest good backup in any place."""
    return max((s.newest for s in statuses if s.newest is not None), key=lambda b: b.created, default=None)


def practice_head(store: Store) -> Head | None:
    """The open practice's audit head, as its backups' manifests record it (None before any change)."""
    value = store.setting(HEAD_KEY)
    if isinstance(value, dict) and isinstance(value.get("count"), int) and isinstance(value.get("hash"), str):
        return int(value["count"]), str(value["hash"])
    return None
