"""Adjunct techniques beside the needles: facial cupping, gua sha, rollers, microcurrent, LED, moxibustion,
ear seeds. Each is a line in the session with its area and duration; a reaction can belong to one
(cupping marks are not a needling bruise)."""

from __future__ import annotations

from typing import Any, NamedTuple

from acuchart import clock
from acuchart.changes import Changes, OpResult
from acuchart.errors import NotFoundError, ValidationError
from acuchart.i18n import _
from acuchart.models import Reaction
from acuchart.models.tcm import ADJUNCT_LABELS, Adjunct
from acuchart.services import session_writes as writes
from acuchart.services.record_rules import raise_if
from acuchart.services.sessions import KEEP, _Keep
from acuchart.storage import note as rows
from acuchart.storage.store import Store
from acuchart.text import SHORT_TEXT, check_length, clean

MAX_DURATION_MIN = 240


class AdjunctSnapshot(NamedTuple):
    """A removed adjunct technique and the reactions that belonged to it (what an undo puts back)."""

    adjunct: Adjunct
    reactions: tuple[Reaction, ...]


def adjunct_fields(
    problems: dict[str, str], kind: str, area: str, duration_min: int | str | None, details: str
) -> dict[str, Any]:
    """The stored columns of an adjunct technique, checked."""
    if kind not in ADJUNCT_LABELS:
        problems["kind"] = _("Choose a technique: {join}.").format(join=", ".join(ADJUNCT_LABELS.values()))
    area_text = clean(area)
    check_length(problems, "area", area_text, SHORT_TEXT, _("The area"))
    details_text = clean(details)
    check_length(problems, "details", details_text, 2000, _("The details"))
    minutes: int | None = None
    if duration_min not in (None, ""):
        try:
            minutes = int(str(duration_min).strip())
        except ValueError:
            minutes = -1
        if not 1 <= minutes <= MAX_DURATION_MIN:
            problems["duration_min"] = _(
                "Enter the duration in whole minutes, from 1 to {MAX_DURATION_MIN}."
            ).format(MAX_DURATION_MIN=MAX_DURATION_MIN)
            minutes = None
    return {"kind": kind, "area": area_text, "duration_min": minutes, "details": details_text}


class AdjunctService:
    """Adding, changing and removing a session's adjunct techniques."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def for_session(self, session_id: int) -> list[Adjunct]:
        """A session's adjunct techniques, in the order they were done."""
        return [Adjunct.from_row(row) for row in rows.adjuncts(self._store, session_id)]

    def add(
        self,
        session_id: int,
        kind: str,
        area: str = "",
        duration_min: int | str | None = None,
        details: str = "",
    ) -> OpResult[Adjunct]:
        """Record an adjunct technique done in the session.

        Raises:
            ValidationError: an unknown technique, a duration out of range, text too long.
            SignedSessionError: the session is signed.
        """
        problems: dict[str, str] = {}
        row = adjunct_fields(problems, kind, area, duration_min, details)
        raise_if(problems)
        with writes.SessionWrite(self._store, session_id) as w:
            client_id = w.get("sessions", session_id)["client_id"]
            adjunct_id = w.insert("adjuncts", {**row, "session_id": session_id, "created_at": clock.stamp()})
        adjunct = Adjunct.from_row(self._store.get("adjuncts", adjunct_id))
        return OpResult(adjunct, Changes(sessions=True, client_id=client_id, session_id=session_id))

    def edit(
        self,
        adjunct_id: int,
        area: str | _Keep = KEEP,
        duration_min: int | str | _Keep | None = KEEP,
        details: str | _Keep = KEEP,
    ) -> OpResult[Adjunct]:
        """Change an adjunct technique's area, duration or details."""
        old = Adjunct.from_row(self._get(adjunct_id))
        problems: dict[str, str] = {}
        row = adjunct_fields(
            problems,
            old.kind,
            old.area if isinstance(area, _Keep) else area,
            old.duration_min if isinstance(duration_min, _Keep) else duration_min,
            old.details if isinstance(details, _Keep) else details,
        )
        raise_if(problems)
        with writes.SessionWrite(self._store, old.session_id) as w:
            client_id = w.get("sessions", old.session_id)["client_id"]
            w.update("adjuncts", adjunct_id, row)
        adjunct = Adjunct.from_row(self._get(adjunct_id))
        return OpResult(adjunct, Changes(sessions=True, client_id=client_id, session_id=old.session_id))

    def remove(self, adjunct_id: int) -> OpResult[AdjunctSnapshot]:
        """Remove an adjunct technique recorded in error, with the reactions that belonged to it."""
        session_id = rows.adjunct_session(self._store, adjunct_id)
        if session_id is None:
            raise NotFoundError(
                _("No adjunct technique with id {adjunct_id} exists in this practice file.").format(
                    adjunct_id=adjunct_id
                )
            )
        with writes.SessionWrite(self._store, session_id) as w:
            client_id = w.get("sessions", session_id)["client_id"]
            reactions = tuple(
                Reaction.from_row(r)
                for r in w.query("select * from reactions where adjunct_id = ?", [adjunct_id])
            )
            for reaction in reactions:
                w.delete("reactions", reaction.id)
            adjunct = Adjunct.from_row(w.delete("adjuncts", adjunct_id))
        changes = Changes(
            sessions=True, reactions=bool(reactions), client_id=client_id, session_id=session_id
        )
        return OpResult(AdjunctSnapshot(adjunct, reactions), changes)

    def restore(self, snapshot: AdjunctSnapshot) -> OpResult[Adjunct]:
        """Put back a removed adjunct technique and its reactions, with their own ids."""
        adjunct = snapshot.adjunct
        with writes.SessionWrite(self._store, adjunct.session_id) as w:
            client_id = w.get("sessions", adjunct.session_id)["client_id"]
            if w.query("select 1 from adjuncts where id = ?", [adjunct.id]):
                raise ValidationError(
                    {
                        "adjunct": _("{label} is recorded already; nothing was put back.").format(
                            label=adjunct.label
                        )
                    }
                )
            w.insert("adjuncts", {**adjunct._asdict(), "created_at": w.at})
            for reaction in snapshot.reactions:
                w.insert("reactions", {**writes.reaction_row(reaction, w.at), "adjunct_id": adjunct.id})
        changes = Changes(sessions=True, reactions=True, client_id=client_id, session_id=adjunct.session_id)
        return OpResult(adjunct, changes)

    def _get(self, adjunct_id: int) -> dict[str, Any]:
        return self._store.get("adjuncts", adjunct_id)
