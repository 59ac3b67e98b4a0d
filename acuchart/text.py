"""Checks shared by every form: text that is safe to store, dates that make sense."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from acuchart.i18n import _

SHORT_TEXT = 200
LONG_TEXT = 20_000

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text: str | None) -> str:
    """Text as it will be stored: NFC-normalised, stray control characters removed, ends trimmed.

    Any script is welcome (accents, hanzi, right-to-left names, emoji); only invisible control
    characters that would corrupt a printout are dropped.
    """
    if text is None:
        return ""
    return _CONTROL.sub("", unicodedata.normalize("NFC", str(text))).strip()


def check_length(problems: dict[str, str], field: str, value: str, limit: int, label: str) -> None:
    """Add a message for ``field`` when ``value`` is longer than ``limit`` characters."""
    if len(value) > limit:
        problems[field] = _(
            "{label} is {value:,} characters long; the most it can hold is {limit:,}. Shorten it, or keep long documents outside the chart."
        ).format(label=label, value=len(value), limit=limit)


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """A date from ISO text (2024-03-05) or a date; None for empty. Raises ValueError otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    text = value.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def fold(text: str) -> str:
    """Lower-case text without accents, for matching what a person types."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
