"""The codes a FHIR bundle uses: standard ones where they truly fit, AcuChart's own where none does.

Standard: HL7 terminology (encounter class, adverse-event severity and outcome, consent scope,
observation category, flag category, provenance participant and data operation), LOINC 59284-0 for
the consent, ASTM E1762 for the signature type, and SNOMED CT only for the client's left and right
(7771000, 24028007). Local: the acupuncture point (WHO code), the procedure, the reaction kinds, the
concerns, the cautions, and two extensions (a reaction's onset and the day it resolved). No SNOMED CT
code is given for acupuncture or for the reactions: we could not check candidates against a SNOMED
CT release here, and a wrong code misleads a receiving system more than a local code it can map.
"""

from __future__ import annotations

from typing import Any

LOCAL_BASE = "https://acuchart.example/fhir"
"""AcuChart's own code systems and extensions live under this URL. ``.example`` is reserved for
examples (RFC 2606), so the URLs are unique to AcuChart but do not resolve; change this one constant
when the project has a domain of its own."""

SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"
HL7 = "http://terminology.hl7.org/CodeSystem"

Coding = dict[str, Any]
Concept = dict[str, Any]


def local_system(name: str) -> str:
    """A local code system's URL: ``…/CodeSystem/acupuncture-point``."""
    return f"{LOCAL_BASE}/CodeSystem/{name}"


def local_extension(name: str) -> str:
    """A local extension's URL: ``…/StructureDefinition/reaction-onset``."""
    return f"{LOCAL_BASE}/StructureDefinition/{name}"


POINT_SYSTEM = local_system("acupuncture-point")
"""WHO Standard Acupuncture Nomenclature codes (ST2, EX-HN3) and AcuChart's AC-… extra points."""
PROCEDURE_SYSTEM = local_system("procedure")
REACTION_SYSTEM = local_system("reaction")
CONCERN_SYSTEM = local_system("concern-rating")
CAUTION_SYSTEM = local_system("caution")
ONSET_EXTENSION = local_extension("reaction-onset")
RESOLVED_EXTENSION = local_extension("reaction-resolved-on")
TARGET_BODY_STRUCTURE = "http://hl7.org/fhir/StructureDefinition/procedure-targetBodyStructure"

LATERALITY: dict[str, Coding] = {
    "left": {"system": SNOMED, "code": "7771000", "display": "Left"},
    "right": {"system": SNOMED, "code": "24028007", "display": "Right"},
}
"""The client's side as SNOMED CT laterality qualifiers; a midline point has none."""

AMBULATORY: Coding = {"system": f"{HL7}/v3-ActCode", "code": "AMB", "display": "ambulatory"}
CONSENT_CATEGORY: Concept = {"coding": [{"system": LOINC, "code": "59284-0", "display": "Patient Consent"}]}
TREATMENT_SCOPE: Concept = {
    "coding": [{"system": f"{HL7}/consentscope", "code": "treatment", "display": "Treatment"}]
}
SURVEY: Concept = {
    "coding": [{"system": f"{HL7}/observation-category", "code": "survey", "display": "Survey"}]
}
CLINICAL_FLAG: Concept = {
    "coding": [{"system": f"{HL7}/flag-category", "code": "clinical", "display": "Clinical"}]
}
AUTHOR: Concept = {
    "coding": [{"system": f"{HL7}/provenance-participant-type", "code": "author", "display": "Author"}]
}
AUTHOR_SIGNATURE: Coding = {
    "system": "urn:iso-astm:E1762-95:2013",
    "code": "1.2.840.10065.1.12.1.1",
    "display": "Author's Signature",
}
REVISE: Concept = {"coding": [{"system": f"{HL7}/v3-DataOperation", "code": "UPDATE", "display": "revise"}]}
CREATE: Concept = {"coding": [{"system": f"{HL7}/v3-DataOperation", "code": "CREATE", "display": "create"}]}
ACUPUNCTURE: Concept = {
    "coding": [{"system": PROCEDURE_SYSTEM, "code": "needling", "display": "Acupuncture needling"}],
    "text": "Acupuncture needling",
}


def severity(code: str) -> Concept:
    """A reaction's severity (mild, moderate, severe) as HL7's adverse-event severity."""
    return {
        "coding": [{"system": f"{HL7}/adverse-event-severity", "code": code, "display": code.capitalize()}]
    }


def outcome(resolved_on: str | None) -> Concept:
    """Resolved (with the day in words) or ongoing, as HL7's adverse-event outcome."""
    code, display = ("resolved", "Resolved") if resolved_on else ("ongoing", "Ongoing")
    concept: Concept = {
        "coding": [{"system": f"{HL7}/adverse-event-outcome", "code": code, "display": display}]
    }
    concept["text"] = f"Resolved on {resolved_on}" if resolved_on else "Not resolved yet"
    return concept


def local(system: str, code: str, display: str, text: str | None = None) -> Concept:
    """A concept with one local coding and its words."""
    return {"coding": [{"system": system, "code": code, "display": display}], "text": text or display}


CAREPLAN_STATUS = {
    "active": "active",
    "maintenance": "active",
    "completed": "completed",
    "stopped": "revoked",
}
ACTIVITY_STATUS = {
    "active": "in-progress",
    "maintenance": "in-progress",
    "completed": "completed",
    "stopped": "stopped",
}
