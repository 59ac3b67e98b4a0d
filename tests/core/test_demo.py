"""The demo practice shows everything the app can do, consistently, as a newcomer would find it."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from itertools import pairwise
from pathlib import Path

import pytest

from acuchart import clock
from acuchart.catalogue import load_catalogue
from acuchart.check import check_file
from acuchart.demo import write_demo
from acuchart.demo.cast import MISREAD_SCALE
from acuchart.demo.visits import FOREHEAD_LINE
from acuchart.errors import ConsentMissingError
from acuchart.models import ClientSummary
from acuchart.practice import Practice

NOW = dt.datetime(2026, 11, 18, 14, 7)  # a Wednesday afternoon
TODAY = NOW.date()
PRACTITIONER = "Dr. Jane Doe, L.Ac."


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The demo written once for this module, as if today were :data:`NOW`; read-only from here on."""
    clock.set_clock(lambda: NOW)
    path = tmp_path_factory.mktemp("demo") / "demo.acuchart"
    try:
        write_demo(path)
        yield path
    finally:
        clock.set_clock(None)


@pytest.fixture(scope="module")
def demo(demo_path: Path) -> Iterator[Practice]:
    practice = Practice.open(demo_path)
    yield practice
    practice.close()


def full_name(client: ClientSummary) -> str:
    return f"{client.first_name} {client.last_name}"


def client_id(practice: Practice, name: str) -> int:
    (found,) = [c for c in practice.clients.search(name) if full_name(c) == name]
    return found.id


def test_amelia_walks_through_a_whole_course_of_ten_signed_sessions(demo: Practice) -> None:
    amelia = demo.clients.get(client_id(demo, "Amelia Hartley"))
    assert amelia.caution_flags == ("anticoagulants",)
    (consent,) = demo.consent.consents_for(amelia.id)
    assert (consent.method, consent.recorded_by) == ("signed_form", PRACTITIONER)
    (course,) = demo.courses.courses_for(amelia.id)
    assert (course.planned_sessions, course.status) == (10, "maintenance")
    history = demo.followups.client_history(amelia.id)
    assert [s.number for s in reversed(history)] == list(range(1, 11))
    assert all(s.course_id == course.id and s.signed_by == PRACTITIONER for s in history)
    assert not any(s.late_entry for s in history)
    assert all(set(demo.ratings.ratings_for(s.id)) == {"wrinkles", "radiance"} for s in history)
    for series in demo.ratings.progress_series(course.id):
        scores = [score for _, score in series.points]
        assert len(scores) == 10 and scores[-1] < scores[0]


def test_amelias_bruise_at_left_st2_was_recorded_and_later_resolved(demo: Practice) -> None:
    reactions = demo.followups.reactions_for_client(client_id(demo, "Amelia Hartley"))
    (bruise,) = [r for r in reactions if r.kind == "bruising"]
    assert (bruise.where, bruise.severity) == ("left ST2", "mild")
    assert bruise.resolved_on is not None and bruise.resolved_on > bruise.session_on


def test_amelia_misread_the_scale_once_and_the_rating_was_amended_with_its_reason(demo: Practice) -> None:
    (amended,) = [s for s in demo.followups.client_history(client_id(demo, "Amelia Hartley")) if s.amendments]
    (amendment,) = demo.signing.amendments_for(amended.id)
    assert (amended.number, amendment.entity, amendment.field) == (5, "ratings", "wrinkles")
    assert (amendment.reason, amendment.author) == (MISREAD_SCALE, PRACTITIONER)
    assert amendment.old_value != amendment.new_value
    assert demo.ratings.ratings_for(amended.id)["wrinkles"] == int(amendment.new_value or "")


def test_sofia_on_aspirin_has_an_open_bruise_at_left_st2_from_her_latest_session(demo: Practice) -> None:
    latest = demo.followups.client_history(client_id(demo, "Sofía Domínguez"))[0]
    chart = demo.sessions.load(latest.id)
    marks = {m.id: m for m in chart.marks}
    (bruise,) = [r for r in chart.reactions if r.kind == "bruising"]
    st2 = marks[bruise.mark_id or 0]
    assert (st2.code, st2.side, bruise.resolved_on) == ("ST2", "left", None)
    assert "blood thinners" in st2.caution_warning


def test_hannah_who_is_pregnant_is_never_needled_at_a_caution_point_in_pregnancy(demo: Practice) -> None:
    catalogue = load_catalogue()
    history = demo.followups.client_history(client_id(demo, "Hannah Whitfield"))
    codes = {m.code for s in history for m in demo.sessions.load(s.id).marks if m.code}
    assert history and codes
    assert not codes & {"LI4", "SP6"}
    assert not [code for code in codes if catalogue.get(code).pregnancy_caution]


def test_follow_ups_list_open_reactions_overdue_courses_and_maintenance_due(demo: Practice) -> None:
    found = demo.followups.followups(TODAY)
    assert 3 <= len(found.open_reactions) <= 8
    assert {"Sofía Domínguez", "Margaret Osei"} <= {r.client_name for r in found.open_reactions}
    assert {c.client_name for c in found.overdue_courses} == {"Zoë Nakamura", "Elena Petrova"}
    assert [c.client_name for c in found.due_maintenance] == ["Ingrid Solberg"]


def test_one_client_has_no_consent_on_file_and_is_not_charted_without_a_note(demo: Practice) -> None:
    clients = demo.clients.search("")
    assert [full_name(c) for c in clients if not demo.consent.has_consent(c.id)] == ["Elena Petrova"]
    with pytest.raises(ConsentMissingError):
        demo.sessions.create(client_id(demo, "Elena Petrova"))


def test_todays_sessions_are_left_for_the_newcomer_to_finish(demo: Practice) -> None:
    unsigned = {
        full_name(c): s
        for c in demo.clients.search("")
        for s in demo.followups.client_history(c.id)
        if not s.signed
    }
    assert set(unsigned) == {"Mei Lin", "Priya Raman"}
    assert all(s.started_at.date() == TODAY for s in unsigned.values())
    ready, why = demo.signing.can_sign(unsigned["Mei Lin"].id)
    assert not ready and "needles" in why
    assert demo.signing.can_sign(unsigned["Priya Raman"].id) == (True, "")


def test_free_markers_and_a_needle_count_explained_by_a_note(demo: Practice) -> None:
    sessions = [s for c in demo.clients.search("") for s in demo.followups.client_history(c.id)]
    charts = [demo.sessions.load(s.id) for s in sessions]
    forehead = [m for chart in charts for m in chart.marks if m.label == FOREHEAD_LINE]
    assert len(forehead) >= 10 and all(m.is_free and m.needles >= 4 for m in forehead)
    short = [c for c in charts if demo.sessions.needle_balance(c.session.id).difference]
    assert [(c.session.signed, bool(c.session.count_note)) for c in short] == [(True, True)]


def test_the_practitioner_saved_her_own_forehead_routine(demo: Practice) -> None:
    (routine,) = demo.protocols.list()
    assert routine.name == "My forehead routine"
    assert ("GB14", "left") in routine.points


def test_every_session_is_in_its_clients_course_and_rated_for_each_concern(demo: Practice) -> None:
    for client in demo.clients.search(""):
        courses = {c.id: c for c in demo.courses.courses_for(client.id)}
        for session in demo.followups.client_history(client.id):
            assert session.course_id in courses and session.number is not None
            assert set(courses[session.course_id].concerns) <= set(demo.ratings.ratings_for(session.id))


def test_one_practitioner_never_sees_two_clients_at_once(demo: Practice) -> None:
    booked = sorted(
        (s.started_at, s.started_at + dt.timedelta(minutes=s.duration_min))
        for c in demo.clients.search("")
        for s in demo.sessions.sessions_for_client(c.id)
    )
    assert all(later[0] >= earlier[1] for earlier, later in pairwise(booked))


def test_the_demo_passes_check_and_is_late_only_where_the_story_says_so(
    demo: Practice, demo_path: Path
) -> None:
    assert check_file(demo_path).ok
    late = {
        (full_name(c), s.number)
        for c in demo.clients.search("")
        for s in demo.followups.client_history(c.id)
        if s.late_entry
    }
    assert late == {("Noa Ben-David", 3), ("Margaret Osei", 2)}  # a reaction phoned in; charted from paper
    moments = [row["at"] for row in demo.store.rows("select at from audit order by id")]
    assert moments == sorted(moments) and moments[-1] <= NOW.isoformat()


def test_the_demo_is_the_same_on_every_run(demo_path: Path, tmp_path: Path) -> None:
    clock.set_clock(lambda: NOW)
    try:
        write_demo(tmp_path / "again.acuchart")
    finally:
        clock.set_clock(None)
    heads = []
    for path in (demo_path, tmp_path / "again.acuchart"):
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            heads.append(conn.execute("select hash from audit order by id desc limit 1").fetchone())
    assert heads[0] == heads[1]


def test_a_demo_that_fails_part_way_leaves_nothing_and_the_next_try_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import acuchart.demo as demo_module
    from acuchart.catalogue import CatalogueError

    whole_replay = demo_module.replay

    def replay_then_fail(steps: list[object], now: dt.datetime) -> None:
        steps = list(steps)
        whole_replay(steps[: len(steps) // 2], now)  # type: ignore[arg-type]
        raise CatalogueError(Path("resources/protocols/wrinkles.csv"), "the file is missing")

    path = tmp_path / "demo.acuchart"
    monkeypatch.setattr(demo_module, "replay", replay_then_fail)
    with pytest.raises(CatalogueError, match="the file is missing"):
        write_demo(path)
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setattr(demo_module, "replay", whole_replay)
    assert "14 clients" in write_demo(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.acuchart", "demo.acuchart.photos"]
    assert check_file(path).ok


def test_the_demo_shows_the_acupuncturists_note_to_a_newcomer(demo: Practice) -> None:
    amelia = client_id(demo, "Amelia Hartley")
    history = demo.followups.client_history(amelia)
    first = history[-1]
    findings = demo.assessment.findings(first.id)
    assert findings.patterns and findings.tongue.body and not findings.pulse.empty
    session = demo.sessions.get(first.id)
    assert session.subjective and session.plan
    techniques = [a for s in history for a in demo.adjuncts.for_session(s.id)]
    assert {"gua_sha", "cupping"} <= {a.kind for a in techniques}
    cupping_marks = [
        r for s in history for r in demo.sessions.load(s.id).reactions if r.adjunct_id is not None
    ]
    assert cupping_marks and all(r.mark_id is None for r in cupping_marks)
    grades = demo.skin.for_client(amelia)
    assert len(grades) == 3 and grades[0].fitzpatrick == 2
    assert demo.needle_lots.uses_of("22B1187") and demo.needle_lots.uses_of("23A0733")
    assert [t.name for t in demo.note_templates.for_concerns(["wrinkles"])] == [
        "Lines and wrinkles",
        "Every visit",
    ]
