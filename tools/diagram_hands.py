"""The ``hands`` diagram: both palms (above) and both backs of the hands (below), from ``hand_geometry``.

The client's right hand is on the viewer's left in both rows, as a client holding up their hands
would show them; the left hand is the mirror image of the right.
"""

from __future__ import annotations

from collections.abc import Sequence

import hand_geometry as h
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
LABEL = {"font_family": "sans-serif", "font_size": 12, "fill": DETAIL, "text_anchor": "middle"}


def _place(nodes: Sequence[Node], palm: bool, right: bool) -> list[Node]:
    return [Node(*h.to_sheet(n.x, n.y, palm, right), n.corner) for n in nodes]


def _line(
    svg: Svg, points: Sequence[tuple[float, float]], palm: bool, attrs: dict[str, str | float] = SOFT
) -> None:
    """A line on both hands of a row."""
    for right in (True, False):
        svg.path(smooth_path(_place([Node(a, b) for a, b in points], palm, right), closed=False), **attrs)


def _hand(svg: Svg, palm: bool) -> None:
    outline = h.outline()
    for right in (True, False):
        placed = _place(outline, palm, right)
        svg.path(smooth_path(placed, closed=True), fill=SKIN, stroke="none")
        # the outline is open across the cut end of the forearm
        svg.path(
            smooth_path(placed[1:-1], closed=False),
            fill="none",
            stroke=OUTLINE,
            stroke_width=1.7,
            stroke_linejoin="round",
        )


def _finger_creases(svg: Svg, palm: bool) -> None:
    for finger in [*h.FINGERS.values(), h.THUMB]:
        half = finger.width / 2 * 0.8
        joints = (0.0, *finger.joints) if palm and finger is not h.THUMB else finger.joints
        for along in joints:
            if palm:
                _line(
                    svg, [finger.at(along, -half), finger.at(along + 0.01, 0), finger.at(along, half)], palm
                )
            else:
                _line(
                    svg,
                    [
                        finger.at(along - 0.02, -half * 0.5),
                        finger.at(along, 0),
                        finger.at(along - 0.02, half * 0.5),
                    ],
                    palm,
                )


def _nails(svg: Svg) -> None:
    for finger in [*h.FINGERS.values(), h.THUMB]:
        half = finger.width / 2 * 0.62
        nail = [
            finger.at(0.8, -half),
            finger.at(0.96, -half * 0.8),
            finger.at(0.96, half * 0.8),
            finger.at(0.8, half),
        ]
        for right in (True, False):
            svg.path(
                smooth_path(
                    _place([Node(a, b) for a, b in nail], palm=False, right=right), closed=True, tension=0.6
                ),
                fill=NAIL,
                stroke=FOLD,
                stroke_width=0.9,
            )


def draw() -> Svg:
    """The hands diagram as an SVG document."""
    svg = Svg(h.WIDTH, h.HEIGHT, "AcuChart hands diagram: palms above, backs of the hands below")
    svg.group("skin: the filled outlines the points must lie in")
    _hand(svg, palm=True)
    _hand(svg, palm=False)

    svg.group("palms: wrist creases, the palm's three creases, finger creases")
    _line(svg, [(-40, 0), (0, -3), (40, 0)], True)
    _line(svg, [(-38, -12), (0, -15), (38, -12)], True)
    _line(svg, [(-54, 128), (-30, 132), (-4, 140), (22, 152)], True)
    _line(svg, [(-52, 108), (-20, 110), (12, 118), (46, 128)], True)
    _line(svg, [(48, 118), (40, 90), (34, 58), (26, 24)], True)
    _line(svg, [(-30, 20), (-42, 60), (-46, 96)], True, FAINT)
    _finger_creases(svg, palm=True)

    svg.group("backs of the hands: knuckles, tendons, nails, the head of the ulna")
    for name, a in h.KNUCKLE_A.items():
        b = h.KNUCKLE_B[name]
        _line(svg, [(a - 9, b - 4), (a, b + 2), (a + 9, b - 4)], False)
        _line(svg, [(a * 0.3, 6), (a * 0.7, 70), (a, b - 10)], False, FAINT)
    _line(svg, [(30, 12), (46, 52), (66, 86)], False, FAINT)
    _line(svg, [(-36, 0), (0, 4), (36, 0)], False)
    for right in (True, False):
        x, y = h.to_sheet(-34.0, -24.0, palm=False, right=right)
        svg.circle(x, y, 4.0, fill="none", stroke=FOLD, stroke_width=1.1)
    _finger_creases(svg, palm=False)
    _nails(svg)

    svg.group("labels")
    for palm, words in (
        (True, ("right palm", "left palm")),
        (False, ("back of right hand", "back of left hand")),
    ):
        for right, word in zip((True, False), words, strict=True):
            x, y = h.to_sheet(0.0, h.STUB - 16.0, palm, right)
            svg.text(x, y, word, **LABEL)
    return svg
