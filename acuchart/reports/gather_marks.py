"""A session's marks and reactions as the documents print them: placed on their diagram for the
client's side, in the reader's words, with when each was entered (for late entries and caution
warnings), and with the amendments made after signing applied where the client is told the present
state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from acuchart.catalogue import VIEWS, Catalogue
from acuchart.i18n import ENGLISH, N_, Language
from acuchart.models import (
    ONSETS,
    REACTION_KINDS_AT_POINT,
    REACTION_KINDS_SESSION,
    REACTION_LABELS,
    Mark,
    Reaction,
    SessionChart,
)
from acuchart.models.tcm import ADJUNCT_KINDS
from acuchart.practice import Practice
from acuchart.reports.data import HandoutMark, HandoutReaction, Severity
from acuchart.reports.places import Side
from acuchart.reports.regions import free_marker_place
from acuchart.services.signing import LATE_AFTER
from acuchart.storage import reports as stored

FREE_MARKER_NAME = N_("Free marker")
UNKNOWN_POINT_NAME = N_("not in the point catalogue")
_SIDE_ORDER = {"right": 0, "midline": 1, "left": 2}
_REACTION_KINDS = REACTION_KINDS_AT_POINT + REACTION_KINDS_SESSION


def severity_of(text: str) -> Severity:
    """A stored severity as the documents know it (anything unexpected reads as "mild")."""
    return text if text in ("mild", "moderate", "severe") else "mild"  # type: ignore[return-value]


@dataclass(frozen=True)
class ReactionEntry:
    """When a reaction was entered in the record, and whether it was flagged a late entry."""

    recorded_at: dt.datetime
    flagged_late: bool = False


@dataclass(frozen=True)
class Entries:
    """When each of a client's reactions and marks was entered, by id: what an auditor is told about
    late entries and about the moment a caution warning was shown."""

    reactions: Mapping[int, ReactionEntry] = field(default_factory=dict)
    marks: Mapping[int, dt.datetime] = field(default_factory=dict)
    amended: Mapping[tuple[str, int], tuple[str, ...]] = field(default_factory=dict)
    """The labels of the amendments that changed a mark or reaction, by ("marks" or "reactions", id)."""


def record_entries(practice: Practice, client_id: int) -> Entries:
    """When each of a client's reactions and marks was entered."""
    reactions = {
        reaction_id: ReactionEntry(dt.datetime.fromisoformat(at), late)
        for reaction_id, (at, late) in stored.reaction_entries(practice.store, client_id).items()
    }
    marks = {
        mark_id: dt.datetime.fromisoformat(at)
        for mark_id, at in stored.mark_entries(practice.store, client_id).items()
    }
    return Entries(reactions, marks)


def entered_late(started_at: dt.datetime, recorded_at: dt.datetime | None, flagged: bool = False) -> bool:
    """True for a late entry: flagged so (reported after signing), or entered more than a day after the
    session it belongs to began (the rule signing applies, :data:`acuchart.services.signing.LATE_AFTER`)."""
    return flagged or (recorded_at is not None and recorded_at > started_at + LATE_AFTER)


def handout_reaction(
    reaction: Reaction,
    at_point: str | None,
    started_at: dt.datetime,
    entry: ReactionEntry | None = None,
    *,
    for_client: bool = True,
    tr: Language = ENGLISH,
) -> HandoutReaction:
    """A stored reaction in the reader's words; ``entry`` says when it was entered (else the session's day).

    For the client (``for_client``), the practitioner's note is printed only when it was marked to be
    shown; the record (a chart export) always has it."""
    recorded_at = entry.recorded_at if entry else None
    return HandoutReaction(
        kind_label=_REACTION_KINDS.label(reaction.kind, tr)
        if reaction.kind in REACTION_LABELS
        else reaction.kind.capitalize(),
        severity=severity_of(reaction.severity),
        onset_label=ONSETS.label(reaction.onset, tr) if reaction.onset in ONSETS.codes() else "",
        note=reaction.note if reaction.note_shown_to_client or not for_client else "",
        resolved_on=reaction.resolved_on,
        at_point=at_point,
        recorded_at=recorded_at,
        late_entry=entered_late(started_at, recorded_at, entry.flagged_late if entry else False),
    )


def technique_places(practice: Practice, session_id: int, tr: Language = ENGLISH) -> dict[int, str]:
    """Where each adjunct technique of a session was done, as a reaction at it is placed: "facial
    cupping (cheeks)", by technique id."""
    return {
        adjunct.id: ADJUNCT_KINDS.label(adjunct.kind, tr).lower()
        + (f" ({adjunct.area})" if adjunct.area else "")
        for adjunct in practice.adjuncts.for_session(session_id)
    }


def reactions_not_at_marks(
    practice: Practice,
    chart: SessionChart,
    entries: Entries | None = None,
    *,
    for_client: bool = True,
    tr: Language = ENGLISH,
) -> tuple[HandoutReaction, ...]:
    """A session's reactions at no mark: each at the technique it followed ("facial cupping
    (cheeks)": cupping marks are not a needling bruise), else for the whole session."""
    entries = entries or Entries()
    places = (
        technique_places(practice, chart.session.id, tr) if any(r.adjunct_id for r in chart.reactions) else {}
    )
    return tuple(
        replace(
            handout_reaction(
                r,
                places.get(r.adjunct_id) if r.adjunct_id is not None else None,
                chart.session.started_at,
                entries.reactions.get(r.id),
                for_client=for_client,
                tr=tr,
            ),
            amendments=entries.amended.get(("reactions", r.id), ()),
        )
        for r in chart.session_reactions
    )


def handout_mark(
    catalogue: Catalogue,
    mark: Mark,
    reactions: Iterable[Reaction],
    started_at: dt.datetime,
    entries: Entries | None = None,
    *,
    for_client: bool = True,
    tr: Language = ENGLISH,
) -> HandoutMark:
    """A stored mark, placed on its diagram for the client's side, with the reactions at it."""
    point = catalogue.find(mark.code) if mark.code else None
    recorded_side: Side | None = mark.side if mark.side in ("left", "right", "midline") else None
    if mark.code and point is None:
        # A point the catalogue no longer has: its code and side as charted, listed but not drawn
        # (its place on the diagram is not known).
        base = HandoutMark(
            code=mark.code,
            name=tr.gettext(UNKNOWN_POINT_NAME),
            area="",
            side=recorded_side or "midline",
            needles=mark.needles,
            view="",
            technique=mark.technique,
            language=tr,
        )
        where = f"{base.where} ({mark.code})"
    elif point is None:
        side, area = free_marker_place(
            catalogue, mark.view, 0.5 if mark.x is None else mark.x, 0.5 if mark.y is None else mark.y
        )
        base = HandoutMark(
            code=None,
            name=mark.label or tr.gettext(FREE_MARKER_NAME),
            area=area,
            side=side,
            needles=mark.needles,
            x=0.5 if mark.x is None else mark.x,
            y=0.5 if mark.y is None else mark.y,
            view=mark.view,
            technique=mark.technique,
            language=tr,
        )
        where = base.where
    else:
        # The side is the record's: a point the catalogue has since made bilateral (or midline) keeps
        # the side it was charted on, drawn where the catalogue has that point nearest to it.
        point_side = recorded_side or point.sides()[0]
        drawn_side = point_side if point_side in point.sides() else point.sides()[0]
        # Drawn where it was charted (a profile, the hands), or on its home view when that one
        # does not show it (a mark from before the point had more than one view).
        view = mark.view if point.shown_on(mark.view, drawn_side) else point.home_view(drawn_side)
        x, y = point.position(drawn_side, view)
        base = HandoutMark(
            code=point.code,
            name=point.pinyin,
            area=point.region,
            side=point_side,
            needles=mark.needles,
            x=x,
            y=y,
            view=view,
            hanzi=point.hanzi,
            english=point.english,
            technique=mark.technique,
            language=tr,
        )
        where = f"{base.where} ({point.code})"
    entries = entries or Entries()
    return replace(
        base,
        reactions=tuple(
            replace(
                handout_reaction(
                    r, where, started_at, entries.reactions.get(r.id), for_client=for_client, tr=tr
                ),
                amendments=entries.amended.get(("reactions", r.id), ()),
            )
            for r in reactions
        ),
        caution_warning=mark.caution_warning,
        marked_at=entries.marks.get(mark.id),
        amendments=entries.amended.get(("marks", mark.id), ()),
    )


def _mark_order(catalogue: Catalogue) -> dict[str, int]:
    return {point.code: index for index, point in enumerate(catalogue.points)}


def handout_marks(
    catalogue: Catalogue,
    chart: SessionChart,
    entries: Entries | None = None,
    *,
    for_client: bool = True,
    tr: Language = ENGLISH,
) -> tuple[HandoutMark, ...]:
    """A session's marks view by view (on the view each is drawn on), as the catalogue lists them (the
    client's right before left), free markers after the points of their diagram; ``entries`` say when
    each was entered."""
    order = _mark_order(catalogue)
    views = list(VIEWS)
    started = chart.session.started_at
    drawn = [
        (
            mark,
            handout_mark(
                catalogue, mark, chart.reactions_at(mark.id), started, entries, for_client=for_client, tr=tr
            ),
        )
        for mark in chart.marks
    ]

    def key(pair: tuple[Mark, HandoutMark]) -> tuple[int, int, int, int]:
        mark, printed = pair
        view = views.index(printed.view) if printed.view in views else len(views)
        if mark.code is None:
            return (view, len(order), 0, mark.id)
        return (view, order.get(mark.code, len(order)), _SIDE_ORDER.get(mark.side or "", 1), mark.id)

    return tuple(printed for _, printed in sorted(drawn, key=key))


def amended_chart(practice: Practice, chart: SessionChart, amendments: int) -> SessionChart:
    """The session with the ``amendments`` (their count, from the history) to its marks and reactions
    applied: what the client is told now."""
    if not amendments:
        return chart
    current = {
        (f.entity, f.entity_id, f.field): f.current
        for f in practice.signing.amendable_fields(chart.session.id)
    }

    def value(entity: str, entity_id: int, name: str, old: object) -> str:
        return current.get((entity, entity_id, name), "" if old is None else str(old))

    marks = tuple(
        replace(
            m,
            needles=int(value("marks", m.id, "needles", m.needles) or m.needles),
            technique=value("marks", m.id, "technique", m.technique),
            label=value("marks", m.id, "label", m.label),
        )
        for m in chart.marks
    )
    reactions = tuple(
        replace(
            r,
            kind=value("reactions", r.id, "kind", r.kind),
            severity=value("reactions", r.id, "severity", r.severity),
            onset=value("reactions", r.id, "onset", r.onset),
            note=value("reactions", r.id, "note", r.note),
        )
        for r in chart.reactions
    )
    return replace(chart, marks=marks, reactions=reactions)
