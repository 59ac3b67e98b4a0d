"""The ``face`` diagram: the head and neck from the front, adult proportions, midline at x = 300 of 600.

Landmarks (viewBox units, y downward): vertex 36, anterior hairline 99 to 101, eyebrows 254, eyes (inner and
outer canthi) 300 = half the head height, base of the nose 407, mouth 460, chin 566. Pupils 74 either
side of the midline, so the eyes are one eye-width apart. Ears from the brow line to the base of the
nose, the tragus at the level of the eye.
"""

from __future__ import annotations

from palette import BROW, DETAIL, EYE_WHITE, FOLD, HAIR, IRIS, LIP, LIP_LINE, OUTLINE, PUPIL, SKIN
from svgdraw import Svg, corner, node, symmetric_outline

WIDTH = 600.0
HEIGHT = 800.0

# The silhouette's left half (viewer's left = the client's right), from the vertex to the bottom midline.
_SILHOUETTE = [
    node(300, 36),
    node(236, 42),
    node(186, 61),
    node(151, 98),
    node(130, 144),
    node(119, 196),
    node(121, 244),
    corner(123, 258),
    # the ear, seen nearly edge-on: helix rim, then the lobe
    node(111, 255),
    node(101, 270),
    node(95, 300),
    node(96, 338),
    node(102, 372),
    node(110, 396),
    node(119, 409),
    corner(128, 412),
    # the ramus of the jaw down to its angle, then in to the side of the neck
    node(133, 440),
    node(141, 472),
    node(160, 500),
    node(196, 532),
    node(211, 566),
    node(212, 620),
    node(210, 680),
    node(203, 712),
    node(176, 734),
    node(120, 756),
    node(64, 778),
    node(30, 792),
    corner(22, 800),
    corner(300, 800),
]

_HAIR = [
    node(300, 36),
    node(236, 42),
    node(186, 61),
    node(151, 98),
    node(130, 144),
    node(119, 196),
    node(121, 244),
    corner(123, 258),
    node(129, 212),
    node(137, 164),
    node(151, 131),
    node(174, 115),
    node(206, 106),
    node(252, 101),
    node(300, 99),
]


def draw() -> Svg:
    """The face diagram as an SVG document."""
    svg = Svg(WIDTH, HEIGHT, "AcuChart face diagram: head and neck from the front")
    outline = {"stroke": OUTLINE, "stroke_width": 1.9, "stroke_linejoin": "round", "fill": "none"}
    detail = {"stroke": DETAIL, "stroke_width": 1.5, "stroke_linecap": "round", "fill": "none"}
    soft = {"stroke": FOLD, "stroke_width": 1.3, "stroke_linecap": "round", "fill": "none"}

    svg.group("skin: the filled silhouette the points must lie in")
    svg.path(symmetric_outline(_SILHOUETTE, WIDTH), fill=SKIN, stroke="none")

    svg.group("hair above the anterior hairline")
    svg.path(symmetric_outline(_HAIR, WIDTH), fill=HAIR, stroke="none")
    svg.path(symmetric_outline(_HAIR, WIDTH), fill="none", stroke=FOLD, stroke_width=1.2)
    for nodes in (
        [node(262, 60), node(222, 78), node(196, 104)],
        [node(212, 56), node(176, 84), node(156, 114)],
        [node(170, 74), node(146, 110), node(134, 156)],
    ):
        svg.both(nodes, closed=False, **soft)

    svg.group("face edge where the ear is attached, and the ear's inner curves")
    svg.both([node(123, 258), node(124, 330), node(128, 412)], closed=False, **soft)
    svg.both(
        [node(114, 264), node(105, 290), node(103, 330), node(107, 366), node(115, 392)],
        closed=False,
        **detail,
    )
    # the tragus, a small flap in front of the ear canal, and the earlobe crease
    svg.both([node(125, 310), node(117, 318), node(116, 330), node(124, 342)], closed=False, **detail)
    svg.both([node(108, 384), node(116, 392), node(122, 392)], closed=False, **soft)

    svg.group("jawline, chin and neck")
    svg.both(
        [node(141, 472), node(168, 512), node(214, 546), node(262, 562), node(300, 566)], closed=False, **soft
    )
    # sternocleidomastoid: anterior border from below the ear to the top of the sternum
    svg.both([node(212, 590), node(240, 640), node(268, 700), node(287, 742)], closed=False, **soft)
    svg.path("M291,627 C294,621 306,621 309,627", **soft)
    svg.both([node(282, 744), node(236, 746), node(176, 752), node(110, 770)], closed=False, **soft)
    svg.path("M286,742 C292,750 308,750 314,742", **soft)

    svg.group("eyebrows")
    svg.both(
        [
            node(264, 266),
            node(258, 255),
            node(236, 246),
            node(210, 242),
            node(190, 245),
            corner(174, 256),
            node(192, 252),
            node(214, 251),
            node(240, 256),
            corner(264, 266),
        ],
        closed=True,
        fill=BROW,
        stroke=BROW,
        stroke_width=1.0,
        stroke_linejoin="round",
    )

    svg.group("eyes: whites, irises with pupils, lids, lid creases")
    eye = [
        corner(263, 303),
        node(246, 290),
        node(224, 285),
        node(202, 290),
        corner(188, 297),
        node(204, 309),
        node(226, 314),
        node(248, 311),
    ]
    svg.both(eye, closed=True, fill=EYE_WHITE, stroke="none")
    for cx in (226.0, WIDTH - 226.0):
        svg.circle(cx, 300, 13.5, fill=IRIS, stroke=DETAIL, stroke_width=0.8)
        svg.circle(cx, 300, 5.5, fill=PUPIL, stroke="none")
        svg.circle(cx - 4, 296, 2.0, fill=EYE_WHITE, stroke="none")
    # the eyelids cover the top and bottom of the iris: skin-coloured masks above and below the opening
    svg.both(
        [corner(263, 303), node(246, 290), node(224, 285), node(202, 290), corner(188, 297), node(224, 270)],
        closed=True,
        fill=SKIN,
        stroke="none",
    )
    svg.both(
        [corner(263, 303), node(248, 311), node(226, 314), node(204, 309), corner(188, 297), node(226, 326)],
        closed=True,
        fill=SKIN,
        stroke="none",
    )
    svg.both(
        [node(265, 304), node(246, 290), node(224, 285), node(202, 290), node(185, 298)],
        closed=False,
        stroke=OUTLINE,
        stroke_width=2.0,
        stroke_linecap="round",
        fill="none",
    )
    svg.both(
        [node(263, 304), node(248, 311), node(226, 314), node(204, 309), node(189, 298)],
        closed=False,
        **detail,
    )
    svg.both([node(258, 290), node(240, 279), node(216, 276), node(196, 282)], closed=False, **soft)
    # inner canthus (the caruncle) and the infraorbital margin below the eye
    svg.both([node(263, 303), node(268, 305)], closed=False, **detail)
    svg.both([node(258, 324), node(236, 331), node(212, 330), node(192, 321)], closed=False, **soft)

    svg.group("nose: bridge, tip, alae, nostrils")
    svg.both([node(277, 274), node(281, 312), node(279, 350), node(274, 372)], closed=False, **soft)
    # the ala: its crease curving round from the side of the nose to the nostril
    svg.both(
        [node(276, 374), node(265, 381), node(262, 393), node(268, 402), node(278, 404)],
        closed=False,
        **detail,
    )
    svg.both([node(279, 400), node(287, 405), node(294, 406)], closed=False, **detail)
    svg.path("M294,406 C297,407.5 303,407.5 306,406", **detail)
    svg.path("M286,387 C292,382 308,382 314,387", **soft)

    svg.group("nasolabial folds")
    svg.both(
        [node(262, 378), node(256, 392), node(246, 420), node(238, 452), node(236, 484)], closed=False, **soft
    )

    svg.group("lips: philtrum, upper and lower lip")
    svg.both([node(291, 410), node(289, 441)], closed=False, **soft)
    svg.path(
        "M248,461 C262,452 276,442 287,440 C293,440 297,444 300,446 C303,444 307,440 313,440 "
        "C324,442 338,452 352,461 C334,462 318,463 300,463 C282,463 266,462 248,461 Z",
        fill=LIP,
        stroke=LIP_LINE,
        stroke_width=1.2,
        stroke_linejoin="round",
    )
    svg.path(
        "M248,461 C266,462 282,463 300,463 C318,463 334,462 352,461 C338,476 320,485 300,486 "
        "C280,485 262,476 248,461 Z",
        fill=LIP,
        stroke=LIP_LINE,
        stroke_width=1.2,
        stroke_linejoin="round",
    )
    svg.path(
        "M248,461 C268,463 284,463 300,464 C316,463 332,463 352,461",
        stroke=DETAIL,
        stroke_width=1.6,
        fill="none",
    )
    svg.path("M284,498 C292,494 308,494 316,498", **soft)

    svg.group("outline on top")
    svg.path(symmetric_outline(_SILHOUETTE, WIDTH), **outline)
    return svg
