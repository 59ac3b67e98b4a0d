"""A handout keeps to one sheet (two pages) when it can, and never ends on a page holding one box alone."""

from __future__ import annotations

import io
import re

import pytest

from acuchart.catalogue import load_catalogue
from acuchart.reports.handout import build_handout
from acuchart.reports.handout_points import treated_places
from tests.core.reports import samples
from tests.core.reports.pdfcheck import page_texts, sized_texts

SMALLEST_TEXT = 8.5
"""No sentence of a handout is set smaller than this (points), however tightly it is laid out."""
_DIAGRAM_WORDS = re.compile(r"^([A-Z0-9][A-Z0-9\- ]*|Your (right|left))$")
"""What may be smaller: point codes and counts on the diagrams, the side words, the facts' labels."""


def handout_pages(**changes: object) -> list[str]:
    out = io.BytesIO()
    build_handout(samples.handout(**changes), out)
    return page_texts(out.getvalue())


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_35_mark_face_and_body_session_fits_two_pages_with_every_point_listed(paper: str) -> None:
    data = samples.handout(marks=samples.big_session_marks(), practice=samples.practice(paper=paper))
    assert len(data.marks) == 35 and len({m.view for m in data.marks}) == 3
    out = io.BytesIO()
    build_handout(data, out)
    pages = page_texts(out.getvalue())
    assert len(pages) == 2
    words = " ".join(" ".join(pages).split())
    for place in treated_places(data.marks):
        assert place.mark.name in words
        where = place.where[:1].upper() + place.where[1:]
        assert where in words, where
    assert "Your next appointment" in pages[-1]
    small = [
        piece
        for size, piece in sized_texts(out.getvalue())
        if 2 < size < SMALLEST_TEXT and not _DIAGRAM_WORDS.match(piece)
    ]
    assert small == []


def test_a_face_and_body_session_is_laid_out_more_tightly_to_fit_one_sheet() -> None:
    # With the list in two columns this runs onto a third page; in three columns it fits on two.
    legs = tuple(samples.point_mark(code, side) for code, side in samples.body_points()[:2])
    pages = handout_pages(marks=(*samples.marks(), *legs))
    assert len(pages) == 2
    assert "Your next appointment" in pages[-1]
    assert "ST36" in pages[0]


def test_a_session_too_large_for_two_pages_ends_with_a_whole_section_and_the_next_visit() -> None:
    catalogue = load_catalogue()
    everything = tuple(
        samples.point_mark(point.code, side) for point in catalogue.points[:60] for side in point.sides()
    )
    pages = handout_pages(marks=everything, session_reactions=(samples.FATIGUE,) * 4)
    assert len(pages) > 2
    last = " ".join(pages[-1].split())
    assert "Your next appointment" in last
    assert "Looking after your skin and yourself" in last  # the section moved whole, with the box
    # ...onto the page with room for it (the points fill two pages, the advice the third), not a fresh
    # page of its own after one left half empty.
    assert len(pages) == 3
    assert "Aftercare" in last
