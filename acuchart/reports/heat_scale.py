"""The reaction map's colour scale, shared by the screen and the printed page.

Light to dark as the rate rises (readable in grey on a black-and-white print, and by colour-blind
readers: one hue family, lightness doing the work); a point needled too few times to say anything is a
dashed grey ring, never a colour that reads as 0%.
"""

from __future__ import annotations

from typing import NamedTuple

from acuchart.i18n import N_


class HeatBin(NamedTuple):
    """One step of the scale: rates from ``low`` (inclusive) up to the next step's."""

    low: float
    fill: str
    ink: str
    label: str


BINS: tuple[HeatBin, ...] = (
    HeatBin(0.0, "#FFFFFF", "#5B6770", "0%"),
    HeatBin(0.000001, "#FEE8C8", "#8C4A00", N_("under 2%")),
    HeatBin(0.02, "#FDBB84", "#8C3A00", "2–5%"),
    HeatBin(0.05, "#E34A33", "#FFFFFF", "5–10%"),
    HeatBin(0.10, "#7F0000", "#FFFFFF", N_("10% or more")),
)
TOO_FEW = "#8A969E"
"""The ring of a point needled too few times to say."""
OUTLINE = "#5B3A29"


def heat_bin(rate: float) -> HeatBin:
    """The step of the scale a rate (a fraction) falls in."""
    found = BINS[0]
    for step in BINS:
        if rate >= step.low:
            found = step
    return found
