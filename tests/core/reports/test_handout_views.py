"""A handout draws the views the session was charted on: a profile, the hands, the feet, each with its
marks where they were clicked, and says where in the client's words."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest

from acuchart.practice import Practice
from acuchart.reports import documents
from acuchart.reports.gather import handout_data
from acuchart.reports.handout import build_handout
from tests.core.reports import samples
from tests.core.reports.pdfcheck import ink_fraction, page_texts, rendered_pages
from tests.documents_helpers import chart_client


@pytest.fixture
def session_id(practice: Practice) -> int:
    charted = chart_client(practice)
    session = practice.sessions.create(charted.client_id).value
    practice.charting.mark_point(session.id, "GB8", "right", "head_right")
    practice.charting.mark_point(session.id, "TE21", "right", "head_right")
    practice.charting.mark_point(session.id, "KI1", "right", "feet")
    practice.charting.mark_point(session.id, "PC8", "left", "hands")
    return session.id


def test_the_handout_draws_the_profile_hands_and_feet_it_was_charted_on(
    practice: Practice, session_id: int
) -> None:
    data = handout_data(practice, session_id)
    assert {(m.code, m.view) for m in data.marks} == {
        ("GB8", "head_right"),
        ("TE21", "head_right"),
        ("KI1", "feet"),
        ("PC8", "hands"),
    }
    where = {m.code: m.where for m in data.marks}
    assert where == {
        "GB8": "above the right ear",
        "TE21": "right ear",
        "KI1": "right sole",
        "PC8": "left palm",
    }
    pdf = documents.handout(practice, session_id).pdf
    first_page = page_texts(pdf)[0]
    for caption in ("Right profile", "Hands", "Feet"):
        assert caption in first_page
    assert "Face" not in first_page.split("Points treated today")[1].split("Point")[0]
    assert all(ink_fraction(page) > 0.01 for page in rendered_pages(pdf))


def test_a_mark_from_a_view_that_does_not_show_its_point_prints_on_the_points_home(
    practice: Practice, session_id: int
) -> None:
    # a mark stored before TE21 had a profile, or by another route: the face draws it
    with practice.store.write() as w:
        w.update("marks", practice.sessions.load(session_id).marks[1].id, {"view": "body_back"})
    te21 = next(m for m in handout_data(practice, session_id).marks if m.code == "TE21")
    assert te21.view == "face"
    assert te21.x < 0.5, "the client's right is on the reader's left of the face"


def test_a_session_on_many_views_prints_them_in_rows_within_the_page() -> None:
    charted = (("ST2", "left"), ("GB8", "right"), ("GB8", "left"), ("BL7", "right"), ("ST36", "right"))
    charted += (("BL23", "left"), ("PC8", "right"), ("GV20", "midline"))
    marks = tuple(samples.point_mark(code, side) for code, side in charted)  # type: ignore[arg-type]
    assert len({m.view for m in marks}) == 7
    out = io.BytesIO()
    build_handout(samples.handout(marks=marks), out)
    document = pdfium.PdfDocument(out.getvalue())
    try:
        page = document[0]
        text = page.get_textpage()
        for caption in ("Face", "Right profile", "Left profile", "Top of head", "Body, front", "Hands"):
            hit = text.search(caption, match_case=True).get_next()
            assert hit is not None, caption
            first, last = text.get_charbox(hit[0]), text.get_charbox(hit[0] + hit[1] - 1)
            assert first[0] > 0 and last[2] < page.get_width(), f"{caption} runs off the page"
    finally:
        document.close()
