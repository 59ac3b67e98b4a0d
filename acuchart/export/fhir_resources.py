"""One FHIR R4B resource per record, as plain JSON-ready dicts (``acuchart.export.fhir`` assembles and checks them).

Every function takes the record and a :class:`Refs`, which names resources and points at them. Times
carry the computer's UTC offset of their day, as FHIR requires of any time of day.
"""

from __future__ import annotations

import datetime as dt
import html
import uuid
from collections.abc import Sequence
from typing import Any

from acuchart.catalogue import Catalogue
from acuchart.export import fhir_codes as codes
from acuchart.i18n import LANGUAGES
from acuchart.models import (
    CAUTION_LABELS,
    CONCERN_LABELS,
    RATING_SCALE_NOTE,
    REACTION_LABELS,
    Amendment,
    Client,
    Consent,
    Course,
    Mark,
    PracticeSettings,
    Reaction,
    Session,
)

Resource = dict[str, Any]


def when(moment: dt.datetime | str) -> str:
    """A local time as FHIR dateTime/instant text, with the UTC offset of its day."""
    value = dt.datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    return value.astimezone().isoformat(timespec="seconds")


def narrative(*paragraphs: str) -> dict[str, str]:
    """A resource's human-readable text (XHTML, escaped)."""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p) or "<p>-</p>"
    return {"status": "generated", "div": f'<div xmlns="http://www.w3.org/1999/xhtml">{body}</div>'}


def safe_id(text: str) -> str:
    """A FHIR id from ``text`` (letters, digits, "-" and "." only, at most 64)."""
    return "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-.") else "-" for ch in text)[:64]


class Refs:
    """Names each resource (``client-12``) and gives the bundle-wide reference to it (a ``urn:uuid``,
    the same in every bundle this practice makes for the same record)."""

    def __init__(self, practice_identity: str) -> None:
        self.namespace = uuid.uuid5(uuid.NAMESPACE_URL, f"acuchart:practice:{practice_identity}")

    def url(self, resource_type: str, resource_id: str) -> str:
        """The fullUrl of a resource."""
        return f"urn:uuid:{uuid.uuid5(self.namespace, f'{resource_type}/{resource_id}')}"

    def to(self, resource_type: str, resource_id: str, display: str | None = None) -> dict[str, str]:
        """A reference to a resource in the bundle."""
        reference = {"reference": self.url(resource_type, resource_id)}
        if display:
            reference["display"] = display
        return reference

    @property
    def identifier_system(self) -> str:
        """The system of this practice's record numbers."""
        return f"urn:uuid:{self.namespace}"


def organization(settings: PracticeSettings) -> Resource:
    """The practice."""
    resource: Resource = {"resourceType": "Organization", "id": "practice", "active": True}
    resource["name"] = settings.practice_name or "The practice"
    telecom = [
        {"system": s, "value": v} for s, v in (("phone", settings.phone), ("email", settings.email)) if v
    ]
    if telecom:
        resource["telecom"] = telecom
    if settings.address:
        resource["address"] = [{"text": settings.address}]
    return resource


def practitioner(settings: PracticeSettings) -> Resource:
    """The practitioner named in the practice settings, with their licence number."""
    resource: Resource = {"resourceType": "Practitioner", "id": "practitioner"}
    resource["name"] = [{"text": settings.practitioner_name or "The practitioner"}]
    if settings.licence_number:
        resource["identifier"] = [
            {"system": codes.local_system("licence-number"), "value": settings.licence_number}
        ]
    return resource


def patient(client: Client, refs: Refs) -> Resource:
    """The client: names, contact, date of birth, and whether they are current."""
    names: list[dict[str, Any]] = [
        {"use": "official", "family": client.last_name, "given": [client.first_name]}
    ]
    if client.preferred_name:
        names.append({"use": "usual", "text": client.preferred_name})
    resource: Resource = {
        "resourceType": "Patient",
        "id": f"client-{client.id}",
        "identifier": [{"system": refs.identifier_system, "value": str(client.id)}],
        "active": not client.archived,
        "name": names,
        "managingOrganization": refs.to("Organization", "practice"),
    }
    telecom = [{"system": s, "value": v} for s, v in (("phone", client.phone), ("email", client.email)) if v]
    if telecom:
        resource["telecom"] = telecom
    if client.date_of_birth:
        resource["birthDate"] = client.date_of_birth.isoformat()
    if client.address:
        resource["address"] = [{"text": client.address}]
    if client.language:
        # The language the client reads their documents in: a BCP-47 code, the client's preference.
        resource["communication"] = [
            {
                "language": {
                    "coding": [{"system": "urn:ietf:bcp:47", "code": client.language}],
                    "text": LANGUAGES.get(client.language, client.language),
                },
                "preferred": True,
            }
        ]
    return resource


def caution_flags(client: Client, refs: Refs) -> list[Resource]:
    """A Flag per caution screened at intake, and one for the cautions written out."""
    subject = refs.to("Patient", f"client-{client.id}")
    flags = [
        {
            "resourceType": "Flag",
            "id": safe_id(f"caution-{client.id}-{key}"),
            "status": "active",
            "category": [codes.CLINICAL_FLAG],
            "code": codes.local(codes.CAUTION_SYSTEM, key, CAUTION_LABELS.get(key, key)),
            "subject": subject,
        }
        for key in client.caution_flags
    ]
    if client.caution_notes:
        flags.append(
            {
                "resourceType": "Flag",
                "id": f"caution-{client.id}-notes",
                "status": "active",
                "category": [codes.CLINICAL_FLAG],
                "code": {"text": client.caution_notes},
                "subject": subject,
            }
        )
    return flags


def consent(record: Consent, refs: Refs) -> Resource:
    """Consent to treatment on file."""
    method = record.method_label + (f". {record.note}" if record.note else "")
    return {
        "resourceType": "Consent",
        "id": f"consent-{record.id}",
        "text": narrative(f"Consent to treatment given on {record.given_on}: {method}"),
        "status": "active",
        "scope": codes.TREATMENT_SCOPE,
        "category": [codes.CONSENT_CATEGORY],
        "patient": refs.to("Patient", f"client-{record.client_id}"),
        "dateTime": record.given_on.isoformat(),
        "organization": [refs.to("Organization", "practice")],
        "policyRule": {"text": f"The practice's consent text, version {record.text_version}"},
    }


def care_plan(course: Course, refs: Refs, sessions: Sequence[Session]) -> Resource:
    """A course of treatment: its concerns, plan and the sessions it led to."""
    concerns = ", ".join(CONCERN_LABELS.get(c, c) for c in course.concerns) or "no concern named"
    plan = f"{course.planned_sessions} sessions, every {course.interval_days} days. Concerns: {concerns}."
    resource: Resource = {
        "resourceType": "CarePlan",
        "id": f"course-{course.id}",
        "status": codes.CAREPLAN_STATUS.get(course.status, "unknown"),
        "intent": "plan",
        "title": course.title,
        "description": plan + (" In maintenance." if course.status == "maintenance" else ""),
        "subject": refs.to("Patient", f"client-{course.client_id}"),
        "period": {"start": course.start_date.isoformat()},
        "author": refs.to("Practitioner", "practitioner"),
        "activity": [
            {
                "detail": {
                    "code": codes.ACUPUNCTURE,
                    "status": codes.ACTIVITY_STATUS.get(course.status, "unknown"),
                    "scheduledTiming": {
                        "repeat": {
                            "count": course.planned_sessions,
                            "period": course.interval_days,
                            "periodUnit": "d",
                        }
                    },
                    "description": plan,
                }
            }
        ],
    }
    if course.ended_on:
        resource["period"]["end"] = course.ended_on.isoformat()
    if course.notes:
        resource["note"] = [{"text": course.notes}]
    done = [refs.to("Encounter", f"session-{s.id}") for s in sessions if s.course_id == course.id]
    if done:
        resource["activity"][0]["outcomeReference"] = done
    return resource


def encounter(session: Session, refs: Refs, needles_in: int) -> Resource:
    """A session: when, how long, the needle count and the notes."""
    end = session.started_at + dt.timedelta(minutes=session.duration_min)
    count = (
        f"Needles: {needles_in} in, {session.needles_removed} out."
        if session.needles_removed is not None
        else f"Needles: {needles_in} in, not counted out."
    )
    signed = f"Signed by {session.signed_by} at {session.signed_at}." if session.signed_at else "Not signed."
    resource: Resource = {
        "resourceType": "Encounter",
        "id": f"session-{session.id}",
        "text": narrative(
            count + (f" {session.count_note}" if session.count_note else ""),
            session.notes,
            f"Went ahead without consent on file: {session.consent_override}"
            if session.consent_override
            else "",
            "Charted late (more than a day after the session)." if session.late_entry else "",
            signed,
        ),
        "status": "finished" if session.signed else "in-progress",
        "class": codes.AMBULATORY,
        "type": [codes.ACUPUNCTURE],
        "subject": refs.to("Patient", f"client-{session.client_id}"),
        "participant": [{"individual": refs.to("Practitioner", "practitioner")}],
        "period": {"start": when(session.started_at), "end": when(end)},
        "serviceProvider": refs.to("Organization", "practice"),
    }
    return resource


def body_structure(catalogue: Catalogue, code: str, side: str, client_id: int, refs: Refs) -> Resource:
    """A needled point on one of the client's sides: the WHO code, and SNOMED CT left or right."""
    point = catalogue.find(code)
    name = f"{code} {point.pinyin}" if point else code
    resource: Resource = {
        "resourceType": "BodyStructure",
        "id": safe_id(f"point-{client_id}-{code}-{side}"),
        "description": f"{name}, {side}" if side in codes.LATERALITY else f"{name} (midline)",
        "location": codes.local(codes.POINT_SYSTEM, code, point.pinyin if point else code, name),
        "patient": refs.to("Patient", f"client-{client_id}"),
    }
    if side in codes.LATERALITY:
        resource["locationQualifier"] = [{"coding": [codes.LATERALITY[side]], "text": side}]
    return resource


def procedure(mark: Mark, session: Session, catalogue: Catalogue, refs: Refs) -> Resource:
    """One needled site: the point (with its side) or a free marker."""
    notes = [f"{mark.needles} needle{'s' if mark.needles != 1 else ''}."]
    if mark.technique:
        notes.append(f"Technique: {mark.technique}.")
    if mark.caution_warning:
        notes.append(f"Caution shown when marked: {mark.caution_warning}")
    resource: Resource = {
        "resourceType": "Procedure",
        "id": f"mark-{mark.id}",
        "status": "completed",
        "code": codes.ACUPUNCTURE,
        "subject": refs.to("Patient", f"client-{session.client_id}"),
        "encounter": refs.to("Encounter", f"session-{session.id}"),
        "performedDateTime": when(session.started_at),
        "performer": [{"actor": refs.to("Practitioner", "practitioner")}],
        "note": [{"text": " ".join(notes)}],
    }
    if mark.code is not None:
        point = catalogue.find(mark.code)
        side = mark.side or "midline"
        name = f"{mark.code} {point.pinyin}" if point else mark.code
        words = f"{name}, {side}" if side in codes.LATERALITY else f"{name} (midline)"
        resource["bodySite"] = [
            codes.local(codes.POINT_SYSTEM, mark.code, point.pinyin if point else mark.code, words)
        ]
        structure = safe_id(f"point-{session.client_id}-{mark.code}-{side}")
        resource["extension"] = [
            {"url": codes.TARGET_BODY_STRUCTURE, "valueReference": refs.to("BodyStructure", structure)}
        ]
    else:
        where = f"{mark.label or 'Free marker'} (free marker on the {mark.view} diagram at x {mark.x:.3f}, y {mark.y:.3f})"
        resource["bodySite"] = [{"text": where}]
    return resource


def adverse_event(
    reaction: Reaction, session: Session, where: str | None, recorded_at: str | None, refs: Refs
) -> Resource:
    """A reaction: what, how bad, when it began, whether it resolved, and the needling it followed."""
    label = str(REACTION_LABELS.get(reaction.kind, reaction.kind))
    text = f"{label} at {where}" if where else f"{label} (whole session)"
    started = (
        session.started_at
        if reaction.onset == "during"
        else (session.started_at + dt.timedelta(minutes=session.duration_min))
    )
    resource: Resource = {
        "resourceType": "AdverseEvent",
        "id": f"reaction-{reaction.id}",
        "extension": [{"url": codes.ONSET_EXTENSION, "valueCode": reaction.onset}],
        "actuality": "actual",
        "event": codes.local(codes.REACTION_SYSTEM, reaction.kind, label, text),
        "subject": refs.to("Patient", f"client-{session.client_id}"),
        "encounter": refs.to("Encounter", f"session-{session.id}"),
        "severity": codes.severity(reaction.severity),
        "outcome": codes.outcome(reaction.resolved_on.isoformat() if reaction.resolved_on else None),
        "recorder": refs.to("Practitioner", "practitioner"),
    }
    if reaction.onset != "later":
        resource["date"] = when(started)
    if recorded_at:
        resource["recordedDate"] = when(recorded_at)
    if reaction.resolved_on:
        resource["extension"].append(
            {"url": codes.RESOLVED_EXTENSION, "valueDate": reaction.resolved_on.isoformat()}
        )
    if reaction.mark_id is not None:
        resource["suspectEntity"] = [{"instance": refs.to("Procedure", f"mark-{reaction.mark_id}")}]
    if reaction.note:
        resource["event"]["text"] += f". {reaction.note}"
    return resource


def rating(session: Session, concern: str, score: int, amended: bool, refs: Refs) -> Resource:
    """The client's rating of one concern at a session, 0 to 10."""
    label = CONCERN_LABELS.get(concern, concern)
    return {
        "resourceType": "Observation",
        "id": safe_id(f"rating-{session.id}-{concern}"),
        "status": "amended" if amended else "final",
        "category": [codes.SURVEY],
        "code": codes.local(
            codes.CONCERN_SYSTEM, concern, label, f"Client's rating of {label.lower()} ({RATING_SCALE_NOTE})"
        ),
        "subject": refs.to("Patient", f"client-{session.client_id}"),
        "encounter": refs.to("Encounter", f"session-{session.id}"),
        "effectiveDateTime": when(session.started_at),
        "performer": [refs.to("Patient", f"client-{session.client_id}")],
        "valueInteger": score,
    }


def signature(
    session: Session, targets: list[dict[str, str]], practitioner_name: str, refs: Refs
) -> Resource:
    """The practitioner's signature of a session and what it covered."""
    who: dict[str, str] = {"display": session.signed_by}
    if session.signed_by == practitioner_name:
        who = refs.to("Practitioner", "practitioner", session.signed_by)
    assert session.signed_at is not None
    return {
        "resourceType": "Provenance",
        "id": f"signature-{session.id}",
        "target": targets,
        "recorded": when(session.signed_at),
        "activity": {"text": "Signed the session record"},
        "agent": [{"type": codes.AUTHOR, "who": who}],
        "signature": [{"type": [codes.AUTHOR_SIGNATURE], "when": when(session.signed_at), "who": who}],
    }


def amendment(record: Amendment, target: dict[str, str], refs: Refs) -> Resource:
    """A change made after signing: who, when, why, and the value before and after."""
    added = record.field == "added"
    change = (
        record.field_label
        if added
        else f"{record.field_label}: {record.old_value or '(empty)'} -> {record.new_value or '(empty)'}"
    )
    return {
        "resourceType": "Provenance",
        "id": f"amendment-{record.id}",
        "target": [target],
        "recorded": when(record.at),
        "activity": codes.CREATE if added else codes.REVISE,
        "reason": [{"text": record.reason}],
        "agent": [{"type": codes.AUTHOR, "who": {"display": record.author}}],
        "entity": [{"role": "revision", "what": {**target, "display": change}}],
    }
