"""The session handout: what was done today, what to expect, aftercare and the next visit (1–2 pages)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from acuchart.i18n import ENGLISH, Language
from acuchart.models import SEVERITY_WORDS
from acuchart.reports.data import HandoutData, HandoutReaction
from acuchart.reports.handout_points import points_section
from acuchart.reports.layout import ACCENT, BAND, bullet, gap, para, template_story
from acuchart.reports.pages import build_pdf, frame_width
from acuchart.reports.tables import facts, table_of
from acuchart.reports.texts import fill, text_for
from acuchart.reports.wording import appointment, date_text, moment_text

ADVICE_KEYS: tuple[str, ...] = ("what_to_expect", "aftercare", "lifestyle")
"""The advice texts a handout prints, in order."""


MAX_PAGES = 2
"""A handout is one sheet, printed on both sides: when it runs over, it is laid out again more tightly."""


@dataclass(frozen=True)
class HandoutFit:
    """How tightly a handout is laid out: the diagrams' share of their full size, the advice a size
    smaller and closer, the list of points in three narrow columns (below the diagrams, never beside
    one), and whether the last advice section is kept with the closing box (on a third page)."""

    diagram_scale: float = 1.0
    compact_text: bool = False
    three_columns: bool = False
    keep_ending: bool = False


FITS: tuple[HandoutFit, ...] = (
    HandoutFit(),
    HandoutFit(three_columns=True),
    HandoutFit(compact_text=True, three_columns=True),
    HandoutFit(0.86, compact_text=True, three_columns=True),
    HandoutFit(0.72, compact_text=True, three_columns=True),
)
"""The layouts tried in turn until the handout fits two pages: the list in three columns first, then
the advice a size smaller, and only then smaller diagrams (whose labels would crowd)."""
OVERFLOW = HandoutFit(0.86, compact_text=True, three_columns=True, keep_ending=True)
"""A session too large for two pages even at the tightest (dozens of points on three diagrams, several
reactions): the third page begins with a whole section and ends with the next visit, never a box alone."""


def build_handout(data: HandoutData, out: Path | BinaryIO) -> None:
    """Write the session handout for ``data`` to ``out`` (a path or a binary file) as PDF.

    When the handout would run onto a third page, it is laid out again more tightly (see :data:`FITS`).
    """
    tr = data.language
    pdf = io.BytesIO()
    for fit in (*FITS, OVERFLOW):
        pdf = io.BytesIO()
        pages = build_pdf(
            pdf,
            data.practice,
            handout_story(data, fit),
            title=tr.gettext("Session handout: {client_name}, {date_text}").format(
                client_name=data.client_name, date_text=date_text(data.session_date, tr)
            ),
            running_title=f"{data.client_name}  ·  {date_text(data.session_date, tr)}",
            subject=tr.gettext("Cosmetic acupuncture session handout"),
            language=tr,
        )
        if pages <= MAX_PAGES:
            break
    if isinstance(out, Path):
        out.write_bytes(pdf.getvalue())
    else:
        out.write(pdf.getvalue())


def session_phrase(
    number: int | None, planned: int | None, maintenance_visit: int | None = None, tr: Language = ENGLISH
) -> str:
    """ "Session 3 of 10", "Session 3", "Maintenance visit 1", or "" when the session is not numbered.

    Which sessions are maintenance visits is the services' rule
    (:func:`acuchart.services.courses.maintenance_visit`); a course still active that runs past its
    plan says "Session 11 (10 planned)".
    """
    if maintenance_visit is not None:
        return tr.gettext("Maintenance visit {maintenance_visit}").format(maintenance_visit=maintenance_visit)
    if number is None:
        return ""
    if not planned:
        return tr.gettext("Session {number}").format(number=number)
    return (
        tr.gettext("Session {number} ({planned} planned)").format(number=number, planned=planned)
        if number > planned
        else tr.gettext("Session {number} of {planned}").format(number=number, planned=planned)
    )


def session_number_phrase(
    number: int | None, planned: int | None, maintenance_visit: int | None = None, tr: Language = ENGLISH
) -> str:
    """The facts row's "3 of 10", "3", "11 (10 planned)", "Maintenance visit 1", or "" when not numbered."""
    if maintenance_visit is not None:
        return session_phrase(number, planned, maintenance_visit, tr)
    if number is None:
        return ""
    if not planned:
        return str(number)
    if number > planned:
        return tr.gettext("{number} ({planned} planned)").format(number=number, planned=planned)
    return tr.gettext("{number} of {planned}").format(number=number, planned=planned)


def handout_story(data: HandoutData, fit: HandoutFit | None = None) -> list[Flowable]:
    """The handout's content, top to bottom, laid out as ``fit`` says (full size by default)."""
    fit = fit or HandoutFit()
    tr = data.language
    width = frame_width(data.practice)
    values = {**data.practice.placeholders, "client_name": data.client_name}
    story: list[Flowable] = [
        para(tr.gettext("Your acupuncture session"), "title"),
        para(
            tr.gettext("Notes from today's session with {practitioner_name}, for you to keep.").format(
                practitioner_name=data.practice.practitioner_name
            )
            if data.practice.practitioner_name
            else tr.gettext("Notes from today's session, for you to keep."),
            "lead",
        ),
        facts(_facts(data), width),
        gap(2),
        para(tr.gettext("Points treated today"), "h2"),
        *points_section(data.marks, width, fit.diagram_scale, fit.three_columns, tr),
        *_reactions_section(data),
    ]
    for key in ADVICE_KEYS[:-1]:
        story += template_story(fill(text_for(data.texts, key), values), compact=fit.compact_text)
    last = fill(text_for(data.texts, ADVICE_KEYS[-1]), values)
    if fit.keep_ending:
        # One KeepTogether for the whole ending: none inside it (see template_story).
        ending = template_story(last, compact=fit.compact_text, keep_title=False)
        story.append(KeepTogether([*ending, gap(3), _next_visit_box(data)]))
    else:
        ending = template_story(last, compact=fit.compact_text)
        story += [*ending, gap(3), KeepTogether([_next_visit_box(data)])]
    return story


def _facts(data: HandoutData) -> list[tuple[str, str]]:
    tr = data.language
    when = moment_text(data.session_date, tr)
    items = [(tr.gettext("Client"), data.client_name), (tr.gettext("Date"), when)]
    session = session_number_phrase(data.session_number, data.planned_sessions, data.maintenance_visit, tr)
    if session:
        items.append((tr.gettext("Session"), session))
    items.append(
        (
            tr.gettext("Next appointment"),
            appointment(data.next_appointment, tr) if data.next_appointment else tr.gettext("Not booked yet"),
        )
    )
    return items


def _reaction_line(reaction: HandoutReaction, where: str | None, tr: Language) -> str:
    line = f"**{reaction.kind_label}** ({SEVERITY_WORDS.label(reaction.severity, tr)})"
    if where:
        line += f", {where}"
    if reaction.onset_label:
        line += f"; {reaction.onset_label[:1].lower()}{reaction.onset_label[1:]}"
    line += "."
    if reaction.note:
        line += f" {reaction.note.rstrip('.')}."
    if reaction.resolved_on:
        line += tr.gettext(" Settled by {date_text}.").format(date_text=date_text(reaction.resolved_on, tr))
    return line


def _reactions_section(data: HandoutData) -> list[Flowable]:
    tr = data.language
    lines: list[str] = []
    for mark in data.marks:
        for reaction in mark.reactions:
            where = reaction.at_point or (f"{mark.where} ({mark.code})" if mark.code else mark.where)
            lines.append(_reaction_line(reaction, where, tr))
    lines += [_reaction_line(reaction, reaction.at_point, tr) for reaction in data.session_reactions]
    heading = para(tr.gettext("Reactions noted"), "h2")
    if not lines:
        return [KeepTogether([heading, para(tr.gettext("No reactions were noted during your session."))])]
    items: list[Flowable] = [heading, *(bullet(line) for line in lines)]
    items.append(
        para(
            tr.gettext(
                "Reactions like these are common and usually fade within a few days; see below for what to expect."
            )
        )
    )
    return [KeepTogether(items)]


def _next_visit_box(data: HandoutData) -> Table:
    tr = data.language
    phone = data.practice.phone
    if data.next_appointment:
        text = tr.gettext("**Your next appointment:** {appointment}.").format(
            appointment=appointment(data.next_appointment, tr)
        )
        if phone:
            text += tr.gettext(" If you need to change it, please call us on {phone}.").format(phone=phone)
    else:
        text = tr.gettext("**Your next appointment** is not booked yet.")
        if phone:
            text += tr.gettext(" Please call us on {phone} to arrange it.").format(phone=phone)
    box = table_of([[para(text)]], colWidths=[frame_width(data.practice)])
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), BAND),
                ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    return box
