"""The recovery key page: one sheet to print when a practice is protected, and keep somewhere safe.

It carries the key in fourteen numbered groups large enough to read back without mistakes, which
practice file it opens, when it was made, how to use it, and the warning that matters: without the
passphrase and without this page, nobody can open the records, AcuChart's makers included. It prints in
the practice's document language, as the clinical record does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable, KeepTogether, TableStyle

from acuchart.i18n import ENGLISH, Language
from acuchart.reports.data import PracticeHeader
from acuchart.reports.layout import ACCENT, INK, RULE, SOFT, bullet, gap, para
from acuchart.reports.pages import build_pdf, frame_width
from acuchart.reports.tables import facts, table_of
from acuchart.reports.wording import date_text

GROUPS_PER_ROW = 5


@dataclass(frozen=True)
class RecoveryKeyData:
    """What the recovery key page shows."""

    practice: PracticeHeader
    file_name: str
    """The practice file the key opens, by name (``practice.acuchart``)."""
    folder: str
    """Where that file was when the key was made."""
    recovery_key: str
    """The key in groups joined by hyphens (:func:`acuchart.protection.recovery.format_recovery_key`)."""
    key_id: str
    made_on: dt.date
    """The day the key was made."""
    language: Language = ENGLISH
    """The language the page is printed in (the practice's)."""


def build_recovery_key(data: RecoveryKeyData, out: Path | BinaryIO) -> None:
    """Write the recovery key page for ``data`` to ``out`` (a path or a binary file)."""
    tr = data.language
    build_pdf(
        out,
        data.practice,
        recovery_key_story(data),
        title=tr.gettext("Recovery key: {file}").format(file=data.file_name),
        running_title=tr.gettext("Recovery key  ·  {file}").format(file=data.file_name),
        subject=tr.gettext("The key that opens a protected AcuChart practice without its passphrase"),
        language=tr,
    )


def recovery_key_story(data: RecoveryKeyData) -> list[Flowable]:
    """The page's content, top to bottom."""
    tr = data.language
    width = frame_width(data.practice)
    return [
        para(tr.gettext("Recovery key"), "title"),
        para(
            tr.gettext(
                "This key opens the practice's records if the passphrase is forgotten or the key file beside the "
                "practice is lost. Keep this page somewhere safe and private, such as a locked drawer or a safe, "
                "away from the computer."
            ),
            "lead",
        ),
        facts(
            [
                (tr.gettext("Practice file"), data.file_name),
                (tr.gettext("Made"), date_text(data.made_on, tr)),
                (tr.gettext("Key id"), data.key_id),
            ],
            width,
        ),
        gap(1),
        para(tr.gettext("Kept at {folder} when the key was made.").format(folder=data.folder), "small"),
        gap(5),
        _key_table(data.recovery_key, width),
        gap(3),
        para(
            tr.gettext(
                "Letters are capitals; the key uses no I, L, O or U, so every 1 is a one and every 0 a zero. "
                "The last group checks the others: a typing mistake is caught before anything is opened."
            ),
            "small",
        ),
        KeepTogether(
            [
                para(tr.gettext("To open the practice with this key"), "h2"),
                bullet(
                    tr.gettext(
                        "Start AcuChart and choose the practice file. When it asks for the passphrase, choose "
                        "**Use the recovery key** and type the groups in order (spaces and hyphens do not matter)."
                    )
                ),
                bullet(
                    tr.gettext(
                        "AcuChart then asks for a new passphrase. The records and this key stay as they were."
                    )
                ),
                bullet(
                    tr.gettext(
                        "On the command line: **acuchart --db FILE change-passphrase --recovery-key** "
                        "(or **python main.py** in place of **acuchart**)."
                    )
                ),
            ]
        ),
        KeepTogether(
            [
                para(tr.gettext("Please read"), "h2"),
                para(
                    tr.gettext(
                        "**Without the passphrase and without this key, the records cannot be opened by anyone**: "
                        "not by you, not by a computer repair shop, not by AcuChart's makers. There is no back door. "
                        "Anyone who holds this page and the practice file can read every record, so keep it as you "
                        "would keep the records themselves."
                    ),
                ),
                para(
                    tr.gettext(
                        "Changing the passphrase does not change this key. Backups of the practice open with it too."
                    ),
                ),
            ]
        ),
    ]


def _key_table(recovery_key: str, width: float) -> Flowable:
    groups = recovery_key.split("-")
    rows: list[list[Flowable | str]] = []
    for start in range(0, len(groups), GROUPS_PER_ROW):
        chunk = groups[start : start + GROUPS_PER_ROW]
        rows.append([para(str(start + i + 1), "label", alignment=1) for i in range(len(chunk))])
        rows.append([para(group, "title", fontSize=20, leading=24, alignment=1) for group in chunk])
    column = width / GROUPS_PER_ROW
    table = table_of(rows, colWidths=[column] * GROUPS_PER_ROW)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), SOFT),
                ("BOX", (0, 0), (-1, -1), 1.2, ACCENT),
                *(("LINEBELOW", (0, row), (-1, row), 0.6, RULE) for row in range(1, len(rows) - 1, 2)),
                ("LINEBEFORE", (1, 0), (-1, -1), 0.4, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 1),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ]
        )
    )
    return table
