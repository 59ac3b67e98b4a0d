"""The chart export: a client's whole record for the practitioner, another clinician or an auditor.

Identity, intake, cautions, consents, courses, then every session in full (marks, reactions, needle
counts, ratings, notes, signature, amendments, late entries), and the state of the audit trail.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Table, TableStyle

from acuchart.reports.data import ChartAmendment, ChartExportData, ChartSession, HandoutMark, HandoutReaction
from acuchart.reports.layout import (
    ACCENT,
    BAND,
    WARN,
    bullet,
    cell,
    compact_date,
    details,
    facts,
    gap,
    grid,
    para,
    short_date,
    stamp,
)
from acuchart.reports.pages import build_pdf, frame_width
from acuchart.reports.photo_pages import photo_listing_story

SIDE_NOTE = "Sides are the client's own: \"left\" is the client's left."


def build_chart_export(data: ChartExportData, out: Path | BinaryIO) -> None:
    """Write the chart export for ``data`` to ``out`` (a path or a binary file) as PDF."""
    client = data.client.full_name
    build_pdf(
        out,
        data.practice,
        chart_export_story(data),
        title=f"Clinical record: {client}",
        running_title=f"Clinical record  ·  {client}"
        + (f"  ·  {data.client.record_id}" if data.client.record_id else ""),
        subject="Cosmetic acupuncture clinical record (chart export)",
    )


def chart_export_story(data: ChartExportData) -> list[Flowable]:
    """The export's content, top to bottom."""
    width = frame_width(data.practice)
    client = data.client
    exported = f"Exported {stamp(data.generated_at)}" + (
        f" by {data.generated_by}" if data.generated_by else ""
    )
    if data.purpose:
        exported += f". Purpose: {data.purpose}"
    story: list[Flowable] = [
        para("Clinical record", "title"),
        para(exported if exported.endswith(".") else exported + ".", "lead"),
        facts(
            [
                ("Client", client.full_name),
                ("Record", client.record_id or "—"),
                ("Date of birth", short_date(client.date_of_birth) if client.date_of_birth else "—"),
                ("Sessions", str(len(data.sessions))),
                ("Audit trail", "Intact" if data.audit.ok else "PROBLEM FOUND"),
            ],
            width,
        ),
        para("Client", "h2"),
        details(
            [
                ("Name", client.full_name),
                ("Preferred name", client.preferred_name),
                ("Date of birth", short_date(client.date_of_birth) if client.date_of_birth else ""),
                ("Phone", client.phone),
                ("Email", client.email),
                ("Address", client.address),
                ("Record status", "Archived" if client.archived else "Active"),
            ],
            width,
        ),
        para("Intake", "h2"),
        details(
            [
                ("Concerns", ", ".join(data.intake.concerns)),
                ("Skin notes", data.intake.skin_notes),
                ("Goals", data.intake.goals),
            ],
            width,
        ),
        *_cautions(data, width),
        *_consents(data, width),
        *_courses(data, width),
        CondPageBreak(70 * mm),
        para("Sessions", "h2"),
        para(f"{len(data.sessions)} sessions, oldest first. {SIDE_NOTE}", "small"),
    ]
    for session in data.sessions:
        story += _session(session, width)
    if not data.sessions:
        story.append(para("No sessions are recorded."))
    story += photo_listing_story(data.photos, data.photo_consent, width)
    story += _audit(data, width)
    return story


def _cautions(data: ChartExportData, width: float) -> list[Flowable]:
    cautions = data.cautions
    reviewed = short_date(cautions.reviewed_on) if cautions.reviewed_on else "Never reviewed"
    if cautions.review_overdue:
        reviewed += " (review overdue)"
    story: list[Flowable] = [para("Cautions", "h2")]
    if cautions.flags:
        story += [bullet(f"**{flag}**") for flag in cautions.flags]
    else:
        story.append(para("No caution flags recorded."))
    story.append(details([("Notes", cautions.notes), ("Last reviewed", reviewed)], width))
    return story


def _consents(data: ChartExportData, width: float) -> list[Flowable]:
    story: list[Flowable] = [para("Consent", "h2")]
    if not data.consents:
        return [*story, para("**No consent is on file.**", textColor=WARN)]
    rows: list[list[Flowable | str]] = [
        [
            cell(h, style="cell_bold")
            for h in ("Given on", "Text version", "How obtained", "Recorded by", "Status")
        ]
    ]
    for consent in data.consents:
        status = f"Withdrawn {short_date(consent.withdrawn_on)}" if consent.withdrawn_on else "In force"
        rows.append(
            [
                cell(short_date(consent.given_on)),
                cell(consent.text_version),
                cell(consent.how_obtained, consent.note),
                cell(consent.recorded_by),
                cell(status),
            ]
        )
    story.append(grid(rows, [28 * mm, 24 * mm, width - 110 * mm, 32 * mm, 26 * mm]))
    return story


def _courses(data: ChartExportData, width: float) -> list[Flowable]:
    if not data.courses:
        return []
    rows: list[list[Flowable | str]] = [
        [
            cell(h, style="cell_bold")
            for h in ("Course", "Concerns", "Planned", "Interval", "Started", "Status")
        ]
    ]
    for course in data.courses:
        rows.append(
            [
                cell(course.title),
                cell(", ".join(course.concerns)),
                cell(str(course.planned_sessions) if course.planned_sessions else "—"),
                cell(f"{course.interval_days} days" if course.interval_days else "—"),
                cell(compact_date(course.started_on) if course.started_on else "—"),
                cell(course.status.capitalize() or "—"),
            ]
        )
    widths = [36 * mm, width - 130 * mm, 18 * mm, 20 * mm, 26 * mm, 30 * mm]
    return [para("Courses", "h2"), grid(rows, widths)]


def _reaction_text(reaction: HandoutReaction) -> str:
    text = f"{reaction.kind_label} ({reaction.severity})"
    if reaction.onset_label:
        text += f", {reaction.onset_label[:1].lower()}{reaction.onset_label[1:]}"
    text += "; " + (f"resolved {short_date(reaction.resolved_on)}" if reaction.resolved_on else "open")
    if reaction.note:
        text += f". {reaction.note}"
    return text


def _marks_table(marks: Sequence[HandoutMark], width: float, caption: str) -> Table:
    """The session's marks; ``caption`` (which session) heads the table again on every page it runs onto."""
    headings = ("Point", "Name", "Where (client's side)", "Needles", "Reactions")
    rows: list[list[Flowable | str]] = [
        [cell(caption, style="cell_muted"), "", "", "", ""],
        [cell(h, style="cell_bold") for h in headings],
    ]
    for mark in marks:
        name = mark.name + (f" {mark.hanzi}" if mark.hanzi else "")
        code = mark.code or (f"Free: {mark.label}" if mark.label else "Free marker")
        rows.append(
            [
                cell(code, style="cell_bold"),
                cell(name, mark.technique),
                cell(mark.where),
                cell(str(mark.needles)),
                cell("; ".join(_reaction_text(r) for r in mark.reactions) or "—"),
            ]
        )
    table = grid(rows, [20 * mm, 36 * mm, 38 * mm, 18 * mm, width - 112 * mm])
    table.repeatRows = 2
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (-1, 0)),
                ("BACKGROUND", (0, 0), (-1, 0), colors.white),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.white),
                ("TOPPADDING", (0, 0), (-1, 0), 0),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 2),
                ("LEFTPADDING", (0, 0), (-1, 0), 0),
                ("BACKGROUND", (0, 1), (-1, 1), BAND),
                ("LINEBELOW", (0, 1), (-1, 1), 0.9, ACCENT),
            ]
        )
    )
    return table


def _needle_count(session: ChartSession) -> str:
    counted_in = "—" if session.needles_in is None else str(session.needles_in)
    counted_out = "—" if session.needles_out is None else str(session.needles_out)
    verdict = {True: "counts match", False: "**MISMATCH: a safety event**", None: "not yet counted"}[
        session.needle_count_matches
    ]
    return f"{counted_in} in, {counted_out} out: {verdict}"


def _session(session: ChartSession, width: float) -> list[Flowable]:
    if session.maintenance_visit is not None:
        number = f"Maintenance visit {session.maintenance_visit}"
    else:
        number = f"Session {session.number}" if session.number is not None else "Session"
    heading = f"{number}  ·  {stamp(session.started_at)}"
    if session.duration_minutes:
        heading += f"  ·  {session.duration_minutes} min"
    header = Table([[para(heading, "h3", spaceBefore=0, spaceAfter=0)]], colWidths=[width])
    header.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), BAND),
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, ACCENT),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    signed = (
        f"{stamp(session.signed_at)} by {session.signed_by or 'unknown'}"
        if session.signed_at
        else "**NOT SIGNED**"
    )
    rows = [
        ("Course", session.course_title),
        ("Needles", _needle_count(session)),
        ("Count note", session.count_note),
        ("Ratings (0–10)", ", ".join(f"{label}: {score:g}" for label, score in session.ratings)),
        ("Notes", session.notes),
        ("Signed", signed),
    ]
    if session.late_entry:
        recorded = f", recorded {stamp(session.recorded_at)}" if session.recorded_at else ""
        rows.insert(0, ("Late entry", f"**Entered after the event{recorded}**"))
    story: list[Flowable] = [CondPageBreak(60 * mm), KeepTogether([header, gap(1.5), details(rows, width)])]
    if session.marks:
        caption = f"{number}  ·  {short_date(session.started_at)}  ·  points needled"
        story += [gap(2), _marks_table(session.marks, width, caption)]
    else:
        story.append(para("No marks recorded.", "small"))
    if session.reactions:
        story.append(para("Reactions for the whole session", "h3"))
        story += [bullet(_reaction_text(r)) for r in session.reactions]
    if session.amendments:
        story += [para("Amendments after signing", "h3"), _amendments(session.amendments, width)]
    story.append(gap(5))
    return story


def _amendments(amendments: Sequence[ChartAmendment], width: float) -> Table:
    """Each amendment: when, by whom, what changed from what to what, and why (the values get room to
    be read whole: a reaction reported late is a sentence, not a number)."""
    rows: list[list[Flowable | str]] = [
        [cell(h, style="cell_bold") for h in ("When", "By", "What changed", "Reason")]
    ]
    for amendment in amendments:
        change = (
            f"**{amendment.field_label}**\nwas: {amendment.old_value or '(empty)'}\n"
            f"now: {amendment.new_value or '(empty)'}"
        )
        rows.append(
            [
                cell(stamp(amendment.at)),
                cell(amendment.author),
                cell(change),
                cell(amendment.reason),
            ]
        )
    reason_w = (width - 58 * mm) * 0.42
    return grid(rows, [30 * mm, 28 * mm, width - 58 * mm - reason_w, reason_w])


def _audit(data: ChartExportData, width: float) -> list[Flowable]:
    audit = data.audit
    verdict = "Intact" if audit.ok else "PROBLEM FOUND: see below"
    rows = [
        ("Status", f"**{verdict}**"),
        ("Finding", audit.text),
        ("Entries checked", f"{audit.entries:,}" if audit.entries is not None else ""),
        ("Checked at", stamp(audit.checked_at) if audit.checked_at else ""),
    ]
    box = details(rows, width)
    if not audit.ok:
        box.setStyle(TableStyle([("LINEBEFORE", (0, 0), (0, -1), 3, WARN)]))
    note = para(
        "Every change to this record is kept in an append-only audit trail in which each entry is chained "
        "to the one before by a hash, so a change made outside the app would show here.",
        "small",
    )
    return [KeepTogether([para("Audit trail", "h2"), box, gap(1), note])]
