"""``main.py check``: is the practice file sound? Reads only; never writes.

A damaged, empty or cut-short file is reported as such, with what SQLite found: the check is the tool
for exactly those files, so it never stops at the first error SQLite raises.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from acuchart.errors import DamagedFileError, StoreError
from acuchart.i18n import _
from acuchart.paths import photo_store_path
from acuchart.photos.store import PhotoStore, Progress, check_photos
from acuchart.storage import faults
from acuchart.storage.audit import verify
from acuchart.storage.database import check_header, check_length, read_only

MAX_LINES = 20
"""At most this many lines of one finding (SQLite can list thousands for a badly damaged file)."""


@dataclass
class CheckReport:
    """What the check found, as lines a person can read."""

    path: Path
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems

    def text(self) -> str:
        """The plain report."""
        head = f"{self.path}: {'OK' if self.ok else _('PROBLEMS FOUND')}"
        lines = [
            head,
            *(_("  ok: {n}").format(n=n) for n in self.notes),
            *(_("  problem: {p}").format(p=p) for p in self.problems),
            *self.advice,
        ]
        return "\n".join(lines)

    def add_problems(self, prefix: str, lines: list[str] | tuple[str, ...]) -> None:
        """Add findings, at most :data:`MAX_LINES` of them, each starting with ``prefix``."""
        self.problems += [f"{prefix}{line}" for line in lines[:MAX_LINES]]
        if len(lines) > MAX_LINES:
            self.problems.append(
                _("{prefix}… and {count} more").format(prefix=prefix, count=len(lines) - MAX_LINES)
            )


def check_file(path: Path, progress: Progress | None = None) -> CheckReport:
    """Run SQLite's integrity and foreign-key checks, walk the audit chain and hash every photo.

    ``progress`` is told ``(done, total)`` while the photos are hashed (the long part at a large practice).

    Raises:
        StoreError: only when the file cannot be looked at at all (it does not exist, the disk refuses
            to read it) or is not a database (``NotSQLiteError``: another kind of file chosen by
            mistake); a damaged practice file is a report, not an error.
    """
    report = CheckReport(path)
    if not path.is_file():
        raise StoreError(_("{path} does not exist. Check the path and try again.").format(path=path))
    if path.stat().st_size == 0:
        report.problems.append(_("the file is empty (0 bytes): it holds no practice, not even its tables"))
        return report
    try:
        check_header(path)
        check_length(path)
        with read_only(path) as conn:
            _check_contents(conn, report)
            if conn.execute("select 1 from sqlite_master where name = 'photos'").fetchone():
                in_use = [
                    tuple(row) for row in conn.execute("select id, sha256, extension from photos order by id")
                ]
                _check_photos(report, PhotoStore(photo_store_path(path)), in_use, progress)
    except DamagedFileError as exc:
        report.add_problems("", exc.findings)
    except sqlite3.DatabaseError as exc:
        if not faults.is_damage(exc):
            raise faults.open_failure(exc, path) from exc
        report.problems.append(_("SQLite could not read the file to the end: {error}").format(error=exc))
    return report


def _check_contents(conn: sqlite3.Connection, report: CheckReport) -> None:
    integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    if integrity == ["ok"]:
        report.notes.append(_("integrity check passed"))
    else:
        report.add_problems(_("integrity: "), integrity)
    foreign = conn.execute("PRAGMA foreign_key_check").fetchall()
    if foreign:
        for table, rowid, parent, _key in foreign[:MAX_LINES]:
            report.problems.append(
                _("{table} row {rowid} points to a missing {parent} record").format(
                    table=table, rowid=rowid, parent=parent
                )
            )
    else:
        report.notes.append(_("every reference points to a record that exists"))
    has_audit = conn.execute("select 1 from sqlite_master where name = 'audit'").fetchone()
    if has_audit:
        try:
            audit = verify(conn)
        except sqlite3.DatabaseError as exc:
            if not faults.is_damage(exc):
                raise
            report.problems.append(
                _("the audit trail could not be read to the end: {error}").format(error=exc)
            )
            return
        if audit.ok:
            report.notes.append(_("audit trail intact ({entries} entries)").format(entries=audit.entries))
        report.problems += audit.findings


def _check_photos(
    report: CheckReport, files: PhotoStore, in_use: list[tuple[object, ...]], progress: Progress | None
) -> None:
    found = check_photos(files, in_use, progress)
    if found.ok:
        if found.checked:
            report.notes.append(
                _("every photo is present and unchanged ({checked} checked)").format(checked=found.checked)
            )
        return
    for photo_id, sha in found.missing:
        report.problems.append(
            _("photo {photo_id} is missing from {folder} (sha256 {sha})").format(
                photo_id=photo_id, folder=files.folder, sha=sha
            )
        )
    for photo_id, sha in found.altered:
        report.problems.append(
            _(
                "photo {photo_id} was changed or damaged: its file no longer has the sha256 recorded ({sha})"
            ).format(photo_id=photo_id, sha=sha)
        )
