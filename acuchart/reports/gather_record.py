"""Filling the record documents from the practice: the chart export and the consent form.

The chart export prints each session as it was signed, then its amendments (who, when, why, old and
new value), so an auditor can read both; reactions at a point sit on their mark, and the audit trail
is checked as the export is made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from acuchart import clock
from acuchart.i18n import ENGLISH, Language
from acuchart.models import CAUTION_LABELS, Amendment, Client, SessionSummary
from acuchart.practice import Practice
from acuchart.reports.data import ConsentFormData
from acuchart.reports.data_record import (
    AuditStatus,
    ChartAmendment,
    ChartCautions,
    ChartClient,
    ChartConsent,
    ChartCourse,
    ChartExportData,
    ChartIntake,
    ChartSession,
)
from acuchart.reports.gather import (
    concern_label,
    concern_labels,
    course_name,
    practice_header,
    practice_texts,
)
from acuchart.reports.gather_marks import entered_late, handout_marks, reactions_not_at_marks, record_entries
from acuchart.reports.photo_gather import photo_consent_lines, photo_lines
from acuchart.reports.texts import consent_text
from acuchart.reports.wording import date_text
from acuchart.storage import reports as rows


def record_number(client: Client, tr: Language = ENGLISH) -> str:
    """How a printed record names the client's file: "No. 42" (the id the command line takes)."""
    return tr.gettext("No. {id}").format(id=client.id)


def audit_status(practice: Practice, at: dt.datetime | None = None, tr: Language = ENGLISH) -> AuditStatus:
    """The state of the practice's audit trail, checked now."""
    report = practice.verify_audit()
    if report.ok:
        text = tr.gettext(
            "Audit trail intact: all {entries:,} entries are present, in order and unaltered since they were written."
        ).format(entries=report.entries)
    else:
        text = tr.gettext("{summary}. Keep this export and ask for support.").format(summary=report.summary)
    return AuditStatus(ok=report.ok, text=text, entries=report.entries, checked_at=at or clock.now())


def _amendment(amendment: Amendment, label: str) -> ChartAmendment:
    return ChartAmendment(
        field_label=amendment.field_label,
        old_value=amendment.old_value or "",
        new_value=amendment.new_value or "",
        reason=amendment.reason,
        author=amendment.author,
        at=amendment.at,
        label=label,
    )


@dataclass(frozen=True)
class _Amended:
    """A session's amendments, labelled A1, A2... in order, and which values each changed."""

    amendments: tuple[ChartAmendment, ...] = ()
    records: dict[tuple[str, int], tuple[str, ...]] = field(default_factory=dict)
    fields: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _amended(practice: Practice, summary: SessionSummary, tr: Language = ENGLISH) -> _Amended:
    if not summary.amendments:
        return _Amended()
    stored = practice.signing.amendments_for(summary.id)
    records: dict[tuple[str, int], tuple[str, ...]] = {}
    fields: dict[str, tuple[str, ...]] = {}
    for number, amendment in enumerate(stored, start=1):
        label = f"A{number}"
        if amendment.entity in ("marks", "reactions") and amendment.entity_id is not None:
            key = (amendment.entity, amendment.entity_id)
            records[key] = (*records.get(key, ()), label)
        elif amendment.entity == "sessions":
            fields[amendment.field] = (*fields.get(amendment.field, ()), label)
        elif amendment.entity == "ratings":
            name = f"rating:{concern_label(amendment.field, tr)}"
            fields[name] = (*fields.get(name, ()), label)
    labelled = tuple(_amendment(a, f"A{n}") for n, a in enumerate(stored, start=1))
    return _Amended(labelled, records, fields)


def _stamp(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def _sessions(practice: Practice, client_id: int, tr: Language = ENGLISH) -> tuple[ChartSession, ...]:
    """Every session of the client in full, oldest first, as signed, with amendments after."""
    history = sorted(practice.followups.client_history(client_id), key=lambda s: (s.started_at, s.id))
    entered = rows.session_entries(practice.store, client_id)
    entries = record_entries(practice, client_id)
    signed_scores: dict[int, list[tuple[str, float]]] = {}
    for row in rows.signed_ratings(practice.store, client_id):
        signed_scores.setdefault(int(row["session_id"]), []).append(
            (concern_label(row["concern"], tr), float(row["score"]))
        )
    courses = {course.id: course for course in practice.courses.courses_for(client_id)}
    catalogue = practice.catalogue
    sessions = []
    for summary in history:
        chart = practice.sessions.load(summary.id)
        session = chart.session
        recorded_at = _stamp(entered.get(session.id))
        amended = _amended(practice, summary, tr=tr)
        marks = handout_marks(
            catalogue, chart, replace(entries, amended=amended.records), for_client=False, tr=tr
        )
        course = courses.get(session.course_id) if session.course_id is not None else None
        sessions.append(
            ChartSession(
                started_at=session.started_at,
                number=summary.number,
                maintenance_visit=summary.maintenance_visit,
                course_title=tr.gettext("{course_name} · from {date_text}").format(
                    course_name=course_name(course, tr), date_text=date_text(course.start_date, tr)
                )
                if course
                else "",
                duration_minutes=session.duration_min,
                marks=marks,
                reactions=reactions_not_at_marks(
                    practice, chart, replace(entries, amended=amended.records), for_client=False, tr=tr
                ),
                needles_in=chart.needles_inserted,
                needles_out=session.needles_removed,
                count_note=session.count_note,
                ratings=tuple(signed_scores.get(session.id, ())),
                notes=session.notes,
                signed_at=session.signed_at,
                signed_by=session.signed_by,
                amendments=amended.amendments,
                amended=amended.fields,
                # The session's own lateness: a reaction reported late is late on its own line.
                late_entry=entered_late(session.started_at, recorded_at, session.late_entry),
                recorded_at=recorded_at,
            )
        )
    return tuple(sessions)


def chart_export_data(
    practice: Practice,
    client_id: int,
    purpose: str = "",
    at: dt.datetime | None = None,
    tr: Language = ENGLISH,
) -> ChartExportData:
    """A client's whole record: identity, intake, cautions, consents, courses, every session, the audit.

    Raises:
        NotFoundError: no client has this id.
    """
    client = practice.clients.get(client_id)
    record = practice.client_record(client_id)
    now = at or clock.now()
    return ChartExportData(
        practice=practice_header(practice),
        client=ChartClient(
            full_name=client.full_name,
            record_id=record_number(client, tr=tr),
            preferred_name=client.preferred_name,
            date_of_birth=client.date_of_birth,
            phone=client.phone,
            email=client.email,
            address=client.address,
            archived=client.archived,
        ),
        intake=ChartIntake(
            concerns=concern_labels(client.concerns, tr=tr), skin_notes=client.skin_notes, goals=client.goals
        ),
        cautions=ChartCautions(
            flags=tuple(CAUTION_LABELS.get(flag, flag) for flag in client.caution_flags),
            notes=client.caution_notes,
            reviewed_on=client.cautions_reviewed_on,
            review_overdue=record.caution_review.due,
        ),
        consents=tuple(
            ChartConsent(
                given_on=consent.given_on,
                text_version=consent.text_version,
                how_obtained=consent.method_label,
                recorded_by=consent.recorded_by,
                note=consent.note,
            )
            for consent in sorted(record.consents, key=lambda c: (c.given_on, c.id))
        ),
        courses=tuple(
            ChartCourse(
                title=course_name(overview.course, tr),
                concerns=concern_labels(overview.course.concerns, tr=tr),
                planned_sessions=overview.course.planned_sessions,
                interval_days=overview.course.interval_days,
                started_on=overview.course.start_date,
                status=overview.course.status_label,
            )
            for overview in sorted(record.courses, key=lambda o: (o.course.start_date, o.course.id))
        ),
        sessions=_sessions(practice, client_id, tr=tr),
        audit=audit_status(practice, now, tr=tr),
        generated_at=now,
        generated_by=practice.settings.get().practitioner_name,
        purpose=purpose,
        photos=photo_lines(practice, client_id, tr=tr),
        photo_consent=photo_consent_lines(practice, client_id, tr=tr),
        language=tr,
    )


def consent_form_data(
    practice: Practice, client_id: int, today: dt.date | None = None, tr: Language = ENGLISH
) -> ConsentFormData:
    """The consent form for a client to read and sign, in the practice's current consent text.

    The version printed is the practice's consent text version (the one a consent recorded today
    carries); the text's own ``Version:`` line is used only when the practice has none.

    Raises:
        NotFoundError: no client has this id.
    """
    client = practice.clients.get(client_id)
    text_version, text = consent_text(practice_texts(practice, tr))
    return ConsentFormData(
        practice=practice_header(practice),
        client_name=client.full_name,
        consent_text=text,
        text_version=practice.settings.get().consent_text_version or text_version,
        date_of_birth=client.date_of_birth,
        printed_on=today or clock.today(),
        photo_consent=photo_consent_lines(practice, client_id, tr=tr),
        language=tr,
    )
