"""The ``head_right`` and ``head_left`` diagrams: the head and neck from the client's right and left.

The right profile is drawn from ``head_geometry``; the left one is the same drawing mirrored
(x -> 600 - x), so a point and its mirror image sit on the same anatomy of both.
"""

from __future__ import annotations

from collections.abc import Sequence

import head_geometry as g
from palette import BROW, DETAIL, EYE_WHITE, FOLD, HAIR, IRIS, LIP, LIP_LINE, OUTLINE, PUPIL, SKIN
from svgdraw import Node, Svg, corner, mirror_node, node, smooth_path


class _Profile:
    """Draws nodes as given (right profile) or mirrored (left profile)."""

    def __init__(self, svg: Svg, mirrored: bool) -> None:
        self.svg = svg
        self.mirrored = mirrored

    def _nodes(self, nodes: Sequence[Node]) -> list[Node]:
        return [mirror_node(n, g.WIDTH) for n in nodes] if self.mirrored else list(nodes)

    def path(self, nodes: Sequence[Node], closed: bool, tension: float = 1.0, **attrs: str | float) -> None:
        self.svg.path(smooth_path(self._nodes(nodes), closed, tension), **attrs)

    def circle(self, x: float, y: float, r: float, **attrs: str | float) -> None:
        self.svg.circle(g.WIDTH - x if self.mirrored else x, y, r, **attrs)


OUTLINE_STYLE = {"stroke": OUTLINE, "stroke_width": 1.9, "stroke_linejoin": "round", "fill": "none"}
DETAIL_STYLE = {"stroke": DETAIL, "stroke_width": 1.5, "stroke_linecap": "round", "fill": "none"}
SOFT = {"stroke": FOLD, "stroke_width": 1.3, "stroke_linecap": "round", "fill": "none"}
FAINT = {
    "stroke": FOLD,
    "stroke_width": 1.0,
    "stroke_linecap": "round",
    "fill": "none",
    "stroke_dasharray": "4 4",
}


def draw(side: str) -> Svg:
    """The profile of the client's ``side`` ("right" or "left") as an SVG document."""
    svg = Svg(g.WIDTH, g.HEIGHT, f"AcuChart head diagram: the client's {side} side")
    p = _Profile(svg, mirrored=side == "left")

    svg.group("skin: the filled silhouette the points must lie in")
    p.path(g.SILHOUETTE, closed=True, fill=SKIN, stroke="none")

    svg.group("hair: front hairline, temple and sideburn, round the ear, down to the nape")
    p.path(g.HAIR, closed=True, fill=HAIR, stroke="none")
    p.path(g.HAIR[3:27], closed=False, **SOFT)
    for strand in (
        [node(420, 64), node(380, 90), node(346, 128)],
        [node(330, 52), node(290, 74), node(262, 110)],
        [node(232, 56), node(190, 90), node(160, 140)],
        [node(150, 120), node(120, 190), node(114, 260)],
        [node(384, 150), node(352, 180), node(326, 222)],
    ):
        p.path(strand, closed=False, **SOFT)

    svg.group("bones and muscles under the skin: jaw, cheekbone, neck, collarbone")
    p.path(g.JAW_LINE, closed=False, **FAINT)
    p.path(g.ZYGOMATIC_ARCH, closed=False, **FAINT)
    p.path(g.SCM_FRONT, closed=False, **SOFT)
    p.path(g.SCM_BACK, closed=False, **FAINT)
    p.path(g.TRAPEZIUS_FRONT, closed=False, **FAINT)
    p.path(g.CLAVICLE, closed=False, **SOFT)
    p.path([node(437, 612), node(429, 630), node(432, 648)], closed=False, **SOFT)
    p.circle(143, 650, 3.0, fill="none", stroke=FOLD, stroke_width=1.2)

    svg.group("the ear: helix, antihelix, concha, tragus and lobe")
    p.path(g.EAR, closed=True, fill=SKIN, stroke=OUTLINE, stroke_width=1.6, stroke_linejoin="round")
    p.path(
        [node(282, 268), node(262, 262), node(240, 266), node(228, 282), node(224, 310), node(226, 340)],
        closed=False,
        **DETAIL_STYLE,
    )
    p.path(
        [node(268, 276), node(250, 290), node(240, 318), node(242, 346), node(252, 370), node(268, 378)],
        closed=False,
        **SOFT,
    )
    p.path([node(252, 290), node(266, 292), node(280, 300)], closed=False, **SOFT)
    p.path(
        [node(286, 312), node(272, 314), node(262, 330), node(266, 350), node(284, 356)],
        closed=False,
        **DETAIL_STYLE,
    )
    p.path([node(268, 382), node(276, 372), node(284, 366)], closed=False, **SOFT)
    p.path([node(236, 388), node(252, 398), node(270, 396)], closed=False, **SOFT)

    svg.group("eyebrow and eye")
    p.path(
        [
            corner(450, 259),
            node(458, 250),
            node(478, 244),
            node(498, 244),
            corner(511, 250),
            node(498, 255),
            node(474, 256),
        ],
        closed=True,
        fill=BROW,
        stroke=BROW,
        stroke_width=1.0,
        stroke_linejoin="round",
    )
    eye = [
        corner(*g.OUTER_CANTHUS),
        node(470, 291),
        node(484, 289),
        corner(493, 299),
        node(483, 306),
        node(469, 306),
    ]
    p.path(eye, closed=True, fill=EYE_WHITE, stroke="none")
    p.path(
        [node(486, 290), node(493, 296), node(492, 304), node(486, 306), node(483, 298)],
        closed=True,
        fill=IRIS,
        stroke="none",
    )
    p.circle(490.5, 298.5, 2.0, fill=PUPIL, stroke="none")
    p.path([node(455, 300), node(469, 290), node(484, 288), node(495, 297)], closed=False, **OUTLINE_STYLE)
    p.path([node(459, 301), node(469, 307), node(484, 307), node(493, 301)], closed=False, **DETAIL_STYLE)
    p.path([node(462, 286), node(476, 280), node(492, 281)], closed=False, **SOFT)
    p.path([node(456, 318), node(474, 326), node(492, 324)], closed=False, **SOFT)

    svg.group("nose: the wing and the nostril")
    p.path(
        [node(514, 372), node(508, 382), node(510, 394), node(520, 400), node(534, 400)],
        closed=False,
        **DETAIL_STYLE,
    )
    p.path([node(532, 402), node(540, 403), node(546, 400)], closed=False, **DETAIL_STYLE)
    p.path([node(508, 380), node(496, 406), node(490, 440), node(494, 470)], closed=False, **SOFT)

    svg.group("lips and chin")
    p.path(
        [corner(*g.STOMION), node(514, 452), node(522, 442), node(529, 443), node(530, 449), node(522, 458)],
        closed=True,
        fill=LIP,
        stroke=LIP_LINE,
        stroke_width=1.1,
    )
    p.path(
        [corner(*g.STOMION), node(524, 466), node(526, 474), node(520, 481), node(510, 478)],
        closed=True,
        fill=LIP,
        stroke=LIP_LINE,
        stroke_width=1.1,
    )
    p.path([node(517, 461), node(506, 462), node(500, 465)], closed=False, **DETAIL_STYLE)

    svg.group("outline on top")
    p.path(g.SILHOUETTE, closed=True, **OUTLINE_STYLE)
    return svg
