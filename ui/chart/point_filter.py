"""Which points a diagram shows at normal zoom: the points the practice uses most, or every point.

The practice's points are the catalogue's everyday points (those a cosmetic practice needles most)
with the points this practice has charted most in its latest sessions, and any point marked since.
The rest appear on zooming in or when the search finds them. "All points" (a remembered setting)
shows every point at every zoom.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from acuchart.catalogue import Catalogue
from ui.chart.diagram_view import DiagramView
from ui.preferences import Preferences

ALL_POINTS_KEY = "chart/all_points"


class PointFilter:
    """The setting and the set of points shown at normal zoom, applied to every view."""

    def __init__(self, catalogue: Catalogue, views: Mapping[str, DiagramView]) -> None:
        self._views = views
        self.show_all = False
        self.in_use: set[str] = {point.code for point in catalogue if point.everyday}
        self._practice_read = False

    def read_practice(self, points_in_use: Callable[[], Iterable[str]]) -> None:
        """Add the points the practice charts most (read once, the first time a session opens)."""
        if not self._practice_read:
            self._practice_read = True
            self.in_use.update(points_in_use())
            self.apply()

    def remember(self, preferences: Preferences | None) -> None:
        """Take the setting from the preferences."""
        self.show_all = preferences is not None and preferences.text(ALL_POINTS_KEY) == "1"
        self.apply()

    def set_show_all(self, on: bool, preferences: Preferences | None) -> None:
        """Show every point at every zoom (on), or the practice's points at normal zoom (off)."""
        self.show_all = on
        if preferences is not None:
            preferences.set_text(ALL_POINTS_KEY, "1" if on else "0")
        self.apply()

    def add(self, codes: Iterable[str]) -> None:
        """Points just marked stay shown from now on."""
        new = set(codes) - self.in_use
        if new:
            self.in_use |= new
            self.apply()

    def apply(self) -> None:
        """Tell every view what to show at normal zoom."""
        shown = None if self.show_all else frozenset(self.in_use)
        for view in self._views.values():
            view.set_everyday(shown)
