"""Parts of a diagram drawn apart from the figure, such as the soles beside the lower legs of the back
view (drawn as if the client had lifted the feet behind).

A printed diagram shows an inset only when a mark sits in it, and then names it at a size a reader
can read; the drawing's own tiny caption is left out (see :func:`acuchart.reports.diagram.diagram_art`).
Boxes are fractions of the view's width and height, y downward, as mark positions are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Inset:
    """A part of a view drawn apart: its caption and its box (fractions of the view, y downward)."""

    caption: str
    left: float
    top: float
    right: float
    bottom: float

    def holds(self, x: float, y: float) -> bool:
        """True when the position ``x, y`` (fractions) lies in the inset."""
        return self.left <= x <= self.right and self.top <= y <= self.bottom


INSETS: dict[str, tuple[Inset, ...]] = {
    # The soles of resources/diagrams/body_back.svg: x 52-130 and 470-548, y 1138-1376 of 600 x 1400.
    "body_back": (
        Inset("Sole", 40 / 600, 1110 / 1400, 142 / 600, 1385 / 1400),
        Inset("Sole", 458 / 600, 1110 / 1400, 560 / 600, 1385 / 1400),
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
