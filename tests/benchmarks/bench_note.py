"""The acupuncturist's note at scale: a needle-lot recall over 150,000 sessions, and opening a session of 60
marks with a full assessment, its techniques, boxes and skin grades.

The practice is built with bulk inserts (no audit entries: these figures are about reading). Each figure is
measured beside a bare query in the same process, interleaved so both see the same machine load.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
import time
from pathlib import Path

from acuchart.models.tcm import Pulse, PulsePosition, Tongue
from acuchart.practice import Practice
from tests.benchmarks.harness import interleaved_ms, median, p95, show

CLIENTS = 10_000
SESSIONS = 150_000
LOTS = 60
STAMP = "2026-01-01T09:00:00"
TODAY = dt.date(2026, 11, 21)
MARKS = 60


def build(path: Path) -> tuple[int, str]:
    """A practice of 10,000 clients and 150,000 sessions, each session using one or two of 60 boxes of
    needles; returns a session to open (60 marks, a full note) and a lot number to recall."""
    rng = random.Random(20)
    practice = Practice.open(path)
    conn = practice.store.conn
    with conn:
        conn.executemany(
            "insert into clients (id, first_name, last_name, phone, created_at, updated_at) values (?, ?, ?, ?, ?, ?)",
            [
                (i, f"Client{i}", f"Family{i % 997}", f"07700 {i:06d}", STAMP, STAMP)
                for i in range(1, CLIENTS + 1)
            ],
        )
        conn.executemany(
            "insert into needle_lots (id, brand, gauge, length, lot_number, opened_on, created_at) "
            "values (?, 'Seirin J-type', '0.16', '15 mm', ?, '2024-01-01', ?)",
            [(i, f"2{i:02d}A-{1000 + i}", STAMP) for i in range(1, LOTS + 1)],
        )
        day = dt.datetime(2023, 1, 2, 9, 0)
        sessions = []
        links = []
        for session_id in range(1, SESSIONS + 1):
            started = (day + dt.timedelta(minutes=7 * session_id)).isoformat(timespec="seconds")
            sessions.append((session_id, 1 + (session_id - 1) % CLIENTS, started, STAMP))
            lot = min(LOTS, 1 + (session_id * LOTS) // SESSIONS)
            links.append((session_id, lot))
            if session_id % 3 == 0:
                links.append((session_id, 1 + (lot + rng.randint(1, 5)) % LOTS))
        conn.executemany(
            "insert into sessions (id, client_id, started_at, created_at) values (?, ?, ?, ?)", sessions
        )
        conn.executemany("insert or ignore into session_lots (session_id, lot_id) values (?, ?)", links)
    client_id = 1
    session = practice.sessions.create(client_id, consent_override="Benchmark").value
    points = [(p.code, side) for p in practice.catalogue.points if p.bilateral for side in ("left", "right")]
    practice.charting.apply_protocol(session.id, points[:MARKS])
    practice.assessment.carry_over(session.id)
    practice.assessment.record(
        session.id,
        tongue=Tongue(
            "pale red", "white", "thin", ("tooth-marked", "cracked"), "normal", "a little dry at the tip"
        ),
        pulse=Pulse(
            "normal",
            68,
            {
                (side, pos): PulsePosition("middle", "normal", ("wiry",))
                for side in ("left", "right")
                for pos in ("cun", "guan", "chi")
            },
        ),
        principles=["interior", "deficiency", "heat"],
        patterns=["Liver qi stagnation", "Spleen qi deficiency"],
        treatment_principle="Soothe the Liver and move qi",
    )
    for kind in ("gua_sha", "cupping", "ear_seeds"):
        practice.adjuncts.add(session.id, kind, "cheeks", 5)
    practice.skin.record(client_id, session.id, glogau=3, wrinkles={"forehead": 3, "crows_feet": 2})
    practice.sessions.update_details(
        session.id, subjective="Slept well", assessment="Settling", plan="Weekly"
    )
    practice.close()
    return session.id, "217A-1017"


def open_note(practice: Practice, session_id: int) -> None:
    """What opening a session reads: the chart, and every part of the note the editor shows."""
    chart = practice.sessions.load(session_id)
    practice.assessment.findings(session_id)
    practice.assessment.previous(session_id)
    practice.needle_lots.open_lots()
    practice.needle_lots.lots_for_session(session_id)
    practice.adjuncts.for_session(session_id)
    practice.skin.for_session(session_id)
    concerns = practice.ratings.rating_concerns(session_id)
    practice.note_templates.for_concerns(concerns)
    assert len(chart.marks) == MARKS


def run() -> dict[str, float]:
    """Measure and print; returns the figures."""
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "note.acuchart"
        begin = time.perf_counter()
        session_id, lot_number = build(path)
        show(
            f"setup: {CLIENTS:,} clients, {SESSIONS:,} sessions, {LOTS} boxes",
            time.perf_counter() - begin,
            "s",
        )
        practice = Practice.open(path)
        conn = practice.store.conn
        uses = practice.needle_lots.uses_of(lot_number)
        lot_id = conn.execute("select id from needle_lots where lot_number = ?", [lot_number]).fetchone()[0]
        times = interleaved_ms(
            {
                "recall": lambda: practice.needle_lots.uses_of(lot_number.lower().replace("-", " ")),
                "bare": lambda: conn.execute(
                    "select session_id from session_lots where lot_id = ?", [lot_id]
                ).fetchall(),
                "open": lambda: open_note(practice, session_id),
                "bare_open": lambda: conn.execute(
                    "select * from marks where session_id = ?", [session_id]
                ).fetchall(),
            },
            repeat=40,
        )
        figures["lot_recall_p95_ms"] = p95(times["recall"])
        figures["lot_recall_bare_p95_ms"] = p95(times["bare"])
        figures["open_note_p95_ms"] = p95(times["open"])
        figures["open_note_bare_p95_ms"] = p95(times["bare_open"])
        show(
            f"needle lot recall ({len(uses):,} sessions of one lot), p95", figures["lot_recall_p95_ms"], "ms"
        )
        show("  bare query p95 (that lot's session ids)", figures["lot_recall_bare_p95_ms"], "ms")
        show("  median", median(times["recall"]), "ms")
        show(f"open a session: {MARKS} marks and a full note, p95", figures["open_note_p95_ms"], "ms")
        show("  bare query p95 (its marks' rows)", figures["open_note_bare_p95_ms"], "ms")
        practice.close()
    return figures


def verdicts(figures: dict[str, float]) -> dict[str, bool]:
    """The issue's numbers, as pass or miss."""
    return {
        "needle lot recall over 150,000 sessions <= 50 ms": figures["lot_recall_p95_ms"] <= 50,
        "open a session of 60 marks with a full assessment <= 100 ms": figures["open_note_p95_ms"] <= 100,
    }


if __name__ == "__main__":
    print(verdicts(run()))
