"""What the printed diagrams know about the drawings beyond the points: insets and landmarks.

An inset is a part drawn apart from the figure, such as the soles beside the lower legs of the back view
(drawn as if the client had lifted the feet behind). A printed diagram shows an inset only when a
mark sits in it, and then names it at a size a reader can read; the drawing's own tiny caption is
left out (see :func:`acuchart.reports.diagram.diagram_art`).

A landmark is a feature a point's label must not cover: the eyes, the nose and the lips of the face.
A label over the inner corner of the eye hides where BL2 is, and two labels on the nose read as one.

Boxes are fractions of the view's width and height, y downward, as mark positions are, measured from
the drawings (``tools/diagram_face.py`` gives the landmarks in viewBox units of 600 x 800).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from acuchart.i18n import N_


@dataclass(frozen=True)
class Box:
    """A box on a view, in fractions of its width and height, y downward."""

    left: float
    top: float
    right: float
    bottom: float

    def holds(self, x: float, y: float) -> bool:
        """True when the position ``x, y`` (fractions) lies in the box."""
        return self.left <= x <= self.right and self.top <= y <= self.bottom


@dataclass(frozen=True)
class Inset(Box):
    """A part of a view drawn apart, with the caption it is printed with."""

    caption: str = ""


def _face(left: float, top: float, right: float, bottom: float) -> tuple[Box, Box]:
    """A landmark of the face on the client's right (viewBox units) and its mirror on the left."""
    return Box(left / 600, top / 800, right / 600, bottom / 800), Box(
        (600 - right) / 600, top / 800, (600 - left) / 600, bottom / 800
    )


LANDMARKS: dict[str, tuple[Box, ...]] = {
    "face": (
        *_face(183, 282, 268, 318),  # the eyes, from corner to corner
        Box(258 / 600, 336 / 800, 342 / 600, 410 / 800),  # the lower nose: tip, alae and nostrils
        Box(246 / 600, 438 / 800, 354 / 600, 488 / 800),  # the lips
    ),
}
"""The landmarks of each view, by view name (a view without any is left out)."""


def landmarks_of(view: str) -> tuple[Box, ...]:
    """The landmarks no label should cover on ``view``."""
    return LANDMARKS.get(view, ())


INSETS: dict[str, tuple[Inset, ...]] = {
    # The soles of resources/diagrams/body_back.svg: x 52-130 and 470-548, y 1138-1376 of 600 x 1400.
    "body_back": (
        Inset(40 / 600, 1110 / 1400, 142 / 600, 1385 / 1400, N_("Sole")),
        Inset(458 / 600, 1110 / 1400, 560 / 600, 1385 / 1400, N_("Sole")),
    ),
}
"""The insets of each view, by view name (a view without insets is left out)."""


def insets_used(view: str, positions: Iterable[tuple[float, float]]) -> tuple[list[Inset], list[Inset]]:
    """The view's insets split into those holding one of ``positions`` and those holding none."""
    points = list(positions)
    used: list[Inset] = []
    unused: list[Inset] = []
    for inset in INSETS.get(view, ()):
        (used if any(inset.holds(x, y) for x, y in points) else unused).append(inset)
    return used, unused
