"""One diagram as a read-only heat map: the view's SVG at z 0 and a disc per needled point above it.

The same drawing and catalogue positions as the chart (a point on the client's left is the mirror of
its right), the same colour scale as the printed page (:mod:`acuchart.reports.heat_scale`). Hovering a
disc tells its counts: "ST2 bruising 9% (14 of 160)".
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QResizeEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtSvgWidgets import QGraphicsSvgItem
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from acuchart.catalogue import Catalogue, CataloguePoint, DiagramView, Side
from acuchart.i18n import _
from acuchart.models.insights import MAP_KIND_LABELS, PointRate, ReactionMap
from acuchart.reports.heat_scale import OUTLINE, TOO_FEW, heat_bin
from ui import theme
from ui.accessibility import accessible

RADIUS = 6.5


class HeatDot(QGraphicsItem):
    """One point on one side, coloured by its rate; a dashed ring when too few needlings; hidden when never needled."""

    def __init__(self, point: CataloguePoint, side: Side) -> None:
        super().__init__()
        self.point = point
        self.side = side
        self.rate: PointRate | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(10)
        self.setAcceptHoverEvents(True)
        self.hide()

    def boundingRect(self) -> QRectF:
        reach = RADIUS + 1.5
        return QRectF(-reach, -reach, 2 * reach, 2 * reach)

    def show_rate(self, rate: PointRate, others: list[PointRate]) -> None:
        """Show a rate (and name the other kinds' rates in the tooltip)."""
        self.rate = rate
        self.setVisible(rate.needlings > 0)
        lines = [f"<b>{self.point.code} {self.point.pinyin}</b> ({self.side})"]
        if rate.enough:
            lines.append(f"{rate.text()}<br>{rate.interval_text()}")
        else:
            lines.append(rate.text())
        lines += [r.text() for r in others if r.reactions and r.enough]
        lines.append(_("Both sides are counted together."))
        self.setToolTip("<br>".join(lines))
        self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self.rate is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.rate.enough:
            pen = QPen(QColor(TOO_FEW), 1.6, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            paper = theme.current().qcolor("paper")
            paper.setAlpha(210)
            painter.setBrush(QBrush(paper))
            painter.drawEllipse(QPointF(0, 0), RADIUS - 1, RADIUS - 1)
            return
        step = heat_bin(self.rate.reactions / self.rate.needlings)
        painter.setPen(QPen(QColor(OUTLINE), 1.3))
        painter.setBrush(QColor(step.fill))
        painter.drawEllipse(QPointF(0, 0), RADIUS, RADIUS)


class HeatMapView(QGraphicsView):
    """A diagram with its points as a heat map, fitted to the widget."""

    def __init__(self, info: DiagramView, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.setObjectName(f"heat_{info.name}")
        # A picture of the ranked points listed beside it: a screen reader reads that list, not this.
        accessible(
            self,
            _("{view}: where reactions happen").format(view=_(info.title)),
            _("The same figures are in the Points list"),
        )
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setScene(QGraphicsScene(self))
        self.scene().setSceneRect(QRectF(0, 0, info.width, info.height))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(theme.current().qcolor("paper"))  # a diagram stays on paper (ui.theme)
        theme.on_change(lambda t: self.setBackgroundBrush(t.qcolor("paper")), self)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._renderer = QSvgRenderer(str(info.svg_path), self)
        svg = QGraphicsSvgItem()
        svg.setSharedRenderer(self._renderer)
        svg.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        if self._renderer.isValid():
            bounds = self._renderer.viewBoxF()
            svg.setScale(info.width / bounds.width() if bounds.width() else 1.0)
        self.scene().addItem(svg)
        self.dots: list[HeatDot] = []
        for point in catalogue.in_view(info.name):
            for side in point.sides():
                dot = HeatDot(point, side)
                x, y = point.position(side)
                dot.setPos(QPointF(x * info.width, y * info.height))
                self.scene().addItem(dot)
                self.dots.append(dot)

    def show_map(self, figures: ReactionMap, kind: str) -> int:
        """Colour every point by its rate of ``kind``; returns how many points of this view were needled."""
        needled = 0
        kinds = [k for k in MAP_KIND_LABELS if k != kind]
        for dot in self.dots:
            rate = figures.rate(dot.point.code, kind)
            dot.show_rate(rate, [figures.rate(dot.point.code, k) for k in kinds])
            needled += rate.needlings > 0
        return needled

    def dot(self, code: str, side: str) -> HeatDot | None:
        """The disc of a point on a side."""
        return next((d for d in self.dots if d.point.code == code and d.side == side), None)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
