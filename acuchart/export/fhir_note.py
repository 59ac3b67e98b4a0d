"""The acupuncturist's note as FHIR R4B resources: the TCM findings and SOAP parts of a session (an exam
Observation with components), adjunct techniques (Procedures), boxes of needles (Devices with their lot
number, which each needling Procedure names), and the practitioner's skin grading (an exam Observation).

Codes are local (under the project's own systems): no standard terminology has the TCM vocabulary.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from acuchart.export import fhir_codes as codes
from acuchart.export.fhir_resources import Refs, Resource, narrative, safe_id, when
from acuchart.models import Session
from acuchart.models.photos import PhotoConsentDecision
from acuchart.models.tcm import (
    ADJUNCT_LABELS,
    FITZPATRICK_TYPES,
    GLOGAU_TYPES,
    WRINKLE_REGIONS,
    Adjunct,
    NeedleLot,
    SkinMeasure,
    TcmFindings,
)

NOTE_SYSTEM = codes.local_system("clinical-note")
ADJUNCT_SYSTEM = codes.local_system("adjunct-technique")
EXAM = {
    "coding": [
        {
            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
            "code": "exam",
            "display": "Exam",
        }
    ]
}


def _component(code: str, display: str, text: str) -> Resource:
    return {"code": codes.local(NOTE_SYSTEM, code, display), "valueString": text}


def assessment(session: Session, findings: TcmFindings, amended: bool, refs: Refs) -> Resource | None:
    """A session's TCM assessment and SOAP parts as one exam Observation (None when nothing was noted)."""
    parts = [
        ("subjective", "Subjective (client's report)", session.subjective),
        ("objective", "Objective (observed and done)", session.notes),
        ("tongue", "Tongue", findings.tongue.words()),
        ("pulse", "Pulse", findings.pulse.words()),
        ("eight-principles", "Eight principles", ", ".join(findings.principles)),
        ("pattern", "Pattern differentiation", ", ".join(findings.patterns)),
        ("treatment-principle", "Treatment principle", findings.treatment_principle),
        ("assessment", "Assessment", session.assessment),
        ("plan", "Plan", session.plan),
    ]
    present = [(code, display, text) for code, display, text in parts if text]
    if not present:
        return None
    return {
        "resourceType": "Observation",
        "id": f"note-{session.id}",
        "status": "amended" if amended else "final",
        "category": [EXAM],
        "code": codes.local(NOTE_SYSTEM, "tcm-assessment", "TCM assessment and SOAP note"),
        "subject": refs.to("Patient", f"client-{session.client_id}"),
        "encounter": refs.to("Encounter", f"session-{session.id}"),
        "effectiveDateTime": when(session.started_at),
        "performer": [refs.to("Practitioner", "practitioner")],
        "text": narrative(*(f"{display}: {text}" for _, display, text in present)),
        "component": [_component(code, display, text) for code, display, text in present],
    }


def adjunct(technique: Adjunct, session: Session, refs: Refs) -> Resource:
    """An adjunct technique done in the session, as a Procedure."""
    label = str(ADJUNCT_LABELS.get(technique.kind, technique.kind))
    resource: Resource = {
        "resourceType": "Procedure",
        "id": f"adjunct-{technique.id}",
        "status": "completed",
        "code": codes.local(ADJUNCT_SYSTEM, technique.kind, label, technique.label),
        "subject": refs.to("Patient", f"client-{session.client_id}"),
        "encounter": refs.to("Encounter", f"session-{session.id}"),
        "performedDateTime": when(session.started_at),
        "performer": [{"actor": refs.to("Practitioner", "practitioner")}],
    }
    if technique.area:
        resource["bodySite"] = [{"text": technique.area}]
    notes = [f"{technique.duration_min} min" if technique.duration_min else "", technique.details]
    if any(notes):
        resource["note"] = [{"text": ". ".join(n for n in notes if n)}]
    return resource


def device(lot: NeedleLot, refs: Refs) -> Resource:
    """A box of needles, with its lot number (what a recall names)."""
    resource: Resource = {
        "resourceType": "Device",
        "id": f"needle-lot-{lot.id}",
        "status": "active" if lot.is_open else "inactive",
        "lotNumber": lot.lot_number,
        "manufacturer": lot.brand,
        "deviceName": [{"name": f"{lot.brand} {lot.gauge} × {lot.length}", "type": "user-friendly-name"}],
        "type": {"text": "Single-use sterile acupuncture needles"},
    }
    if lot.expires_on is not None:
        resource["expirationDate"] = lot.expires_on.isoformat()
    return resource


def used_devices(lots: Iterable[NeedleLot], refs: Refs) -> list[Resource]:
    """The ``usedReference`` of a needling Procedure: the boxes its session's needles came from."""
    return [refs.to("Device", f"needle-lot-{lot.id}", lot.title) for lot in lots]


def skin(measure: SkinMeasure, session: Session | None, refs: Refs) -> Resource:
    """The practitioner's skin grading on a day, as an exam Observation with one component per measure."""
    components: list[Resource] = []
    fitzpatrick, glogau = dict(FITZPATRICK_TYPES), dict(GLOGAU_TYPES)
    if measure.fitzpatrick is not None:
        components.append(
            {
                "code": codes.local(
                    NOTE_SYSTEM, "fitzpatrick", "Fitzpatrick skin type", fitzpatrick[measure.fitzpatrick]
                ),
                "valueInteger": measure.fitzpatrick,
            }
        )
    if measure.glogau is not None:
        components.append(
            {
                "code": codes.local(
                    NOTE_SYSTEM, "glogau", "Glogau photo-ageing type", glogau[measure.glogau]
                ),
                "valueInteger": measure.glogau,
            }
        )
    for key, label in WRINKLE_REGIONS:
        if key in measure.wrinkles:
            components.append(
                {
                    "code": codes.local(
                        NOTE_SYSTEM, f"wrinkle-{key}", f"Wrinkle grade, {label.lower()} (0–5)"
                    ),
                    "valueInteger": measure.wrinkles[key],
                }
            )
    resource: Resource = {
        "resourceType": "Observation",
        "id": safe_id(f"skin-{measure.id}"),
        "status": "final",
        "category": [EXAM],
        "code": codes.local(NOTE_SYSTEM, "skin-grading", "Skin grading by the practitioner"),
        "subject": refs.to("Patient", f"client-{measure.client_id}"),
        "effectiveDateTime": measure.measured_on.isoformat(),
        "performer": [refs.to("Practitioner", "practitioner")],
        "component": components,
    }
    if session is not None:
        resource["encounter"] = refs.to("Encounter", f"session-{session.id}")
    return resource


def session_of(measure: SkinMeasure, sessions: Sequence[Session]) -> Session | None:
    """The session a measure was taken at, among the client's."""
    return next((s for s in sessions if s.id == measure.session_id), None)


def photo_consent(decision: PhotoConsentDecision, current: bool, refs: Refs) -> Resource:
    """One decision about one use of photos (the clinical record, teaching, marketing) as a Consent:
    ``permit`` when given, ``deny`` when refused or withdrawn; only the latest for a use is active."""
    given = decision.decision == "given"
    return {
        "resourceType": "Consent",
        "id": f"photo-consent-{decision.id}",
        "text": narrative(
            f"Photos for {decision.use_label.lower()}: {decision.decision} on {decision.decided_on}"
            + (f". {decision.note}" if decision.note else "")
        ),
        "status": "active" if current else "inactive",
        "scope": {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/consentscope",
                    "code": "patient-privacy",
                    "display": "Privacy Consent",
                }
            ]
        },
        "category": [codes.CONSENT_CATEGORY],
        "patient": refs.to("Patient", f"client-{decision.client_id}"),
        "dateTime": decision.decided_on.isoformat(),
        "organization": [refs.to("Organization", "practice")],
        "policyRule": {"text": f"The practice's photo consent text, version {decision.text_version}"},
        "provision": {
            "type": "permit" if given else "deny",
            "purpose": [
                {
                    "system": codes.local_system("photo-use"),
                    "code": decision.use,
                    "display": decision.use_label,
                }
            ],
        },
    }
