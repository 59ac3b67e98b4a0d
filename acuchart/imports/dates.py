"""Dates as another system wrote them: which order (day first, month first, year first), and when to ask.

A column of dates is read under each order. When only one order reads the values, that is the file's
order (the others are impossible, not merely less likely). When day-first and month-first both read
every value and would give different dates (03/04/1980), the file does not say which it is, and the
practitioner is asked: AcuChart never picks one silently. ISO dates (1980-04-03) and dates with the
month in words (3 April 1980, Apr 3 1980) are read as they are under any order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Literal, NamedTuple

from acuchart.i18n import N_

Order = Literal["DMY", "MDY", "YMD"]

ORDERS: dict[Order, str] = {
    "DMY": N_("Day first (31/12/1980)"),
    "MDY": N_("Month first (12/31/1980)"),
    "YMD": N_("Year first (1980/12/31)"),
}

_NUMERIC = re.compile(r"^(\d{1,4})[./\- ](\d{1,2})[./\- ](\d{1,4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TIME_TAIL = re.compile(r"[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january", "janv", "janvier", "januar", "enero", "ene"),
            ("feb", "february", "fev", "fevr", "fevrier", "februar", "febrero"),
            ("mar", "march", "mars", "marz", "maerz", "marzo"),
            ("apr", "april", "avr", "avril", "abril", "abr"),
            ("may", "mai", "mayo"),
            ("jun", "june", "juin", "juni", "junio"),
            ("jul", "july", "juil", "juillet", "juli", "julio"),
            ("aug", "august", "aout", "agosto", "ago"),
            ("sep", "sept", "september", "septembre", "septiembre"),
            ("oct", "october", "octobre", "oktober", "octubre", "okt"),
            ("nov", "november", "novembre", "noviembre"),
            ("dec", "december", "decembre", "dezember", "diciembre", "dez", "dic"),
        ),
        start=1,
    )
    for name in names
}
_WORDS = re.compile(r"[a-z]+|\d+")


def _year(text: str, today: dt.date) -> int:
    """A year; two digits mean the most recent such year not after this one (84 -> 1984, 05 -> 2005)."""
    year = int(text)
    if len(text) <= 2:
        year += 2000 if 2000 + year <= today.year else 1900
    return year


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _fold(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _with_month_word(text: str, today: dt.date) -> dt.date | None:
    """3 April 1980, April 3, 1980, 03-Apr-80: a month in words makes the order plain."""
    parts = _WORDS.findall(_fold(text))
    months = [p for p in parts if p in _MONTHS]
    numbers = [p for p in parts if p.isdigit()]
    if len(months) != 1 or len(numbers) != 2 or len(parts) != 3:
        return None
    month = _MONTHS[months[0]]
    day, year = (numbers[0], numbers[1]) if len(numbers[1]) >= len(numbers[0]) else (numbers[1], numbers[0])
    if len(day) > 2:
        return None
    return _date(_year(year, today), month, int(day))


def parse(text: str, order: Order | None, today: dt.date) -> dt.date | None:
    """``text`` as a date in ``order`` (None: only forms that need no order); None when it is not one."""
    value = _TIME_TAIL.sub("", text.strip()).strip()
    if not value:
        return None
    iso = _ISO.match(value)
    if iso:
        return _date(int(iso[1]), int(iso[2]), int(iso[3]))
    numeric = _NUMERIC.match(value)
    if numeric is None:
        return _with_month_word(value, today)
    a, b, c = numeric.groups()
    if order == "YMD" and len(a) == 4:
        return _date(int(a), int(b), int(c))
    if len(a) > 2 or len(b) > 2 or len(c) == 3:
        return None
    if order == "DMY":
        return _date(_year(c, today), int(b), int(a))
    if order == "MDY":
        return _date(_year(c, today), int(a), int(b))
    return None


class DateReading(NamedTuple):
    """How a column of dates reads.

    Attributes:
        order: the order to read it in, or None when the practitioner must choose (``ambiguous``) or
            when no order reads any value.
        ambiguous: day first and month first both read every value, with different dates.
        readable: the orders that read the most values.
        examples: a few values with what each order makes of them, to show when asking.
    """

    order: Order | None
    ambiguous: bool
    readable: tuple[Order, ...]
    examples: tuple[tuple[str, dict[Order, dt.date | None]], ...]


def read_column(values: Iterable[str], today: dt.date) -> DateReading:
    """Work out the order of a column of dates (empty values are ignored)."""
    texts = [v for v in values if v.strip()]
    if not texts:
        return DateReading("DMY", False, ("DMY",), ())
    read: dict[Order, list[dt.date | None]] = {
        order: [parse(t, order, today) for t in texts] for order in ORDERS
    }
    counts = {order: sum(d is not None for d in dates) for order, dates in read.items()}
    best = max(counts.values())
    readable = tuple(order for order in ORDERS if counts[order] == best)
    differs = [i for i, (a, b) in enumerate(zip(read["DMY"], read["MDY"], strict=True)) if a != b]
    shown = [i for i in differs if read["DMY"][i] and read["MDY"][i]][:3] or list(range(min(3, len(texts))))
    examples = tuple((texts[i], {order: read[order][i] for order in ORDERS}) for i in shown)
    if best == 0:
        return DateReading(None, False, (), examples)
    if "DMY" in readable and "MDY" in readable:
        if any(read["DMY"][i] and read["MDY"][i] for i in differs):
            return DateReading(None, True, readable, examples)
        return DateReading("DMY", False, readable, examples)
    return DateReading(readable[0], False, readable, examples)


def describe(order: Order) -> str:
    """An order in words, for a row's message: "day/month/year"."""
    return {"DMY": "day/month/year", "MDY": "month/day/year", "YMD": "year/month/day"}[order]


def order_from_text(text: str) -> Order:
    """An order as typed on the command line (DMY, d/m/y, day-first…).

    Raises:
        ValueError: it names none of them.
    """
    key = "".join(ch for ch in text.upper() if ch.isalpha())
    aliases: dict[str, Order] = {
        "DMY": "DMY",
        "DAYFIRST": "DMY",
        "MDY": "MDY",
        "MONTHFIRST": "MDY",
        "YMD": "YMD",
        "ISO": "YMD",
    }
    if key not in aliases:
        raise ValueError(text)
    return aliases[key]
