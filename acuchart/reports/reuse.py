"""What one document can take over from the one before: a paragraph's drawing operators, and the
compressed font programs.

Every handout prints the same advice paragraphs, headings and table words, and reportlab turns each
into PDF operators afresh: the costliest step of a page after the caches of :mod:`acuchart.reports.layout`.
A paragraph's operators depend on its lines (which the layout cache already shares), on the canvas
state it starts from, and on the document's fonts: which internal name each font has (``/F1``) and
which byte each character was given in the font's subset. The first two are part of the key; the
fonts are checked, and a paragraph is drawn afresh whenever the document would encode it otherwise.

Each document also starts its fonts the same way: the base fonts get their internal names first
(:func:`seed_fonts`), and each font gives its ``seed`` characters (the advice texts' punctuation, the
catalogue's hanzi) the same bytes as soon as a document first uses it (:class:`ReusingTTFont`), so
that most paragraphs encode the same in every handout, whoever it is for.

A font program, its character map and its widths are the same bytes in every document that uses the
same characters: :class:`ReusingTTFont` builds each subset and writes its widths once per process, and
:func:`remember_font_streams` compresses each program and map once.
"""

from __future__ import annotations

import re
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

DRAWN_CACHE_SIZE = 2048
"""How many paragraphs' drawing operators are kept for reuse."""

SEEDED = "•–—‘’“”…·×°"
"""Punctuation the text fonts give the same bytes in every document (a few glyphs, embedded always)."""

_FONT_USE = re.compile(r"(/F\d+)(?:\+\d+)? [\d.]+ Tf")


@dataclass(frozen=True)
class _Font:
    """One font a paragraph drew with, and what its operators took for granted about the document."""

    name: str
    internal: str
    known: tuple[tuple[int, int], ...]
    """Characters (code, byte) the font had already been given before the paragraph was drawn."""
    added: tuple[tuple[int, int], ...]
    """Characters (code, byte) the drawing gave the font, in the order it gave them."""
    next_code: int
    """The font's next free byte before the paragraph was drawn."""


@dataclass(frozen=True)
class _Drawn:
    operators: tuple[str, ...]
    fonts: tuple[_Font, ...]


_drawn: OrderedDict[tuple[Any, ...], _Drawn] = OrderedDict()
_drawn_lock = threading.Lock()
replays = 0
"""How many paragraphs were appended from the cache rather than drawn (for tests and benchmarks)."""


def clear() -> None:
    """Forget every paragraph's operators, written widths and compressed font (the tests' cold start)."""
    with _drawn_lock:
        _drawn.clear()
    _formatted_numbers.cache_clear()
    flate = pdfdoc.PDFZCompress
    if isinstance(flate, _RememberingFlate):
        with flate._lock:
            flate._kept.clear()


def canvas_state(canvas: Canvas) -> tuple[Any, ...]:
    """What a paragraph's operators depend on in the canvas it is drawn on (besides the fonts)."""
    return (canvas._fontname, canvas._fontsize, canvas._leading, canvas.bottomup)


def _ttf_state(name: str, doc: Any) -> Any:
    font = pdfmetrics.getFont(name)
    return font.state.get(doc) if isinstance(font, TTFont) else None


def draw_or_replay(canvas: Canvas, key: tuple[Any, ...], text: str, draw: Callable[[], None]) -> None:
    """Draw a paragraph with ``draw``, or append the operators it drew last time under ``key``.

    ``text`` is every character the paragraph prints (markup may be included); its non-ASCII
    characters are the ones whose bytes are checked. ASCII has the same bytes in every document.
    """
    key = (*key, *canvas_state(canvas))
    doc = canvas._doc
    with _drawn_lock:
        found = _drawn.get(key)
        if found is not None:
            _drawn.move_to_end(key)
    if found is not None and _replay(canvas, doc, found):
        return
    wide = sorted({ord(char) for char in text if ord(char) > 127})
    before = _assignments(doc, wide)
    start = len(canvas._code)
    draw()
    operators = tuple(canvas._code[start:])
    fonts = _fonts_used(doc, operators, wide, before)
    if fonts is None:
        return
    with _drawn_lock:
        _drawn[key] = _Drawn(operators, fonts)
        if len(_drawn) > DRAWN_CACHE_SIZE:
            _drawn.popitem(last=False)


def _assignments(doc: Any, wide: list[int]) -> dict[str, tuple[dict[int, int], int, int]]:
    """For each text font the document uses: its bytes for ``wide``, its count of characters, its next byte."""
    found: dict[str, tuple[dict[int, int], int, int]] = {}
    for name in doc.fontMapping:
        state = _ttf_state(name, doc)
        if state is not None:
            given = state.assignments
            found[name] = ({code: given[code] for code in wide if code in given}, len(given), state.nextCode)
    return found


def _fonts_used(
    doc: Any, operators: tuple[str, ...], wide: list[int], before: dict[str, tuple[dict[int, int], int, int]]
) -> tuple[_Font, ...] | None:
    """The fonts ``operators`` name, each with what it assumed; None when they cannot be reused."""
    internal = set(_FONT_USE.findall("\n".join(operators)))
    by_internal = {value: name for name, value in doc.fontMapping.items()}
    fonts: list[_Font] = []
    for tag in sorted(internal):
        name = by_internal.get(tag)
        if name is None or name not in before:
            return None  # a font new to this document, or not a text font: not worth the bookkeeping
        known, count, next_code = before[name]
        state = _ttf_state(name, doc)
        added = tuple(list(state.assignments.items())[count:])
        fonts.append(_Font(name, tag, tuple(known.items()), added, next_code))
    return tuple(fonts)


def _replay(canvas: Canvas, doc: Any, drawn: _Drawn) -> bool:
    """Append ``drawn``'s operators when this document encodes its text the same way; else False."""
    states = []
    for font in drawn.fonts:
        if doc.fontMapping.get(font.name) != font.internal:
            return False
        state = _ttf_state(font.name, doc)
        given = state.assignments
        if any(given.get(code) != byte for code, byte in font.known):
            return False
        missing = [code for code, _ in font.added if code not in given]
        if missing:
            # The characters this paragraph gave its font first: they get the same bytes here only
            # when none of them has one yet and the font is at the same next byte.
            if len(missing) != len(font.added) or state.nextCode != font.next_code or state.frozen:
                return False
        elif any(given[code] != byte for code, byte in font.added):
            return False
        states.append((font, missing))
    for font, missing in states:
        if missing:
            pdfmetrics.getFont(font.name).splitString("".join(map(chr, missing)), doc)
    canvas._code.extend(drawn.operators)
    global replays
    replays += 1
    return True


def seed_fonts(canvas: Canvas, names: tuple[str, ...]) -> None:
    """Start the fonts ``names`` in this document: their seed characters, then their internal names
    in this order."""
    doc = canvas._doc
    for name in names:
        font = pdfmetrics.getFont(name)
        font.splitString("", doc)  # a ReusingTTFont takes its seed on first use
        font.getSubsetInternalName(0, doc)


SUBSETS_KEPT = 32
"""How many embedded font subsets (and their widths) each font keeps for reuse."""


class ReusingTTFont(TTFont):
    """A TrueType font that builds each subset of its glyphs, and writes its widths, once per process.

    reportlab embeds in every document a subset of each font holding the characters it uses, built
    afresh each time; handouts mostly use the same characters, and the subset is the same bytes for
    the same characters (reportlab only reads it), so it is built once and reused.

    ``seed`` is text whose characters the font takes on, in that order, in every document as soon as
    the document first uses the font: their glyphs are always embedded, and always with the same bytes,
    so the subset and the paragraphs that use them are the same from one document to the next.
    """

    def __init__(self, name: str, filename: str, seed: str = "") -> None:
        super().__init__(name, filename)
        self.seed = seed
        make = self.face.makeSubset

        @lru_cache(maxsize=SUBSETS_KEPT)
        def cached(subset: tuple[int, ...]) -> bytes:
            made: bytes = make(list(subset))
            return made

        self.face.makeSubset = lambda subset: cached(tuple(subset))

    def splitString(self, text: str | bytes, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        if self.seed and doc not in self.state:
            super().splitString(self.seed, doc)
        split: list[tuple[int, bytes]] = super().splitString(text, doc, encoding)
        return split

    def addObjects(self, doc: Any) -> None:
        state = self.state.get(doc)
        names: list[str] = []
        if state is not None and state.internalName is not None:
            names = [f"{state.internalName}+{n}" for n in range(len(state.subsets))]
        super().addObjects(doc)
        fonts = doc.idToObject["BasicFonts"].dict
        for name in names:
            font = fonts.get(name)
            if font is None:
                continue
            widths: Any = getattr(font, "Widths", None)
            if type(widths) is pdfdoc.PDFArray:
                font.Widths = _Numbers(widths.sequence)


class _Numbers(pdfdoc.PDFArray):
    """An array of plain numbers (a font's widths), written out once per process for each content."""

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:  # noqa: N803 (reportlab's name)
        return _formatted_numbers(tuple(self.sequence), bool(rl_config.pdfMultiLine), IND)


@lru_cache(maxsize=SUBSETS_KEPT * 8)
def _formatted_numbers(numbers: Sequence[float], multiline: bool, indent: bytes) -> bytes:
    formatted: bytes = pdfdoc.PDFArray(numbers).format(None, indent)
    return formatted


class _RememberingFlate(pdfdoc.PDFStreamFilterZCompress):
    """FlateDecode as reportlab does it, remembering the result for font programs and character maps."""

    KEPT = 64

    def __init__(self) -> None:
        self._kept: OrderedDict[bytes | str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def encode(self, text: bytes | str) -> bytes:
        if not _is_font_data(text):
            return super().encode(text)
        with self._lock:
            found = self._kept.get(text)
            if found is not None:
                self._kept.move_to_end(text)
                return found
        made = zlib.compress(text.encode("utf8") if isinstance(text, str) else text)
        with self._lock:
            self._kept[text] = made
            if len(self._kept) > self.KEPT:
                self._kept.popitem(last=False)
        return made


def _is_font_data(text: bytes | str) -> bool:
    if isinstance(text, bytes):
        return text[:4] in (b"\x00\x01\x00\x00", b"true", b"OTTO")  # a TrueType or OpenType program
    return text.startswith("/CIDInit /ProcSet findresource begin")  # a ToUnicode character map


def remember_font_streams() -> None:
    """Compress each font program and character map once per process (every stream else as before)."""
    if not isinstance(pdfdoc.PDFZCompress, _RememberingFlate):
        pdfdoc.PDFZCompress = _RememberingFlate()
