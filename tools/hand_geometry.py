"""The ``hands`` sheet: both palms above, both backs of the hands below, fingers up.

As a client shows them, facing the practitioner: the client's right hand on the viewer's left. With
the palms toward the viewer the thumbs point inward (toward each other); with the backs toward the
viewer they point outward. Each hand is drawn once, in its own coordinates: ``a`` across the hand
toward the thumb, ``b`` up from the middle of the wrist crease toward the fingertips, about 16 units
to the centimetre; a stub of forearm (1 cun = 33 units) shows the points just above the wrist.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from svgdraw import Node, corner, node

WIDTH = 600.0
HEIGHT = 810.0
FOREARM_CUN = 33.0
"""One cun on the forearm at this scale (12 cun from the elbow crease to the wrist crease)."""
STUB = -84.0
"""How far the forearm is drawn below the wrist crease (b)."""

PALM_CENTRE = (150.0, 298.0)
"""Where the middle of the right hand's wrist crease sits on the sheet, palm side."""
BACK_CENTRE = (150.0, 706.0)
"""Where the middle of the right hand's wrist crease sits on the sheet, back of the hand."""


@dataclass(frozen=True)
class Finger:
    """A finger: where its base sits (the web level), which way it points, how long and wide it is."""

    name: str
    base: tuple[float, float]
    angle: float
    """Degrees from straight up, positive toward the thumb."""
    length: float
    width: float
    joints: tuple[float, ...]
    """The finger's creases (fractions of its length from the base): knuckle side first."""

    def at(self, along: float, across: float = 0.0) -> tuple[float, float]:
        """(a, b) a fraction ``along`` the finger from its base, ``across`` units toward the thumb."""
        rad = math.radians(self.angle)
        ux, uy = math.sin(rad), math.cos(rad)
        return (
            self.base[0] + ux * self.length * along + uy * across,
            self.base[1] + uy * self.length * along - ux * across,
        )


FINGERS = {
    "index": Finger("index", (40.0, 172.0), 7.0, 98.0, 26.0, (0.44, 0.73)),
    "middle": Finger("middle", (13.0, 178.0), 0.0, 108.0, 27.0, (0.44, 0.73)),
    "ring": Finger("ring", (-13.0, 174.0), -6.0, 100.0, 25.0, (0.44, 0.73)),
    "little": Finger("little", (-38.0, 162.0), -13.0, 78.0, 22.0, (0.42, 0.72)),
}
THUMB = Finger("thumb", (70.0, 95.0), 24.0, 78.0, 30.0, (0.2, 0.6))
"""The thumb from its knuckle (the first metacarpophalangeal joint) to its tip."""
KNUCKLE_B = {"index": 150.0, "middle": 153.0, "ring": 150.0, "little": 142.0}
"""The heads of the metacarpal bones (b), on each finger's line."""
KNUCKLE_A = {"index": 38.0, "middle": 13.0, "ring": -13.0, "little": -36.0}
WEBS = {
    "thumb-index": (50.0, 108.0),
    "index-middle": (27.0, 170.0),
    "middle-ring": (0.0, 172.0),
    "ring-little": (-26.0, 163.0),
}
"""The edges of the webs between the fingers (a, b)."""
WRIST_HALF = 44.0


def _finger_nodes(finger: Finger) -> list[Node]:
    """One finger's outline from its little-finger side at the base, over the tip, to its thumb side."""
    half = finger.width / 2
    nodes = [
        node(*finger.at(0.0, -half)),
        node(*finger.at(0.55, -half * 0.96)),
        node(*finger.at(0.9, -half * 0.9)),
    ]
    nodes.append(node(*finger.at(1.0, 0.0)))
    nodes += [
        node(*finger.at(0.9, half * 0.9)),
        node(*finger.at(0.55, half * 0.96)),
        node(*finger.at(0.0, half)),
    ]
    return nodes


def outline() -> list[Node]:
    """The right hand with its stub of forearm, closed, in (a, b): little-finger side, fingers, thumb."""
    little, ring, middle, index = (FINGERS[n] for n in ("little", "ring", "middle", "index"))
    nodes = [
        corner(-WRIST_HALF - 4, STUB),
        node(-WRIST_HALF - 1, STUB / 2),
        node(-WRIST_HALF, 0.0),
        node(-53.0, 60.0),
        node(-55.0, 118.0),
    ]
    for finger, web in (
        (little, "ring-little"),
        (ring, "middle-ring"),
        (middle, "index-middle"),
        (index, None),
    ):
        nodes += _finger_nodes(finger)[1:-1] if finger is not little else _finger_nodes(finger)[:-1]
        if web is not None:
            nodes.append(corner(*WEBS[web]))
    nodes.append(corner(*WEBS["thumb-index"]))
    nodes += [
        node(68.0, 128.0),
        node(83.0, 150.0),
        node(96.0, 165.0),
        node(105.0, 168.0),
        node(112.0, 158.0),
        node(108.0, 136.0),
        node(97.0, 110.0),
        node(83.0, 84.0),
        node(70.0, 56.0),
        node(57.0, 22.0),
        node(WRIST_HALF, 0.0),
        node(WRIST_HALF + 2, STUB / 2),
        corner(WRIST_HALF + 4, STUB),
    ]
    return nodes


def to_sheet(a: float, b: float, palm: bool, right: bool = True) -> tuple[float, float]:
    """A hand point (a, b) on the sheet: on the palm or the back, of the client's right or left hand."""
    cx, cy = PALM_CENTRE if palm else BACK_CENTRE
    # palms toward the viewer: the right thumb points inward (+x); backs: outward (-x)
    x = cx + a if palm else cx - a
    if not right:
        x = WIDTH - x
    return (x, cy - b)
