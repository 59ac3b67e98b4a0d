"""Write ``acuchart/reports/place_words.py``: every place phrase the documents can print, for the
translation catalogues (run ``python -m tools.place_words`` after changing the regions in points.csv)."""

from __future__ import annotations

import csv
from pathlib import Path

from acuchart.reports.places import every_phrase
from acuchart.reports.regions import VIEW_AREA
from acuchart.resources import RESOURCES

TARGET = Path(__file__).resolve().parents[1] / "acuchart" / "reports" / "place_words.py"


def areas() -> list[str]:
    """Every region of the catalogue, and the areas a free marker far from any point falls in."""
    with (RESOURCES / "points.csv").open(encoding="utf-8") as handle:
        regions = {row["region"] for row in csv.DictReader(handle)}
    return sorted(regions | set(VIEW_AREA.values()))


def module_text() -> str:
    """The module's text, as it should stand."""
    head, _, _ = TARGET.read_text(encoding="utf-8").partition("PLACE_PHRASES")
    body = "".join(f'    N_("{phrase}"),\n' for phrase in every_phrase(areas()))
    return f"{head}PLACE_PHRASES: tuple[str, ...] = (\n{body})\n"


if __name__ == "__main__":
    TARGET.write_text(module_text(), encoding="utf-8")
