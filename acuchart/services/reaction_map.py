"""Where reactions happen, practice-wide: for each point, how often each kind of reaction followed needling
there; and how concern ratings changed over courses, by protocol.

The records are read once into a compact index (days, groups, sorted day lists per point) and read
again only after the practice has changed (the newest audit entry's id tells), so a change of filter
is counted from memory: bisecting sorted lists of days, never a query over every mark.

Sessions record the points needled, not the protocol that suggested them, so a session is said to
follow a protocol when it marks at least three quarters of that protocol's points (the one it covers
best, when it covers several), and a course the protocol most of its sessions follow. Cautions are the
client's as recorded now.
"""

from __future__ import annotations

import datetime as dt
import json
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from itertools import groupby
from typing import NamedTuple

from acuchart.catalogue import Catalogue
from acuchart.i18n import _
from acuchart.models.insights import (
    ANY_REACTION,
    NO_CAUTION,
    NO_PROTOCOL,
    ConcernOutcome,
    MapFilter,
    PointCounts,
    ReactionMap,
)
from acuchart.models.practice import CAUTION_FLAGS
from acuchart.storage import open_data as rows
from acuchart.storage.store import Store

COVERAGE = 0.75
"""A session follows a protocol when it marks at least this share of the protocol's points."""
_FLAG_BITS = {key: 1 << i for i, (key, _) in enumerate(CAUTION_FLAGS)}


class ProtocolChoice(NamedTuple):
    """A protocol the map can be filtered by: a starting protocol or one of the practitioner's own."""

    key: str
    name: str
    points: frozenset[tuple[str, str]]


class _Group(NamedTuple):
    """Sessions alike in what the filters ask (the client's cautions, the protocol followed)."""

    cautions: int
    protocol: str


class _Index(NamedTuple):
    mark: int
    groups: dict[_Group, dict[str, list[int]]]
    """Per group, per point code, the day (ordinal) of each needling, sorted."""
    reactions: dict[_Group, dict[tuple[str, str], list[int]]]
    """Per group, per (code, kind), the day of each needling followed by that kind, sorted."""
    sessions: dict[_Group, list[int]]
    """Per group, the day of each session, sorted."""
    courses: list[tuple[_Group, int, dict[str, tuple[int, int]]]]
    """Per course: its group, the day of its first session, and per concern (first, last) rating."""


def _ordinal(day: str) -> int:
    return dt.date.fromisoformat(day).toordinal()


def _mask(flags_text: str | None) -> int:
    mask = 0
    for flag in json.loads(flags_text or "[]"):
        mask |= _FLAG_BITS.get(flag, 0)
    return mask


def _follows(points: set[tuple[str, str]], choices: Sequence[ProtocolChoice]) -> str:
    best, best_key = 0.0, NO_PROTOCOL
    for choice in choices:
        covered = len(points & choice.points) / len(choice.points)
        if covered >= COVERAGE and covered > best:
            best, best_key = covered, choice.key
    return best_key


class ReactionMapService:
    """Reads the practice's reaction map and outcomes, keeping the index until the practice changes.

    Args:
        store: the open practice file.
        catalogue: the point catalogue (for the starting protocols).
    """

    def __init__(self, store: Store, catalogue: Catalogue) -> None:
        self._store = store
        self._catalogue = catalogue
        self._index: _Index | None = None
        self._choices: tuple[ProtocolChoice, ...] | None = None

    # --- what the filters offer ------------------------------------------------------------
    def protocols(self) -> tuple[ProtocolChoice, ...]:
        """The starting protocols and the practitioner's own, by which sessions can be told apart."""
        from acuchart.models.charting import SavedProtocol
        from acuchart.protocols import load_presets
        from acuchart.storage.sessions import protocols as own_protocols

        presets = [
            ProtocolChoice(f"preset:{p.key}", p.name, frozenset((q.code, q.side) for q in p.points))
            for p in load_presets(self._catalogue)
        ]
        own = [SavedProtocol.from_row(row) for row in own_protocols(self._store)]
        mine = [ProtocolChoice(f"own:{p.id}", p.name, frozenset(p.points)) for p in own if p.points]
        return tuple(presets + mine)

    def protocol_names(self) -> dict[str, str]:
        """Protocol keys and names."""
        return {choice.key: choice.name for choice in self._protocol_choices()}

    def _protocol_choices(self) -> tuple[ProtocolChoice, ...]:
        if self._choices is None:
            self._choices = self.protocols()
        return self._choices

    # --- the index ---------------------------------------------------------------------------
    def refresh(self, force: bool = False) -> bool:
        """Read the records again if the practice changed since they were read; True when it did."""
        mark = rows.change_mark(self._store)
        if not force and self._index is not None and self._index.mark == mark:
            return False
        self._choices = self.protocols()
        self._index = self._build(mark)
        return True

    def _build(self, mark: int) -> _Index:
        cautions = {client_id: _mask(flags) for client_id, flags in rows.client_cautions(self._store)}
        sessions = {
            sid: (client_id, _ordinal(day), course)
            for sid, client_id, day, course in rows.sessions_for_map(self._store)
        }
        choices = self._protocol_choices()
        group_of: dict[int, _Group] = {}
        needled: dict[_Group, dict[str, list[int]]] = {}
        for session_id, marks in groupby(rows.needled_points(self._store), key=lambda row: row[0]):
            points = [(code, side) for _, code, side in marks]
            client_id, day, _ = sessions[session_id]
            group = _Group(
                cautions.get(client_id, 0), _follows(set(points), choices) if choices else NO_PROTOCOL
            )
            group_of[session_id] = group
            by_code = needled.setdefault(group, {})
            for code, _side in points:
                by_code.setdefault(code, []).append(day)
        for session_id, (client_id, _, _) in sessions.items():
            group_of.setdefault(session_id, _Group(cautions.get(client_id, 0), NO_PROTOCOL))
        reacted = self._reactions(sessions, group_of)
        by_group: dict[_Group, list[int]] = {}
        for session_id, (_, day, _) in sessions.items():
            by_group.setdefault(group_of[session_id], []).append(day)
        for days_by_code in needled.values():
            for days in days_by_code.values():
                days.sort()
        for days in by_group.values():
            days.sort()
        return _Index(mark, needled, reacted, by_group, self._courses(sessions, group_of))

    def _reactions(
        self, sessions: dict[int, tuple[int, int, int | None]], group_of: dict[int, _Group]
    ) -> dict[_Group, dict[tuple[str, str], list[int]]]:
        amended = dict(rows.reaction_kind_amendments(self._store))
        kinds: dict[tuple[int, int, str], set[str]] = {}
        for reaction_id, mark_id, session_id, code, kind in rows.reactions_at_marks(self._store):
            kinds.setdefault((mark_id, session_id, code), set()).add(amended.get(reaction_id, kind))
        reacted: dict[_Group, dict[tuple[str, str], list[int]]] = {}
        for (_mark, session_id, code), found in kinds.items():
            day = sessions[session_id][1]
            by_kind = reacted.setdefault(group_of[session_id], {})
            for kind in (*found, ANY_REACTION):
                by_kind.setdefault((code, kind), []).append(day)
        for days_by_kind in reacted.values():
            for days in days_by_kind.values():
                days.sort()
        return reacted

    def _courses(
        self, sessions: dict[int, tuple[int, int, int | None]], group_of: dict[int, _Group]
    ) -> list[tuple[_Group, int, dict[str, tuple[int, int]]]]:
        """Each course's group (the protocol most of its sessions follow), first day, and per concern
        rated at two sessions or more, its first and last rating (amendments applied)."""
        from acuchart.services.ratings import apply_rating_amendments

        scores = {(session_id, concern): score for session_id, concern, score in rows.ratings(self._store)}
        apply_rating_amendments(
            scores,
            (
                {"session_id": s, "field": f, "new_value": v}
                for s, f, v in rows.rating_amendments(self._store)
            ),
        )
        by_session: dict[int, dict[str, int]] = {}
        for (session_id, concern), score in scores.items():
            by_session.setdefault(session_id, {})[concern] = score
        by_course: dict[int, list[int]] = {}
        for session_id, (_client, _day, course_id) in sessions.items():  # in the order they happened
            if course_id is not None:
                by_course.setdefault(course_id, []).append(session_id)
        courses = []
        for session_ids in by_course.values():
            first_last: dict[str, tuple[int, int]] = {}
            counted: Counter[str] = Counter()
            for session_id in session_ids:
                for concern, score in by_session.get(session_id, {}).items():
                    counted[concern] += 1
                    first_last[concern] = (first_last.get(concern, (score, score))[0], score)
            rated = {c: pair for c, pair in first_last.items() if counted[c] >= 2}
            if not rated:
                continue
            followed, times = Counter(group_of[s].protocol for s in session_ids).most_common(1)[0]
            protocol = followed if times * 2 > len(session_ids) else NO_PROTOCOL
            group = _Group(group_of[session_ids[0]].cautions, protocol)
            courses.append((group, sessions[session_ids[0]][1], rated))
        return courses

    # --- reading -----------------------------------------------------------------------------
    def _chosen(self, wanted: MapFilter) -> list[_Group]:
        self.refresh()
        assert self._index is not None
        groups = set(self._index.sessions) | {g for g, _, _ in self._index.courses}
        return [g for g in groups if _matches(g, wanted)]

    def reaction_map(self, wanted: MapFilter) -> ReactionMap:
        """Each point's needlings and reactions in the sessions ``wanted`` chooses."""
        groups = self._chosen(wanted)
        assert self._index is not None
        low = wanted.start.toordinal() if wanted.start else None
        high = wanted.end.toordinal() if wanted.end else None
        needlings: Counter[str] = Counter()
        reactions: dict[str, Counter[str]] = {}
        sessions = 0
        for group in groups:
            sessions += _between(self._index.sessions.get(group, []), low, high)
            for code, days in self._index.groups.get(group, {}).items():
                needlings[code] += _between(days, low, high)
            for (code, kind), days in self._index.reactions.get(group, {}).items():
                counted = _between(days, low, high)
                if counted:
                    reactions.setdefault(code, Counter())[kind] += counted
        points = {
            code: PointCounts(code, n, dict(reactions.get(code, {}))) for code, n in needlings.items() if n
        }
        return ReactionMap(wanted, sessions, points)

    def outcomes(self, wanted: MapFilter) -> list[ConcernOutcome]:
        """For each concern and protocol, the change in rating from a course's first rating to its last."""
        groups = set(self._chosen(wanted))
        assert self._index is not None
        low = wanted.start.toordinal() if wanted.start else None
        high = wanted.end.toordinal() if wanted.end else None
        changes: dict[tuple[str, str], list[int]] = {}
        for group, first_day, rated in self._index.courses:
            if (
                group not in groups
                or (low is not None and first_day < low)
                or (high is not None and first_day > high)
            ):
                continue
            for concern, (first, last) in rated.items():
                changes.setdefault((concern, group.protocol), []).append(last - first)
        names = {**self.protocol_names(), NO_PROTOCOL: _("No protocol followed")}
        found = [
            ConcernOutcome(concern, protocol, names.get(protocol, protocol), tuple(values))
            for (concern, protocol), values in changes.items()
        ]
        return sorted(
            found, key=lambda o: (o.concern_label, o.protocol == NO_PROTOCOL, -o.courses, o.protocol_name)
        )


def _matches(group: _Group, wanted: MapFilter) -> bool:
    if wanted.caution == NO_CAUTION and group.cautions:
        return False
    if wanted.caution not in (None, NO_CAUTION) and not group.cautions & _FLAG_BITS.get(wanted.caution, 0):
        return False
    return wanted.protocol is None or group.protocol == wanted.protocol


def _between(days: list[int], low: int | None, high: int | None) -> int:
    """How many of the sorted ``days`` fall between ``low`` and ``high`` (inclusive; None: open)."""
    if low is None and high is None:
        return len(days)
    start = 0 if low is None else bisect_left(days, low)
    end = len(days) if high is None else bisect_right(days, high)
    return max(0, end - start)
