"""The README that travels with every export: what each file holds, what each column means, the words used.

Written from :data:`acuchart.export.kinds.KINDS` and the practice's vocabularies, so it always describes
the files beside it.
"""

from __future__ import annotations

from collections.abc import Mapping

from acuchart.catalogue import VIEWS
from acuchart.export.kinds import KINDS, NOT_EXPORTED, RecordKind
from acuchart.i18n import Labels
from acuchart.models import (
    CAUTION_FLAGS,
    CONCERNS,
    CONSENT_METHODS,
    COURSE_STATUSES,
    ONSETS,
    REACTION_KINDS_AT_POINT,
    REACTION_KINDS_SESSION,
    SEVERITIES,
)

FORMAT_NAME = "AcuChart open data"
FORMAT_VERSION = 1

_FORMS = {
    "integer": "whole number",
    "number": "decimal number",
    "text": "text",
    "date": "date (YYYY-MM-DD)",
    "datetime": "date and time (YYYY-MM-DDTHH:MM:SS)",
    "boolean": "1 or 0 (JSON: true or false)",
    "list": 'words separated by "; " (JSON: an array)',
    "json": "JSON text (JSON: the value itself)",
}


def _kind_section(kind: RecordKind, rows: int | None) -> list[str]:
    counted = f" ({rows:,} rows)" if rows is not None else ""
    lines = [
        f"### {kind.title}: `csv/{kind.file_stem}.csv`, `json/{kind.file_stem}.json`{counted}",
        "",
        kind.description,
        "",
        "| column | holds | meaning |",
        "|---|---|---|",
    ]
    lines += [f"| `{c.name}` | {_FORMS[c.form]} | {c.meaning} |" for c in kind.columns]
    left_out = [
        (k.split(".", 1)[1], why) for k, why in NOT_EXPORTED.items() if k.startswith(kind.table + ".")
    ]
    if left_out:
        lines.append("")
        lines += [f"Left out: `{name}`, {why}." for name, why in left_out]
    return [*lines, ""]


def _vocabulary(title: str, pairs: Labels | tuple[tuple[str, str], ...]) -> list[str]:
    # The export is read by programs and other systems: its words stay in English, whatever the app speaks.
    english = [(key, pairs.source(key)) for key in pairs.codes()] if isinstance(pairs, Labels) else pairs
    return [f"**{title}**: " + "; ".join(f"`{key}` {label}" for key, label in english) + ".", ""]


def readme_text(practice_name: str, exported_at: str, counts: Mapping[str, int] | None = None) -> str:
    """The README of an export of ``practice_name`` made at ``exported_at``, with each kind's row count."""
    counts = counts or {}
    lines = [
        f"# {practice_name or 'AcuChart practice'}: the practice's records in open formats",
        "",
        f"Exported by AcuChart on {exported_at} (local time). Format: {FORMAT_NAME}, version {FORMAT_VERSION}.",
        "",
        "Everything the practice has recorded is here, one file per kind of record, twice: as CSV in",
        "`csv/` (for a spreadsheet) and as JSON in `json/` (for a program). `manifest.json` lists the",
        "files and how many records each holds. Nothing else is needed to read them.",
        "",
        "## Conventions",
        "",
        "- Text is UTF-8. The CSV files start with a byte-order mark so that spreadsheet programs",
        "  read accents and other scripts correctly; in Python open them with `encoding='utf-8-sig'`.",
        "- CSV: comma-separated, fields with commas, quotes or line breaks in double quotes, one header row.",
        "- Dates are YYYY-MM-DD; times are YYYY-MM-DDTHH:MM:SS in the practice's local time.",
        "- An empty CSV field (JSON `null`) means nothing was recorded.",
        "- Every record has a stable id: it never changes and is never given to another record, so",
        "  files link by id (`sessions.client_id` is a `clients.id`) and a later export uses the same ids.",
        "- Signed sessions are as they were signed. Every later change is a row of `amendments`, and",
        "  every change of any kind is an entry of `audit`.",
        "- Sides are always the client's own left and right.",
        "",
        "## Files",
        "",
    ]
    for kind in KINDS:
        lines += _kind_section(kind, counts.get(kind.name))
    lines += [
        "## Words used",
        "",
        *_vocabulary("Concerns", CONCERNS),
        *_vocabulary("Cautions", CAUTION_FLAGS),
        *_vocabulary("Reactions at a point", REACTION_KINDS_AT_POINT),
        *_vocabulary("Reactions of the whole session", REACTION_KINDS_SESSION),
        f"**Severities**: {', '.join(SEVERITIES)}.",
        "",
        *_vocabulary("Onsets", ONSETS),
        f"**Course statuses**: {', '.join(COURSE_STATUSES)}.",
        "",
        *_vocabulary("Consent methods", CONSENT_METHODS),
        *_vocabulary("Diagrams (views)", tuple((name, view.title) for name, view in VIEWS.items())),
        "**Point codes** follow the WHO Standard Acupuncture Nomenclature, written without a space",
        "(ST2, TE23, EX-HN3). Points outside the WHO list have codes of the form `AC-<region><n>`.",
        "",
    ]
    return "\n".join(lines)
