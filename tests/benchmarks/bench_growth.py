"""The growth table: every headline figure on practices of 1,000, 10,000 and 100,000 clients (15 sessions
each on average), beside its bare baseline measured in the same run, so anyone can see which costs grow
with the practice and by how much.

Where sizes can be compared directly, they are measured in turn (a round over every size, then the
next round), so that each sees the same machine load: the practices are all open at once. The quick
figures (search, follow-ups, opening a client) are measured in three rounds and each keeps the p95 of its
calmest round: on a shared 2-core machine a burst of other work otherwise decides a p95. The largest
practice takes about a minute to build and a gigabyte of disk; ``ACUCHART_BENCH_SKIP_LARGEST=1`` (or
``python -m tests.benchmarks growth --skip-largest``) leaves it out.

Backups are not built yet: their row is kept for the figure (a verified backup of each practice beside a
bare copy of the file) when they are.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from acuchart.practice import Practice
from acuchart.reports import documents
from acuchart.services.clients import search_tokens
from acuchart.storage import records as record_rows
from acuchart.storage.clients import search_sql
from tests.benchmarks import practices, startup
from tests.benchmarks.bench_handout import bare_page
from tests.benchmarks.harness import dispose, interleaved_ms, median, p95, timings_ms
from ui.records.followups import PAGE as FOLLOWUPS_PAGE

SIZES = (1_000, 10_000, 100_000)
STARTS = 15
"""Cold starts of each window (interleaved); the median is reported."""
ROUNDS = 3
"""Rounds of the quick figures (search, follow-ups, opening a client): each figure's p95 is taken from its
calmest round, so that a burst of another program's work on a shared machine does not decide it."""
BUILD_BUDGET_S = 60.0

Cells = dict[int, float]


def sizes() -> tuple[int, ...]:
    """The sizes to measure: all, or all but the largest when told to skip it."""
    skip = os.environ.get("ACUCHART_BENCH_SKIP_LARGEST", "") not in ("", "0") or "--skip-largest" in sys.argv
    return SIZES[:-1] if skip else SIZES


class Table:
    """The figures as they are measured, printed side by side at the end."""

    def __init__(self, columns: tuple[int, ...]) -> None:
        self.columns = columns
        self.rows: list[tuple[str, Cells | None, str, str]] = []

    def add(self, label: str, cells: Cells | None, unit: str = "ms", target: str = "") -> Cells | None:
        self.rows.append((label, cells, unit, target))
        return cells

    def print(self) -> None:
        head = "".join(f"{f'{n:,} clients':>17}" for n in self.columns)
        growth = f"{self.columns[-2]:,}→{self.columns[-1]:,}" if len(self.columns) > 1 else ""
        print(f"\n  {'':<52}{head}{growth:>17}   target")
        for label, cells, unit, target in self.rows:
            if cells is None:
                values = "".join(f"{'—':>17}" for _ in self.columns)
                print(f"  {label:<52}{values}", flush=True)
                continue
            values = "".join(f"{_number(cells[n], unit):>17}" for n in self.columns)
            ratio = ""
            if len(self.columns) > 1 and not label.startswith("  ") and cells[self.columns[-2]]:
                ratio = f"{cells[self.columns[-1]] / cells[self.columns[-2]]:.2f}×"
            print(f"  {label:<52}{values}{ratio:>17}   {target}", flush=True)


def _number(value: float, unit: str) -> str:
    if unit == "×":
        return f"{value:.2f}×"
    if unit == "":
        return f"{value:,.0f}"
    return f"{value:,.2f} {unit}" if value < 100 else f"{value:,.0f} {unit}"


def _calmest_p95(
    measure: Callable[[], dict[str, list[float]]], column: tuple[int, ...], key: str
) -> tuple[Cells, Cells]:
    """The p95 of ``key`` and of its bare baseline at each size, from the calmest of :data:`ROUNDS` rounds of
    ``measure`` (each round gives every figure its own p95; the lowest is kept)."""
    rounds = [measure() for _ in range(ROUNDS)]

    def calmest(name: str) -> Cells:
        return {n: min(p95(r[f"{n}:{name}"]) for r in rounds) for n in column}

    return calmest(key), calmest("bare")


def _search(opened: dict[int, Practice], table: Table) -> Cells:
    fns_by_query: list[dict[str, Callable[[], object]]] = []
    for query in practices.QUERIES:
        sql, params = search_sql(search_tokens(query), False)
        fns: dict[str, Callable[[], object]] = {}
        for n, practice in opened.items():
            conn = practice.store.conn
            fns[f"{n}:service"] = lambda p=practice, q=query: p.clients.search(q)
            fns[f"{n}:bare"] = lambda c=conn, s=sql, a=params: c.execute(s, a).fetchall()
        fns_by_query.append(fns)

    def every_query() -> dict[str, list[float]]:
        runs: dict[str, list[float]] = {}
        for fns in fns_by_query:
            for name, times in interleaved_ms(fns, repeat=12).items():
                runs.setdefault(name, []).extend(times)
        return runs

    found, bare = _calmest_p95(every_query, tuple(opened), "service")
    table.add("type-ahead search, 16 queries, p95", found, target="≤ 30 ms, grows ≤ 1.5×")
    table.add("  bare: the same indexed query, same connection", bare)
    return found


def _followups(opened: dict[int, Practice], table: Table) -> Cells:
    today = practices.TODAY
    horizon = (today + dt.timedelta(days=14)).isoformat()
    fns: dict[str, Callable[[], object]] = {}
    for n, practice in opened.items():
        store = practice.store

        def bare(s=store) -> None:
            record_rows.open_reactions(s, limit=FOLLOWUPS_PAGE)
            record_rows.overdue_courses(s, today.isoformat(), limit=FOLLOWUPS_PAGE)
            record_rows.maintenance_due(s, horizon, limit=FOLLOWUPS_PAGE)
            record_rows.followup_counts(s, today.isoformat(), horizon)

        fns[f"{n}:service"] = lambda p=practice: p.followups.followups(today, first=FOLLOWUPS_PAGE)
        fns[f"{n}:bare"] = bare
    columns = tuple(opened)
    found, bare_p95 = _calmest_p95(lambda: interleaved_ms(fns, repeat=30), columns, "service")
    counts = {n: opened[n].followups.followups(today, first=1).counts for n in columns}
    table.add(
        f"follow-ups: first {FOLLOWUPS_PAGE} of each list + counts, p95",
        found,
        target="≤ 50 ms, grows ≤ 1.5×",
    )
    table.add("  bare: the same queries, rows only", bare_p95)
    table.add("  open reactions", {n: float(counts[n][0]) for n in columns}, "")
    table.add("  overdue courses", {n: float(counts[n][1]) for n in columns}, "")
    table.add("  maintenance due", {n: float(counts[n][2]) for n in columns}, "")
    return found


def _open_client(opened: dict[int, Practice], table: Table) -> Cells:
    fns: dict[str, Callable[[], object]] = {}
    for n, practice in opened.items():
        conn = practice.store.conn
        course_id = practice.client_record(1).courses[0].course.id

        def open_record(p: Practice = practice, c: int = course_id) -> None:
            p.client_record(1, practices.TODAY)
            p.ratings.progress_series(c)

        fns[f"{n}:service"] = open_record
        fns[f"{n}:bare"] = lambda c=conn: c.execute(
            "select * from sessions where client_id = ? order by started_at desc", [1]
        ).fetchall()
    found, bare = _calmest_p95(lambda: interleaved_ms(fns, repeat=20), tuple(opened), "service")
    table.add("open a client with 100 sessions, p95", found, target="≤ 50 ms")
    table.add("  bare: that client's session rows", bare)
    return found


def _qt_figures(
    opened: dict[int, Practice], built: dict[int, practices.Built], folder: Path, table: Table
) -> dict[str, Cells]:
    """The client page, opening a big session and a click on a point, in a real main window per practice."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

    from ui.app import create_application
    from ui.client_page import ClientPage
    from ui.main_window import MainWindow
    from ui.preferences import Preferences

    app = create_application()
    bare_view = QGraphicsView(QGraphicsScene(0, 0, 600, 800))
    bare_view.resize(800, 800)
    bare_view.show()
    app.processEvents()
    figures: dict[str, Cells] = {name: {} for name in ("page", "open", "open_bare", "click", "click_bare")}
    for n, practice in opened.items():
        page = ClientPage(practice)
        page.resize(1100, 800)
        page.show()
        figures["page"][n] = p95(timings_ms(lambda pg=page: pg.show_client(1), repeat=20))
        dispose(page)
        prefs = Preferences(QSettings(str(folder / f"prefs-{n}.ini"), QSettings.Format.IniFormat))
        window = MainWindow(practice, prefs)
        window.resize(1400, 900)
        window.show()
        app.processEvents()
        big = built[n].big_session_id
        figures["open"][n] = median(timings_ms(lambda w=window, s=big: w.open_session(s), repeat=30))
        figures["open_bare"][n] = median(
            timings_ms(
                lambda p=practice, s=big: p.store.rows("select * from marks where session_id = ?", [s]), 100
            )
        )
        session_id = practice.sessions.create(1).value.id
        window.open_session(session_id)
        view = window.session_editor.views["face"]
        view.fit()
        app.processEvents()
        st2 = view.point_item("ST2", "left")
        assert st2 is not None
        where = view.mapFromScene(st2.pos())

        def click(v=view, at=where) -> None:
            QTest.mouseClick(v.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
            v.viewport().repaint()

        figures["click"][n] = p95(timings_ms(click, 100, warmup=4))
        figures["click_bare"][n] = median(timings_ms(lambda: bare_view.viewport().repaint(), 60))
        dispose(window)
    dispose(bare_view)
    table.add("client page shown (Qt offscreen), p95", figures["page"], target="≤ 50 ms")
    table.add("open a session of 60 marks and 20 reactions, median", figures["open"], target="≤ 100 ms")
    table.add("  bare: that session's marks' rows", figures["open_bare"])
    table.add("click on a point to the repainted marker, p95", figures["click"], target="≤ 16 ms")
    table.add("  bare: a bare view repaint", figures["click_bare"])
    return figures


def _handout(
    opened: dict[int, Practice], built: dict[int, practices.Built], table: Table
) -> dict[str, Cells]:
    fns: dict[str, Callable[[], object]] = {"bare": lambda: bare_page(convert=False)}
    for n, practice in opened.items():
        fns[f"{n}:handout"] = lambda p=practice, s=built[n].usual_session_id: documents.handout(p, s)
    runs = interleaved_ms(fns, repeat=30)
    columns = tuple(opened)
    found = {n: median(runs[f"{n}:handout"]) for n in columns}
    bare = {n: median(runs["bare"]) for n in columns}
    ratio = {n: found[n] / bare[n] for n in columns}
    table.add("session handout from the records (6 points), median", found, target="≤ 150 ms")
    table.add("  bare: a reportlab page with the same diagram", bare)
    table.add("  handout / bare page", ratio, "×")
    return {"handout": found, "ratio": ratio}


def _cold_start(built: dict[int, practices.Built], table: Table) -> Cells:
    startup.start_ms(startup.BARE_WINDOW)  # first runs write the bytecode caches, as a first launch would
    for b in built.values():
        startup.start_ms(startup.APP_WINDOW, str(b.path))
    runs: dict[str, list[float]] = {"bare": [], **{str(n): [] for n in built}}
    for _ in range(STARTS):
        runs["bare"].append(startup.start_ms(startup.BARE_WINDOW))
        for n, b in built.items():
            runs[str(n)].append(startup.start_ms(startup.APP_WINDOW, str(b.path)))
    columns = tuple(built)
    app = {n: median(runs[str(n)]) for n in columns}
    bare = {n: median(runs["bare"]) for n in columns}
    ratio = {n: app[n] / bare[n] for n in columns}
    table.add(f"cold start through main.py to the first frame, median of {STARTS}", app)
    table.add("  bare: an empty PySide6 window, started in turn", bare)
    table.add("  app / bare window", ratio, "×", "≤ 1.5×")
    return ratio


def _memory(built: dict[int, practices.Built], table: Table) -> dict[str, Cells]:
    bare = startup.settled_memory(startup.BARE_MEMORY)["rss_kb"] / 1024
    reports = {n: startup.settled_memory(startup.APP_MEMORY, str(b.path)) for n, b in built.items()}
    columns = tuple(built)
    rss = {n: reports[n]["rss_kb"] / 1024 for n in columns}
    rows = {n: float(reports[n]["rows"]) for n in columns}
    objects = {n: float(reports[n]["client_summaries"]) for n in columns}
    table.add("resident memory once the window has settled", rss, "MB")
    table.add("  bare: an empty PySide6 window", {n: bare for n in columns}, "MB")
    table.add("  clients the list holds (rows / ClientSummary objects)", rows, "", "one page (200)")
    table.add("  ClientSummary objects alive", objects, "")
    return {"rss": rss, "rows": rows, "objects": objects}


def run() -> dict[str, float]:
    """Build the practices, measure every figure at every size, print the table; returns the figures."""
    columns = sizes()
    table = Table(columns)
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="acuchart-growth-") as tmp:
        folder = Path(tmp)
        built = {}
        for n in columns:
            built[n] = practices.build(folder / f"practice-{n}.acuchart", n)
            b = built[n]
            size_mb = b.path.stat().st_size / 1e6
            print(
                f"  built {n:,} clients, {b.sessions:,} sessions in {b.total_s:.1f} s "
                f"(records {b.bulk_s:.1f} s, search index {b.index_s:.1f} s; {size_mb:,.0f} MB)",
                flush=True,
            )
        figures["build_largest_s"] = built[columns[-1]].total_s
        opened = {n: Practice.open(b.path) for n, b in built.items()}
        try:
            search = _search(opened, table)
            follow = _followups(opened, table)
            client = _open_client(opened, table)
            qt = _qt_figures(opened, built, folder, table)
            handout = _handout(opened, built, table)
        finally:
            for practice in opened.values():
                practice.close()
        table.add("backup, verified (not built yet)", None)
        start = _cold_start(built, table)
        memory = _memory(built, table)
    table.print()
    largest, before = columns[-1], columns[-2]
    figures |= {
        "largest": float(largest),
        "search_p95_ms": search[largest],
        "search_growth": search[largest] / search[before],
        "followups_p95_ms": follow[largest],
        "followups_growth": follow[largest] / follow[before],
        "open_client_p95_ms": client[largest],
        "client_page_p95_ms": qt["page"][largest],
        "open_session_ms": qt["open"][largest],
        "click_p95_ms": qt["click"][largest],
        "handout_ms": handout["handout"][largest],
        "handout_ratio": handout["ratio"][largest],
        "start_ratio": start[largest],
        "rss_mb": memory["rss"][largest],
        "list_rows": memory["rows"][largest],
        "client_summaries": memory["objects"][largest],
        "growth_from": float(before),
    }
    return figures


def verdicts(figures: dict[str, float]) -> dict[str, bool]:
    """The issues' targets at the largest size measured; growth too when that is 100,000 clients (from 10,000)."""
    at = f"at {figures['largest']:,.0f} clients"
    checks = {
        f"the largest practice built in under {BUILD_BUDGET_S:.0f} s": figures["build_largest_s"]
        < BUILD_BUDGET_S,
        f"type-ahead search p95 <= 30 ms {at}": figures["search_p95_ms"] <= 30,
        f"follow-ups p95 <= 50 ms {at}": figures["followups_p95_ms"] <= 50,
        f"open a client with 100 sessions p95 <= 50 ms {at}": figures["open_client_p95_ms"] <= 50,
        f"client page shown p95 <= 50 ms {at}": figures["client_page_p95_ms"] <= 50,
        f"open a session of 60 marks and 20 reactions <= 100 ms {at}": figures["open_session_ms"] <= 100,
        f"click to repainted marker p95 <= 16 ms {at}": figures["click_p95_ms"] <= 16,
        f"a session handout from the records <= 150 ms {at}": figures["handout_ms"] <= 150,
        f"cold start within 1.5x a bare PySide6 window {at}": figures["start_ratio"] <= 1.5,
        f"the client list holds one page (200 clients) {at}": figures["list_rows"] <= 200
        and figures["client_summaries"] <= 200,
    }
    if (figures["growth_from"], figures["largest"]) == SIZES[-2:]:  # the growth: 10,000 to 100,000
        grows = f"from {figures['growth_from']:,.0f} to {figures['largest']:,.0f} clients"
        checks[f"type-ahead search grows at most 1.5x {grows}"] = figures["search_growth"] <= 1.5
        checks[f"follow-ups grow at most 1.5x {grows}"] = figures["followups_growth"] <= 1.5
    return checks


if __name__ == "__main__":
    for check, ok in verdicts(run()).items():
        print(f"  {'PASS' if ok else 'MISS'}  {check}")
