"""A visit after a completed course is a maintenance visit on every document, never "session 4 of 3";
a free marker on the forehead reads "forehead", never "scalp"."""

from __future__ import annotations

import pytest

from acuchart.catalogue import load_catalogue
from acuchart.practice import Practice
from acuchart.reports import documents
from acuchart.reports.data import HandoutMark
from acuchart.reports.gather import course_summary_data, handout_data
from acuchart.reports.places import where_on_client
from acuchart.reports.regions import free_marker_place
from tests.core.reports.pdfcheck import text
from tests.documents_helpers import Charted, chart_client, chart_maintenance_visit


@pytest.fixture
def visit(practice: Practice) -> tuple[Charted, int]:
    charted = chart_client(practice)
    return charted, chart_maintenance_visit(practice, charted)


def test_the_handout_of_a_maintenance_visit_says_maintenance_visit_1(
    practice: Practice, visit: tuple[Charted, int]
) -> None:
    _charted, session_id = visit
    data = handout_data(practice, session_id)
    assert (data.session_number, data.maintenance_visit) == (4, 1)
    words = text(documents.handout(practice, session_id).pdf)
    assert "Maintenance visit 1" in words
    assert "4 of 3" not in words and "Session 4" not in words


def test_the_course_summary_counts_the_maintenance_visit_apart(
    practice: Practice, visit: tuple[Charted, int]
) -> None:
    charted, _session_id = visit
    data = course_summary_data(practice, client_id=charted.client_id)
    assert [s.number_label for s in data.sessions] == ["1", "2", "3", "M1"]
    words = text(documents.course_summary(practice, client_id=charted.client_id).pdf)
    assert "3 of 3 sessions, plus 1 maintenance visit" in words
    assert "3 of 3, plus 1 maintenance visit" in words
    assert "4 of 3" not in words
    assert "M1 is the maintenance visit after the 3 sessions of the course." in words


def test_the_chart_export_heads_the_visit_as_a_maintenance_visit(
    practice: Practice, visit: tuple[Charted, int]
) -> None:
    charted, _session_id = visit
    words = text(documents.chart_export(practice, charted.client_id).pdf)
    assert "Maintenance visit 1" in words and "Session 3" in words
    assert "Session 4" not in words


def test_a_free_marker_on_the_forehead_reads_forehead_not_scalp(
    practice: Practice, visit: tuple[Charted, int]
) -> None:
    _charted, session_id = visit
    data = handout_data(practice, session_id)
    line = next(m for m in data.marks if m.name == "forehead line")
    assert line.where == "left side of the forehead"
    words = text(documents.handout(practice, session_id).pdf)
    assert "Left side of the forehead 3 needles" in words
    assert "scalp" not in words


@pytest.mark.parametrize(
    ("view", "x", "y", "where"),
    [
        ("face", 0.60, 0.18, "left side of the forehead"),  # nearer the scalp points than GB14
        ("face", 0.40, 0.14, "right side of the forehead"),  # just under the hairline
        ("face", 0.50, 0.21, "centre of the forehead"),  # the demo's forehead line, between the GB14s
        ("face", 0.50, 0.06, "centre of the scalp"),  # the crown, in the hair
        ("face", 0.62, 0.11, "left side of the scalp"),  # above the hairline
        ("face", 0.34, 0.53, "right cheek"),
        ("body_back", 0.50, 0.08, "centre of the back of the head"),  # in the hair, no point there
        ("body_front", 0.35, 0.65, "right thigh"),
    ],
)
def test_a_free_marker_is_described_by_the_nearest_point_on_its_side_of_the_hairline(
    view: str, x: float, y: float, where: str
) -> None:
    side, area = free_marker_place(load_catalogue(), view, x, y)
    assert where_on_client(side, area) == where


@pytest.mark.parametrize("x", [0.471, 0.488, 0.5, 0.512, 0.529])
def test_an_intradermal_line_on_the_midline_crosses_it_whichever_way_it_leans(x: float) -> None:
    side, area = free_marker_place(load_catalogue(), "face", x, 0.21)
    assert (side, area) == ("midline", "forehead")
    line = HandoutMark(None, "Intradermal, forehead line", area, side, needles=5, x=x, y=0.21)
    assert line.where == "across the midline of the forehead"
    single = HandoutMark(None, "Intradermal", area, side, needles=1, x=x, y=0.21)
    assert single.where == "centre of the forehead"


@pytest.mark.parametrize(("x", "side"), [(0.465, "right"), (0.535, "left")])
def test_a_marker_clear_of_the_midline_keeps_its_side(x: float, side: str) -> None:
    assert free_marker_place(load_catalogue(), "face", x, 0.21) == (side, "forehead")
