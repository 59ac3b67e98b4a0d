"""Which old backups to remove: every backup of the last days, then one a day, a week, a month.

The scheme is Anki's (2 days, then 12 daily, 10 weekly, 9 monthly by default; see ``settings.Keep``),
taken strictly in that order: the newest backup of each of the 12 days before the recent ones, then of
each of the 10 weeks before those, then of each of the 9 months before those.
Only good backups are thinned and only good backups fill the slots, so a backup that failed its
checks never pushes a good one out; the newest good backup and pinned ones are always kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from acuchart.backup.catalog import Backup
from acuchart.backup.settings import Keep


def obsolete(backups: Iterable[Backup], keep: Keep, now: dt.datetime) -> list[Backup]:
    """The good backups thinning removes, given the others kept."""
    good = sorted((b for b in backups if b.good), key=lambda b: b.created, reverse=True)
    recent_since = now - dt.timedelta(days=keep.recent_days)
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    months: set[tuple[int, int]] = set()
    slots = {"daily": keep.daily, "weekly": keep.weekly, "monthly": keep.monthly}
    removed: list[Backup] = []
    for index, backup in enumerate(good):
        moment = backup.created
        day, week, month = moment.date(), moment.isocalendar()[:2], (moment.year, moment.month)
        if index == 0 or backup.pinned or moment >= recent_since:
            kept = True
        elif slots["daily"] > 0:  # the first level with slots left decides: daily, then weekly, then monthly
            kept = day not in days
            slots["daily"] -= kept
        elif slots["weekly"] > 0:
            kept = (week[0], week[1]) not in weeks
            slots["weekly"] -= kept
        elif slots["monthly"] > 0:
            kept = month not in months
            slots["monthly"] -= kept
        else:
            kept = False
        if kept:
            days.add(day)
            weeks.add((week[0], week[1]))
            months.add(month)
        else:
            removed.append(backup)
    return removed
