"""Filling the documents' data from the practice: what a session handout and a course summary say.

Everything is read through the practice's services (the chart export and the consent form are in
:mod:`acuchart.reports.gather_record`); the results are the plain values of
:mod:`acuchart.reports.data`, so the builders never see the database. Sides are the client's own,
positions come from the catalogue (``CataloguePoint.position``), and every label is in the reader's
words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace

from acuchart import clock
from acuchart.catalogue import VIEWS, Catalogue
from acuchart.errors import ValidationError
from acuchart.models import (
    CONCERN_LABELS,
    ONSETS,
    RATING_SCALE_NOTE,
    REACTION_LABELS,
    Course,
    Mark,
    Reaction,
    SessionChart,
    SessionSummary,
)
from acuchart.practice import Practice
from acuchart.reports.data import (
    CourseReaction,
    CourseSummaryData,
    HandoutData,
    HandoutMark,
    HandoutReaction,
    PracticeHeader,
    Severity,
    SummarySession,
)
from acuchart.reports.photo_gather import before_after
from acuchart.reports.regions import free_marker_place
from acuchart.reports.texts import load_texts

ONSET_LABELS = dict(ONSETS)
FREE_MARKER_NAME = "Free marker"
_SIDE_ORDER = {"right": 0, "midline": 1, "left": 2}


def practice_header(practice: Practice) -> PracticeHeader:
    """Who the practice is, from its settings, as every page prints it."""
    return PracticeHeader.from_settings(practice.settings.get())


def practice_texts(practice: Practice) -> dict[str, str]:
    """The advice templates with the practice's edits applied."""
    return load_texts(practice.settings.handout_texts())


def concern_label(concern: str) -> str:
    """A concern in the reader's words: "Wrinkles and fine lines"."""
    return CONCERN_LABELS.get(concern, concern)


def course_name(course: Course) -> str:
    """What a course treats, as a client reads it: "Wrinkles and fine lines, skin radiance and complexion"."""
    labels = [concern_label(c).split(" (")[0] for c in course.concerns]
    if not labels:
        return "Your course"
    return ", ".join([labels[0], *(label[:1].lower() + label[1:] for label in labels[1:])])


# --- marks and reactions -------------------------------------------------------------------------


def severity_of(text: str) -> Severity:
    """A stored severity as the documents know it (anything unexpected reads as "mild")."""
    return text if text in ("mild", "moderate", "severe") else "mild"  # type: ignore[return-value]


def handout_reaction(reaction: Reaction, at_point: str | None, noted_on: dt.date) -> HandoutReaction:
    """A stored reaction in the reader's words."""
    return HandoutReaction(
        kind_label=REACTION_LABELS.get(reaction.kind, reaction.kind.capitalize()),
        severity=severity_of(reaction.severity),
        onset_label=ONSET_LABELS.get(reaction.onset, ""),
        note=reaction.note,
        resolved_on=reaction.resolved_on,
        at_point=at_point,
        noted_on=noted_on,
    )


def handout_mark(
    catalogue: Catalogue, mark: Mark, reactions: Iterable[Reaction], day: dt.date
) -> HandoutMark:
    """A stored mark, placed on its diagram for the client's side, with the reactions at it."""
    point = catalogue.find(mark.code) if mark.code else None
    if point is None:
        side, area = free_marker_place(
            catalogue, mark.view, 0.5 if mark.x is None else mark.x, 0.5 if mark.y is None else mark.y
        )
        base = HandoutMark(
            code=None,
            name=mark.label or FREE_MARKER_NAME,
            area=area,
            side=side,
            needles=mark.needles,
            x=0.5 if mark.x is None else mark.x,
            y=0.5 if mark.y is None else mark.y,
            view=mark.view,
            technique=mark.technique,
        )
        where = base.where
    else:
        side = mark.side if mark.side in point.sides() else point.sides()[0]
        # Drawn where it was charted (a profile, the hands), or on its home view when that one
        # does not show it (a mark from before the point had more than one view).
        view = mark.view if point.shown_on(mark.view, side) else point.home_view(side)
        x, y = point.position(side, view)
        base = HandoutMark(
            code=point.code,
            name=point.pinyin,
            area=point.region,
            side=side,
            needles=mark.needles,
            x=x,
            y=y,
            view=view,
            hanzi=point.hanzi,
            english=point.english,
            technique=mark.technique,
        )
        where = f"{base.where} ({point.code})"
    return replace(base, reactions=tuple(handout_reaction(r, where, day) for r in reactions))


def _mark_order(catalogue: Catalogue) -> dict[str, int]:
    return {point.code: index for index, point in enumerate(catalogue.points)}


def handout_marks(catalogue: Catalogue, chart: SessionChart) -> tuple[HandoutMark, ...]:
    """A session's marks view by view (on the view each is drawn on), as the catalogue lists them (the
    client's right before left), free markers after the points of their diagram."""
    day = chart.session.started_at.date()
    order = _mark_order(catalogue)
    views = list(VIEWS)
    drawn = [(mark, handout_mark(catalogue, mark, chart.reactions_at(mark.id), day)) for mark in chart.marks]

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


# --- the session handout -------------------------------------------------------------------------


def _next_appointment(
    practice: Practice, history: Sequence[SessionSummary], summary: SessionSummary
) -> dt.date | None:
    """The next session after this one if it is charted already (a reprint), else the course's next due date."""
    later = [
        s
        for s in history
        if s.course_id == summary.course_id and (s.started_at, s.id) > (summary.started_at, summary.id)
    ]
    if later:
        return min(later, key=lambda s: (s.started_at, s.id)).started_at
    if summary.course_id is None:
        return None
    return practice.courses.course_progress(summary.course_id).next_due


def handout_data(practice: Practice, session_id: int) -> HandoutData:
    """Everything the handout for one session says.

    Raises:
        NotFoundError: no session has this id.
    """
    loaded = practice.sessions.load(session_id)
    client = practice.clients.get(loaded.session.client_id)
    history = practice.followups.client_history(client.id)
    summary = next(s for s in history if s.id == session_id)
    chart = amended_chart(practice, loaded, summary.amendments)
    session = chart.session
    course = practice.courses.course(session.course_id) if session.course_id is not None else None
    day = session.started_at.date()
    return HandoutData(
        practice=practice_header(practice),
        client_name=client.full_name,
        session_date=session.started_at,
        marks=handout_marks(practice.catalogue, chart),
        session_number=summary.number,
        planned_sessions=course.planned_sessions if course else None,
        session_reactions=tuple(handout_reaction(r, None, day) for r in chart.session_reactions),
        next_appointment=_next_appointment(practice, history, summary),
        texts=practice_texts(practice),
        course_title=course_name(course) if course else "",
        maintenance_visit=summary.maintenance_visit,
    )


# --- the course summary --------------------------------------------------------------------------


def reaction_summary(marks: Sequence[HandoutMark], session_reactions: Sequence[HandoutReaction]) -> str:
    """A session's reactions in one short line: "Mild bruising, under the left eye; mild headache"."""
    parts = [
        f"{r.severity} {r.kind_label.lower()}, {mark.where}" for mark in marks for r in mark.reactions
    ] + [f"{r.severity} {r.kind_label.lower()}" for r in session_reactions]
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def _chosen_course(
    practice: Practice, client_id: int | None, course_id: int | None
) -> tuple[int, Course | None]:
    if course_id is not None:
        course = practice.courses.course(course_id)
        if client_id is not None and course.client_id != client_id:
            raise ValidationError({"course_id": f"Course {course_id} belongs to another client."})
        return course.client_id, course
    if client_id is None:
        raise ValidationError({"client_id": "Say which client's course to summarise."})
    practice.clients.get(client_id)  # NotFoundError for an unknown client
    courses = practice.courses.courses_for(client_id)
    return client_id, practice.courses.current_course(client_id) or (courses[0] if courses else None)


def _ratings(
    practice: Practice, course: Course | None, sessions: Sequence[SessionSummary]
) -> dict[str, tuple[tuple[int, float], ...]]:
    if course is not None:
        series = {
            s.label: tuple((n, float(v)) for n, v in s.points)
            for s in practice.ratings.progress_series(course.id)
        }
    else:
        collected: dict[str, list[tuple[int, float]]] = {}
        for number, session in enumerate(sessions, start=1):
            for concern, score in practice.ratings.ratings_for(session.id).items():
                collected.setdefault(concern_label(concern), []).append((number, float(score)))
        series = {label: tuple(points) for label, points in collected.items()}
    return {label: points for label, points in series.items() if points}


def course_summary_data(
    practice: Practice,
    *,
    client_id: int | None = None,
    course_id: int | None = None,
    today: dt.date | None = None,
) -> CourseSummaryData:
    """A course summarised for the client: ``course_id``, or the client's current (else latest) course.

    A client with no course at all gets a summary of every session so far.

    Raises:
        NotFoundError: the client or course does not exist.
        ValidationError: neither is given, or the course is another client's.
    """
    client_id, course = _chosen_course(practice, client_id, course_id)
    client = practice.clients.get(client_id)
    history = sorted(practice.followups.client_history(client_id), key=lambda s: (s.started_at, s.id))
    sessions = [s for s in history if course is None or s.course_id == course.id]
    catalogue = practice.catalogue
    rows: list[SummarySession] = []
    reactions: list[CourseReaction] = []
    for position, summary in enumerate(sessions, start=1):
        number = summary.number if course is not None else position
        visit = summary.maintenance_visit if course is not None else None
        chart = amended_chart(practice, practice.sessions.load(summary.id), summary.amendments)
        day = summary.started_at.date()
        marks = handout_marks(catalogue, chart)
        whole = tuple(handout_reaction(r, None, day) for r in chart.session_reactions)
        rows.append(SummarySession(number, day, len(marks), reaction_summary(marks, whole), visit))
        reactions += [CourseReaction(number, day, r, visit) for m in marks for r in m.reactions]
        reactions += [CourseReaction(number, day, r, visit) for r in whole]
    progress = practice.courses.course_progress(course.id) if course is not None else None
    return CourseSummaryData(
        practice=practice_header(practice),
        client_name=client.full_name,
        course_title=course_name(course) if course else "Your sessions",
        concerns=tuple(concern_label(c) for c in (course.concerns if course else client.concerns)),
        sessions=tuple(rows),
        ratings=_ratings(practice, course, sessions),
        reactions=tuple(reactions),
        planned_sessions=course.planned_sessions if course else None,
        started_on=course.start_date if course else (sessions[0].started_at.date() if sessions else None),
        status=course.status_label if course else "",
        rating_note=RATING_SCALE_NOTE + ".",
        next_appointment=progress.next_due if progress else None,
        printed_on=today or clock.today(),
        texts=practice_texts(practice),
        photos=before_after(practice, client_id, course),
    )


def concern_labels(concerns: Iterable[str]) -> tuple[str, ...]:
    """Concern keys in the reader's words."""
    return tuple(concern_label(c) for c in concerns)
