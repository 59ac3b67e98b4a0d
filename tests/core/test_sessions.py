"""Charting a session through the service: marks, reactions, needles, protocols, signed sessions."""

from __future__ import annotations

import datetime as dt

import pytest

from acuchart import clock
from acuchart.catalogue import Catalogue, CataloguePoint, Place
from acuchart.changes import Changes
from acuchart.errors import ConsentMissingError, SignedSessionError, ValidationError
from acuchart.practice import Practice
from acuchart.services.charting import ChartingService
from acuchart.services.clients import ClientForm


def add_client(practice: Practice, flags: list[str] | None = None, consent: bool = True) -> int:
    """A client, with a consent on file unless asked otherwise."""
    client = practice.clients.create(
        ClientForm(first_name="Amelia", last_name="Hartley", caution_flags=flags or [])
    ).value
    if consent:
        practice.consent.record_consent(client.id, "2025-01-01", "signed_form")
    return client.id


def sign(practice: Practice, session_id: int) -> None:
    """Sign a session the way the records service will (signed_at set)."""
    with practice.store.write() as w:
        w.update("sessions", session_id, {"signed_at": clock.stamp(), "signed_by": "Dr. Jane Doe"})


@pytest.fixture
def client_id(practice: Practice) -> int:
    return add_client(practice)


@pytest.fixture
def session_id(practice: Practice, client_id: int) -> int:
    return practice.sessions.create(client_id).value.id


def test_a_new_session_starts_now_for_forty_five_minutes(practice: Practice, client_id: int) -> None:
    clock.set_clock(lambda: dt.datetime(2025, 5, 6, 10, 30))
    try:
        session = practice.sessions.create(client_id).value
    finally:
        clock.set_clock(None)
    assert session.started_at == dt.datetime(2025, 5, 6, 10, 30)
    assert session.duration_min == 45
    assert not session.signed


def test_no_consent_on_file_refuses_a_session_unless_overridden(practice: Practice) -> None:
    client = add_client(practice, consent=False)
    with pytest.raises(ConsentMissingError):
        practice.sessions.create(client)
    session = practice.sessions.create(client, consent_override="Verbal consent; form to follow.").value
    assert session.consent_override == "Verbal consent; form to follow."


def test_bruise_at_left_st2_is_stored_with_the_mark(practice: Practice, session_id: int) -> None:
    mark = practice.charting.mark_point(session_id, "st 2", "left").value
    reaction = practice.charting.add_reaction(session_id, mark.id, "bruising", "mild", "during").value
    chart = practice.sessions.load(session_id)
    assert [(m.code, m.side) for m in chart.marks] == [("ST2", "left")]
    assert chart.reactions_at(mark.id) == (reaction,)
    assert chart.worst_severity(mark.id) == "mild"
    assert reaction.label == "Bruising — mild"


def test_unknown_codes_sides_and_kinds_are_refused_by_field(practice: Practice, session_id: int) -> None:
    service = practice.sessions
    with pytest.raises(ValidationError) as bad_code:
        practice.charting.mark_point(session_id, "XX99", "left")
    assert "code" in bad_code.value.problems
    with pytest.raises(ValidationError) as bad_side:
        practice.charting.mark_point(session_id, "CV24", "left")
    assert "side" in bad_side.value.problems
    mark = practice.charting.mark_point(session_id, "CV24", "midline").value
    with pytest.raises(ValidationError) as bad_reaction:
        practice.charting.add_reaction(session_id, mark.id, "dizziness", "awful", "sometime")
    assert set(bad_reaction.value.problems) == {"kind", "severity", "onset"}
    with pytest.raises(ValidationError) as long_note:
        practice.charting.add_reaction(session_id, None, "headache", "mild", "after", "x" * 20_001)
    assert "note" in long_note.value.problems
    with pytest.raises(ValidationError) as off_diagram:
        practice.charting.add_free_marker(session_id, "face", 1.2, -0.1, "", 201)
    assert set(off_diagram.value.problems) == {"x", "y", "needles"}
    assert len(service.load(session_id).marks) == 1


def test_marking_the_same_point_twice_is_refused(practice: Practice, session_id: int) -> None:
    practice.charting.mark_point(session_id, "ST2", "left")
    with pytest.raises(ValidationError):
        practice.charting.mark_point(session_id, "ST2", "left")
    practice.charting.mark_point(session_id, "ST2", "right")


def test_unmark_and_restore_bring_back_the_same_ids_with_reactions(
    practice: Practice, session_id: int
) -> None:
    service = practice.sessions
    mark = practice.charting.mark_point(session_id, "ST2", "left").value
    reaction = practice.charting.add_reaction(
        session_id, mark.id, "bruising", "moderate", "after", "Cold compress."
    ).value
    snapshot = practice.charting.unmark(mark.id).value
    assert service.load(session_id).marks == ()
    assert service.load(session_id).reactions == ()
    practice.charting.restore_mark(snapshot)
    chart = service.load(session_id)
    assert chart.marks == (mark,)
    assert chart.reactions == (reaction,)


def test_free_marker_moves_and_is_relabelled(practice: Practice, session_id: int) -> None:
    marker = practice.charting.add_free_marker(
        session_id, "face", 0.4, 0.2, "Intradermal, forehead line", 5
    ).value
    moved = practice.charting.move_marker(marker.id, 0.45, 0.22).value
    assert (moved.x, moved.y, moved.needles) == (0.45, 0.22, 5)
    edited = practice.charting.edit_marker(marker.id, label="Forehead line", needles=6).value
    assert (edited.label, edited.needles) == ("Forehead line", 6)
    point = practice.charting.mark_point(session_id, "ST2", "right").value
    with pytest.raises(ValidationError):
        practice.charting.move_marker(point.id, 0.1, 0.1)


def test_needle_rule_refuses_signing_a_mismatch_without_a_note(practice: Practice, session_id: int) -> None:
    service = practice.sessions
    practice.charting.mark_point(session_id, "ST2", "left")
    practice.charting.add_free_marker(session_id, "face", 0.4, 0.2, "Forehead", 4)
    assert service.needle_balance(session_id) == (5, None, None)
    ok, reason = service.can_sign(session_id)
    assert not ok and "Confirm" in reason
    service.set_needles_removed(session_id, 4)
    assert service.needle_balance(session_id) == (5, 4, 1)
    ok, reason = service.can_sign(session_id)
    assert not ok and "5 needles went in and 4 came out" in reason
    service.set_needles_removed(session_id, 4, "One needle found on the couch and disposed of.")
    assert service.can_sign(session_id) == (True, "")
    service.set_needles_removed(session_id, 5)
    assert service.can_sign(session_id) == (True, "")


def test_a_signed_session_refuses_every_change(practice: Practice, session_id: int) -> None:
    service = practice.sessions
    mark = practice.charting.mark_point(session_id, "ST2", "left").value
    reaction = practice.charting.add_reaction(session_id, mark.id, "bruising", "mild", "during").value
    marker = practice.charting.add_free_marker(session_id, "face", 0.4, 0.2).value
    sign(practice, session_id)
    attempts = [
        lambda: practice.charting.mark_point(session_id, "ST3", "left"),
        lambda: practice.charting.unmark(mark.id),
        lambda: practice.charting.add_free_marker(session_id, "face", 0.3, 0.3),
        lambda: practice.charting.move_marker(marker.id, 0.1, 0.1),
        lambda: practice.charting.edit_marker(mark.id, needles=2),
        lambda: practice.charting.add_reaction(session_id, None, "headache", "mild", "after"),
        lambda: practice.charting.edit_reaction(reaction.id, severity="severe"),
        lambda: practice.charting.delete_reaction(reaction.id),
        lambda: service.set_needles_removed(session_id, 2),
        lambda: service.update_details(session_id, notes="changed"),
        lambda: practice.charting.apply_protocol(session_id, [("ST3", "right")]),
    ]
    for attempt in attempts:
        with pytest.raises(SignedSessionError, match="amendment"):
            attempt()
    chart = service.load(session_id)
    assert len(chart.marks) == 2 and chart.reactions == (reaction,) and chart.session.notes == ""
    assert service.can_sign(session_id)[0] is False


def test_applying_a_protocol_adds_and_never_removes(practice: Practice, session_id: int) -> None:
    service = practice.sessions
    practice.charting.mark_point(session_id, "ST2", "left")
    practice.charting.add_free_marker(session_id, "face", 0.4, 0.2)
    new = practice.charting.apply_protocol(
        session_id, [("ST2", "left"), ("ST2", "right"), ("CV24", "midline")]
    ).value
    assert [(m.code, m.side) for m in new] == [("ST2", "right"), ("CV24", "midline")]
    assert len(service.load(session_id).marks) == 4
    assert practice.charting.apply_protocol(session_id, [("ST2", "right")]).value == []


def test_repeat_last_pre_marks_points_and_free_markers(practice: Practice, client_id: int) -> None:
    service = practice.sessions
    first = service.create(client_id, started_at=dt.datetime(2025, 3, 1, 10, 0)).value.id
    practice.charting.mark_point(first, "ST2", "left")
    practice.charting.mark_point(first, "CV24", "midline")
    practice.charting.add_free_marker(first, "face", 0.42, 0.18, "Forehead line", 5)
    second = service.create(client_id, started_at=dt.datetime(2025, 3, 8, 10, 0)).value.id
    practice.charting.mark_point(second, "ST2", "left")
    added = practice.charting.repeat_last(second).value
    assert sorted(m.title for m in added) == ["CV24", "Forehead line"]
    marks = service.load(second).marks
    assert len(marks) == 3
    assert next(m for m in marks if m.is_free).needles == 5
    assert practice.charting.repeat_last(second).value == []


def test_own_protocols_are_saved_listed_and_deleted(practice: Practice) -> None:
    saved = practice.protocols.save(
        "Eyes, gentle", "For dark circles", [("ST2", "left"), ("ST2", "right")]
    ).value
    assert [p.name for p in practice.protocols.list()] == ["Eyes, gentle"]
    assert saved.points == (("ST2", "left"), ("ST2", "right"))
    with pytest.raises(ValidationError) as taken:
        practice.protocols.save("eyes, GENTLE", "", [("CV24", "midline")])
    assert "name" in taken.value.problems
    practice.protocols.delete(saved.id)
    assert practice.protocols.list() == []


def test_every_change_names_what_it_changed_with_its_session(practice: Practice, session_id: int) -> None:
    marked = practice.charting.mark_point(session_id, "ST2", "left")
    reacted = practice.charting.add_reaction(session_id, marked.value.id, "redness", "mild", "during")
    heard: list[Changes] = [marked.changes, reacted.changes]
    assert [c.session_id for c in heard] == [session_id, session_id]
    assert heard[0].marks and not heard[0].reactions
    assert heard[1].reactions and not heard[1].marks


def test_each_change_is_audited(practice: Practice, session_id: int) -> None:
    practice.charting.mark_point(session_id, "ST2", "left")
    entries = practice.store.rows("select action, entity from audit where entity = 'marks'")
    assert entries == [{"action": "insert", "entity": "marks"}]
    assert practice.verify_audit().ok


def _point(code: str, cautions: tuple[str, ...], bilateral: bool = True) -> CataloguePoint:
    return CataloguePoint(
        code=code,
        pinyin=code.title(),
        hanzi="",
        english=code,
        meridian="Test",
        sides_needled="both" if bilateral else "midline",
        region="cheek",
        location="",
        cautions=cautions,
        places=(Place("face", 0.3 if bilateral else 0.5, 0.5),),
    )


@pytest.mark.parametrize(
    ("flags", "code", "expected"),
    [
        (["pregnancy"], "LI4", "pregnant"),
        (["anticoagulants"], "ST2", "blood thinners"),
        (["bleeding_disorder"], "ST2", "bleeding disorder"),
        (["pregnancy"], "ST2", ""),
        ([], "LI4", ""),
    ],
)
def test_marking_a_caution_point_records_a_warning(
    practice: Practice, flags: list[str], code: str, expected: str
) -> None:
    catalogue = Catalogue(
        [
            _point("LI4", ("pregnancy: traditionally avoided",)),
            _point("ST2", ("periorbital: bruising risk",)),
        ]
    )
    charting = ChartingService(practice.store, catalogue)
    session = practice.sessions.create(add_client(practice, flags)).value
    mark = charting.mark_point(session.id, code, "left").value
    assert (expected in mark.caution_warning) if expected else mark.caution_warning == ""
    assert practice.sessions.load(session.id).marks[0].caution_warning == mark.caution_warning
