"""The note a licensed acupuncturist keeps: SOAP parts, TCM findings, needling details, needle lots,
adjunct techniques, skin scales and note templates, each through one operation."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from acuchart import clock
from acuchart.errors import DiskError, SignedSessionError, ValidationError
from acuchart.models.tcm import Pulse, PulsePosition, Tongue
from acuchart.practice import Practice
from acuchart.services.clients import ClientForm
from acuchart.storage.schema import MIGRATIONS
from tests.records_helpers import PRACTITIONER

NOW = dt.datetime(2026, 11, 21, 14, 5)


@pytest.fixture(autouse=True)
def _now() -> object:
    with clock.frozen_at(NOW):
        yield


def client_and_session(practice: Practice, at: dt.datetime = NOW) -> tuple[int, int]:
    if not practice.settings.get().practitioner_name:
        practice.settings.update(practitioner_name=PRACTITIONER)
    found = practice.clients.search("hartley")
    if found:
        client_id = found[0].id
    else:
        client_id = practice.clients.create(ClientForm(first_name="Amelia", last_name="Hartley")).value.id
        practice.consent.record_consent(client_id, "2026-01-05", "signed_form")
    return client_id, practice.sessions.create(client_id, started_at=at).value.id


def sign(practice: Practice, session_id: int) -> None:
    practice.sessions.set_needles_removed(session_id, practice.sessions.needle_balance(session_id).inserted)
    practice.signing.sign(session_id)


TONGUE = Tongue("pale", "white", "thin", ("tooth-marked",), "wet")
PULSE = Pulse(
    "slow",
    62,
    {
        ("left", "guan"): PulsePosition("deep", "weak", ("wiry",)),
        ("right", "chi"): PulsePosition("deep", "weak"),
    },
)


def test_the_findings_are_kept_whole_and_read_back_as_the_practitioner_writes_them(
    practice: Practice,
) -> None:
    _, session_id = client_and_session(practice)
    done = practice.assessment.record(
        session_id,
        tongue=TONGUE,
        pulse=PULSE,
        principles=["interior", "deficiency", "cold"],
        patterns=["Spleen qi deficiency", "a little Liver qi stuck after her move"],
        treatment_principle="Tonify Spleen qi",
    )
    assert done.changes.sessions and done.changes.session_id == session_id
    found = practice.assessment.findings(session_id)
    assert found == done.value
    assert found.tongue.words() == "pale body, thin white coating, tooth-marked, wet"
    assert found.pulse.words() == "slow (62/min); left guan: deep, weak, wiry; right chi: deep, weak"
    assert found.patterns[1] == "a little Liver qi stuck after her move"  # not in the list: kept as typed


def test_the_previous_findings_are_beside_the_new_ones_and_carried_over_in_one_action(
    practice: Practice,
) -> None:
    _, first = client_and_session(practice, NOW - dt.timedelta(days=7))
    practice.assessment.record(first, tongue=TONGUE, patterns=["Spleen qi deficiency"])
    _, second = client_and_session(practice)
    assert practice.assessment.findings(second).empty
    previous = practice.assessment.previous(second)
    assert previous is not None and previous.session_id == first
    carried = practice.assessment.carry_over(second)
    assert carried.value.tongue == TONGUE and carried.value.patterns == ("Spleen qi deficiency",)
    assert practice.assessment.findings(first).patterns == ("Spleen qi deficiency",)


def test_findings_of_a_signed_session_change_only_by_amendment(practice: Practice) -> None:
    _, session_id = client_and_session(practice)
    practice.assessment.record(session_id, patterns=["Spleen qi deficiency"])
    sign(practice, session_id)
    with pytest.raises(SignedSessionError):
        practice.assessment.record(session_id, patterns=["Damp-heat"])
    amended = practice.signing.amend(
        session_id,
        "tcm_findings",
        session_id,
        "patterns",
        "Spleen qi deficiency, Damp-heat",
        "Missed at the time",
    ).value
    assert (amended.old_value, amended.new_value) == (
        "Spleen qi deficiency",
        "Spleen qi deficiency, Damp-heat",
    )
    assert amended.field_label == "TCM findings: Pattern"


def test_the_soap_note_keeps_the_old_free_note_as_its_objective_part(tmp_path: Path) -> None:
    path = tmp_path / "before.acuchart"
    conn = sqlite3.connect(path)
    MIGRATIONS.apply(sqlite_utils.Database(conn), stop_before="m008_clinical_note")
    at = NOW.isoformat()
    conn.execute(
        "insert into clients (first_name, last_name, created_at, updated_at) values ('Amelia', 'Hartley', ?, ?)",
        [at, at],
    )
    conn.execute(
        "insert into sessions (client_id, started_at, notes, created_at) values (1, ?, 'Skin dry around the eyes.', ?)",
        [at, at],
    )
    conn.commit()
    conn.close()
    practice = Practice.open(path)
    try:
        session = practice.sessions.get(1)
        assert session.objective == session.notes == "Skin dry around the eyes."
        assert (session.subjective, session.assessment, session.plan) == ("", "", "")
        practice.sessions.update_details(1, subjective="Sleeping better", plan="Weekly; add gua sha")
        again = practice.sessions.get(1)
        assert (again.subjective, again.objective, again.plan) == (
            "Sleeping better",
            "Skin dry around the eyes.",
            "Weekly; add gua sha",
        )
    finally:
        practice.close()


def test_needling_details_are_stored_per_mark_and_checked(practice: Practice) -> None:
    _, session_id = client_and_session(practice)
    mark = practice.charting.mark_point(session_id, "ST2", "left").value
    edited = practice.charting.edit_marker(
        mark.id, angle="oblique", depth_mm="3,5", stimulation="tonifying", retention_min=20
    ).value
    assert (edited.angle, edited.depth_mm, edited.stimulation, edited.retention_min) == (
        "oblique",
        3.5,
        "tonifying",
        20,
    )
    with pytest.raises(ValidationError) as bad:
        practice.charting.edit_marker(mark.id, angle="sideways", depth_mm=-1, retention_min=999)
    assert set(bad.value.problems) == {"angle", "depth_mm", "retention_min"}


def test_a_box_entered_once_is_used_by_every_new_session_until_it_is_used_up(practice: Practice) -> None:
    lot = practice.needle_lots.open_lot(
        "Seirin J-type", "0.16", "15 mm", "21A0455", expires_on="2029-04-30"
    ).value
    _, first = client_and_session(practice)
    assert [used.id for used in practice.needle_lots.lots_for_session(first)] == [lot.id]
    practice.needle_lots.finish_lot(lot.id)
    _, second = client_and_session(practice, NOW + dt.timedelta(minutes=5))
    assert practice.needle_lots.lots_for_session(second) == []
    practice.needle_lots.set_session_lots(second, [lot.id])
    assert [used.id for used in practice.needle_lots.lots_for_session(second)] == [lot.id]


def test_a_recall_finds_every_session_of_a_lot_however_its_number_is_typed(practice: Practice) -> None:
    practice.needle_lots.open_lot("Seirin J-type", "0.16", "15 mm", "21A-0455 / b")
    other = practice.needle_lots.open_lot("Dongbang", "0.20", "30 mm", "DB-77").value
    client_id, first = client_and_session(practice)
    _, second = client_and_session(practice, NOW + dt.timedelta(hours=1))
    practice.needle_lots.set_session_lots(second, [other.id])
    uses = practice.needle_lots.uses_of("21a0455b")
    assert [(u.session_id, u.client_id, u.client_name) for u in uses] == [
        (first, client_id, "Amelia Hartley")
    ]
    assert uses[0].lot_number == "21A-0455 / b"  # kept exactly as typed
    assert practice.needle_lots.uses_of("nothing like it") == []


def test_a_signed_sessions_boxes_do_not_change(practice: Practice) -> None:
    lot = practice.needle_lots.open_lot("Seirin", "0.16", "15 mm", "X1").value
    _, session_id = client_and_session(practice)
    sign(practice, session_id)
    with pytest.raises(SignedSessionError):
        practice.needle_lots.set_session_lots(session_id, [])
    assert [used.id for used in practice.needle_lots.lots_for_session(session_id)] == [lot.id]


def test_cupping_marks_belong_to_the_cupping_not_to_a_needle(practice: Practice) -> None:
    _, session_id = client_and_session(practice)
    cupping = practice.adjuncts.add(session_id, "cupping", "cheeks", 5).value
    assert cupping.label == "Facial cupping, cheeks, 5 min"
    marks = practice.charting.add_reaction(session_id, None, "redness", "mild", adjunct_id=cupping.id).value
    assert marks.adjunct_id == cupping.id and marks.mark_id is None
    removed = practice.adjuncts.remove(cupping.id).value
    assert (
        practice.adjuncts.for_session(session_id) == [] and practice.sessions.load(session_id).reactions == ()
    )
    practice.adjuncts.restore(removed)
    assert practice.adjuncts.for_session(session_id) == [cupping]
    assert [r.id for r in practice.sessions.load(session_id).reactions] == [marks.id]


def test_an_unknown_technique_or_a_silly_duration_is_refused_by_field(practice: Practice) -> None:
    _, session_id = client_and_session(practice)
    with pytest.raises(ValidationError) as bad:
        practice.adjuncts.add(session_id, "laser", duration_min="ten")
    assert set(bad.value.problems) == {"kind", "duration_min"}
    assert practice.adjuncts.for_session(session_id) == []


def test_skin_measures_are_kept_at_intake_and_once_per_session(practice: Practice) -> None:
    client_id, session_id = client_and_session(practice)
    practice.skin.record(
        client_id, fitzpatrick=2, glogau=3, wrinkles={"forehead": 3}, measured_on="2026-09-01"
    )
    practice.skin.record(client_id, session_id, glogau=3, wrinkles={"forehead": 3, "crows_feet": 2})
    practice.skin.record(client_id, session_id, glogau=2, wrinkles={"forehead": 2, "crows_feet": 2})
    measures = practice.skin.for_client(client_id)
    assert [(m.session_id, m.glogau, dict(m.wrinkles)) for m in measures] == [
        (None, 3, {"forehead": 3}),
        (session_id, 2, {"forehead": 2, "crows_feet": 2}),
    ]
    with pytest.raises(ValidationError) as bad:
        practice.skin.record(client_id, fitzpatrick=7, wrinkles={"forehead": 6})
    assert set(bad.value.problems) == {"fitzpatrick", "wrinkles"}


def test_note_templates_per_concern_come_first_for_that_concern(practice: Practice) -> None:
    practice.note_templates.save("Any visit", "", "Sleep? Stress? Water?", [])
    practice.note_templates.save("Lines", "wrinkles", "Which lines bother you most?", ["wrinkles", "glogau"])
    assert [t.name for t in practice.note_templates.for_concerns(["wrinkles"])] == ["Lines", "Any visit"]
    with pytest.raises(ValidationError) as taken:
        practice.note_templates.save("lines", "acne", "", ["colour"])
    assert set(taken.value.problems) == {"name", "scales"}


def test_repeat_last_can_bring_the_findings_and_techniques_in_the_same_transaction(
    practice: Practice, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, first = client_and_session(practice, NOW - dt.timedelta(days=7))
    practice.charting.mark_point(first, "ST2", "left")
    practice.assessment.record(first, tongue=TONGUE)
    practice.adjuncts.add(first, "gua_sha", "jawline", 5)
    _, second = client_and_session(practice)

    def disk_gone(*_args: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    with monkeypatch.context() as patched:
        patched.setattr("acuchart.services.assessment.store_findings", disk_gone)
        with pytest.raises(DiskError, match="so it was not saved"):  # named for the practitioner
            practice.charting.repeat_last(second, assessment=True, adjuncts=True)
    assert practice.sessions.load(second).marks == ()  # nothing of the action landed
    assert practice.adjuncts.for_session(second) == []

    done = practice.charting.repeat_last(second, assessment=True, adjuncts=True)
    assert [(m.code, m.side) for m in done.value] == [("ST2", "left")]
    assert practice.assessment.findings(second).tongue == TONGUE
    assert [a.label for a in practice.adjuncts.for_session(second)] == ["Gua sha, jawline, 5 min"]
    assert done.changes.marks and done.changes.sessions
