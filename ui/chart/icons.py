"""The chart's tool icons, drawn with QPainter: no artwork files, crisp at any screen scale, in the
theme's ink (:mod:`ui.theme`; a change of scheme draws them again, see :func:`keep_drawn`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QWidget

from ui import theme

SIZE = 20
"""The icons' logical size in pixels; they are drawn at twice that for high-density screens."""

Painter = Callable[[QPainter], None]


def _pen(painter: QPainter, width: float = 1.8) -> None:
    pen = painter.pen()
    pen.setWidthF(width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def _free_marker(p: QPainter) -> None:
    _pen(p)
    p.drawRoundedRect(QRectF(2.5, 2.5, 11, 11), 1.5, 1.5)
    p.drawLine(QPointF(8, 5.5), QPointF(8, 10.5))
    p.drawLine(QPointF(5.5, 8), QPointF(10.5, 8))
    p.drawLine(QPointF(13, 13), QPointF(17.5, 17.5))  # the needle going in


def _protocol(p: QPainter) -> None:
    _pen(p)
    p.drawRoundedRect(QRectF(3.5, 3, 13, 15), 2, 2)
    for y in (7.5, 11, 14.5):
        p.drawPoint(QPointF(6.5, y))
        p.drawLine(QPointF(9, y), QPointF(13.5, y))


def _repeat(p: QPainter) -> None:
    _pen(p)
    p.drawArc(QRectF(3.5, 3.5, 13, 13), 60 * 16, 270 * 16)
    tip = QPointF(13.3, 4.4)
    p.setBrush(p.pen().color())
    p.drawPolygon(QPolygonF([tip + QPointF(-3.2, -2.2), tip + QPointF(1.6, -0.4), tip + QPointF(-2.0, 3.0)]))


def _save_protocol(p: QPainter) -> None:
    _pen(p)
    path = QPainterPath(QPointF(5, 2.5))
    path.lineTo(15, 2.5)
    path.lineTo(15, 17.5)
    path.lineTo(10, 13.5)
    path.lineTo(5, 17.5)
    path.closeSubpath()
    p.drawPath(path)
    p.drawLine(QPointF(10, 5.5), QPointF(10, 10.5))
    p.drawLine(QPointF(7.5, 8), QPointF(12.5, 8))


def _session_reaction(p: QPainter) -> None:
    _pen(p)
    p.drawEllipse(QPointF(10, 10), 7.5, 7.5)
    p.drawLine(QPointF(10, 5.5), QPointF(10, 11))
    _pen(p, 2.6)
    p.drawPoint(QPointF(10, 14.2))


def _fit(p: QPainter) -> None:
    _pen(p)
    for cx, cy in ((3, 3), (17, 3), (3, 17), (17, 17)):
        dx = 4 if cx < 10 else -4
        dy = 4 if cy < 10 else -4
        p.drawLine(QPointF(cx, cy), QPointF(cx + dx, cy))
        p.drawLine(QPointF(cx, cy), QPointF(cx, cy + dy))
    p.drawEllipse(QPointF(10, 10), 2.5, 2.5)


def _all_points(p: QPainter) -> None:
    _pen(p, 1.5)
    for x, y in ((5, 5), (10, 4), (15, 6), (4, 10.5), (9.5, 10), (15.5, 11), (6, 15.5), (11, 16), (16, 15.5)):
        p.drawEllipse(QPointF(x, y), 1.5, 1.5)


def _search(p: QPainter) -> None:
    _pen(p, 2.0)
    p.drawEllipse(QPointF(8.5, 8.5), 5, 5)
    p.drawLine(QPointF(12.2, 12.2), QPointF(17, 17))


DRAWINGS: dict[str, Painter] = {
    "free_marker": _free_marker,
    "protocol": _protocol,
    "repeat": _repeat,
    "save_protocol": _save_protocol,
    "session_reaction": _session_reaction,
    "fit": _fit,
    "all_points": _all_points,
    "search": _search,
}
"""Every tool icon by name."""


def _pixmap(draw: Painter, ink: str, scale: int = 2) -> QPixmap:
    pixmap = QPixmap(SIZE * scale, SIZE * scale)
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(ink)))
    draw(painter)
    painter.end()
    return pixmap


def tool_icon(name: str) -> QIcon:
    """The icon called ``name`` (a key of :data:`DRAWINGS`) in the theme's ink (the needle blue of the
    markers on a light window), with a greyed version for disabled tools."""
    draw = DRAWINGS[name]
    colours = theme.current()
    icon = QIcon()
    icon.addPixmap(_pixmap(draw, colours.ink), QIcon.Mode.Normal)
    icon.addPixmap(_pixmap(draw, colours.disabled_text), QIcon.Mode.Disabled)
    return icon


def keep_drawn(owner: QWidget, icons: dict[str, QAction]) -> None:
    """Draw the actions' icons (by drawing name) again whenever the colour scheme changes."""

    def redraw(_theme: theme.Theme) -> None:
        for name, action in icons.items():
            action.setIcon(tool_icon(name))

    theme.on_change(redraw, owner)
