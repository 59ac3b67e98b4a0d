"""The catalogue's points on one diagram: their items, which of them show at the present zoom, and the
one nearest a click.

A view holds up to a few hundred points (the back of the body has BL, GV and Jiaji side by side). At
normal zoom only the points the practice uses most are shown, with everything marked or found by the
search; zooming in shows the rest, and the setting "All points" shows every point at every zoom. The
items are made the first time the view is needed, so a session opens without building views it does
not show.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtWidgets import QGraphicsScene

from acuchart.catalogue import Catalogue
from ui.chart.markers import PointItem

DETAIL_ZOOM = 1.5
"""From this zoom on (1.0 is the whole diagram in the window) every point of the view shows."""


class PointLayer:
    """The point items of one view and the rules that decide which of them are shown."""

    def __init__(
        self,
        scene: QGraphicsScene,
        view_name: str,
        catalogue: Catalogue,
        to_scene: Callable[[float, float], QPointF],
    ) -> None:
        self._scene = scene
        self._view_name = view_name
        self._catalogue = catalogue
        self._to_scene = to_scene
        self._items: list[PointItem] | None = None
        self._by_key: dict[tuple[str, str], list[PointItem]] = {}
        self.everyday: frozenset[str] | None = None
        """The codes shown at normal zoom; None shows every point at every zoom."""
        self.detail = False
        self.highlighted: str | None = None

    @property
    def built(self) -> bool:
        """Whether the items exist yet."""
        return self._items is not None

    @property
    def items(self) -> list[PointItem]:
        """Every point item of the view (made on first use), one per spot and side."""
        if self._items is None:
            self._items = []
            for point, side, x, y in self._catalogue.sites_in_view(self._view_name):
                item = PointItem(point, side)
                item.setPos(self._to_scene(x, y))
                self._scene.addItem(item)
                self._items.append(item)
                self._by_key.setdefault((point.code, side), []).append(item)
            self.refresh()
        return self._items

    def items_of(self, code: str, side: str | None = None) -> list[PointItem]:
        """The items drawing ``code`` on ``side`` (on any side when None)."""
        items = self.items
        if side is not None:
            return self._by_key.get((code, side), [])
        return [item for item in items if item.point.code == code]

    def shows(self, code: str, side: str | None = None) -> bool:
        """Whether this view draws ``code`` (on ``side``)."""
        point = self._catalogue.find(code)
        if point is None:
            return False
        sides = point.sides() if side is None else [s for s in point.sides() if s == side]
        return any(point.shown_on(self._view_name, s) for s in sides)

    def visible(self) -> Iterator[PointItem]:
        """The items shown now."""
        return (item for item in self.items if item.isVisible())

    def nearest(
        self, viewport_pos: QPoint, reach: float, map_from_scene: Callable[[QPointF], QPoint]
    ) -> PointItem | None:
        """The shown item within ``reach`` pixels of a viewport position, nearest first."""
        # Where two points share a spot (ST35 and a spot of EX-LE5) the first in the catalogue wins;
        # the search reaches the other.
        best, best_distance = None, reach + 1e-9
        for item in self.visible():
            there = map_from_scene(item.pos())
            distance = math.hypot(there.x() - viewport_pos.x(), there.y() - viewport_pos.y())
            if distance < best_distance:
                best, best_distance = item, distance
        return best

    def refresh(self, items: list[PointItem] | None = None) -> None:
        """Show or hide items by the rules (everyday points, zoom, marks, the search's find)."""
        if self._items is None:
            return
        show_all = self.everyday is None or self.detail
        for item in self._items if items is None else items:
            item.setVisible(
                show_all
                or item.mark is not None
                or item.point.code in self.everyday  # type: ignore[operator]
                or item.point.code == self.highlighted
            )
