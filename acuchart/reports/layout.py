"""The look every printed record shares: colours, margins, type styles, and text as flowables
(paragraphs, bullets, table cells, the advice texts). Tables are in :mod:`acuchart.reports.tables`,
dates and times in :mod:`acuchart.reports.wording`, the pages in :mod:`acuchart.reports.pages`."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaParser

from acuchart.reports.fonts import SANS, SANS_BOLD, markup, register_fonts
from acuchart.reports.texts import Block, blocks

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
"""How many paragraphs' parsed markup are kept (the advice texts and table words every document repeats)."""


@lru_cache(maxsize=PARSED_CACHE_SIZE)
def _parsed(text: str, style: ParagraphStyle) -> tuple[str, ParagraphStyle, tuple[Any, ...]] | None:
    """``text`` cleaned and parsed into reportlab's fragments for ``style``, once per process (the
    styles are the cached ones of :func:`styles`); None when it holds a ``<bullet>`` tag, which is
    left to reportlab. Fragments kept here are never handed out, only copies (see :func:`_fresh`)."""
    cleaned = cleanBlockQuotedText(text)
    parser = ParaParser()
    parsed_style, frags, bullet_frags = parser.parse(cleaned, style)
    if frags is None:
        raise ValueError(f"xml parser error ({parser.errors[0]}) in paragraph beginning\n'{cleaned[:30]}'")
    if bullet_frags:
        return None
    return cleaned, parsed_style, tuple(frags)


def _fresh(frag: Any) -> Any:
    """A copy of a parsed fragment that reportlab may change as it lays the paragraph out."""
    made = frag.clone()
    for key, value in vars(made).items():
        if isinstance(value, list):
            setattr(made, key, list(value))
    return made


class _Paragraph(Paragraph):
    """A paragraph that takes its parsed markup from a cache, and breaks its lines once for a width.

    Both through reportlab's public interface: fragments go in through the constructor's ``frags``,
    and :meth:`wrap` remembers the size for the width it was last given (the height depends on the
    width alone), so a table or a keep-together block that measures it again does not break its
    lines again. The lines reportlab draws and splits are always those of the last real wrap.
    """

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        bulletText: Any = None,  # noqa: N803 (reportlab's name: split() passes it so)
        frags: list[Any] | None = None,
        **options: Any,
    ) -> None:
        if frags is None and isinstance(text, str):
            found = _parsed(text, style)
            if found is not None:
                text, style, parsed = found
                frags = [_fresh(frag) for frag in parsed]
        super().__init__(text, style, bulletText, frags, **options)
        self._acu_measured: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        measured = self._acu_measured
        if measured is not None and measured[0] == availWidth:
            return measured[1]
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._acu_measured = (availWidth, size)
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self._acu_measured = None  # splitting may drop the lines; the next wrap breaks them again
        parts: list[Flowable] = super().split(availWidth, availHeight)
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


def template_story(
    text: str, heading_style: str = "h2", compact: bool = False, keep_title: bool = True
) -> list[Flowable]:
    """An advice template (see :mod:`acuchart.reports.texts`) as flowables; its title as a heading.

    ``compact`` sets the text a size smaller and the headings closer (see :data:`COMPACT_TEXT`).
    The title is kept with the two blocks after it unless ``keep_title`` is False (for a caller that
    keeps the whole text together itself: reportlab measures a KeepTogether inside another as
    endlessly tall).
    """
    story: list[Flowable] = []
    for block in blocks(text):
        story.append(_block_flowable(block, heading_style, compact))
    if story and keep_title:
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


def gap(height_mm: float) -> Spacer:
    """Vertical space."""
    return Spacer(1, height_mm * mm)
