"""A line chart of concern ratings (0–10) over the sessions of a course, drawn directly as vectors.

Each concern gets its own colour, marker shape and dash pattern (:mod:`acuchart.progress_styles`, the
same as on screen), so the lines stay apart in black and white and for colour-blind readers; the
legend names them in any script, and the axis says that a lower rating is better.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from acuchart.i18n import ENGLISH, Language
from acuchart.progress_styles import RATING_AXIS_NOTE, SeriesStyle, series_style
from acuchart.reports.fonts import draw_text, text_width
from acuchart.reports.layout import INK, MUTED, RULE

LINE_WIDTH = 1.6

Series = Mapping[str, Sequence[tuple[int, float]]]


def draw_marker(canvas: Canvas, style: SeriesStyle, x: float, y: float, size: float = 3.2) -> None:
    """A series marker centred on ``x, y`` in the current fill and stroke colours (an open one white inside)."""
    shape = style.shape
    if style.open_marker:
        canvas.setFillColor(colors.white)
    if shape == "circle":
        canvas.circle(x, y, size, stroke=1, fill=1)
    elif shape == "square":
        canvas.rect(x - size * 0.9, y - size * 0.9, size * 1.8, size * 1.8, stroke=1, fill=1)
    else:
        points = (
            [(x, y + size * 1.15), (x + size, y - size * 0.75), (x - size, y - size * 0.75)]
            if shape == "triangle"
            else [(x, y + size * 1.2), (x + size, y), (x, y - size * 1.2), (x - size, y)]
        )
        path = canvas.beginPath()
        path.moveTo(*points[0])
        for point in points[1:]:
            path.lineTo(*point)
        path.close()
        canvas.drawPath(path, stroke=1, fill=1)


class RatingsChart(Flowable):
    """Ratings per concern across session numbers, with a legend underneath."""

    LEGEND_ROW = 14.0
    LEGEND_INDENT = 26.0
    TEXT = 9.0
    AXIS_NOTE = 14.0
    """The row above the plot that says how to read the scale."""

    def __init__(
        self, series: Series, width: float, height: float, y_max: float = 10.0, tr: Language = ENGLISH
    ) -> None:
        super().__init__()
        self.tr = tr
        self.series = {label: sorted(points) for label, points in series.items() if points}
        self.width = width
        self.plot_height = height
        self.y_max = y_max
        self._legend_rows: list[list[tuple[str, SeriesStyle, float]]] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = min(self.width, available_width)
        self._legend_rows = [[]]
        used = self.LEGEND_INDENT
        for index, label in enumerate(self.series):
            item = 34 + text_width(label, self.TEXT) + 14
            if self._legend_rows[-1] and used + item > self.width:
                self._legend_rows.append([])
                used = self.LEGEND_INDENT
            self._legend_rows[-1].append((label, series_style(index), item))
            used += item
        self.height = self.AXIS_NOTE + self.plot_height + 10 + self.LEGEND_ROW * len(self._legend_rows)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        left, bottom = 26.0, self.height - self.AXIS_NOTE - self.plot_height + 18
        right, top = self.width - 8, self.height - self.AXIS_NOTE - 6
        sessions = sorted({number for points in self.series.values() for number, _ in points}) or [1]
        first, last = sessions[0], max(sessions[-1], sessions[0] + 1)

        def x_at(number: float) -> float:
            return left + (number - first) / (last - first) * (right - left - 12) + 6

        def y_at(score: float) -> float:
            return bottom + max(0.0, min(score, self.y_max)) / self.y_max * (top - bottom)

        canvas.saveState()
        canvas.setFillColor(MUTED)
        draw_text(
            canvas,
            left - 16,
            self.height - self.AXIS_NOTE + 3,
            self.tr.gettext("Rating ({note})").format(note=self.tr.gettext(RATING_AXIS_NOTE)),
            8.5,
        )
        canvas.setLineWidth(0.5)
        for tick in range(0, int(self.y_max) + 1, 2):
            canvas.setStrokeColor(RULE if tick else MUTED)
            canvas.line(left, y_at(tick), right, y_at(tick))
            canvas.setFillColor(MUTED)
            draw_text(canvas, left - 5, y_at(tick) - 3, str(tick), 8, align="right")
        step = max(1, round((last - first) / 12))
        for session in range(first, last + 1, step):
            draw_text(canvas, x_at(session), bottom - 12, str(session), 8, align="centre")
        draw_text(
            canvas,
            (left + right) / 2,
            bottom - 24 + 1,
            self.tr.gettext("Session"),
            8,
            bold=True,
            align="centre",
        )

        for index, points in enumerate(self.series.values()):
            style = series_style(index)
            ink = colors.HexColor(style.colour)
            canvas.setStrokeColor(ink)
            canvas.setFillColor(ink)
            canvas.setLineWidth(LINE_WIDTH)
            canvas.setDash([length * LINE_WIDTH for length in style.dash], 0)
            path = canvas.beginPath()
            for i, (number, score) in enumerate(points):
                (path.lineTo if i else path.moveTo)(x_at(number), y_at(score))
            canvas.drawPath(path, stroke=1, fill=0)
            canvas.setDash()
            canvas.setLineWidth(1.0)
            for number, score in points:
                canvas.setFillColor(ink)
                draw_marker(canvas, style, x_at(number), y_at(score))
        self._draw_legend(canvas)
        canvas.restoreState()

    def _draw_legend(self, canvas: Canvas) -> None:
        y = self.LEGEND_ROW * len(self._legend_rows) - self.LEGEND_ROW / 2 - 2
        for row in self._legend_rows:
            x = self.LEGEND_INDENT
            for label, style, item in row:
                ink = colors.HexColor(style.colour)
                canvas.setStrokeColor(ink)
                canvas.setFillColor(ink)
                canvas.setLineWidth(LINE_WIDTH)
                canvas.setDash([length * LINE_WIDTH for length in style.dash], 0)
                canvas.line(x, y, x + 26, y)
                canvas.setDash()
                canvas.setLineWidth(1.0)
                draw_marker(canvas, style, x + 13, y)
                canvas.setFillColor(INK)
                draw_text(canvas, x + 33, y - 3, label, self.TEXT)
                x += item
            y -= self.LEGEND_ROW
