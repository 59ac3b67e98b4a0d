"""What an amendment may change in a signed session, and how each new value is checked.

Everything a session records can be corrected after signing, each field by an amendment with its
reason: the session's details and its SOAP note, each mark's needles and needling details, each
reaction, the ratings, the TCM findings (as their words) and the adjunct techniques.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from acuchart.i18n import N_, _
from acuchart.models import (
    CONCERN_LABELS,
    ONSETS,
    REACTION_KINDS_AT_POINT,
    REACTION_KINDS_SESSION,
    REACTION_LABELS,
    SEVERITIES,
    AmendableField,
)
from acuchart.models.tcm import ADJUNCT_LABELS, NEEDLE_ANGLES, STIMULATIONS, TcmFindings
from acuchart.services import session_rules as rules
from acuchart.services.ratings import check_rating
from acuchart.services.record_rules import place_of
from acuchart.storage import note as note_rows
from acuchart.storage import records as rows
from acuchart.storage.store import Store
from acuchart.text import LONG_TEXT, SHORT_TEXT

_SESSION_FIELDS = {
    "subjective": N_("Subjective (what the client reports)"),
    "notes": N_("Objective (session notes)"),
    "assessment": N_("Assessment"),
    "plan": N_("Plan"),
    "duration_min": N_("Duration (minutes)"),
    "needles_removed": N_("Needles removed"),
    "count_note": N_("Needle count note"),
}
_MARK_FIELDS = {
    "needles": N_("needles"),
    "technique": N_("technique"),
    "angle": N_("angle"),
    "depth_mm": N_("depth (mm)"),
    "stimulation": N_("stimulation"),
    "retention_min": N_("retention (min)"),
    "label": N_("label"),
}
_FINDINGS_FIELDS = {
    "tongue": N_("Tongue"),
    "pulse": N_("Pulse"),
    "principles": N_("Eight principles"),
    "patterns": N_("Pattern"),
    "treatment_principle": N_("Treatment principle"),
}
_ADJUNCT_FIELDS = {"area": N_("area"), "duration_min": N_("duration (min)"), "details": N_("details")}
_REACTION_FIELDS = {"kind": N_("kind"), "severity": N_("severity"), "onset": N_("onset"), "note": N_("note")}

# How each amendable value is checked: (problems, typed value, the field as it stands) -> stored text.
_Check = Callable[[dict[str, str], object, AmendableField], str]


def _number(value: object) -> object:
    """Digits typed in a form as a number; anything else as it came."""
    return int(value.strip()) if isinstance(value, str) and value.strip().isdigit() else value


def _text_check(limit: int, label: str) -> _Check:
    def check(problems: dict[str, str], value: object, _field: AmendableField) -> str:
        return rules.text(problems, "new_value", str(value or ""), _(label), limit)

    return check


def _int_check(rule: Callable[[dict[str, str], object], int]) -> _Check:
    def check(problems: dict[str, str], value: object, _field: AmendableField) -> str:
        found: dict[str, str] = {}
        number = rule(found, _number(value))
        if found:
            problems["new_value"] = next(iter(found.values()))
        return str(number)

    return check


def _choice_check(problems: dict[str, str], value: object, field: AmendableField) -> str:
    text = str(value or "")
    if text not in dict(field.choices):
        problems["new_value"] = _("Choose one of: {join}.").format(
            join=", ".join((label for _, label in field.choices))
        )
    return text


def _rating_check(problems: dict[str, str], value: object, field: AmendableField) -> str:
    if value in (None, ""):
        return ""
    found: dict[str, str] = {}
    score = check_rating(found, field.field, _number(value))
    if found:
        problems["new_value"] = next(iter(found.values()))
    return str(score)


def _float_check(rule: Callable[[dict[str, str], object], float | None]) -> _Check:
    def check(problems: dict[str, str], value: object, _field: AmendableField) -> str:
        found: dict[str, str] = {}
        number = rule(found, value)
        if found:
            problems["new_value"] = next(iter(found.values()))
        return "" if number is None else f"{number:g}"

    return check


def _minutes(problems: dict[str, str], value: object) -> int:
    minutes = value if isinstance(value, int) and not isinstance(value, bool) else -1
    if not 1 <= minutes <= 240:
        problems["duration_min"] = _("Enter the duration in whole minutes, from 1 to 240.")
    return minutes


_CHECKS: dict[tuple[str, str], _Check] = {
    ("sessions", "notes"): _text_check(LONG_TEXT, N_("The session notes")),
    ("sessions", "count_note"): _text_check(LONG_TEXT, N_("The note")),
    ("sessions", "duration_min"): _int_check(rules.duration),
    ("sessions", "needles_removed"): _int_check(lambda p, v: rules.needles(p, v, "needles_removed")),
    ("marks", "needles"): _int_check(rules.needles),
    ("marks", "technique"): _text_check(SHORT_TEXT, N_("The technique")),
    ("marks", "label"): _text_check(SHORT_TEXT, N_("The label")),
    ("marks", "angle"): _choice_check,
    ("marks", "stimulation"): _choice_check,
    ("marks", "depth_mm"): _float_check(lambda p, v: rules.depth(p, str(v))),
    ("marks", "retention_min"): _int_check(lambda p, v: rules.retention(p, str(v)) or 0),
    ("sessions", "subjective"): _text_check(LONG_TEXT, N_("What the client reports")),
    ("sessions", "assessment"): _text_check(LONG_TEXT, N_("The assessment")),
    ("sessions", "plan"): _text_check(LONG_TEXT, N_("The plan")),
    **{("tcm_findings", name): _text_check(LONG_TEXT, label) for name, label in _FINDINGS_FIELDS.items()},
    ("adjuncts", "area"): _text_check(SHORT_TEXT, N_("The area")),
    ("adjuncts", "details"): _text_check(2000, N_("The details")),
    ("adjuncts", "duration_min"): _int_check(lambda p, v: _minutes(p, v)),
    ("reactions", "kind"): _choice_check,
    ("reactions", "severity"): _choice_check,
    ("reactions", "onset"): _choice_check,
    ("reactions", "note"): _text_check(LONG_TEXT, N_("The note")),
}


def _as_text(value: Any) -> str:
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def mark_title(row: dict[str, Any]) -> str:
    """Where a stored mark is, as the practitioner says it: ``left ST2``, ``CV24``, a free marker's label."""
    return place_of(row["code"], row["side"], row["label"])


def _findings_words(row: dict[str, Any] | None) -> dict[str, str]:
    findings = TcmFindings.from_row(0, row)
    return {
        "tongue": findings.tongue.words(),
        "pulse": findings.pulse.words(),
        "principles": ", ".join(findings.principles),
        "patterns": ", ".join(findings.patterns),
        "treatment_principle": findings.treatment_principle,
    }


def check_for(entity: str, field: str) -> _Check:
    """How a new value of ``entity``'s ``field`` is checked (a rating's, when it is none of the others)."""
    return _CHECKS.get((entity, field), _rating_check)


def amendable_fields(store: Store, session_id: int, rating_concerns: Iterable[str]) -> list[AmendableField]:
    """What an amendment may change in a session, each with its value as it stands (amendments applied)."""
    session = rows.session(store, session_id)
    fields: list[AmendableField] = [
        AmendableField("sessions", session_id, name, _(label), _as_text(session[name]))
        for name, label in _SESSION_FIELDS.items()
    ]
    marks = {row["id"]: row for row in rows.marks(store, session_id)}
    for mark in marks.values():
        names = (
            _MARK_FIELDS if mark["code"] is None else {k: v for k, v in _MARK_FIELDS.items() if k != "label"}
        )
        for name, label in names.items():
            listed = {"angle": NEEDLE_ANGLES, "stimulation": STIMULATIONS}.get(name, ())
            fields.append(
                AmendableField(
                    "marks",
                    mark["id"],
                    name,
                    f"{mark_title(mark)}: {_(label)}",
                    _as_text(mark[name]),
                    (("", _("Not recorded")), *listed) if listed else (),
                )
            )
    adjuncts = {row["id"]: row for row in note_rows.adjuncts(store, session_id)}
    for reaction in rows.reactions(store, session_id):
        at_mark = marks.get(reaction["mark_id"])
        at_adjunct = adjuncts.get(reaction["adjunct_id"])
        kinds = REACTION_KINDS_AT_POINT if at_mark or at_adjunct else REACTION_KINDS_SESSION
        title = str(REACTION_LABELS.get(reaction["kind"], reaction["kind"]))
        if at_mark:
            title += _(" at {mark_title}").format(mark_title=mark_title(at_mark))
        elif at_adjunct:
            title += _(" after {lower}").format(
                lower=str(ADJUNCT_LABELS.get(at_adjunct["kind"], at_adjunct["kind"])).lower()
            )
        else:
            title += _(" (whole session)")
        choices: dict[str, tuple[tuple[str, str], ...]] = {
            "kind": tuple(kinds),
            "severity": tuple((s, s.capitalize()) for s in SEVERITIES),
            "onset": tuple(ONSETS),
        }
        for name, label in _REACTION_FIELDS.items():
            fields.append(
                AmendableField(
                    "reactions",
                    reaction["id"],
                    name,
                    f"{title}: {_(label)}",
                    _as_text(reaction[name]),
                    choices.get(name, ()),
                )
            )
    words = _findings_words(note_rows.findings(store, session_id))
    for name, label in _FINDINGS_FIELDS.items():
        fields.append(
            AmendableField(
                "tcm_findings",
                session_id,
                name,
                _("TCM findings: {label}").format(label=_(label)),
                words[name],
            )
        )
    for adjunct in adjuncts.values():
        technique = str(ADJUNCT_LABELS.get(adjunct["kind"], adjunct["kind"]))
        for name, label in _ADJUNCT_FIELDS.items():
            fields.append(
                AmendableField(
                    "adjuncts", adjunct["id"], name, f"{technique}: {_(label)}", _as_text(adjunct[name])
                )
            )
    scores = {r["concern"]: str(r["score"]) for r in rows.ratings(store, session_id)}
    for concern in rating_concerns:
        fields.append(
            AmendableField(
                "ratings",
                None,
                concern,
                _("Rating: {value}").format(value=CONCERN_LABELS[concern]),
                scores.get(concern, ""),
            )
        )
    latest = {
        (a["entity"], a["entity_id"], a["field"]): a["new_value"] for a in rows.amendments(store, session_id)
    }
    return [
        AmendableField(f.entity, f.entity_id, f.field, f.label, _as_text(latest[key]), f.choices)
        if (key := (f.entity, f.entity_id, f.field)) in latest
        else f
        for f in fields
    ]
