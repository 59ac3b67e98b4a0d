"""One diagram (the face, a profile, the body, the hands or feet) as a zoomable scene: the SVG at z 0,
marker items above.

The view turns clicks into intentions (mark this point on this side, place a free marker here,
show the menu for this mark) and emits them; it never calls a service. What is stored comes back
through :meth:`DiagramView.show_chart`.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtSvgWidgets import QGraphicsSvgItem
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsScene, QGraphicsView, QPinchGesture, QWidget

from acuchart.catalogue import Catalogue
from acuchart.catalogue import DiagramView as ViewInfo
from acuchart.models import Mark, SessionChart
from ui import theme
from ui.accessibility import accessible
from ui.chart.keyboard import DiagramKeyboard, Target
from ui.chart.markers import FreeMarkerItem, HighlightItem, PointItem
from ui.chart.point_layer import DETAIL_ZOOM, PointLayer

SNAP_MM = 4.0
"""A click this close to a point (on screen) counts as a click on it."""
MAX_ZOOM = 8.0
LONG_PRESS_MS = 550
PAN_STEP = 60


class DiagramView(QGraphicsView):
    """A diagram with its catalogue points and the session's marks on it."""

    point_clicked = Signal(str, str)
    """A catalogue point was clicked: code and the client's side."""
    free_marker_requested = Signal(float, float)
    """Place a free marker at these fractions of the view's width and height."""
    marker_moved = Signal(int, float, float, float, float)
    """A free marker was dragged: mark id, old x, old y, new x, new y (fractions)."""
    context_requested = Signal(object, QPoint)
    """A menu is wanted: the mark id (None for the diagram itself) at a global position."""
    selection_changed = Signal(list)
    """The mark ids now selected in this view."""
    hovered = Signal(object)
    """The PointItem under the pointer (or the keyboard's ring), or None."""
    edit_requested = Signal(int)
    """Enter on a free marker in the keyboard's ring: edit its label and needles (mark id)."""
    free_tool_done = Signal()
    """Esc with the keyboard's crosshair: put the free marker tool away."""

    def __init__(self, info: ViewInfo, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.free_tool = False
        self.setObjectName(f"diagram_{info.name}")
        self.setScene(QGraphicsScene(self))
        self.scene().setSceneRect(QRectF(0, 0, info.width, info.height))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(theme.current().qcolor("paper"))  # a diagram stays on paper (ui.theme)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self._svg_item: QGraphicsSvgItem | None = None
        self.layer = PointLayer(self.scene(), info.name, catalogue, self.to_scene)
        self._chart: SessionChart | None = None
        self.free_markers: dict[int, FreeMarkerItem] = {}
        self.highlight = HighlightItem()
        self.highlight.hide()
        self.scene().addItem(self.highlight)
        self._zoom = 1.0
        self._hover: PointItem | None = None
        self._press: tuple[QPoint, PointItem | None, Qt.KeyboardModifier] | None = None
        self._pan_from: QPoint | None = None
        self._drag_start: dict[int, QPointF] = {}
        self._long_press = QTimer(self, singleShot=True, interval=LONG_PRESS_MS)
        self._long_press.timeout.connect(self._on_long_press)
        self._syncing = False
        self.scene().selectionChanged.connect(self._on_selection)
        self.keyboard = DiagramKeyboard(
            self,
            self._activate,
            lambda target, where: self.context_requested.emit(target.mark_id if target else None, where),
            self.free_marker_requested.emit,
            self.free_tool_done.emit,
            self._set_hover,
            self._select_by_keyboard,
        )
        theme.on_change(self._recolour, self)

    @property
    def svg_item(self) -> QGraphicsSvgItem:
        """The drawing, read from its SVG file the first time the view is shown (eight views open)."""
        if self._svg_item is None:
            renderer = QSvgRenderer(str(self.info.svg_path), self)
            item = QGraphicsSvgItem()
            item.setSharedRenderer(renderer)
            item.setZValue(0)
            # The drawing is drawn once per zoom level and kept as a picture of the screen's resolution:
            # rendering the SVG on every repaint took most of the time from a click to its marker.
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            if renderer.isValid():
                bounds = renderer.viewBoxF()
                item.setScale(self.info.width / bounds.width() if bounds.width() else 1.0)
            self.scene().addItem(item)
            self._svg_item = item
        return self._svg_item

    # --- coordinates -----------------------------------------------------------------------
    def to_scene(self, x: float, y: float) -> QPointF:
        """Fractions of the diagram to scene coordinates."""
        return QPointF(x * self.info.width, y * self.info.height)

    def to_fraction(self, pos: QPointF) -> tuple[float, float]:
        """Scene coordinates to fractions of the diagram, clamped to it."""
        return (
            min(1.0, max(0.0, pos.x() / self.info.width)),
            min(1.0, max(0.0, pos.y() / self.info.height)),
        )

    def snap_pixels(self) -> float:
        """The snap distance in pixels, from the screen's logical DPI."""
        return SNAP_MM / 25.4 * self.logicalDpiX()

    @property
    def points(self) -> list[PointItem]:
        """Every point item of this view (made when first asked for, with the session's marks on them)."""
        if not self.layer.built:
            self.layer.items  # noqa: B018 - makes them
            self.show_chart(self._chart)
        return self.layer.items

    def visible_points(self) -> list[PointItem]:
        """The points shown at the present zoom (none before the view is built)."""
        return list(self.layer.visible()) if self.layer.built else []

    def say(self, name: str, description: str) -> None:
        """What a screen reader says of the diagram now (the keyboard's place on it)."""
        accessible(self, name, description)

    def set_free_tool(self, on: bool) -> None:
        """Turn the free marker tool on or off (with the keyboard in use, the crosshair shows)."""
        self.free_tool = on
        if on and self.hasFocus():
            self.keyboard.active = True
        self.keyboard.show()

    def nearest_point(self, viewport_pos: QPoint) -> PointItem | None:
        """The shown catalogue point within snapping distance of a viewport position, nearest first."""
        return self.layer.nearest(viewport_pos, self.snap_pixels(), self.mapFromScene)

    def point_item(self, code: str, side: str) -> PointItem | None:
        """The (first) item drawing a point on a side."""
        if not self.points:
            return None
        items = self.layer.items_of(code, side)
        return items[0] if items else None

    def shows(self, code: str, side: str | None = None) -> bool:
        """Whether this view draws the point ``code`` (on ``side``)."""
        return self.layer.shows(code, side)

    def set_everyday(self, codes: frozenset[str] | None) -> None:
        """Show only ``codes`` (and what is marked or found) at normal zoom; None shows every point."""
        self.layer.everyday = codes
        self.layer.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.svg_item  # noqa: B018 - a view is built when it is first shown
        self.points  # noqa: B018
        super().showEvent(event)

    # --- showing what is stored ------------------------------------------------------------
    def show_chart(self, chart: SessionChart | None) -> None:
        """Draw a session's marks on this view (only the items that changed are touched).

        A catalogue point's mark shows on every view that draws the point, whichever it was charted on;
        a free marker only on its own view. A view not built yet draws the marks when it is first shown.
        """
        self._chart = chart
        if not self.layer.built:
            return
        by_point = {(m.code, m.side): m for m in chart.marks if not m.is_free} if chart else {}
        marks = [m for m in chart.marks if m.view == self.info.name] if chart else []
        self._syncing = True
        try:
            changed = []
            for item in self.points:
                mark = by_point.get((item.point.code, item.side))
                worst = chart.worst_severity(mark.id) if chart and mark else None
                if (mark is None) != (item.mark is None):
                    changed.append(item)
                item.show_mark(mark, worst)
            self.layer.refresh(changed)
            free = {m.id: m for m in marks if m.is_free}
            for mark_id in list(self.free_markers):
                if mark_id not in free:
                    self.scene().removeItem(self.free_markers.pop(mark_id))
            for mark_id, mark in free.items():
                self._show_free(mark, chart.worst_severity(mark_id) if chart else None)
        finally:
            self._syncing = False
        self.keyboard.refresh()

    def _show_free(self, mark: Mark, worst: str | None) -> None:
        item = self.free_markers.get(mark.id)
        if item is None:
            item = FreeMarkerItem(mark, worst)
            self.free_markers[mark.id] = item
            self.scene().addItem(item)
        else:
            item.show_mark(mark, worst)
        item.setPos(self.to_scene(mark.x or 0.0, mark.y or 0.0))

    def marked_items(self) -> list[PointItem | FreeMarkerItem]:
        """Every item that shows a mark (a view not built yet has none of its points' items)."""
        points = [p for p in self.layer.items if p.mark is not None] if self.layer.built else []
        return [*points, *self.free_markers.values()]

    def select_marks(self, mark_ids: list[int]) -> None:
        """Select the items of these marks (and nothing else) without echoing the change."""
        self._syncing = True
        try:
            wanted = set(mark_ids)
            for item in self.marked_items():
                item.setSelected(item.mark_id in wanted)
        finally:
            self._syncing = False
        chosen = [i for i in self.marked_items() if i.mark_id in wanted]
        if chosen:
            self.ensureVisible(chosen[0], 40, 40)

    def selected_mark_ids(self) -> list[int]:
        """The marks selected in this view."""
        return [i.mark_id for i in self.marked_items() if i.isSelected() and i.mark_id is not None]

    def show_highlight(self, code: str | None) -> None:
        """Ring a point found by the search (None hides the ring); a point hidden at this zoom shows."""
        before = self.layer.highlighted
        self.layer.highlighted = code if code and self.layer.shows(code) else None
        if self.layer.highlighted:
            self.points  # noqa: B018 - the view is about to be shown with the point
        if before != self.layer.highlighted and self.layer.built:
            self.layer.refresh([*self.layer.items_of(before or ""), *self.layer.items_of(code or "")])
        items = self.layer.items_of(self.layer.highlighted) if self.layer.highlighted else []
        if not items:
            self.highlight.hide()
            return
        self.highlight.setPos(items[0].pos())
        self.highlight.show()
        self.ensureVisible(items[0], 80, 80)

    # --- zoom and pan ----------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        """The zoom relative to the whole diagram fitted in the window (1.0)."""
        return self._zoom

    def fit(self) -> None:
        """Show the whole diagram as large as the window allows."""
        self._zoom = 1.0
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self._zoom_changed()

    def _zoom_changed(self) -> None:
        detail = self._zoom >= DETAIL_ZOOM
        if detail != self.layer.detail:
            self.layer.detail = detail
            self.layer.refresh()

    def zoom_by(self, factor: float, anchor: QPoint | None = None) -> None:
        """Zoom by ``factor``, clamped between the fitted view and :data:`MAX_ZOOM`, keeping ``anchor`` still."""
        target = min(MAX_ZOOM, max(1.0, self._zoom * factor))
        if target == 1.0:
            self.fit()
            return
        if math.isclose(target, self._zoom):
            return
        before = self.mapToScene(anchor) if anchor is not None else None
        self.scale(target / self._zoom, target / self._zoom)
        self._zoom = target
        self._zoom_changed()
        if anchor is not None and before is not None:
            moved = self.mapFromScene(before) - anchor
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + moved.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() + moved.y())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._zoom == 1.0:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y()
        if delta:
            self.zoom_by(1.0015**delta, event.position().toPoint())
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)  # type: ignore[attr-defined]
            if isinstance(pinch, QPinchGesture):
                centre = self.viewport().mapFromGlobal(pinch.centerPoint().toPoint())
                self.zoom_by(pinch.scaleFactor(), centre)
                return True
        # A trackpad pinch arrives as a native zoom gesture: its value is the change in scale.
        if (
            isinstance(event, QNativeGestureEvent)
            and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self.zoom_by(1.0 + event.value(), event.position().toPoint())
            return True
        return super().viewportEvent(event)

    # --- keyboard (ui.chart.keyboard) --------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.keyboard.crosshair_at is not None
        ):
            event.accept()  # Esc puts the free marker tool away here; it does not leave the chart
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        ring = self.keyboard.ring
        centre = self.mapFromScene(ring.pos()) if ring.isVisible() else self.viewport().rect().center()
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.25, centre)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(0.8, centre)
        elif key == Qt.Key.Key_0:
            self.fit()
        elif control and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() + (PAN_STEP if key == Qt.Key.Key_Right else -PAN_STEP))
        elif control and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + (PAN_STEP if key == Qt.Key.Key_Down else -PAN_STEP))
        elif not self.keyboard.key(event):
            super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            self.keyboard.active = True
            self.keyboard.open_menu()  # the menu key, where the platform sends it as a menu event
            event.accept()
            return
        super().contextMenuEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        reason = event.reason()
        self.keyboard.focus_in(
            reason
            in (
                Qt.FocusReason.TabFocusReason,
                Qt.FocusReason.BacktabFocusReason,
                Qt.FocusReason.ShortcutFocusReason,
            )
        )

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.keyboard.show()

    def _activate(self, target: Target) -> None:
        if isinstance(target, FreeMarkerItem):
            if target.mark_id is not None:
                self.edit_requested.emit(target.mark_id)
        else:
            self.point_clicked.emit(target.point.code, target.side)

    def _select_by_keyboard(self, mark_ids: list[int]) -> None:
        if sorted(mark_ids) != sorted(self.selected_mark_ids()):
            self.select_marks(mark_ids)
            self.selection_changed.emit(self.selected_mark_ids())

    def _recolour(self, colours: theme.Theme) -> None:
        self.setBackgroundBrush(colours.qcolor("paper"))
        for item in self.scene().items():
            item.update()  # cached pictures of the markers are drawn again in the new colours

    # --- pointer ---------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.keyboard.mouse_used()
        pos = event.position().toPoint()
        under = self.itemAt(pos)
        if event.button() == Qt.MouseButton.RightButton:
            self._context_at(pos, event.globalPosition().toPoint(), under)
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        modifiers = event.modifiers()
        if isinstance(under, FreeMarkerItem) and not modifiers & Qt.KeyboardModifier.ShiftModifier:
            self._drag_start = {
                i.mark_id: i.pos() for i in self.free_markers.values() if i.mark_id is not None
            }
            return super().mousePressEvent(event)
        nearest = None if self.free_tool else self.nearest_point(pos)
        self._press = (pos, nearest, modifiers)
        if nearest is not None and nearest.mark is not None:
            self._long_press.start()
        elif nearest is None and not (self.free_tool or modifiers & Qt.KeyboardModifier.ShiftModifier):
            self._pan_from = pos
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._pan_from is not None:
            delta = pos - self._pan_from
            self._pan_from = pos
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            return
        if self._press is not None and (pos - self._press[0]).manhattanLength() > 6:
            self._long_press.stop()
        self._set_hover(None if event.buttons() else self.nearest_point(pos))
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
        press, self._press = self._press, None
        long_press_pending = self._long_press.isActive()
        self._long_press.stop()
        if press is not None and event.button() == Qt.MouseButton.LeftButton:
            self._click(press, long_press_pending)
            event.accept()
            return
        super().mouseReleaseEvent(event)
        self._report_drags()

    def _click(self, press: tuple[QPoint, PointItem | None, Qt.KeyboardModifier], long_pending: bool) -> None:
        pos, nearest, modifiers = press
        if nearest is not None and nearest.mark is not None and not long_pending:
            return  # a long press opened the menu instead
        if self.free_tool or modifiers & Qt.KeyboardModifier.ShiftModifier:
            scene = self.mapToScene(pos)
            if self.sceneRect().contains(scene):
                self.free_marker_requested.emit(*self.to_fraction(scene))
        elif nearest is not None and modifiers & Qt.KeyboardModifier.ControlModifier:
            if nearest.mark is not None:
                nearest.setSelected(not nearest.isSelected())
        elif nearest is not None:
            self.point_clicked.emit(nearest.point.code, nearest.side)
        else:
            self.scene().clearSelection()

    def _report_drags(self) -> None:
        starts, self._drag_start = self._drag_start, {}
        for mark_id, old in starts.items():
            item = self.free_markers.get(mark_id)
            if item is not None and (item.pos() - old).manhattanLength() > 0.5:
                old_x, old_y = self.to_fraction(old)
                self.marker_moved.emit(mark_id, old_x, old_y, *self.to_fraction(item.pos()))

    def _on_long_press(self) -> None:
        if self._press is not None and self._press[1] is not None:
            pos = self._press[0]
            self._context_at(pos, self.viewport().mapToGlobal(pos), self._press[1])

    def _context_at(self, pos: QPoint, global_pos: QPoint, under: object) -> None:
        target: PointItem | FreeMarkerItem | None = under if isinstance(under, FreeMarkerItem) else None
        if target is None:
            nearest = self.nearest_point(pos)
            target = nearest if nearest is not None and nearest.mark is not None else None
        if target is not None and target.mark_id is not None:
            if not target.isSelected():
                self.select_marks([target.mark_id])
                self.selection_changed.emit(self.selected_mark_ids())
            self.context_requested.emit(target.mark_id, global_pos)
        else:
            self.context_requested.emit(None, global_pos)

    def leaveEvent(self, event: QEvent) -> None:
        self._set_hover(None)
        super().leaveEvent(event)

    def _set_hover(self, item: PointItem | None) -> None:
        if item is self._hover:
            return
        if self._hover is not None:
            self._hover.set_hovered(False)
        self._hover = item
        if item is not None:
            item.set_hovered(True)
        self.hovered.emit(item)

    def _on_selection(self) -> None:
        if not self._syncing:
            self.selection_changed.emit(self.selected_mark_ids())
