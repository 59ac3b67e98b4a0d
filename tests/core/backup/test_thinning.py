"""Thinning old backups on Anki's scheme: all of the last days, then one a day, a week, a month; never the
newest good one, never a pinned one, and a bad backup never takes a good one's place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from acuchart.backup.catalog import FAILED, GOOD, Backup
from acuchart.backup.manifest import Manifest
from acuchart.backup.settings import BackupSettings, Keep
from acuchart.backup.thinning import obsolete

NOW = dt.datetime(2026, 11, 21, 18, 0)


def backup(moment: dt.datetime, state: str = GOOD, pinned: bool = False) -> Backup:
    manifest = Manifest(
        app_version="0.1.0",
        created_at=moment.isoformat(timespec="seconds"),
        reason="automatic",
        practice="/p.acuchart",
        file=f"p {moment:%Y-%m-%d %H-%M-%S}.acuchart-backup",
        size=1,
        sha256="x",
        schema=("m001_initial",),
        counts={},
        audit_entries=1,
        audit_head="h",
        verified_at=moment.isoformat() if state == GOOD else "",
        problem="" if state == GOOD else "failed",
        pinned=pinned,
    )
    return Backup(Path(manifest.file), manifest, state)


def every_half_hour_for(days: int) -> list[Backup]:
    """A backup every 30 minutes, 8:00 to 18:00, on each of the last ``days`` days."""
    found = []
    for day in range(days):
        date = NOW.date() - dt.timedelta(days=day)
        for slot in range(21):
            found.append(backup(dt.datetime.combine(date, dt.time(8)) + dt.timedelta(minutes=30 * slot)))
    return found


def test_a_year_of_half_hourly_backups_thins_to_two_days_then_12_daily_10_weekly_9_monthly() -> None:
    backups = every_half_hour_for(365)
    removed = {b.path for b in obsolete(backups, Keep(), NOW)}
    kept = sorted((b.created for b in backups if b.path not in removed), reverse=True)
    recent = [k for k in kept if k >= NOW - dt.timedelta(days=2)]
    older = kept[len(recent) :]
    assert len(recent) == 21 + 21 + 1  # today, yesterday, and the 18:00 of the day before (48 h ago exactly)
    daily, rest = older[:12], older[12:]
    assert len({k.date() for k in daily}) == 12
    assert all(k.time() == dt.time(18) for k in daily)  # the newest of each day
    weekly, monthly = rest[:10], rest[10:]
    assert len({k.isocalendar()[:2] for k in weekly}) == 10
    assert len({(k.year, k.month) for k in monthly}) == len(monthly) == 9
    assert len(kept) == len(recent) + 12 + 10 + 9


def test_the_newest_good_backup_and_pinned_ones_are_always_kept() -> None:
    old = backup(NOW - dt.timedelta(days=400))
    pinned = backup(NOW - dt.timedelta(days=500), pinned=True)
    nothing_kept = Keep(recent_days=1, daily=0, weekly=0, monthly=0)
    assert obsolete([old, pinned], nothing_kept, NOW) == []  # the newest good one (old) and the pinned one
    newer = backup(NOW - dt.timedelta(hours=1))
    assert obsolete([old, pinned, newer], nothing_kept, NOW) == [old]


def test_a_failed_backup_neither_fills_a_slot_nor_pushes_out_a_good_one() -> None:
    good_days = [backup(NOW - dt.timedelta(days=d)) for d in (3, 4)]
    failed = [backup(NOW - dt.timedelta(days=d, hours=-2), FAILED) for d in (3, 4, 5)]
    keep_two_days = Keep(recent_days=1, daily=2, weekly=0, monthly=0)
    assert obsolete([*failed, *good_days], keep_two_days, NOW) == []


def test_the_scheme_is_a_setting() -> None:
    backups = every_half_hour_for(20)
    fewer = Keep(recent_days=1, daily=3, weekly=0, monthly=0)
    kept = [b for b in backups if b not in obsolete(backups, fewer, NOW)]
    assert len(kept) == 21 + 1 + 3  # today's, yesterday's 18:00 (24 h ago), then three days
    assert BackupSettings.from_stored({"backup_keep": {"daily": 3}}).keep == Keep(daily=3)
    assert BackupSettings.from_stored({"backup_keep": "nonsense"}).keep == Keep()
