"""Reading and checking the catalogue's two files: ``points.csv`` (what each point is) and
``point_places.csv`` (where each point is drawn).

Every rule a point's data must keep is checked here, and a broken rule is reported with the file, the
row and the column, in words that say what to change.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from acuchart.errors import AcuChartError
from acuchart.point_codes import normalise_code
from acuchart.point_views import MIDLINE_TOLERANCE, VIEWS, side_at

COLUMNS: tuple[str, ...] = (
    "code",
    "pinyin",
    "hanzi",
    "english",
    "meridian",
    "sides",
    "region",
    "location",
    "cautions",
    "everyday",
)
"""The columns of ``points.csv``, in order."""

PLACE_COLUMNS: tuple[str, ...] = ("code", "view", "x", "y")
"""The columns of ``point_places.csv``, in order."""

SIDES: tuple[str, ...] = ("both", "midline", "right", "left")
_REQUIRED = ("code", "pinyin", "english", "meridian", "region", "location")
_ROUND = 4  # places are stored to 4 decimals; mirrored places are compared at that precision

SidesText = Literal["both", "midline", "right", "left"]


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


@dataclass
class PointRow:
    """A checked row of ``points.csv`` with the places found for it in ``point_places.csv``."""

    row: int
    code: str
    pinyin: str
    hanzi: str
    english: str
    meridian: str
    sides: SidesText
    region: str
    location: str
    cautions: tuple[str, ...]
    everyday: bool
    places: list[tuple[str, float, float]] = field(default_factory=list)


def _read_rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise CatalogueError(path, f"cannot be read ({exc.strerror}).") from exc
    with handle:
        reader = csv.DictReader(handle)
        header = tuple(reader.fieldnames or ())
        if header != columns:
            missing = [c for c in columns if c not in header]
            extra = [c for c in header if c not in columns]
            detail = "; ".join(
                part
                for part in (
                    f"missing {', '.join(missing)}" if missing else "",
                    f"unexpected {', '.join(extra)}" if extra else "",
                )
                if part
            )
            raise CatalogueError(
                path, f"the header must be exactly {','.join(columns)} ({detail or 'wrong order'}).", row=1
            )
        for record in reader:
            if None in record or any(value is None for value in record.values()):
                raise CatalogueError(path, f"expected {len(columns)} columns.", row=reader.line_num)
            yield reader.line_num, {key: value.strip() for key, value in record.items()}


def _fraction(path: Path, row: int, column: str, text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise CatalogueError(path, f"{text!r} is not a number.", row, column) from None
    if not 0.0 <= value <= 1.0:
        raise CatalogueError(path, f"{value} is outside 0..1 (a fraction of the diagram).", row, column)
    return value


def _point_row(path: Path, row: int, record: dict[str, str]) -> PointRow:
    for column in _REQUIRED:
        if not record[column]:
            raise CatalogueError(path, f"the {column} is missing.", row, column)
    code = record["code"]
    if normalise_code(code) != code:
        raise CatalogueError(path, f"write the code as {normalise_code(code)}, not {code}.", row, "code")
    sides = record["sides"]
    if sides not in SIDES:
        raise CatalogueError(path, f"sides must be one of {', '.join(SIDES)}, not {sides!r}.", row, "sides")
    if record["everyday"] not in ("0", "1"):
        raise CatalogueError(path, f"everyday must be 1 or 0, not {record['everyday']!r}.", row, "everyday")
    return PointRow(
        row=row,
        code=code,
        pinyin=record["pinyin"],
        hanzi=record["hanzi"],
        english=record["english"],
        meridian=record["meridian"],
        sides=sides,  # type: ignore[arg-type]
        region=record["region"],
        location=record["location"],
        cautions=tuple(part.strip() for part in record["cautions"].split(";") if part.strip()),
        everyday=record["everyday"] == "1",
    )


def _check_place(path: Path, row: int, point: PointRow, view: str, x: float) -> None:
    """The rules of one spot: it lies on the side the point is needled on, as the view shows sides."""
    info = VIEWS[view]
    shown = info.side_shown
    if shown is not None:
        if point.sides in ("right", "left") and point.sides != shown:
            raise CatalogueError(
                path,
                f"{point.code} is needled on the {point.sides} only; {view} shows the {shown}.",
                row,
                "view",
            )
        return
    on_midline = abs(x - 0.5) <= MIDLINE_TOLERANCE
    if point.sides == "both":
        if on_midline:
            raise CatalogueError(
                path, f"{point.code} is bilateral but lies on the midline (x = {x}).", row, "x"
            )
        if side_at(view, x) != "right":
            raise CatalogueError(
                path, f"{point.code} must be given at the client's right side of {view}.", row, "x"
            )
    elif point.sides in ("right", "left"):
        if side_at(view, x) != point.sides:
            raise CatalogueError(
                path, f"{point.code} is needled on the client's {point.sides}; x = {x} is not.", row, "x"
            )
    elif on_midline and x != 0.5:
        raise CatalogueError(path, f"{point.code} is a midline point: write x as 0.5, not {x}.", row, "x")


def _spots(point: PointRow, view: str) -> list[tuple[float, float]]:
    return sorted((round(x, _ROUND), round(y, _ROUND)) for name, x, y in point.places if name == view)


def _check_point(path: Path, places_path: Path, point: PointRow) -> None:
    """The rules of a point's places taken together."""
    views = dict.fromkeys(view for view, _, _ in point.places)
    if not views:
        raise CatalogueError(places_path, f"{point.code} has no place on any diagram; add one.")
    for view in views:
        info = VIEWS[view]
        spots = _spots(point, view)
        if point.sides == "midline" and info.side_shown is None:
            mirrored = sorted((round(1.0 - x, _ROUND), y) for x, y in spots)
            if mirrored != spots:
                raise CatalogueError(
                    places_path,
                    f"{point.code} is a midline point: its spots on {view} must lie on the midline or in "
                    "mirrored pairs.",
                )
        if info.mirror_of is not None and point.sides in ("both", "midline"):
            original = sorted((round(1.0 - x, _ROUND), y) for x, y in _spots(point, info.mirror_of))
            if spots != original:
                raise CatalogueError(
                    places_path,
                    f"{point.code} on {view} must be the mirror image of its place on {info.mirror_of}.",
                )
    for view, info in VIEWS.items():
        if info.mirror_of in views and view not in views and point.sides in ("both", "midline"):
            raise CatalogueError(
                places_path, f"{point.code} is drawn on {info.mirror_of} but not on its mirror {view}."
            )
    needed = ("right", "left") if point.sides == "both" else (point.sides,)
    for side in needed:
        if not any(_shows(point, view, side) for view in views):
            raise CatalogueError(path, f"{point.code} is drawn on no diagram for the {side} side.", point.row)


def _shows(point: PointRow, view: str, side: str) -> bool:
    shown = VIEWS[view].side_shown
    return shown is None or side in (shown, "midline")


def read_catalogue_files(path: Path, places_path: Path) -> list[PointRow]:
    """Load and check ``points.csv`` and ``point_places.csv``: the points in file order with their places.

    Raises:
        CatalogueError: a file is unreadable or a row is wrong; the message names file, row and column.
    """
    points: dict[str, PointRow] = {}
    for row, record in _read_rows(path, COLUMNS):
        point = _point_row(path, row, record)
        if point.code in points:
            raise CatalogueError(
                path, f"{point.code} is already in the catalogue (row {points[point.code].row}).", row, "code"
            )
        points[point.code] = point
    if not points:
        raise CatalogueError(path, "the catalogue has no points.")
    for row, record in _read_rows(places_path, PLACE_COLUMNS):
        placed = points.get(record["code"])
        if placed is None:
            raise CatalogueError(places_path, f"{record['code']!r} is not in {path.name}.", row, "code")
        view = record["view"]
        if view not in VIEWS:
            raise CatalogueError(
                places_path, f"unknown view {view!r}; use one of {', '.join(VIEWS)}.", row, "view"
            )
        x = _fraction(places_path, row, "x", record["x"])
        y = _fraction(places_path, row, "y", record["y"])
        _check_place(places_path, row, placed, view, x)
        placed.places.append((view, x, y))
    for point in points.values():
        _check_point(path, places_path, point)
    return list(points.values())
