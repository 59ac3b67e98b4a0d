"""The clinical record at scale: opening a client with 100 sessions, and the practice-wide follow-ups over
10,000 clients and 150,000 sessions.

Each is measured against bare queries in the same process on the same connection: all of one client's
session rows for the client page; the open reactions and the courses due, rows only, for the follow-ups. The practice is built with bulk
inserts (no audit entries: these figures are about reading).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import tempfile
import time
from pathlib import Path

from acuchart.practice import Practice
from tests.benchmarks.harness import dispose, median, p95, show, timings_ms

CLIENTS = 10_000
SESSIONS = 150_000
MARKS_PER_SESSION = 6
BIG_CLIENT_SESSIONS = 100
TODAY = dt.date(2026, 11, 21)
CONCERNS = ["wrinkles", "radiance", "sagging", "dark_circles", "acne"]
POINTS = [
    ("ST2", "left"),
    ("ST2", "right"),
    ("GB14", "left"),
    ("GB14", "right"),
    ("CV24", "midline"),
    ("LI4", "left"),
]
STAMP = "2026-01-01T09:00:00"
BARE_FOLLOWUPS = (
    "select * from reactions where resolved_on is null",
    "select * from courses where status = 'active' and next_due_on < '2026-11-21'",
    "select * from courses where status = 'maintenance' and next_due_on <= '2026-12-05'",
)


def _courses_and_sessions(rng: random.Random) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Courses (one per client, a second for some) and 150,000 sessions spread over them, weekly."""
    courses: list[tuple[object, ...]] = []
    sessions: list[tuple[object, ...]] = []
    per_client = (SESSIONS - BIG_CLIENT_SESSIONS) // (CLIENTS - 1)
    for client_id in range(1, CLIENTS + 1):
        count = (
            BIG_CLIENT_SESSIONS
            if client_id == 1
            else per_client + (client_id <= (SESSIONS - BIG_CLIENT_SESSIONS) % (CLIENTS - 1))
        )
        first_day = TODAY - dt.timedelta(days=rng.randint(7 * count, 7 * count + 700))
        split = count // 2 if client_id % 5 == 0 or client_id == 1 else count
        for part, (start, n) in enumerate(((0, split), (split, count - split))):
            if n == 0:
                continue
            course_id = len(courses) + 1
            course_start = first_day + dt.timedelta(days=7 * start)
            last_part = part == 1 or split == count
            status = (
                rng.choices(("active", "completed", "maintenance", "stopped"), (3, 4, 2, 1))[0]
                if last_part
                else "completed"
            )
            ended = (course_start + dt.timedelta(days=7 * n)).isoformat() if status != "active" else None
            courses.append(
                (
                    course_id,
                    client_id,
                    json.dumps(rng.sample(CONCERNS, 2)),
                    max(n, 10),
                    7,
                    course_start.isoformat(),
                    status,
                    3,
                    ended,
                    STAMP,
                )
            )
            for k in range(n):
                started = dt.datetime.combine(
                    course_start + dt.timedelta(days=7 * k), dt.time(10, 0)
                ).isoformat()
                sessions.append(
                    (len(sessions) + 1, client_id, course_id, started, 4, started, started, "Dr. Bench")
                )
    return courses, sessions


def build(path: Path) -> None:
    """The big practice: clients, courses, sessions with marks, ratings and a few reactions, in bulk."""
    rng = random.Random(5)
    practice = Practice.open(path)
    conn = practice.store.conn
    courses, sessions = _courses_and_sessions(rng)
    with conn:
        conn.executemany(
            "insert into clients (id, first_name, last_name, concerns, created_at, updated_at) values (?, ?, ?, ?, ?, ?)",
            [
                (i, f"Client{i}", f"Bench{i % 997}", '["wrinkles"]', STAMP, STAMP)
                for i in range(1, CLIENTS + 1)
            ],
        )
        conn.executemany(
            "insert into courses (id, client_id, concerns, planned_sessions, interval_days, start_date, status,"
            " maintenance_months, ended_on, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            courses,
        )
        conn.executemany(
            "insert into sessions (id, client_id, course_id, started_at, needles_removed, created_at, signed_at, signed_by)"
            " values (?, ?, ?, ?, ?, ?, ?, ?)",
            sessions,
        )
        conn.executemany(
            "insert into marks (session_id, code, side, view, needles, created_at) values (?, ?, ?, 'face', 1, ?)",
            [(s[0], code, side, STAMP) for s in sessions for code, side in POINTS[:MARKS_PER_SESSION]],
        )
        conn.executemany(
            "insert into ratings (session_id, concern, score) values (?, ?, ?)",
            [(s[0], concern, rng.randint(0, 10)) for s in sessions for concern in ("wrinkles", "radiance")],
        )
        reactions = []
        for s in sessions:
            if rng.random() < 0.2:
                open_ = rng.random() < 0.03
                resolved = None if open_ else str(s[3])[:10]
                reactions.append(
                    (s[0], (s[0] - 1) * MARKS_PER_SESSION + 1, "bruising", "mild", "during", resolved, STAMP)
                )
        conn.executemany(
            "insert into reactions (session_id, mark_id, kind, severity, onset, resolved_on, created_at)"
            " values (?, ?, ?, ?, ?, ?, ?)",
            reactions,
        )
    conn.execute("analyze")
    practice.close()


def open_client_page_ms(practice: Practice, client_id: int, repeat: int) -> list[float]:
    """The client page itself, drawn offscreen: what the practitioner waits for."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import create_application
    from ui.client_page import ClientPage

    create_application()
    page = ClientPage(practice)
    page.resize(1100, 800)
    page.show()
    times = timings_ms(lambda: page.show_client(client_id), repeat=repeat)
    dispose(page)
    return times


def run() -> dict[str, float]:
    """Measure and print; returns the figures."""
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.acuchart"
        begin = time.perf_counter()
        build(path)
        show(f"setup: {CLIENTS:,} clients, {SESSIONS:,} sessions in bulk", time.perf_counter() - begin, "s")
        practice = Practice.open(path)
        conn = practice.store.conn
        course_id = practice.client_record(1).courses[0].course.id

        def open_client() -> None:
            practice.client_record(1, TODAY)
            practice.ratings.progress_series(course_id)

        client = timings_ms(open_client, repeat=40)
        bare_client = timings_ms(
            lambda: conn.execute(
                "select * from sessions where client_id = ? order by started_at desc", [1]
            ).fetchall(),
            repeat=40,
        )
        figures["open_client_p95_ms"] = p95(client)
        figures["open_client_bare_p95_ms"] = p95(bare_client)
        figures["open_client_ratio"] = figures["open_client_p95_ms"] / figures["open_client_bare_p95_ms"]
        page = open_client_page_ms(practice, 1, repeat=20)
        figures["client_page_p95_ms"] = p95(page)
        show(
            f"open a client with {BIG_CLIENT_SESSIONS} sessions p95 (record + progress)",
            figures["open_client_p95_ms"],
            "ms",
        )
        show("bare query p95 (that client's session rows)", figures["open_client_bare_p95_ms"], "ms")
        show("ratio service / bare", figures["open_client_ratio"], "x")
        show("client page shown (offscreen Qt, median)", median(page), "ms")
        show("client page shown (offscreen Qt, p95)", figures["client_page_p95_ms"], "ms")

        found = practice.followups.followups(TODAY)
        follow = timings_ms(lambda: practice.followups.followups(TODAY), repeat=40)
        bare_follow = timings_ms(lambda: [conn.execute(sql).fetchall() for sql in BARE_FOLLOWUPS], repeat=40)
        figures["followups_median_ms"] = median(follow)
        figures["followups_p95_ms"] = p95(follow)
        figures["followups_bare_p95_ms"] = p95(bare_follow)
        figures["followups_ratio"] = figures["followups_p95_ms"] / figures["followups_bare_p95_ms"]
        show(
            f"follow-ups p95 ({len(found.open_reactions)} open reactions, {len(found.overdue_courses)} overdue, "
            f"{len(found.due_maintenance)} maintenance)",
            figures["followups_p95_ms"],
            "ms",
        )
        show("follow-ups median", figures["followups_median_ms"], "ms")
        show(
            "bare queries p95 (open reactions, courses due: rows only)",
            figures["followups_bare_p95_ms"],
            "ms",
        )
        show("ratio service / bare", figures["followups_ratio"], "x")
        practice.close()
    return figures


def verdicts(figures: dict[str, float]) -> dict[str, bool]:
    """The issue's numbers, as pass or miss."""
    return {
        "open a client with 100 sessions <= 50 ms": figures["open_client_p95_ms"] <= 50,
        "client page with 100 sessions shown <= 50 ms": figures["client_page_p95_ms"] <= 50,
        "follow-ups over 10,000 clients and 150,000 sessions <= 50 ms": figures["followups_p95_ms"] <= 50,
    }


if __name__ == "__main__":
    print(verdicts(run()))
