"""The session handout: what was done today, what to expect, aftercare and the next visit (1–2 pages)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from acuchart.reports.data import HandoutData, HandoutMark, HandoutReaction, where_on_both_sides
from acuchart.reports.diagram import DiagramFlowable, Legend, legend_symbols, views_for
from acuchart.reports.layout import (
    ACCENT,
    BAND,
    appointment,
    bullet,
    capitalised,
    cell,
    clock_time,
    facts,
    gap,
    grid,
    para,
    short_date,
    template_story,
)
from acuchart.reports.pages import build_pdf, frame_width
from acuchart.reports.texts import fill, text_for

ADVICE_KEYS: tuple[str, ...] = ("what_to_expect", "aftercare", "lifestyle")
"""The advice texts a handout prints, in order."""

_SIDE_WORDS = ("Your right", "Your left")
_FLUSH = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
)


MAX_PAGES = 2
"""A handout is one sheet, printed on both sides: when it runs over, it is laid out again more tightly."""


@dataclass(frozen=True)
class HandoutFit:
    """How tightly a handout is laid out: the diagrams' share of their full size, the advice a size
    smaller, and whether the last advice section is kept with the closing box (on a third page)."""

    diagram_scale: float = 1.0
    compact_text: bool = False
    keep_ending: bool = False


FITS: tuple[HandoutFit, ...] = (HandoutFit(), HandoutFit(0.84), HandoutFit(0.84, compact_text=True))
"""The layouts tried in turn until the handout fits two pages."""
OVERFLOW = HandoutFit(keep_ending=True)
"""A session too large for two pages (many points on three diagrams, several reactions): full size,
the third page beginning with a whole section and ending with the next visit, never a box alone."""


def build_handout(data: HandoutData, out: Path | BinaryIO) -> None:
    """Write the session handout for ``data`` to ``out`` (a path or a binary file) as PDF.

    When the handout would run onto a third page, it is laid out again more tightly (see :data:`FITS`).
    """
    pdf = io.BytesIO()
    for fit in (*FITS, OVERFLOW):
        pdf = io.BytesIO()
        pages = build_pdf(
            pdf,
            data.practice,
            handout_story(data, fit),
            title=f"Session handout: {data.client_name}, {short_date(data.session_date)}",
            running_title=f"{data.client_name}  ·  {short_date(data.session_date)}",
            subject="Cosmetic acupuncture session handout",
        )
        if pages <= MAX_PAGES:
            break
    if isinstance(out, Path):
        out.write_bytes(pdf.getvalue())
    else:
        out.write(pdf.getvalue())


def session_phrase(number: int | None, planned: int | None) -> str:
    """ "Session 3 of 10", "Session 3", or "" when the session is not numbered."""
    if number is None:
        return ""
    return f"Session {number} of {planned}" if planned else f"Session {number}"


def handout_story(data: HandoutData, fit: HandoutFit | None = None) -> list[Flowable]:
    """The handout's content, top to bottom, laid out as ``fit`` says (full size by default)."""
    fit = fit or HandoutFit()
    width = frame_width(data.practice)
    values = {**data.practice.placeholders, "client_name": data.client_name}
    story: list[Flowable] = [
        para("Your acupuncture session", "title"),
        para(
            f"Notes from today's session with {data.practice.practitioner_name}, for you to keep."
            if data.practice.practitioner_name
            else "Notes from today's session, for you to keep.",
            "lead",
        ),
        facts(_facts(data), width),
        gap(2),
        para("Points treated today", "h2"),
        *_points_section(data.marks, width, fit.diagram_scale),
        *_reactions_section(data),
    ]
    advice = [
        template_story(fill(text_for(data.texts, key), values), compact=fit.compact_text)
        for key in ADVICE_KEYS
    ]
    for section in advice[:-1]:
        story += section
    ending = [*advice[-1], gap(3), _next_visit(data)]
    story += [KeepTogether(ending)] if fit.keep_ending else ending
    return story


def _facts(data: HandoutData) -> list[tuple[str, str]]:
    when = f"{short_date(data.session_date)}, {clock_time(data.session_date)}"
    items = [("Client", data.client_name), ("Date", when)]
    session = session_phrase(data.session_number, data.planned_sessions)
    if session:
        items.append(("Session", session.removeprefix("Session ")))
    items.append(
        (
            "Next appointment",
            appointment(data.next_appointment) if data.next_appointment else "Not booked yet",
        )
    )
    return items


def _points_section(marks: Sequence[HandoutMark], width: float, scale: float = 1.0) -> list[Flowable]:
    if not marks:
        return [para("No points were recorded for this session.")]
    views = views_for(marks)
    legend = Legend(legend_symbols(marks), width)
    if len(views) == 1:
        # One diagram beside the list: large enough to see which points, the list easy to read.
        diagram_w = 78 * mm * scale
        diagram = DiagramFlowable(views[0], marks, diagram_w, diagram_w * 4 / 3, _SIDE_WORDS, caption="")
        list_w = width - diagram_w - 6 * mm
        layout = Table(
            [
                [
                    [diagram, gap(1), Legend(legend_symbols(marks), diagram_w)],
                    _points_table(treated_places(marks), list_w),
                ]
            ],
            colWidths=[diagram_w + 6 * mm, list_w],
        )
        layout.setStyle(_FLUSH)
        return [layout]
    each = (width - 4 * mm * (len(views) - 1)) / len(views)
    tall = min(each * 1.6, 110 * mm) * scale
    row = [
        DiagramFlowable(view, [m for m in marks if m.view == view.name], each, tall, _SIDE_WORDS)
        for view in views
    ]
    diagrams = Table([row], colWidths=[each + 4 * mm] * (len(views) - 1) + [each])
    diagrams.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    )
    # Below several diagrams the list runs in two columns, so the handout keeps to two pages.
    return [KeepTogether([diagrams, gap(1), legend]), gap(3), _points_table(treated_places(marks), width, 2)]


@dataclass(frozen=True)
class TreatedPlace:
    """A line of the handout's list: a point on one side, or on both sides when they match."""

    mark: HandoutMark
    where: str


def treated_places(marks: Sequence[HandoutMark]) -> list[TreatedPlace]:
    """The list's lines: a point treated alike on the client's right and left (same needles, no
    reaction) shares one line ("left and right cheek"); every other mark has a line of its own."""
    places: list[TreatedPlace] = []
    used: set[int] = set()
    for index, mark in enumerate(marks):
        if index in used:
            continue
        twin = None
        if mark.code is not None and mark.side != "midline" and not mark.reactions:
            twin = next(
                (
                    other_index
                    for other_index in range(index + 1, len(marks))
                    if other_index not in used and _twins(mark, marks[other_index])
                ),
                None,
            )
        if twin is not None:
            used.add(twin)
        places.append(TreatedPlace(mark, where_on_both_sides(mark.area) if twin is not None else mark.where))
    return places


def _twins(mark: HandoutMark, other: HandoutMark) -> bool:
    return (
        other.code == mark.code
        and {mark.side, other.side} == {"left", "right"}
        and other.needles == mark.needles
        and not other.reactions
    )


def _points_table(places: Sequence[TreatedPlace], width: float, columns: int = 1) -> Table:
    """The list of places treated; with ``columns=2`` it runs in two halves side by side (still one
    table, so it can break across pages row by row)."""
    gutter = 6 * mm
    column_w = (width - gutter * (columns - 1)) / columns
    code_w = 17 * mm
    where_w = max(32 * mm, column_w * 0.36)
    widths = [code_w, column_w - code_w - where_w, where_w]
    header = [
        cell("Point", style="cell_bold"),
        cell("Name", style="cell_bold"),
        cell("Where", style="cell_bold"),
    ]
    cells = [_place_cells(place) for place in places]
    per_column = -(-len(cells) // columns)
    rows: list[list[Flowable | str]] = []
    for index in range(per_column):
        row: list[Flowable | str] = []
        for column in range(columns):
            at = column * per_column + index
            if column:
                row.append("")
            row += cells[at] if at < len(cells) else ["", "", ""]
        rows.append(row)
    all_widths: list[float] = []
    heading: list[Flowable | str] = []
    for column in range(columns):
        if column:
            all_widths.append(gutter)
            heading.append("")
        all_widths += widths
        heading += header
    table = grid([heading, *rows], all_widths)
    for column in range(1, columns):
        gap_column = column * 4 - 1
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (gap_column, 0), (gap_column, -1), colors.white),
                    ("LINEBELOW", (gap_column, 0), (gap_column, -1), 1.2, colors.white),
                ]
            )
        )
    return table


def _place_cells(place: TreatedPlace) -> list[Flowable | str]:
    mark = place.mark
    name = mark.name + (f" {mark.hanzi}" if mark.hanzi else "")
    notes = [f"{mark.needles} needles"] if mark.needles != 1 else []
    notes += [f"{r.kind_label} noted ({r.severity})" for r in mark.reactions]
    return [
        cell(mark.code or mark.label or "—", style="cell_bold"),
        cell(name, mark.english),
        cell(capitalised(place.where), *notes),
    ]


def _reaction_line(reaction: HandoutReaction, where: str | None) -> str:
    line = f"**{reaction.kind_label}** ({reaction.severity})"
    if where:
        line += f", {where}"
    if reaction.onset_label:
        line += f"; {reaction.onset_label[:1].lower()}{reaction.onset_label[1:]}"
    line += "."
    if reaction.note:
        line += f" {reaction.note.rstrip('.')}."
    if reaction.resolved_on:
        line += f" Settled by {short_date(reaction.resolved_on)}."
    return line


def _reactions_section(data: HandoutData) -> list[Flowable]:
    lines: list[str] = []
    for mark in data.marks:
        for reaction in mark.reactions:
            where = reaction.at_point or (f"{mark.where} ({mark.code})" if mark.code else mark.where)
            lines.append(_reaction_line(reaction, where))
    lines += [_reaction_line(reaction, reaction.at_point) for reaction in data.session_reactions]
    heading = para("Reactions noted", "h2")
    if not lines:
        return [KeepTogether([heading, para("No reactions were noted during your session.")])]
    items: list[Flowable] = [heading, *(bullet(line) for line in lines)]
    items.append(
        para(
            "Reactions like these are common and usually fade within a few days; see below for what to expect."
        )
    )
    return [KeepTogether(items)]


def _next_visit(data: HandoutData) -> Flowable:
    phone = data.practice.phone
    if data.next_appointment:
        text = f"**Your next appointment:** {appointment(data.next_appointment)}."
        if phone:
            text += f" If you need to change it, please call us on {phone}."
    else:
        text = "**Your next appointment** is not booked yet."
        if phone:
            text += f" Please call us on {phone} to arrange it."
    box = Table([[para(text)]], colWidths=[frame_width(data.practice)])
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
    return KeepTogether([box])
