"""The diagrams and the points' places in resources/ are exactly what tools/ writes: nobody edits them
by hand, so what the geometry says (cun on our figures) is what the app draws."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from acuchart.catalogue import RESOURCES, VIEWS

TOOLS = Path(__file__).resolve().parents[2] / "tools"


@pytest.fixture(scope="module")
def tools() -> Iterator[dict[str, ModuleType]]:
    sys.path.insert(0, str(TOOLS))
    try:
        import draw_diagrams
        import place_points

        yield {"draw_diagrams": draw_diagrams, "place_points": place_points}
    finally:
        sys.path.remove(str(TOOLS))


def test_every_diagram_is_the_drawing_tools_write(tools: dict[str, ModuleType]) -> None:
    drawings = tools["draw_diagrams"].drawings()
    assert set(drawings) == set(VIEWS)
    for name, svg in drawings.items():
        assert (RESOURCES / "diagrams" / f"{name}.svg").read_text(encoding="utf-8") == svg.render(), name


def test_the_places_file_is_what_the_point_geometry_works_out(tools: dict[str, ModuleType]) -> None:
    place_points = tools["place_points"]
    codes = place_points.catalogue_codes()
    places = place_points.collect()
    assert set(places.spots) == set(codes), "every point placed, nothing else"
    written = (RESOURCES / "point_places.csv").read_text(encoding="utf-8")
    assert written == place_points.places_csv(codes, places)
