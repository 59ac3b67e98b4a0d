"""Charting a session: marks on the diagrams and the reactions at them (or for the whole session).

Every method that changes something is an operation: checked first, one transaction (a
:class:`~acuchart.services.session_writes.SessionWrite`, which refuses a signed session inside the
same transaction), and an :class:`~acuchart.changes.OpResult` naming what changed. Removing
records returns what an undo needs to put them back with their own ids; ids are never reused
(``m002_ids_never_reused``), so putting a record back can never take a newer record's id.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from acuchart import clock
from acuchart.catalogue import Catalogue
from acuchart.changes import Changes, OpResult
from acuchart.errors import NotFoundError, ValidationError
from acuchart.i18n import _
from acuchart.models import Mark, MarkSnapshot, Reaction, Side
from acuchart.models.tcm import NEEDLE_ANGLES, STIMULATIONS
from acuchart.services import session_rules as rules
from acuchart.services import session_writes as writes
from acuchart.services.record_rules import raise_if
from acuchart.services.sessions import KEEP, _Keep
from acuchart.storage import note as note_rows
from acuchart.storage import sessions as rows
from acuchart.storage.store import Store, Writer


class ChartingService:
    """Every change to a session's marks and reactions goes through here."""

    def __init__(self, store: Store, catalogue: Catalogue) -> None:
        self._store = store
        self.catalogue = catalogue

    # --- marks -----------------------------------------------------------------------------
    def mark_point(
        self, session_id: int, code: str, side: Side | str, view: str | None = None
    ) -> OpResult[Mark]:
        """Mark a catalogue point needled on the client's ``side``, with any caution warning it raises.

        ``view`` is the diagram it was clicked on (a point on the face and a profile is marked once,
        and the mark remembers where it was charted); without it, or on a view that does not show the
        point, the point's home view is kept.
        """
        done = self._apply(session_id, [(code, side)], view)
        if not done.value:
            point = self.catalogue.get(code)
            raise ValidationError(
                {
                    "code": _("{code} ({side}) is already marked in this session.").format(
                        code=point.code, side=side
                    )
                }
            )
        return OpResult(done.value[0], done.changes)

    def apply_protocol(self, session_id: int, points: Iterable[tuple[str, str]]) -> OpResult[list[Mark]]:
        """Mark every (code, side) not yet marked; never removes anything. Returns the new marks."""
        return self._apply(session_id, points, None)

    def _apply(
        self, session_id: int, points: Iterable[tuple[str, str]], view: str | None
    ) -> OpResult[list[Mark]]:
        problems: dict[str, str] = {}
        checked = [rules.point_and_side(problems, self.catalogue, code, side) for code, side in points]
        raise_if(problems)
        with writes.SessionWrite(self._store, session_id) as w:
            client_id = w.get("sessions", session_id)["client_id"]
            ids = self._mark_points(w, session_id, client_id, [(p.code, s) for p, s in checked if p], view)
        return self._new_marks(client_id, session_id, ids)

    def _mark_points(
        self,
        w: Writer,
        session_id: int,
        client_id: int,
        points: Sequence[tuple[str, str]],
        view: str | None = None,
    ) -> list[int]:
        """Insert the points not yet marked (inside the caller's transaction); their ids."""
        flags = self._client_flags(client_id)
        taken = {(m["code"], m["side"]) for m in rows.marks(self._store, session_id) if m["code"]}
        new_ids = []
        for code, side in points:
            if (code, side) in taken:
                continue
            taken.add((code, side))
            point = self.catalogue.get(code)
            row = {
                "session_id": session_id,
                "code": point.code,
                "side": side,
                "view": rules.view_of(point, side, view),
                "needles": 1,
                "caution_warning": rules.caution_warning(point, flags),
                "created_at": w.at,
            }
            new_ids.append(w.insert("marks", row))
        return new_ids

    def _new_marks(self, client_id: int, session_id: int, ids: list[int]) -> OpResult[list[Mark]]:
        marks = [Mark.from_row(self._store.get("marks", mark_id)) for mark_id in ids]
        changes = Changes(marks=True, client_id=client_id, session_id=session_id) if ids else Changes()
        return OpResult(marks, changes)

    def add_free_marker(
        self, session_id: int, view: str, x: float, y: float, label: str = "", needles: int = 1
    ) -> OpResult[Mark]:
        """Place a free marker (e.g. intradermal needles) at fractions ``x``, ``y`` of a view."""
        problems: dict[str, str] = {}
        row = {
            "session_id": session_id,
            "view": rules.view(problems, view),
            "x": rules.fraction(problems, "x", x),
            "y": rules.fraction(problems, "y", y),
            "label": rules.label(problems, label),
            "needles": rules.needles(problems, needles),
            "created_at": clock.stamp(),
        }
        raise_if(problems)
        with writes.SessionWrite(self._store, session_id) as w:
            client_id = w.get("sessions", session_id)["client_id"]
            mark_id = w.insert("marks", row)
        done = self._new_marks(client_id, session_id, [mark_id])
        return OpResult(done.value[0], done.changes)

    def move_marker(self, mark_id: int, x: float, y: float) -> OpResult[Mark]:
        """Move a free marker to new fractions of its view."""
        problems: dict[str, str] = {}
        position = {"x": rules.fraction(problems, "x", x), "y": rules.fraction(problems, "y", y)}
        raise_if(problems)
        return self._update_mark(mark_id, position, free_only=True)

    def edit_marker(
        self,
        mark_id: int,
        label: str | _Keep = KEEP,
        needles: int | _Keep = KEEP,
        technique: str | _Keep = KEEP,
        angle: str | _Keep = KEEP,
        depth_mm: float | _Keep | None = KEEP,
        stimulation: str | _Keep = KEEP,
        retention_min: int | _Keep | None = KEEP,
    ) -> OpResult[Mark]:
        """Change a mark's needle count, technique or needling details (angle, depth, stimulation,
        retention), or a free marker's label."""
        problems: dict[str, str] = {}
        changes: dict[str, Any] = {}
        if not isinstance(label, _Keep):
            changes["label"] = rules.label(problems, label)
        if not isinstance(needles, _Keep):
            changes["needles"] = rules.needles(problems, needles)
        if not isinstance(technique, _Keep):
            changes["technique"] = rules.text(problems, "technique", technique, "The technique", 200)
        if not isinstance(angle, _Keep):
            changes["angle"] = rules.choice(problems, "angle", angle, NEEDLE_ANGLES, _("the angle"))
        if not isinstance(stimulation, _Keep):
            changes["stimulation"] = rules.choice(
                problems, "stimulation", stimulation, STIMULATIONS, _("the stimulation")
            )
        if not isinstance(depth_mm, _Keep):
            changes["depth_mm"] = rules.depth(problems, depth_mm)
        if not isinstance(retention_min, _Keep):
            changes["retention_min"] = rules.retention(problems, retention_min)
        raise_if(problems)
        return self._update_mark(mark_id, changes, free_only="label" in changes)

    def _update_mark(self, mark_id: int, changes: dict[str, Any], free_only: bool) -> OpResult[Mark]:
        session_id = self._session_of_mark(mark_id)
        with writes.SessionWrite(self._store, session_id) as w:
            if free_only and w.get("marks", mark_id)["code"] is not None:
                raise ValidationError({"mark": _("Only a free marker can be moved or relabelled.")})
            w.update("marks", mark_id, changes)
            client_id = w.get("sessions", session_id)["client_id"]
        mark = Mark.from_row(self._store.get("marks", mark_id))
        return OpResult(mark, Changes(marks=True, client_id=client_id, session_id=session_id))

    def unmark(self, mark_id: int) -> OpResult[MarkSnapshot]:
        """Remove a mark and the reactions at it; the snapshot lets :meth:`restore_mark` put them back."""
        done = self.remove_marks([mark_id])
        return OpResult(done.value[0], done.changes)

    def remove_marks(self, mark_ids: list[int]) -> OpResult[list[MarkSnapshot]]:
        """Remove several marks of one session in one transaction (undoing a protocol)."""
        if not mark_ids:
            return OpResult([], Changes())
        session_id = self._session_of_mark(mark_ids[0])
        snapshots = []
        with writes.SessionWrite(self._store, session_id) as w:
            client_id = w.get("sessions", session_id)["client_id"]
            reactions = rows.reactions_at_marks(self._store, mark_ids)
            for mark_id in mark_ids:
                mark = Mark.from_row(w.get("marks", mark_id))
                if mark.session_id != session_id:
                    raise ValidationError(
                        {"mark": _("Marks of different sessions cannot be removed together.")}
                    )
                at_mark = tuple(Reaction.from_row(r) for r in reactions if r["mark_id"] == mark_id)
                for reaction in at_mark:
                    w.delete("reactions", reaction.id)
                w.delete("marks", mark_id)
                snapshots.append(MarkSnapshot(mark, at_mark))
        changes = Changes(marks=True, reactions=True, client_id=client_id, session_id=session_id)
        return OpResult(snapshots, changes)

    def restore_mark(self, snapshot: MarkSnapshot) -> OpResult[Mark]:
        """Put back a removed mark and its reactions, with the same ids."""
        done = self.restore_marks([snapshot])
        return OpResult(done.value[0], done.changes)

    def restore_marks(self, snapshots: list[MarkSnapshot]) -> OpResult[list[Mark]]:
        """Put back several removed marks of one session in one transaction, with their own ids.

        Raises:
            ValidationError: a mark is back already, or its point is marked again since (unmark it first).
        """
        if not snapshots:
            return OpResult([], Changes())
        session_id = snapshots[0].mark.session_id
        with writes.SessionWrite(self._store, session_id) as w:
            client_id = w.get("sessions", session_id)["client_id"]
            current = rows.marks(self._store, session_id)
            ids = {m["id"] for m in current}
            points = {(m["code"], m["side"]) for m in current if m["code"]}
            for snapshot in snapshots:
                mark = snapshot.mark
                if mark.id in ids or (mark.code and (mark.code, mark.side) in points):
                    raise ValidationError(
                        {
                            "mark": _("{title} is marked already; nothing was put back.").format(
                                title=mark.title
                            )
                        }
                    )
                w.insert("marks", writes.mark_row(mark, w.at))
                for reaction in snapshot.reactions:
                    w.insert("reactions", writes.reaction_row(reaction, w.at))
        changes = Changes(marks=True, reactions=True, client_id=client_id, session_id=session_id)
        return OpResult([snapshot.mark for snapshot in snapshots], changes)

    def repeat_last(
        self, session_id: int, assessment: bool = False, adjuncts: bool = False
    ) -> OpResult[list[Mark]]:
        """Pre-mark the points and free markers of the client's previous session; adds only.

        Asked to, it also carries over that session's TCM findings (``assessment``) and adds its adjunct
        techniques (``adjuncts``) not recorded here yet. One transaction, like every user action.
        """
        with writes.SessionWrite(self._store, session_id) as w:
            session = w.get("sessions", session_id)
            client_id = session["client_id"]
            previous = rows.previous_session_id(self._store, client_id, session_id, session["started_at"])
            earlier = (
                [] if previous is None else [Mark.from_row(r) for r in rows.marks(self._store, previous)]
            )
            points = [(m.code, m.side or "midline") for m in earlier if m.code and m.code in self.catalogue]
            ids = self._mark_points(w, session_id, client_id, points)
            placed = {
                (m["view"], m["x"], m["y"], m["label"])
                for m in rows.marks(self._store, session_id)
                if not m["code"]
            }
            for mark in earlier:
                if mark.is_free and (mark.view, mark.x, mark.y, mark.label) not in placed:
                    ids.append(w.insert("marks", writes.free_copy(mark, session_id, w.at)))
            carried = self._carry_note(w, session, assessment, adjuncts)
        done = self._new_marks(client_id, session_id, ids)
        if carried:
            return OpResult(
                done.value, done.changes._replace(sessions=True, client_id=client_id, session_id=session_id)
            )
        return done

    def _carry_note(self, w: Writer, session: dict[str, Any], assessment: bool, adjuncts: bool) -> bool:
        """Copy the previous session's findings and adjunct techniques (inside the caller's transaction)."""
        from acuchart.services.assessment import store_findings
        from acuchart.storage import note as note_rows

        if not (assessment or adjuncts):
            return False
        session_id, client_id = int(session["id"]), int(session["client_id"])
        previous = note_rows.previous_session(self._store, client_id, session_id, session["started_at"])
        if previous is None:
            return False
        carried = False
        if assessment:
            found = note_rows.findings(self._store, previous)
            if found is not None:
                columns = ("tongue", "pulse", "principles", "patterns", "treatment_principle")
                store_findings(w, session_id, {column: found[column] for column in columns})
                carried = True
        if adjuncts:
            here = {(a["kind"], a["area"]) for a in note_rows.adjuncts(self._store, session_id)}
            for row in note_rows.adjuncts(self._store, previous):
                if (row["kind"], row["area"]) not in here:
                    keys = ("kind", "area", "duration_min", "details")
                    w.insert(
                        "adjuncts",
                        {**{k: row[k] for k in keys}, "session_id": session_id, "created_at": w.at},
                    )
                    carried = True
        return carried

    def points_in_use(self, sessions: int = 300, limit: int = 60) -> list[str]:
        """The points this practice charts most (in its latest ``sessions`` sessions), most used first."""
        return rows.recent_point_codes(self._store, sessions, limit)

    # --- reactions -------------------------------------------------------------------------
    def add_reaction(
        self,
        session_id: int,
        mark_id: int | None,
        kind: str,
        severity: str,
        onset: str = "during",
        note: str = "",
        adjunct_id: int | None = None,
        note_shown_to_client: bool = False,
    ) -> OpResult[Reaction]:
        """Record a reaction at a mark (bruise at left ST2), at an adjunct technique (cupping marks) with
        ``adjunct_id``, or for the whole session with neither. The note is printed for the client
        only with ``note_shown_to_client``."""
        problems: dict[str, str] = {}
        at_a_place = mark_id is not None or adjunct_id is not None
        row: dict[str, Any] = rules.reaction_fields(problems, at_a_place, kind, severity, onset, note)
        raise_if(problems)
        if mark_id is not None and adjunct_id is not None:
            raise ValidationError({"mark": _("A reaction is at a point or at a technique, not both.")})
        if mark_id is not None and self._session_of_mark(mark_id) != session_id:
            raise ValidationError({"mark": _("That mark belongs to another session.")})
        if adjunct_id is not None and note_rows.adjunct_session(self._store, adjunct_id) != session_id:
            raise ValidationError({"adjunct": _("That technique belongs to another session.")})
        row.update(
            session_id=session_id,
            mark_id=mark_id,
            adjunct_id=adjunct_id,
            note_shown_to_client=int(note_shown_to_client),
            created_at=clock.stamp(),
        )
        with writes.SessionWrite(self._store, session_id) as w:
            client_id = w.get("sessions", session_id)["client_id"]
            reaction_id = w.insert("reactions", row)
        reaction = Reaction.from_row(self._store.get("reactions", reaction_id))
        return OpResult(reaction, Changes(reactions=True, client_id=client_id, session_id=session_id))

    def edit_reaction(
        self,
        reaction_id: int,
        kind: str | _Keep = KEEP,
        severity: str | _Keep = KEEP,
        onset: str | _Keep = KEEP,
        note: str | _Keep = KEEP,
        note_shown_to_client: bool | _Keep = KEEP,
    ) -> OpResult[Reaction]:
        """Change a reaction's kind, severity, onset or note, or whether the note is printed for the client."""
        old = Reaction.from_row(self._store.get("reactions", reaction_id))
        problems: dict[str, str] = {}
        changes: dict[str, Any] = rules.reaction_fields(
            problems,
            old.mark_id is not None,
            old.kind if isinstance(kind, _Keep) else kind,
            old.severity if isinstance(severity, _Keep) else severity,
            old.onset if isinstance(onset, _Keep) else onset,
            old.note if isinstance(note, _Keep) else note,
        )
        raise_if(problems)
        if not isinstance(note_shown_to_client, _Keep):
            changes["note_shown_to_client"] = int(note_shown_to_client)
        with writes.SessionWrite(self._store, old.session_id) as w:
            client_id = w.get("sessions", old.session_id)["client_id"]
            w.update("reactions", reaction_id, changes)
        reaction = Reaction.from_row(self._store.get("reactions", reaction_id))
        return OpResult(reaction, Changes(reactions=True, client_id=client_id, session_id=old.session_id))

    def delete_reaction(self, reaction_id: int) -> OpResult[Reaction]:
        """Remove a reaction recorded in error; returns it so :meth:`restore_reaction` can put it back."""
        session_id = rows.reaction_session(self._store, reaction_id)
        if session_id is None:
            raise NotFoundError(
                _("No reaction with id {reaction_id} exists in this practice file.").format(
                    reaction_id=reaction_id
                )
            )
        with writes.SessionWrite(self._store, session_id) as w:
            client_id = w.get("sessions", session_id)["client_id"]
            old = Reaction.from_row(w.delete("reactions", reaction_id))
        return OpResult(old, Changes(reactions=True, client_id=client_id, session_id=session_id))

    def restore_reaction(self, reaction: Reaction) -> OpResult[Reaction]:
        """Put back a deleted reaction with its own id (ids are never reused, so it cannot collide).

        Raises:
            ValidationError: it is back already, or the point it was recorded at is no longer marked.
            SignedSessionError: the session was signed since (record it with Late reaction… instead).
        """
        with writes.SessionWrite(self._store, reaction.session_id) as w:
            client_id = w.get("sessions", reaction.session_id)["client_id"]
            if w.query("select 1 from reactions where id = ?", [reaction.id]):
                raise ValidationError(
                    {
                        "reaction": _("{label} is recorded already; nothing was put back.").format(
                            label=reaction.label
                        )
                    }
                )
            if reaction.mark_id is not None and not w.query(
                "select 1 from marks where id = ?", [reaction.mark_id]
            ):
                raise ValidationError(
                    {
                        "reaction": _(
                            "The point {label} was recorded at is no longer marked. Mark it again, then record the reaction."
                        ).format(label=reaction.label)
                    }
                )
            w.insert("reactions", writes.reaction_row(reaction, w.at))
        return OpResult(
            reaction, Changes(reactions=True, client_id=client_id, session_id=reaction.session_id)
        )

    # --- helpers ---------------------------------------------------------------------------
    def _client_flags(self, client_id: int) -> list[str]:
        flags = self._store.get("clients", client_id)["caution_flags"]
        return list(json.loads(flags or "[]"))

    def _session_of_mark(self, mark_id: int) -> int:
        session_id = rows.mark_session(self._store, mark_id)
        if session_id is None:
            raise NotFoundError(
                _("No mark with id {mark_id} exists in this practice file.").format(mark_id=mark_id)
            )
        return session_id
