"""The ``feet`` diagram: tops and soles, inner sides, outer sides of both feet, from ``foot_geometry``.

The client's right foot is on the viewer's left in every row; the left foot is its mirror image.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import foot_geometry as f
from palette import DETAIL, FOLD, NAIL, OUTLINE, SKIN
from svgdraw import Node, Svg, smooth_path

SOFT = {"stroke": FOLD, "stroke_width": 1.2, "stroke_linecap": "round", "fill": "none"}
FAINT = {
    "stroke": FOLD,
    "stroke_width": 1.0,
    "stroke_linecap": "round",
    "fill": "none",
    "stroke_dasharray": "3 4",
}
LABEL = {"font_family": "sans-serif", "font_size": 11, "fill": DETAIL, "text_anchor": "middle"}

Place = Callable[..., tuple[float, float]]


def _placed(nodes: Sequence[Node], place: Place, right: bool) -> list[Node]:
    return [Node(*place(n.x, n.y, right), n.corner) for n in nodes]


def _shape(svg: Svg, nodes: Sequence[Node], place: Place) -> None:
    """A foot view's skin and outline on both feet, the outline open across the cut end of the leg."""
    for right in (True, False):
        placed = _placed(nodes, place, right)
        svg.path(smooth_path(placed, closed=True), fill=SKIN, stroke="none")
        svg.path(
            smooth_path(placed[1:-1], closed=False),
            fill="none",
            stroke=OUTLINE,
            stroke_width=1.7,
            stroke_linejoin="round",
        )


def _line(
    svg: Svg, points: Sequence[tuple[float, float]], place: Place, attrs: dict[str, str | float] = SOFT
) -> None:
    for right in (True, False):
        svg.path(smooth_path(_placed([Node(a, b) for a, b in points], place, right), closed=False), **attrs)


def _nail(svg: Svg, centre: tuple[float, float], width: float, length: float, place: Place) -> None:
    s, t = centre
    nail = [
        (s - width / 2, t - length / 2),
        (s - width / 2.4, t + length / 2),
        (s + width / 2.4, t + length / 2),
        (s + width / 2, t - length / 2),
    ]
    for right in (True, False):
        svg.path(
            smooth_path(_placed([Node(a, b) for a, b in nail], place, right), closed=True, tension=0.6),
            fill=NAIL,
            stroke=FOLD,
            stroke_width=0.9,
        )


def draw() -> Svg:
    """The feet diagram as an SVG document."""
    svg = Svg(f.WIDTH, f.HEIGHT, "AcuChart feet diagram: tops and soles, inner sides, outer sides")
    svg.group("skin: the filled outlines the points must lie in")
    _shape(svg, f.TOP, f.top)
    _shape(svg, f.SOLE, f.sole)
    _shape(svg, f.INNER, f.inner)
    _shape(svg, f.OUTER, f.outer)

    svg.group("tops of the feet: ankle crease, tendons, toe joints, nails")
    _line(svg, [(-30.0, 4.0), (0.0, 10.0), (32.0, 4.0)], f.top)
    _line(svg, [(20.0, 6.0), (30.0, 80.0), (36.0, 140.0)], f.top, FAINT)
    _line(svg, [(2.0, 10.0), (10.0, 90.0), (14.0, 145.0)], f.top, FAINT)
    _line(svg, [(-8.0, 12.0), (-14.0, 90.0), (-22.0, 136.0)], f.top, FAINT)
    for name, ((s, t), width) in f.TOES_TOP.items():
        length = 14.0 if name == "big" else 9.0
        _nail(svg, (s, t - length / 2 - 3), width * 0.6, length, f.top)
    for s, t in f.MTP_TOP.values():
        _line(svg, [(s - 6, t - 3), (s, t + 1), (s + 6, t - 3)], f.top)

    svg.group("soles: heel, ball of the foot, toe creases")
    _line(svg, [(-30.0, 180.0), (0.0, 190.0), (40.0, 196.0)], f.sole)
    _line(svg, [(-20.0, 40.0), (0.0, 52.0), (22.0, 44.0)], f.sole, FAINT)
    for s, t in ((39.0, 236.0), (15.0, 236.0), (-3.0, 230.0), (-20.0, 222.0), (-37.0, 210.0)):
        _line(svg, [(s - 6, t), (s, t - 1.5), (s + 6, t)], f.sole)

    svg.group("inner sides: ankle bone, arch, the big toe")
    for right in (True, False):
        x, y = f.inner(*f.MEDIAL_MALLEOLUS, right)
        svg.circle(x, y, 9.0, fill="none", stroke=FOLD, stroke_width=1.2)
        x, y = f.outer(*f.LATERAL_MALLEOLUS, right)
        svg.circle(x, y, 9.0, fill="none", stroke=FOLD, stroke_width=1.2)
    _line(svg, [(40.0, 110.0), (42.0, 140.0)], f.inner, FAINT)
    _line(svg, [(60.0, 12.0), (110.0, 22.0), (170.0, 14.0)], f.inner, FAINT)
    _line(svg, [(190.0, 38.0), (196.0, 28.0), (192.0, 16.0)], f.inner)
    _nail(svg, (247.0, 30.0), 8.0, 22.0, f.inner)
    _line(svg, [(28.0, 60.0), (26.0, 120.0), (28.0, 158.0)], f.inner, FAINT)

    svg.group("outer sides: ankle bone, the little toe, the heel")
    _line(svg, [(28.0, 60.0), (26.0, 120.0), (28.0, 158.0)], f.outer, FAINT)
    _line(svg, [(200.0, 3.0), (226.0, 24.0), (244.0, 24.0)], f.outer)
    _line(svg, [(112.0, 8.0), (114.0, 22.0), (122.0, 28.0)], f.outer, FAINT)

    svg.group("labels")
    labels = (
        (f.top, (0.0, -82.0), "top of right foot", "top of left foot"),
        (f.sole, (10.0, -14.0), "sole of right foot", "sole of left foot"),
        (f.inner, (130.0, -16.0), "inner side of right foot", "inner side of left foot"),
        (f.outer, (130.0, -16.0), "outer side of right foot", "outer side of left foot"),
    )
    for place, (a, b), right_word, left_word in labels:
        for right, word in ((True, right_word), (False, left_word)):
            x, y = place(a, b, right)
            svg.text(x, y + 4, word, **LABEL)
    return svg
