"""The scalp as a surface, so that a point given in cun lands on the same spot of every view.

The head is taken as stacked horizontal sections: at each height y its half-width comes from the face
diagram's silhouette and its front and back from the profile's; each section is a rounded oval (two
half super-ellipses meeting at the widest part). A scalp point is given as WHO gives it: so many cun
behind the front hairline (or above the back hairline) along the midline, and so many cun to the side,
measured over the skin. Its 3D position is then projected onto the face (x = 300 - X), the right
profile (x = depth) and the back view.

Proportional cun on the head: 5 cun from the front hairline to GV20, which lies where the line over
the head joining the apexes of the ears meets the midline; 7 cun from GV20 to the back hairline; 9 cun
across the forehead between the two ST8.
"""

from __future__ import annotations

import functools
import itertools
import math
from dataclasses import dataclass

import diagram_face
import head_geometry as g
from measure import Polyline, piecewise
from svgdraw import curve_points

EXPONENT = 2.3
"""How square the head's sections are: 2 is an ellipse; a little more flattens the forehead and occiput."""

_FACE_SIDE = Polyline(curve_points(diagram_face._SILHOUETTE[:8], closed=False))
_FRONT = g.front_contour()
_BACK = g.back_contour()
_BACK_TAPER = [(258.0, 177.0), (320.0, 166.0), (380.0, 148.0), (420.0, 128.0), (460.0, 110.0), (560.0, 92.0)]
"""Half-widths of the back of the head and the neck below the level of the ears (the face hides them)."""

HAIRLINE_FRONT = (_FRONT.x_at_y(g.HAIRLINE_FRONT_Y), g.HAIRLINE_FRONT_Y)
GV20_PROFILE = _BACK.at(_BACK.arc_of((g.EAR_APEX[0], 38.0)))
"""GV20 on the profile: straight above the apex of the ear."""


def _half_width_exact(y: float) -> float:
    if y <= 36.0:
        return 0.0
    if y <= _BACK_TAPER[0][0]:
        for a, b in itertools.pairwise(_FACE_SIDE.points):
            if a[1] <= y <= b[1] and b[1] != a[1]:
                return 300.0 - (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]))
        return 300.0 - _FACE_SIDE.points[-1][0]
    return piecewise(_BACK_TAPER, y)


_STEP = 0.25
_LEVELS = [36.0 + _STEP * i for i in range(int((650 - 36) / _STEP) + 1)]
_WIDTHS = [_half_width_exact(y) for y in _LEVELS]
_FRONTS = [_FRONT.x_at_y(min(max(y, 36.5), 256.0)) for y in _LEVELS]
_BACKS = [_BACK.x_at_y(max(y, 36.5)) for y in _LEVELS]


def _table(values: list[float], y: float) -> float:
    position = (min(max(y, 36.0), _LEVELS[-1]) - 36.0) / _STEP
    i = min(int(position), len(values) - 2)
    share = position - i
    return values[i] + (values[i + 1] - values[i]) * share


def half_width(y: float) -> float:
    """The head's half-width at height y (from the face diagram above the ears)."""
    return 0.0 if y <= 36.0 else _table(_WIDTHS, y)


def front_at(y: float) -> float:
    """The depth of the forehead's midline at height y (profile x)."""
    return _table(_FRONTS, y)


def back_at(y: float) -> float:
    """The depth of the back of the head's midline at height y (profile x)."""
    return _table(_BACKS, y)


def middle_at(y: float) -> float:
    """Where the section is widest, front to back."""
    return back_at(y) + 0.5 * (front_at(y) - back_at(y))


def _section(y: float) -> tuple[float, float, float]:
    """The head's half-width, front and back at height y, looked up in one go."""
    position = (min(max(y, 36.0), _LEVELS[-1]) - 36.0) / _STEP
    i = min(int(position), len(_LEVELS) - 2)
    share = position - i
    width = _WIDTHS[i] + (_WIDTHS[i + 1] - _WIDTHS[i]) * share
    front = _FRONTS[i] + (_FRONTS[i + 1] - _FRONTS[i]) * share
    back = _BACKS[i] + (_BACKS[i + 1] - _BACKS[i]) * share
    return (0.0 if y <= 36.0 else width), front, back


def outside(x: float, y: float, z: float) -> float:
    """Below 0 inside the head, 0 on the skin, above 0 outside (at lateral X = x, height y, depth z)."""
    width, front, back = _section(y)
    if width <= 0.0:
        return 1.0
    middle = back + 0.5 * (front - back)
    reach = front - middle if z >= middle else middle - back
    return (abs(x) / width) ** EXPONENT + (abs(z - middle) / reach) ** EXPONENT - 1.0


@dataclass(frozen=True)
class ScalpPoint:
    """A point on the scalp: lateral X (to the client's right), height y, depth z (profile x)."""

    x: float
    y: float
    z: float

    @property
    def face(self) -> tuple[float, float]:
        """On the face diagram (client's right)."""
        return (300.0 - self.x, self.y)

    @property
    def profile(self) -> tuple[float, float]:
        """On the right profile."""
        return (self.z, self.y)

    def normal(self) -> tuple[float, float, float]:
        """The skin's outward direction here (lateral, height, depth), of length 1."""
        h = 0.5
        gx = outside(self.x + h, self.y, self.z) - outside(self.x - h, self.y, self.z)
        gy = outside(self.x, self.y + h, self.z) - outside(self.x, self.y - h, self.z)
        gz = outside(self.x, self.y, self.z + h) - outside(self.x, self.y, self.z - h)
        length = math.sqrt(gx * gx + gy * gy + gz * gz) or 1.0
        return (gx / length, gy / length, gz / length)

    @property
    def seen_from_front(self) -> bool:
        """Whether the face diagram shows it: the skin there turns toward the viewer."""
        return self.normal()[2] > 0.2

    @property
    def seen_from_side(self) -> bool:
        """Whether the profile shows it well: on the midline (the outline) or turned to the side."""
        return self.x < 0.5 or self.normal()[0] > 0.1

    @property
    def seen_from_behind(self) -> bool:
        """Whether a view from behind shows it."""
        return self.normal()[2] < -0.3


# --- the midline, measured in cun -----------------------------------------------------------------
_GLABELLA_INDEX = next(i for i, (_, y) in enumerate(_FRONT.points) if y >= g.GLABELLA[1])
_MIDLINE = Polyline([*reversed(_FRONT.points[: _GLABELLA_INDEX + 1]), *_BACK.points[1:]])
"""The midline over the skin: from the glabella up the forehead, over the vertex, down the back to C7."""
_HAIRLINE_ARC = _MIDLINE.arc_of(HAIRLINE_FRONT)
_GV20_ARC = _MIDLINE.arc_of(GV20_PROFILE)
_BACK_HAIRLINE_ARC = _MIDLINE.arc_of(g.HAIRLINE_BACK)
FRONT_CUN = (_GV20_ARC - _HAIRLINE_ARC) / 5.0
"""One cun along the midline between the front hairline and GV20."""
BACK_CUN = (_BACK_HAIRLINE_ARC - _GV20_ARC) / 7.0
"""One cun along the midline between GV20 and the back hairline."""
INION_ARC = _MIDLINE.arc_of(g.INION)


def midline_arc(behind_front_hairline: float) -> float:
    """The arc along the midline of a point so many cun behind the front hairline (past GV20 in back cun)."""
    if behind_front_hairline <= 5.0:
        return _HAIRLINE_ARC + behind_front_hairline * FRONT_CUN
    return _GV20_ARC + (behind_front_hairline - 5.0) * BACK_CUN


def above_back_hairline(cun: float) -> float:
    """The arc along the midline of a point so many cun above the back hairline."""
    return _BACK_HAIRLINE_ARC - cun * BACK_CUN


def on_midline(arc: float) -> ScalpPoint:
    """The midline point at this arc (from the front hairline)."""
    z, y = _MIDLINE.at(arc)
    return ScalpPoint(0.0, y, z)


def _surface(arc: float, t: float) -> ScalpPoint:
    """The skin point reached by going ``t`` to the side of the midline point at ``arc``, across the midline's direction."""
    z0, y0 = _MIDLINE.at(arc)
    tz, ty = _MIDLINE.tangent(arc)
    # the inward normal in the midline's plane: turn the tangent a quarter to the inside of the head
    nz, ny = -ty, tz
    if outside(0.0, y0 + ny * 5.0, z0 + nz * 5.0) > 0:
        nz, ny = -nz, -ny
    low, high = 0.0, 250.0
    for _ in range(22):
        mid = (low + high) / 2
        if outside(t, y0 + ny * mid, z0 + nz * mid) > 0:
            low = mid
        else:
            high = mid
    return ScalpPoint(t, y0 + ny * low, z0 + nz * low)


def lateral(arc: float, across: float) -> ScalpPoint:
    """The point ``across`` units over the skin to the client's right of the midline point at ``arc``."""
    if across <= 0:
        return on_midline(arc)
    previous = _surface(arc, 0.0)
    walked, t = 0.0, 0.0
    while True:
        t += 2.0
        here = _surface(arc, t)
        step = math.dist((previous.x, previous.y, previous.z), (here.x, here.y, here.z))
        if walked + step >= across:
            share = (across - walked) / step if step else 0.0
            return ScalpPoint(
                previous.x + (here.x - previous.x) * share,
                previous.y + (here.y - previous.y) * share,
                previous.z + (here.z - previous.z) * share,
            )
        walked += step
        previous = here
        if t > 400:
            return here


def across_to(arc: float, face_x_offset: float) -> float:
    """The skin distance from the midline at ``arc`` to the point lying ``face_x_offset`` to the side
    as the face diagram shows it (for "straight above the pupil": the pupil's offset)."""
    previous = _surface(arc, 0.0)
    walked, t = 0.0, 0.0
    while t < face_x_offset:
        t = min(t + 0.5, face_x_offset)
        here = _surface(arc, t)
        walked += math.dist((previous.x, previous.y, previous.z), (here.x, here.y, here.z))
        previous = here
    return walked


# --- lines parallel to the midline, measured from the front hairline ------------------------------
_FACE_HAIRLINE = Polyline(curve_points(diagram_face._HAIR[7:], closed=False))
"""The front hairline as the face diagram draws it, from above the ear to the midline."""


def hairline_y(face_x: float) -> float:
    """The height of the drawn front hairline at ``face_x`` on the face diagram."""
    for a, b in itertools.pairwise(_FACE_HAIRLINE.points):
        if min(a[0], b[0]) <= face_x <= max(a[0], b[0]) and a[0] != b[0]:
            return a[1] + (b[1] - a[1]) * (face_x - a[0]) / (b[0] - a[0])
    return g.HAIRLINE_FRONT_Y


@functools.cache
def hairline_arc(across: float) -> float:
    """Where the line ``across`` units to the side of the midline enters the hair (as a midline arc)."""

    def in_hair(arc: float) -> bool:
        face_x, face_y = lateral(arc, across).face
        return face_y <= hairline_y(face_x)

    low, high = _HAIRLINE_ARC - 2.0 * FRONT_CUN, _HAIRLINE_ARC + 3.0 * FRONT_CUN
    if in_hair(low) or not in_hair(high):
        raise ValueError(f"no hairline {across} units from the midline")
    for _ in range(18):
        mid = (low + high) / 2
        if in_hair(mid):
            high = mid
        else:
            low = mid
    return high


def behind_hairline(across: float, cun: float) -> ScalpPoint:
    """The point ``cun`` behind the front hairline on the line ``across`` units to the side of the midline."""
    start = hairline_arc(across)
    if cun <= 5.0:
        return lateral(start + cun * FRONT_CUN, across)
    return lateral(start + 5.0 * FRONT_CUN + (cun - 5.0) * BACK_CUN, across)


CORNER_X = 130.0
"""How far the corner of the forehead's hairline lies from the midline on the face diagram (ST8's line)."""
LATERAL_CUN = across_to(midline_arc(0.5), CORNER_X) / 4.5
"""One cun across the head: 9 cun between the two corners of the forehead (ST8 and ST8)."""


def arc_of_midline(spot: tuple[float, float]) -> float:
    """The midline arc of the profile spot (depth, height) nearest ``spot``."""
    return _MIDLINE.arc_of(spot)


def across_until_depth(arc: float, depth: float) -> float:
    """The skin distance from the midline at ``arc`` to where the skin reaches ``depth`` (profile x),
    going round the back of the head toward the face."""
    previous = _surface(arc, 0.0)
    walked, t = 0.0, 0.0
    while previous.z < depth and t < 300:
        t += 1.0
        here = _surface(arc, t)
        walked += math.dist((previous.x, previous.y, previous.z), (here.x, here.y, here.z))
        previous = here
    return walked


def inset(arc: float, by: float) -> tuple[float, float]:
    """The profile spot ``by`` units inside the outline at midline ``arc`` (so a dot sits on the skin)."""
    z, y = _MIDLINE.at(arc)
    tz, ty = _MIDLINE.tangent(arc)
    nz, ny = -ty, tz
    if outside(0.0, y + ny * 4.0, z + nz * 4.0) > 0:
        nz, ny = -nz, -ny
    return (z + nz * by, y + ny * by)


def level_with(arc: float, across: float) -> ScalpPoint:
    """The point ``across`` units over the skin to the client's right of the midline point at ``arc``,
    keeping to its height (for points "at the same level as" a landmark on the back of the head)."""
    z0, y = _MIDLINE.at(arc)
    width, middle = half_width(y), middle_at(y)
    behind = z0 < middle
    reach = (middle - back_at(y)) if behind else (front_at(y) - middle)

    def depth(x: float) -> float:
        share = max(0.0, 1.0 - (x / width) ** EXPONENT) ** (1.0 / EXPONENT)
        return middle - reach * share if behind else middle + reach * share

    walked, x, previous = 0.0, 0.0, depth(0.0)
    while walked < across and x < width:
        x += 0.25
        here = depth(x)
        walked += math.hypot(0.25, here - previous)
        previous = here
    return ScalpPoint(x, y, previous)
