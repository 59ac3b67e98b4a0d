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

from acuchart import clock
from acuchart.errors import ValidationError
from acuchart.handout_texts import document_texts
from acuchart.i18n import ENGLISH, Language, language
from acuchart.models import CONCERNS, RATING_SCALE_NOTE, Course, SessionSummary
from acuchart.practice import Practice
from acuchart.reports.data import (
    CourseReaction,
    CourseSummaryData,
    HandoutData,
    HandoutMark,
    HandoutReaction,
    PracticeHeader,
    SummarySession,
)
from acuchart.reports.gather_marks import amended_chart, handout_marks, reactions_not_at_marks, record_entries
from acuchart.reports.photo_gather import before_after


def practice_header(practice: Practice) -> PracticeHeader:
    """Who the practice is, from its settings, as every page prints it."""
    return PracticeHeader.from_settings(practice.settings.get())


def practice_texts(practice: Practice, tr: Language = ENGLISH) -> dict[str, str]:
    """The advice templates in ``tr``'s language, with the practice's edits applied (see
    :func:`text_notes` for a text the practice wrote only in another language)."""
    return document_texts(practice.settings.edited_texts(), tr.code, practice.settings.language())[0]


def text_notes(practice: Practice, tr: Language) -> list[str]:
    """What the practitioner should know about the texts of a document in ``tr``'s language: each of
    the practice's own texts that has no version in that language yet (it prints as written)."""
    return document_texts(practice.settings.edited_texts(), tr.code, practice.settings.language())[1]


def document_language(practice: Practice, client_id: int | None, code: str | None = None) -> Language:
    """The language a client's document prints in: ``code`` when one is asked for, else the client's
    own, else the practice's.

    Raises:
        UnknownLanguageError: ``code`` names a language AcuChart has no translation for.
        NotFoundError: there is no client ``client_id``.
    """
    if code:
        return language(code)
    own = practice.clients.get(client_id).language if client_id is not None else ""
    return language(own or practice.settings.language())


def concern_label(concern: str, tr: Language = ENGLISH) -> str:
    """A concern in the reader's words: "Wrinkles and fine lines"."""
    return CONCERNS.label(concern, tr)


def course_name(course: Course, tr: Language = ENGLISH) -> str:
    """What a course treats, as a client reads it: "Wrinkles and fine lines, skin radiance and complexion"."""
    labels = [concern_label(c, tr).split(" (")[0] for c in course.concerns]
    if not labels:
        return tr.gettext("Your course")
    return ", ".join([labels[0], *(label[:1].lower() + label[1:] for label in labels[1:])])


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


def handout_data(practice: Practice, session_id: int, tr: Language = ENGLISH) -> HandoutData:
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
    entries = record_entries(practice, client.id)
    return HandoutData(
        practice=practice_header(practice),
        client_name=client.full_name,
        session_date=session.started_at,
        marks=handout_marks(practice.catalogue, chart, entries, tr=tr),
        session_number=summary.number,
        planned_sessions=course.planned_sessions if course else None,
        session_reactions=reactions_not_at_marks(practice, chart, entries, tr=tr),
        next_appointment=_next_appointment(practice, history, summary),
        texts=practice_texts(practice, tr),
        course_title=course_name(course, tr) if course else "",
        maintenance_visit=summary.maintenance_visit,
        language=tr,
    )


# --- the course summary --------------------------------------------------------------------------


def reaction_summary(marks: Sequence[HandoutMark], session_reactions: Sequence[HandoutReaction]) -> str:
    """A session's reactions in one short line: "Mild bruising, under the left eye; mild headache"."""
    parts = [
        f"{r.severity} {r.kind_label.lower()}, {mark.where}" for mark in marks for r in mark.reactions
    ] + [
        f"{r.severity} {r.kind_label.lower()}" + (f", {r.at_point}" if r.at_point else "")
        for r in session_reactions
    ]
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def _chosen_course(
    practice: Practice,
    client_id: int | None,
    course_id: int | None,
    tr: Language = ENGLISH,
) -> tuple[int, Course | None]:
    if course_id is not None:
        course = practice.courses.course(course_id)
        if client_id is not None and course.client_id != client_id:
            raise ValidationError(
                {
                    "course_id": tr.gettext("Course {course_id} belongs to another client.").format(
                        course_id=course_id
                    )
                }
            )
        return course.client_id, course
    if client_id is None:
        raise ValidationError({"client_id": tr.gettext("Say which client's course to summarise.")})
    practice.clients.get(client_id)  # NotFoundError for an unknown client
    courses = practice.courses.courses_for(client_id)
    return client_id, practice.courses.current_course(client_id) or (courses[0] if courses else None)


def _ratings(
    practice: Practice,
    course: Course | None,
    sessions: Sequence[SessionSummary],
    tr: Language = ENGLISH,
) -> dict[str, tuple[tuple[int, float], ...]]:
    if course is not None:
        series = {
            concern_label(s.concern, tr): tuple((n, float(v)) for n, v in s.points)
            for s in practice.ratings.progress_series(course.id)
        }
    else:
        collected: dict[str, list[tuple[int, float]]] = {}
        for number, session in enumerate(sessions, start=1):
            for concern, score in practice.ratings.ratings_for(session.id).items():
                collected.setdefault(concern_label(concern, tr), []).append((number, float(score)))
        series = {label: tuple(points) for label, points in collected.items()}
    return {label: points for label, points in series.items() if points}


def course_summary_data(
    practice: Practice,
    *,
    client_id: int | None = None,
    course_id: int | None = None,
    today: dt.date | None = None,
    tr: Language = ENGLISH,
) -> CourseSummaryData:
    """A course summarised for the client: ``course_id``, or the client's current (else latest) course.

    A client with no course at all gets a summary of every session so far.

    Raises:
        NotFoundError: the client or course does not exist.
        ValidationError: neither is given, or the course is another client's.
    """
    client_id, course = _chosen_course(practice, client_id, course_id, tr=tr)
    client = practice.clients.get(client_id)
    history = sorted(practice.followups.client_history(client_id), key=lambda s: (s.started_at, s.id))
    sessions = [s for s in history if course is None or s.course_id == course.id]
    catalogue = practice.catalogue
    entries = record_entries(practice, client_id)
    rows: list[SummarySession] = []
    reactions: list[CourseReaction] = []
    for position, summary in enumerate(sessions, start=1):
        number = summary.number if course is not None else position
        visit = summary.maintenance_visit if course is not None else None
        chart = amended_chart(practice, practice.sessions.load(summary.id), summary.amendments)
        day = summary.started_at.date()
        marks = handout_marks(catalogue, chart, entries, tr=tr)
        whole = reactions_not_at_marks(practice, chart, entries, tr=tr)
        rows.append(SummarySession(number, day, len(marks), reaction_summary(marks, whole), visit))
        reactions += [CourseReaction(number, day, r, visit) for m in marks for r in m.reactions]
        reactions += [CourseReaction(number, day, r, visit) for r in whole]
    progress = practice.courses.course_progress(course.id) if course is not None else None
    return CourseSummaryData(
        practice=practice_header(practice),
        client_name=client.full_name,
        course_title=course_name(course, tr) if course else tr.gettext("Your sessions"),
        concerns=tuple(concern_label(c, tr) for c in (course.concerns if course else client.concerns)),
        sessions=tuple(rows),
        ratings=_ratings(practice, course, sessions, tr=tr),
        reactions=tuple(reactions),
        planned_sessions=course.planned_sessions if course else None,
        started_on=course.start_date if course else (sessions[0].started_at.date() if sessions else None),
        status=course.status if course else "",
        rating_note=tr.gettext(RATING_SCALE_NOTE) + ".",
        next_appointment=progress.next_due if progress else None,
        printed_on=today or clock.today(),
        texts=practice_texts(practice, tr),
        photos=before_after(practice, client_id, course, tr=tr),
        language=tr,
    )


def concern_labels(concerns: Iterable[str], tr: Language = ENGLISH) -> tuple[str, ...]:
    """Concern keys in the reader's words."""
    return tuple(concern_label(c, tr) for c in concerns)
