"""The clinical record: consent, courses, progress ratings, signing, amendments and follow-up."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from acuchart.errors import ConsentMissingError, SignedSessionError, ValidationError
from acuchart.practice import Practice
from acuchart.services.clients import ClientForm
from acuchart.services.courses import CourseForm
from acuchart.services.record_rules import add_months
from tests.records_helpers import NOW, PRACTITIONER, TODAY, chart_session, client_with_course, clock_at

SEP_1 = dt.datetime(2026, 9, 1, 10, 0)


def weekly(n: int) -> dt.datetime:
    """The n-th weekly session (0-based) of a course that began on 1 Sep 2026."""
    return SEP_1 + dt.timedelta(days=7 * n)


def audit_entries(practice: Practice) -> int:
    report = practice.verify_audit()
    assert report.ok, report.problem
    return report.entries


# --- consent ---------------------------------------------------------------------------------------


def test_consent_is_kept_with_its_date_text_version_and_how_it_was_obtained(practice: Practice) -> None:
    client, _ = client_with_course(practice, consent=False)
    assert not practice.consent.has_consent(client.id)
    consent = practice.consent.record_consent(
        client.id, "2026-09-01", "verbal", note="Witnessed by reception"
    ).value
    assert practice.consent.has_consent(client.id)
    assert (consent.given_on, consent.text_version, consent.method_label) == (
        dt.date(2026, 9, 1),
        "2026-1",
        "Verbal, noted in the chart",
    )
    assert consent.recorded_by == PRACTITIONER
    assert practice.consent.consents_for(client.id) == [consent]


def test_consent_dated_in_the_future_is_refused_beside_the_date_and_nothing_is_saved(
    practice: Practice,
) -> None:
    client, _ = client_with_course(practice, consent=False)
    before = audit_entries(practice)
    with pytest.raises(ValidationError) as refused:
        practice.consent.record_consent(client.id, dt.date.today() + dt.timedelta(days=3), "signed_form")
    assert "in the future" in refused.value.problems["given_on"]
    with pytest.raises(ValidationError) as refused:
        practice.consent.record_consent(client.id, "2026-09-01", "by carrier pigeon", text_version="")
    assert set(refused.value.problems) == {"method", "text_version"}
    assert not practice.consent.has_consent(client.id)
    assert audit_entries(practice) == before


def test_a_session_without_consent_needs_an_override_note_and_the_note_is_kept(practice: Practice) -> None:
    client, course = client_with_course(practice, consent=False)
    with pytest.raises(ConsentMissingError):
        practice.sessions.create(client.id, course_id=course.id)
    session = practice.sessions.create(
        client.id, course_id=course.id, consent_override="Form at home; verbal today"
    ).value
    assert practice.sessions.get(session.id).consent_override == "Form at home; verbal today"


# --- courses ---------------------------------------------------------------------------------------


def test_a_new_course_plans_ten_sessions_a_week_apart_by_default(practice: Practice) -> None:
    _, course = client_with_course(practice)
    assert (course.planned_sessions, course.interval_days, course.status) == (10, 7, "active")
    assert course.concerns == ("wrinkles", "radiance")


@pytest.mark.parametrize("interval", [0, 61, -3, "often", 2.5])
def test_an_interval_outside_1_to_60_days_is_refused_beside_the_field(
    practice: Practice, interval: object
) -> None:
    client, _ = client_with_course(practice)
    with pytest.raises(ValidationError) as refused:
        practice.courses.create_course(client.id, CourseForm(concerns=["acne"], interval_days=interval))  # type: ignore[arg-type]
    assert "1 to 60 days" in refused.value.problems["interval_days"]
    assert len(practice.courses.courses_for(client.id)) == 1


def test_a_course_needs_a_concern_and_a_sensible_start(practice: Practice) -> None:
    client, _ = client_with_course(practice)
    with pytest.raises(ValidationError) as refused:
        practice.courses.create_course(
            client.id, CourseForm(concerns=[], start_date="3000-01-01", planned_sessions=0)
        )
    assert set(refused.value.problems) == {"concerns", "start_date", "planned_sessions"}


def test_the_client_page_reads_session_4_of_10_and_when_the_next_is_due(practice: Practice) -> None:
    client, course = client_with_course(practice)
    for n in range(4):
        with clock_at(weekly(n)):
            chart_session(practice, client.id, course.id, weekly(n))
    progress = practice.courses.course_progress(course.id, today=dt.date(2026, 9, 25))
    assert progress.label == "session 4 of 10"
    assert progress.next_due == dt.date(2026, 9, 29)
    assert not progress.overdue


def test_a_course_is_overdue_once_the_next_session_date_has_passed(practice: Practice) -> None:
    client, course = client_with_course(practice)
    with clock_at(weekly(0)):
        chart_session(practice, client.id, course.id, weekly(0))
    progress = practice.courses.course_progress(course.id, today=dt.date(2026, 9, 12))
    assert progress.overdue and progress.days_overdue == 4
    assert not practice.courses.course_progress(course.id, today=dt.date(2026, 9, 8)).overdue


def test_a_course_with_every_planned_session_charted_is_never_overdue(practice: Practice) -> None:
    client, course = client_with_course(practice, planned_sessions=2)
    for n in range(2):
        with clock_at(weekly(n)):
            chart_session(practice, client.id, course.id, weekly(n))
    progress = practice.courses.course_progress(course.id, today=dt.date(2027, 1, 1))
    assert progress.all_planned_done and progress.next_due is None and not progress.overdue


def test_completing_a_course_proposes_maintenance_visits_every_three_months(practice: Practice) -> None:
    _client, course = client_with_course(practice)
    with clock_at(NOW):
        proposed = practice.courses.complete_course(course.id).value
    assert proposed == [dt.date(2027, 2, 21), dt.date(2027, 5, 21), dt.date(2027, 8, 21)]
    completed = practice.courses.course(course.id)
    assert (completed.status, completed.ended_on, completed.maintenance_months) == ("maintenance", TODAY, 3)
    with pytest.raises(ValidationError, match="already"):
        practice.courses.complete_course(course.id)


def test_completing_without_maintenance_leaves_the_course_completed(practice: Practice) -> None:
    _, course = client_with_course(practice)
    assert practice.courses.complete_course(course.id, maintenance_months=None).value == []
    assert practice.courses.course(course.id).status == "completed"
    assert practice.courses.course_progress(course.id).next_due is None


def test_month_arithmetic_stays_inside_the_month() -> None:
    assert add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2027, 11, 30), 3) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2026, 1, 31), 12) == dt.date(2027, 1, 31)


# --- ratings ---------------------------------------------------------------------------------------


def test_ratings_over_a_course_make_one_line_per_concern(practice: Practice) -> None:
    client, course = client_with_course(practice)
    for n, (wrinkles, radiance) in enumerate([(8, 6), (7, 6), (5, 4)]):
        with clock_at(weekly(n)):
            session = chart_session(practice, client.id, course.id, weekly(n))
        practice.ratings.set_rating(session.id, "wrinkles", wrinkles)
        practice.ratings.set_rating(session.id, "radiance", radiance)
    series = {s.concern: s.points for s in practice.ratings.progress_series(course.id)}
    assert series == {"wrinkles": ((1, 8), (2, 7), (3, 5)), "radiance": ((1, 6), (2, 6), (3, 4))}
    assert practice.ratings.rating_concerns(session.id) == ("wrinkles", "radiance")


@pytest.mark.parametrize("score", [-1, 11, 7.5, "ten", True])
def test_a_rating_outside_0_to_10_is_refused(practice: Practice, score: object) -> None:
    client, course = client_with_course(practice)
    session = chart_session(practice, client.id, course.id, weekly(0))
    with pytest.raises(ValidationError) as refused:
        practice.ratings.set_rating(session.id, "wrinkles", score)  # type: ignore[arg-type]
    assert "0 to 10" in refused.value.problems["score"]
    assert practice.ratings.ratings_for(session.id) == {}


def test_a_rating_can_be_changed_and_cleared_before_signing(practice: Practice) -> None:
    client, course = client_with_course(practice)
    session = chart_session(practice, client.id, course.id, weekly(0))
    practice.ratings.set_rating(session.id, "wrinkles", 6)
    practice.ratings.set_rating(session.id, "wrinkles", 5)
    assert practice.ratings.ratings_for(session.id) == {"wrinkles": 5}
    practice.ratings.set_rating(session.id, "wrinkles", None)
    assert practice.ratings.ratings_for(session.id) == {}


# --- signing and amendments ------------------------------------------------------------------------


def signed_session(practice: Practice) -> tuple[int, int]:
    """A session charted and signed at the chair on 1 Sep 2026; returns (client id, session id)."""
    client, course = client_with_course(practice)
    with clock_at(SEP_1 + dt.timedelta(minutes=50)):
        session = chart_session(practice, client.id, course.id, SEP_1)
        practice.ratings.set_rating(session.id, "wrinkles", 7)
        practice.signing.sign(session.id)
    return client.id, session.id


def test_signing_stamps_the_time_and_the_practitioner_and_is_audited(practice: Practice) -> None:
    _, session_id = signed_session(practice)
    session = practice.sessions.get(session_id)
    assert session.signed_at == SEP_1 + dt.timedelta(minutes=50)
    assert session.signed_by == PRACTITIONER
    assert not session.late_entry
    actions = [row["action"] for row in practice.store.rows("select action from audit order by id")]
    assert actions[-2:] == ["update", "sign"]
    with pytest.raises(SignedSessionError):
        practice.signing.sign(session_id)


def test_a_session_cannot_be_signed_until_the_needles_are_counted_out(practice: Practice) -> None:
    client, course = client_with_course(practice)
    session = chart_session(practice, client.id, course.id, weekly(0), counted=False)
    ok, why = practice.signing.can_sign(session.id)
    assert not ok and "needles" in why
    with pytest.raises(ValidationError) as refused:
        practice.signing.sign(session.id)
    assert refused.value.problems["sign"] == why
    assert practice.sessions.get(session.id).signed_at is None


def test_a_session_cannot_be_signed_before_the_practitioner_is_named(practice: Practice) -> None:
    client, course = client_with_course(practice)
    practice.settings.update(practitioner_name="")
    session = chart_session(practice, client.id, course.id, weekly(0))
    ok, why = practice.signing.can_sign(session.id)
    assert not ok and "Practice settings" in why


def test_a_session_charted_more_than_a_day_after_it_happened_is_a_late_entry(practice: Practice) -> None:
    client, course = client_with_course(practice)
    with clock_at(SEP_1 + dt.timedelta(days=2)):
        session = chart_session(practice, client.id, course.id, SEP_1)
        practice.signing.sign(session.id)
    assert practice.sessions.get(session.id).late_entry
    assert practice.followups.client_history(client.id)[0].late_entry


def test_a_signed_session_takes_a_new_rating_only_as_an_amendment(practice: Practice) -> None:
    _, session_id = signed_session(practice)
    with pytest.raises(SignedSessionError, match="Amend"):
        practice.ratings.set_rating(session_id, "wrinkles", 3)
    with clock_at(NOW):
        amendment = practice.signing.amend(
            session_id, "ratings", None, "wrinkles", "4", "Client misread the scale"
        ).value
    assert (amendment.old_value, amendment.new_value, amendment.author) == ("7", "4", PRACTITIONER)
    assert amendment.at == NOW and amendment.field_label == "Rating: Wrinkles and fine lines"
    assert practice.ratings.ratings_for(session_id) == {"wrinkles": 4}
    stored = practice.store.rows("select score from ratings where session_id = ?", [session_id])
    assert stored == [{"score": 7}]  # the original, as signed


def test_an_amendment_keeps_the_signed_original_and_says_who_when_and_why(practice: Practice) -> None:
    _, session_id = signed_session(practice)
    with clock_at(NOW):
        practice.signing.amend(
            session_id, "sessions", session_id, "notes", "Client reported feeling calmer.", "Forgot"
        )
        practice.signing.amend(
            session_id, "sessions", session_id, "notes", "Client felt calmer; slept well.", "Fuller"
        )
    first, second = practice.signing.amendments_for(session_id)
    assert (first.old_value, first.new_value) == ("", "Client reported feeling calmer.")
    assert (second.old_value, second.new_value) == (
        "Client reported feeling calmer.",
        "Client felt calmer; slept well.",
    )
    assert practice.sessions.get(session_id).notes == ""
    assert "amend" in [row["action"] for row in practice.store.rows("select action from audit")]


def test_an_amendment_needs_a_reason_a_real_change_and_a_valid_value(practice: Practice) -> None:
    _, session_id = signed_session(practice)
    before = audit_entries(practice)
    with pytest.raises(ValidationError) as refused:
        practice.signing.amend(session_id, "sessions", session_id, "duration_min", "900", "  ")
    assert set(refused.value.problems) == {"new_value", "reason"}
    with pytest.raises(ValidationError) as refused:
        practice.signing.amend(session_id, "ratings", None, "wrinkles", "7", "Same again")
    assert "already on record" in refused.value.problems["new_value"]
    with pytest.raises(ValidationError) as refused:
        practice.signing.amend(session_id, "sessions", session_id, "signed_by", "Someone else", "Because")
    assert "field" in refused.value.problems
    assert audit_entries(practice) == before
    assert practice.signing.amendments_for(session_id) == []


def test_an_unsigned_session_is_changed_in_place_not_amended(practice: Practice) -> None:
    client, course = client_with_course(practice)
    session = chart_session(practice, client.id, course.id, weekly(0))
    with pytest.raises(ValidationError, match="not signed"):
        practice.signing.amend(session.id, "sessions", session.id, "notes", "x", "y")


def test_a_bruise_reported_after_signing_is_a_late_entry_with_an_amendment(practice: Practice) -> None:
    client_id, session_id = signed_session(practice)
    mark = practice.sessions.load(session_id).marks[0]
    with clock_at(SEP_1 + dt.timedelta(days=2)):
        amendment = practice.signing.add_late_reaction(
            session_id, mark.id, "bruising", "mild", note="Noticed at home"
        ).value
    assert amendment.field_label == "Reaction reported after signing"
    assert amendment.new_value == "Mild bruising at left ST2: Noticed at home"
    (reaction,) = practice.followups.reactions_for_client(client_id)
    assert reaction.late_entry and reaction.is_open and reaction.onset == "later"
    assert reaction.label == "Mild bruising at left ST2"


# --- reactions and follow-up -----------------------------------------------------------------------


def test_resolving_a_reaction_of_a_signed_session_is_follow_up_not_an_amendment(practice: Practice) -> None:
    client_id, session_id = signed_session(practice)
    reaction_id = practice.signing.add_late_reaction(session_id, None, "headache", "mild").value.entity_id
    assert reaction_id is not None
    amendments = len(practice.signing.amendments_for(session_id))
    with clock_at(NOW):
        practice.followups.resolve_reaction(reaction_id)
    (reaction,) = practice.followups.reactions_for_client(client_id)
    assert reaction.resolved_on == TODAY
    assert len(practice.signing.amendments_for(session_id)) == amendments
    practice.followups.reopen_reaction(reaction_id)
    assert practice.followups.reactions_for_client(client_id)[0].is_open


def test_a_reaction_cannot_be_resolved_in_the_future_or_before_its_session(practice: Practice) -> None:
    _, session_id = signed_session(practice)
    reaction_id = practice.signing.add_late_reaction(session_id, None, "fatigue", "mild").value.entity_id
    assert reaction_id is not None
    with pytest.raises(ValidationError, match="future"):
        practice.followups.resolve_reaction(reaction_id, on=dt.date.today() + dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="before the session"):
        practice.followups.resolve_reaction(reaction_id, on=dt.date(2026, 8, 1))


def test_follow_ups_list_open_reactions_overdue_courses_and_maintenance_due(practice: Practice) -> None:
    amelia, amelia_course = client_with_course(practice)
    sofia, sofia_course = client_with_course(practice, "Sofía", "Domínguez")
    _grace, grace_course = client_with_course(practice, "Grace", "Okonkwo")
    with clock_at(weekly(0)):
        first = chart_session(practice, amelia.id, amelia_course.id, weekly(0))
        practice.charting.add_reaction(first.id, None, "dizziness", "moderate")
        chart_session(practice, sofia.id, sofia_course.id, weekly(0))
    with clock_at(weekly(1)):
        chart_session(practice, sofia.id, sofia_course.id, weekly(1))
    with clock_at(dt.datetime(2026, 9, 20, 18)):
        practice.courses.complete_course(grace_course.id, maintenance_months=3)
    found = practice.followups.followups(today=dt.date(2026, 12, 10))
    assert [r.client_name for r in found.open_reactions] == ["Amelia Hartley"]
    assert [(c.client_name, c.due_on, c.days_late) for c in found.overdue_courses] == [
        ("Amelia Hartley", dt.date(2026, 9, 8), 93),
        ("Sofía Domínguez", dt.date(2026, 9, 15), 86),
    ]
    assert [(c.client_name, c.due_on, c.when) for c in found.due_maintenance] == [
        ("Grace Okonkwo", dt.date(2026, 12, 20), "due in 10 days")
    ]
    assert found.count == 4
    assert practice.followups.followups(today=dt.date(2026, 12, 1)).due_maintenance == ()


def test_archived_clients_leave_the_course_lists_but_their_open_reactions_stay(practice: Practice) -> None:
    client, course = client_with_course(practice)
    with clock_at(weekly(0)):
        session = chart_session(practice, client.id, course.id, weekly(0))
        practice.charting.add_reaction(session.id, None, "headache", "mild")
    practice.clients.set_archived(client.id, True)
    found = practice.followups.followups(today=TODAY)
    assert found.overdue_courses == () and len(found.open_reactions) == 1


def test_the_history_lists_sessions_newest_first_with_number_points_reactions_and_signature(
    practice: Practice,
) -> None:
    client, course = client_with_course(practice)
    for n in range(3):
        with clock_at(weekly(n)):
            session = chart_session(practice, client.id, course.id, weekly(n))
            if n < 2:
                practice.signing.sign(session.id)
    practice.charting.add_reaction(session.id, None, "fatigue", "mild")
    history = practice.followups.client_history(client.id)
    assert [(h.number, h.points, h.open_reactions, h.signed) for h in history] == [
        (3, 2, 1, False),
        (2, 2, 0, True),
        (1, 2, 0, True),
    ]
    record = practice.client_record(client.id, today=dt.date(2026, 9, 16))
    assert record.has_consent and record.courses[0].progress.label == "session 3 of 10"
    assert record.history == tuple(history)


# --- cautions ----------------------------------------------------------------------------------------


def test_cautions_reviewed_more_than_six_months_ago_prompt_a_review(practice: Practice) -> None:
    from acuchart.services.clients import ClientForm

    client = practice.clients.create(
        ClientForm(
            first_name="Margaret",
            last_name="Osei",
            caution_flags=["anticoagulants"],
            cautions_reviewed_on="2026-03-10",
        )
    ).value
    review = practice.followups.caution_review(client, today=TODAY)
    assert review.due and review.text == "Cautions last reviewed 8 months ago — review now"
    practice.settings.update(caution_review_months=12)
    assert not practice.followups.caution_review(client, today=TODAY).due


# --- bad input ---------------------------------------------------------------------------------------


def test_right_to_left_and_emoji_text_is_stored_intact(practice: Practice) -> None:
    client, course = client_with_course(practice, "Noa", "Ben-David")
    note = "נועה — הסכמה בעל פה 🙂 مرحبا"
    consent = practice.consent.record_consent(client.id, "2026-09-01", "verbal", note=note).value
    assert consent.note == note
    edited = practice.courses.update_course(course.id, CourseForm(concerns=["wrinkles"], notes=note)).value
    assert edited.notes == note


def test_ten_megabytes_pasted_into_a_note_is_refused_and_nothing_is_half_saved(practice: Practice) -> None:
    client, course = client_with_course(practice)
    before = audit_entries(practice)
    huge = "x" * 10_000_000
    with pytest.raises(ValidationError) as refused:
        practice.courses.update_course(course.id, CourseForm(concerns=["acne"], notes=huge, interval_days=0))
    assert set(refused.value.problems) == {"notes", "interval_days"}
    with pytest.raises(ValidationError, match="10,000,000 characters"):
        practice.consent.record_consent(client.id, "2026-09-01", "verbal", note=huge)
    assert practice.courses.course(course.id).concerns == ("wrinkles", "radiance")
    assert audit_entries(practice) == before


@given(
    ended=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2026, 11, 1)), months=st.integers(1, 24)
)
@example(ended=dt.date(2026, 1, 31), months=1)
@example(ended=dt.date(2023, 11, 30), months=3)
@example(ended=dt.date(2024, 8, 31), months=6)
@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_next_maintenance_visit_stays_inside_its_month(
    practice: Practice, ended: dt.date, months: int
) -> None:
    with clock_at(NOW):
        client = practice.clients.create(ClientForm(first_name="Eva", last_name="Lindqvist")).value
        course = practice.courses.create_course(
            client.id, CourseForm(concerns=["scars"], start_date=ended)
        ).value
        proposed = practice.courses.complete_course(course.id, maintenance_months=months, on=ended).value
    assert proposed[0] == add_months(ended, months)
    assert practice.courses.course_progress(course.id).next_due == add_months(ended, months)
