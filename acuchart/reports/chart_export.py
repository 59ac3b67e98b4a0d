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

from acuchart.i18n import N_
from acuchart.reports.chart_sessions import session_story
from acuchart.reports.data_record import ChartExportData
from acuchart.reports.layout import WARN, bullet, cell, gap, para
from acuchart.reports.pages import build_pdf, frame_width
from acuchart.reports.photo_pages import photo_consent_story, photo_listing_story
from acuchart.reports.tables import details, facts, grid
from acuchart.reports.wording import date_text, moment_text

SIDE_NOTE = N_("Sides are the client's own: \"left\" is the client's left.")


def build_chart_export(data: ChartExportData, out: Path | BinaryIO) -> None:
    """Write the chart export for ``data`` to ``out`` (a path or a binary file) as archival PDF (PDF/A-2b)."""
    tr = data.language
    client = data.client.full_name
    build_pdf(
        out,
        data.practice,
        chart_export_story(data),
        title=tr.gettext("Clinical record: {client}").format(client=client),
        running_title=tr.gettext("Clinical record  ·  {client}").format(client=client)
        + (f"  ·  {data.client.record_id}" if data.client.record_id else ""),
        subject=tr.gettext("Cosmetic acupuncture clinical record (chart export)"),
        archival=True,
        language=tr,
    )


def chart_export_story(data: ChartExportData) -> list[Flowable]:
    """The export's content, top to bottom."""
    tr = data.language
    width = frame_width(data.practice)
    client = data.client
    exported = tr.gettext("Exported {moment_text}").format(moment_text=moment_text(data.generated_at, tr)) + (
        tr.gettext(" by {generated_by}").format(generated_by=data.generated_by) if data.generated_by else ""
    )
    if data.purpose:
        exported += tr.gettext(". Purpose: {purpose}").format(purpose=data.purpose)
    story: list[Flowable] = [
        para(tr.gettext("Clinical record"), "title"),
        para(exported if exported.endswith(".") else exported + ".", "lead"),
        facts(
            [
                (tr.gettext("Client"), client.full_name),
                (tr.gettext("Record"), client.record_id or "—"),
                (
                    tr.gettext("Date of birth"),
                    date_text(client.date_of_birth, tr) if client.date_of_birth else "—",
                ),
                (tr.gettext("Sessions"), str(len(data.sessions))),
                (
                    tr.gettext("Audit trail"),
                    tr.gettext("Intact") if data.audit.ok else tr.gettext("PROBLEM FOUND"),
                ),
            ],
            width,
        ),
        para(tr.gettext("Client"), "h2"),
        details(
            [
                (tr.gettext("Name"), client.full_name),
                (tr.gettext("Preferred name"), client.preferred_name),
                (
                    tr.gettext("Date of birth"),
                    date_text(client.date_of_birth, tr) if client.date_of_birth else "",
                ),
                (tr.gettext("Phone"), client.phone),
                (tr.gettext("Email"), client.email),
                (tr.gettext("Address"), client.address),
                (
                    tr.gettext("Record status"),
                    tr.gettext("Archived") if client.archived else tr.gettext("Active"),
                ),
            ],
            width,
        ),
        para(tr.gettext("Intake"), "h2"),
        details(
            [
                (tr.gettext("Concerns"), ", ".join(data.intake.concerns)),
                (tr.gettext("Skin notes"), data.intake.skin_notes),
                (tr.gettext("Goals"), data.intake.goals),
            ],
            width,
        ),
        *_cautions(data, width),
        *_consents(data, width),
        *photo_consent_story(data.photo_consent, width, tr=tr),
        *_courses(data, width),
        *_audit(data, width),
    ]
    lead = [
        para(tr.gettext("Sessions"), "h2"),
        para(
            tr.gettext("{sessions} sessions, oldest first. {SIDE_NOTE}").format(
                sessions=len(data.sessions), SIDE_NOTE=tr.gettext(SIDE_NOTE)
            ),
            "small",
        ),
    ]
    for index, session in enumerate(data.sessions):
        story += session_story(session, width, lead if index == 0 else (), tr=tr)
    if not data.sessions:
        story += [*lead, para(tr.gettext("No sessions are recorded."))]
    story += photo_listing_story(data.photos, width, tr=tr)
    return story


def _cautions(data: ChartExportData, width: float) -> list[Flowable]:
    tr = data.language
    cautions = data.cautions
    reviewed = date_text(cautions.reviewed_on, tr) if cautions.reviewed_on else tr.gettext("Never reviewed")
    if cautions.review_overdue:
        reviewed += tr.gettext(" (review overdue)")
    story: list[Flowable] = [para(tr.gettext("Cautions"), "h2")]
    if cautions.flags:
        story += [bullet(f"**{flag}**") for flag in cautions.flags]
    else:
        story.append(para(tr.gettext("No caution flags recorded.")))
    story.append(
        details([(tr.gettext("Notes"), cautions.notes), (tr.gettext("Last reviewed"), reviewed)], width)
    )
    return story


def _consents(data: ChartExportData, width: float) -> list[Flowable]:
    tr = data.language
    story: list[Flowable] = [para(tr.gettext("Consent"), "h2")]
    if not data.consents:
        return [*story, para(tr.gettext("**No consent is on file.**"), textColor=WARN)]
    rows: list[list[Flowable | str]] = [
        [
            cell(h, style="cell_bold")
            for h in (
                tr.gettext("Given on"),
                tr.gettext("Text version"),
                tr.gettext("How obtained"),
                tr.gettext("Recorded by"),
                tr.gettext("Status"),
            )
        ]
    ]
    for consent in data.consents:
        status = (
            tr.gettext("Withdrawn {date_text}").format(date_text=date_text(consent.withdrawn_on, tr))
            if consent.withdrawn_on
            else tr.gettext("In force")
        )
        rows.append(
            [
                cell(date_text(consent.given_on, tr)),
                cell(consent.text_version),
                cell(consent.how_obtained, consent.note),
                cell(consent.recorded_by),
                cell(status),
            ]
        )
    story.append(grid(rows, [28 * mm, 24 * mm, width - 110 * mm, 32 * mm, 26 * mm]))
    return story


def _courses(data: ChartExportData, width: float) -> list[Flowable]:
    tr = data.language
    if not data.courses:
        return []
    rows: list[list[Flowable | str]] = [
        [
            cell(h, style="cell_bold")
            for h in (
                tr.gettext("Course"),
                tr.gettext("Concerns"),
                tr.gettext("Planned"),
                tr.gettext("Interval"),
                tr.gettext("Started"),
                tr.gettext("Status"),
            )
        ]
    ]
    for course in data.courses:
        rows.append(
            [
                cell(course.title),
                cell(", ".join(course.concerns)),
                cell(str(course.planned_sessions) if course.planned_sessions else "—"),
                cell(
                    tr.gettext("{interval_days} days").format(interval_days=course.interval_days)
                    if course.interval_days
                    else "—"
                ),
                cell(date_text(course.started_on, tr) if course.started_on else "—"),
                cell(course.status.capitalize() or "—"),
            ]
        )
    widths = [36 * mm, width - 130 * mm, 18 * mm, 20 * mm, 26 * mm, 30 * mm]
    return [para(tr.gettext("Courses"), "h2"), grid(rows, widths)]


def _audit(data: ChartExportData, width: float) -> list[Flowable]:
    tr = data.language
    audit = data.audit
    verdict = tr.gettext("Intact") if audit.ok else tr.gettext("PROBLEM FOUND: see below")
    rows = [
        (tr.gettext("Status"), f"**{verdict}**"),
        (tr.gettext("Finding"), audit.text),
        (tr.gettext("Entries checked"), f"{audit.entries:,}" if audit.entries is not None else ""),
        (tr.gettext("Checked at"), moment_text(audit.checked_at, tr) if audit.checked_at else ""),
    ]
    box = details(rows, width)
    if not audit.ok:
        box.setStyle(TableStyle([("LINEBEFORE", (0, 0), (0, -1), 3, WARN)]))
    note = para(
        tr.gettext(
            "Every change to this record is kept in an append-only audit trail in which each entry is chained "
            "to the one before by a hash, so a change made outside the app would show here."
        ),
        "small",
    )
    return [KeepTogether([para(tr.gettext("Audit trail"), "h2"), box, gap(1), note])]
