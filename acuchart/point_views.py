"""The diagrams a practitioner charts on, and whose side of the body each part of them shows.

A front view (the face, the body from the front, the hands and feet sheets) shows the client's right
on the viewer's left; a back view the other way round. A profile shows one side of the head only: the
right profile shows the client's right side, whatever half of the picture a point falls in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from acuchart.i18n import N_, _
from acuchart.resources import RESOURCES

Side = Literal["left", "right", "midline"]
"""Always the client's side, never the side of the picture."""

Facing = Literal["front", "back", "right", "left"]
"""Which way the drawing looks at the client: from the front, from behind, or at one side."""


MIDLINE_TOLERANCE = 0.005
"""A position within this fraction of the centre is on the midline (half a percent of the width)."""


@dataclass(frozen=True)
class DiagramView:
    """One diagram the practitioner charts on.

    Attributes:
        name: the stable key used in the catalogue and the database ("face").
        title: what the practitioner reads ("Face").
        facing: "front" shows the client's right on the viewer's left; "back" the other way round;
            "right" and "left" show only that side of the client (a profile).
        svg_path: the drawing.
        width: the drawing's viewBox width; positions are fractions of it.
        height: the drawing's viewBox height.
        kind: "head", "body" or "detail" (the hands and feet sheets): how a printout sizes it.
        mirror_of: the view whose drawing this one mirrors (x -> 1 - x), or None.
        tab: the short name on the chart's tab ("Right" for the right profile).
    """

    name: str
    title: str
    facing: Facing
    svg_path: Path
    width: float
    height: float
    kind: Literal["head", "body", "detail"] = "body"
    mirror_of: str | None = None
    tab: str = ""

    @property
    def side_shown(self) -> Side | None:
        """The one side of the client a profile shows ("right" or "left"); None for a view of both sides."""
        if self.facing == "right":
            return "right"
        if self.facing == "left":
            return "left"
        return None


_DIAGRAMS = RESOURCES / "diagrams"


def _view(
    name: str,
    title: str,
    facing: Facing,
    height: float,
    kind: Literal["head", "body", "detail"],
    tab: str,
    mirror_of: str | None = None,
) -> DiagramView:
    return DiagramView(name, title, facing, _DIAGRAMS / f"{name}.svg", 600.0, height, kind, mirror_of, tab)


VIEWS: dict[str, DiagramView] = {
    view.name: view
    for view in (
        _view("face", N_("Face"), "front", 800.0, "head", N_("Face")),
        _view("head_right", N_("Right profile"), "right", 800.0, "head", N_("Right")),
        _view("head_left", N_("Left profile"), "left", 800.0, "head", N_("Left"), mirror_of="head_right"),
        _view("head_top", N_("Top of head"), "back", 580.0, "detail", N_("Top")),
        _view("body_front", N_("Body, front"), "front", 1400.0, "body", N_("Body front")),
        _view("body_back", N_("Body, back"), "back", 1400.0, "body", N_("Body back")),
        _view("hands", N_("Hands"), "front", 810.0, "detail", N_("Hands")),
        _view("feet", N_("Feet"), "front", 750.0, "detail", N_("Feet")),
    )
}
"""The diagrams in display order."""


def side_at(view: str, x: float) -> Side:
    """The client's side under a click at fraction ``x`` of the width of ``view``.

    On a profile it is the side the profile shows, wherever the click falls.

    Raises:
        ValueError: ``view`` is not one of :data:`VIEWS`.
    """
    info = VIEWS.get(view)
    if info is None:
        raise ValueError(
            _("There is no diagram called {view!r}; the diagrams are {join}.").format(
                view=view, join=", ".join(VIEWS)
            )
        )
    shown = info.side_shown
    if shown is not None:
        return shown
    if abs(x - 0.5) <= MIDLINE_TOLERANCE:
        return "midline"
    viewer_left = x < 0.5
    if info.facing == "front":
        return "right" if viewer_left else "left"
    return "left" if viewer_left else "right"
