"""A handout keeps to one sheet (two pages) when it can, and never ends on a page holding one box alone."""

from __future__ import annotations

import io

from acuchart.catalogue import load_catalogue
from acuchart.reports.handout import build_handout
from tests.core.reports import samples
from tests.core.reports.pdfcheck import page_texts


def handout_pages(**changes: object) -> list[str]:
    out = io.BytesIO()
    build_handout(samples.handout(**changes), out)
    return page_texts(out.getvalue())


def test_a_face_and_body_session_is_laid_out_more_tightly_to_fit_one_sheet() -> None:
    # At full size this runs onto a third page; smaller diagrams and advice a size smaller fit it on two.
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
