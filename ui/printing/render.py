"""PDF pages as pictures, drawn by PDFium (pypdfium2): for the preview at screen size and for the
printer at its own resolution."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pypdfium2 as pdfium
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage, QPageSize

POINTS_PER_INCH = 72.0
MAX_PRINT_DPI = 600
"""Pages are rendered for the printer at its resolution, but never finer than this: 600 dpi is sharp on
any office printer, and an A4 page at 1200 dpi would take half a gigabyte of memory."""


@contextmanager
def opened(pdf: bytes) -> Iterator[pdfium.PdfDocument]:
    """The PDF opened for rendering, closed afterwards."""
    document = pdfium.PdfDocument(pdf)
    try:
        yield document
    finally:
        document.close()


def page_count(pdf: bytes) -> int:
    """How many pages the PDF has."""
    with opened(pdf) as document:
        return len(document)


def page_size(pdf: bytes, index: int = 0) -> QPageSize:
    """The paper size of a page, matched to a standard size (A4, Letter) when it is one."""
    with opened(pdf) as document:
        width, height = document[index].get_size()
    return QPageSize(QSizeF(width, height), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)


@contextmanager
def page_image(
    document: pdfium.PdfDocument, index: int, dpi: float, for_print: bool = False
) -> Iterator[QImage]:
    """Page ``index`` as an image at ``dpi`` dots per inch, white behind it, valid inside the ``with``.

    The image shares PDFium's pixels (no copy: a page at printer resolution is large), so it must not
    be kept after the block; :func:`render_page` gives one to keep.
    """
    page = document[index]
    bitmap = page.render(
        scale=dpi / POINTS_PER_INCH,
        rev_byteorder=True,
        prefer_bgrx=True,
        optimize_mode="print" if for_print else None,
        draw_annots=True,
    )
    try:
        image = QImage(
            bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888
        )
        dots_per_metre = round(dpi / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        yield image
    finally:
        bitmap.close()
        page.close()


def render_page(document: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    """Page ``index`` as an image at ``dpi`` to keep (it owns its pixels)."""
    with page_image(document, index, dpi) as image:
        return image.copy()
