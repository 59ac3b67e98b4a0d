"""The ``feet`` sheet: the tops and soles of both feet, their inner sides and their outer sides.

Seen as the practitioner sees a client lying face up from the foot of the couch: the client's right
foot on the viewer's left throughout. Top row: the top of each foot (toes toward the viewer, drawn
pointing down, big toes toward the middle) and each sole (toes up, big toes toward the middle).
Middle row: the inner side of each foot (toes outward). Bottom row: the outer side (toes inward).

Each view of the foot is drawn in its own coordinates, about 10 units to the centimetre; one cun on
the lower leg is 24 units (16 cun from the knee crease to the outer ankle bone).
- top view: ``s`` across toward the big toe, ``t`` along the foot from the front of the ankle;
- sole view: ``s`` across toward the big toe, ``t`` along the sole from the back of the heel;
- side views: ``l`` along the foot from the back of the heel, ``h`` up from the floor.
"""

from __future__ import annotations

from svgdraw import Node, corner, node

WIDTH = 600.0
HEIGHT = 750.0
LEG_CUN = 24.0

TOP_ORIGIN = (80.0, 88.0)
"""The front of the right ankle on the sheet (top view)."""
SOLE_ORIGIN = (222.0, 318.0)
"""The back of the right heel on the sheet (sole view)."""
INNER_ORIGIN = (290.0, 520.0)
"""The back of the right heel on the floor (inner side; the toes point to the viewer's left)."""
OUTER_ORIGIN = (12.0, 722.0)
"""The back of the right heel on the floor (outer side; the toes point to the viewer's right)."""

# --- top of the foot (s, t) -----------------------------------------------------------------------
TOES_TOP = {
    "big": ((38.0, 218.0), 28.0),
    "second": ((14.0, 221.0), 17.0),
    "third": ((-5.0, 211.0), 16.0),
    "fourth": ((-23.0, 200.0), 15.0),
    "little": ((-40.0, 187.0), 14.0),
}
"""Each toe's tip and width on the top view."""
WEBS_TOP = {"1-2": (26.0, 172.0), "2-3": (4.0, 171.0), "3-4": (-14.0, 164.0), "4-5": (-31.0, 156.0)}
MTP_TOP = {
    "big": (36.0, 148.0),
    "second": (14.0, 153.0),
    "third": (-5.0, 149.0),
    "fourth": (-22.0, 142.0),
    "little": (-38.0, 133.0),
}
"""The joints at the bases of the toes (the heads of the metatarsal bones)."""

TOP: list[Node] = [
    corner(-34.0, -70.0),
    node(-36.0, -32.0),
    node(-45.0, -4.0),
    node(-44.0, 30.0),
    node(-47.0, 75.0),
    node(-51.0, 118.0),
    node(-52.0, 150.0),
    node(-49.0, 175.0),
    node(-42.0, 188.0),
    node(-35.0, 178.0),
    corner(*WEBS_TOP["4-5"]),
    node(-30.0, 187.0),
    node(-24.0, 201.0),
    node(-16.0, 190.0),
    corner(*WEBS_TOP["3-4"]),
    node(-12.0, 200.0),
    node(-5.0, 212.0),
    node(3.0, 200.0),
    corner(*WEBS_TOP["2-3"]),
    node(7.0, 210.0),
    node(14.0, 222.0),
    node(22.0, 210.0),
    corner(*WEBS_TOP["1-2"]),
    node(27.0, 200.0),
    node(37.0, 219.0),
    node(50.0, 207.0),
    node(54.0, 178.0),
    node(56.0, 148.0),
    node(49.0, 105.0),
    node(44.0, 62.0),
    node(44.0, 8.0),
    node(36.0, -32.0),
    corner(34.0, -70.0),
]

# --- sole (s, t) ----------------------------------------------------------------------------------
SOLE: list[Node] = [
    node(0.0, 0.0),
    node(-27.0, 12.0),
    node(-34.0, 48.0),
    node(-38.0, 100.0),
    node(-45.0, 150.0),
    node(-50.0, 182.0),
    node(-47.0, 207.0),
    node(-41.0, 221.0),
    node(-34.0, 212.0),
    corner(-31.0, 207.0),
    node(-27.0, 229.0),
    node(-20.0, 235.0),
    node(-15.0, 220.0),
    corner(-13.0, 214.0),
    node(-10.0, 238.0),
    node(-3.0, 244.0),
    node(3.0, 226.0),
    corner(5.0, 219.0),
    node(8.0, 242.0),
    node(15.0, 250.0),
    node(22.0, 232.0),
    corner(25.0, 222.0),
    node(28.0, 246.0),
    node(39.0, 257.0),
    node(52.0, 243.0),
    node(56.0, 205.0),
    node(50.0, 170.0),
    node(37.0, 130.0),
    node(32.0, 85.0),
    node(31.0, 40.0),
    node(24.0, 10.0),
]
SOLE_WEB_2_3 = (4.0, 205.0)
"""Where the web between the second and third toes meets the sole."""

# --- inner side of the foot (l, h) ----------------------------------------------------------------
MEDIAL_MALLEOLUS = (52.0, 70.0)
NAVICULAR = (104.0, 40.0)
"""The bump of the navicular bone on the inner side of the foot."""
FIRST_MT_BASE = (130.0, 30.0)
FIRST_MTP = (192.0, 24.0)
INNER: list[Node] = [
    corner(24.0, 160.0),
    node(20.0, 110.0),
    node(15.0, 64.0),
    node(3.0, 32.0),
    node(10.0, 6.0),
    node(34.0, 0.0),
    node(70.0, 4.0),
    node(110.0, 13.0),
    node(150.0, 9.0),
    node(184.0, 1.0),
    node(222.0, 3.0),
    node(252.0, 9.0),
    node(259.0, 20.0),
    node(250.0, 32.0),
    node(222.0, 36.0),
    node(194.0, 44.0),
    node(146.0, 60.0),
    node(104.0, 77.0),
    node(84.0, 96.0),
    node(78.0, 124.0),
    corner(76.0, 160.0),
]

# --- outer side of the foot (l, h) ----------------------------------------------------------------
LATERAL_MALLEOLUS = (48.0, 60.0)
FIFTH_MT_TUBEROSITY = (112.0, 18.0)
FIFTH_MTP = (186.0, 16.0)
OUTER: list[Node] = [
    corner(24.0, 160.0),
    node(20.0, 110.0),
    node(15.0, 64.0),
    node(3.0, 32.0),
    node(10.0, 6.0),
    node(34.0, 0.0),
    node(90.0, 0.0),
    node(150.0, 1.0),
    node(200.0, 2.0),
    node(228.0, 5.0),
    node(246.0, 6.0),
    node(258.0, 12.0),
    node(254.0, 28.0),
    node(228.0, 33.0),
    node(196.0, 42.0),
    node(146.0, 58.0),
    node(104.0, 74.0),
    node(84.0, 94.0),
    node(78.0, 124.0),
    corner(76.0, 160.0),
]


def top(s: float, t: float, right: bool = True) -> tuple[float, float]:
    """A top-of-foot point (s, t) on the sheet; the big toe points toward the middle, toes down."""
    x0, y0 = TOP_ORIGIN
    x = x0 + s
    return (x if right else WIDTH - x, y0 + t)


def sole(s: float, t: float, right: bool = True) -> tuple[float, float]:
    """A sole point (s, t) on the sheet; the big toe toward the middle, toes up."""
    x0, y0 = SOLE_ORIGIN
    x = x0 + s
    return (x if right else WIDTH - x, y0 - t)


def inner(along: float, up: float, right: bool = True) -> tuple[float, float]:
    """An inner-side point (l = ``along``, h = ``up``) on the sheet; the heel toward the middle, toes outward."""
    x0, y0 = INNER_ORIGIN
    x = x0 - along
    return (x if right else WIDTH - x, y0 - up)


def outer(along: float, up: float, right: bool = True) -> tuple[float, float]:
    """An outer-side point (l = ``along``, h = ``up``) on the sheet; the heel outward, toes toward the middle."""
    x0, y0 = OUTER_ORIGIN
    x = x0 + along
    return (x if right else WIDTH - x, y0 - up)
