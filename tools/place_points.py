"""Write ``resources/point_places.csv``: where every point of ``points.csv`` is drawn, view by view.

Usage: ``python tools/place_points.py`` (from anywhere). The positions are worked out from the WHO
standard's proportional measurements on our drawings by the ``points_*`` modules; edit those, never
the CSV. The script refuses to write when a point of the catalogue has no place, or a place names a
point the catalogue does not have.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import points_hands_feet
import points_head
import points_limbs
import points_trunk
from atlas import Places

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
MODULES = (points_head, points_trunk, points_limbs, points_hands_feet)
HOMES = {
    code: "body_back"
    for code in (
        "GV14",
        "GV15",
        "GV16",
        "GV17",
        "GV18",
        "GV19",
        "BL9",
        "BL10",
        "GB12",
        "GB19",
        "GB20",
        "EX-HN15",
    )
}
HOMES["EX-HN1"] = "head_top"
"""Points of the back of the head and neck are charted on the back view first (as GB20 always was);
the profiles draw them too. Sishencong's four spots all show from above."""


def collect() -> Places:
    """Every spot of every point."""
    places = Places()
    for module in MODULES:
        module.place(places)
    return places


def places_csv(codes: list[str], places: Places | None = None) -> str:
    """The text of ``point_places.csv`` for the points ``codes`` (those that have places)."""
    places = places if places is not None else collect()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("code", "view", "x", "y"))
    writer.writerows(places.rows([code for code in codes if code in places.spots], HOMES))
    return out.getvalue()


def catalogue_codes() -> list[str]:
    """The codes of ``points.csv``, in its order."""
    with (RESOURCES / "points.csv").open(encoding="utf-8", newline="") as handle:
        return [row["code"] for row in csv.DictReader(handle)]


def main() -> int:
    """Work out the places and write them; returns the process exit status."""
    codes = catalogue_codes()
    places = collect()
    placed = set(places.spots)
    unknown = sorted(placed - set(codes))
    missing = [code for code in codes if code not in placed]
    if unknown or missing:
        if unknown:
            print(f"placed but not in points.csv: {', '.join(unknown)}", file=sys.stderr)
        if missing:
            print(f"in points.csv but placed nowhere: {', '.join(missing)}", file=sys.stderr)
        if "--partial" not in sys.argv:
            return 1
    text = places_csv(codes, places)
    target = RESOURCES / "point_places.csv"
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}: {text.count(chr(10)) - 1} places of {len(codes)} points")
    return 0


if __name__ == "__main__":
    sys.exit(main())
