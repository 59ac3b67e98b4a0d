"""Where reactions happen, practice-wide: rates with their counts, too few needlings said as such, filters by
period, caution and protocol, amendments honoured, and outcomes per concern worded without promises."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator

import pytest
from pypdf import PdfReader

from acuchart.models.insights import MIN_NEEDLINGS, NO_CAUTION, NO_PROTOCOL, MapFilter
from acuchart.practice import Practice
from acuchart.services.clients import ClientForm
from acuchart.services.courses import CourseForm

START = dt.datetime(2025, 6, 2, 10, 0)


def client(practice: Practice, name: str, cautions: tuple[str, ...] = ()) -> int:
    found = practice.clients.create(
        ClientForm(first_name=name, last_name="Test", caution_flags=cautions)
    ).value
    practice.consent.record_consent(found.id, dt.date(2025, 1, 1), "signed_form")
    return found.id


def session(
    practice: Practice,
    client_id: int,
    day: int,
    points: list[tuple[str, str]],
    bruised: tuple[str, str] | None = None,
    course_id: int | None = None,
) -> int:
    started = START + dt.timedelta(days=day)
    session_id = practice.sessions.create(client_id, started_at=started, course_id=course_id).value.id
    marks = practice.charting.apply_protocol(session_id, points).value
    if bruised is not None:
        mark = next(m for m in marks if (m.code, m.side) == bruised)
        practice.charting.add_reaction(session_id, mark.id, "bruising", "mild")
    return session_id


@pytest.fixture
def charted(practice_file: Practice) -> Iterator[Practice]:
    """40 sessions of a client on blood thinners (ST2 both sides and left LI4; 6 bruises at left ST2), 30 of a
    client with no caution (ST2 both sides; 1 bruise), and 5 needlings of GB14."""
    practice = practice_file
    practice.settings.update(practitioner_name="Dr. Test")
    practice.protocols.save("Eyes and hand", "", [("ST2", "left"), ("ST2", "right"), ("LI4", "left")])
    thin = client(practice, "Thin", ("anticoagulants",))
    plain = client(practice, "Plain")
    for i in range(40):
        points = [("ST2", "left"), ("ST2", "right"), ("LI4", "left")] + ([("GB14", "left")] if i < 5 else [])
        session(practice, thin, 7 * i, points, ("ST2", "left") if i < 6 else None)
    for i in range(30):
        session(
            practice,
            plain,
            7 * i + 1,
            [("ST2", "left"), ("ST2", "right")],
            ("ST2", "right") if i == 0 else None,
        )
    yield practice


def test_a_points_rate_is_given_with_its_counts(charted: Practice) -> None:
    figures = charted.reaction_map.reaction_map(MapFilter())
    assert figures.sessions == 70
    st2 = figures.rate("ST2", "bruising")
    assert (st2.reactions, st2.needlings) == (7, 140)
    assert st2.text() == "ST2 bruising 5% (7 of 140)"
    assert figures.rate("LI4", "bruising").text() == "LI4 bruising 0% (0 of 40)"
    assert figures.rate("ST2", "any").reactions == 7
    assert figures.ranked("bruising")[0].code == "ST2"


def test_a_point_needled_too_few_times_is_said_to_be_so_not_zero(charted: Practice) -> None:
    gb14 = charted.reaction_map.reaction_map(MapFilter()).rate("GB14", "bruising")
    assert gb14.needlings == 5 < MIN_NEEDLINGS
    assert gb14.rate is None and not gb14.enough
    assert gb14.text() == "GB14: needled 5 times, too few to say"
    assert "0%" not in gb14.text()
    assert charted.reaction_map.reaction_map(MapFilter()).ranked("bruising")[-1].code == "GB14"


def test_filters_by_caution_period_and_protocol(charted: Practice) -> None:
    service = charted.reaction_map
    thinners = service.reaction_map(MapFilter(caution="anticoagulants")).rate("ST2", "bruising")
    assert (thinners.reactions, thinners.needlings) == (6, 80)
    none = service.reaction_map(MapFilter(caution=NO_CAUTION)).rate("ST2", "bruising")
    assert (none.reactions, none.needlings) == (1, 60)
    early = MapFilter(start=START.date(), end=(START + dt.timedelta(days=20)).date())
    first_weeks = service.reaction_map(early)
    assert first_weeks.sessions == 6  # days 0, 7, 14 for one client and 1, 8, 15 for the other
    assert first_weeks.rate("ST2", "bruising").reactions == 4
    own = next(key for key, name in service.protocol_names().items() if name == "Eyes and hand")
    following = service.reaction_map(MapFilter(protocol=own))
    assert following.sessions == 40 and following.rate("ST2", "bruising").needlings == 80
    assert service.reaction_map(MapFilter(protocol=NO_PROTOCOL)).sessions == 30


def test_the_map_counts_again_after_a_change_and_honours_an_amended_kind(charted: Practice) -> None:
    service = charted.reaction_map
    assert service.reaction_map(MapFilter()).rate("LI4", "bruising").reactions == 0
    thin = charted.clients.search("thin")[0].id
    session_id = session(
        charted, thin, 400, [("LI4", "left"), ("ST2", "left"), ("ST2", "right")], ("LI4", "left")
    )
    assert service.reaction_map(MapFilter()).rate("LI4", "bruising").reactions == 1
    chart = charted.sessions.load(session_id)
    charted.sessions.set_needles_removed(session_id, chart.needles_inserted)
    charted.signing.sign(session_id)
    (reaction,) = chart.reactions
    charted.signing.amend(
        session_id, "reactions", reaction.id, "kind", "redness", "It was redness, not a bruise."
    )
    figures = service.reaction_map(MapFilter())
    assert figures.rate("LI4", "bruising").reactions == 0
    assert figures.rate("LI4", "redness").reactions == 1


def test_outcomes_per_concern_and_protocol_with_n_and_spread(practice_file: Practice) -> None:
    practice = practice_file
    changes = [-3, -2, -2, -1, 0, 1]
    for n, change in enumerate(changes):
        who = client(practice, f"Client{n}")
        course = practice.courses.create_course(
            who,
            CourseForm(concerns=["wrinkles"], planned_sessions=3, interval_days=7, start_date=START.date()),
        ).value
        for k, score in enumerate((6, 6, 6 + change)):
            sid = session(practice, who, 7 * k, [("ST2", "left"), ("ST2", "right")], course_id=course.id)
            practice.ratings.set_rating(sid, "wrinkles", score)
    (outcome,) = practice.reaction_map.outcomes(MapFilter())
    assert outcome.concern == "wrinkles" and outcome.courses == 6 and outcome.enough
    assert sorted(outcome.changes) == sorted(changes)
    assert outcome.quartiles()[1] == -1.5
    text = outcome.text()
    assert "Over 6 courses" in text and "-1.5" in text
    for promise in ("will ", "guarantee", "expect to"):
        assert promise not in text.lower()
    few = practice.reaction_map.outcomes(MapFilter(end=START.date() - dt.timedelta(days=1)))
    assert few == []


def test_the_printed_page_shows_the_rates_the_counts_and_says_nothing_of_results(charted: Practice) -> None:
    from acuchart.reports.reaction_map_page import reaction_map_document
    from tests.core.reports.pdfcheck import ink_fraction, rendered_pages
    from tests.core.reports.pdfcheck import text as pdf_text

    document = reaction_map_document(charted, MapFilter(), "bruising")
    assert len(PdfReader(io.BytesIO(document.pdf)).pages) >= 1
    text = pdf_text(document.pdf)
    assert "Where reactions happen" in text
    assert "7 of 140" in text and "ST2 Sibai" in text
    assert "GB14 (5)" in text  # too few, named with its count
    assert "results vary" in text
    first = rendered_pages(document.pdf)[0]
    assert ink_fraction(first) > 0.05  # the diagrams are drawn
