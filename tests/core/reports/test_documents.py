"""Every printed document, built from realistic data, read back and rendered to pictures."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak

from acuchart.catalogue import VIEWS
from acuchart.reports.chart_export import build_chart_export
from acuchart.reports.consent_form import build_consent_form
from acuchart.reports.diagram import DiagramFlowable, art_for
from acuchart.reports.handout import build_handout
from acuchart.reports.pages import build_pdf
from acuchart.reports.summary import build_course_summary
from tests.core.reports import samples
from tests.core.reports.pdfcheck import ink_fraction, page_texts, rendered_pages, text

Builder = Callable[[Any, Any], None]

DOCUMENTS: dict[str, tuple[Builder, Callable[[], Any]]] = {
    "handout": (build_handout, samples.handout),
    "course summary": (build_course_summary, samples.summary),
    "chart export": (build_chart_export, samples.chart),
    "consent form": (build_consent_form, samples.consent),
}


def build(builder: Builder, data: Any) -> bytes:
    out = io.BytesIO()
    builder(data, out)
    return out.getvalue()


@pytest.fixture(scope="module")
def handout_pdf() -> bytes:
    return build(build_handout, samples.handout())


def test_handout_names_client_session_and_next_visit(handout_pdf: bytes) -> None:
    words = text(handout_pdf)
    assert samples.ACCENTED_NAME in words
    assert "11 March 2025" in words
    assert "3 of 10" in words
    assert "Tuesday, 25 March 2025 at 10:30" in words


def test_handout_lists_points_with_the_clients_own_sides(handout_pdf: bytes) -> None:
    words = text(handout_pdf)
    for expected in ("ST2", "Sibai", "四白", "SI18", "Quanliao", "颧髎", "EX-HN3", "Yintang", "印堂"):
        assert expected in words
    assert "Under the left eye" in words
    assert "Under the right eye" in words
    assert "Left cheek" in words
    assert "Right cheek" in words
    assert "Left and right jaw" in words
    assert "Centre of the chin" in words
    assert "on the picture" not in words


def test_handout_reports_reactions_where_they_happened(handout_pdf: bytes) -> None:
    words = text(handout_pdf)
    assert "Bruising (mild), under the left eye (ST2)" in words
    assert "Redness (moderate), right cheek (SI18)" in words
    assert "Fatigue (mild)" in words


def test_handout_prints_the_advice_templates_with_the_practice_filled_in(handout_pdf: bytes) -> None:
    words = text(handout_pdf)
    assert "What to expect" in words
    assert "Aftercare" in words
    assert "no substitute" in words
    assert "call Lotus Facial Acupuncture on 01273 555 019" in words
    assert "{practice_phone}" not in words


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_handout_fits_two_pages_on_either_paper(paper: str) -> None:
    pdf = build(build_handout, samples.handout(practice=samples.practice(paper=paper)))
    pages = page_texts(pdf)
    assert len(pages) <= 2
    assert f"Page 1 of {len(pages)}" in pages[0]


def test_paper_size_follows_the_practice_setting() -> None:
    letter = build(build_handout, samples.handout(practice=samples.practice(paper="Letter")))
    a4 = build(build_handout, samples.handout())
    assert round(float(PdfReader(io.BytesIO(letter)).pages[0].mediabox.width)) == 612
    assert round(float(PdfReader(io.BytesIO(a4)).pages[0].mediabox.width)) == 595


def test_handout_without_a_logo_is_small(handout_pdf: bytes) -> None:
    assert len(handout_pdf) < 300 * 1024


def test_handout_prints_the_logo_when_there_is_one(tmp_path: Path, handout_pdf: bytes) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (240, 120), (47, 111, 115)).save(logo)
    pdf = build(build_handout, samples.handout(practice=samples.practice(logo=logo)))
    assert b"/Subtype /Image" in pdf
    assert b"/Subtype /Image" not in handout_pdf


def test_a_missing_logo_file_does_not_stop_the_handout(tmp_path: Path) -> None:
    pdf = build(build_handout, samples.handout(practice=samples.practice(logo=tmp_path / "gone.png")))
    assert samples.ACCENTED_NAME in text(pdf)


def test_hebrew_client_name_reads_back() -> None:
    pdf = build(build_handout, samples.handout(client_name=samples.HEBREW_NAME))
    assert samples.HEBREW_NAME in text(pdf)


def test_handout_with_nothing_booked_and_no_reactions() -> None:
    marks = tuple(m for m in samples.marks() if not m.reactions)
    pdf = build(build_handout, samples.handout(marks=marks, session_reactions=(), next_appointment=None))
    words = text(pdf)
    assert "Not booked yet" in words
    assert "No reactions were noted during your session." in words


def test_handout_with_face_and_body_diagrams() -> None:
    body = [samples.point_mark(code, side) for code, side in samples.body_points()]
    pdf = build(build_handout, samples.handout(marks=(*samples.marks(), *body)))
    words = text(pdf)
    for code, _ in samples.body_points():
        assert code in words
    assert all(ink_fraction(page) > 0.01 for page in rendered_pages(pdf))


def test_course_summary_shows_sessions_ratings_and_how_reactions_settled() -> None:
    words = text(build(build_course_summary, samples.summary()))
    assert samples.HEBREW_NAME in words
    assert "6 of 10" in words
    assert "Wrinkles and fine lines" in words
    assert "Settled by 16 February 2025, after 5 days" in words
    assert "Not yet settled" in words
    assert "Under the left eye (ST2)" in words
    assert "results vary" in words


def test_chart_export_holds_the_whole_record() -> None:
    words = text(build(build_chart_export, samples.chart()))
    assert samples.ARABIC_NAME in words
    for expected in (
        "C-0042",
        "Anticoagulants or antiplatelets",
        "2026-1",
        "Signed paper form, scanned",
        "17 in, 17 out: counts match",
        "under the left eye",
        "Bruising (mild), after the session; open",
        "Needle found on the pillow after the client left",
        "Late entry",
        "NOT SIGNED",
        "Audit trail",
        "214",
    ):
        assert expected in words, expected


def test_chart_export_flags_a_needle_count_mismatch() -> None:
    data = samples.chart()
    wrong = data.sessions[0].__class__(**{**data.sessions[0].__dict__, "needles_out": 2})
    words = text(build(build_chart_export, samples.chart(sessions=(wrong,))))
    assert "3 in, 2 out: MISMATCH" in words


def test_consent_form_names_the_text_version_and_has_signature_lines() -> None:
    words = text(build(build_consent_form, samples.consent()))
    assert samples.HEBREW_NAME in words
    assert "Version 2026-1" in words
    assert "Consent text version 2026-1" in words
    assert "Client's signature" in words
    assert "Practitioner's signature" in words
    assert "Amélie Durand, licence no. AC-204817" in words


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_every_page_names_the_practitioner_and_licence(name: str) -> None:
    builder, sample = DOCUMENTS[name]
    pages = page_texts(build(builder, sample()))
    for number, page in enumerate(pages, start=1):
        assert "Amélie Durand" in page
        assert samples.LICENCE in page
        assert f"Page {number} of {len(pages)}" in page


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_every_page_renders_to_a_picture(name: str, tmp_path: Path) -> None:
    builder, sample = DOCUMENTS[name]
    path = tmp_path / f"{name}.pdf"
    builder(sample(), path)
    pages = rendered_pages(path.read_bytes())
    assert pages
    for page in pages:
        assert page.width > 200
        assert 0.01 < ink_fraction(page) < 0.9


def _label_positions(pdf: bytes, label: str) -> list[float]:
    """The x of every occurrence of ``label`` on page 1, in points from the left edge."""
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0].get_textpage()
        searcher = page.search(label, match_case=True, match_whole_word=True)
        found = []
        while (hit := searcher.get_next()) is not None:
            found.append(page.get_charbox(hit[0])[0])
        return found
    finally:
        document.close()


@pytest.mark.parametrize(("side", "reader_side"), [("left", "right"), ("right", "left")])
def test_a_point_on_the_clients_left_is_drawn_on_the_readers_right(side: str, reader_side: str) -> None:
    pdf = build(build_handout, samples.handout(marks=(samples.point_mark("ST3", side),)))  # type: ignore[arg-type]
    diagram_left, diagram_width = 18 * mm, 78 * mm
    in_diagram = [x for x in _label_positions(pdf, "ST3") if x < diagram_left + diagram_width]
    assert len(in_diagram) == 1
    on_readers_right = in_diagram[0] > diagram_left + diagram_width / 2
    assert on_readers_right == (reader_side == "right")


def test_the_face_diagram_is_converted_once_and_drawn_once_per_document() -> None:
    art = art_for(VIEWS["face"])
    assert art_for(VIEWS["face"]) is art
    marks = (samples.point_mark("ST2", "left"),)
    story = [
        DiagramFlowable(VIEWS["face"], marks, 60 * mm, 80 * mm),
        DiagramFlowable(VIEWS["face"], marks, 60 * mm, 80 * mm),
        PageBreak(),
        DiagramFlowable(VIEWS["face"], marks, 60 * mm, 80 * mm),
    ]
    out = io.BytesIO()
    build_pdf(out, samples.practice(), story, title="Faces", running_title="Faces")
    reader = PdfReader(io.BytesIO(out.getvalue()))
    faces = set()
    for page in reader.pages:
        forms = page["/Resources"]["/XObject"]
        faces |= {forms.raw_get(name).idnum for name in forms if "Face" in name}
        assert page.get_contents().get_data().count(b"/FormXob.") >= 2  # the face and a symbol
    assert len(faces) == 1
