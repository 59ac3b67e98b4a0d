"""The point catalogue: every point the practitioner can chart, where it is drawn, and how to find it.

The catalogue lives in ``resources/points.csv``, one row per point; the diagrams it refers to live in
``resources/diagrams/``. It is checked when it is loaded, and any problem is reported with the file,
the row and the column, so a mistake in the data never reaches a chart.

Positions are fractions of a diagram's width and height (y downward). A bilateral point is stored
at the client's right side; the client's left is its mirror image (x -> 1 - x). In a front view the
client's right is on the viewer's left; in a back view it is on the viewer's right.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from acuchart.errors import AcuChartError
from acuchart.point_codes import code_sort_key, fold, normalise_code, words
from acuchart.resources import RESOURCES

__all__ = [
    "COLUMNS",
    "RESOURCES",
    "VIEWS",
    "Catalogue",
    "CatalogueError",
    "CataloguePoint",
    "DiagramView",
    "Side",
    "load_catalogue",
    "normalise_code",
    "read_catalogue",
    "side_at",
]

Side = Literal["left", "right", "midline"]
"""Always the client's side, never the side of the picture."""

COLUMNS: tuple[str, ...] = (
    "code",
    "pinyin",
    "hanzi",
    "english",
    "meridian",
    "view",
    "x",
    "y",
    "bilateral",
    "region",
    "location",
    "cautions",
)

MIDLINE_TOLERANCE = 0.005
"""A position within this fraction of the centre is on the midline (half a percent of the width)."""


@dataclass(frozen=True)
class DiagramView:
    """One diagram the practitioner charts on.

    Attributes:
        name: the stable key used in the catalogue and the database ("face").
        title: what the practitioner reads ("Face").
        facing: "front" shows the client's right on the viewer's left; "back" the other way round.
        svg_path: the drawing.
        width: the drawing's viewBox width; positions are fractions of it.
        height: the drawing's viewBox height.
    """

    name: str
    title: str
    facing: Literal["front", "back"]
    svg_path: Path
    width: float
    height: float


_DIAGRAMS = RESOURCES / "diagrams"

VIEWS: dict[str, DiagramView] = {
    "face": DiagramView("face", "Face", "front", _DIAGRAMS / "face.svg", 600.0, 800.0),
    "body_front": DiagramView(
        "body_front", "Body, front", "front", _DIAGRAMS / "body_front.svg", 600.0, 1400.0
    ),
    "body_back": DiagramView("body_back", "Body, back", "back", _DIAGRAMS / "body_back.svg", 600.0, 1400.0),
}
"""The diagrams in display order."""

BLEEDING_RISK_WORDS: tuple[str, ...] = ("periorbital", "bruising")
PREGNANCY_WORDS: tuple[str, ...] = ("pregnancy",)


@dataclass(frozen=True)
class CataloguePoint:
    """An acupuncture point as the catalogue describes it.

    ``x`` and ``y`` are fractions of the view's width and height; for a bilateral point they give
    the point on the client's right side.
    """

    code: str
    pinyin: str
    hanzi: str
    english: str
    meridian: str
    view: str
    x: float
    y: float
    bilateral: bool
    region: str
    location: str
    cautions: tuple[str, ...]

    def sides(self) -> tuple[Side, ...]:
        """The sides this point can be needled on: ("right", "left") or ("midline",)."""
        return ("right", "left") if self.bilateral else ("midline",)

    def position(self, side: Side) -> tuple[float, float]:
        """Where the point is drawn on its view for the client's ``side``, as fractions.

        Raises:
            ValueError: ``side`` is not one of this point's sides.
        """
        if side not in self.sides():
            allowed = " or ".join(self.sides())
            raise ValueError(f"{self.code} is needled {allowed}, not {side}.")
        if side == "left":
            return (1.0 - self.x, self.y)
        return (self.x, self.y)

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


class CatalogueError(AcuChartError, ValueError):
    """The catalogue or a protocol file is wrong; the message names the file, the row and the column."""

    def __init__(self, path: Path, problem: str, row: int | None = None, column: str | None = None) -> None:
        self.path = path
        self.problem = problem
        self.row = row
        self.column = column
        where = path.name
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column {column!r}"
        super().__init__(f"{where}: {problem}")


def side_at(view: str, x: float) -> Side:
    """The client's side under a click at fraction ``x`` of the width of ``view``.

    Raises:
        ValueError: ``view`` is not one of :data:`VIEWS`.
    """
    if view not in VIEWS:
        raise ValueError(f"There is no diagram called {view!r}; the diagrams are {', '.join(VIEWS)}.")
    if abs(x - 0.5) <= MIDLINE_TOLERANCE:
        return "midline"
    viewer_left = x < 0.5
    if VIEWS[view].facing == "front":
        return "right" if viewer_left else "left"
    return "left" if viewer_left else "right"


class Catalogue:
    """All the points, looked up by code (any spelling), by view, or by a search as the practitioner types."""

    def __init__(self, points: Iterable[CataloguePoint]) -> None:
        self.points: tuple[CataloguePoint, ...] = tuple(points)
        self._by_code = {point.code: point for point in self.points}
        self._order = {point.code: i for i, point in enumerate(self.points)}

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
            raise KeyError(f"There is no point {code!r} in the catalogue.")
        return point

    def in_view(self, view: str) -> tuple[CataloguePoint, ...]:
        """The points drawn on ``view``, in catalogue order."""
        return tuple(point for point in self.points if point.view == view)

    def search(self, query: str, limit: int = 20) -> list[CataloguePoint]:
        """Points matching what the practitioner typed, best match first.

        Matches the code (older spellings too), the pinyin with or without tone marks, the hanzi,
        the English name and the region. An exact code comes first, then codes that begin with
        the query, then names, then regions and locations.
        """
        if not query.strip():
            return []
        scored = [(score, point) for point in self.points if (score := self._score(point, query)) is not None]
        scored.sort(key=lambda item: (item[0], code_sort_key(item[1].code)))
        return [point for _, point in scored[:limit]]

    def _score(self, point: CataloguePoint, query: str) -> int | None:
        code = normalise_code(query)
        folded = fold(query)
        if point.code == code:
            return 0
        if fold(point.pinyin) == folded or query.strip() == point.hanzi:
            return 1
        if re.match(r"^[A-Z-]+\d*$", code) and point.code.replace("-", "").startswith(code.replace("-", "")):
            return 2
        if fold(point.pinyin).startswith(folded) or fold(point.english).startswith(folded):
            return 3
        if folded in fold(point.pinyin) or folded in fold(point.english) or query.strip() in point.hanzi:
            return 4
        if folded in fold(point.region) or folded in fold(point.meridian):
            return 5
        typed = words(query)
        haystack = " ".join(words(" ".join((point.english, point.region, point.location, point.meridian))))
        if typed and all(word in haystack for word in typed):
            return 6
        return None


def _read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise CatalogueError(path, f"cannot be read ({exc.strerror}).") from exc
    with handle:
        reader = csv.DictReader(handle)
        header = tuple(reader.fieldnames or ())
        if header != COLUMNS:
            missing = [c for c in COLUMNS if c not in header]
            extra = [c for c in header if c not in COLUMNS]
            detail = "; ".join(
                part
                for part in (
                    f"missing {', '.join(missing)}" if missing else "",
                    f"unexpected {', '.join(extra)}" if extra else "",
                )
                if part
            )
            raise CatalogueError(
                path, f"the header must be exactly {','.join(COLUMNS)} ({detail or 'wrong order'}).", row=1
            )
        for record in reader:
            if None in record or any(value is None for value in record.values()):
                raise CatalogueError(path, f"expected {len(COLUMNS)} columns.", row=reader.line_num)
            yield reader.line_num, {key: value.strip() for key, value in record.items()}


def _parse_fraction(path: Path, row: int, column: str, text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise CatalogueError(path, f"{text!r} is not a number.", row, column) from None
    if not 0.0 <= value <= 1.0:
        raise CatalogueError(path, f"{value} is outside 0..1 (a fraction of the diagram).", row, column)
    return value


def _parse_point(path: Path, row: int, record: dict[str, str]) -> CataloguePoint:
    for column in ("code", "pinyin", "english", "meridian", "region", "location"):
        if not record[column]:
            raise CatalogueError(path, f"the {column} is missing.", row, column)
    code = record["code"]
    if normalise_code(code) != code:
        raise CatalogueError(path, f"write the code as {normalise_code(code)}, not {code}.", row, "code")
    view = record["view"]
    if view not in VIEWS:
        raise CatalogueError(path, f"unknown view {view!r}; use one of {', '.join(VIEWS)}.", row, "view")
    x = _parse_fraction(path, row, "x", record["x"])
    y = _parse_fraction(path, row, "y", record["y"])
    if record["bilateral"] not in ("0", "1"):
        raise CatalogueError(
            path, f"bilateral must be 1 or 0, not {record['bilateral']!r}.", row, "bilateral"
        )
    bilateral = record["bilateral"] == "1"
    on_midline = abs(x - 0.5) <= MIDLINE_TOLERANCE
    if bilateral and on_midline:
        raise CatalogueError(path, f"{code} is bilateral but lies on the midline (x = {x}).", row, "x")
    if not bilateral and not on_midline:
        raise CatalogueError(path, f"{code} is a midline point (bilateral 0) but x = {x}, not 0.5.", row, "x")
    if bilateral and side_at(view, x) != "right":
        raise CatalogueError(path, f"{code} must be given at the client's right side of {view}.", row, "x")
    cautions = tuple(part.strip() for part in record["cautions"].split(";") if part.strip())
    return CataloguePoint(
        code=code,
        pinyin=record["pinyin"],
        hanzi=record["hanzi"],
        english=record["english"],
        meridian=record["meridian"],
        view=view,
        x=x,
        y=y,
        bilateral=bilateral,
        region=record["region"],
        location=record["location"],
        cautions=cautions,
    )


def read_catalogue(path: Path) -> Catalogue:
    """Load and check a catalogue file (uncached).

    Raises:
        CatalogueError: the file is unreadable or a row is wrong; the message names row and column.
    """
    points: list[CataloguePoint] = []
    first_row: dict[str, int] = {}
    for row, record in _read_rows(path):
        point = _parse_point(path, row, record)
        if point.code in first_row:
            raise CatalogueError(
                path, f"{point.code} is already in the catalogue (row {first_row[point.code]}).", row, "code"
            )
        first_row[point.code] = row
        points.append(point)
    if not points:
        raise CatalogueError(path, "the catalogue has no points.")
    return Catalogue(points)


@functools.cache
def _default_catalogue() -> Catalogue:
    return read_catalogue(RESOURCES / "points.csv")


def load_catalogue(path: Path | None = None) -> Catalogue:
    """The point catalogue: ``resources/points.csv`` (loaded once, then cached) or the file given.

    Raises:
        CatalogueError: the file is unreadable or a row is wrong; the message names row and column.
    """
    if path is None:
        return _default_catalogue()
    return read_catalogue(Path(path))
