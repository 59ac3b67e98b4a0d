"""The diagram from the keyboard alone: a focus ring moved between points by the arrow keys, and a
crosshair that places a free marker.

- **Tab** into the diagram shows the ring on the selected mark, or else on the point nearest the middle
  of what is in sight. **Arrow keys** move it to the nearest point in that direction (points and free
  markers shown now, as the eye sees them on screen), scrolling it into sight when zoomed in.
- **Space** or **Enter** marks or unmarks the point in the ring, through the same undoable command as a
  click; on a free marker they open its label and needles.
- The **menu key** or **Shift+F10** opens the menu of the mark in the ring (its reactions first), or the
  diagram's menu away from a mark.
- With the **free marker tool** on (F), a crosshair takes the ring's place: the arrow keys move it (with
  Shift, in fine steps), **Enter** or **Space** places a free marker there, and **Esc** puts the tool
  away. Typing the label, Tab, the count and Enter then finish it, as after a click.
- **Ctrl+arrow keys** scroll the diagram; + and − zoom about the ring.

The diagram's accessible name and description say what is in the ring (code, names, side, whether it
is marked, its needles and reactions), so a screen reader speaks each move.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from acuchart.catalogue import DiagramView as ViewInfo
from acuchart.i18n import N_, _, ngettext
from acuchart.models import SEVERITY_LABELS
from ui import theme
from ui.chart.markers import FreeMarkerItem, PointItem
from ui.chart.marks_model import SIDE_WORDS

Z_KEYBOARD = 50.0
STEP = 0.01
"""How far one arrow key moves the crosshair: a hundredth of the diagram (a quarter of that with Shift)."""
CONE = 2.5
"""A point counts as "in that direction" when it is no more than this many times as far across as along."""
MENU_KEYS = (Qt.Key.Key_Menu,)
ACTIVATE_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
DIRECTIONS: dict[int, tuple[float, float]] = {
    Qt.Key.Key_Left.value: (-1.0, 0.0),
    Qt.Key.Key_Right.value: (1.0, 0.0),
    Qt.Key.Key_Up.value: (0.0, -1.0),
    Qt.Key.Key_Down.value: (0.0, 1.0),
}
"""The arrow keys (by key code) and the way each points on screen."""
DIAGRAM_KEYS: tuple[tuple[str, str], ...] = (
    ("Tab", N_("Go into the diagram: the ring shows on a point")),
    ("Left", N_("Move the ring to the nearest point that way")),
    ("Right", N_("Move the ring to the nearest point that way")),
    ("Up", N_("Move the ring to the nearest point that way")),
    ("Down", N_("Move the ring to the nearest point that way")),
    ("Space", N_("Mark or unmark the point in the ring")),
    ("Return", N_("Mark or unmark the point in the ring")),
    ("Menu", N_("Reactions and needles of the mark in the ring")),
    ("Shift+F10", N_("Reactions and needles of the mark in the ring")),
    ("F", N_("Free marker: a crosshair the arrow keys move (Shift: finer)")),
    ("Return", N_("Place a free marker at the crosshair")),
    ("Esc", N_("Put the free marker tool away")),
    ("Ctrl+Left", N_("Scroll the diagram")),
    ("Ctrl+Right", N_("Scroll the diagram")),
    ("Ctrl+Up", N_("Scroll the diagram")),
    ("Ctrl+Down", N_("Scroll the diagram")),
    ("+", N_("Zoom in, about the ring")),
    ("-", N_("Zoom out")),
    ("0", N_("Fit the diagram to the window")),
    ("Ctrl+Tab", N_("Next diagram")),
    ("Ctrl+Shift+Tab", N_("Previous diagram")),
)
"""The diagram's own keys (what they do, as Help → Keyboard shortcuts lists them)."""
KEYS_HELP = N_(
    "Arrow keys move between points; Space marks or unmarks; the menu key or Shift+F10 opens reactions; "
    "F, then the arrow keys and Enter, places a free marker."
)
"""How to use the diagram from the keyboard, for its accessible description."""

Target = PointItem | FreeMarkerItem


class Diagram(Protocol):
    """What the keyboard needs of its diagram view (:class:`ui.chart.diagram_view.DiagramView`)."""

    info: ViewInfo
    free_tool: bool
    free_markers: dict[int, FreeMarkerItem]

    def scene(self) -> QGraphicsScene: ...
    def mapFromScene(self, point: QPointF) -> QPoint: ...
    def mapToScene(self, point: QPoint) -> QPointF: ...
    def viewport(self) -> QWidget: ...
    def ensureVisible(self, item: QGraphicsItem, xmargin: int, ymargin: int) -> None: ...
    def visible_points(self) -> Iterable[PointItem]: ...
    def to_scene(self, x: float, y: float) -> QPointF: ...
    def to_fraction(self, pos: QPointF) -> tuple[float, float]: ...
    def hasFocus(self) -> bool: ...
    def say(self, name: str, description: str) -> None:
        """Set the diagram's accessible name and description (:func:`ui.accessibility.accessible`)."""


class FocusRing(QGraphicsItem):
    """A bold double ring (dark inside light) around the point the keyboard is on; it reads on the
    drawing's lines, the skin and the paper alike."""

    RADIUS = 13.0

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(Z_KEYBOARD)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.radius = self.RADIUS

    def boundingRect(self) -> QRectF:
        reach = self.radius + 5
        return QRectF(-reach, -reach, 2 * reach, 2 * reach)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        colours = theme.current()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colours.qcolor("paper"), 6))
        painter.drawEllipse(QPointF(0, 0), self.radius, self.radius)
        painter.setPen(QPen(colours.qcolor("focus"), 3))
        painter.drawEllipse(QPointF(0, 0), self.radius, self.radius)


class Crosshair(QGraphicsItem):
    """Where the free marker tool will place a marker when Enter is pressed."""

    ARM = 16.0

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(Z_KEYBOARD)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        reach = self.ARM + 4
        return QRectF(-reach, -reach, 2 * reach, 2 * reach)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        colours = theme.current()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for colour, width in ((colours.qcolor("paper"), 5.0), (colours.qcolor("focus"), 2.0)):
            painter.setPen(QPen(colour, width))
            painter.drawLine(QPointF(-self.ARM, 0), QPointF(-4, 0))
            painter.drawLine(QPointF(4, 0), QPointF(self.ARM, 0))
            painter.drawLine(QPointF(0, -self.ARM), QPointF(0, -4))
            painter.drawLine(QPointF(0, 4), QPointF(0, self.ARM))
            painter.drawEllipse(QPointF(0, 0), 8.0, 8.0)


class DiagramKeyboard:
    """The keyboard's place on one diagram (the ring, or the crosshair) and what its keys do.

    Args:
        view: the diagram.
        activate: Space or Enter on a point or a free marker.
        open_menu: the menu key: the target (None away from a mark) and where to open the menu.
        place_free: Enter with the crosshair: fractions of the diagram's width and height.
        leave_free: Esc with the crosshair: put the free marker tool away.
        focused: the point the ring moved to (None when it left the diagram), for the hover line.
        select: the marks to select (the mark in the ring alone, or none on an unmarked point).
    """

    def __init__(
        self,
        view: Diagram,
        activate: Callable[[Target], None],
        open_menu: Callable[[Target | None, QPoint], None],
        place_free: Callable[[float, float], None],
        leave_free: Callable[[], None],
        focused: Callable[[PointItem | None], None],
        select: Callable[[list[int]], None],
    ) -> None:
        self._view = view
        self._activate = activate
        self._open_menu = open_menu
        self._place_free = place_free
        self._leave_free = leave_free
        self._focused = focused
        self._select = select
        self.target: Target | None = None
        self.crosshair_at: tuple[float, float] | None = None
        """Where the crosshair is, in fractions of the diagram (None when it is not shown)."""
        self.active = False
        """Whether the keyboard is in use on this diagram (a key or Tab brought it; a click ends it)."""
        self.ring = FocusRing()
        self.cross = Crosshair()
        for item in (self.ring, self.cross):
            item.hide()
            view.scene().addItem(item)
        self.announce()

    # --- what is in reach ---------------------------------------------------------------------
    def targets(self) -> list[Target]:
        """The points and free markers shown now."""
        return [*self._view.visible_points(), *self._view.free_markers.values()]

    def _on_screen(self, item: QGraphicsItem) -> QPointF:
        return QPointF(self._view.mapFromScene(item.pos()))

    def nearest(self, direction: tuple[float, float]) -> Target | None:
        """The point or free marker nearest the ring in ``direction`` (on screen), or None."""
        if self.target is None:
            return None
        here = self._on_screen(self.target)
        dx, dy = direction
        best: tuple[float, float, Target] | None = None
        for item in self.targets():
            if item is self.target:
                continue
            there = self._on_screen(item)
            vx, vy = there.x() - here.x(), there.y() - here.y()
            along = vx * dx + vy * dy
            if along < 1.0:
                continue
            across = abs(vx * dy - vy * dx)
            # Points in the cone come before points off to the side; nearer first, straight ahead first.
            rank = (0.0 if across <= along * CONE else 1.0, along + 2.0 * across)
            if best is None or rank < best[:2]:
                best = (*rank, item)
        return best[2] if best is not None else None

    def _start(self) -> Target | None:
        """Where the ring starts: the mark selected, else the point nearest the middle of the view."""
        targets = self.targets()
        chosen = [i for i in targets if i.isSelected()]
        if chosen:
            return chosen[0]
        middle = QPointF(self._view.viewport().rect().center())
        return min(
            targets,
            key=lambda i: math.hypot(
                self._on_screen(i).x() - middle.x(), self._on_screen(i).y() - middle.y()
            ),
            default=None,
        )

    # --- moving -------------------------------------------------------------------------------
    def focus(self, item: Target | None) -> None:
        """Put the ring on ``item`` (None takes it away), select its mark, and say where it is."""
        self.target = item
        if item is not None:
            self._view.ensureVisible(item, 60, 60)
            self._select([item.mark_id] if item.mark_id is not None else [])
        self._focused(item if isinstance(item, PointItem) else None)
        self.show()

    def show(self) -> None:
        """Show the ring or the crosshair as the keyboard's state asks, and say what is there."""
        crossing = self.active and self._view.free_tool and self._view.hasFocus()
        if crossing and self.crosshair_at is None:
            start = (
                self.target.pos()
                if self.target is not None
                else self._view.mapToScene(self._view.viewport().rect().center())
            )
            self.crosshair_at = self._view.to_fraction(start)
        if not crossing:
            self.crosshair_at = None
        if self.crosshair_at is not None:
            self.cross.setPos(self._view.to_scene(*self.crosshair_at))
        self.cross.setVisible(crossing)
        ringed = self.active and not crossing and self.target is not None and self._view.hasFocus()
        if ringed and self.target is not None:
            self.ring.radius = max(FocusRing.RADIUS, self.target.boundingRect().width() / 2 - 4)
            self.ring.prepareGeometryChange()
            self.ring.setPos(self.target.pos())
        self.ring.setVisible(ringed)
        self.announce()

    def refresh(self) -> None:
        """After the chart was redrawn: keep the ring on its point (a free marker that is gone leaves
        the ring on the point nearest where it was) and say what changed there."""
        if isinstance(self.target, FreeMarkerItem) and self.target.scene() is None:
            self.target = None
        if self.target is not None and not self.target.isVisible():
            self.target = None
        if self.target is None and self.active:
            self.target = self._start()
        self.show()

    # --- keys ---------------------------------------------------------------------------------
    def key(self, event: QKeyEvent) -> bool:
        """Act on a key pressed in the diagram; False when it is not the keyboard's to handle."""
        key = event.key()
        modifiers = event.modifiers()
        menu = key in MENU_KEYS or (key == Qt.Key.Key_F10 and modifiers & Qt.KeyboardModifier.ShiftModifier)
        if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier) and not menu:
            return False
        if key == Qt.Key.Key_Escape and self.crosshair_at is not None:
            self._leave_free()
            return True
        if key not in DIRECTIONS and key not in ACTIVATE_KEYS and not menu:
            return False
        first = not self.active or (self.target is None and self.crosshair_at is None)
        self.active = True
        if self._view.free_tool:
            self._crosshair_key(key, modifiers)
            return True
        if first or self.target is None:
            self.focus(self._start())  # the first key shows where the keyboard is; the next one acts
            if key in DIRECTIONS:
                return True
        if key in DIRECTIONS:
            found = self.nearest(DIRECTIONS[key])
            if found is not None:
                self.focus(found)
        elif menu:
            self.open_menu()
        elif self.target is not None:
            self._activate(self.target)
        return True

    def _crosshair_key(self, key: int, modifiers: Qt.KeyboardModifier) -> None:
        self.show()
        if self.crosshair_at is None:
            return
        if key in DIRECTIONS:
            step = STEP / 4 if modifiers & Qt.KeyboardModifier.ShiftModifier else STEP
            dx, dy = DIRECTIONS[key]
            x, y = self.crosshair_at
            self.crosshair_at = (min(1.0, max(0.0, x + dx * step)), min(1.0, max(0.0, y + dy * step)))
            self.show()
            self._view.ensureVisible(self.cross, 60, 60)
        elif key in ACTIVATE_KEYS:
            self._place_free(*self.crosshair_at)

    def open_menu(self) -> None:
        """Open the menu of the mark in the ring (the diagram's own menu away from a mark), beside it."""
        target = self.target if self.target is not None and self.target.mark_id is not None else None
        where = (
            self.ring.pos()
            if target is not None
            else self._view.mapToScene(self._view.viewport().rect().center())
        )
        beside = (
            QPoint(round(self.ring.radius) + 8, 0) if target is not None else QPoint(0, 0)
        )  # not over the mark
        self._open_menu(target, self._view.viewport().mapToGlobal(self._view.mapFromScene(where) + beside))

    def focus_in(self, by_keyboard: bool) -> None:
        """The diagram took the keyboard focus (``by_keyboard``: by Tab, or a shortcut)."""
        if by_keyboard:
            self.active = True
            if self.target is None:
                self.target = self._start()
                if self.target is not None:
                    self._select([self.target.mark_id] if self.target.mark_id is not None else [])
        self.show()
        if self.target is not None and self.active:
            self._focused(self.target if isinstance(self.target, PointItem) else None)

    def mouse_used(self) -> None:
        """A click or a drag: the keyboard's ring and crosshair step aside until a key is pressed."""
        if self.active:
            self.active = False
            self.show()

    # --- what a screen reader says ------------------------------------------------------------
    def announce(self) -> None:
        """Name the diagram after what the keyboard is on, and describe it."""
        title = _("{view} diagram").format(view=_(self._view.info.title))
        if self.crosshair_at is not None:
            x, y = self.crosshair_at
            near = self._nearest_point_to(self._view.to_scene(x, y))
            at = _("free marker at {across}% across, {down}% down").format(
                across=round(x * 100), down=round(y * 100)
            )
            if near is not None:
                at = _("{place}, near {code} ({side})").format(
                    place=at, code=near.point.code, side=_(SIDE_WORDS.get(near.side, near.side)).lower()
                )
            self._view.say(
                _("{name}: {detail}").format(name=title, detail=at),
                _(
                    "Arrow keys move the crosshair (Shift: finer); Enter places a free marker; "
                    "Esc puts the tool away."
                ),
            )
            return
        if self.target is None or not self.active:
            self._view.say(title, _(KEYS_HELP))
            return
        name, description = describe(self.target)
        self._view.say(_("{name}: {detail}").format(name=title, detail=name), description)

    def _nearest_point_to(self, scene_pos: QPointF) -> PointItem | None:
        points = list(self._view.visible_points())
        return min(
            points,
            key=lambda i: math.hypot(i.pos().x() - scene_pos.x(), i.pos().y() - scene_pos.y()),
            default=None,
        )


def describe(item: Target) -> tuple[str, str]:
    """What a screen reader says of a point or free marker: a short name (code, pinyin, side, marked or
    not) and a description (English name, needles, reaction, caution, location)."""
    mark = item.mark
    worst = item.worst_severity
    if isinstance(item, FreeMarkerItem):
        assert mark is not None
        label = mark.label or _("without a label")
        name = _("free marker {label}, {needles}").format(label=label, needles=_needles(mark.needles))
        if worst:
            name = _("{mark}; reaction, worst {severity}").format(mark=name, severity=_severity(worst))
        return name, _("Enter edits it.")
    point = item.point
    details = [point.english]
    if mark is not None:
        needles = _needles(mark.needles)
        if worst:
            needles = _("{mark}; reaction, worst {severity}").format(mark=needles, severity=_severity(worst))
        details.append(needles)
        if mark.caution_warning:
            details.append(_("caution: {warning}").format(warning=mark.caution_warning))
    details.append(point.location)
    where = f"{point.code} {point.pinyin}"
    if item.side != "midline":
        where = _("{point}, client's {side}").format(point=where, side=_(SIDE_WORDS[item.side]).lower())
    state = _("{point}, marked") if mark is not None else _("{point}, not marked")
    return state.format(point=where), ". ".join(d for d in details if d)


def _needles(count: int) -> str:
    return ngettext("{count} needle", "{count} needles", count).format(count=count)


def _severity(severity: str) -> str:
    return _(SEVERITY_LABELS.get(severity, severity))
