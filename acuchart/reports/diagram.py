"""A diagram with the session's marks on it, drawn as vectors: the view's SVG, a symbol per mark
(see :mod:`acuchart.reports.symbols`) and the point codes beside them.

Each SVG is converted once per process with svglib and turned once into PDF drawing operators, which
every later document reuses, so printing a hundred handouts converts and walks the drawing only once.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable
from svglib.svglib import svg2rlg

from acuchart.catalogue import VIEWS, DiagramView
from acuchart.reports.data import HandoutMark
from acuchart.reports.fonts import draw_text, text_width
from acuchart.reports.layout import INK, MUTED, RULE
from acuchart.reports.symbols import SYMBOLS, Symbol, symbol_for

log = logging.getLogger(__name__)

LABEL_SIZE = 7.0
SIDE_WORD_SIZE = 8.0

# A font line renderPDF writes before it draws (a no-op without text); dropped so the operators
# name no resource of the document they were captured in.
_FONT_PREAMBLE = re.compile(r"^BT /F\d+ [\d.]+ Tf [\d.]+ TL ET$")
_RESOURCE_USE = re.compile(r"/\S+\s+(?:Tf|gs|Do|sh|cs|CS|scn|SCN)\b")


@dataclass(frozen=True)
class DiagramArt:
    """A view's drawing, ready to place: the svglib drawing, its PDF operators when they can be
    reused as they are (None when the drawing needs fonts, images or transparency), and its size."""

    drawing: Drawing | None
    operators: str | None
    width: float
    height: float


@cache
def diagram_art(svg_path: Path, fallback_width: float, fallback_height: float) -> DiagramArt:
    """The drawing for ``svg_path``, converted once per process.

    A missing or unreadable SVG gives an empty art of the fallback size (the marks still print).
    """
    try:
        drawing = svg2rlg(str(svg_path))
    except Exception:  # a broken diagram file must not stop a printout
        drawing = None
    if drawing is None:
        log.warning("The diagram %s could not be read; printing the marks without it.", svg_path)
        return DiagramArt(None, None, fallback_width, fallback_height)
    scratch = Canvas(io.BytesIO())
    start = len(scratch._code)
    renderPDF.draw(drawing, scratch, 0, 0)
    lines = [line for line in scratch._code[start:] if not _FONT_PREAMBLE.match(line)]
    operators = "\n".join(lines)
    reusable = not _RESOURCE_USE.search(operators)
    return DiagramArt(drawing, operators if reusable else None, float(drawing.width), float(drawing.height))


def art_for(view: DiagramView) -> DiagramArt:
    """The art of a catalogue view (sized in points as svglib sizes it: 0.75 pt per SVG pixel)."""
    return diagram_art(view.svg_path, view.width * 0.75, view.height * 0.75)


def place_art(canvas: Canvas, art: DiagramArt, x: float, y: float, scale: float) -> None:
    """Draw ``art`` with its lower-left corner at ``x, y``, scaled by ``scale``."""
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(scale, scale)
    if art.operators is not None:
        canvas._code.append(art.operators)
    elif art.drawing is not None:
        renderPDF.draw(art.drawing, canvas, 0, 0)
    else:
        canvas.setStrokeColor(RULE)
        canvas.setDash(3, 3)
        canvas.rect(0, 0, art.width, art.height, stroke=1, fill=0)
    canvas.restoreState()


def draw_symbol(canvas: Canvas, symbol: Symbol, x: float, y: float, count: int | None = None) -> None:
    """Draw ``symbol`` centred on ``x, y``; ``count`` is written inside when the symbol shows one."""
    canvas.saveState()
    canvas.translate(x, y)
    operators = _shape_operators(symbol)
    if operators is None:
        _draw_shape(canvas, symbol)
    else:
        canvas._code.append(operators)
    if symbol.shows_count and count is not None:
        canvas.setFillColor(colors.white if symbol.filled else colors.HexColor(symbol.colour))
        draw_text(canvas, 0, -2.1, str(count), 6.2, bold=True, align="centre")
    canvas.restoreState()


@cache
def _shape_operators(symbol: Symbol) -> str | None:
    """The PDF operators that draw ``symbol``'s shape centred on the origin, made once per symbol (a
    session's marks repeat a handful of symbols, and each circle is a few curves to work out); None
    for a shape that needs the document's resources (transparency), which is drawn each time."""
    canvas = Canvas(io.BytesIO())
    start = len(canvas._code)
    canvas.saveState()
    _draw_shape(canvas, symbol)
    canvas.restoreState()
    operators = "\n".join(canvas._code[start:])
    return None if _RESOURCE_USE.search(operators) else operators


def _draw_shape(canvas: Canvas, symbol: Symbol) -> None:
    """``symbol``'s ring and shape, centred on the origin."""
    ink = colors.HexColor(symbol.colour)
    if symbol.ring is not None:
        # A white underlay keeps the ring legible where it crosses the drawing's lines.
        canvas.setStrokeColor(colors.white)
        canvas.setLineWidth(symbol.ring.width + 1.4)
        canvas.circle(0, 0, symbol.ring.radius, stroke=1, fill=0)
        canvas.setStrokeColor(ink)
        canvas.setLineWidth(symbol.ring.width)
        canvas.circle(0, 0, symbol.ring.radius, stroke=1, fill=0)
    canvas.setLineWidth(symbol.outline_width)
    canvas.setStrokeColor(colors.white if symbol.filled else ink)
    canvas.setFillColor(ink if symbol.filled else colors.white)
    size = symbol.size
    if symbol.shape == "circle":
        canvas.circle(0, 0, size, stroke=1, fill=1)
    elif symbol.shape == "square":
        canvas.rect(-size, -size, 2 * size, 2 * size, stroke=1, fill=1)
    else:
        path = canvas.beginPath()
        path.moveTo(0, size)
        path.lineTo(size, 0)
        path.lineTo(0, -size)
        path.lineTo(-size, 0)
        path.close()
        canvas.drawPath(path, stroke=1, fill=1)


def mark_symbol(mark: HandoutMark) -> Symbol:
    """The symbol a mark is drawn with."""
    return symbol_for(bool(mark.reactions), mark.worst_severity, mark.is_free_marker)


Box = tuple[float, float, float, float]


def _overlaps(box: Box, others: Iterable[Box]) -> bool:
    x0, y0, x1, y1 = box
    return any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in others)


def _overlap_area(box: Box, others: Iterable[Box]) -> float:
    x0, y0, x1, y1 = box
    return sum(
        max(0.0, min(x1, b[2]) - max(x0, b[0])) * max(0.0, min(y1, b[3]) - max(y0, b[1])) for b in others
    )


def head_height(caption: bool) -> float:
    """The height above a diagram's picture: the caption row (when there is one) and the side words."""
    return SIDE_WORD_SIZE + 6 + ((SIDE_WORD_SIZE + 5) if caption else 0)


class DiagramFlowable(Flowable):
    """A view with its marks, fitted into ``width`` x ``height`` points.

    ``side_words`` name the client's right and left, printed at the sides of the picture where they
    fall for this view (a front view shows the client's right on the reader's left). ``crop`` is the
    share of the picture's height drawn, from the top (0.8 leaves out the shoulders of the face).
    """

    def __init__(
        self,
        view: DiagramView,
        marks: Sequence[HandoutMark],
        width: float,
        height: float,
        side_words: tuple[str, str] = ("Right", "Left"),
        caption: str | None = None,
        crop: float = 1.0,
    ) -> None:
        super().__init__()
        self.view = view
        self.marks = tuple(marks)
        self.width = width
        self.height = height
        self.side_words = side_words
        self.caption = view.title if caption is None else caption
        self.crop = min(max(crop, 0.1), 1.0)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        art = art_for(self.view)
        # A caption row (when there is a caption) above a row naming the client's sides.
        top = self.height - SIDE_WORD_SIZE - 1
        if self.caption:
            canvas.setFillColor(INK)
            draw_text(
                canvas, self.width / 2, top, self.caption, SIDE_WORD_SIZE + 1, bold=True, align="centre"
            )
            top -= SIDE_WORD_SIZE + 5
        head = self.height - top + 5
        scale = min(self.width / art.width, (self.height - head) / (art.height * self.crop))
        art_w, art_h = art.width * scale, art.height * scale
        ox = (self.width - art_w) / 2
        oy = self.height - head - art_h
        if self.crop < 1.0:
            canvas.saveState()
            clip = canvas.beginPath()
            clip.rect(ox, self.height - head - art_h * self.crop, art_w, art_h * self.crop)
            canvas.clipPath(clip, stroke=0, fill=0)
            place_art(canvas, art, ox, oy, scale)
            canvas.restoreState()
        else:
            place_art(canvas, art, ox, oy, scale)

        right, left = self.side_words
        reader_left, reader_right = (right, left) if self.view.facing == "front" else (left, right)
        canvas.setFillColor(MUTED)
        shown = self.view.side_shown
        if shown is not None:
            # A profile shows one side: its word goes over the middle of the picture.
            word = right if shown == "right" else left
            draw_text(canvas, ox + art_w / 2, top, word, SIDE_WORD_SIZE, bold=True, align="centre")
        else:
            # Over the picture's edges; over the cell's when the picture is too narrow for both words.
            words = text_width(reader_left, SIDE_WORD_SIZE, bold=True) + text_width(
                reader_right, SIDE_WORD_SIZE, bold=True
            )
            left_x, right_x = (ox, ox + art_w) if art_w >= words + 6 else (0.0, self.width)
            draw_text(canvas, left_x, top, reader_left, SIDE_WORD_SIZE, bold=True)
            draw_text(canvas, right_x, top, reader_right, SIDE_WORD_SIZE, bold=True, align="right")

        placed: list[tuple[HandoutMark, float, float, Symbol]] = []
        for mark in self.marks:
            px = ox + min(max(mark.x, 0.0), 1.0) * art_w
            py = oy + (1.0 - min(max(mark.y, 0.0), 1.0)) * art_h
            placed.append((mark, px, py, mark_symbol(mark)))
        # Severe marks last, so they sit on top where two overlap.
        order = sorted(placed, key=lambda item: item[3].ring.width if item[3].ring else 0.0)
        for mark, px, py, symbol in order:
            draw_symbol(canvas, symbol, px, py, mark.needles)
        self._draw_labels(canvas, placed, ox + art_w / 2)

    def _draw_labels(
        self, canvas: Canvas, placed: Sequence[tuple[HandoutMark, float, float, Symbol]], centre_x: float
    ) -> None:
        taken: list[Box] = []
        for _, px, py, symbol in placed:
            reach = symbol.ring.radius if symbol.ring else symbol.size
            taken.append((px - reach, py - reach, px + reach, py + reach))
        seen: set[tuple[str, int, int]] = set()
        for mark, px, py, symbol in placed:
            label = mark.diagram_label
            key = (label, round(px), round(py))
            if not label or key in seen:
                continue
            seen.add(key)
            reach = (symbol.ring.radius if symbol.ring else symbol.size) + 1.5
            w = text_width(label, LABEL_SIZE, bold=True) + 2
            h = LABEL_SIZE + 1
            outward = -1 if px < centre_x else 1
            out_x = px + reach if outward > 0 else px - reach - w
            in_x = px + reach if outward < 0 else px - reach - w
            beside, above, below = py - h / 2 + 1, py + reach, py - reach - h
            # Beside the point away from the face's midline first, then the other side, above and
            # below, then the corners, then a little further out; where every place is crowded, the
            # one that covers least.
            candidates = [
                (out_x, beside),
                (in_x, beside),
                (px - w / 2, above),
                (px - w / 2, below),
                (out_x, above - 1),
                (out_x, below + 1),
                (in_x, above - 1),
                (in_x, below + 1),
                (out_x + outward * (h + 2), beside),
            ]
            boxes = [(x, y, x + w, y + h) for x, y in candidates]
            box = next((b for b in boxes if not _overlaps(b, taken)), None)
            if box is None:
                box = min(boxes, key=lambda b: _overlap_area(b, taken))
            taken.append(box)
            canvas.saveState()
            canvas.setFillColor(colors.white, alpha=0.8)
            canvas.roundRect(box[0], box[1] - 0.5, w, h, 1.5, stroke=0, fill=1)
            canvas.setFillColor(INK)
            draw_text(canvas, box[0] + 1, box[1] + 1.4, label, LABEL_SIZE, bold=True)
            canvas.restoreState()


class Legend(Flowable):
    """The symbols used, each with its words, in equal columns that fit ``width``."""

    ROW = 15.0
    TEXT_SIZE = 8.5

    def __init__(self, symbols: Sequence[Symbol], width: float) -> None:
        super().__init__()
        self.symbols = tuple(symbols)
        self.width = width
        self._columns = 1
        self._column_width = width

    @classmethod
    def natural_width(cls, symbols: Sequence[Symbol]) -> float:
        """The width of one column of the legend: the widest entry."""
        return max((18 + text_width(s.label, cls.TEXT_SIZE) + 10 for s in symbols), default=1.0)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = min(self.width, available_width)
        widest = self.natural_width(self.symbols)
        self._columns = max(1, min(len(self.symbols), int(self.width // widest)))
        self._column_width = self.width / self._columns
        rows = -(-len(self.symbols) // self._columns)
        self.height = self.ROW * rows
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        for index, symbol in enumerate(self.symbols):
            row, column = divmod(index, self._columns)
            x = column * self._column_width
            y = self.height - self.ROW * row - self.ROW / 2
            draw_symbol(canvas, symbol, x + 7, y, 3 if symbol.shows_count else None)
            canvas.setFillColor(INK)
            draw_text(canvas, x + 18, y - 3, symbol.label, self.TEXT_SIZE)


def legend_symbols(marks: Iterable[HandoutMark]) -> list[Symbol]:
    """The symbols ``marks`` use, in the legend's order (the needled dot always first)."""
    used = {symbol.key: symbol for symbol in map(mark_symbol, marks)}
    used.setdefault("needled", SYMBOLS["needled"])
    ordered = [symbol for key, symbol in SYMBOLS.items() if key in used]
    return ordered + [symbol for key, symbol in used.items() if key not in SYMBOLS]


def views_for(marks: Iterable[HandoutMark]) -> list[DiagramView]:
    """The catalogue views that carry at least one of ``marks``, in the catalogue's order."""
    wanted = {mark.view for mark in marks}
    return [view for name, view in VIEWS.items() if name in wanted]
