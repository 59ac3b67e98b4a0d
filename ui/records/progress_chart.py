"""The client's ratings over a course as a line chart: one line per concern, readable without colour.

Each concern gets its own colour (the Okabe–Ito palette, safe for colour-blind readers), its own
line style and its own marker shape, so a printout in grey or a glance from the chair still tells
the lines apart; the styles are :mod:`acuchart.progress_styles`, which the printed course summary
draws with too. Drawn with QPainter: QtCharts is not part of PySide6-Essentials.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from acuchart.i18n import N_, _
from acuchart.models import RATING_MAX, RATING_MIN
from acuchart.progress_styles import RATING_AXIS_NOTE, series_style
from ui import theme
from ui.accessibility import accessible
from ui.style import px

_SIDE = 12
EMPTY_TEXT = N_("No ratings yet. At each session the client rates each concern from 0 to 10.")


def short_label(label: str) -> str:
    """A concern's label without its bracketed detail: ``Sagging skin (neck, jawline)`` → ``Sagging skin``."""
    return label.split(" (")[0]


def draw_marker(painter: QPainter, shape: str, centre: QPointF, size: float) -> None:
    """One marker of ``shape`` (see :data:`acuchart.progress_styles.MARKER_SHAPES`) centred on ``centre``,
    in the painter's pen and brush."""
    r = size / 2
    x, y = centre.x(), centre.y()
    if shape == "circle":
        painter.drawEllipse(centre, r, r)
    elif shape == "square":
        painter.drawRect(QRectF(x - r, y - r, size, size))
    elif shape == "triangle":
        painter.drawPolygon(
            QPolygonF([QPointF(x, y - r * 1.15), QPointF(x - r, y + r), QPointF(x + r, y + r)])
        )
    else:  # diamond
        painter.drawPolygon(
            QPolygonF(
                [QPointF(x, y - r * 1.2), QPointF(x + r, y), QPointF(x, y + r * 1.2), QPointF(x - r, y)]
            )
        )


class Series(Protocol):
    """What the chart draws of one line: its label and its ``(session number, value)`` points."""

    @property
    def label(self) -> str: ...

    @property
    def points(self) -> tuple[tuple[int, int], ...]: ...


class ProgressChart(QWidget):
    """Values by session number, one styled line per series, with axes and a legend: the client's ratings
    (0–10) by default, or another scale (the practitioner's wrinkle grades, 0–5)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        low: int = RATING_MIN,
        high: int = RATING_MAX,
        title: str = "",
        empty_text: str = EMPTY_TEXT,
        name: str = N_("Progress chart"),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progressChart")
        self.setMinimumSize(px(280), px(180))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        accessible(self, name)
        title = title or _("Rating  ({note})").format(note=_(RATING_AXIS_NOTE))
        self._low, self._high, self._title, self._empty_text = low, high, title, _(empty_text)
        self.setToolTip(title)  # the whole title, where a narrow chart shortens it with "…"
        self._series: list[Series] = []
        self._sessions = 1
        self._course_sessions: int | None = None

    def sizeHint(self) -> QSize:
        return QSize(px(560), px(250))

    def set_series(self, series: Sequence[Series], sessions: int, course_sessions: int | None = None) -> None:
        """Show these concerns' ratings on an axis of ``sessions`` sessions (at least the last one rated).

        With ``course_sessions``, positions after the course's own sessions are maintenance visits and
        the axis names them M1, M2, … as the history does."""
        self._series = list(series)
        self._course_sessions = course_sessions
        last = max((n for s in series for n, _ in s.points), default=1)
        self._sessions = max(1, sessions, last)
        described = [
            f"{short_label(s.label)}: {' → '.join(str(v) for _, v in s.points)}" for s in series if s.points
        ]
        accessible(self, self.accessibleName(), "; ".join(described) or self._empty_text)
        self.update()

    @property
    def series(self) -> list[Series]:
        """What the chart shows."""
        return list(self._series)

    @property
    def has_ratings(self) -> bool:
        """True when any concern has a rating to draw."""
        return any(s.points for s in self._series)

    # --- geometry ----------------------------------------------------------------------------
    def _legend_rows(self, metrics: QFontMetrics) -> list[list[tuple[int, float]]]:
        """The legend entries (series index, x offset) laid out in rows under the plot."""
        rows: list[list[tuple[int, float]]] = [[]]
        x = 0.0
        available = self.width() - 2 * _SIDE
        for index, series in enumerate(self._series):
            width = 36 + metrics.horizontalAdvance(short_label(series.label)) + 22
            if rows[-1] and x + width > available:
                rows.append([])
                x = 0.0
            rows[-1].append((index, x))
            x += width
        return rows if self._series else []

    def plot_rect(self) -> QRectF:
        """Where the lines are drawn, inside the axes."""
        metrics = QFontMetrics(self._font())
        row = metrics.height() + 6
        left = metrics.horizontalAdvance("10") + 22
        bottom = metrics.height() * 2 + 12 + row * len(self._legend_rows(metrics))
        top = metrics.height() + 12
        return QRectF(left, top, max(40, self.width() - left - _SIDE), max(40, self.height() - top - bottom))

    def axis_label(self, number: int) -> str:
        """The name under a position on the axis: the session number, or M1, M2… for maintenance visits."""
        course = self._course_sessions
        return f"M{number - course}" if course is not None and number > course else str(number)

    def point_at(self, session_number: int, score: float) -> QPointF:
        """Where a rating is drawn."""
        plot = self.plot_rect()
        span = max(1, self._sessions - 1)
        x = plot.left() + (
            plot.width() * (session_number - 1) / span if self._sessions > 1 else plot.width() / 2
        )
        y = plot.bottom() - plot.height() * (score - self._low) / (self._high - self._low)
        return QPointF(x, y)

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(1.0, self.font().pointSizeF()) * 12 / 13)
        return font

    # --- drawing -----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._font())
        colours = theme.current()  # the chart is drawn on paper, as the course summary prints it
        painter.fillRect(self.rect(), colours.qcolor("paper"))
        self._draw_axes(painter)
        if self.has_ratings:
            for index, series in enumerate(self._series):
                self._draw_series(painter, index, series)
        else:
            painter.setPen(colours.qcolor("paper_muted"))
            painter.drawText(
                self.plot_rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._empty_text
            )
        self._draw_legend(painter)
        painter.end()

    def _draw_axes(self, painter: QPainter) -> None:
        plot = self.plot_rect()
        metrics = painter.fontMetrics()
        colours = theme.current()
        grid = QPen(colours.qcolor("paper_grid"), 1)
        text = colours.qcolor("paper_text")
        for score in range(self._low, self._high + 1, 2 if self._high - self._low > 6 else 1):
            y = self.point_at(1, score).y()
            painter.setPen(grid)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            label_rect = QRectF(0, y - metrics.height() / 2, plot.left() - 8, metrics.height())
            painter.drawText(
                label_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(score)
            )
        step = max(1, round(self._sessions / max(1, plot.width() // 36)))
        for number in range(1, self._sessions + 1):
            if (number - 1) % step and number != self._sessions:
                continue
            x = self.point_at(number, self._low).x()
            painter.setPen(QPen(colours.qcolor("paper_muted"), 1))
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            painter.setPen(text)
            painter.drawText(
                QRectF(x - 20, plot.bottom() + 5, 40, metrics.height()),
                Qt.AlignmentFlag.AlignHCenter,
                self.axis_label(number),
            )
        painter.setPen(QPen(colours.qcolor("paper_muted"), 1.2))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        painter.setPen(colours.qcolor("paper_muted"))
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + metrics.height() + 6, plot.width(), metrics.height()),
            Qt.AlignmentFlag.AlignHCenter,
            _("Session"),
        )
        title_width = self.width() - plot.left() - 4
        painter.drawText(
            QRectF(plot.left(), 2, title_width, metrics.height() + 4),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(self._title, Qt.TextElideMode.ElideRight, int(title_width)),
        )

    def _pen(self, index: int, width: float = 2.2) -> QPen:
        style = series_style(index)
        pen = QPen(QColor(style.colour), width)
        if style.dash:
            pen.setDashPattern(list(style.dash))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        return pen

    def _draw_series(self, painter: QPainter, index: int, series: Series) -> None:
        points = [self.point_at(number, score) for number, score in series.points]
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(self._pen(index))
        if len(points) > 1:
            painter.drawPolyline(QPolygonF(points))
        self._marker_pen(painter, index)
        for point in points:
            draw_marker(painter, series_style(index).shape, point, 9)

    def _marker_pen(self, painter: QPainter, index: int) -> None:
        style = series_style(index)
        colour = QColor(style.colour)
        painter.setPen(QPen(colour, 1.6))
        painter.setBrush(theme.current().qcolor("paper") if style.open_marker else colour)

    def _draw_legend(self, painter: QPainter) -> None:
        metrics = painter.fontMetrics()
        row_height = metrics.height() + 6
        top = self.height() - row_height * len(self._legend_rows(metrics)) - 4
        for row, entries in enumerate(self._legend_rows(metrics)):
            middle = top + row * row_height + row_height / 2
            for index, offset in entries:
                x = _SIDE + offset
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(self._pen(index, 2.0))
                painter.drawLine(QPointF(x, middle), QPointF(x + 28, middle))
                self._marker_pen(painter, index)
                draw_marker(painter, series_style(index).shape, QPointF(x + 14, middle), 8)
                painter.setPen(theme.current().qcolor("paper_text"))
                label = short_label(self._series[index].label)
                painter.drawText(
                    QRectF(x + 36, middle - row_height / 2, metrics.horizontalAdvance(label) + 4, row_height),
                    Qt.AlignmentFlag.AlignVCenter,
                    label,
                )
