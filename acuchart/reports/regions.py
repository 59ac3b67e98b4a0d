"""Where a free marker sits, in the client's words: the region of the nearest catalogue point, with
the hairline of the drawing respected (a marker on the forehead is not "on the scalp" because the
scalp points, half a cun behind the hairline, happen to be nearer than GB14).

The hair is read from the view's own SVG (the path after the comment that names the hair), so what
the words say matches what the client sees on the picture.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path

from acuchart.catalogue import VIEWS, Catalogue, Side, side_at

log = logging.getLogger(__name__)

MIDLINE_BAND = 0.03
"""A free marker within this fraction of the view's width from its centre sits on the midline: its
square (3.2 mm across on paper) then covers the midline on a printed face 52-78 mm wide, and an
intradermal line placed there crosses it. (A catalogue point's own side is fixed by the catalogue.)"""

NEAREST_POINT_REACH = 120.0
"""How far (in diagram units; the face is 600 wide) a free marker may be from a catalogue point to
take that point's area for its "where"; farther out it is just "left side of the face"."""
VIEW_AREA = {
    "face": "face",
    "head_right": "head",
    "head_left": "head",
    "body_front": "body",
    "body_back": "back",
    "hands": "hand",
    "feet": "foot",
}
"""What a marker far from every point is on, by view."""

Polygon = tuple[tuple[float, float], ...]

_CURVE_STEPS = 8
_TOKEN = re.compile(r"[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def _path_polygon(d: str) -> Polygon | None:
    """The outline of an SVG path made of absolute M, L, C and Z commands, curves flattened to lines;
    None for any other command (the caller then does without the outline)."""
    tokens = _TOKEN.findall(d)
    points: list[tuple[float, float]] = []
    command = ""
    index = 0
    x = y = 0.0

    def number() -> float:
        nonlocal index
        value = float(tokens[index])
        index += 1
        return value

    try:
        while index < len(tokens):
            if tokens[index].isalpha():
                command = tokens[index]
                index += 1
                if command == "Z":
                    continue
            if command in ("M", "L"):
                x, y = number(), number()
                points.append((x, y))
            elif command == "C":
                x1, y1, x2, y2, x3, y3 = (number() for _ in range(6))
                for step in range(1, _CURVE_STEPS + 1):
                    t = step / _CURVE_STEPS
                    u = 1 - t
                    points.append(
                        (
                            u**3 * x + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3,
                            u**3 * y + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3,
                        )
                    )
                x, y = x3, y3
            else:
                return None
    except (IndexError, ValueError):
        return None
    return tuple(points) if len(points) >= 3 else None


@cache
def hair_outline(svg_path: Path) -> Polygon | None:
    """The hair drawn on a diagram, as a polygon in fractions of the drawing's width and height.

    It is the first path after a comment that mentions hair; None when the drawing has none (or it
    cannot be read), and then no marker counts as in the hair.
    """
    try:
        parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
        root = ET.parse(svg_path, parser).getroot()
    except (OSError, ET.ParseError):
        log.warning("The diagram %s could not be read for its hairline.", svg_path)
        return None
    view_box = [float(v) for v in root.get("viewBox", "").replace(",", " ").split()] or [
        0.0,
        0.0,
        float(root.get("width", "1")),
        float(root.get("height", "1")),
    ]
    left, top, width, height = view_box
    after_hair = False
    for element in root.iter():
        tag: object = element.tag
        if tag is ET.Comment:
            after_hair = "hair" in (element.text or "").lower()
        elif after_hair and isinstance(tag, str) and tag.rsplit("}", 1)[-1] == "path":
            polygon = _path_polygon(element.get("d", ""))
            if polygon is None:
                return None
            return tuple(((px - left) / width, (py - top) / height) for px, py in polygon)
    return None


def inside(polygon: Polygon | None, x: float, y: float) -> bool:
    """True when ``x, y`` lies inside ``polygon`` (even-odd rule); False without a polygon."""
    if polygon is None:
        return False
    found = False
    previous_x, previous_y = polygon[-1]
    for px, py in polygon:
        if (py > y) != (previous_y > y) and x < (previous_x - px) * (y - py) / (previous_y - py) + px:
            found = not found
        previous_x, previous_y = px, py
    return found


def free_marker_place(catalogue: Catalogue, view_name: str, x: float, y: float) -> tuple[Side, str]:
    """A free marker's side (from where it sits, the midline within :data:`MIDLINE_BAND`) and area: the
    region of the nearest catalogue point in its view on the same side of the hairline, when one is
    within :data:`NEAREST_POINT_REACH`;
    else the view's own area ("face"). A marker on an unknown view is on the midline, with no area.
    """
    view = VIEWS.get(view_name)
    if view is None:
        return "midline", ""
    # A profile shows one side whatever the position; elsewhere the midline is the drawing's middle.
    on_midline = view.side_shown is None and abs(x - 0.5) <= MIDLINE_BAND + 1e-9  # 0.53 is on it
    side: Side = "midline" if on_midline else side_at(view_name, x)
    in_hair = inside(hair_outline(view.svg_path), x, y)
    places = _places(catalogue, view_name)
    same = [(px, py, region) for px, py, region, hair in places if hair == in_hair]
    # On a drawing whose hair holds no point (the back view), a marker in the hair takes any point.
    candidates: Sequence[tuple[float, float, str]] = same or [place[:3] for place in places]
    best, area = NEAREST_POINT_REACH**2, VIEW_AREA.get(view_name, "")
    for px, py, region in candidates:
        distance = ((px - x) * view.width) ** 2 + ((py - y) * view.height) ** 2
        if distance < best:
            best, area = distance, region
    return side, area


@lru_cache(maxsize=8)
def _places(catalogue: Catalogue, view_name: str) -> tuple[tuple[float, float, str, bool], ...]:
    """Every point of a view on each of its sides: position, region, and whether it is in the hair."""
    hair = hair_outline(VIEWS[view_name].svg_path)
    return tuple(
        (px, py, point.region, inside(hair, px, py))
        for point, _, px, py in catalogue.sites_in_view(view_name)
    )
