"""The small rules the clinical-record services share: dates, whole numbers, where a mark is, one error for all problems."""

from __future__ import annotations

import calendar
import datetime as dt

from acuchart import clock
from acuchart.errors import ValidationError
from acuchart.i18n import _


def today_or(on: dt.date | None) -> dt.date:
    """``on``, or today by the practice clock."""
    return on if on is not None else clock.today()


def whole_number(
    problems: dict[str, str], field: str, value: object, low: int, high: int, message: str
) -> int:
    """A whole number from ``low`` to ``high`` (text of digits accepted, as typed in a form)."""
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        problems[field] = message
        return low
    return value


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, kept inside the month (31 Jan + 1 month = 28 or 29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def place_of(code: str | None, side: str | None, label: str | None) -> str:
    """Where a mark is, as the practitioner says it: ``left ST2``, ``CV24``, or a free marker's label."""
    if code:
        if side == "left":
            return _("left {code}").format(code=code)
        if side == "right":
            return _("right {code}").format(code=code)
        return code
    return label or _("free marker")


def raise_if(problems: dict[str, str]) -> None:
    """Raise one :class:`ValidationError` naming every problem, if there are any."""
    if problems:
        raise ValidationError(problems)
