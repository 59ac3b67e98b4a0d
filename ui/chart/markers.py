"""The items drawn over a diagram: catalogue points, free markers and the search highlight.

Every item ignores the view's zoom (``ItemIgnoresTransformations``), so a marker keeps its size on
screen however far the practitioner zooms in. Marked items draw the symbol scheme of
:mod:`acuchart.reports.symbols`, the same one the printed handout and the legend use.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from acuchart.catalogue import CataloguePoint, Side
from acuchart.i18n import _, ngettext
from acuchart.models import Mark
from acuchart.reports.symbols import Symbol, symbol_for
from ui import theme

PX_PER_PT = 2.4
"""Screen pixels per point of a symbol's size: large enough to hit and read at arm's length."""

UNMARKED_RADIUS = 5.0
HALO = 3.0
Z_POINT = 10.0
Z_MARKED = 20.0
Z_FREE = 30.0
Z_HIGHLIGHT = 40.0


def paint_caution_badge(painter: QPainter, at: QPointF, size: float = 6.5) -> None:
    """A small amber triangle with "!" beside a mark whose point meets one of the client's cautions."""
    paper = theme.current().qcolor("paper")
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(paper, 1.2))
    painter.setBrush(theme.current().qcolor("caution_mark"))
    triangle = [QPointF(at.x(), at.y() - size), QPointF(at.x() + size, at.y() + size * 0.75)]
    triangle.append(QPointF(at.x() - size, at.y() + size * 0.75))
    painter.drawPolygon(QPolygonF(triangle))
    painter.setPen(QPen(paper, 1.6))
    painter.drawLine(QPointF(at.x(), at.y() - size * 0.45), QPointF(at.x(), at.y() + size * 0.2))
    painter.drawPoint(QPointF(at.x(), at.y() + size * 0.5))


def paint_paper(painter: QPainter, size: int) -> None:
    """A rounded scrap of the diagram's paper behind a symbol drawn off the diagram (a legend, a list),
    when the window is dark: the symbol then looks as it does on the diagram."""
    if not theme.current().dark:
        return
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(theme.current().qcolor("paper"))
    painter.drawRoundedRect(QRectF(0, 0, size, size), size / 5, size / 5)


def symbol_extent(symbol: Symbol) -> float:
    """How far the symbol reaches from its centre, in pixels."""
    reach = symbol.ring.radius + symbol.ring.width if symbol.ring else symbol.size + symbol.outline_width
    return reach * PX_PER_PT


def paint_symbol(
    painter: QPainter, symbol: Symbol, count: int | None = None, scale: float = PX_PER_PT
) -> None:
    """Draw ``symbol`` centred on the painter's origin (shared by the markers and the legend), on the
    diagram's paper: white parts are the paper's colour (:mod:`ui.theme`)."""
    ink = QColor(symbol.colour)
    paper = theme.current().qcolor("paper")
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if symbol.ring is not None:
        radius = symbol.ring.radius * scale
        # A white underlay keeps the ring legible where it crosses the drawing's lines.
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(paper, (symbol.ring.width + 1.4) * scale))
        painter.drawEllipse(QPointF(0, 0), radius, radius)
        painter.setPen(QPen(ink, symbol.ring.width * scale))
        painter.drawEllipse(QPointF(0, 0), radius, radius)
    painter.setPen(QPen(paper if symbol.filled else ink, max(1.0, symbol.outline_width * scale)))
    painter.setBrush(ink if symbol.filled else paper)
    size = symbol.size * scale
    if symbol.shape == "circle":
        painter.drawEllipse(QPointF(0, 0), size, size)
    elif symbol.shape == "square":
        painter.drawRect(QRectF(-size, -size, 2 * size, 2 * size))
    else:
        painter.drawPolygon(
            QPolygonF([QPointF(0, -size), QPointF(size, 0), QPointF(0, size), QPointF(-size, 0)])
        )
    if symbol.shows_count and count is not None:
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(max(8, round(size * 1.15)))
        painter.setFont(font)
        painter.setPen(paper if symbol.filled else ink)
        painter.drawText(QRectF(-size, -size, 2 * size, 2 * size), Qt.AlignmentFlag.AlignCenter, str(count))


class _Marker(QGraphicsItem):
    """Common ground: fixed screen size, a symbol when marked, a selection outline."""

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        # Each marker is painted once per change and kept as a small picture: a face has some seventy
        # points, and painting them all in Python on every repaint was most of a click's time.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.mark: Mark | None = None
        self.worst_severity: str | None = None
        self.has_reaction = False
        self._extent = UNMARKED_RADIUS + HALO
        self._bounds = self._bounds_for(self._extent)

    @property
    def mark_id(self) -> int | None:
        """The id of the mark this item shows, or None when unmarked."""
        return self.mark.id if self.mark else None

    def symbol(self) -> Symbol:
        """The symbol this item draws when marked."""
        return symbol_for(self.has_reaction, self.worst_severity, self.mark is not None and self.mark.is_free)  # type: ignore[arg-type]

    @staticmethod
    def _bounds_for(extent: float) -> QRectF:
        reach = extent + HALO + 8  # room for the caution badge
        return QRectF(-reach, -reach, 2 * reach, 2 * reach)

    def boundingRect(self) -> QRectF:
        # Asked hundreds of times per click (hit tests, repaint regions): worked out once per change.
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        reach = self._extent + HALO
        path.addEllipse(QRectF(-reach, -reach, 2 * reach, 2 * reach))
        return path

    def _refresh_extent(self) -> None:
        extent = symbol_extent(self.symbol()) if self.mark else UNMARKED_RADIUS + HALO
        if extent != self._extent:
            self.prepareGeometryChange()
            self._extent = extent
            self._bounds = self._bounds_for(extent)
        self.update()

    def _paint_selection(self, painter: QPainter) -> None:
        if self.isSelected():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(theme.current().qcolor("focus"), 2.0, Qt.PenStyle.DashLine))
            reach = self._extent + 1
            painter.drawRect(QRectF(-reach, -reach, 2 * reach, 2 * reach))


class PointItem(_Marker):
    """One catalogue point on one side: a small open dot until marked, then the mark's symbol."""

    def __init__(self, point: CataloguePoint, side: Side) -> None:
        super().__init__()
        self.point = point
        self.side = side
        self.hovered = False
        self.setZValue(Z_POINT)
        self.setToolTip(point_tooltip(point, side))

    def show_mark(self, mark: Mark | None, worst_severity: str | None = None) -> None:
        """Show a mark (with the worst reaction at it) or, with None, the unmarked dot."""
        if mark == self.mark and worst_severity == self.worst_severity:
            return
        self.mark = mark
        self.worst_severity = worst_severity
        self.has_reaction = worst_severity is not None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, mark is not None)
        if mark is None:
            self.setSelected(False)
        self.setZValue(Z_MARKED if mark else Z_POINT)
        self._refresh_extent()

    def set_hovered(self, hovered: bool) -> None:
        """Ring the point while the pointer is over it."""
        if hovered != self.hovered:
            self.hovered = hovered
            self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = theme.current()
        if self.mark is None:
            paper = colours.qcolor("paper")
            paper.setAlpha(200)
            painter.setPen(QPen(colours.qcolor("point_ink"), 1.3))
            painter.setBrush(QBrush(paper))
            painter.drawEllipse(QPointF(0, 0), UNMARKED_RADIUS, UNMARKED_RADIUS)
        else:
            paint_symbol(painter, self.symbol())
            if self.mark.caution_warning:
                # Out at the corner, so the badge touches the dot without hiding it.
                corner = self._extent * 0.9
                paint_caution_badge(painter, QPointF(corner, -corner), 5.5)
        if self.hovered:
            painter.setPen(QPen(colours.qcolor("needle"), 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            reach = self._extent + 1
            painter.drawEllipse(QPointF(0, 0), reach, reach)
        self._paint_selection(painter)


class FreeMarkerItem(_Marker):
    """A free marker: a square with its needle count; dragged to move, stored on release."""

    def __init__(self, mark: Mark, worst_severity: str | None = None) -> None:
        super().__init__()
        self.setZValue(Z_FREE)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setCursor(Qt.CursorShape.SizeAllCursor)
        self.show_mark(mark, worst_severity)

    def show_mark(self, mark: Mark, worst_severity: str | None = None) -> None:
        """Show the stored marker (label, count, worst reaction)."""
        self.mark = mark
        self.worst_severity = worst_severity
        self.has_reaction = worst_severity is not None
        label = mark.label or _("Free marker")
        self.setToolTip(
            "<b>{label}</b><br>{needles}".format(
                label=label,
                needles=ngettext("{count} needle", "{count} needles", mark.needles).format(
                    count=mark.needles
                ),
            )
        )
        self._refresh_extent()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        assert self.mark is not None
        paint_symbol(painter, self.symbol(), self.mark.needles)
        self._paint_selection(painter)


class HighlightItem(QGraphicsItem):
    """A bold ring around the point the search found."""

    RADIUS = 16.0

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(Z_HIGHLIGHT)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        reach = self.RADIUS + 4
        return QRectF(-reach, -reach, 2 * reach, 2 * reach)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(theme.current().qcolor("paper"), 6))
        painter.drawEllipse(QPointF(0, 0), self.RADIUS, self.RADIUS)
        painter.setPen(QPen(theme.current().qcolor("focus"), 3, Qt.PenStyle.DashLine))
        painter.drawEllipse(QPointF(0, 0), self.RADIUS, self.RADIUS)


def point_tooltip(point: CataloguePoint, side: Side | None = None) -> str:
    """Code, pinyin, hanzi, English name and location, as the hover shows them."""
    where = "" if side in (None, "midline") else _(" — client's {side}").format(side=side)
    cautions = "<br><i>⚠ {join}</i>".format(join="; ".join(point.cautions)) if point.cautions else ""
    return f"<b>{point.code}</b> {point.pinyin} {point.hanzi} · {point.english}{where}<br>{point.location}{cautions}"
