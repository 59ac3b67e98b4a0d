"""A diagram with the session's marks on it, drawn as vectors: the view's SVG, a symbol per mark
(see :mod:`acuchart.reports.symbols`) and the point codes beside them.

Each SVG is converted once per process with svglib, and drawn once on a scratch canvas whose PDF
operators are kept (``Canvas.getCurrentPageContent``): they name no font, image or other resource of
that document, so every document can take them as they are (``Canvas.addLiteral``). In a document,
each view's drawing and each symbol is one form XObject (``beginForm``/``doForm``), placed wherever
it appears: a session's twenty marks repeat a handful of symbols.
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
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.lib import colors
from reportlab.pdfgen.canvas import FILL_EVEN_ODD, Canvas
from reportlab.platypus import Flowable
from svglib.svglib import svg2rlg

from acuchart.catalogue import VIEWS, DiagramView
from acuchart.reports.data import HandoutMark
from acuchart.reports.fonts import SANS, draw_text, register_fonts, text_width
from acuchart.reports.insets import insets_used
from acuchart.reports.layout import INK, MUTED, RULE
from acuchart.reports.symbols import SYMBOLS, Symbol, symbol_for

log = logging.getLogger(__name__)

LABEL_SIZE = 7.0
SIDE_WORD_SIZE = 8.0
INSET_CAPTION_SIZE = 8.5
"""The caption of an inset ("Sole"): the smallest size a word of a handout is set in."""


# The font line renderPDF writes before it draws anything (a no-op with no text after it), and any
# operator that names a resource of the document the operators were drawn in.
_FONT_PREAMBLE = re.compile(r"^BT /F\d+ [\d.]+ Tf [\d.]+ TL ET$")
_RESOURCE_USE = re.compile(r"/\S+\s+(?:Tf|gs|Do|sh|cs|CS|scn|SCN|BDC|DP)\b")


@dataclass(frozen=True)
class DiagramArt:
    """A view's drawing, ready to place: the svglib drawing (None when the SVG could not be read), its
    PDF operators when any document can take them as they are (None when they name a resource: the
    drawing is then drawn afresh in each document), its size in points, and its form's name."""

    drawing: Drawing | None
    operators: str | None
    width: float
    height: float
    form_name: str


@cache
def diagram_art(svg_path: Path, fallback_width: float, fallback_height: float) -> DiagramArt:
    """The drawing for ``svg_path``, converted once per process.

    A missing or unreadable SVG gives an empty art of the fallback size (the marks still print).
    """
    form_name = "AcuDiagram" + "".join(char for char in svg_path.stem.title() if char.isalnum())
    try:
        drawing = svg2rlg(str(svg_path))
    except Exception:  # a broken diagram file must not stop a printout
        drawing = None
    if drawing is None:
        log.warning("The diagram %s could not be read; printing the marks without it.", svg_path)
        return DiagramArt(None, None, fallback_width, fallback_height, form_name)
    register_fonts()
    _leave_out_text(drawing)
    # With no text left, the starting font is never drawn with; an embedded one keeps Helvetica out.
    drawing.initialFontName = SANS
    scratch = Canvas(io.BytesIO(), initialFontName=SANS)
    renderPDF.draw(drawing, scratch, 0, 0)
    lines = [line for line in scratch.getCurrentPageContent().split("\n") if not _FONT_PREAMBLE.match(line)]
    operators = "\n".join(lines)
    reusable = operators if not _RESOURCE_USE.search(operators) else None
    return DiagramArt(drawing, reusable, float(drawing.width), float(drawing.height), form_name)


def _leave_out_text(group: Group) -> None:
    """Remove the drawing's own words: a caption drawn for the screen is a point or two tall on paper,
    and the printed diagram names what it needs itself (side words, inset captions) at a readable size."""
    group.contents = [node for node in group.contents if not isinstance(node, String)]
    for node in group.contents:
        if isinstance(node, Group):
            _leave_out_text(node)


def art_for(view: DiagramView) -> DiagramArt:
    """The art of a catalogue view (sized in points as svglib sizes it: 0.75 pt per SVG pixel)."""
    return diagram_art(view.svg_path, view.width * 0.75, view.height * 0.75)


def place_art(canvas: Canvas, art: DiagramArt, x: float, y: float, scale: float) -> None:
    """Draw ``art`` with its lower-left corner at ``x, y``, scaled by ``scale`` (the drawing itself goes
    into the document once, as a form, the first time it is placed)."""
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(scale, scale)
    if art.drawing is not None:
        if not canvas.hasForm(art.form_name):
            canvas.beginForm(art.form_name, 0, 0, art.width, art.height)
            if art.operators is not None:
                canvas.addLiteral(art.operators)
            else:
                renderPDF.draw(art.drawing, canvas, 0, 0)
            canvas.endForm()
        canvas.doForm(art.form_name)
    else:
        canvas.setStrokeColor(RULE)
        canvas.setDash(3, 3)
        canvas.rect(0, 0, art.width, art.height, stroke=1, fill=0)
    canvas.restoreState()


def draw_symbol(canvas: Canvas, symbol: Symbol, x: float, y: float, count: int | None = None) -> None:
    """Draw ``symbol`` centred on ``x, y``; ``count`` is written inside when the symbol shows one."""
    name = _symbol_form(symbol)
    if not canvas.hasForm(name):
        reach = (symbol.ring.radius + symbol.ring.width if symbol.ring else symbol.size * 1.5) + 2
        canvas.beginForm(name, -reach, -reach, reach, reach)
        _draw_shape(canvas, symbol)
        canvas.endForm()
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(name)
    if symbol.shows_count and count is not None:
        canvas.setFillColor(colors.white if symbol.filled else colors.HexColor(symbol.colour))
        draw_text(canvas, 0, -2.1, str(count), 6.2, bold=True, align="centre")
    canvas.restoreState()


def _symbol_form(symbol: Symbol) -> str:
    return "AcuSymbol" + "".join(part.title() for part in symbol.key.split("_"))


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
        shown, hidden = insets_used(self.view.name, ((mark.x, mark.y) for mark in self.marks))
        if self.crop < 1.0 or hidden:
            # The picture cropped at the bottom, with any inset no mark uses cut out of it.
            canvas.saveState()
            clip = canvas.beginPath()
            clip.rect(ox, self.height - head - art_h * self.crop, art_w, art_h * self.crop)
            for inset in hidden:
                box_top = oy + (1.0 - inset.top) * art_h
                box_bottom = oy + (1.0 - inset.bottom) * art_h
                clip.rect(
                    ox + inset.left * art_w,
                    box_bottom,
                    (inset.right - inset.left) * art_w,
                    box_top - box_bottom,
                )
            canvas.clipPath(clip, stroke=0, fill=0, fillMode=FILL_EVEN_ODD)
            place_art(canvas, art, ox, oy, scale)
            canvas.restoreState()
        else:
            place_art(canvas, art, ox, oy, scale)
        captions: list[Box] = []
        canvas.setFillColor(MUTED)
        for inset in shown:
            centre = ox + (inset.left + inset.right) / 2 * art_w
            baseline = oy + (1.0 - inset.top) * art_h - INSET_CAPTION_SIZE
            width = draw_text(canvas, centre, baseline, inset.caption, INSET_CAPTION_SIZE, align="centre")
            captions.append(
                (centre - width / 2, baseline - 2, centre + width / 2, baseline + INSET_CAPTION_SIZE)
            )

        right, left = self.side_words
        reader_left, reader_right = (right, left) if self.view.facing == "front" else (left, right)
        canvas.setFillColor(MUTED)
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
        self._draw_labels(canvas, placed, ox + art_w / 2, captions)

    def _draw_labels(
        self,
        canvas: Canvas,
        placed: Sequence[tuple[HandoutMark, float, float, Symbol]],
        centre_x: float,
        captions: Sequence[Box] = (),
    ) -> None:
        taken: list[Box] = list(captions)
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
