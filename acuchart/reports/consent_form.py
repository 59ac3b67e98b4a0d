"""The consent form to print and sign: the consent text, its version, and lines for both signatures."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, TableStyle

from acuchart.reports.data import ConsentFormData
from acuchart.reports.layout import INK, cell, gap, para, template_story
from acuchart.reports.pages import build_pdf, frame_width
from acuchart.reports.photo_pages import photo_consent_form_story
from acuchart.reports.tables import facts, table_of
from acuchart.reports.texts import fill
from acuchart.reports.wording import date_text


def build_consent_form(data: ConsentFormData, out: Path | BinaryIO) -> None:
    """Write the consent form for ``data`` to ``out`` (a path or a binary file) as archival PDF (PDF/A-2b)."""
    tr = data.language
    build_pdf(
        out,
        data.practice,
        consent_form_story(data),
        title=tr.gettext("Consent form: {client_name}").format(client_name=data.client_name),
        running_title=tr.gettext("Consent form  ·  {client_name}  ·  version {text_version}").format(
            client_name=data.client_name, text_version=data.text_version
        ),
        subject=tr.gettext("Consent to cosmetic acupuncture, text version {text_version}").format(
            text_version=data.text_version
        ),
        archival=True,
        language=tr,
    )


def consent_form_story(data: ConsentFormData) -> list[Flowable]:
    """The form's content, top to bottom."""
    tr = data.language
    width = frame_width(data.practice)
    values = {**data.practice.placeholders, "client_name": data.client_name}
    story: list[Flowable] = [
        para(tr.gettext("Consent to cosmetic acupuncture"), "title"),
        para(
            tr.gettext("Please read this form and ask about anything that is unclear before you sign it."),
            "lead",
        ),
        facts(
            [
                (tr.gettext("Client"), data.client_name),
                (
                    tr.gettext("Date of birth"),
                    date_text(data.date_of_birth, tr) if data.date_of_birth else "—",
                ),
                (
                    tr.gettext("Consent text"),
                    tr.gettext("Version {text_version}").format(text_version=data.text_version)
                    if data.text_version
                    else "—",
                ),
            ],
            width,
        ),
        gap(1),
        *template_story(fill(data.consent_text, values)),
        *photo_consent_form_story(data.photo_consent, width, tr),
        gap(4),
        _signatures(data, width),
    ]
    printed = tr.gettext("Consent text version {version}").format(
        version=data.text_version or tr.gettext("not stated")
    )
    if data.printed_on:
        printed += tr.gettext("  ·  printed {date_text}").format(date_text=date_text(data.printed_on, tr))
    story += [gap(3), para(printed, "small")]
    return story


def _signatures(data: ConsentFormData, width: float) -> Flowable:
    tr = data.language
    practitioner = data.practice.practitioner_name
    if data.practice.licence_number:
        practitioner += tr.gettext(", licence no. {licence_number}").format(
            licence_number=data.practice.licence_number
        )
    date_w = 45 * mm
    sign_w = width - date_w - 8 * mm
    rows = [
        [
            cell(tr.gettext("Client's signature"), style="cell_muted"),
            "",
            cell(tr.gettext("Date"), style="cell_muted"),
        ],
        [cell(data.client_name, style="cell_bold"), "", ""],
        ["", "", ""],
        [
            cell(tr.gettext("Practitioner's signature"), style="cell_muted"),
            "",
            cell(tr.gettext("Date"), style="cell_muted"),
        ],
        [cell(practitioner, style="cell_bold"), "", ""],
    ]
    table = table_of(rows, colWidths=[sign_w, 8 * mm, date_w], rowHeights=[34, 18, 16, 34, 18])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (0, 0), 0.8, INK),
                ("LINEBELOW", (2, 0), (2, 0), 0.8, INK),
                ("LINEBELOW", (0, 3), (0, 3), 0.8, INK),
                ("LINEBELOW", (2, 3), (2, 3), 0.8, INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return KeepTogether([para(tr.gettext("Signatures"), "h2"), table])
