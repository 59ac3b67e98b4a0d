"""Open data at scale: exporting a 10,000-client / 150,000-session practice, redrawing the reaction map's
figures after a filter change, and importing 10,000 clients from CSV after the mapping step.

The practice is built in bulk (12 marks a session, two ratings, a reaction after about one session in
six, and one audit entry per record, as the app writes them), so the export carries an audit trail of
realistic size. Each figure is printed beside a bare baseline measured in the same run: reading every
exported row with plain SQL; counting every mark per point with one SQL query; inserting the same
clients with plain SQL, no checks and no audit.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from acuchart.models.insights import MapFilter
from acuchart.practice import Practice
from tests.benchmarks.harness import median, p95, show, timings_ms

CLIENTS = 10_000
SESSIONS = 150_000
MARKS_PER_SESSION = 12
IMPORT_ROWS = 10_000
TODAY = dt.date(2026, 11, 21)
STAMP = "2026-01-01T09:00:00"
FACE = [
    ("ST2", "both"),
    ("BL1", "both"),
    ("EX-HN7", "both"),
    ("GB14", "both"),
    ("ST3", "both"),
    ("LI20", "both"),
    ("SI18", "both"),
    ("ST6", "both"),
    ("CV24", "midline"),
    ("EX-HN3", "midline"),
    ("TE23", "both"),
    ("GB1", "both"),
    ("LI4", "both"),
    ("ST36", "both"),
    ("SP6", "both"),
]
FLAGS = ["anticoagulants", "diabetes", "keloid", "pregnancy", "migraine"]


def _points(rng: random.Random) -> list[tuple[str, str]]:
    chosen: list[tuple[str, str]] = []
    for code, sides in rng.sample(FACE, len(FACE)):
        for side in ("right", "left") if sides == "both" else ("midline",):
            if len(chosen) < MARKS_PER_SESSION:
                chosen.append((code, side))
    return chosen


def build(path: Path) -> None:
    """The big practice in bulk, with an audit entry for every record (chained hashes are not needed to
    read or export it, so they are placeholders)."""
    rng = random.Random(18)
    practice = Practice.open(path)
    conn = practice.store.conn
    audit: list[tuple[object, ...]] = []

    def audited(table: str, rows: list[tuple[object, ...]], names: tuple[str, ...]) -> None:
        for row in rows:
            audit.append(
                (STAMP, "Dr. Bench", "insert", table, row[0], json.dumps(dict(zip(names, row, strict=True))))
            )

    clients = [
        (
            i,
            f"Client{i}",
            f"Bench{i % 997}",
            f"{1950 + i % 50}-0{1 + i % 9}-1{i % 9}",
            json.dumps(rng.sample(FLAGS, rng.choice((0, 0, 0, 1, 1, 2)))),
            STAMP,
            STAMP,
        )
        for i in range(1, CLIENTS + 1)
    ]
    sessions, marks, ratings, reactions = [], [], [], []
    per_client = SESSIONS // CLIENTS
    for client_id in range(1, CLIENTS + 1):
        first = TODAY - dt.timedelta(days=rng.randint(7 * per_client, 7 * per_client + 900))
        for k in range(per_client):
            session_id = len(sessions) + 1
            started = dt.datetime.combine(first + dt.timedelta(days=7 * k), dt.time(10, 0)).isoformat()
            sessions.append(
                (session_id, client_id, started, MARKS_PER_SESSION, started, started, "Dr. Bench")
            )
            for code, side in _points(rng):
                marks.append((len(marks) + 1, session_id, code, side, "face", 1, STAMP))
            ratings += [
                (len(ratings) + 1, session_id, "wrinkles", rng.randint(0, 10)),
                (len(ratings) + 2, session_id, "radiance", rng.randint(0, 10)),
            ]
            if rng.random() < 0.17:
                mark_id = len(marks) - rng.randrange(MARKS_PER_SESSION)
                reactions.append(
                    (
                        len(reactions) + 1,
                        session_id,
                        mark_id,
                        rng.choice(("bruising", "redness", "soreness")),
                        "mild",
                        "during",
                        started[:10],
                        STAMP,
                    )
                )
    with conn:
        conn.executemany(
            "insert into clients (id, first_name, last_name, date_of_birth, caution_flags, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)",
            clients,
        )
        conn.executemany(
            "insert into sessions (id, client_id, started_at, needles_removed, created_at, signed_at, signed_by) values (?, ?, ?, ?, ?, ?, ?)",
            sessions,
        )
        conn.executemany(
            "insert into marks (id, session_id, code, side, view, needles, created_at) values (?, ?, ?, ?, ?, ?, ?)",
            marks,
        )
        conn.executemany("insert into ratings (id, session_id, concern, score) values (?, ?, ?, ?)", ratings)
        conn.executemany(
            "insert into reactions (id, session_id, mark_id, kind, severity, onset, resolved_on, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
            reactions,
        )
        audited(
            "clients",
            clients,
            ("id", "first_name", "last_name", "date_of_birth", "caution_flags", "created_at", "updated_at"),
        )
        audited(
            "sessions",
            sessions,
            ("id", "client_id", "started_at", "needles_removed", "created_at", "signed_at", "signed_by"),
        )
        audited("marks", marks, ("id", "session_id", "code", "side", "view", "needles", "created_at"))
        audited("ratings", ratings, ("id", "session_id", "concern", "score"))
        audited(
            "reactions",
            reactions,
            ("id", "session_id", "mark_id", "kind", "severity", "onset", "resolved_on", "created_at"),
        )
        conn.executemany(
            "insert into audit (id, at, actor, action, entity, entity_id, data, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(i, *row, "0" * 64, "0" * 64) for i, row in enumerate(audit, 1)],
        )
    conn.execute("analyze")
    practice.close()


def bare_read(path: Path) -> None:
    """Every row of every exported table, read with plain SQL and thrown away."""
    from acuchart.export.kinds import KINDS

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for kind in KINDS:
            cursor = conn.execute(f"select * from [{kind.table}]")
            while cursor.fetchmany(5000):
                pass
    finally:
        conn.close()


def run() -> dict[str, float]:
    """Measure and print; returns the figures."""
    from acuchart.export.practice_export import export_practice

    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.acuchart"
        began = time.perf_counter()
        build(path)
        show(
            f"setup: {CLIENTS:,} clients, {SESSIONS:,} sessions, {MARKS_PER_SESSION} marks each",
            time.perf_counter() - began,
            "s",
        )
        practice = Practice.open(path)
        try:
            began = time.perf_counter()
            bare_read(path)
            figures["export_baseline_s"] = time.perf_counter() - began
            updates: list[int] = []
            summary = export_practice(
                practice, Path(folder) / "export", lambda done, _total: updates.append(done)
            )
            figures["export_s"] = summary.seconds
            figures["export_records"] = summary.total
            size = sum(p.stat().st_size for p in (Path(folder) / "export").rglob("*") if p.is_file())
            show(
                f"export: {summary.total:,} records, {size / 1e6:,.0f} MB, {len(updates)} progress updates",
                summary.seconds,
                "s",
            )
            show("baseline: every exported row read with plain SQL", figures["export_baseline_s"], "s")

            service = practice.reaction_map
            began = time.perf_counter()
            service.reaction_map(MapFilter())
            figures["map_first_s"] = time.perf_counter() - began
            filters = [
                MapFilter(),
                MapFilter(caution="anticoagulants"),
                MapFilter(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31)),
                MapFilter(caution="none", start=dt.date(2026, 1, 1)),
                MapFilter(protocol="none"),
            ]
            turn = iter(range(10**9))
            changes = timings_ms(lambda: service.reaction_map(filters[next(turn) % len(filters)]), repeat=50)
            conn = practice.store.conn
            bare = timings_ms(
                lambda: conn.execute(
                    "select code, count(*) from marks where code is not null group by code"
                ).fetchall(),
                repeat=5,
                warmup=1,
            )
            figures["map_change_p95_ms"] = p95(changes)
            show(
                "reaction map: first reading of the records (once, then after changes)",
                figures["map_first_s"],
                "s",
            )
            show("reaction map: figures after a filter change, median", median(changes), "ms")
            show("reaction map: figures after a filter change, p95", figures["map_change_p95_ms"], "ms")
            show("baseline: one bare SQL count of every mark per point", median(bare), "ms")
            figures["map_draw_p95_ms"] = _draw_ms(practice, filters)
            show(
                "reaction map window: filter change to redrawn diagrams and list, p95",
                figures["map_draw_p95_ms"],
                "ms",
            )
        finally:
            practice.close()
        figures.update(_import(Path(folder)))
    return figures


def _draw_ms(practice: Practice, filters: list[MapFilter]) -> float:
    """The window itself, offscreen: a filter change to the redrawn diagrams and ranked list."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from tests.benchmarks.harness import dispose
    from ui.app import create_application
    from ui.opendata.reaction_map_window import ReactionMapWindow
    from ui.preferences import Preferences

    create_application()
    window = ReactionMapWindow(
        practice, Preferences(QSettings(str(Path(tempfile.mkdtemp()) / "p.ini"), QSettings.Format.IniFormat))
    )
    window.resize(1280, 800)
    window.show()
    combos = [window.caution, window.period]
    steps = iter(range(10**9))

    def change() -> None:
        step = next(steps)
        combo = combos[step % 2]
        combo.setCurrentIndex((combo.currentIndex() + 1) % min(combo.count(), 4))
        window.repaint()

    times = timings_ms(change, repeat=30)
    dispose(window)
    return p95(times)


def _import(folder: Path) -> dict[str, float]:
    from acuchart.imports.mapping import guess_mapping
    from acuchart.imports.plan import plan_import, run_import
    from acuchart.imports.sniff import parse_table
    from tests.imports_helpers import messy_csv

    data = messy_csv(IMPORT_ROWS, seed=5)
    practice = Practice.open(folder / "import.acuchart")
    try:
        table = parse_table(data, "clients.csv")
        mapping = guess_mapping(table.columns, [], True)
        began = time.perf_counter()
        plan = plan_import(practice, table, mapping)
        report = run_import(practice, plan).value
        seconds = time.perf_counter() - began
        rows = [
            (f.first_name, f.last_name, f.email, STAMP, STAMP)
            for r in plan.with_status("ready")
            if (f := r.form)
        ]
        conn = sqlite3.connect(folder / "bare.sqlite")
        conn.execute("create table clients (first_name, last_name, email, created_at, updated_at)")
        began = time.perf_counter()
        with conn:
            conn.executemany("insert into clients values (?, ?, ?, ?, ?)", rows)
        bare = time.perf_counter() - began
        conn.close()
    finally:
        practice.close()
    show(
        f"import {IMPORT_ROWS:,} rows after the mapping step ({len(report.added):,} added, {len(report.skipped):,} skipped)",
        seconds,
        "s",
    )
    show("baseline: the same clients inserted with plain SQL, no checks, no audit", bare, "s")
    return {"import_s": seconds, "import_baseline_s": bare}


def verdicts(figures: dict[str, float]) -> dict[str, bool]:
    """The issue's numbers, as pass or miss."""
    return {
        "export of 10,000 clients / 150,000 sessions <= 10 s": figures["export_s"] <= 10,
        "reaction map over 150,000 sessions <= 200 ms after a filter change": figures["map_draw_p95_ms"]
        <= 200,
        "importing 10,000 clients <= 5 s after the mapping step": figures["import_s"] <= 5,
    }


if __name__ == "__main__":
    print(verdicts(run()))
