"""The chart export: a client's whole record for the practitioner, another clinician or an auditor.

Identity, intake, cautions, consents, courses and the state of the audit trail when exported, then
every session in full (marks, reactions, needle counts, ratings, notes, signature, amendments, late
entries). The audit trail is read first, so it is on the first pages, never alone on the last.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, TableStyle

from acuchart.reports.chart_sessions import session_story
from acuchart.reports.data_record import ChartExportData
from acuchart.reports.layout import WARN, bullet, cell, gap, para
from acuchart.reports.pages import build_pdf, frame_width
from acuchart.reports.photo_pages import photo_consent_story, photo_listing_story
from acuchart.reports.tables import details, facts, grid
from acuchart.reports.wording import date_text, moment_text

SIDE_NOTE = "Sides are the client's own: \"left\" is the client's left."


def build_chart_export(data: ChartExportData, out: Path | BinaryIO) -> None:
    """Write the chart export for ``data`` to ``out`` (a path or a binary file) as archival PDF (PDF/A-2b)."""
    client = data.client.full_name
    build_pdf(
        out,
        data.practice,
        chart_export_story(data),
        title=f"Clinical record: {client}",
        running_title=f"Clinical record  ·  {client}"
        + (f"  ·  {data.client.record_id}" if data.client.record_id else ""),
        subject="Cosmetic acupuncture clinical record (chart export)",
        archival=True,
    )


def chart_export_story(data: ChartExportData) -> list[Flowable]:
    """The export's content, top to bottom."""
    width = frame_width(data.practice)
    client = data.client
    exported = f"Exported {moment_text(data.generated_at)}" + (
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
                ("Date of birth", date_text(client.date_of_birth) if client.date_of_birth else "—"),
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
                ("Date of birth", date_text(client.date_of_birth) if client.date_of_birth else ""),
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
        *photo_consent_story(data.photo_consent, width),
        *_courses(data, width),
        *_audit(data, width),
    ]
    lead = [
        para("Sessions", "h2"),
        para(f"{len(data.sessions)} sessions, oldest first. {SIDE_NOTE}", "small"),
    ]
    for index, session in enumerate(data.sessions):
        story += session_story(session, width, lead if index == 0 else ())
    if not data.sessions:
        story += [*lead, para("No sessions are recorded.")]
    story += photo_listing_story(data.photos, width)
    return story


def _cautions(data: ChartExportData, width: float) -> list[Flowable]:
    cautions = data.cautions
    reviewed = date_text(cautions.reviewed_on) if cautions.reviewed_on else "Never reviewed"
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
        status = f"Withdrawn {date_text(consent.withdrawn_on)}" if consent.withdrawn_on else "In force"
        rows.append(
            [
                cell(date_text(consent.given_on)),
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
                cell(date_text(course.started_on) if course.started_on else "—"),
                cell(course.status.capitalize() or "—"),
            ]
        )
    widths = [36 * mm, width - 130 * mm, 18 * mm, 20 * mm, 26 * mm, 30 * mm]
    return [para("Courses", "h2"), grid(rows, widths)]


def _audit(data: ChartExportData, width: float) -> list[Flowable]:
    audit = data.audit
    verdict = "Intact" if audit.ok else "PROBLEM FOUND: see below"
    rows = [
        ("Status", f"**{verdict}**"),
        ("Finding", audit.text),
        ("Entries checked", f"{audit.entries:,}" if audit.entries is not None else ""),
        ("Checked at", moment_text(audit.checked_at) if audit.checked_at else ""),
        ("Anchor", audit.anchor),
    ]
    box = details(rows, width)
    if not audit.ok:
        box.setStyle(TableStyle([("LINEBEFORE", (0, 0), (0, -1), 3, WARN)]))
    anchored = (
        " The anchor is the newest entry's number and hash as this export was made; keep it: "
        f"**main.py check --anchor {audit.anchor}** tells later whether any entry up to it was rewritten."
        if audit.anchor
        else ""
    )
    note = para(
        "Every change to this record is kept in an append-only audit trail in which each entry is chained "
        f"to the one before by a hash, so a change made outside the app would show here.{anchored}",
        "small",
    )
    return [KeepTogether([para("Audit trail", "h2"), box, gap(1), note])]
