"""Collecting where each point is drawn, view by view, as the point geometry works it out.

Positions are given in each drawing's own units (the face is 600 x 800); :meth:`Places.rows` turns
them into the fractions ``resources/point_places.csv`` stores. For a point on both sides of a front
or back view, give the spot on the client's right; for a profile give the spot on the right profile,
and :meth:`Places.profile` adds the mirrored spot on the left profile.
"""

from __future__ import annotations

from collections.abc import Iterable

Spot = tuple[float, float]

SIZES: dict[str, tuple[float, float]] = {
    "face": (600.0, 800.0),
    "head_right": (600.0, 800.0),
    "head_left": (600.0, 800.0),
    "head_top": (600.0, 580.0),
    "body_front": (600.0, 1400.0),
    "body_back": (600.0, 1400.0),
    "hands": (600.0, 810.0),
    "feet": (600.0, 750.0),
}


class Places:
    """Every spot of every point, in the order they were added."""

    def __init__(self) -> None:
        self.spots: dict[str, list[tuple[str, Spot]]] = {}

    def add(self, code: str, view: str, *spots: Spot) -> None:
        """Draw ``code`` on ``view`` at these spots (in the view's units)."""
        if view not in SIZES:
            raise ValueError(f"unknown view {view}")
        for spot in spots:
            self.spots.setdefault(code, []).append((view, spot))

    def profile(self, code: str, *spots: Spot) -> None:
        """Draw ``code`` on the right profile at these spots, and on the left profile mirrored."""
        self.add(code, "head_right", *spots)
        self.add(code, "head_left", *((SIZES["head_left"][0] - x, y) for x, y in spots))

    def merge(self, other: Places) -> None:
        """Take in another collection's spots."""
        for code, spots in other.spots.items():
            self.spots.setdefault(code, []).extend(spots)

    def rows(
        self, order: Iterable[str], homes: dict[str, str] | None = None
    ) -> list[tuple[str, str, str, str]]:
        """The rows of ``point_places.csv`` for the codes in ``order``: code, view, x, y as fractions.

        Views are ordered as the catalogue orders them, except that a point's home view in ``homes``
        comes first (the view a protocol or a search marks it on); within a view the spots keep their
        order.
        """
        views = list(SIZES)
        homes = homes or {}
        rows = []
        for code in order:
            home = homes.get(code)
            spots = sorted(self.spots.get(code, []), key=lambda item: (item[0] != home, views.index(item[0])))
            for view, (x, y) in spots:
                width, height = SIZES[view]
                rows.append((code, view, _fraction(x / width), _fraction(y / height)))
        return rows


def _fraction(value: float) -> str:
    if not -1e-9 <= value <= 1 + 1e-9:
        raise ValueError(f"{value} lies off the drawing")
    text = f"{min(max(value, 0.0), 1.0):.4f}"
    return "0.5" if text == "0.5000" else text
