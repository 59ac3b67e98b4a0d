"""Every point lies on the drawn body: checked on the rendered SVG, not on a hand-kept box.

Each diagram is rendered with svglib and reportlab to PDF and rasterised with pdfium on a transparent
background; the skin is a filled silhouette, so a pixel inside the body is opaque and a pixel off it
is clear. Both sides of every bilateral point are checked.
"""

from __future__ import annotations

import functools

import pypdfium2 as pdfium
import pytest
from PIL import Image
from reportlab.graphics import renderPDF
from svglib.svglib import svg2rlg

from acuchart.catalogue import VIEWS, Catalogue, load_catalogue

SCALE = 3.0
MARGIN_PX = 2  # the point and the pixels this close around it must all be on the body


@functools.cache
def rendered(view: str) -> Image.Image:
    drawing = svg2rlg(str(VIEWS[view].svg_path))
    document = pdfium.PdfDocument(renderPDF.drawToString(drawing))
    try:
        return document[0].render(scale=SCALE, fill_color=(0, 0, 0, 0)).to_pil().convert("RGBA")
    finally:
        document.close()


def on_body(view: str, x: float, y: float, margin: int = 0) -> bool:
    image = rendered(view)
    px, py = round(x * (image.width - 1)), round(y * (image.height - 1))
    return all(
        image.getpixel((px + dx, py + dy))[3] == 255
        for dx in range(-margin, margin + 1)
        for dy in range(-margin, margin + 1)
    )


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.mark.parametrize("view", list(VIEWS))
def test_every_point_and_its_mirror_lie_inside_the_drawn_body(catalogue: Catalogue, view: str) -> None:
    off_body = [
        f"{point.code} {side} at {x:.4f}, {y:.4f}"
        for point, side, x, y in catalogue.sites_in_view(view)
        if not on_body(view, x, y, margin=MARGIN_PX)
    ]
    assert off_body == []


@pytest.mark.parametrize("view", list(VIEWS))
def test_the_corners_of_each_diagram_are_background(view: str) -> None:
    for x, y in ((0.0, 0.0), (1.0, 0.0), (0.01, 0.5), (0.99, 0.5)):
        assert not on_body(view, x, y), (view, x, y)


def test_the_arms_hang_clear_of_the_trunk_so_the_hands_show() -> None:
    # midway between the side of the waist and the inside of the forearm, on both views and both sides
    for view in ("body_front", "body_back"):
        for x in (160 / 600, 440 / 600):
            assert not on_body(view, x, 600 / 1400), (view, x)


def test_the_soles_are_drawn_apart_from_the_legs() -> None:
    kidney_1 = load_catalogue().get("KI1")
    x, y = kidney_1.position("right")
    assert on_body("body_back", x, y)
    assert not on_body("body_back", (x + 0.5) / 2, y)


def test_a_point_off_the_body_would_be_caught() -> None:
    assert on_body("face", 0.5, 0.4, margin=MARGIN_PX)
    assert not on_body("face", 0.05, 0.2, margin=MARGIN_PX)
    assert not on_body("body_front", 0.5, 0.9), "the gap between the lower legs"
