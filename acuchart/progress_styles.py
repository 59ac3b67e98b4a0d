"""How the progress chart draws each concern's line, on screen and on paper alike: one colour, one marker
shape and one dash pattern per concern, so the lines tell apart in black and white and for colour-blind
readers, and the client sees the same line for the same concern in the app and on the course summary.

Colours are Okabe-Ito's (the yellow darkened to print); dash patterns are in units of the line's
width, as Qt's ``QPen.setDashPattern`` takes them (reportlab multiplies them by the width).
"""

from __future__ import annotations

from dataclasses import dataclass

from acuchart.i18n import N_

MARKER_SHAPES: tuple[str, ...] = ("circle", "square", "triangle", "diamond")
"""The shapes a marker may take; ``<shape>_open`` draws it white inside."""


@dataclass(frozen=True)
class SeriesStyle:
    """How one concern's line is drawn: ``colour`` as "#RRGGBB", ``marker`` a shape of
    :data:`MARKER_SHAPES` (or ``<shape>_open``), ``dash`` on and off lengths in line widths (empty: solid)."""

    colour: str
    marker: str
    dash: tuple[float, ...]

    @property
    def shape(self) -> str:
        """The marker's shape without "_open"."""
        return self.marker.removesuffix("_open")

    @property
    def open_marker(self) -> bool:
        """True when the marker is drawn white inside."""
        return self.marker.endswith("_open")


SERIES_STYLES: tuple[SeriesStyle, ...] = (
    SeriesStyle("#0072B2", "circle", ()),
    SeriesStyle("#D55E00", "square", (3.0, 1.5)),
    SeriesStyle("#009E73", "triangle", (1.0, 1.25)),
    SeriesStyle("#CC79A7", "diamond", (4.5, 1.25, 1.0, 1.25)),
    SeriesStyle("#7A5C00", "circle_open", (2.0, 2.0)),
    SeriesStyle("#56B4E9", "square_open", ()),
)
"""The styles in the order concerns take them (the seventh concern starts again at the first)."""


def series_style(index: int) -> SeriesStyle:
    """The style of the ``index``-th concern on a chart."""
    return SERIES_STYLES[index % len(SERIES_STYLES)]


RATING_AXIS_NOTE = N_("0 = no concern, 10 = a great concern; lower is better")
"""What the rating axis says on screen and on paper."""
