"""Reading printed documents back: their text (pypdf) and their pages as pictures (pypdfium2)."""

from __future__ import annotations

import io
import unicodedata

import pypdfium2 as pdfium
from PIL import Image
from pypdf import PdfReader


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text as pypdf extracts it, NFKC-normalised (Arabic presentation forms become letters)."""
    reader = PdfReader(io.BytesIO(pdf))
    return [unicodedata.normalize("NFKC", page.extract_text()) for page in reader.pages]


def sized_texts(pdf: bytes) -> list[tuple[float, str]]:
    """Every piece of text drawn, with the size it is printed at (font size times any scaling), in points."""
    found: list[tuple[float, str]] = []

    def visit(chunk: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if chunk.strip():
            scale = (tm[2] ** 2 + tm[3] ** 2) ** 0.5 * (cm[2] ** 2 + cm[3] ** 2) ** 0.5
            found.append((round(size * scale, 2), unicodedata.normalize("NFKC", chunk.strip())))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return found


def text(pdf: bytes) -> str:
    """The whole document's text, pages joined, with runs of white space made single spaces."""
    return " ".join(" ".join(page_texts(pdf)).split())


def rendered_pages(pdf: bytes, scale: float = 0.5) -> list[Image.Image]:
    """Every page rendered to a picture."""
    document = pdfium.PdfDocument(pdf)
    try:
        return [document[index].render(scale=scale).to_pil() for index in range(len(document))]
    finally:
        document.close()


def ink_fraction(page: Image.Image) -> float:
    """The share of the page's pixels that are not (near) white."""
    grey = page.convert("L")
    histogram = grey.histogram()
    return 1.0 - sum(histogram[245:]) / (grey.width * grey.height)
