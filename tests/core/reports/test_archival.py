"""The chart export and the consent form are archival PDF (PDF/A-2b), checked as strictly as the tools here
allow: veraPDF is not packaged for these machines, so the rules of ISO 19005-2 that matter for these
documents are checked one by one with qpdf (through pikepdf), fontTools and pypdfium2:

- file structure: header and binary comment, a qpdf check with no problem, a file identifier, no
  encryption, no JavaScript, actions or embedded files;
- metadata: XMP in the catalogue, unfiltered, identifying PDF/A-2B, and agreeing with the document
  information dictionary; the document's language;
- colour: an output intent GTS_PDFA1 with an RGB ICC profile (version 4 at most);
- fonts: every font used on a page or in a form is embedded, a symbolic TrueType font has no Encoding
  and one cmap subtable, and every width agrees with the font program.
Every document sets its language; handouts and summaries are not archival (no metadata added).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from typing import Any

import pikepdf
import pytest
from fontTools.ttLib import TTFont

from acuchart.practice import Practice
from acuchart.reports import documents
from acuchart.reports.chart_export import build_chart_export
from acuchart.reports.consent_form import build_consent_form
from acuchart.reports.handout import build_handout
from acuchart.reports.summary import build_course_summary
from tests.core.reports import samples
from tests.core.reports.pdfcheck import rendered_pages
from tests.documents_helpers import chart_client

Builder = Callable[[Any, Any], None]


def _build(builder: Builder, data: object) -> bytes:
    out = io.BytesIO()
    builder(data, out)
    return out.getvalue()


@pytest.fixture(scope="module")
def archival_pdfs() -> dict[str, bytes]:
    """The archival documents, from the samples (every script, an amendment) and from a practice."""
    practice = Practice.open(":memory:")
    try:
        charted = chart_client(practice)
        return {
            "chart sample": _build(build_chart_export, samples.chart()),
            "consent sample": _build(build_consent_form, samples.consent()),
            "chart": documents.chart_export(practice, charted.client_id).pdf,
            "consent": documents.consent_form(practice, charted.client_id).pdf,
        }
    finally:
        practice.close()


NAMES = ["chart sample", "consent sample", "chart", "consent"]


def _fonts(resources: pikepdf.Object, seen: set[tuple[int, int]]) -> Iterator[pikepdf.Dictionary]:
    """Every font a page's (or a form's) resources name, forms within forms included."""
    yield from (resources.get("/Font") or {}).values()
    for xobject in (resources.get("/XObject") or {}).values():
        key = xobject.objgen
        if xobject.get("/Subtype") == "/Form" and key not in seen:
            seen.add(key)
            yield from _fonts(xobject.get("/Resources") or pikepdf.Dictionary(), seen)


@pytest.mark.parametrize("name", NAMES)
def test_the_file_structure_is_archival(archival_pdfs: dict[str, bytes], name: str) -> None:
    pdf = archival_pdfs[name]
    header, comment = pdf.split(b"\n")[:2]
    assert re.fullmatch(rb"%PDF-1\.[0-7]", header)
    assert comment.startswith(b"%") and sum(byte > 127 for byte in comment[1:5]) == 4
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert document.check_pdf_syntax() == []  # qpdf's own check (as qpdf --check)
        assert not document.is_encrypted
        ident = document.trailer.ID
        assert len(ident) == 2 and all(len(bytes(part)) == 16 for part in ident)
        root = document.Root
        for forbidden in ("/AA", "/OpenAction", "/AcroForm", "/OCProperties"):
            assert forbidden not in root, forbidden
        assert "/JavaScript" not in (root.get("/Names") or {}) and "/EmbeddedFiles" not in (
            root.get("/Names") or {}
        )
        for page in document.pages:
            assert "/AA" not in page and not page.get("/Annots")
    assert len(rendered_pages(pdf, scale=0.3)) >= 1


@pytest.mark.parametrize("name", NAMES)
def test_the_metadata_says_pdf_a_2b_and_agrees_with_the_document_information(
    archival_pdfs: dict[str, bytes], name: str
) -> None:
    with pikepdf.open(io.BytesIO(archival_pdfs[name])) as document:
        root = document.Root
        assert str(root.Lang) == "en-GB"
        stream = root.Metadata
        assert "/Filter" not in stream  # the XMP packet is readable as it is
        xmp = stream.read_bytes().decode("utf-8")
        assert xmp.startswith("<?xpacket begin=") and xmp.rstrip().endswith('<?xpacket end="w"?>')
        metadata = document.open_metadata()
        assert metadata.pdfa_status == "2B"
        info = document.docinfo
        assert metadata["dc:title"] == str(info.Title)
        assert metadata["dc:creator"] == [str(info.Author)]
        assert metadata["dc:description"] == str(info.Subject)
        assert metadata["xmp:CreatorTool"] == str(info.Creator)
        assert metadata["pdf:Producer"] == str(info.Producer)
        for key, field in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
            stamp = str(info[key])  # D:20260303100000+00'00 against 2026-03-03T10:00:00+00:00
            assert re.sub(r"\D", "", stamp)[:14] == re.sub(r"\D", "", metadata[field])[:14], key
        assert "/Trapped" not in info and all(str(value) for value in info.values())


@pytest.mark.parametrize("name", NAMES)
def test_the_colours_are_defined_by_an_srgb_output_intent(archival_pdfs: dict[str, bytes], name: str) -> None:
    with pikepdf.open(io.BytesIO(archival_pdfs[name])) as document:
        (intent,) = document.Root.OutputIntents
        assert intent.Type == "/OutputIntent" and intent.S == "/GTS_PDFA1"
        assert str(intent.OutputConditionIdentifier)
        profile = intent.DestOutputProfile
        assert int(profile.N) == 3
        icc = profile.read_bytes()
        assert len(icc) == int.from_bytes(icc[:4], "big")  # the header's size is the profile's
        assert icc[36:40] == b"acsp" and icc[16:20] == b"RGB " and icc[12:16] in (b"mntr", b"prtr")
        assert icc[8] <= 4  # ICC version 4 at most


@pytest.mark.parametrize("name", NAMES)
def test_every_font_is_embedded_and_agrees_with_its_program(
    archival_pdfs: dict[str, bytes], name: str
) -> None:
    with pikepdf.open(io.BytesIO(archival_pdfs[name])) as document:
        seen: set[tuple[int, int]] = set()
        checked = 0
        for page in document.pages:
            for font in _fonts(page.Resources, seen):
                assert font.Subtype == "/TrueType", font.get("/BaseFont")
                descriptor = font.FontDescriptor
                assert "/FontFile2" in descriptor, font.BaseFont
                program = TTFont(io.BytesIO(descriptor.FontFile2.read_bytes()))
                symbolic = int(descriptor.Flags) & 4
                if symbolic:
                    assert "/Encoding" not in font
                    tables = program["cmap"].tables
                    assert len(tables) == 1 or any((t.platformID, t.platEncID) == (3, 0) for t in tables)
                glyph_of = program["cmap"].tables[0].cmap
                units = program["head"].unitsPerEm
                advance = program["hmtx"].metrics
                order = program.getGlyphOrder()
                first = int(font.FirstChar)
                for offset, width in enumerate(font.Widths):
                    glyph = glyph_of.get(first + offset)
                    if glyph is None:
                        continue
                    expected = advance[glyph][0] * 1000 / units
                    assert abs(float(width) - expected) <= 1, (
                        font.BaseFont,
                        first + offset,
                        order.index(glyph),
                    )
                checked += 1
        assert checked >= 2  # the body text's regular and bold at least


@pytest.mark.parametrize(
    ("builder", "data"), [(build_handout, samples.handout), (build_course_summary, samples.summary)]
)
def test_client_documents_set_their_language_and_embed_every_font(
    builder: Builder, data: Callable[[], object]
) -> None:
    with pikepdf.open(io.BytesIO(_build(builder, data()))) as document:
        assert str(document.Root.Lang) == "en-GB"
        seen: set[tuple[int, int]] = set()
        for page in document.pages:
            for font in _fonts(page.Resources, seen):
                assert "/FontFile2" in font.FontDescriptor, font.get("/BaseFont")
