"""The course summary for the client: sessions attended, concern ratings over time, reactions and how
they resolved."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from acuchart.i18n import ENGLISH, N_, Language
from acuchart.models import SEVERITY_WORDS, maintenance_visits_phrase
from acuchart.reports.data import CourseReaction, CourseSummaryData
from acuchart.reports.layout import cell, gap, para, template_story
from acuchart.reports.pages import build_pdf, frame_width
from acuchart.reports.photo_pages import before_after_story
from acuchart.reports.plot import RatingsChart
from acuchart.reports.tables import facts, grid
from acuchart.reports.texts import fill, text_for
from acuchart.reports.wording import appointment, capitalised, date_text

CHART_HEIGHT = 62 * mm
COMPACT_CHART_HEIGHT = 40 * mm
"""The ratings chart's height, and its height when that keeps the summary to fewer pages."""


@dataclass(frozen=True)
class SummaryFit:
    """How a course summary is laid out: a lower chart and smaller closing text (``compact``), and the
    reactions kept on one page with the closing note (``reactions_with_closing``)."""

    compact: bool = False
    reactions_with_closing: bool = False


FITS: tuple[SummaryFit, ...] = (SummaryFit(), SummaryFit(compact=True))
"""The layouts tried in turn for a summary on one page."""
TWO_PAGES = SummaryFit(reactions_with_closing=True)
"""A summary that needs a second page: the reactions begin it with the closing note, so it is never a
page holding a closing paragraph and a date alone."""


def build_course_summary(data: CourseSummaryData, out: Path | BinaryIO) -> None:
    """Write the course summary for ``data`` to ``out`` (a path or a binary file) as PDF.

    It is laid out on one page when it can be (see :data:`FITS`), else as :data:`TWO_PAGES` says.
    """
    tr = data.language
    pdf = b""
    for fit in (*FITS, TWO_PAGES):
        made = io.BytesIO()
        pages = build_pdf(
            made,
            data.practice,
            course_summary_story(data, fit),
            title=tr.gettext("Course summary: {client_name}").format(client_name=data.client_name),
            running_title=f"{data.client_name}  ·  {data.course_title}",
            subject=tr.gettext("Cosmetic acupuncture course summary"),
            language=tr,
        )
        pdf = made.getvalue()
        if pages == 1:
            break
    if isinstance(out, Path):
        out.write_bytes(pdf)
    else:
        out.write(pdf)


def resolution(reaction: CourseReaction, tr: Language = ENGLISH) -> str:
    """How a reaction resolved, in the client's words."""
    resolved = reaction.reaction.resolved_on
    if resolved is None:
        return tr.gettext("Not yet settled")
    # Counted from the session it followed, the date the table prints beside it (not from the day it
    # was noted: a reaction phoned in the next day "settled the same day" would read as the session's).
    started = reaction.session_date
    days = (resolved - started).days
    if days <= 0:
        return tr.gettext("Settled the same day ({date_text})").format(date_text=date_text(resolved, tr))
    return tr.ngettext(
        "Settled by {date}, after {count} day", "Settled by {date}, after {count} days", days
    ).format(date=date_text(resolved, tr), count=days)


_ENDED = {
    "completed": N_("the course is complete"),
    "maintenance": N_("the course is complete, with maintenance visits from here on"),
    "stopped": N_("the course was stopped"),
}
"""How the lead ends for a course that is over (by its status); an active course is "so far"."""


def course_summary_story(data: CourseSummaryData, fit: SummaryFit | None = None) -> list[Flowable]:
    """The summary's content, top to bottom, laid out as ``fit`` says (full size by default)."""
    fit = fit or SummaryFit()
    tr = data.language
    compact = fit.compact
    width = frame_width(data.practice)
    visits = sum(1 for session in data.sessions if session.maintenance_visit is not None)
    attended = len(data.sessions) - visits
    course_line = (
        tr.gettext("{attended} of {planned_sessions}").format(
            attended=attended, planned_sessions=data.planned_sessions
        )
        if data.planned_sessions
        else str(attended)
    )
    lead = tr.gettext("{course_title}: {course_line} sessions").format(
        course_title=data.course_title, course_line=course_line
    )
    if visits:
        # Maintenance visits after the course are counted apart: "10 of 10, plus 1 maintenance visit".
        course_line += tr.gettext(", plus {maintenance_visits_phrase}").format(
            maintenance_visits_phrase=maintenance_visits_phrase(visits, tr)
        )
        lead += tr.gettext(", plus {maintenance_visits_phrase}").format(
            maintenance_visits_phrase=maintenance_visits_phrase(visits, tr)
        )
    ended = tr.gettext(_ENDED.get(data.status.lower(), "")) or None
    if ended is None and not visits:
        lead += tr.gettext(" so far")
    if data.started_on:
        lead += tr.gettext(", since {date_text}").format(date_text=date_text(data.started_on, tr))
    if ended:
        lead += f"; {ended}"
    story: list[Flowable] = [
        para(tr.gettext("Your course") if ended else tr.gettext("Your course so far"), "title"),
        para(lead + ".", "lead"),
        facts(
            [
                (tr.gettext("Client"), data.client_name),
                (tr.gettext("Sessions attended"), course_line),
                (tr.gettext("Concerns"), ", ".join(data.concerns) or "—"),
                (
                    tr.gettext("Next appointment"),
                    appointment(data.next_appointment, tr)
                    if data.next_appointment
                    else tr.gettext("Not booked yet"),
                ),
            ],
            width,
        ),
        gap(2),
    ]
    if data.ratings:
        chart = RatingsChart(data.ratings, width, COMPACT_CHART_HEIGHT if compact else CHART_HEIGHT, tr=tr)
        heading = para(tr.gettext("How you rated your concerns"), "h2")
        intro = para(
            tr.gettext("At each session you rated each concern from 0 to 10. ") + (data.rating_note or ""),
            "body",
        )
        story.append(KeepTogether([heading, intro, chart]))
    else:
        # The course note speaks of "the ratings above": say plainly that there are none yet.
        story += [
            para(tr.gettext("How you rated your concerns"), "h2"),
            para(tr.gettext("No ratings were noted at these sessions yet.")),
        ]
    story.append(para(tr.gettext("Sessions"), "h2"))
    rows: list[list[Flowable | str]] = [
        [
            cell(tr.gettext("Session"), style="cell_bold"),
            cell(tr.gettext("Date"), style="cell_bold"),
            cell(tr.gettext("Points treated"), style="cell_bold"),
            cell(tr.gettext("Reactions noted"), style="cell_bold"),
        ]
    ]
    for session in data.sessions:
        rows.append(
            [
                cell(session.number_label),
                cell(date_text(session.date, tr)),
                cell(str(session.points_count)),
                cell(session.reactions or tr.gettext("None")),
            ]
        )
    if data.sessions:
        story.append(grid(rows, [20 * mm, 52 * mm, 28 * mm, width - 100 * mm]))
        if visits:
            first = (
                tr.gettext("M1 is the maintenance visit")
                if visits == 1
                else tr.gettext("M1, M2 and so on are the maintenance visits")
            )
            story.append(
                para(
                    tr.gettext("{first} after the {attended} sessions of the course.").format(
                        first=first, attended=attended
                    ),
                    "small",
                    spaceBefore=3,
                )
            )
    else:
        story.append(para(tr.gettext("No sessions have taken place in this course yet.")))
    reactions_start = len(story)
    story.append(para(tr.gettext("Reactions and how they settled"), "h2"))
    if data.reactions:
        rows = [
            [
                cell(tr.gettext("Session"), style="cell_bold"),
                cell(tr.gettext("Reaction"), style="cell_bold"),
                cell(tr.gettext("Where"), style="cell_bold"),
                cell(tr.gettext("How it settled"), style="cell_bold"),
            ]
        ]
        for item in data.reactions:
            reaction = item.reaction
            rows.append(
                [
                    cell(item.number_label, date_text(item.session_date, tr)),
                    cell(
                        f"{reaction.kind_label} ({SEVERITY_WORDS.label(reaction.severity, tr)})",
                        reaction.note,
                    ),
                    cell(capitalised(reaction.at_point or tr.gettext("general (not at a point)"))),
                    cell(resolution(item, tr)),
                ]
            )
        story.append(grid(rows, [33 * mm, 44 * mm, 44 * mm, width - 121 * mm]))
    else:
        story.append(para(tr.gettext("No reactions were noted during this course.")))
    values = {**data.practice.placeholders, "client_name": data.client_name}
    # The closing note (a few short paragraphs) and the date stay together: never a heading or a
    # date alone on a page.
    closing = template_story(
        fill(text_for(data.texts, "course_note"), values), compact=compact, keep_title=False
    )
    if data.printed_on:
        closing += [
            gap(2),
            para(
                tr.gettext("Printed on {date_text}.").format(date_text=date_text(data.printed_on, tr)),
                "small",
            ),
        ]
    photos = before_after_story(data.photos, width, tr)  # its own page, after the course's words
    if fit.reactions_with_closing:
        return [*story[:reactions_start], KeepTogether([*story[reactions_start:], *closing]), *photos]
    return [*story, KeepTogether(closing), *photos]
