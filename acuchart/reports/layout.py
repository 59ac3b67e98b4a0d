"""The look every printed record shares: colours, margins, type styles, tables, advice texts as
flowables, and dates as a reader says them. The pages themselves are in :mod:`acuchart.reports.pages`."""

from __future__ import annotations

import copy
import datetime as dt
import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

from acuchart.reports.fonts import SANS, SANS_BOLD, markup, register_fonts, text_width
from acuchart.reports.reuse import draw_or_replay
from acuchart.reports.texts import Block, blocks

log = logging.getLogger(__name__)

INK = colors.HexColor("#1F2A30")
MUTED = colors.HexColor("#5B6770")
ACCENT = colors.HexColor("#2F6F73")
ACCENT_DARK = colors.HexColor("#1E4F52")
BAND = colors.HexColor("#EAF2F1")
RULE = colors.HexColor("#C9D6D5")
SOFT = colors.HexColor("#F5F8F8")
WARN = colors.HexColor("#9B1B30")
_MUTED_HEX = "#" + MUTED.hexval()[2:]

MARGIN = 18 * mm

BODY_SIZE = 10.5


PARSED_CACHE_SIZE = 4096
"""How many paragraphs' parsed markup are kept for reuse (the advice texts, the table cells' words)."""


@lru_cache(maxsize=PARSED_CACHE_SIZE)
def _parsed(
    text: str, style: ParagraphStyle, case_sensitive: int
) -> tuple[str, ParagraphStyle, tuple[Any, ...], tuple[Any, ...] | None]:
    """``text`` parsed into reportlab's fragments for ``style``, as :meth:`Paragraph._setup` does it.

    The styles are the cached ones of :func:`styles` and :func:`_derived`, so the same text in the
    same style is parsed once per process. The fragments kept here are never handed out: each
    paragraph gets copies (see :func:`_fresh`), since reportlab changes fragments as it lays out.
    """
    cleaned = cleanBlockQuotedText(text)
    parser = ParaParser()
    parser.caseSensitive = case_sensitive
    parsed_style, frags, bullet_frags = parser.parse(cleaned, style)
    if frags is None:
        raise ValueError(f"xml parser error ({parser.errors[0]}) in paragraph beginning\n'{cleaned[:30]}'")
    textTransformFrags(frags, parsed_style)
    return cleaned, parsed_style, tuple(frags), tuple(bullet_frags) if bullet_frags else None


def _fresh(frag: Any) -> Any:
    """A copy of a parsed fragment that reportlab may change freely (its lists copied too)."""
    copy = frag.clone()
    for key, value in copy.__dict__.items():
        if isinstance(value, list):
            copy.__dict__[key] = list(value)
    return copy


LAYOUT_CACHE_SIZE = 2048
"""How many paragraphs' line breaks are kept for reuse, each for one width."""

_layouts: OrderedDict[tuple[Any, ...], tuple[dict[str, Any], tuple[float, float]]] = OrderedDict()
_layouts_lock = threading.Lock()
_OWN_STATE = ("_laid_out", "_key", "_shared")


class _Paragraph(Paragraph):
    """A paragraph that parses its markup and breaks its lines once per process for each text, style
    and width, and remembers its last layout: tables and keep-together blocks measure the same
    paragraph several times, every handout prints the same advice, and breaking lines and parsing
    markup are the costliest steps of a page.

    What the caches hold is shared, never changed: reportlab changes a paragraph's fragments and
    lines only when it breaks them again or splits the paragraph over a page, and before either this
    paragraph takes copies of its own (:meth:`_own`). (Drawing only reads them, except for
    right-to-left word wrapping, which our styles never ask for, and is not cached.)
    """

    _laid_out: tuple[float, tuple[float, float]] | None = None
    _key: tuple[Any, ...] | None = None
    _shared = False

    def _setup(self, text: Any, style: Any, bullet_text: Any, frags: Any, cleaner: Any) -> None:
        if frags is not None or cleaner is not cleanBlockQuotedText or not isinstance(text, str):
            super()._setup(text, style, bullet_text, frags, cleaner)
            return
        cleaned, parsed_style, parsed, bullet = _parsed(text, style, self.caseSensitive)
        if bullet is not None:  # a <bullet> tag in the text, as reportlab reads it
            bullet_text = [_fresh(frag) for frag in bullet]
        elif not parsed_style.wordWrap and (bullet_text is None or isinstance(bullet_text, str)):
            self._key = (cleaned, parsed_style, self.caseSensitive, bullet_text)
        # With fragments given, reportlab keeps them as they are and parses nothing; they are the
        # cache's until this paragraph needs its own.
        super()._setup(cleaned, parsed_style, bullet_text, list(parsed), cleaner)
        self._shared = True

    def _own(self) -> None:
        """Take copies of whatever this paragraph shares with the caches, before reportlab changes it."""
        if not self._shared:
            return
        state = self.__dict__
        if "blPara" in state:
            # One copy of both, so that fragments the lines share with the word list stay shared.
            state["frags"], state["blPara"] = copy.deepcopy((state["frags"], state["blPara"]))
        else:
            state["frags"] = [_fresh(frag) for frag in state["frags"]]
        self._shared = False

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # The height depends only on the width (available_height matters only when splitting).
        laid_out = self._laid_out
        if laid_out is not None and laid_out[0] == available_width and "blPara" in self.__dict__:
            return laid_out[1]
        key = None if self._key is None else (*self._key, available_width)
        if key is not None:
            with _layouts_lock:
                found = _layouts.get(key)
                if found is not None:
                    _layouts.move_to_end(key)
            if found is not None:
                state, size = found
                self.__dict__.update(state)
                self._shared = True
                self._laid_out = (available_width, size)
                return size
        self._own()
        before = dict(self.__dict__)
        size = super().wrap(available_width, available_height)
        self._laid_out = (available_width, size)
        if key is not None:
            state = {
                name: value
                for name, value in self.__dict__.items()
                if name not in _OWN_STATE and (name not in before or before[name] is not value)
            }
            with _layouts_lock:
                _layouts[key] = (state, size)
                if len(_layouts) > LAYOUT_CACHE_SIZE:
                    _layouts.popitem(last=False)
            self._shared = True
        return size

    def draw(self) -> None:
        # Cached lines draw the same operators in any document whose fonts encode them alike.
        if self._key is None or self._laid_out is None:
            super().draw()
            return
        text, bullet_text = self._key[0], self._key[3]
        key = (*self._key, self._laid_out[0])
        draw_or_replay(self.canv, key, text + (bullet_text or ""), super().draw)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self._own()
        parts: list[Flowable] = super().split(available_width, available_height)
        return parts


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles, by name: title, lead, h2, h3, body, bullet, small, cell, cell_bold, cell_small, cell_small_bold, cell_muted, label."""
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=SANS, fontSize=BODY_SIZE, leading=14.5, textColor=INK, spaceAfter=5
    )
    return {
        "title": ParagraphStyle("title", body, fontName=SANS_BOLD, fontSize=19, leading=24, spaceAfter=2),
        "lead": ParagraphStyle("lead", body, fontSize=11, leading=15, textColor=MUTED, spaceAfter=8),
        "h2": ParagraphStyle(
            "h2",
            body,
            fontName=SANS_BOLD,
            fontSize=13,
            leading=17,
            textColor=ACCENT_DARK,
            spaceBefore=12,
            spaceAfter=5,
            keepWithNext=1,  # a heading never ends a page alone
        ),
        "h3": ParagraphStyle(
            "h3",
            body,
            fontName=SANS_BOLD,
            fontSize=11,
            leading=15,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "body": body,
        "bullet": ParagraphStyle(
            "bullet", body, leftIndent=13, bulletIndent=2, spaceAfter=2.5, bulletFontName=SANS
        ),
        "small": ParagraphStyle("small", body, fontSize=8.5, leading=11, textColor=MUTED, spaceAfter=2),
        "cell": ParagraphStyle("cell", body, fontSize=10, leading=13, spaceAfter=0, alignment=TA_LEFT),
        "cell_bold": ParagraphStyle(
            "cell_bold", body, fontName=SANS_BOLD, fontSize=10, leading=13, spaceAfter=0
        ),
        "cell_small": ParagraphStyle("cell_small", body, fontSize=9, leading=11.5, spaceAfter=0),
        "cell_small_bold": ParagraphStyle(
            "cell_small_bold", body, fontName=SANS_BOLD, fontSize=9, leading=11.5, spaceAfter=0
        ),
        "cell_muted": ParagraphStyle(
            "cell_muted", body, fontSize=9, leading=12, textColor=MUTED, spaceAfter=0
        ),
        "label": ParagraphStyle(
            "label", body, fontSize=8, leading=10, textColor=MUTED, spaceAfter=1, fontName=SANS_BOLD
        ),
    }


@cache
def _derived(style: str, overrides: tuple[tuple[str, Any], ...]) -> ParagraphStyle:
    """The named style with ``overrides``, made once per process (so paragraphs in it share parses)."""
    return ParagraphStyle(f"{style}+", styles()[style], **dict(overrides))


def _style(style: str, overrides: dict[str, Any]) -> ParagraphStyle:
    return _derived(style, tuple(sorted(overrides.items()))) if overrides else styles()[style]


def para(text: str, style: str = "body", **overrides: Any) -> Paragraph:
    """A paragraph of plain ``text`` (any script; ``**bold**`` allowed) in the named style."""
    chosen = _style(style, overrides)
    return _Paragraph(_lines(text, chosen), chosen)


def _lines(text: str, style: ParagraphStyle) -> str:
    """Markup for ``text`` in ``style`` that keeps its line breaks."""
    return markup(text, bold=style.fontName == SANS_BOLD).replace("\n", "<br/>")


def bullet(text: str, **overrides: Any) -> Paragraph:
    """A bulleted paragraph of plain ``text`` (``**bold**`` allowed)."""
    return _Paragraph(markup(text), _style("bullet", overrides), bulletText="•")


NOTE_SIZE = 8.8
"""The size of the muted notes under a cell's text (8.5 under the smaller cells of a narrow list)."""


def cell(main: str, *notes: str, style: str = "cell") -> Paragraph:
    """A table cell: ``main`` text, then each of ``notes`` on its own line, smaller and muted."""
    chosen = styles()[style]
    xml = _lines(main, chosen)
    size = NOTE_SIZE if chosen.fontSize >= 10 else 8.5
    for note in notes:
        if note:
            xml += f'<br/><font size="{size}" color="{_MUTED_HEX}">{_lines(note, chosen)}</font>'
    return _Paragraph(xml, chosen)


COMPACT_TEXT: dict[str, Any] = {"fontSize": BODY_SIZE - 1, "leading": 12.5, "spaceAfter": 3}
"""The advice text a size smaller and closer, for a handout that would otherwise run onto a third page."""


def template_story(text: str, heading_style: str = "h2", compact: bool = False) -> list[Flowable]:
    """An advice template (see :mod:`acuchart.reports.texts`) as flowables; its title as a heading.

    ``compact`` sets the text a size smaller and the headings closer (see :data:`COMPACT_TEXT`).
    """
    story: list[Flowable] = []
    for block in blocks(text):
        story.append(_block_flowable(block, heading_style, compact))
    if story:
        # Keep a title with the two blocks that follow it (an introduction and the first bullet).
        story[0:3] = [KeepTogether(story[0:3])]
    return story


def _block_flowable(block: Block, heading_style: str, compact: bool = False) -> Flowable:
    text: dict[str, Any] = dict(COMPACT_TEXT) if compact else {}
    if block.kind == "title":
        return para(block.text, heading_style, **({"spaceBefore": 8, "spaceAfter": 3} if compact else {}))
    if block.kind == "heading":
        return para(block.text, "h3", **({"spaceBefore": 3, "spaceAfter": 2} if compact else {}))
    if block.kind == "bullet":
        return bullet(block.text, **{**text, "spaceAfter": 1.5} if compact else text)
    return para(block.text, **text)


def capitalised(text: str) -> str:
    """``text`` with its first letter in upper case ("left cheek" -> "Left cheek")."""
    return text[:1].upper() + text[1:]


def long_date(day: dt.date) -> str:
    """ "Tuesday 14 May 2024"."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(day: dt.date) -> str:
    """ "14 May 2024"."""
    return f"{day.day} {day:%B %Y}"


def compact_date(day: dt.date) -> str:
    """ "14 May 24" style for narrow table cells: "14 May 2024" without the weekday, month abbreviated."""
    return f"{day.day} {day:%b %Y}"


def clock_time(moment: dt.datetime) -> str:
    """ "10:30"."""
    return f"{moment:%H:%M}"


def appointment(moment: dt.date) -> str:
    """A booked appointment: the day, and the time when one is set."""
    if isinstance(moment, dt.datetime):
        return f"{long_date(moment)} at {clock_time(moment)}"
    return long_date(moment)


def stamp(moment: dt.datetime) -> str:
    """A moment as an auditor reads it: "14 May 2024, 10:32"."""
    return f"{short_date(moment)}, {clock_time(moment)}"


def gap(height_mm: float) -> Spacer:
    """Vertical space."""
    return Spacer(1, height_mm * mm)


def facts(items: Sequence[tuple[str, str]], width: float) -> Table:
    """A calm strip of facts side by side, each a small label over its value ("CLIENT" / "Zoë Müller")."""
    cells = [[para(label.upper(), "label"), para(value, "cell_bold")] for label, value in items]
    # Each column gets what its words need, and the room left over is shared out evenly; when the
    # words need more than there is, the widest give way first.
    padding = 16.0
    needs = [
        max(text_width(value, 10, bold=True), text_width(label.upper(), 8, bold=True)) + padding
        for label, value in items
    ]
    if sum(needs) <= width:
        spare = (width - sum(needs)) / len(needs)
        widths = [need + spare for need in needs]
    else:
        cap = width / len(needs)
        small = [need for need in needs if need <= cap]
        while True:
            large = len(needs) - len(small)
            cap = (width - sum(small)) / large if large else cap
            fitting = [need for need in needs if need <= cap]
            if len(fitting) == len(small):
                break
            small = fitting
        widths = [min(need, cap) for need in needs]
    table = Table([cells], colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), SOFT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBEFORE", (1, 0), (-1, -1), 0.6, RULE),
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, ACCENT),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def grid(
    rows: Sequence[Sequence[Flowable | str]], widths: Sequence[float], header: bool = True, padding: float = 4
) -> Table:
    """A table with a quiet header row, hairlines between rows, and rows that may break across pages;
    ``padding`` around each cell's text (a little more below)."""
    table = Table([list(row) for row in rows], colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding + 1),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), BAND), ("LINEBELOW", (0, 0), (-1, 0), 0.9, ACCENT)]
    table.setStyle(TableStyle(commands))
    return table


def details(rows: Sequence[tuple[str, str]], width: float, label_width: float = 42 * mm) -> Table:
    """Label and value pairs, one per line, for a record's fields; empty values print as "—"."""
    table = Table(
        [[cell(label, style="cell_muted"), cell(value or "—")] for label, value in rows],
        colWidths=[label_width, width - label_width],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table
