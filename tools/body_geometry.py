"""The shape of the whole-body figure shared by ``body_front`` and ``body_back``.

A 170 cm adult at 7.9 units per centimetre (viewBox 600 x 1400, midline at x = 300): vertex 28, chin
209, suprasternal notch 270, nipples 392, navel 563, pubic symphysis 652, crotch 712, patella centre
1000, malleoli 1309 (inner) and 1325 (outer), soles 1376. Arms hang slightly away from the trunk with
the palms forward, thumbs outward. Shapes are given for the viewer's left half and mirrored; "d" is
the distance from the midline.
"""

from __future__ import annotations

import math

from svgdraw import Node

WIDTH = 600.0
HEIGHT = 1400.0
MID = WIDTH / 2

# The arm's skeleton as (d, y): shoulder joint, elbow crease, wrist crease.
SHOULDER = (142.0, 300.0)
ELBOW = (182.0, 541.0)
WRIST = (212.0, 739.0)


def at(d: float, y: float, is_corner: bool = False) -> Node:
    """A node ``d`` to the viewer's left of the midline."""
    return Node(MID - d, y, is_corner)


def along(start: tuple[float, float], end: tuple[float, float], t: float, off: float) -> tuple[float, float]:
    """The (d, y) point a fraction ``t`` along a limb segment, ``off`` units outward from its axis."""
    dd, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dd, dy)
    normal = (dy / length, -dd / length)
    return (start[0] + dd * t + normal[0] * off, start[1] + dy * t + normal[1] * off)


def hand(u: float, v: float) -> tuple[float, float]:
    """The (d, y) point ``u`` units down the hand from the wrist crease and ``v`` units toward the thumb."""
    dd, dy = WRIST[0] - ELBOW[0], WRIST[1] - ELBOW[1]
    length = math.hypot(dd, dy)
    ux, uy = dd / length, dy / length
    return (WRIST[0] + ux * u + uy * v, WRIST[1] + uy * u - ux * v)


def _arm(points: list[tuple[float, float, bool]]) -> list[Node]:
    return [at(d, y, c) for d, y, c in points]


def _upper(t: float, off: float, c: bool = False) -> tuple[float, float, bool]:
    return (*along(SHOULDER, ELBOW, t, off), c)


def _fore(t: float, off: float, c: bool = False) -> tuple[float, float, bool]:
    return (*along(ELBOW, WRIST, t, off), c)


def _hand(u: float, v: float, c: bool = False) -> tuple[float, float, bool]:
    return (*hand(u, v), c)


# The hand's outline from the wrist's thumb side, round the thumb and the four fingertips, to its
# little-finger side; clefts between the fingers are corners.
HAND_OUTLINE = [
    _hand(0, 21),
    _hand(14, 28),
    _hand(32, 36),
    _hand(50, 41),
    _hand(66, 42.5),
    _hand(78, 40),
    _hand(81, 34),
    _hand(76, 29.5),
    _hand(62, 28.5),
    _hand(46, 24.5, True),
    _hand(66, 23),
    _hand(96, 21.5),
    _hand(122, 20.5),
    _hand(131, 17),
    _hand(133, 12.5),
    _hand(128, 9.5),
    _hand(106, 8.8, True),
    _hand(128, 8.3),
    _hand(138, 6.5),
    _hand(140, 2),
    _hand(136, -3),
    _hand(108, -3.6, True),
    _hand(128, -4.2),
    _hand(134, -7.5),
    _hand(135, -12),
    _hand(130, -15),
    _hand(101, -15.5, True),
    _hand(113, -16.3),
    _hand(120, -19),
    _hand(120, -23.5),
    _hand(112, -26.5),
    _hand(90, -28),
    _hand(60, -29),
    _hand(34, -28),
    _hand(12, -24),
    _hand(0, -20),
]

# The crown of the head down to the top of the ears; hair in both views starts from it.
CROWN = [at(0, 28), at(34, 31), at(53, 43), at(62, 64), at(64, 88), at(63, 104, True)]

HEAD_AND_ARM = [
    *CROWN,
    at(71, 106),
    at(73, 124),
    at(69, 146),
    at(60, 152, True),
    at(56, 172),
    at(47, 200),
    at(45, 230),
    at(52, 250),
    at(90, 264),
    at(132, 276),
    at(156, 292),
    *_arm(
        [
            _upper(0.12, 26),
            _upper(0.4, 26),
            _upper(0.75, 23),
            _fore(0.0, 25),
            _fore(0.22, 28),
            _fore(0.6, 24),
            _fore(0.92, 21),
            *HAND_OUTLINE,
            _fore(0.9, -20),
            _fore(0.55, -25),
            _fore(0.2, -28),
            _fore(0.0, -27),
            _upper(0.7, -27),
            _upper(0.35, -30),
            _upper(0.14, -30, True),
        ]
    ),
    at(115, 366),
    at(114, 420),
    at(106, 520),
    at(116, 600),
    at(132, 668),
    at(128, 740),
    at(118, 850),
    at(104, 960),
    at(98, 1000),
    at(100, 1050),
    at(104, 1100),
    at(96, 1180),
    at(86, 1260),
    at(84, 1300),
]

INNER_LEG = [
    at(34, 1300),
    at(36, 1260),
    at(30, 1180),
    at(22, 1100),
    at(20, 1050),
    at(18, 1000),
    at(16, 960),
    at(14, 850),
    at(10, 760),
    at(0, 712, True),
]

# The foot seen from the front: toes toward the viewer, turned slightly out; clefts are corners.
FOOT_FRONT = [
    at(90, 1322),
    at(96, 1338),
    at(102, 1352),
    at(104, 1361),
    at(101, 1368),
    at(95, 1369),
    at(90, 1364, True),
    at(89, 1370),
    at(84, 1373),
    at(79, 1367, True),
    at(77, 1374),
    at(71, 1377),
    at(66, 1369, True),
    at(64, 1377),
    at(58, 1379),
    at(53, 1370, True),
    at(50, 1380),
    at(42, 1382),
    at(34, 1379),
    at(30, 1370),
    at(29, 1350),
    at(33, 1320),
]

# The heel seen from behind, with the forefoot showing either side of it.
FOOT_BACK = [
    at(90, 1322),
    at(93, 1338),
    at(94, 1356),
    at(86, 1368),
    at(74, 1374),
    at(60, 1376),
    at(46, 1374),
    at(34, 1364),
    at(29, 1346),
    at(33, 1318),
]


def sole(s: float, t: float) -> tuple[float, float]:
    """A point on the sole inset as (d, y): ``s`` units toward the big toe, ``t`` units down from the heel."""
    return (210.0 - s, 1138.0 + t)


# The sole as seen from behind with the foot lifted: heel up, toes down, big toe toward the midline.
# (s, t) as for sole(); a third item marks a corner.
_SOLE: list[tuple[float, ...]] = [
    (0.0, 0.0),
    (-25.0, 8.0),
    (-33.0, 34.0),
    (-33.0, 80.0),
    (-35.0, 130.0),
    (-38.0, 160.0),
    (-37.0, 176.0),
    (-32.0, 186.0),
    (-25.0, 185.0),
    (-22.0, 178.0, 1.0),
    (-19.0, 190.0),
    (-12.0, 194.0),
    (-7.0, 186.0, 1.0),
    (-4.0, 197.0),
    (3.0, 200.0),
    (8.0, 190.0, 1.0),
    (11.0, 202.0),
    (18.0, 205.0),
    (23.0, 194.0, 1.0),
    (26.0, 206.0),
    (36.0, 211.0),
    (45.0, 205.0),
    (48.0, 186.0),
    (44.0, 158.0),
    (28.0, 118.0),
    (22.0, 80.0),
    (27.0, 36.0),
    (23.0, 8.0),
]


def sole_nodes() -> list[Node]:
    """The outline of the sole on the viewer's left, as nodes."""
    return [at(*sole(p[0], p[1]), len(p) > 2) for p in _SOLE]
