"""The marker symbols, as plain data: the one scheme the printed diagrams and the on-screen legend share.

Shape and fill carry the meaning, so a symbol reads in black and white and for colour-blind readers;
colour only adds to it. A needled point is a filled dot; a reaction adds a ring around it (thin when
mild, thick when moderate) and a severe reaction turns the dot into a filled diamond inside a thick
ring. A free marker (intradermal needles) is an open square with the needle count inside; a reaction
rings it the same way, and a severe one fills the square.

Sizes are in points on paper; a screen view multiplies them by its own scale.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from acuchart.i18n import N_
from acuchart.reports.data import Severity

Shape = Literal["circle", "square", "diamond"]


@dataclass(frozen=True)
class Ring:
    """A ring drawn around a marker: its radius and its line width, in points."""

    radius: float
    width: float


@dataclass(frozen=True)
class Symbol:
    """How one kind of mark is drawn.

    Attributes:
        key: a stable name ("needled", "reaction_moderate").
        label: the legend's words for it.
        shape: "circle", "square" or "diamond".
        filled: True for a solid shape, False for an outline with a white inside.
        size: half the shape's width (the circle's radius), in points.
        outline_width: the shape's outline, in points.
        colour: the ink, as "#RRGGBB"; the shape already says everything without it.
        ring: a ring around the shape, or None.
        shows_count: True when the needle count is written inside the shape.
    """

    key: str
    label: str
    shape: Shape
    filled: bool
    size: float
    outline_width: float
    colour: str
    ring: Ring | None = None
    shows_count: bool = False


NEEDLE_INK = "#1F4E79"

SYMBOLS: dict[str, Symbol] = {
    "needled": Symbol("needled", N_("Point treated"), "circle", True, 2.9, 0.6, NEEDLE_INK),
    "free": Symbol("free", N_("Intradermal needles"), "square", False, 4.6, 0.9, NEEDLE_INK, None, True),
    "reaction_mild": Symbol(
        "reaction_mild", N_("Mild reaction"), "circle", True, 2.9, 0.6, "#B8660B", Ring(5.6, 0.8)
    ),
    "reaction_moderate": Symbol(
        "reaction_moderate", N_("Moderate reaction"), "circle", True, 2.9, 0.6, "#C4441A", Ring(5.9, 2.0)
    ),
    "reaction_severe": Symbol(
        "reaction_severe", N_("Severe reaction"), "diamond", True, 4.2, 0.6, "#9B1B30", Ring(7.0, 2.0)
    ),
}
"""Every symbol by key, in the order a legend lists them."""


def symbol_for(mark_has_reaction: bool, worst_severity: Severity | None, free_marker: bool = False) -> Symbol:
    """The symbol for a mark.

    Args:
        mark_has_reaction: whether any reaction was noted at the mark.
        worst_severity: the most serious of those reactions (None counts as mild when there is one).
        free_marker: True for a free marker, which keeps its square (and count) and gains the ring.
    """
    if not mark_has_reaction:
        return SYMBOLS["free" if free_marker else "needled"]
    reaction = SYMBOLS[f"reaction_{worst_severity or 'mild'}"]
    if not free_marker:
        return reaction
    free = SYMBOLS["free"]
    ring = reaction.ring or Ring(0, 0.8)
    return replace(
        free,
        key=f"free_{reaction.key}",
        label=f"Intradermal needles, {reaction.label[0].lower()}{reaction.label[1:]}",
        colour=reaction.colour,
        # A severe reaction fills the square (the count turns white), as it turns a dot into a diamond.
        filled=worst_severity == "severe",
        ring=Ring(free.size + 2.6, ring.width),
    )
