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
from reportlab.pdfgen.canvas import FILL_EVEN_ODD, Canvas
from reportlab.platypus import Flowable
from svglib.svglib import svg2rlg

from acuchart.catalogue import VIEWS, DiagramView
from acuchart.i18n import ENGLISH, Language
from acuchart.reports.data import HandoutMark
from acuchart.reports.diagram_labels import PlacedLabel, Rect, draw_labels, place_labels
from acuchart.reports.diagram_parts import Box, Inset, insets_used, landmarks_of
from acuchart.reports.fonts import SANS, draw_text, register_fonts, text_width
from acuchart.reports.layout import INK, MUTED, RULE
from acuchart.reports.legend import draw_symbol, mark_symbol
from acuchart.reports.symbols import Symbol

log = logging.getLogger(__name__)

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


@dataclass(frozen=True)
class Picture:
    """Where a view's picture sits in its flowable (lower-left corner, size, scale), and the baselines
    of the caption and of the side words above it."""

    x: float
    y: float
    width: float
    height: float
    scale: float
    caption_y: float
    words_y: float

    def at(self, fx: float, fy: float) -> tuple[float, float]:
        """The flowable's coordinates of the view's position ``fx, fy`` (fractions, y downward)."""
        return self.x + fx * self.width, self.y + (1.0 - fy) * self.height

    def rect(self, box: Box) -> Rect:
        """The flowable's rectangle of a box of the view."""
        x0, y1 = self.at(box.left, box.top)
        x1, y0 = self.at(box.right, box.bottom)
        return (x0, y0, x1, y1)


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
        tr: Language = ENGLISH,
    ) -> None:
        super().__init__()
        self.tr = tr
        self.view = view
        self.marks = tuple(mark for mark in marks if mark.view == view.name)
        self.width = width
        self.height = height
        self.side_words = side_words
        self.caption = tr.gettext(view.title) if caption is None else caption
        self.crop = min(max(crop, 0.1), 1.0)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def picture(self) -> Picture:
        """Where the picture sits in the flowable, and the rows of words above it."""
        art = art_for(self.view)
        # A caption row (when there is a caption) above a row naming the client's sides.
        words_y = self.height - SIDE_WORD_SIZE - 1
        caption_y = words_y
        if self.caption:
            words_y -= SIDE_WORD_SIZE + 5
        head = self.height - words_y + 5
        scale = min(self.width / art.width, (self.height - head) / (art.height * self.crop))
        width, height = art.width * scale, art.height * scale
        x = (self.width - width) / 2
        return Picture(x, self.height - head - height, width, height, scale, caption_y, words_y)

    def placed_marks(self) -> list[tuple[HandoutMark, float, float, Symbol]]:
        """Each mark with where it is drawn in the flowable and its symbol."""
        picture = self.picture()
        return [
            (mark, *picture.at(min(max(mark.x, 0.0), 1.0), min(max(mark.y, 0.0), 1.0)), mark_symbol(mark))
            for mark in self.marks
        ]

    def _insets(self) -> tuple[list[Inset], list[Inset]]:
        return insets_used(self.view.name, ((mark.x, mark.y) for mark in self.marks))

    def _inset_captions(self) -> list[tuple[Inset, float, float, float]]:
        """Each inset shown, with its caption's centre, baseline and width."""
        picture = self.picture()
        shown, _ = self._insets()
        placed = []
        for inset in shown:
            centre, top = picture.at((inset.left + inset.right) / 2, inset.top)
            placed.append(
                (
                    inset,
                    centre,
                    top - INSET_CAPTION_SIZE,
                    text_width(self.tr.gettext(inset.caption), INSET_CAPTION_SIZE),
                )
            )
        return placed

    def labels(self) -> list[PlacedLabel]:
        """Where the marks' labels go: clear of the symbols, the inset captions and the landmarks."""
        picture = self.picture()
        keep_clear: list[Rect] = [
            (centre - width / 2, baseline - 2, centre + width / 2, baseline + INSET_CAPTION_SIZE)
            for _, centre, baseline, width in self._inset_captions()
        ]
        keep_clear += [picture.rect(part) for part in landmarks_of(self.view.name)]
        return place_labels(self.placed_marks(), picture.x + picture.width / 2, keep_clear)

    def draw(self) -> None:
        canvas = self.canv
        art = art_for(self.view)
        picture = self.picture()
        if self.caption:
            canvas.setFillColor(INK)
            draw_text(
                canvas,
                self.width / 2,
                picture.caption_y,
                self.caption,
                SIDE_WORD_SIZE + 1,
                bold=True,
                align="centre",
            )
        _, hidden = self._insets()
        if self.crop < 1.0 or hidden:
            # The picture cropped at the bottom, with any inset no mark uses cut out of it.
            canvas.saveState()
            clip = canvas.beginPath()
            shown_height = picture.height * self.crop
            clip.rect(picture.x, picture.y + picture.height - shown_height, picture.width, shown_height)
            for inset in hidden:
                x0, y0, x1, y1 = picture.rect(inset)
                clip.rect(x0, y0, x1 - x0, y1 - y0)
            canvas.clipPath(clip, stroke=0, fill=0, fillMode=FILL_EVEN_ODD)
            place_art(canvas, art, picture.x, picture.y, picture.scale)
            canvas.restoreState()
        else:
            place_art(canvas, art, picture.x, picture.y, picture.scale)
        canvas.setFillColor(MUTED)
        for inset, centre, baseline, _ in self._inset_captions():
            draw_text(
                canvas, centre, baseline, self.tr.gettext(inset.caption), INSET_CAPTION_SIZE, align="centre"
            )
        self._draw_side_words(canvas, picture)
        placed = self.placed_marks()
        # Severe marks last, so they sit on top where two overlap.
        order = sorted(placed, key=lambda item: item[3].ring.width if item[3].ring else 0.0)
        for mark, px, py, symbol in order:
            draw_symbol(canvas, symbol, px, py, mark.needles)
        draw_labels(canvas, self.labels())

    def _draw_side_words(self, canvas: Canvas, picture: Picture) -> None:
        right, left = self.side_words
        reader_left, reader_right = (right, left) if self.view.facing == "front" else (left, right)
        canvas.setFillColor(MUTED)
        shown = self.view.side_shown
        if shown is not None:
            # A profile shows one side: its word goes over the middle of the picture.
            word = right if shown == "right" else left
            centre = picture.x + picture.width / 2
            draw_text(canvas, centre, picture.words_y, word, SIDE_WORD_SIZE, bold=True, align="centre")
            return
        # Over the picture's edges; over the cell's when the picture is too narrow for both words.
        words = text_width(reader_left, SIDE_WORD_SIZE, bold=True) + text_width(
            reader_right, SIDE_WORD_SIZE, bold=True
        )
        left_x, right_x = (
            (picture.x, picture.x + picture.width) if picture.width >= words + 6 else (0.0, self.width)
        )
        draw_text(canvas, left_x, picture.words_y, reader_left, SIDE_WORD_SIZE, bold=True)
        draw_text(canvas, right_x, picture.words_y, reader_right, SIDE_WORD_SIZE, bold=True, align="right")


def views_for(marks: Iterable[HandoutMark]) -> list[DiagramView]:
    """The catalogue views that carry at least one of ``marks``, in the catalogue's order."""
    wanted = {mark.view for mark in marks}
    return [view for name, view in VIEWS.items() if name in wanted]
