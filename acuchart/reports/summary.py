"""The course summary for the client: sessions attended, concern ratings over time, reactions and how
they resolved."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from acuchart.models import maintenance_visits_phrase
from acuchart.reports.data import CourseReaction, CourseSummaryData
from acuchart.reports.layout import (
    appointment,
    capitalised,
    cell,
    compact_date,
    facts,
    gap,
    grid,
    long_date,
    para,
    template_story,
)
from acuchart.reports.pages import build_pdf, frame_width
from acuchart.reports.photo_pages import before_after_story
from acuchart.reports.plot import RatingsChart
from acuchart.reports.texts import fill, text_for


def build_course_summary(data: CourseSummaryData, out: Path | BinaryIO) -> None:
    """Write the course summary for ``data`` to ``out`` (a path or a binary file) as PDF."""
    build_pdf(
        out,
        data.practice,
        course_summary_story(data),
        title=f"Course summary: {data.client_name}",
        running_title=f"{data.client_name}  ·  {data.course_title}",
        subject="Cosmetic acupuncture course summary",
    )


def resolution(reaction: CourseReaction) -> str:
    """How a reaction resolved, in the client's words."""
    resolved = reaction.reaction.resolved_on
    if resolved is None:
        return "Not yet settled"
    started = reaction.reaction.noted_on or reaction.session_date
    days = (resolved - started).days
    if days <= 0:
        return f"Settled the same day ({compact_date(resolved)})"
    return f"Settled by {compact_date(resolved)}, after {days} day{'s' if days != 1 else ''}"


def course_summary_story(data: CourseSummaryData) -> list[Flowable]:
    """The summary's content, top to bottom."""
    width = frame_width(data.practice)
    visits = sum(1 for session in data.sessions if session.maintenance_visit is not None)
    attended = len(data.sessions) - visits
    course_line = f"{attended} of {data.planned_sessions}" if data.planned_sessions else str(attended)
    lead = f"{data.course_title}: {course_line} sessions"
    if visits:
        # Maintenance visits after the course are counted apart: "10 of 10, plus 1 maintenance visit".
        course_line += f", plus {maintenance_visits_phrase(visits)}"
        lead += f", plus {maintenance_visits_phrase(visits)}"
    else:
        lead += " so far"
    if data.started_on:
        lead += f", since {long_date(data.started_on)}"
    story: list[Flowable] = [
        para("Your course so far", "title"),
        para(lead + ".", "lead"),
        facts(
            [
                ("Client", data.client_name),
                ("Sessions attended", course_line),
                ("Concerns", ", ".join(data.concerns) or "—"),
                (
                    "Next appointment",
                    appointment(data.next_appointment) if data.next_appointment else "Not booked yet",
                ),
            ],
            width,
        ),
        gap(2),
    ]
    if data.ratings:
        chart = RatingsChart(data.ratings, width, 62 * mm)
        heading = para("How you rated your concerns", "h2")
        intro = para(
            "At each session you rated each concern from 0 to 10. " + (data.rating_note or ""), "body"
        )
        story.append(KeepTogether([heading, intro, chart]))
    else:
        # The course note speaks of "the ratings above": say plainly that there are none yet.
        story += [
            para("How you rated your concerns", "h2"),
            para("No ratings were noted at these sessions yet."),
        ]
    story.append(para("Sessions", "h2"))
    rows: list[list[Flowable | str]] = [
        [
            cell("Session", style="cell_bold"),
            cell("Date", style="cell_bold"),
            cell("Points treated", style="cell_bold"),
            cell("Reactions noted", style="cell_bold"),
        ]
    ]
    for session in data.sessions:
        rows.append(
            [
                cell(session.number_label),
                cell(long_date(session.date)),
                cell(str(session.points_count)),
                cell(session.reactions or "None"),
            ]
        )
    if data.sessions:
        story.append(grid(rows, [20 * mm, 52 * mm, 28 * mm, width - 100 * mm]))
        if visits:
            first = (
                "M1 is the maintenance visit"
                if visits == 1
                else "M1, M2 and so on are the maintenance visits"
            )
            story.append(
                para(f"{first} after the {attended} sessions of the course.", "small", spaceBefore=3)
            )
    else:
        story.append(para("No sessions have taken place in this course yet."))
    story.append(para("Reactions and how they settled", "h2"))
    if data.reactions:
        rows = [
            [
                cell("Session", style="cell_bold"),
                cell("Reaction", style="cell_bold"),
                cell("Where", style="cell_bold"),
                cell("How it settled", style="cell_bold"),
            ]
        ]
        for item in data.reactions:
            reaction = item.reaction
            rows.append(
                [
                    cell(item.number_label, compact_date(item.session_date)),
                    cell(f"{reaction.kind_label} ({reaction.severity})", reaction.note),
                    cell(capitalised(reaction.at_point or "general (not at a point)")),
                    cell(resolution(item)),
                ]
            )
        story.append(grid(rows, [24 * mm, 48 * mm, 46 * mm, width - 118 * mm]))
    else:
        story.append(para("No reactions were noted during this course."))
    values = {**data.practice.placeholders, "client_name": data.client_name}
    story += template_story(fill(text_for(data.texts, "course_note"), values))
    if data.printed_on:
        story += [gap(2), para(f"Printed on {long_date(data.printed_on)}.", "small")]
    story += before_after_story(data.photos, width)
    return story
