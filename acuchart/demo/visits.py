"""Demo sessions: one visit at the chair, planned as data, then charted through the real services.

A :class:`Visit` says what happened at one session: when, which points and free markers, the
client's ratings, any reactions and when they faded, the needle count, whether it was signed.
:func:`visit_steps` turns it into timed steps (start, react, count the needles, sign, follow up)
that the demo replays with the practice clock stopped at each step's moment, so a session is
charted while it happens and signed a few minutes after it ends, as at the chair.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Literal

from acuchart.catalogue import Catalogue
from acuchart.demo.note import VisitNote
from acuchart.practice import Practice
from acuchart.protocols import ProtocolPreset

Step = tuple[dt.datetime, Callable[[], object]]
"""One thing the practitioner does, and when (the demo replays every step in time order)."""

Finish = Literal["sign", "count", "chart"]

REACTION_NOTICED_AFTER = dt.timedelta(minutes=20)
SIGN_AFTER = dt.timedelta(minutes=6)
FOLLOW_UP_AT = dt.time(18, 0)
BRUISE_PRONE = ("ST2", "BL1", "ST1", "EX-HN7", "GB1", "EX-HN5", "ST5")
FOREHEAD_LINE = "Intradermal, forehead line"


@dataclass(frozen=True)
class PlannedReaction:
    """A reaction as it will be recorded: at a (code, side) of the visit, or for the whole session.

    ``reported_at`` makes it a late report, added to the signed session as an amendment; ``resolved_on``
    None leaves it open (the follow-up list shows it).
    """

    kind: str
    severity: str = "mild"
    onset: str = "during"
    at: tuple[str, str] | None = None
    note: str = ""
    resolved_on: dt.date | None = None
    reported_at: dt.datetime | None = None


@dataclass(frozen=True)
class FreeMarker:
    """Needles placed off the catalogue's points (intradermals along a line, around a scar)."""

    x: float
    y: float
    label: str
    needles: int
    view: str = "face"


@dataclass(frozen=True)
class Visit:
    """One session as it happened.

    Attributes:
        started: when the client was on the couch.
        duration_min: how long the session took.
        points: (code, side) marked, in the order the practitioner clicked them.
        ratings: the client's rating of each concern of the course, at the start.
        markers: free markers.
        reactions: what happened and when it faded.
        notes: the session notes.
        needles_missing: needles not counted out at removal (``count_note`` says why).
        count_note: why the count differs.
        charted_at: when it was charted, if not at the session itself (a deliberate late entry).
        repeat_last: mark the previous session's points with "repeat last" instead of ``points``.
        finish: ``sign`` (counted and signed), ``count`` (counted, not signed yet) or ``chart``
            (still in progress: needles not counted).
        note: the rest of the practitioner's note: SOAP parts, findings, techniques, skin grades.
    """

    started: dt.datetime
    duration_min: int = 45
    points: tuple[tuple[str, str], ...] = ()
    ratings: dict[str, int] = field(default_factory=dict)
    markers: tuple[FreeMarker, ...] = ()
    reactions: tuple[PlannedReaction, ...] = ()
    notes: str = ""
    needles_missing: int = 0
    count_note: str = ""
    charted_at: dt.datetime | None = None
    repeat_last: bool = False
    finish: Finish = "sign"
    note: VisitNote | None = None

    @property
    def ended(self) -> dt.datetime:
        """When the needles came out."""
        return self.started + dt.timedelta(minutes=self.duration_min)


@dataclass
class ChartIds:
    """The ids one client's story has written so far, for the steps that follow."""

    client_id: int = 0
    course_id: int | None = None
    sessions: dict[int, int] = field(default_factory=dict)
    marks: dict[tuple[int, str, str], int] = field(default_factory=dict)
    reactions: dict[tuple[int, int], int] = field(default_factory=dict)


def choose_points(
    catalogue: Catalogue, preset: ProtocolPreset, flags: Iterable[str], rng: random.Random
) -> tuple[tuple[str, str], ...]:
    """The preset's points as a practitioner adapts them: a few left out each time.

    Points that are cautions in pregnancy are never chosen for a pregnant client.
    """
    pregnant = "pregnancy" in set(flags)
    return tuple(
        (p.code, p.side)
        for p in preset.points
        if not (pregnant and catalogue.get(p.code).pregnancy_caution) and rng.random() > 0.1
    )


def forehead_line(rng: random.Random) -> FreeMarker:
    """Intradermal needles along the deepest forehead line, between the GB14 points."""
    return FreeMarker(
        round(rng.uniform(0.47, 0.53), 3), round(rng.uniform(0.2, 0.215), 3), FOREHEAD_LINE, rng.randint(4, 6)
    )


def visit_steps(practice: Practice, ids: ChartIds, number: int, visit: Visit) -> list[Step]:
    """The timed steps that chart visit ``number`` of a client's story (ids fill in as they run)."""
    charted = visit.charted_at or visit.started
    ended = max(visit.ended, charted + dt.timedelta(minutes=5))
    steps: list[Step] = [(charted, partial(_open, practice, ids, number, visit))]
    for index, reaction in enumerate(visit.reactions):
        if reaction.reported_at is not None:
            noticed = reaction.reported_at
            record: Callable[[], object] = partial(_late_reaction, practice, ids, number, index, reaction)
        else:
            noticed = (
                ended if reaction.onset == "after" else max(charted, visit.started + REACTION_NOTICED_AFTER)
            )
            record = partial(_reaction, practice, ids, number, index, reaction)
        steps.append((noticed, record))
        if reaction.resolved_on is not None:
            follow_up = max(noticed, dt.datetime.combine(reaction.resolved_on, FOLLOW_UP_AT))
            steps.append((follow_up, partial(_resolve, practice, ids, number, index, reaction.resolved_on)))
    if visit.finish != "chart":
        steps.append((ended, partial(_count, practice, ids, number, visit)))
    if visit.finish == "sign":
        steps.append((ended + SIGN_AFTER, partial(_sign, practice, ids, number)))
    return steps


def _open(practice: Practice, ids: ChartIds, number: int, visit: Visit) -> None:
    """The client is on the couch: start the session, take the ratings, mark the points."""
    charting = practice.charting
    session = practice.sessions.create(
        ids.client_id, started_at=visit.started, course_id=ids.course_id, duration_min=visit.duration_min
    ).value
    ids.sessions[number] = session.id
    for concern, score in visit.ratings.items():
        practice.ratings.set_rating(session.id, concern, score)
    if visit.repeat_last:
        marks = charting.repeat_last(session.id).value
    else:
        marks = charting.apply_protocol(session.id, visit.points).value
    for marker in visit.markers:
        charting.add_free_marker(session.id, marker.view, marker.x, marker.y, marker.label, marker.needles)
    for mark in marks:
        if mark.code is not None:
            ids.marks[(number, mark.code, mark.side or "midline")] = mark.id
    if visit.note is not None:
        _write_note(practice, ids.client_id, session.id, visit.note)


def _write_note(practice: Practice, client_id: int, session_id: int, note: VisitNote) -> None:
    """The practitioner's note beyond the needles, written while the needles are in."""
    practice.sessions.update_details(
        session_id, subjective=note.subjective, assessment=note.assessment, plan=note.plan
    )
    if note.findings:
        practice.assessment.record(session_id, **note.findings)
    for kind, area, minutes, details in note.adjuncts:
        adjunct = practice.adjuncts.add(session_id, kind, area, minutes, details).value
        if kind == "cupping" and note.cupping_mark:
            practice.charting.add_reaction(
                session_id,
                None,
                "redness",
                "mild",
                "during",
                "Round marks from the cups; told her they fade in a day or two.",
                adjunct_id=adjunct.id,
            )
    if note.skin is not None:
        practice.skin.record(client_id, session_id, **note.skin)


def _mark_of(ids: ChartIds, number: int, reaction: PlannedReaction) -> int | None:
    return None if reaction.at is None else ids.marks[(number, *reaction.at)]


def _reaction(practice: Practice, ids: ChartIds, number: int, index: int, reaction: PlannedReaction) -> None:
    found = practice.charting.add_reaction(
        ids.sessions[number],
        _mark_of(ids, number, reaction),
        reaction.kind,
        reaction.severity,
        reaction.onset,
        reaction.note,
    ).value
    ids.reactions[(number, index)] = found.id


def _late_reaction(
    practice: Practice, ids: ChartIds, number: int, index: int, reaction: PlannedReaction
) -> None:
    """Reported after the session was signed: recorded as a late entry, with an amendment saying so."""
    session_id = ids.sessions[number]
    practice.signing.add_late_reaction(
        session_id,
        _mark_of(ids, number, reaction),
        reaction.kind,
        reaction.severity,
        reaction.onset,
        reaction.note,
    )
    ids.reactions[(number, index)] = max(r.id for r in practice.sessions.load(session_id).reactions)


def _resolve(practice: Practice, ids: ChartIds, number: int, index: int, on: dt.date) -> None:
    practice.followups.resolve_reaction(ids.reactions[(number, index)], on=on)


def _count(practice: Practice, ids: ChartIds, number: int, visit: Visit) -> None:
    """Needles out, counted against the needles in; the session notes written while the client dresses."""
    session_id = ids.sessions[number]
    inserted = practice.sessions.needle_balance(session_id).inserted
    practice.sessions.set_needles_removed(session_id, inserted - visit.needles_missing, visit.count_note)
    if visit.notes:
        practice.sessions.update_details(session_id, notes=visit.notes)


def _sign(practice: Practice, ids: ChartIds, number: int) -> None:
    practice.signing.sign(ids.sessions[number])
