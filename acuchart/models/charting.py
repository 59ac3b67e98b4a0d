"""What is charted in a session, as values: the session, its marks, reactions and saved protocols."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from acuchart.i18n import _
from acuchart.models.practice import REACTION_LABELS, SEVERITIES, Side, _date, _datetime

SEVERITY_RANK: dict[str, int] = {severity: rank for rank, severity in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Session:
    """One treatment session: when it was, what it belongs to, and how the needles were counted out."""

    id: int
    client_id: int
    started_at: dt.datetime
    course_id: int | None = None
    duration_min: int = 45
    notes: str = ""
    needles_removed: int | None = None
    count_note: str = ""
    consent_override: str = ""
    late_entry: bool = False
    signed_at: dt.datetime | None = None
    signed_by: str = ""
    subjective: str = ""
    assessment: str = ""
    plan: str = ""

    @property
    def objective(self) -> str:
        """The Objective part of the SOAP note: what was seen and done (the session's notes)."""
        return self.notes

    @property
    def signed(self) -> bool:
        """True once the session is signed: from then on it changes only through amendments."""
        return self.signed_at is not None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Session:
        """Build from a stored row."""
        started = _datetime(row["started_at"])
        assert started is not None
        return cls(
            id=row["id"],
            client_id=row["client_id"],
            started_at=started,
            course_id=row.get("course_id"),
            duration_min=row.get("duration_min", 45),
            notes=row.get("notes", ""),
            needles_removed=row.get("needles_removed"),
            count_note=row.get("count_note", ""),
            consent_override=row.get("consent_override", ""),
            late_entry=bool(row.get("late_entry", 0)),
            signed_at=_datetime(row.get("signed_at")),
            signed_by=row.get("signed_by") or "",
            subjective=row.get("subjective") or "",
            assessment=row.get("assessment") or "",
            plan=row.get("plan") or "",
        )


@dataclass(frozen=True)
class Mark:
    """A needled site in a session: a catalogue point on one side, or a free marker at x, y of a view.

    For a catalogue point ``x`` and ``y`` are None (the catalogue says where it is drawn); for a free
    marker they are fractions of the view's width and height and ``code`` and ``side`` are None.
    """

    id: int
    session_id: int
    view: str
    code: str | None = None
    side: Side | None = None
    x: float | None = None
    y: float | None = None
    label: str = ""
    needles: int = 1
    technique: str = ""
    caution_warning: str = ""
    angle: str = ""
    depth_mm: float | None = None
    stimulation: str = ""
    retention_min: int | None = None

    @property
    def is_free(self) -> bool:
        """True for a free marker (no catalogue point)."""
        return self.code is None

    @property
    def title(self) -> str:
        """How lists and menus name the mark: "ST2 (left)", "CV24", or a free marker's label."""
        if self.code is None:
            return self.label or _("Free marker")
        if self.side == "left":
            return _("{code} (left)").format(code=self.code)
        if self.side == "right":
            return _("{code} (right)").format(code=self.code)
        return self.code

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Mark:
        """Build from a stored row."""
        return cls(
            id=row["id"],
            session_id=row["session_id"],
            view=row["view"],
            code=row.get("code"),
            side=row.get("side"),
            x=row.get("x"),
            y=row.get("y"),
            label=row.get("label", ""),
            needles=row.get("needles", 1),
            technique=row.get("technique", ""),
            caution_warning=row.get("caution_warning", ""),
            angle=row.get("angle") or "",
            depth_mm=row.get("depth_mm"),
            stimulation=row.get("stimulation") or "",
            retention_min=row.get("retention_min"),
        )


@dataclass(frozen=True)
class Reaction:
    """A side effect: at a mark (bruise at left ST2) or, with ``mark_id`` None, for the whole session."""

    id: int
    session_id: int
    kind: str
    severity: str
    onset: str
    mark_id: int | None = None
    note: str = ""
    resolved_on: dt.date | None = None
    adjunct_id: int | None = None
    note_shown_to_client: bool = False
    """True when the note may be printed for the client (handout, course summary); else it is for
    the record only."""

    @property
    def label(self) -> str:
        """ "Bruising — mild"."""
        return f"{REACTION_LABELS.get(self.kind, self.kind)} — {self.severity}"

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Reaction:
        """Build from a stored row."""
        return cls(
            id=row["id"],
            session_id=row["session_id"],
            kind=row["kind"],
            severity=row["severity"],
            onset=row["onset"],
            mark_id=row.get("mark_id"),
            note=row.get("note", ""),
            resolved_on=_date(row.get("resolved_on")),
            adjunct_id=row.get("adjunct_id"),
            note_shown_to_client=bool(row.get("note_shown_to_client", 0)),
        )


@dataclass(frozen=True)
class MarkSnapshot:
    """A removed mark with the reactions recorded at it, so an undo can put all of them back as they were."""

    mark: Mark
    reactions: tuple[Reaction, ...] = ()


@dataclass(frozen=True)
class SessionChart:
    """Everything the chart editor shows for one session, read in one go."""

    session: Session
    client_caution_flags: tuple[str, ...]
    marks: tuple[Mark, ...]
    reactions: tuple[Reaction, ...]

    @property
    def needles_inserted(self) -> int:
        """Needles counted in, from the marks."""
        return sum(mark.needles for mark in self.marks)

    def reactions_at(self, mark_id: int) -> tuple[Reaction, ...]:
        """The reactions recorded at one mark."""
        return tuple(r for r in self.reactions if r.mark_id == mark_id)

    @property
    def session_reactions(self) -> tuple[Reaction, ...]:
        """The reactions not tied to a mark (dizziness, headache...)."""
        return tuple(r for r in self.reactions if r.mark_id is None)

    def worst_severity(self, mark_id: int) -> str | None:
        """The most serious reaction at a mark, or None when there is none."""
        found = [r.severity for r in self.reactions if r.mark_id == mark_id]
        return max(found, key=lambda s: SEVERITY_RANK.get(s, 0)) if found else None

    def mark(self, mark_id: int) -> Mark | None:
        """One of this session's marks by id."""
        return next((m for m in self.marks if m.id == mark_id), None)


@dataclass(frozen=True)
class SavedProtocol:
    """One of the practitioner's own protocols: a named set of points with sides."""

    id: int
    name: str
    note: str
    points: tuple[tuple[str, Side], ...]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> SavedProtocol:
        """Build from a stored row (points as JSON: [{"code": "ST2", "side": "left"}, ...])."""
        points = tuple((p["code"], p["side"]) for p in json.loads(row.get("points") or "[]"))
        return cls(id=row["id"], name=row["name"], note=row.get("note", ""), points=points)
