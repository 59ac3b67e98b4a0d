"""The marker symbols on paper (each drawn once per document as a form XObject) and the legend that
explains them; what each symbol looks like is :mod:`acuchart.reports.symbols`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from acuchart.i18n import ENGLISH, N_, Language
from acuchart.reports.data import HandoutMark
from acuchart.reports.fonts import draw_text, text_width
from acuchart.reports.layout import INK
from acuchart.reports.symbols import SYMBOLS, Symbol, symbol_for


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


COUNT_WORDS = N_(" (number: how many)")
"""Added to the words of a symbol that shows a count, when the legend cannot show the real one."""


class Legend(Flowable):
    """The symbols used, each with its words, in equal columns that fit ``width``.

    A symbol that shows a needle count shows the count the diagram shows (``counts``, by symbol key);
    where its marks differ, it shows none and says what the number means. Never a made-up number."""

    ROW = 15.0
    TEXT_SIZE = 8.5

    def __init__(
        self,
        symbols: Sequence[Symbol],
        width: float,
        counts: Mapping[str, int] | None = None,
        tr: Language = ENGLISH,
    ) -> None:
        super().__init__()
        self.tr = tr
        self.symbols = tuple(symbols)
        self.width = width
        self.counts = dict(counts or {})
        self._columns = 1
        self._column_width = width

    @classmethod
    def words(cls, symbol: Symbol, counts: Mapping[str, int], tr: Language = ENGLISH) -> str:
        """What the legend says beside ``symbol``, in ``tr``."""
        if symbol.key.startswith("free_reaction_"):  # a free marker with a reaction: both in one line
            reaction = tr.gettext(SYMBOLS[symbol.key.removeprefix("free_")].label)
            label = tr.gettext("Intradermal needles, {reaction}").format(
                reaction=reaction[:1].lower() + reaction[1:]
            )
        else:
            label = tr.gettext(symbol.label)
        return label + (tr.gettext(COUNT_WORDS) if symbol.shows_count and symbol.key not in counts else "")

    @classmethod
    def natural_width(
        cls, symbols: Sequence[Symbol], counts: Mapping[str, int] | None = None, tr: Language = ENGLISH
    ) -> float:
        """The width of one column of the legend: the widest entry."""
        return max(
            (18 + text_width(cls.words(s, counts or {}, tr), cls.TEXT_SIZE) + 10 for s in symbols),
            default=1.0,
        )

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = min(self.width, available_width)
        widest = self.natural_width(self.symbols, self.counts, self.tr)
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
            draw_symbol(canvas, symbol, x + 7, y, self.counts.get(symbol.key))
            canvas.setFillColor(INK)
            draw_text(canvas, x + 18, y - 3, self.words(symbol, self.counts, self.tr), self.TEXT_SIZE)


def legend_counts(marks: Iterable[HandoutMark]) -> dict[str, int]:
    """For each symbol that shows a count, the count its marks all show (left out where they differ)."""
    found: dict[str, set[int]] = {}
    for mark in marks:
        symbol = mark_symbol(mark)
        if symbol.shows_count:
            found.setdefault(symbol.key, set()).add(mark.needles)
    return {key: next(iter(counts)) for key, counts in found.items() if len(counts) == 1}


def legend_symbols(marks: Iterable[HandoutMark]) -> list[Symbol]:
    """The symbols ``marks`` use, in the legend's order (the needled dot always first)."""
    used = {symbol.key: symbol for symbol in map(mark_symbol, marks)}
    used.setdefault("needled", SYMBOLS["needled"])
    ordered = [symbol for key, symbol in SYMBOLS.items() if key in used]
    return ordered + [symbol for key, symbol in used.items() if key not in SYMBOLS]
