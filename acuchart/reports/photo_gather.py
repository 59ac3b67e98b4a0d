"""Filling the documents' photo parts from the practice: the before/after page, the chart export's
list of photos, and where photo consent stands. Photos are printed only where consent allows it."""

from __future__ import annotations

import logging

from acuchart.errors import AcuChartError
from acuchart.i18n import ENGLISH, Language
from acuchart.models import CONSENT_METHODS, PHOTO_USES, Course, SessionPhoto
from acuchart.models.photos import PHOTO_DECISIONS_WORDS, PHOTO_VIEWS
from acuchart.photos.images import rendition
from acuchart.practice import Practice
from acuchart.reports.photo_data import (
    BeforeAfter,
    BeforeAfterPair,
    PhotoConsentLine,
    PhotoLine,
    PrintedPhoto,
)
from acuchart.reports.wording import date_text

log = logging.getLogger("acuchart.reports")

PRINT_SIDE = 1000
"""Pixels on a printed photo's longer side: sharp at the size the page gives it, light in the PDF."""
_VIEW_ORDER = {key: n for n, (key, _) in enumerate(PHOTO_VIEWS)}


def _session_words(item: SessionPhoto, tr: Language = ENGLISH) -> str:
    day = item.session_started_at.date()
    number = (
        tr.gettext("Session {number}").format(number=item.number)
        if item.number is not None
        else tr.gettext("Session")
    )
    return f"{number} · {date_text(day, tr)}"


def _printed(practice: Practice, item: SessionPhoto, tr: Language = ENGLISH) -> PrintedPhoto | None:
    try:
        made = rendition(practice.photos.original(item.photo), item.photo.alignment, PRINT_SIDE)
    except AcuChartError as exc:  # a missing original: the page goes without it, the check names it
        log.warning("Photo %s left out of a document: %s", item.photo.id, exc)
        return None
    return PrintedPhoto(made.jpeg, made.width, made.height, _session_words(item, tr=tr))


def before_after(
    practice: Practice, client_id: int, course: Course | None, tr: Language = ENGLISH
) -> BeforeAfter | None:
    """The first and the latest session with photos (of the course, else of all sessions), each view
    they share; None when there are not two such sessions, or photo consent does not allow printing."""
    allowed, _ = practice.photo_consent.may_use(client_id, "clinical")
    if not allowed:
        return None
    photos = [p for p in practice.photos.for_client(client_id) if course is None or p.course_id == course.id]
    sessions = sorted({(p.session_started_at, p.photo.session_id) for p in photos})
    if len(sessions) < 2:
        return None
    first_id, latest_id = sessions[0][1], sessions[-1][1]

    def by_view(session_id: int) -> dict[tuple[str, str], SessionPhoto]:
        found: dict[tuple[str, str], SessionPhoto] = {}
        for item in photos:
            if item.photo.session_id == session_id:
                found.setdefault((item.photo.view, item.photo.label.casefold()), item)
        return found

    first, latest = by_view(first_id), by_view(latest_id)
    pairs = []
    for key in sorted(first.keys() & latest.keys(), key=lambda k: (_VIEW_ORDER[k[0]], k[1])):
        before, after = _printed(practice, first[key], tr=tr), _printed(practice, latest[key], tr=tr)
        if before is not None and after is not None:
            photo = first[key].photo
            pairs.append(BeforeAfterPair(_view_words(photo.view, photo.label, tr), before, after))
    if not pairs:
        return None
    one, last = first[next(iter(first))], latest[next(iter(latest))]
    return BeforeAfter(_session_words(one, tr=tr), _session_words(last, tr=tr), tuple(pairs))


def _view_words(view: str, label: str, tr: Language) -> str:
    """A photo's view in the document's language; a close-up carries its label ("Close-up: left cheek")."""
    text = PHOTO_VIEWS.label(view, tr)
    return f"{text}: {label}" if view == "close_up" and label else text


def photo_lines(practice: Practice, client_id: int, tr: Language = ENGLISH) -> tuple[PhotoLine, ...]:
    """Every photo of the client, hidden ones too (marked), oldest first: for the chart export."""
    return tuple(
        PhotoLine(
            thumbnail=practice.photos.thumbnail(item.photo.id),
            view=_view_words(item.photo.view, item.photo.label, tr),
            taken_at=item.photo.taken_at,
            session=_session_words(item, tr=tr),
            sha256=item.photo.sha256,
            hidden_reason=item.photo.hidden_reason if item.photo.hidden else "",
        )
        for item in practice.photos.for_client(client_id, include_hidden=True)
    )


def photo_consent_lines(
    practice: Practice, client_id: int, tr: Language = ENGLISH
) -> tuple[PhotoConsentLine, ...]:
    """Where each use of photos stands for the client."""
    consent = practice.photo_consent.consent_of(client_id)
    lines = []
    for use in PHOTO_USES.codes():
        label = PHOTO_USES.label(use, tr)
        latest = consent.latest(use)
        detail = ""
        if latest is not None:
            detail = tr.gettext("{value}, consent text {text_version}").format(
                value=CONSENT_METHODS.label(latest.method, tr),
                text_version=latest.text_version,
            )
            if latest.note:
                detail += f". {latest.note}"
        status = (
            tr.gettext("Not asked")
            if latest is None
            else tr.gettext("{decision} {date}").format(
                decision=PHOTO_DECISIONS_WORDS.label(latest.decision, tr),
                date=date_text(latest.decided_on, tr),
            )
        )
        lines.append(PhotoConsentLine(label, status, detail))
    return tuple(lines)
