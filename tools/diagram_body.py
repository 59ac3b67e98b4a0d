"""The ``body_front`` and ``body_back`` diagrams: a whole adult standing in the anatomical position.

The front view shows the palms and the tops of the feet; the back view the backs of the hands, the
heels, and both soles drawn beside the lower legs as if the client had lifted the feet behind. The
figure's shape is in ``body_geometry``; this module adds the details each view shows.
"""

from __future__ import annotations

from typing import Literal

from body_geometry import (
    CROWN,
    ELBOW,
    FOOT_BACK,
    FOOT_FRONT,
    HEAD_AND_ARM,
    HEIGHT,
    INNER_LEG,
    MID,
    WIDTH,
    WRIST,
    along,
    at,
    hand,
    sole,
    sole_nodes,
)
from palette import BROW, DETAIL, EYE_WHITE, FOLD, HAIR, LIP, NAIL, OUTLINE, SKIN
from svgdraw import Svg, symmetric_outline


def draw(facing: Literal["front", "back"]) -> Svg:
    """The whole-body diagram from the front or from the back."""
    title = "AcuChart body diagram, front view" if facing == "front" else "AcuChart body diagram, back view"
    svg = Svg(WIDTH, HEIGHT, title)
    foot = FOOT_FRONT if facing == "front" else FOOT_BACK
    half = [*HEAD_AND_ARM, *foot, *INNER_LEG]
    outline = symmetric_outline(half, WIDTH)
    svg.group("skin: the filled silhouette the points must lie in")
    svg.path(outline, fill=SKIN, stroke="none")
    if facing == "front":
        _front_details(svg)
    else:
        _back_details(svg)
    svg.group("outline on top")
    svg.path(outline, fill="none", stroke=OUTLINE, stroke_width=1.7, stroke_linejoin="round")
    return svg


_SOFT = {"stroke": FOLD, "stroke_width": 1.2, "stroke_linecap": "round", "fill": "none"}


def _line(svg: Svg, points: list[tuple[float, float]], **attrs: str | float) -> None:
    svg.both([at(d, y) for d, y in points], closed=False, **(attrs or _SOFT))


def _limb_lines(svg: Svg) -> None:
    """Lines both views share: finger divisions, wrist crease, knee."""
    for v in (8.8, -3.6, -15.5):
        _line(svg, [hand(84, v), hand(100, v)])
    _line(svg, [hand(2, 18), hand(5, 0), hand(2, -17)])


def _front_details(svg: Svg) -> None:
    svg.group("face, simplified")
    svg.path(
        symmetric_outline(
            [*CROWN, at(52, 60), at(28, 51), at(0, 49, True)],
            WIDTH,
        ),
        fill=HAIR,
        stroke="none",
    )
    _line(svg, [(63, 104), (52, 60), (28, 51), (0, 49)])
    svg.both(
        [at(36, 100), at(26, 96), at(14, 99)],
        closed=False,
        stroke=BROW,
        stroke_width=2.4,
        stroke_linecap="round",
    )
    svg.both(
        [at(34, 113, True), at(24, 108), at(14, 112, True), at(24, 116)],
        closed=True,
        fill=EYE_WHITE,
        stroke=DETAIL,
        stroke_width=1.0,
    )
    for d in (24.0, -24.0):
        svg.circle(MID - d, 112, 3.2, fill=DETAIL, stroke="none")
    _line(svg, [(6, 108), (8, 136), (10, 142), (4, 146)])
    svg.path(
        "M288,165 C294,162 306,162 312,165 C306,171 294,171 288,165 Z",
        fill=LIP,
        stroke=FOLD,
        stroke_width=1.0,
    )
    _line(svg, [(67, 112), (66, 132)])

    svg.group("neck, collarbones, chest, abdomen")
    _line(svg, [(30, 208), (22, 252), (6, 268)])
    _line(svg, [(8, 274), (50, 268), (100, 272), (134, 280)])
    svg.path("M294,270 C297,275 303,275 306,270", **_SOFT)
    _line(svg, [(118, 330), (100, 372), (70, 402), (30, 404), (8, 396)])
    for d in (68.0, -68.0):
        svg.circle(MID - d, 392, 3.0, fill="none", stroke=FOLD, stroke_width=1.2)
    _line(svg, [(12, 428), (40, 440), (76, 462), (104, 490)])
    svg.path(
        "M296,562 C296,557 304,557 304,562 C304,567 296,567 296,562 Z",
        fill="none",
        stroke=DETAIL,
        stroke_width=1.3,
    )
    _line(svg, [(126, 632), (80, 660), (40, 690), (14, 706)])

    svg.group("arms: elbow crease, palm creases")
    _line(svg, [along(ELBOW, WRIST, 0.0, 14), along(ELBOW, WRIST, 0.0, -14)])
    _line(svg, [hand(34, 30), hand(44, 10), hand(46, -20)])
    _line(svg, [hand(62, 22), hand(60, 0), hand(66, -26)])
    _limb_lines(svg)

    svg.group("legs: kneecaps, shins, ankles, toes")
    svg.both(
        [at(57, 978), at(44, 990), at(46, 1012), at(57, 1022), at(68, 1012), at(70, 990)],
        closed=True,
        fill="none",
        stroke=FOLD,
        stroke_width=1.2,
    )
    _line(svg, [(56, 1040), (52, 1120), (48, 1200), (46, 1280)])
    _line(svg, [(36, 1296), (42, 1306), (40, 1316)])
    _line(svg, [(84, 1308), (80, 1322)])
    _line(svg, [(36, 1318), (60, 1312), (86, 1322)])
    for d, y, w in (
        (41.0, 1374.0, 6.0),
        (58.5, 1372.0, 3.6),
        (71.5, 1370.0, 3.4),
        (84.0, 1367.0, 3.0),
        (96.5, 1363.0, 2.8),
    ):
        svg.both(
            [at(d - w, y), at(d, y - 3), at(d + w, y), at(d, y + 3)],
            closed=True,
            fill=NAIL,
            stroke=FOLD,
            stroke_width=0.9,
        )


def _back_details(svg: Svg) -> None:
    svg.group("hair over the back of the head")
    svg.path(
        symmetric_outline(
            [*CROWN, at(62, 140), at(54, 170), at(36, 182), at(0, 178, True)],
            WIDTH,
        ),
        fill=HAIR,
        stroke="none",
    )
    _line(svg, [(63, 104), (62, 140), (54, 170), (36, 182), (0, 178)])
    _line(svg, [(66, 112), (67, 134)])

    svg.group("neck, spine, shoulder blades, waist, buttocks")
    svg.circle(MID, 262, 2.6, fill="none", stroke=FOLD, stroke_width=1.2)
    svg.path(f"M{MID},272 L{MID},600", stroke=FOLD, stroke_width=1.1, stroke_dasharray="3 5", fill="none")
    _line(svg, [(24, 214), (30, 244)])
    _line(svg, [(54, 316), (55, 350), (58, 378), (66, 392), (84, 380), (108, 352), (122, 322)])
    _line(svg, [(56, 324), (90, 308), (130, 298)])
    _line(svg, [(104, 580), (60, 596), (20, 606)])
    _line(svg, [(0, 640), (2, 700)])
    _line(svg, [(120, 706), (80, 718), (40, 716), (10, 706)])

    svg.group("arms: elbows, backs of the hands, nails")
    elbow_d, elbow_y = along(ELBOW, WRIST, 0.02, -6)
    for x in (MID - elbow_d, MID + elbow_d):
        svg.circle(x, elbow_y, 3.0, fill="none", stroke=FOLD, stroke_width=1.2)
    for u, v in ((66, 14), (70, 2), (67, -10), (62, -20)):
        _line(svg, [hand(u - 2, v - 3), hand(u, v), hand(u - 2, v + 3)])
    for u, v in ((128, 15.0), (135, 2.5), (130, -9.5), (116, -21.0), (77, 36.0)):
        svg.both(
            [at(*hand(u - 9, v - 3)), at(*hand(u - 9, v + 3)), at(*hand(u, v + 3)), at(*hand(u, v - 3))],
            closed=True,
            fill=NAIL,
            stroke=FOLD,
            stroke_width=0.8,
        )
    _limb_lines(svg)

    svg.group("legs: knee creases, calves, Achilles tendons, heels")
    _line(svg, [(40, 1016), (57, 1019), (76, 1016)])
    _line(svg, [(34, 1080), (30, 1140)])
    _line(svg, [(96, 1080), (92, 1140)])
    _line(svg, [(55, 1250), (56, 1330)])
    _line(svg, [(69, 1250), (68, 1330)])
    _line(svg, [(36, 1300), (40, 1310), (36, 1320)])
    _line(svg, [(88, 1316), (84, 1326), (88, 1336)])
    _line(svg, [(44, 1352), (60, 1360), (76, 1352)])

    svg.group("soles, seen as if the client had lifted the feet behind")
    svg.both(sole_nodes(), closed=True, fill=SKIN, stroke=OUTLINE, stroke_width=1.6, stroke_linejoin="round")
    _line(svg, [sole(-30, 164), sole(0, 170), sole(40, 166)])
    svg.text(
        MID - 210, 1126, "soles", font_family="sans-serif", font_size=11, fill=DETAIL, text_anchor="middle"
    )
    svg.text(
        MID + 210, 1126, "soles", font_family="sans-serif", font_size=11, fill=DETAIL, text_anchor="middle"
    )
