"""The point catalogue: every point the practitioner can chart, where it is drawn, and how to find it.

The catalogue is two files in ``resources/``: ``points.csv`` says what each point is (names, channel,
sides, region, how to find it, cautions), one row per point, written by hand; ``point_places.csv``
says where each point is drawn on each diagram, one row per spot, written by ``tools/place_points.py``
from the proportional (cun) measurements of the WHO standard on our drawings. Both are checked when
they are loaded, and any problem is reported with the file, the row and the column, so a mistake in
the data never reaches a chart.

Positions are fractions of a diagram's width and height (y downward). On a view of both sides, a
bilateral point is stored at the client's right; the client's left is its mirror image (x -> 1 - x).
On a profile, which shows one side only, the place is the spot on that side.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from acuchart.catalogue_files import CatalogueError, read_catalogue_files
from acuchart.i18n import _
from acuchart.point_codes import normalise_code
from acuchart.point_index import PointIndex
from acuchart.point_views import MIDLINE_TOLERANCE, RESOURCES, VIEWS, DiagramView, Side, side_at

__all__ = [
    "MIDLINE_TOLERANCE",
    "RESOURCES",
    "VIEWS",
    "Catalogue",
    "CatalogueError",
    "CataloguePoint",
    "DiagramView",
    "Place",
    "Side",
    "Sides",
    "load_catalogue",
    "normalise_code",
    "read_catalogue",
    "side_at",
]

Sides = Literal["both", "midline", "right", "left"]
"""Where a point is needled: on both sides, on the midline, or on one named side only."""

BLEEDING_RISK_WORDS: tuple[str, ...] = ("periorbital", "bruising")
PREGNANCY_WORDS: tuple[str, ...] = ("pregnancy",)


@dataclass(frozen=True)
class Place:
    """One spot where a point is drawn: a view and fractions of its width and height."""

    view: str
    x: float
    y: float


@dataclass(frozen=True)
class CataloguePoint:
    """An acupuncture point as the catalogue describes it.

    ``places`` lists every spot the point is drawn at, view by view, in the order the views should
    be offered; a group of points under one name (Sishencong, Baxie) has several spots on a view.
    ``everyday`` marks the points a cosmetic practice uses most, shown before the rest.
    """

    code: str
    pinyin: str
    hanzi: str
    english: str
    meridian: str
    sides_needled: Sides
    region: str
    location: str
    cautions: tuple[str, ...]
    places: tuple[Place, ...]
    everyday: bool = False
    _by_view: dict[str, tuple[tuple[float, float], ...]] = field(
        init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        if not self.places:
            raise ValueError(_("{code} has no place on any diagram.").format(code=self.code))
        by_view: dict[str, list[tuple[float, float]]] = {}
        for place in self.places:
            by_view.setdefault(place.view, []).append((place.x, place.y))
        object.__setattr__(self, "_by_view", {view: tuple(spots) for view, spots in by_view.items()})

    @property
    def bilateral(self) -> bool:
        """True for a point needled on both sides."""
        return self.sides_needled == "both"

    @property
    def view(self) -> str:
        """The view the point is drawn on first (its home)."""
        return self.places[0].view

    @property
    def x(self) -> float:
        """x of the first place, as stored (for a bilateral point on a front or back view: the client's right)."""
        return self.places[0].x

    @property
    def y(self) -> float:
        """y of the first place."""
        return self.places[0].y

    @property
    def views(self) -> tuple[str, ...]:
        """Every view the point is drawn on, in the catalogue's order of views."""
        return tuple(name for name in VIEWS if name in self._by_view)

    def sides(self) -> tuple[Side, ...]:
        """The sides this point can be needled on: ("right", "left"), ("midline",) or one side."""
        if self.sides_needled == "both":
            return ("right", "left")
        return (self.sides_needled,)

    def sites(self, view: str, side: Side) -> tuple[tuple[float, float], ...]:
        """Where the point is drawn on ``view`` for the client's ``side``: none, one spot, or a group."""
        spots = self._by_view.get(view, ())
        if not spots or side not in self.sides():
            return ()
        shown = VIEWS[view].side_shown
        if shown is not None:
            return spots if side in (shown, "midline") else ()
        if side == "left" and self.sides_needled == "both":
            return tuple((1.0 - x, y) for x, y in spots)
        return spots

    def shown_on(self, view: str, side: Side) -> bool:
        """True when the point is drawn on ``view`` for ``side``."""
        return bool(self.sites(view, side))

    def home_view(self, side: Side) -> str:
        """The first view that shows the point on ``side`` (the one a protocol or a search marks it on).

        Raises:
            ValueError: ``side`` is not one of this point's sides.
        """
        for name in dict.fromkeys(place.view for place in self.places):
            if self.shown_on(name, side):
                return name
        allowed = " or ".join(self.sides())
        raise ValueError(
            _("{code} is needled {allowed}, not {side}.").format(code=self.code, allowed=allowed, side=side)
        )

    def position(self, side: Side, view: str | None = None) -> tuple[float, float]:
        """Where the point is drawn for the client's ``side`` (on ``view``, else on its home view).

        Raises:
            ValueError: ``side`` is not one of this point's sides, or ``view`` does not show it there.
        """
        name = view if view is not None else self.home_view(side)
        spots = self.sites(name, side)
        if not spots:
            if side not in self.sides():
                allowed = " or ".join(self.sides())
                raise ValueError(
                    _("{code} is needled {allowed}, not {side}.").format(
                        code=self.code, allowed=allowed, side=side
                    )
                )
            raise ValueError(
                _("{code} ({side}) is not drawn on {name}.").format(code=self.code, side=side, name=name)
            )
        return spots[0]

    @property
    def label(self) -> str:
        """Code and pinyin name, as charts and handouts show it: "ST2 Sibai"."""
        return f"{self.code} {self.pinyin}"

    @property
    def bleeding_risk(self) -> bool:
        """True when a caution warns of bruising or bleeding (periorbital points, arteries marked so)."""
        return any(word in caution.lower() for caution in self.cautions for word in BLEEDING_RISK_WORDS)

    @property
    def pregnancy_caution(self) -> bool:
        """True when a caution says to avoid or take care with this point in pregnancy."""
        return any(word in caution.lower() for caution in self.cautions for word in PREGNANCY_WORDS)


class Catalogue:
    """All the points, looked up by code (any spelling), by view, or by a search as the practitioner types."""

    def __init__(self, points: Iterable[CataloguePoint]) -> None:
        self.points: tuple[CataloguePoint, ...] = tuple(points)
        self._by_code = {point.code: point for point in self.points}
        self._index: PointIndex | None = None

    def __len__(self) -> int:
        return len(self.points)

    def __iter__(self) -> Iterator[CataloguePoint]:
        return iter(self.points)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self.find(code) is not None

    def find(self, code: str) -> CataloguePoint | None:
        """The point with this code in any accepted spelling, or None."""
        return self._by_code.get(normalise_code(code))

    def get(self, code: str) -> CataloguePoint:
        """The point with this code in any accepted spelling.

        Raises:
            KeyError: no point has this code.
        """
        point = self.find(code)
        if point is None:
            raise KeyError(_("There is no point {code!r} in the catalogue.").format(code=code))
        return point

    def in_view(self, view: str) -> tuple[CataloguePoint, ...]:
        """The points drawn on ``view``, in catalogue order."""
        return tuple(point for point in self.points if view in point.views)

    def sites_in_view(self, view: str) -> list[tuple[CataloguePoint, Side, float, float]]:
        """Every spot drawn on ``view``: the point, the client's side it stands for, and where it is."""
        return [
            (point, side, x, y)
            for point in self.in_view(view)
            for side in point.sides()
            for x, y in point.sites(view, side)
        ]

    def search(self, query: str, limit: int = 20) -> list[CataloguePoint]:
        """Points matching what the practitioner typed, best match first.

        Matches the code (older spellings too), the pinyin with or without tone marks, the hanzi,
        the English name and the region. An exact code comes first, then codes that begin with
        the query, then names, then regions and locations.
        """
        if self._index is None:
            self._index = PointIndex(self.points)
        return self._index.search(query, limit)


def read_catalogue(path: Path, places_path: Path | None = None) -> Catalogue:
    """Load and check a catalogue (uncached): ``path`` and the places file beside it.

    Raises:
        CatalogueError: a file is unreadable or a row is wrong; the message names file, row and column.
    """
    places = places_path if places_path is not None else path.with_name("point_places.csv")
    return Catalogue(
        CataloguePoint(
            code=row.code,
            pinyin=row.pinyin,
            hanzi=row.hanzi,
            english=row.english,
            meridian=row.meridian,
            sides_needled=row.sides,
            region=row.region,
            location=row.location,
            cautions=row.cautions,
            places=tuple(Place(view, x, y) for view, x, y in row.places),
            everyday=row.everyday,
        )
        for row in read_catalogue_files(path, places)
    )


@functools.cache
def _default_catalogue() -> Catalogue:
    return read_catalogue(RESOURCES / "points.csv")


def load_catalogue(path: Path | None = None) -> Catalogue:
    """The point catalogue: ``resources/points.csv`` (loaded once, then cached) or the file given.

    A catalogue file comes with the places file beside it (``point_places.csv``).

    Raises:
        CatalogueError: a file is unreadable or a row is wrong; the message names file, row and column.
    """
    if path is None:
        return _default_catalogue()
    return read_catalogue(Path(path))
