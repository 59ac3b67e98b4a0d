"""The TCM assessment of a session: tongue, pulse by position, eight principles, pattern, treatment principle.

Quick at the chair: the previous session's findings are there to compare with, and one operation
carries them over to be adjusted. A term outside the vocabularies is kept as typed, never refused.
Like the rest of a session, the findings of a signed session change only by amendment.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from acuchart.changes import Changes, OpResult
from acuchart.i18n import _
from acuchart.models.tcm import Pulse, PulsePosition, TcmFindings, Tongue
from acuchart.services import session_writes as writes
from acuchart.services.record_rules import raise_if
from acuchart.services.sessions import KEEP, _Keep
from acuchart.storage import note as rows
from acuchart.storage.store import Store, Writer
from acuchart.text import LONG_TEXT, SHORT_TEXT, check_length, clean

MAX_TERMS = 30
"""At most this many features, qualities, principles or patterns in one finding."""


class AssessmentService:
    """Recording and reading a session's TCM findings."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def findings(self, session_id: int) -> TcmFindings:
        """A session's findings (empty when none were recorded)."""
        self._store.get("sessions", session_id)  # NotFoundError for an unknown session
        return TcmFindings.from_row(session_id, rows.findings(self._store, session_id))

    def previous(self, session_id: int) -> TcmFindings | None:
        """The findings of the client's latest earlier session that has any, to compare with."""
        session = self._store.get("sessions", session_id)
        row = rows.previous_findings(self._store, session["client_id"], session_id, session["started_at"])
        return None if row is None else TcmFindings.from_row(int(row["session_id"]), row)

    def record(
        self,
        session_id: int,
        tongue: Tongue | _Keep = KEEP,
        pulse: Pulse | _Keep = KEEP,
        principles: Iterable[str] | _Keep = KEEP,
        patterns: Iterable[str] | _Keep = KEEP,
        treatment_principle: str | _Keep = KEEP,
    ) -> OpResult[TcmFindings]:
        """Record (or change) the findings given; the rest stay as they are.

        Raises:
            ValidationError: a term too long, or too many of them.
            SignedSessionError: the session is signed (amend it instead).
        """
        problems: dict[str, str] = {}
        values: dict[str, Any] = {}
        if not isinstance(tongue, _Keep):
            values["tongue"] = _checked_tongue(problems, tongue).to_json()
        if not isinstance(pulse, _Keep):
            values["pulse"] = _checked_pulse(problems, pulse).to_json()
        if not isinstance(principles, _Keep):
            values["principles"] = _terms_json(problems, "principles", principles, _("The eight principles"))
        if not isinstance(patterns, _Keep):
            values["patterns"] = _terms_json(problems, "patterns", patterns, _("The patterns"))
        if not isinstance(treatment_principle, _Keep):
            text = clean(treatment_principle)
            check_length(problems, "treatment_principle", text, LONG_TEXT, _("The treatment principle"))
            values["treatment_principle"] = text
        raise_if(problems)
        with writes.SessionWrite(self._store, session_id) as w:
            client_id = w.get("sessions", session_id)["client_id"]
            store_findings(w, session_id, values)
        changes = Changes(sessions=True, client_id=client_id, session_id=session_id)
        return OpResult(self.findings(session_id), changes)

    def carry_over(self, session_id: int) -> OpResult[TcmFindings]:
        """Take the previous session's findings as this session's, to adjust what changed.

        Does nothing (and changes nothing) when no earlier session has findings.
        """
        earlier = self.previous(session_id)
        if earlier is None:
            return OpResult(self.findings(session_id), Changes())
        with writes.SessionWrite(self._store, session_id) as w:
            client_id = w.get("sessions", session_id)["client_id"]
            store_findings(w, session_id, findings_values(earlier))
        return OpResult(
            self.findings(session_id), Changes(sessions=True, client_id=client_id, session_id=session_id)
        )


def findings_values(findings: TcmFindings) -> dict[str, Any]:
    """The stored columns of a session's findings (to copy them to another session)."""
    return {
        "tongue": findings.tongue.to_json(),
        "pulse": findings.pulse.to_json(),
        "principles": _json_list(findings.principles),
        "patterns": _json_list(findings.patterns),
        "treatment_principle": findings.treatment_principle,
    }


def store_findings(w: Writer, session_id: int, values: dict[str, Any]) -> None:
    """Insert or update a session's findings row inside the caller's transaction."""
    existing = w.query("select id from tcm_findings where session_id = ?", [session_id])
    if existing:
        w.update("tcm_findings", int(existing[0]["id"]), values)
    else:
        w.insert("tcm_findings", {"session_id": session_id, "created_at": w.at, **values})


def _json_list(items: Iterable[str]) -> str:
    return json.dumps(list(items), ensure_ascii=False)


def _term(problems: dict[str, str], field: str, value: str, label: str) -> str:
    text = clean(value)
    check_length(problems, field, text, SHORT_TEXT, label)
    return text


def _terms(problems: dict[str, str], field: str, values: Iterable[str], label: str) -> tuple[str, ...]:
    terms = tuple(dict.fromkeys(t for t in (_term(problems, field, v, label) for v in values) if t))
    if len(terms) > MAX_TERMS:
        problems[field] = _("{label}: at most {MAX_TERMS} terms.").format(label=label, MAX_TERMS=MAX_TERMS)
    return terms


def _terms_json(problems: dict[str, str], field: str, values: Iterable[str], label: str) -> str:
    return _json_list(_terms(problems, field, values, label))


def _checked_tongue(problems: dict[str, str], tongue: Tongue) -> Tongue:
    note = clean(tongue.note)
    check_length(problems, "tongue", note, LONG_TEXT, _("The tongue note"))
    return Tongue(
        body=_term(problems, "tongue", tongue.body, _("The tongue's colour")),
        coating_colour=_term(problems, "tongue", tongue.coating_colour, _("The coating's colour")),
        coating_thickness=_term(problems, "tongue", tongue.coating_thickness, _("The coating")),
        features=_terms(problems, "tongue", tongue.features, _("The tongue's features")),
        moisture=_term(problems, "tongue", tongue.moisture, _("The tongue's moisture")),
        note=note,
    )


def _checked_pulse(problems: dict[str, str], pulse: Pulse) -> Pulse:
    positions = {}
    for key, found in pulse.positions.items():
        checked = PulsePosition(
            _term(problems, "pulse", found.depth, _("The pulse depth")),
            _term(problems, "pulse", found.strength, _("The pulse strength")),
            _terms(problems, "pulse", found.qualities, _("The pulse qualities")),
        )
        if not checked.empty:
            positions[key] = checked
    if pulse.bpm is not None and not 20 <= pulse.bpm <= 250:
        problems["pulse"] = _("Enter the pulse rate in beats a minute, from 20 to 250.")
    note = clean(pulse.note)
    check_length(problems, "pulse", note, LONG_TEXT, _("The pulse note"))
    return Pulse(_term(problems, "pulse", pulse.rate, _("The pulse rate")), pulse.bpm, positions, note)
