"""Documents filled from a practice charted through the services: the right client, points, sides,
reactions, course progress and next date, read back from the PDFs the way a client would read them."""

from __future__ import annotations

import datetime as dt

import pytest

from acuchart.catalogue import load_catalogue
from acuchart.errors import NotFoundError, ValidationError
from acuchart.practice import Practice
from acuchart.reports import documents
from acuchart.reports.gather import course_summary_data, handout_data
from acuchart.reports.gather_record import chart_export_data, consent_form_data
from acuchart.reports.texts import load_texts
from tests.core.reports.pdfcheck import ink_fraction, rendered_pages, text
from tests.documents_helpers import CLIENT_NAME, INTERVAL_DAYS, SESSION_TIMES, Charted, chart_client


@pytest.fixture
def charted(practice: Practice) -> Charted:
    return chart_client(practice)


def test_handout_names_the_client_and_says_session_3_of_10_with_the_next_date(
    practice: Practice, charted: Charted
) -> None:
    data = handout_data(practice, charted.session_ids[-1])
    assert data.client_name == CLIENT_NAME
    assert (data.session_number, data.planned_sessions) == (3, 10)
    assert data.next_appointment == SESSION_TIMES[-1].date() + dt.timedelta(days=INTERVAL_DAYS)
    words = text(documents.handout(practice, charted.session_ids[-1]).pdf)
    assert CLIENT_NAME in words
    assert "3 of 10" in words
    assert "Tuesday, 11 March 2025" in words  # 25 February + 14 days
    assert "Lotus Facial Acupuncture" in words and "AC-204817" in words


def test_handout_says_left_cheek_style_sides_and_places_left_points_mirrored(
    practice: Practice, charted: Charted
) -> None:
    data = handout_data(practice, charted.session_ids[0])
    where = {(m.code, m.side): m.where for m in data.marks}
    assert where[("ST2", "left")] == "under the left eye"
    assert where[("SI18", "right")] == "right cheek"
    assert where[("GB14", "left")] == "left side of the forehead"
    assert where[("CV24", "midline")] == "centre of the chin"
    st2 = load_catalogue().get("ST2")
    left = next(m for m in data.marks if (m.code, m.side) == ("ST2", "left"))
    assert (left.x, left.y) == st2.position("left") == (1 - st2.x, st2.y)
    words = text(documents.handout(practice, charted.session_ids[0]).pdf)
    assert "Under the left and right eye" in words
    assert "Left and right cheek" in words
    assert "Centre of the chin" in words
    assert "on the picture" not in words


def test_handout_reports_the_bruise_at_left_st2_and_the_fatigue(practice: Practice, charted: Charted) -> None:
    data = handout_data(practice, charted.session_ids[-1])
    left_st2 = next(m for m in data.marks if (m.code, m.side) == ("ST2", "left"))
    assert [(r.kind_label, r.severity, r.at_point) for r in left_st2.reactions] == [
        ("Bruising", "mild", "under the left eye (ST2)")
    ]
    assert [r.kind_label for r in data.session_reactions] == ["Fatigue"]
    words = text(documents.handout(practice, charted.session_ids[-1]).pdf)
    assert (
        "Bruising (mild), under the left eye (ST2); after the session. Small bruise, cold compress." in words
    )
    assert "Fatigue (mild)" in words


def test_a_free_marker_is_placed_where_it_was_put_and_named_by_the_nearest_area(
    practice: Practice, charted: Charted
) -> None:
    data = handout_data(practice, charted.session_ids[-1])
    free = next(m for m in data.marks if m.is_free_marker)
    assert (free.x, free.y, free.needles) == (0.45, 0.2, 4)
    assert free.name == "Intradermal, forehead line"
    assert free.where == "right side of the forehead"  # left of centre on a front view: the client's right


def test_a_reprinted_handout_gives_the_session_that_followed_as_the_next_appointment(
    practice: Practice, charted: Charted
) -> None:
    data = handout_data(practice, charted.session_ids[0])
    assert data.session_number == 1
    assert data.next_appointment == SESSION_TIMES[1]
    assert "Tuesday, 11 February 2025 at 10:30" in text(
        documents.handout(practice, charted.session_ids[0]).pdf
    )


def test_the_handout_tells_the_client_the_amended_severity(practice: Practice, charted: Charted) -> None:
    data = handout_data(practice, charted.session_ids[1])
    right_si18 = next(m for m in data.marks if (m.code, m.side) == ("SI18", "right"))
    assert [r.severity for r in right_si18.reactions] == ["mild"]


def test_handout_prints_the_practices_own_advice_text(practice: Practice, charted: Charted) -> None:
    practice.settings.set_handout_texts(
        {"aftercare": "# Aftercare at Lotus\n\nNo make-up tonight. Questions? Call {practice_phone}.\n"}
    )
    data = handout_data(practice, charted.session_ids[-1])
    assert data.texts["aftercare"].startswith("# Aftercare at Lotus")
    assert data.texts["what_to_expect"] == load_texts()["what_to_expect"]
    words = text(documents.handout(practice, charted.session_ids[-1]).pdf)
    assert "Aftercare at Lotus" in words
    assert "Questions? Call 01273 555 019." in words


def test_only_edited_handout_texts_are_kept_and_unknown_ones_refused(practice: Practice) -> None:
    defaults = load_texts()
    kept = practice.settings.set_handout_texts(
        {"aftercare": "Rest today.", "lifestyle": defaults["lifestyle"]}
    ).value
    assert kept == {"aftercare": "Rest today.\n"}
    with pytest.raises(ValidationError) as refused:
        practice.settings.set_handout_texts({"horoscope": "Mercury is in retrograde."})
    assert "horoscope" in str(refused.value)
    assert practice.settings.handout_texts() == {"aftercare": "Rest today.\n"}


def test_course_summary_lists_the_sessions_ratings_and_reactions(
    practice: Practice, charted: Charted
) -> None:
    data = course_summary_data(practice, client_id=charted.client_id, today=dt.date(2025, 3, 1))
    assert [s.number for s in data.sessions] == [1, 2, 3]
    assert [s.points_count for s in data.sessions] == [8, 8, 9]
    assert data.sessions[2].reactions == "Mild bruising, under the left eye; mild fatigue"
    assert data.ratings["Wrinkles and fine lines"] == ((1, 7.0), (2, 6.0), (3, 5.0))
    assert data.planned_sessions == 10
    assert data.next_appointment == dt.date(2025, 3, 11)
    assert [(r.session_number, r.reaction.kind_label) for r in data.reactions] == [
        (2, "Redness"),
        (3, "Bruising"),
        (3, "Fatigue"),
    ]
    words = text(documents.course_summary(practice, charted.client_id).pdf)
    assert CLIENT_NAME in words
    assert "3 of 10" in words
    assert "How you rated your concerns" in words


def test_course_summary_for_a_course_of_another_client_is_refused(
    practice: Practice, charted: Charted
) -> None:
    from acuchart.services.clients import ClientForm

    other = practice.clients.create(ClientForm(first_name="Mei", last_name="Lin")).value
    with pytest.raises(ValidationError):
        course_summary_data(practice, client_id=other.id, course_id=charted.course_id)


def test_chart_export_shows_every_session_as_signed_with_its_amendment_and_the_audit(
    practice: Practice, charted: Charted
) -> None:
    data = chart_export_data(practice, charted.client_id)
    assert [s.number for s in data.sessions] == [1, 2, 3]
    second = data.sessions[1]
    assert second.signed_by == "Amélie Durand"
    assert second.signed_at == SESSION_TIMES[1] + dt.timedelta(minutes=50)
    assert (second.needles_in, second.needles_out, second.needle_count_matches) == (8, 8, True)
    assert not second.late_entry
    right_si18 = next(m for m in second.marks if (m.code, m.side) == ("SI18", "right"))
    assert [r.severity for r in right_si18.reactions] == ["moderate"]  # as signed ...
    assert [(a.old_value, a.new_value) for a in second.amendments] == [
        ("moderate", "mild")
    ]  # ... then amended
    assert dict(second.ratings) == {"Skin radiance and complexion": 5.0, "Wrinkles and fine lines": 6.0}
    assert data.audit.ok and data.audit.entries
    assert [c.text_version for c in data.consents] == ["2026-1"]
    assert data.cautions.flags == ("Anticoagulants or antiplatelets (incl. aspirin, fish oil, ginkgo)",)
    words = text(documents.chart_export(practice, charted.client_id).pdf)
    for expected in (CLIENT_NAME, "Rechecked at the follow-up call", "Amendments after signing", "Intact"):
        assert expected in words


def test_consent_form_prints_the_practices_consent_version(practice: Practice, charted: Charted) -> None:
    practice.settings.update(consent_text_version="2026-2")
    data = consent_form_data(practice, charted.client_id)
    assert data.text_version == "2026-2"
    assert data.date_of_birth == dt.date(1979, 6, 2)
    words = text(documents.consent_form(practice, charted.client_id).pdf)
    assert "Version 2026-2" in words
    assert CLIENT_NAME in words


def test_every_page_of_every_document_renders(practice: Practice, charted: Charted) -> None:
    made = [
        documents.handout(practice, charted.session_ids[-1]),
        documents.course_summary(practice, charted.client_id),
        documents.chart_export(practice, charted.client_id),
        documents.consent_form(practice, charted.client_id),
    ]
    for document in made:
        pages = rendered_pages(document.pdf, scale=0.3)
        assert pages, document.title
        assert all(ink_fraction(page) > 0.02 for page in pages), document.title
        assert document.file_name.endswith(".pdf") and "/" not in document.file_name


def test_unknown_ids_say_so(practice: Practice) -> None:
    with pytest.raises(NotFoundError, match="No session with id 404"):
        handout_data(practice, 404)
    with pytest.raises(NotFoundError, match="No client with id 404"):
        chart_export_data(practice, 404)
    with pytest.raises(NotFoundError, match="No client with id 404"):
        course_summary_data(practice, client_id=404)
    with pytest.raises(NotFoundError, match="No client with id 404"):
        consent_form_data(practice, 404)


def test_a_client_without_a_course_gets_a_summary_of_every_session(practice: Practice) -> None:
    from acuchart.services.clients import ClientForm

    client = practice.clients.create(
        ClientForm(first_name="Noa", last_name="Ben-David", concerns=["acne"])
    ).value
    session = practice.sessions.create(client.id, consent_override="Consent form to follow by post").value
    practice.charting.apply_protocol(session.id, [("ST2", "left")])
    data = course_summary_data(practice, client_id=client.id)
    assert [(s.number, s.points_count) for s in data.sessions] == [(1, 1)]
    assert data.planned_sessions is None
    assert "Your sessions" in text(documents.course_summary(practice, client.id).pdf)
