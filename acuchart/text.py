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


class DateDoesNotExistError(ValueError):
    """A date written the right way that names no day of the calendar ("1985-02-30")."""

    def __init__(self, year: int, month: int, day: int) -> None:
        self.year, self.month, self.day = year, month, day
        super().__init__(f"{year:04d}-{month:02d}-{day:02d}")


_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """A date from ISO text (2024-03-05) or a date; None for empty.

    Only year-month-day is read: "03/05/2024" is the 3rd of May in one country and March the 5th in
    another, so forms take dates from a calendar control (or ISO text) and never guess the order.

    Raises:
        DateDoesNotExistError: the text is a date in the right form that the calendar lacks ("1985-02-30").
        ValueError: the text is not a date written as YYYY-MM-DD.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    text = value.strip()
    match = _ISO_DATE.match(text)
    if match is None:
        raise ValueError(text)
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateDoesNotExistError(year, month, day) from None


def date_problem(label: str, error: ValueError) -> str:
    """What a form says about a date it could not read: that the day does not exist, or how to write it."""
    if isinstance(error, DateDoesNotExistError):
        if 1 <= error.month <= 12:
            from acuchart.dates import month_names

            named = _("{day} {month} {year}").format(
                day=error.day, month=month_names()[error.month - 1], year=error.year
            )
            return _("{label}: {date} does not exist. Check the day and the month.").format(
                label=label, date=named
            )
        return _("{label}: there is no month {month}. Check the day and the month.").format(
            label=label, month=error.month
        )
    return _("{label}: write the date as YYYY-MM-DD, for example 1984-03-25.").format(label=label)


def fold(text: str) -> str:
    """Lower-case text without accents, for matching what a person types."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
