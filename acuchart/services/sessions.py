"""Charting a session: marks on the diagrams, reactions, the needle count, protocols.

Every method that changes something is one transaction (``store.write()``), checked first, and
followed by one change report on the hub. A signed session refuses every change: it takes an
amendment instead.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from enum import Enum
from typing import Any

from acuchart import clock
from acuchart.catalogue import Catalogue
from acuchart.changes import ChangeHub, Changes
from acuchart.errors import ConsentMissingError, NotFoundError, ValidationError
from acuchart.models import Mark, MarkSnapshot, Reaction, SavedProtocol, Session, SessionChart, Side
from acuchart.services import session_rules as rules
from acuchart.services import session_writes as writes
from acuchart.services.own_protocols import OwnProtocols
from acuchart.services.session_rules import NeedleBalance
from acuchart.storage import sessions as rows
from acuchart.storage.store import Store

__all__ = ["KEEP", "NeedleBalance", "SessionService"]


class _Keep(Enum):
    KEEP = "keep"


KEEP = _Keep.KEEP
"""Leave this field as it is (for the optional fields of the ``update``/``edit`` methods)."""


def _raise(problems: dict[str, str]) -> None:
    if problems:
        raise ValidationError(problems)


class SessionService:
    """Every change to a session and its marks and reactions goes through here."""

    def __init__(self, store: Store, hub: ChangeHub, catalogue: Catalogue) -> None:
        self._store = store
        self._hub = hub
        self.catalogue = catalogue
        self.protocols = OwnProtocols(store, hub, catalogue)

    # --- sessions --------------------------------------------------------------------------
    def create(
        self,
        client_id: int,
        started_at: dt.datetime | str | None = None,
        course_id: int | None = None,
        duration_min: int = 45,
        consent_override: str = "",
    ) -> Session:
        """Start a session for a client.

        Raises:
            ConsentMissingError: the client has no consent on file and no override note was given.
            ValidationError: a field is wrong.
        """
        if not rows.client_exists(self._store, client_id):
            raise NotFoundError(f"No client with id {client_id} exists in this practice file.")
        problems: dict[str, str] = {}
        override = rules.text(problems, "consent_override", consent_override, "The consent note", 2000)
        if not override and not rows.has_consent(self._store, client_id):
            raise ConsentMissingError(
                "This client has no consent on file. Record their consent first, or note why you proceed without it."
            )
        row: dict[str, Any] = {
            "client_id": client_id,
            "course_id": self._course(problems, client_id, course_id),
            "started_at": rules.started_at(problems, started_at, clock.now()),
            "duration_min": rules.duration(problems, duration_min),
            "consent_override": override,
            "created_at": clock.stamp(),
        }
        _raise(problems)
        with self._store.write() as w:
            session_id = w.insert("sessions", row)
        self._publish(client_id, session_id, sessions=True)
        return self.get(session_id)

    def get(self, session_id: int) -> Session:
        """One session; ``NotFoundError`` if the id is unknown."""
        return Session.from_row(self._store.get("sessions", session_id))

    def sessions_for_client(self, client_id: int) -> list[Session]:
        """A client's sessions, the latest first."""
        return [Session.from_row(row) for row in rows.for_client(self._store, client_id)]

    def course_choices(self, client_id: int) -> list[tuple[int, str]]:
        """The client's courses as (id, "Course from 3 Mar 2025 (active)"), newest first."""
        return [
            (row["id"], f"Course from {dt.date.fromisoformat(row['start_date']):%d %b %Y} ({row['status']})")
            for row in rows.courses_for_client(self._store, client_id)
        ]

    def update_details(
        self,
        session_id: int,
        started_at: dt.datetime | str | _Keep = KEEP,
        course_id: int | _Keep | None = KEEP,
        duration_min: int | _Keep = KEEP,
        notes: str | _Keep = KEEP,
    ) -> Session:
        """Change when the session was, its course, its length or its notes (only the fields given)."""
        session = self.get(session_id)
        problems: dict[str, str] = {}
        changes: dict[str, Any] = {}
        if not isinstance(started_at, _Keep):
            changes["started_at"] = rules.started_at(problems, started_at, clock.now())
        if not isinstance(course_id, _Keep):
            changes["course_id"] = self._course(problems, session.client_id, course_id)
        if not isinstance(duration_min, _Keep):
            changes["duration_min"] = rules.duration(problems, duration_min)
        if not isinstance(notes, _Keep):
            changes["notes"] = rules.text(problems, "notes", notes, "The session notes")
        _raise(problems)
        with self._write(session_id) as w:
            w.update("sessions", session_id, changes)
        self._publish(session.client_id, session_id, sessions=True)
        return self.get(session_id)

    def load(self, session_id: int) -> SessionChart:
        """The session with its marks and reactions, for the chart editor (three queries)."""
        row = rows.session_with_client(self._store, session_id)
        if row is None:
            raise NotFoundError(f"No session with id {session_id} exists in this practice file.")
        return SessionChart(
            session=Session.from_row(row),
            client_caution_flags=tuple(json.loads(row["client_caution_flags"] or "[]")),
            marks=tuple(Mark.from_row(r) for r in rows.marks(self._store, session_id)),
            reactions=tuple(Reaction.from_row(r) for r in rows.reactions(self._store, session_id)),
        )

    # --- marks -----------------------------------------------------------------------------
    def mark_point(self, session_id: int, code: str, side: Side | str) -> Mark:
        """Mark a catalogue point needled on the client's ``side``, with any caution warning it raises."""
        marks = self._marks_in_transaction(session_id, [(code, side)])
        if not marks:
            point = self.catalogue.get(code)
            raise ValidationError({"code": f"{point.code} ({side}) is already marked in this session."})
        return marks[0]

    def apply_protocol(self, session_id: int, points: Iterable[tuple[str, str]]) -> list[Mark]:
        """Mark every (code, side) not yet marked; never removes anything. Returns the new marks."""
        return self._marks_in_transaction(session_id, list(points))

    def _marks_in_transaction(self, session_id: int, points: list[tuple[str, str]]) -> list[Mark]:
        problems: dict[str, str] = {}
        checked = [rules.point_and_side(problems, self.catalogue, code, side) for code, side in points]
        _raise(problems)
        with self._write(session_id) as w:
            session = w.get("sessions", session_id)
            flags = self._client_flags(session["client_id"])
            taken = {(m["code"], m["side"]) for m in rows.marks(self._store, session_id) if m["code"]}
            new_ids = []
            for point, side in checked:
                assert point is not None
                if (point.code, side) in taken:
                    continue
                taken.add((point.code, side))
                row = {
                    "session_id": session_id,
                    "code": point.code,
                    "side": side,
                    "view": point.view,
                    "needles": 1,
                    "caution_warning": rules.caution_warning(point, flags),
                    "created_at": w.at,
                }
                new_ids.append(w.insert("marks", row))
        if new_ids:
            self._publish(session["client_id"], session_id, marks=True)
        return [Mark.from_row(self._store.get("marks", mark_id)) for mark_id in new_ids]

    def add_free_marker(
        self, session_id: int, view: str, x: float, y: float, label: str = "", needles: int = 1
    ) -> Mark:
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
        _raise(problems)
        with self._write(session_id) as w:
            mark_id = w.insert("marks", row)
        self._publish_session(session_id, marks=True)
        return Mark.from_row(self._store.get("marks", mark_id))

    def move_marker(self, mark_id: int, x: float, y: float) -> Mark:
        """Move a free marker to new fractions of its view."""
        problems: dict[str, str] = {}
        position = {"x": rules.fraction(problems, "x", x), "y": rules.fraction(problems, "y", y)}
        _raise(problems)
        return self._update_mark(mark_id, position, free_only=True)

    def edit_marker(
        self,
        mark_id: int,
        label: str | _Keep = KEEP,
        needles: int | _Keep = KEEP,
        technique: str | _Keep = KEEP,
    ) -> Mark:
        """Change a mark's needle count or technique, or a free marker's label."""
        problems: dict[str, str] = {}
        changes: dict[str, Any] = {}
        if not isinstance(label, _Keep):
            changes["label"] = rules.label(problems, label)
        if not isinstance(needles, _Keep):
            changes["needles"] = rules.needles(problems, needles)
        if not isinstance(technique, _Keep):
            changes["technique"] = rules.text(problems, "technique", technique, "The technique", 200)
        _raise(problems)
        return self._update_mark(mark_id, changes, free_only="label" in changes)

    def _update_mark(self, mark_id: int, changes: dict[str, Any], free_only: bool) -> Mark:
        session_id = self._session_of_mark(mark_id)
        with self._write(session_id) as w:
            if free_only and w.get("marks", mark_id)["code"] is not None:
                raise ValidationError({"mark": "Only a free marker can be moved or relabelled."})
            w.update("marks", mark_id, changes)
        self._publish_session(session_id, marks=True)
        return Mark.from_row(self._store.get("marks", mark_id))

    def unmark(self, mark_id: int) -> MarkSnapshot:
        """Remove a mark and the reactions at it; the snapshot lets :meth:`restore_mark` put them back."""
        return self.remove_marks([mark_id])[0]

    def remove_marks(self, mark_ids: list[int]) -> list[MarkSnapshot]:
        """Remove several marks of one session in one transaction (undoing a protocol)."""
        if not mark_ids:
            return []
        session_id = self._session_of_mark(mark_ids[0])
        snapshots = []
        with self._write(session_id) as w:
            reactions = rows.reactions_at_marks(self._store, mark_ids)
            for mark_id in mark_ids:
                mark = Mark.from_row(w.get("marks", mark_id))
                if mark.session_id != session_id:
                    raise ValidationError({"mark": "Marks of different sessions cannot be removed together."})
                at_mark = tuple(Reaction.from_row(r) for r in reactions if r["mark_id"] == mark_id)
                for reaction in at_mark:
                    w.delete("reactions", reaction.id)
                w.delete("marks", mark_id)
                snapshots.append(MarkSnapshot(mark, at_mark))
        self._publish_session(session_id, marks=True, reactions=True)
        return snapshots

    def restore_mark(self, snapshot: MarkSnapshot) -> Mark:
        """Put back a removed mark and its reactions, with the same ids."""
        return self.restore_marks([snapshot])[0]

    def restore_marks(self, snapshots: list[MarkSnapshot]) -> list[Mark]:
        """Put back several removed marks of one session in one transaction."""
        if not snapshots:
            return []
        session_id = snapshots[0].mark.session_id
        with self._write(session_id) as w:
            for snapshot in snapshots:
                w.insert("marks", writes.mark_row(snapshot.mark, w.at))
                for reaction in snapshot.reactions:
                    w.insert("reactions", writes.reaction_row(reaction, w.at))
        self._publish_session(session_id, marks=True, reactions=True)
        return [snapshot.mark for snapshot in snapshots]

    def repeat_last(self, session_id: int) -> list[Mark]:
        """Pre-mark the points and free markers of the client's previous session; adds only."""
        session = self.get(session_id)
        previous = rows.previous_session_id(
            self._store, session.client_id, session_id, session.started_at.isoformat(timespec="seconds")
        )
        if previous is None:
            return []
        earlier = [Mark.from_row(r) for r in rows.marks(self._store, previous)]
        new = self.apply_protocol(session_id, [(m.code, m.side or "midline") for m in earlier if m.code])
        current = self.load(session_id).marks
        placed = {(m.view, m.x, m.y, m.label) for m in current if m.is_free}
        free = [m for m in earlier if m.is_free and (m.view, m.x, m.y, m.label) not in placed]
        if free:
            with self._write(session_id) as w:
                ids = [w.insert("marks", writes.free_copy(m, session_id, w.at)) for m in free]
            self._publish(session.client_id, session_id, marks=True)
            new += [Mark.from_row(self._store.get("marks", mark_id)) for mark_id in ids]
        return new

    # --- reactions -------------------------------------------------------------------------
    def add_reaction(
        self,
        session_id: int,
        mark_id: int | None,
        kind: str,
        severity: str,
        onset: str = "during",
        note: str = "",
        note_shown_to_client: bool = False,
    ) -> Reaction:
        """Record a reaction at a mark (bruise at left ST2), or for the whole session with ``mark_id`` None.

        The note is printed for the client only with ``note_shown_to_client``."""
        problems: dict[str, str] = {}
        row: dict[str, Any] = rules.reaction_fields(
            problems, mark_id is not None, kind, severity, onset, note
        )
        _raise(problems)
        if mark_id is not None and self._session_of_mark(mark_id) != session_id:
            raise ValidationError({"mark": "That mark belongs to another session."})
        row.update(
            session_id=session_id,
            mark_id=mark_id,
            note_shown_to_client=int(note_shown_to_client),
            created_at=clock.stamp(),
        )
        with self._write(session_id) as w:
            reaction_id = w.insert("reactions", row)
        self._publish_session(session_id, reactions=True)
        return Reaction.from_row(self._store.get("reactions", reaction_id))

    def edit_reaction(
        self,
        reaction_id: int,
        kind: str | _Keep = KEEP,
        severity: str | _Keep = KEEP,
        onset: str | _Keep = KEEP,
        note: str | _Keep = KEEP,
        note_shown_to_client: bool | _Keep = KEEP,
    ) -> Reaction:
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
        _raise(problems)
        if not isinstance(note_shown_to_client, _Keep):
            changes["note_shown_to_client"] = int(note_shown_to_client)
        with self._write(old.session_id) as w:
            w.update("reactions", reaction_id, changes)
        self._publish_session(old.session_id, reactions=True)
        return Reaction.from_row(self._store.get("reactions", reaction_id))

    def delete_reaction(self, reaction_id: int) -> Reaction:
        """Remove a reaction recorded in error; returns it so :meth:`restore_reaction` can put it back."""
        session_id = rows.reaction_session(self._store, reaction_id)
        if session_id is None:
            raise NotFoundError(f"No reaction with id {reaction_id} exists in this practice file.")
        with self._write(session_id) as w:
            old = Reaction.from_row(w.delete("reactions", reaction_id))
        self._publish_session(session_id, reactions=True)
        return old

    def restore_reaction(self, reaction: Reaction) -> Reaction:
        """Put back a deleted reaction with its id."""
        with self._write(reaction.session_id) as w:
            w.insert("reactions", writes.reaction_row(reaction, w.at))
        self._publish_session(reaction.session_id, reactions=True)
        return reaction

    # --- needles ---------------------------------------------------------------------------
    def set_needles_removed(self, session_id: int, count: int | None, note: str = "") -> Session:
        """Confirm how many needles came out (None: not counted yet), with a note when it differs."""
        problems: dict[str, str] = {}
        removed = None if count is None else rules.needles(problems, count, "needles_removed")
        changes = {
            "needles_removed": removed,
            "count_note": rules.text(problems, "count_note", note, "The note"),
        }
        _raise(problems)
        with self._write(session_id) as w:
            w.update("sessions", session_id, changes)
        self._publish_session(session_id, sessions=True)
        return self.get(session_id)

    def needle_balance(self, session_id: int) -> NeedleBalance:
        """Needles in (from the marks), out (confirmed) and the difference."""
        chart = self.load(session_id)
        return writes.balance(chart)

    def can_sign(self, session_id: int) -> tuple[bool, str]:
        """Whether the needle count lets the session be signed, and if not, why (in plain words)."""
        chart = self.load(session_id)
        if chart.session.signed:
            return False, rules.SIGNED_MESSAGE
        balance = writes.balance(chart)
        if balance.removed is None:
            return False, "Confirm how many needles were removed before signing."
        if balance.difference and not chart.session.count_note:
            return False, (
                f"{balance.inserted} needles went in and {balance.removed} came out. Recount, or add a note "
                "explaining the difference before signing."
            )
        return True, ""

    # --- protocols (the practitioner's own; presets live in resources/) --------------------------
    def save_protocol(self, name: str, note: str, points: Iterable[tuple[str, str]]) -> SavedProtocol:
        """Save a named set of (code, side) as the practitioner's own protocol."""
        return self.protocols.save(name, note, points)

    def list_protocols(self) -> list[SavedProtocol]:
        """The practitioner's own protocols, by name."""
        return self.protocols.list()

    def delete_protocol(self, protocol_id: int) -> SavedProtocol:
        """Remove one of the practitioner's own protocols."""
        return self.protocols.delete(protocol_id)

    # --- helpers ---------------------------------------------------------------------------
    def _write(self, session_id: int) -> writes.SessionWrite:
        return writes.SessionWrite(self._store, session_id)

    def _course(self, problems: dict[str, str], client_id: int, course_id: int | None) -> int | None:
        if course_id is not None and rows.course_client(self._store, course_id) != client_id:
            problems["course_id"] = "That course belongs to another client (or no longer exists)."
        return course_id

    def _client_flags(self, client_id: int) -> list[str]:
        flags = self._store.get("clients", client_id)["caution_flags"]
        return list(json.loads(flags or "[]"))

    def _session_of_mark(self, mark_id: int) -> int:
        session_id = rows.mark_session(self._store, mark_id)
        if session_id is None:
            raise NotFoundError(f"No mark with id {mark_id} exists in this practice file.")
        return session_id

    def _publish_session(self, session_id: int, **kinds: bool) -> None:
        client_id = self._store.get("sessions", session_id)["client_id"]
        self._publish(client_id, session_id, **kinds)

    def _publish(self, client_id: int, session_id: int, **kinds: bool) -> None:
        self._hub.publish(Changes(client_id=client_id, session_id=session_id, **kinds))
