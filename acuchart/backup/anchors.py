"""The audit trail checked against its anchors: the head of the trail as kept outside the practice file.

Every verified backup's manifest records the number and hash of the trail's newest entry at the moment
of the copy; a chart export prints the same (``1234:3f9a2c71d04b8e55``). Someone who rewrites an entry of
the trail inside the file, and every entry after it, and the head, leaves a chain that checks out on its
own; but the entry an anchor names then no longer carries the anchor's hash (or is gone). So
``main.py check`` compares the trail with every anchor it finds and names the backup and the entry.

What this does not catch: a rewrite after the newest anchor (nothing outside the file has seen those
entries yet); a rewrite made by someone who also rewrote or deleted every backup and manifest in both
places; anchors older than a restore recorded in the trail are set aside (the practice was replaced by
an older backup then, so they describe a practice that no longer exists), unless the restore itself does
not match the backup it names.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from acuchart.backup.catalog import Backup, list_backups
from acuchart.backup.places import settings_or_default
from acuchart.dates import short_moment
from acuchart.errors import AcuChartError
from acuchart.i18n import _, ngettext
from acuchart.storage.audit_anchors import (
    RecordedRestore,
    first_difference,
    hash_of_entry,
    newest_entry,
    recorded_restores,
)
from acuchart.storage.cipher import sql_errors_and
from acuchart.storage.database import read_only

_PRINTED = re.compile(r"^\s*(\d[\d,]*)\s*:\s*([0-9a-fA-F ]{8,64})\s*$")


class Anchor(NamedTuple):
    """The trail's head as it was seen outside the file at some moment."""

    entries: int
    head: str
    """The hash of entry ``entries`` (the whole hash, or its first characters for a printed anchor)."""
    source: str
    """Where it was found, in words: "the backup “practice 2026-11-21 09-00-00.acuchart-backup” (On this computer)"."""
    taken_at: dt.datetime | None = None
    """When it was taken (None for a printed anchor typed in: it is always compared)."""
    backup: Path | None = None
    """The backup file whose manifest it is in (its own copy of the trail shows where a rewrite began)."""


@dataclass
class AnchorReport:
    """What comparing the trail with its anchors found, as lines a person can read."""

    compared: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def printed_anchor(text: str) -> Anchor:
    """An anchor as printed on a chart export and typed back: ``1234:3f9a2c71d04b8e55``.

    Raises:
        AcuChartError: ``text`` is not one.
    """
    found = _PRINTED.match(text)
    if found is None or int(found[1].replace(",", "")) < 1:
        raise AcuChartError(
            _(
                "“{text}” is not an audit anchor. Type it as printed on a chart export, entry number and hash "
                "with a colon between them, for example 1234:3f9a2c71d04b8e55."
            ).format(text=text)
        )
    return Anchor(
        int(found[1].replace(",", "")),
        found[2].replace(" ", "").lower(),
        _("the printed anchor {text}").format(text=text.strip()),
    )


def backup_anchors(practice_path: Path) -> tuple[list[Anchor], list[Backup]]:
    """The anchors in the manifests of every verified backup of the practice, in both places, newest
    first (one per distinct head), and the backups they came from."""
    backups = [
        b
        for b in list_backups(practice_path, settings_or_default(practice_path))
        if b.manifest is not None and b.manifest.verified and b.manifest.audit_entries > 0
    ]
    anchors: dict[tuple[int, str], Anchor] = {}
    for backup in backups:
        assert backup.manifest is not None
        key = (backup.manifest.audit_entries, backup.manifest.audit_head)
        if key not in anchors:
            anchors[key] = Anchor(
                *key,
                _("the backup “{name}” ({place})").format(
                    name=backup.path.name, place=backup.place or _("chosen folder")
                ),
                backup.manifest.created,
                backup.path,
            )
    return list(anchors.values()), backups


def compare(
    conn: sqlite3.Connection, anchors: Sequence[Anchor], backups: Sequence[Backup] = ()
) -> AnchorReport:
    """Compare the trail read through ``conn`` with ``anchors``; ``backups`` are where they came from
    (a restore recorded in the trail is checked against the backup it names, when that is among them)."""
    report = AnchorReport()
    restores = recorded_restores(conn)
    newest = newest_entry(conn)
    length = newest[0] if newest is not None else 0
    _check_restores(conn, restores, backups, report)
    before_restore: list[Anchor] = []
    for anchor in anchors:
        restore = _restored_after(anchor, restores)
        if restore is not None:
            before_restore.append(anchor)
            continue
        report.compared += 1
        taken = (
            _(" on {moment}").format(moment=short_moment(anchor.taken_at))
            if anchor.taken_at is not None
            else ""
        )
        if length < anchor.entries:
            report.problems.append(
                _(
                    "audit trail rewritten: {source} recorded {entries:,} entries{taken}, but the "
                    "trail now holds {length:,}: entries up to entry {entries:,} were removed"
                ).format(source=anchor.source, entries=anchor.entries, taken=taken, length=length)
                + _where_it_began(conn, anchor)
            )
            continue
        held = hash_of_entry(conn, anchor.entries) or ""
        if not held.startswith(anchor.head):
            report.problems.append(
                _(
                    "audit trail rewritten: entry {entries:,} is not the entry {source} recorded"
                    "{taken}: entries at or before it were changed since"
                ).format(entries=anchor.entries, source=anchor.source, taken=taken)
                + _where_it_began(conn, anchor)
            )
    if before_restore:
        restore = _restored_after(before_restore[0], restores)
        assert restore is not None
        count = len(before_restore)
        report.notes.append(
            ngettext(
                "{count} older backup describes the practice as it was before the restore recorded at entry "
                "{entry:,}: not compared",
                "{count} older backups describe the practice as it was before the restore recorded at entry "
                "{entry:,}: not compared",
                count,
            ).format(count=count, entry=restore.entry)
        )
    if report.compared and not report.problems:
        newest_anchor = max(
            (a for a in anchors if a not in before_restore), key=lambda a: a.entries, default=None
        )
        if newest_anchor is not None:
            report.notes.append(
                _(
                    "audit trail matches its anchors outside the file ({compared} compared, the newest at "
                    "entry {entries:,}, in {source})"
                ).format(compared=report.compared, entries=newest_anchor.entries, source=newest_anchor.source)
            )
    return report


def _restored_after(anchor: Anchor, restores: list[RecordedRestore]) -> RecordedRestore | None:
    """The first restore recorded after ``anchor`` was taken: the anchor belongs to the practice before it."""
    if anchor.taken_at is None:
        return None
    taken = anchor.taken_at.isoformat(timespec="seconds")
    return next((r for r in restores if r.at >= taken), None)


def _check_restores(
    conn: sqlite3.Connection, restores: list[RecordedRestore], backups: Sequence[Backup], report: AnchorReport
) -> None:
    """A restore recorded in the trail must follow the backup it names (a forged one would set anchors aside)."""
    by_hash = {b.manifest.sha256: b for b in backups if b.manifest is not None}
    for restore in restores:
        backup = by_hash.get(restore.sha256)
        if backup is None or backup.manifest is None:
            continue
        before = hash_of_entry(conn, restore.entry - 1) if restore.entry > 1 else None
        if backup.manifest.audit_entries != restore.entry - 1 or before != backup.manifest.audit_head:
            report.problems.append(
                _(
                    "audit trail rewritten: entry {entry:,} records a restore of the backup "
                    "“{name}”, but the entries before it are not that backup's"
                ).format(entry=restore.entry, name=backup.path.name)
            )


def _where_it_began(conn: sqlite3.Connection, anchor: Anchor) -> str:
    """Which entry first differs from the anchor's backup's own copy of the trail ('' when unknown)."""
    if anchor.backup is None:
        return ""
    try:
        with read_only(anchor.backup) as copy:
            first = first_difference(conn, copy, anchor.entries)
    except sql_errors_and(AcuChartError, OSError):
        return ""  # the backup is gone or cannot be read (an encrypted one, say): the anchor has said it
    return (
        _(" (the first entry that differs from that backup's copy of the trail is entry {first:,})").format(
            first=first
        )
        if first
        else ""
    )


def check_anchors(
    practice_path: Path, conn: sqlite3.Connection, printed: Sequence[Anchor] = ()
) -> AnchorReport:
    """Compare the practice's trail (read through ``conn``) with every backup's anchor and ``printed`` ones."""
    anchors, backups = backup_anchors(practice_path)
    return compare(conn, [*printed, *anchors], backups)
