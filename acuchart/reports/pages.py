"""Pages: the practice's paper, its header band on the first page, a running head on the others, and on
every page the footer with the practitioner's licence and "Page n of N".

The page count is known only once the whole story is laid out, so each page places a form XObject
named for its number (``canvas.doForm``, which may name a form defined later), and the forms saying
"Page n of N" are drawn when the document is saved.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageTemplate

from acuchart.i18n import ENGLISH, Language
from acuchart.reports.archival import archival as make_archival
from acuchart.reports.data import PracticeHeader
from acuchart.reports.fonts import SANS, draw_text, register_fonts
from acuchart.reports.layout import ACCENT, ACCENT_DARK, BAND, INK, MARGIN, MUTED, RULE

log = logging.getLogger(__name__)


def pdf_language(language: Language) -> str:
    """The document's language as a PDF names it (BCP 47: "es", "en-GB"), for screen readers and validators."""
    return language.locale.replace("_", "-").replace("-001", "")


BAND_HEIGHT = 28 * mm
RUNNING_HEAD = 15 * mm
FOOTER = 16 * mm


def page_size(practice: PracticeHeader) -> tuple[float, float]:
    """The paper the practice prints on, in points."""
    return letter if practice.paper_size == "Letter" else A4


def frame_width(practice: PracticeHeader) -> float:
    """The width text and tables may use, in points."""
    return page_size(practice)[0] - 2 * MARGIN


def footer_line(practice: PracticeHeader, tr: Language = ENGLISH) -> str:
    """The footer's words: practice, practitioner and licence number."""
    parts = [practice.practice_name, practice.practitioner_name]
    if practice.licence_number:
        parts.append(
            tr.gettext("Licence no. {licence_number}").format(licence_number=practice.licence_number)
        )
    return "  ·  ".join(part for part in parts if part)


def _page_number_form(number: int) -> str:
    return f"AcuPageNumber{number}"


class _NumberedCanvas(Canvas):
    """A canvas that writes "Page n of N" on every page: each page places the form for its number
    (:meth:`place_page_number`), and :meth:`save` draws those forms once N is known."""

    language: Language = ENGLISH
    """The document's language: set on the class made for each document (see :func:`build_pdf`)."""

    def __init__(self, *args: Any, pagesize: tuple[float, float] = A4, **kwargs: Any) -> None:
        super().__init__(*args, pagesize=pagesize, **kwargs)
        self.page_width, self.page_height = pagesize

    def place_page_number(self) -> None:
        """Place "Page n of N" for this page (drawn at :meth:`save`)."""
        self.doForm(_page_number_form(self.getPageNumber()))

    def save(self) -> None:
        total = self.getPageNumber() - 1  # the number the next page would have, less one
        for number in range(1, total + 1):
            self.beginForm(_page_number_form(number), 0, 0, self.page_width, self.page_height)
            self.setFillColor(MUTED)
            draw_text(
                self,
                self.page_width - MARGIN,
                FOOTER - 8 * mm,
                self.language.gettext("Page {number} of {total}").format(number=number, total=total),
                8.5,
                align="right",
            )
            self.endForm()
        super().save()


def _logo(path: Path | None) -> ImageReader | None:
    if path is None:
        return None
    try:
        return ImageReader(str(path))
    except Exception:  # an unreadable logo must never stop a printout
        log.warning("The practice logo %s could not be read; printing without it.", path, exc_info=True)
        return None


def _draw_band(canvas: Canvas, practice: PracticeHeader, logo: ImageReader | None, tr: Language) -> None:
    width, height = page_size(practice)
    bottom = height - BAND_HEIGHT
    canvas.saveState()
    canvas.setFillColor(BAND)
    canvas.rect(0, bottom, width, BAND_HEIGHT, stroke=0, fill=1)
    canvas.setFillColor(ACCENT)
    canvas.rect(0, bottom, width, 1.4, stroke=0, fill=1)
    x = MARGIN
    if logo is not None:
        image_w, image_h = logo.getSize()
        scale = min(36 * mm / image_w, 19 * mm / image_h)
        w, h = image_w * scale, image_h * scale
        canvas.drawImage(logo, x, bottom + (BAND_HEIGHT - h) / 2, w, h, mask="auto")
        x += w + 5 * mm
    canvas.setFillColor(ACCENT_DARK)
    draw_text(canvas, x, height - 13.5 * mm, practice.practice_name, 15, bold=True)
    canvas.setFillColor(INK)
    who = practice.practitioner_name
    if practice.licence_number:
        who += tr.gettext("  ·  Licence no. {licence_number}").format(licence_number=practice.licence_number)
    draw_text(canvas, x, height - 19.5 * mm, who, 10)
    contact = [line.strip() for line in practice.address.splitlines() if line.strip()]
    contact += [value for value in (practice.phone, practice.email) if value]
    canvas.setFillColor(MUTED)
    line_y = height - 9.5 * mm
    for line in contact[:5]:
        draw_text(canvas, width - MARGIN, line_y, line, 9, align="right")
        line_y -= 11
    canvas.restoreState()


def _draw_running_head(canvas: Canvas, practice: PracticeHeader, running_title: str) -> None:
    width, height = page_size(practice)
    y = height - 11 * mm
    canvas.saveState()
    canvas.setFillColor(ACCENT_DARK)
    draw_text(canvas, MARGIN, y, practice.practice_name, 9.5, bold=True)
    canvas.setFillColor(MUTED)
    draw_text(canvas, width - MARGIN, y, running_title, 9.5, align="right")
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, y - 2.5 * mm, width - MARGIN, y - 2.5 * mm)
    canvas.restoreState()


def _draw_footer(canvas: Canvas, practice: PracticeHeader, tr: Language) -> None:
    width, _ = page_size(practice)
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, FOOTER - 4 * mm, width - MARGIN, FOOTER - 4 * mm)
    canvas.setFillColor(MUTED)
    draw_text(canvas, MARGIN, FOOTER - 8 * mm, footer_line(practice, tr), 8.5)
    canvas.restoreState()
    if isinstance(canvas, _NumberedCanvas):
        canvas.place_page_number()


_NO_PADDING = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}


def build_pdf(
    out: Path | BinaryIO,
    practice: PracticeHeader,
    story: Sequence[Flowable],
    *,
    title: str,
    running_title: str,
    subject: str = "",
    archival: bool = False,
    language: Language = ENGLISH,
) -> int:
    """Lay ``story`` out on the practice's paper and write the PDF to ``out``; return its page count.

    The first page carries the practice's header band; later pages a running head with
    ``running_title``; every page the footer (practice, practitioner, licence) and "Page n of N".
    With ``archival`` the PDF is PDF/A-2b (see :mod:`acuchart.reports.archival`). The page furniture
    ("Page 2 of 3") and the PDF's language tag are in ``language``.
    """
    if archival:
        made = io.BytesIO()
        pages = build_pdf(
            made,
            practice,
            story,
            title=title,
            running_title=running_title,
            subject=subject,
            language=language,
        )
        pdf = make_archival(made.getvalue())
        if isinstance(out, Path):
            out.write_bytes(pdf)
        else:
            out.write(pdf)
        return pages
    register_fonts()
    size = page_size(practice)
    width, height = size
    logo = _logo(practice.logo_path)
    frame_w = width - 2 * MARGIN
    first = Frame(MARGIN, FOOTER, frame_w, height - BAND_HEIGHT - 7 * mm - FOOTER, id="first", **_NO_PADDING)
    later = Frame(MARGIN, FOOTER, frame_w, height - RUNNING_HEAD - 5 * mm - FOOTER, id="later", **_NO_PADDING)

    def on_first(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        _draw_band(canvas, practice, logo, language)
        _draw_footer(canvas, practice, language)

    def on_later(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        _draw_running_head(canvas, practice, running_title)
        _draw_footer(canvas, practice, language)

    doc = BaseDocTemplate(
        str(out) if isinstance(out, Path) else out,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=FOOTER,
        title=title,
        author=practice.practitioner_name,
        subject=subject,
        creator="AcuChart",
        lang=pdf_language(language),
        initialFontName=SANS,
        pageTemplates=[
            PageTemplate("first", [first], onPage=on_first),
            PageTemplate("later", [later], onPage=on_later),
        ],
    )
    canvas_class = type("NumberedCanvas", (_NumberedCanvas,), {"language": language})
    doc.build([NextPageTemplate("later"), *story], canvasmaker=canvas_class)
    return int(doc.page)
