"""A client's record as a FHIR R4B bundle: it validates with the R4B models, and says what the chart says."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle

from acuchart import clock
from acuchart.demo import write_demo
from acuchart.errors import NotFoundError
from acuchart.export.fhir import FhirError, client_bundle, validate, write_bundle
from acuchart.export.fhir_codes import LATERALITY, POINT_SYSTEM
from acuchart.practice import Practice
from acuchart.services.clients import ClientForm


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Practice]:
    path = tmp_path_factory.mktemp("fhir") / "demo.acuchart"
    write_demo(path)
    practice = Practice.open(path)
    yield practice
    practice.close()


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def by_url(bundle: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["fullUrl"]: e["resource"] for e in bundle["entry"]}


def test_every_demo_clients_bundle_validates_against_the_r4b_models(demo: Practice) -> None:
    for client in demo.clients.search(""):
        bundle = client_bundle(demo, client.id)
        parsed = Bundle.model_validate(bundle)  # the test's own check, beside the builder's
        assert parsed.type == "collection"
        assert len(parsed.entry or []) == len(bundle["entry"])


def test_the_bundle_holds_a_resource_for_every_record_of_the_client(demo: Practice) -> None:
    client = demo.clients.search("hartley")[0]
    bundle = client_bundle(demo, client.id)
    counts = Counter(e["resource"]["resourceType"] for e in bundle["entry"])
    history = demo.followups.client_history(client.id)
    charts = [demo.sessions.load(s.id) for s in history]
    assert counts["Patient"] == 1
    assert counts["Encounter"] == len(history)
    techniques = sum(len(demo.adjuncts.for_session(s.id)) for s in history)
    assert counts["Procedure"] == sum(len(c.marks) for c in charts) + techniques
    assert counts["AdverseEvent"] == sum(len(c.reactions) for c in charts)
    notes = sum(1 for s in history if not demo.assessment.findings(s.id).empty)
    skin = len(demo.skin.for_client(client.id))
    assert counts["Observation"] == sum(len(demo.ratings.ratings_for(s.id)) for s in history) + notes + skin
    lots = {lot.id for s in history for lot in demo.needle_lots.lots_for_session(s.id)}
    assert counts["Device"] == len(lots) > 0
    assert counts["CarePlan"] == len(demo.courses.courses_for(client.id))
    photo_decisions = demo.photo_consent.consent_of(client.id).decisions
    assert photo_decisions  # Amelia agreed to photos for her record
    assert counts["Consent"] == len(demo.consent.consents_for(client.id)) + len(photo_decisions)
    signed = sum(1 for s in history if s.signed)
    amendments = sum(s.amendments for s in history)
    assert counts["Provenance"] == signed + amendments
    assert counts["Flag"] == len(client_bundle_flags(demo, client.id))


def client_bundle_flags(demo: Practice, client_id: int) -> list[str]:
    client = demo.clients.get(client_id)
    return [*client.caution_flags, *(["notes"] if client.caution_notes else [])]


def test_a_bruise_at_left_st2_names_the_point_the_side_and_the_needling_it_followed(tmp_path: Path) -> None:
    practice = Practice.open(tmp_path / "p.acuchart")
    try:
        client = practice.clients.create(
            ClientForm(first_name="Ana", last_name="Diaz", date_of_birth="1980-05-04")
        ).value
        practice.consent.record_consent(client.id, dt.date(2026, 3, 1), "signed_form")
        session = practice.sessions.create(client.id, started_at=dt.datetime(2026, 3, 5, 10, 0)).value
        mark = practice.charting.mark_point(session.id, "ST2", "left").value
        practice.charting.mark_point(session.id, "CV24", "midline")
        reaction = practice.charting.add_reaction(session.id, mark.id, "bruising", "moderate", "during").value
        practice.followups.resolve_reaction(reaction.id, on=dt.date(2026, 3, 9))
        practice.ratings.set_rating(session.id, "wrinkles", 6)
        bundle = client_bundle(practice, client.id)
    finally:
        practice.close()
    urls = by_url(bundle)
    st2 = next(p for p in resources(bundle, "Procedure") if p["bodySite"][0]["coding"][0]["code"] == "ST2")
    assert st2["bodySite"][0]["coding"][0]["system"] == POINT_SYSTEM
    structure = urls[st2["extension"][0]["valueReference"]["reference"]]
    assert structure["resourceType"] == "BodyStructure"
    assert structure["locationQualifier"][0]["coding"][0] == LATERALITY["left"]
    cv24 = next(p for p in resources(bundle, "Procedure") if p["bodySite"][0]["coding"][0]["code"] == "CV24")
    assert "locationQualifier" not in urls[cv24["extension"][0]["valueReference"]["reference"]]
    (event,) = resources(bundle, "AdverseEvent")
    assert event["severity"]["coding"][0]["code"] == "moderate"
    assert event["outcome"]["coding"][0]["code"] == "resolved" and "2026-03-09" in event["outcome"]["text"]
    assert urls[event["suspectEntity"][0]["instance"]["reference"]] is st2
    assert event["event"]["text"].startswith("Bruising at left ST2")
    assert {e["valueCode"] for e in event["extension"] if "onset" in e["url"]} == {"during"}
    (rating,) = resources(bundle, "Observation")
    assert rating["valueInteger"] == 6 and rating["status"] == "final"
    (consent,) = resources(bundle, "Consent")
    assert consent["category"][0]["coding"][0]["code"] == "59284-0"
    assert resources(bundle, "Provenance") == []  # not signed yet


def test_a_signed_and_amended_session_has_a_signature_and_an_amendment_with_the_old_value(
    demo: Practice,
) -> None:
    amended = next(
        s for c in demo.clients.search("") for s in demo.followups.client_history(c.id) if s.amendments
    )
    bundle = client_bundle(demo, demo.sessions.get(amended.id).client_id)
    provenance = {p["id"]: p for p in resources(bundle, "Provenance")}
    signature = provenance[f"signature-{amended.id}"]
    assert signature["signature"][0]["type"][0]["code"] == "1.2.840.10065.1.12.1.1"
    assert any(
        r["reference"] == by_url_of(bundle, "Encounter", f"session-{amended.id}") for r in signature["target"]
    )
    first = demo.signing.amendments_for(amended.id)[0]
    change = provenance[f"amendment-{first.id}"]
    assert change["reason"][0]["text"] == first.reason
    assert change["agent"][0]["who"]["display"] == first.author


def by_url_of(bundle: dict[str, Any], kind: str, resource_id: str) -> str:
    return next(
        e["fullUrl"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == kind and e["resource"]["id"] == resource_id
    )


def test_the_same_record_gets_the_same_ids_in_every_bundle(demo: Practice) -> None:
    client = demo.clients.search("osei")[0]
    first = client_bundle(demo, client.id, now=dt.datetime(2026, 1, 1, 9, 0))
    second = client_bundle(demo, client.id, now=dt.datetime(2026, 1, 1, 9, 0))
    assert first == second
    assert len({e["fullUrl"] for e in first["entry"]}) == len(first["entry"])


def test_a_broken_bundle_is_refused_before_it_is_written(demo: Practice) -> None:
    bundle = client_bundle(demo, demo.clients.search("lin")[0].id)
    bundle["entry"][0]["resource"]["birthDate"] = "1980-13-45"
    with pytest.raises(FhirError, match="R4B check"):
        validate(bundle)
    bundle = client_bundle(demo, demo.clients.search("lin")[0].id)
    bundle["entry"].pop(0)  # the Patient every other resource points to
    with pytest.raises(FhirError, match="does not hold"):
        validate(bundle)


def test_writing_a_bundle_is_whole_and_never_over_an_existing_file_unless_asked(
    demo: Practice, tmp_path: Path
) -> None:
    client = demo.clients.search("raman")[0]
    target = tmp_path / "record.json"
    write_bundle(demo, client.id, target)
    written = json.loads(target.read_text(encoding="utf-8"))
    assert written["resourceType"] == "Bundle"
    Bundle.model_validate(written)
    from acuchart.export.files import ExportError

    with pytest.raises(ExportError, match="already exists"):
        write_bundle(demo, client.id, target)
    write_bundle(demo, client.id, target, overwrite=True)
    with pytest.raises(NotFoundError):
        write_bundle(demo, 999_999, tmp_path / "nobody.json")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["record.json"]


def test_times_carry_their_offset_as_fhir_requires(demo: Practice) -> None:
    with clock.frozen_at(dt.datetime(2026, 6, 1, 12, 0)):
        bundle = client_bundle(demo, demo.clients.search("solberg")[0].id)
    encounter = resources(bundle, "Encounter")[0]
    start = dt.datetime.fromisoformat(encounter["period"]["start"])
    assert start.tzinfo is not None
    assert dt.datetime.fromisoformat(bundle["timestamp"]).tzinfo is not None


def test_the_note_travels_with_the_record_tcm_findings_techniques_lots_and_skin_grades(
    demo: Practice,
) -> None:
    client = demo.clients.search("hartley")[0]
    bundle = client_bundle(demo, client.id)
    resources = [e["resource"] for e in bundle["entry"]]
    notes = [r for r in resources if r["resourceType"] == "Observation" and r["id"].startswith("note-")]
    components = {c["code"]["coding"][0]["code"] for n in notes for c in n["component"]}
    assert {"tongue", "pulse", "pattern", "treatment-principle", "subjective", "plan"} <= components
    cupping = [r for r in resources if r["resourceType"] == "Procedure" and r["id"].startswith("adjunct-")]
    assert any(r["code"]["coding"][0]["code"] == "cupping" for r in cupping)
    devices = {r["lotNumber"] for r in resources if r["resourceType"] == "Device"}
    assert devices == {"22B1187", "23A0733", "22C0419"} & devices and "22C0419" in devices
    needling = next(r for r in resources if r["resourceType"] == "Procedure" and r["id"].startswith("mark-"))
    assert needling["usedReference"]
    skin = [r for r in resources if r["resourceType"] == "Observation" and r["id"].startswith("skin-")]
    assert len(skin) == 3 and any(
        c["code"]["coding"][0]["code"] == "fitzpatrick" for c in skin[0]["component"]
    )
