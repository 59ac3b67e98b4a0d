"""The point atlas: loading it and searching it (``python -m tests.benchmarks points``; not a timed test).

- Point search (Ctrl+K) over the whole catalogue, p95 over typical queries: <= 10 ms.
- Loading the catalogue (both CSV files, every rule checked): reported beside a bare read of the same
  files with the csv module, and beside the search over the 84 everyday points (the old catalogue's
  size), so the cost of the larger atlas shows.
"""

from __future__ import annotations

import csv

from acuchart.catalogue import RESOURCES, Catalogue, load_catalogue, read_catalogue
from tests.benchmarks.harness import interleaved_ms, median, p95, show, timings_ms

SEARCH_BUDGET_MS = 10.0
QUERIES = (
    "ST36",
    "st 2",
    "sj23",
    "du20",
    "REN24",
    "GV29",
    "ex hn 3",
    "b",
    "bl",
    "GB2",
    "sibai",
    "Sìbái",
    "yin tang",
    "zu san li",
    "feng",
    "四白",
    "welcome fragrance",
    "Leg Three Miles",
    "under the eye",
    "jaw",
    "temple",
    "sole",
    "little finger",
    "behind the ear",
    "no such point anywhere",
)


def _bare_read() -> int:
    rows = 0
    for name in ("points.csv", "point_places.csv"):
        with (RESOURCES / name).open(encoding="utf-8", newline="") as handle:
            rows += sum(1 for _ in csv.DictReader(handle))
    return rows


def run() -> dict[str, float]:
    """Measure, print and return the figures (milliseconds)."""
    catalogue = load_catalogue()
    everyday = Catalogue(point for point in catalogue if point.everyday)
    for query in QUERIES:  # build both indexes once, as the first keystroke would
        catalogue.search(query)
        everyday.search(query)
    searches = interleaved_ms(
        {
            "atlas": lambda: [catalogue.search(q, limit=12) for q in QUERIES],
            "everyday": lambda: [everyday.search(q, limit=12) for q in QUERIES],
        },
        30,
    )
    per_query = timings_ms(lambda: catalogue.search("welcome fragrance", limit=12), 200)
    each = [
        t
        for query in QUERIES
        for t in timings_ms(lambda q=query: catalogue.search(q, limit=12), 40, warmup=2)  # type: ignore[misc]
    ]
    loading = interleaved_ms(
        {"load": lambda: read_catalogue(RESOURCES / "points.csv"), "bare": _bare_read}, 15, warmup=2
    )
    figures = {
        "points_in_catalogue": float(len(catalogue)),
        "places_in_catalogue": float(sum(len(p.places) for p in catalogue)),
        "search_p95_ms": p95(each),
        "search_median_ms": median(each),
        "search_welcome_fragrance_p95_ms": p95(per_query),
        "search_25_queries_atlas_ms": median(searches["atlas"]),
        "search_25_queries_84_everyday_points_ms": median(searches["everyday"]),
        "load_catalogue_ms": median(loading["load"]),
        "bare_csv_read_ms": median(loading["bare"]),
        "load_vs_bare_read": median(loading["load"]) / median(loading["bare"]),
    }
    for name, value in figures.items():
        unit = "x" if "_vs_" in name else ("" if name.endswith("catalogue") else "ms")
        show(name, value, unit)
    return figures


def verdicts(figures: dict[str, float]) -> dict[str, bool]:
    """The budget of the issue."""
    return {
        f"point search p95 over the whole catalogue <= {SEARCH_BUDGET_MS:g} ms": figures["search_p95_ms"]
        <= SEARCH_BUDGET_MS
    }


if __name__ == "__main__":
    run()
