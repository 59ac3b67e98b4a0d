"""One client's record as a FHIR R4B Bundle, for another clinician.

The bundle (type ``collection``) holds the client (Patient) and their cautions (Flag), the practice
and practitioner, each consent (Consent), course (CarePlan), session (Encounter), needled site
(Procedure, with the point and side as a BodyStructure), reaction (AdverseEvent, naming the needling
it followed), concern rating (Observation), signature and amendment (Provenance). Values are as they
stand now, amendments applied; each amendment's Provenance keeps the value before. Every bundle is
checked against the FHIR R4B models (``fhir.resources``) before it is handed out or written.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from acuchart import clock
from acuchart.errors import AcuChartError
from acuchart.export import fhir_note as note
from acuchart.export import fhir_resources as make
from acuchart.export.files import file_in_place, refuse_practice_files
from acuchart.models import Reaction, Session
from acuchart.practice import Practice
from acuchart.services.record_rules import place_of
from acuchart.storage import open_data
from acuchart.storage import reports as entries

Resource = dict[str, Any]


class FhirError(AcuChartError):
    """A bundle failed the FHIR R4B checks (a fault in AcuChart, not in the record): nothing was written."""


def _amended(reaction: Reaction, current: dict[tuple[str, int | None, str], str]) -> Reaction:
    """The reaction with its amended kind, severity, onset and note."""
    changed: dict[str, Any] = {
        name: current[("reactions", reaction.id, name)]
        for name in ("kind", "severity", "onset", "note")
        if ("reactions", reaction.id, name) in current
    }
    return replace(reaction, **changed)


def _amended_session(session: Session, current: dict[tuple[str, int | None, str], str]) -> Session:
    """The session with its amended notes, note on the count, duration and needles removed."""
    changed: dict[str, Any] = {}
    for name in ("notes", "count_note", "duration_min", "needles_removed"):
        value = current.get(("sessions", session.id, name))
        if value is None:
            continue
        if name in ("duration_min", "needles_removed"):
            changed[name] = int(value) if value else None
        else:
            changed[name] = value
    if changed.get("duration_min") is None:
        changed.pop("duration_min", None)
    return replace(session, **changed)


def client_bundle(practice: Practice, client_id: int, now: dt.datetime | None = None) -> Resource:
    """The client's whole record as a FHIR R4B Bundle (a JSON-ready dict), checked against the R4B models.

    Raises:
        NotFoundError: no client has that id.
        FhirError: the bundle failed the checks (it is never handed out then).
    """
    client = practice.clients.get(client_id)
    settings = practice.settings.get()
    catalogue = practice.catalogue
    identity = open_data.practice_identity(practice.store.conn) or "new-practice"
    refs = make.Refs(identity)
    resources: list[Resource] = [
        make.patient(client, refs),
        make.organization(settings),
        make.practitioner(settings),
        *make.caution_flags(client, refs),
        *(make.consent(c, refs) for c in practice.consent.consents_for(client_id)),
    ]
    photo_consent = practice.photo_consent.consent_of(client_id)
    resources += [
        note.photo_consent(d, photo_consent.latest(d.use) == d, refs) for d in photo_consent.decisions
    ]
    history = sorted(practice.followups.client_history(client_id), key=lambda s: (s.started_at, s.id))
    entered = entries.reaction_entries(practice.store, client_id)
    structures: dict[tuple[str, str], Resource] = {}
    devices: dict[int, Resource] = {}
    sessions: list[Session] = []
    later: list[Resource] = []
    for summary in history:
        chart = practice.sessions.load(summary.id)
        amendments = practice.signing.amendments_for(summary.id) if summary.amendments else []
        current = (
            {
                (f.entity, f.entity_id, f.field): f.current
                for f in practice.signing.amendable_fields(summary.id)
            }
            if amendments
            else {}
        )
        session = _amended_session(chart.session, current)
        sessions.append(session)
        marks = {m.id: m for m in chart.marks}
        needles = sum(int(current.get(("marks", m.id, "needles"), m.needles)) for m in chart.marks)
        signed_targets = [refs.to("Encounter", f"session-{session.id}")]
        resources.append(make.encounter(session, refs, needles))
        lots = practice.needle_lots.lots_for_session(session.id)
        for lot in lots:
            devices.setdefault(lot.id, note.device(lot, refs))
        for mark in chart.marks:
            needling = make.procedure(mark, session, catalogue, refs)
            if lots:
                needling["usedReference"] = note.used_devices(lots, refs)
            resources.append(needling)
            signed_targets.append(refs.to("Procedure", f"mark-{mark.id}"))
            if mark.code is not None:
                key = (mark.code, mark.side or "midline")
                structures.setdefault(key, make.body_structure(catalogue, *key, client_id, refs))
        for reaction in chart.reactions:
            at = marks.get(reaction.mark_id) if reaction.mark_id is not None else None
            where = place_of(at.code, at.side, at.label) if at else None
            entry = entered.get(reaction.id)
            recorded = entry[0] if entry is not None else None
            resources.append(make.adverse_event(_amended(reaction, current), session, where, recorded, refs))
            if session.signed_at is None or recorded is None or recorded <= session.signed_at.isoformat():
                signed_targets.append(refs.to("AdverseEvent", f"reaction-{reaction.id}"))
        for technique in practice.adjuncts.for_session(session.id):
            resources.append(note.adjunct(technique, session, refs))
            signed_targets.append(refs.to("Procedure", f"adjunct-{technique.id}"))
        amended_note = any(a.entity == "tcm_findings" for a in amendments)
        assessment = note.assessment(session, practice.assessment.findings(session.id), amended_note, refs)
        if assessment is not None:
            resources.append(assessment)
            signed_targets.append(refs.to("Observation", f"note-{session.id}"))
        amended_concerns = {a.field for a in amendments if a.entity == "ratings"}
        for concern, score in practice.ratings.ratings_for(session.id).items():
            resources.append(make.rating(session, concern, score, concern in amended_concerns, refs))
            signed_targets.append(refs.to("Observation", make.safe_id(f"rating-{session.id}-{concern}")))
        if session.signed_at is not None:
            later.append(make.signature(session, signed_targets, settings.practitioner_name, refs))
        later += [make.amendment(a, _amendment_target(a, session.id, refs), refs) for a in amendments]
    resources += list(structures.values())
    resources += list(devices.values())
    resources += [
        note.skin(m, note.session_of(m, sessions), refs) for m in practice.skin.for_client(client_id)
    ]
    resources += [
        make.care_plan(course, refs, sessions) for course in practice.courses.courses_for(client_id)
    ]
    resources += later
    bundle: Resource = {
        "resourceType": "Bundle",
        "id": make.safe_id(f"client-{client_id}-record"),
        "identifier": {"system": refs.identifier_system, "value": f"client-{client_id}-record"},
        "type": "collection",
        "timestamp": make.when(now or clock.now()),
        "entry": [{"fullUrl": refs.url(r["resourceType"], r["id"]), "resource": r} for r in resources],
    }
    validate(bundle)
    return bundle


def _amendment_target(amendment: Any, session_id: int, refs: make.Refs) -> dict[str, str]:
    if amendment.entity == "marks" and amendment.entity_id is not None:
        return refs.to("Procedure", f"mark-{amendment.entity_id}")
    if amendment.entity == "reactions" and amendment.entity_id is not None:
        return refs.to("AdverseEvent", f"reaction-{amendment.entity_id}")
    if amendment.entity == "ratings":
        return refs.to("Observation", make.safe_id(f"rating-{session_id}-{amendment.field}"))
    return refs.to("Encounter", f"session-{session_id}")


def validate(bundle: Resource) -> None:
    """Check a bundle against the FHIR R4B models, and that every reference inside it resolves.

    Raises:
        FhirError: naming the first problem.
    """
    from fhir.resources.R4B.bundle import Bundle
    from pydantic import ValidationError

    try:
        Bundle.model_validate(bundle)
    except ValidationError as exc:
        raise FhirError(f"The FHIR bundle failed its R4B check, so it was not written: {exc}") from exc
    urls = {entry["fullUrl"] for entry in bundle["entry"]}
    for reference in _references(bundle["entry"]):
        if reference.startswith("urn:uuid:") and reference not in urls:
            raise FhirError(
                f"The FHIR bundle points to {reference}, which it does not hold; it was not written."
            )


def _references(value: object) -> list[str]:
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "reference" and isinstance(item, str):
                found.append(item)
            else:
                found += _references(item)
    elif isinstance(value, list):
        for item in value:
            found += _references(item)
    return found


def bundle_file_name(practice: Practice, client_id: int) -> str:
    """A sensible file name: ``FHIR record Sofía Domínguez 2026-11-21.json``."""
    client = practice.clients.get(client_id)
    name = "".join(ch if ch.isalnum() or ch in " -'" else " " for ch in client.full_name)
    return f"FHIR record {' '.join(name.split())} {clock.today().isoformat()}.json"


def write_bundle(practice: Practice, client_id: int, path: Path | str, overwrite: bool = False) -> Path:
    """Write the client's bundle to ``path`` (UTF-8 JSON), whole or not at all.

    Raises:
        ExportError: ``path`` exists (unless ``overwrite``), is the practice file, or cannot be written.
        FhirError, NotFoundError: as :func:`client_bundle`.
    """
    target = Path(path).expanduser()
    refuse_practice_files(target, practice.path)
    bundle = client_bundle(practice, client_id)
    data = (json.dumps(bundle, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    with file_in_place(target, overwrite=overwrite) as temp:
        temp.write_bytes(data)
    return target
