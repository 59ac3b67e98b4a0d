"""``main.py check``: is the practice file sound? Reads only; never writes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from acuchart.i18n import _
from acuchart.paths import photo_store_path
from acuchart.photos.store import PhotoStore, Progress, check_photos
from acuchart.storage.audit import verify
from acuchart.storage.database import read_only


@dataclass
class CheckReport:
    """What the check found, as lines a person can read."""

    path: Path
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

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
        ]
        return "\n".join(lines)


def check_file(path: Path, progress: Progress | None = None) -> CheckReport:
    """Run SQLite's integrity and foreign-key checks, walk the audit chain and hash every photo.

    ``progress`` is told ``(done, total)`` while the photos are hashed (the long part at a large practice).
    """
    report = CheckReport(path)
    with read_only(path) as conn:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if integrity == ["ok"]:
            report.notes.append(_("integrity check passed"))
        else:
            report.problems += [_("integrity: {line}").format(line=line) for line in integrity]
        foreign = conn.execute("PRAGMA foreign_key_check").fetchall()
        if foreign:
            for table, rowid, parent, _key in foreign[:20]:
                report.problems.append(
                    _("{table} row {rowid} points to a missing {parent} record").format(
                        table=table, rowid=rowid, parent=parent
                    )
                )
        else:
            report.notes.append(_("every reference points to a record that exists"))
        has_audit = conn.execute("select 1 from sqlite_master where name = 'audit'").fetchone()
        if has_audit:
            audit = verify(conn)
            if audit.ok:
                report.notes.append(_("audit trail intact ({entries} entries)").format(entries=audit.entries))
            report.problems += audit.findings
        if conn.execute("select 1 from sqlite_master where name = 'photos'").fetchone():
            in_use = [
                tuple(row) for row in conn.execute("select id, sha256, extension from photos order by id")
            ]
            _check_photos(report, PhotoStore(photo_store_path(path)), in_use, progress)
    return report


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
