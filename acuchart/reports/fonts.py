"""The fonts embedded in every report, and text prepared so that any script finds a font that has it.

Noto Sans sets Latin (with every accent), Greek and Cyrillic; Noto Sans Hebrew and Noto Sans Arabic set
right-to-left names; Droid Sans Fallback sets hanzi (point names such as 四白) and other CJK text. All
live in ``resources/fonts``; reportlab embeds only the glyphs a document uses.

reportlab 5 reorders right-to-left text only with its optional ``rlbidi`` package and shapes Arabic
only with ``uharfbuzz``; we use python-bidi (reordering) and arabic-reshaper (joining forms) instead,
which are small and need nothing else. Text is reordered per line before it is laid out, which suits
names and short notes; a long right-to-left paragraph that wraps keeps its words but not its line order.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import cache, lru_cache
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from acuchart.reports import RESOURCES

FONT_DIR = RESOURCES / "fonts"

SANS = "AcuSans"
SANS_BOLD = "AcuSans-Bold"
CJK = "AcuCJK"


@dataclass(frozen=True)
class _Family:
    name: str
    regular: str
    bold: str


# The base family first; the others in the order a character not in the base is looked for.
_FAMILIES: tuple[_Family, ...] = (
    _Family(SANS, "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    _Family("AcuHebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"),
    _Family("AcuArabic", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    _Family(CJK, "DroidSansFallbackFull.ttf", "DroidSansFallbackFull.ttf"),
)

# The bold face of each family; a family without a bold cut (CJK) uses its regular face, embedded once.
_BOLD: dict[str, str] = {
    family.name: family.name if family.bold == family.regular else f"{family.name}-Bold"
    for family in _FAMILIES
}

_lock = threading.Lock()
_glyphs: dict[str, dict[int, int]] = {}


def register_fonts() -> None:
    """Register the embedded fonts with reportlab (once per process; later calls return at once)."""
    if _glyphs:
        return
    with _lock:
        if _glyphs:
            return
        loaded: dict[str, dict[int, int]] = {}
        for family in _FAMILIES:
            regular = TTFont(family.name, str(FONT_DIR / family.regular))
            pdfmetrics.registerFont(regular)
            bold_name = _BOLD[family.name]
            if bold_name != family.name:
                pdfmetrics.registerFont(TTFont(bold_name, str(FONT_DIR / family.bold)))
            pdfmetrics.registerFontFamily(
                family.name, normal=family.name, bold=bold_name, italic=family.name, boldItalic=bold_name
            )
            loaded[family.name] = regular.face.charToGlyph
        _glyphs.update(loaded)


# Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan and their presentation forms: the right-to-left blocks.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]|[\U00010800-\U00010fff]|[\U0001e800-\U0001efff]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")


def visual(text: str) -> str:
    """``text`` in the order it is drawn: right-to-left runs reordered, Arabic letters joined.

    Left-to-right text comes back unchanged (and fast).
    """
    if text.isascii() or not _RTL.search(text):
        return text
    if _ARABIC.search(text):
        text = arabic_reshaper.reshape(text)
    return "\n".join(str(get_display(line)) for line in text.split("\n"))


@cache
def _family_for(char: str) -> str | None:
    """The family that has ``char``, or None when the base family should carry it (neutral or missing)."""
    code = ord(char)
    if code in _glyphs[SANS]:
        return None
    for family in _FAMILIES[1:]:
        if code in _glyphs[family.name]:
            return family.name
    return None


def runs(text: str) -> list[tuple[str, str]]:
    """``text`` split into ``(family, chunk)`` runs, each drawn in one font.

    A space, digit or punctuation mark between two runs of one fallback family stays in that run, so a
    Hebrew or Chinese name is not cut into pieces. ``text`` should already be in visual order.
    """
    register_fonts()
    if text.isascii():
        return [(SANS, text)] if text else []
    result: list[tuple[str, str]] = []
    family = SANS
    chunk: list[str] = []
    for char in text:
        wanted = _family_for(char)
        if wanted is None:
            neutral = not char.isalpha() and ord(char) in _glyphs[family]
            wanted = family if neutral else SANS
        if wanted != family and chunk:
            result.append((family, "".join(chunk)))
            chunk = []
        family = wanted
        chunk.append(char)
    if chunk:
        result.append((family, "".join(chunk)))
    return result


@lru_cache(maxsize=4096)
def _pieces(text: str) -> tuple[tuple[str, str], ...]:
    """``text`` in visual order, split into runs (both costly, and every document repeats its words)."""
    return tuple(runs(visual(text)))


@lru_cache(maxsize=4096)
def markup(text: str, bold: bool = False) -> str:
    """``text`` as reportlab Paragraph markup: escaped, in visual order, each script in a font that has it.

    ``**bold**`` spans (as the handout templates write them) become ``<b>`` tags. Pass ``bold=True``
    when the paragraph's style is bold, so that Hebrew, Arabic and CJK runs are set bold too.
    """
    parts = text.split("**")
    out: list[str] = []
    for index, part in enumerate(parts):
        # Odd parts sat between two ** markers; a lone trailing ** is printed as written.
        span = index % 2 == 1 and index < len(parts) - 1
        inner = "".join(
            escape(chunk)
            if family == SANS
            else f'<font name="{_font_name(family, bold or span)}">{escape(chunk)}</font>'
            for family, chunk in _pieces(part)
        )
        if span:
            out.append(f"<b>{inner}</b>")
        elif index % 2 == 1:
            out.append("**" + inner)
        else:
            out.append(inner)
    return "".join(out)


def _font_name(family: str, bold: bool) -> str:
    return _BOLD[family] if bold else family


def text_width(text: str, size: float, bold: bool = False) -> float:
    """How wide ``text`` is when drawn with :func:`draw_text`, in points."""
    return sum(
        pdfmetrics.stringWidth(chunk, _font_name(family, bold), size) for family, chunk in _pieces(text)
    )


def draw_text(
    canvas: Canvas, x: float, y: float, text: str, size: float, bold: bool = False, align: str = "left"
) -> float:
    """Draw one line of ``text`` on ``canvas`` at baseline ``y``, mixing fonts as needed.

    ``align`` is "left", "right" or "centre" about ``x``. Returns the drawn width.
    """
    pieces = _pieces(text)
    width = sum(pdfmetrics.stringWidth(chunk, _font_name(family, bold), size) for family, chunk in pieces)
    if align == "right":
        x -= width
    elif align == "centre":
        x -= width / 2
    for family, chunk in pieces:
        name = _font_name(family, bold)
        canvas.setFont(name, size)
        canvas.drawString(x, y, chunk)
        x += pdfmetrics.stringWidth(chunk, name, size)
    return width
