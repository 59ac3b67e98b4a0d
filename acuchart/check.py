"""``main.py check``: is the practice file sound? Reads only; never writes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

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
        head = f"{self.path}: {'OK' if self.ok else 'PROBLEMS FOUND'}"
        lines = [head, *(f"  ok: {n}" for n in self.notes), *(f"  problem: {p}" for p in self.problems)]
        return "\n".join(lines)


def check_file(path: Path) -> CheckReport:
    """Run SQLite's integrity and foreign-key checks and walk the audit chain."""
    report = CheckReport(path)
    with read_only(path) as conn:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if integrity == ["ok"]:
            report.notes.append("integrity check passed")
        else:
            report.problems += [f"integrity: {line}" for line in integrity]
        foreign = conn.execute("PRAGMA foreign_key_check").fetchall()
        if foreign:
            for table, rowid, parent, _ in foreign[:20]:
                report.problems.append(f"{table} row {rowid} points to a missing {parent} record")
        else:
            report.notes.append("every reference points to a record that exists")
        has_audit = conn.execute("select 1 from sqlite_master where name = 'audit'").fetchone()
        if has_audit:
            audit = verify(conn)
            if audit.ok:
                report.notes.append(f"audit trail intact ({audit.entries} entries)")
            report.problems += audit.findings
    return report
