"""Measuring along the drawings: arc lengths on outlines, levels, proportions between landmarks.

The point geometry (``tools/points_*.py``) places every point by the WHO standard's proportional
measurements (cun) between landmarks of our drawings; these helpers do the arithmetic.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Sequence

Point = tuple[float, float]


def lerp(a: Point, b: Point, t: float) -> Point:
    """The point a fraction ``t`` of the way from ``a`` to ``b``."""
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def distance(a: Point, b: Point) -> float:
    """The straight distance between two points."""
    return math.hypot(b[0] - a[0], b[1] - a[1])


def offset(a: Point, b: Point, t: float, across: float) -> Point:
    """The point ``t`` of the way from ``a`` to ``b``, moved ``across`` units to the left of the direction a->b
    (in SVG coordinates, y downward: "left" of a downward line is the viewer's right)."""
    x, y = lerp(a, b, t)
    length = distance(a, b)
    nx, ny = (b[1] - a[1]) / length, -(b[0] - a[0]) / length
    return (x + nx * across, y + ny * across)


class Polyline:
    """A curve as many short straight pieces, measured by arc length."""

    def __init__(self, points: Sequence[Point]) -> None:
        if len(points) < 2:
            raise ValueError("a polyline needs two points")
        self.points = list(points)
        self.lengths = [0.0]
        for a, b in itertools.pairwise(self.points):
            self.lengths.append(self.lengths[-1] + distance(a, b))

    @property
    def length(self) -> float:
        """The whole arc length."""
        return self.lengths[-1]

    def at(self, arc: float) -> Point:
        """The point at arc length ``arc`` from the start (clamped to the curve)."""
        arc = min(max(arc, 0.0), self.length)
        i = min(max(bisect.bisect_right(self.lengths, arc) - 1, 0), len(self.points) - 2)
        piece = self.lengths[i + 1] - self.lengths[i]
        return lerp(self.points[i], self.points[i + 1], (arc - self.lengths[i]) / piece if piece else 0.0)

    def at_fraction(self, t: float) -> Point:
        """The point a fraction ``t`` of the way along the curve."""
        return self.at(t * self.length)

    def arc_of(self, point: Point) -> float:
        """The arc length at the point of the curve nearest ``point``."""
        best, best_arc = math.inf, 0.0
        for i, (a, b) in enumerate(itertools.pairwise(self.points)):
            dx, dy = b[0] - a[0], b[1] - a[1]
            span = dx * dx + dy * dy
            t = (
                0.0
                if not span
                else min(1.0, max(0.0, ((point[0] - a[0]) * dx + (point[1] - a[1]) * dy) / span))
            )
            near = (a[0] + dx * t, a[1] + dy * t)
            gap = distance(near, point)
            if gap < best:
                best, best_arc = gap, self.lengths[i] + t * math.sqrt(span)
        return best_arc

    def tangent(self, arc: float) -> Point:
        """The unit direction of the curve at arc length ``arc``."""
        a, b = self.at(arc - 1.0), self.at(arc + 1.0)
        length = distance(a, b) or 1.0
        return ((b[0] - a[0]) / length, (b[1] - a[1]) / length)

    def between(self, start: float, end: float) -> Polyline:
        """The part of the curve from arc ``start`` to arc ``end`` (either way round)."""
        step = (end - start) / 200
        return Polyline([self.at(start + step * i) for i in range(201)])

    def x_at_y(self, y: float) -> float:
        """The x where the curve first crosses the level ``y``.

        Raises:
            ValueError: the curve never reaches that level.
        """
        for a, b in itertools.pairwise(self.points):
            if (a[1] - y) * (b[1] - y) <= 0 and a[1] != b[1]:
                return a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1])
        raise ValueError(f"the curve does not reach y = {y}")


def piecewise(anchors: Sequence[Point], value: float) -> float:
    """A value mapped through straight pieces joining ``anchors`` (sorted by their first item)."""
    xs = [a[0] for a in anchors]
    i = min(max(bisect.bisect_right(xs, value) - 1, 0), len(anchors) - 2)
    (x0, y0), (x1, y1) = anchors[i], anchors[i + 1]
    return y0 + (y1 - y0) * (value - x0) / (x1 - x0)
