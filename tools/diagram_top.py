"""The ``head_top`` diagram: the top of the head seen from above, the face at the top of the picture.

As the practitioner sees it from the head of the couch with the client lying face up: the client's
right on the viewer's right (like the back view). The outline, the hairline and the ears come from
the scalp surface (``scalp``), so every scalp point lands where the face and the profiles put it.
x = 300 + X (lateral, client's right), y = 40 + (560 - depth) (the nose tip near the top).
"""

from __future__ import annotations

import math

import head_geometry as g
import scalp
from palette import DETAIL, FOLD, HAIR, OUTLINE, SKIN
from svgdraw import Node, Svg, corner, mirror_node, node, smooth_path, symmetric_outline

WIDTH = 600.0
HEIGHT = 580.0
MID = WIDTH / 2


def to_view(x: float, depth: float) -> tuple[float, float]:
    """A point at lateral ``x`` (client's right) and profile depth seen from above."""
    return (MID + x, 40.0 + (560.0 - depth))


def _envelope() -> list[tuple[float, float]]:
    """The widest extent of the head at each depth, from the back of the skull round to the forehead."""
    widest: dict[int, float] = {}
    y = 37.0
    while y <= 330.0:
        width, middle = scalp.half_width(y), scalp.middle_at(y)
        front, back = scalp.front_at(y), scalp.back_at(y)
        for step in range(0, 181):
            angle = math.pi * step / 180
            # a point of the section's outline, walked from the back midline round the side to the front
            u = math.sin(angle)
            v = -math.cos(angle)
            exponent = 2.0 / scalp.EXPONENT
            x = width * math.copysign(abs(u) ** exponent, u)
            if v > 0 and y > g.GLABELLA[1]:
                continue  # below the brows the face is hidden under the forehead
            reach = (front - middle) if v > 0 else (middle - back)
            depth = middle + reach * math.copysign(abs(v) ** exponent, v)
            key = round(depth / 4.0)
            widest[key] = max(widest.get(key, 0.0), x)
        y += 3.0
    keys = sorted(widest)
    return [(widest[k], k * 4.0) for k in keys]


def outline_nodes() -> list[Node]:
    """The right half of the outline (the client's right, the viewer's right), from the front to the back."""
    points = _envelope()
    # thin out to a smooth outline: every few centimetres, from the front (top) to the back (bottom)
    chosen = [p for i, p in enumerate(reversed(points)) if i % 6 == 0]
    nodes = [node(*to_view(0.0, max(d for _, d in points) + 1.0))]
    nodes += [node(*to_view(x, d)) for x, d in chosen if x > 4.0]
    nodes.append(node(*to_view(0.0, min(d for _, d in points) - 1.0)))
    return nodes


def _hairline() -> list[tuple[float, float]]:
    """The front hairline seen from above, from the midline out to the temple."""
    line = []
    for face_x in (300.0, 280.0, 255.0, 230.0, 205.0, 180.0, 160.0, 145.0):
        across = 300.0 - face_x
        arc = scalp.hairline_arc(scalp.across_to(scalp.midline_arc(0.0), across) if across else 0.0)
        point = scalp.lateral(arc, scalp.across_to(arc, across)) if across else scalp.on_midline(arc)
        line.append(to_view(point.x, point.z))
    return line


def draw() -> Svg:
    """The top-of-head diagram as an SVG document."""
    svg = Svg(WIDTH, HEIGHT, "AcuChart head diagram: the top of the head from above, the face at the top")
    half = outline_nodes()
    # the right half as drawn runs down the viewer's right; symmetric_outline wants the viewer's left
    left_half = [mirror_node(n, WIDTH) for n in half]
    svg.group("skin: the filled outline the points must lie in")
    svg.path(symmetric_outline(left_half, WIDTH), fill=SKIN, stroke="none")
    hairline = _hairline()
    temple = hairline[-1]
    hair_half = [
        *[Node(MID - (x - MID), y) for x, y in hairline],
        *[mirror_node(n, WIDTH) for n in half if n.y > temple[1] + 12.0],
    ]
    svg.group("hair: behind the front hairline, round the sides and the back")
    svg.path(symmetric_outline(hair_half, WIDTH), fill=HAIR, stroke="none")
    svg.path(
        smooth_path([Node(MID - (x - MID), y) for x, y in hairline], closed=False),
        stroke=FOLD,
        stroke_width=1.2,
        fill="none",
    )
    svg.path(
        smooth_path([Node(x, y) for x, y in hairline], closed=False),
        stroke=FOLD,
        stroke_width=1.2,
        fill="none",
    )
    soft = {"stroke": FOLD, "stroke_width": 1.2, "stroke_linecap": "round", "fill": "none"}

    svg.group("ears and nose, as seen from above")
    for sign in (1, -1):
        ear = [
            corner(MID + sign * (scalp.half_width(g.EAR_APEX[1]) - 2), to_view(0, g.EAR_ROOT_TOP[0])[1]),
            node(MID + sign * (scalp.half_width(g.EAR_APEX[1]) + 14), to_view(0, 270.0)[1]),
            node(MID + sign * (scalp.half_width(g.EAR_APEX[1]) + 20), to_view(0, 232.0)[1]),
            corner(MID + sign * (scalp.half_width(g.EAR_APEX[1]) - 2), to_view(0, 214.0)[1]),
        ]
        svg.path(smooth_path(ear, closed=True), fill=SKIN, stroke=OUTLINE, stroke_width=1.5)
    nose = [
        corner(MID - 14, to_view(0, 505.0)[1]),
        node(MID - 9, to_view(0, 540.0)[1]),
        node(MID, to_view(0, 557.0)[1]),
        node(MID + 9, to_view(0, 540.0)[1]),
        corner(MID + 14, to_view(0, 505.0)[1]),
    ]
    svg.path(smooth_path(nose, closed=False), fill=SKIN, stroke=OUTLINE, stroke_width=1.5)
    svg.path(
        smooth_path(
            [
                node(MID - 60, to_view(0, 505)[1] + 4),
                node(MID, to_view(0, 515)[1]),
                node(MID + 60, to_view(0, 505)[1] + 4),
            ],
            closed=False,
        ),
        **soft,
    )
    label = {"font_family": "sans-serif", "font_size": 12, "fill": DETAIL, "text_anchor": "middle"}
    svg.text(MID, 22.0, "face", **label)
    svg.text(MID, HEIGHT - 10.0, "back of the head", **label)

    svg.group("outline on top")
    svg.path(
        symmetric_outline(left_half, WIDTH),
        fill="none",
        stroke=OUTLINE,
        stroke_width=1.9,
        stroke_linejoin="round",
    )
    return svg
