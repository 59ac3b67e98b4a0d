"""Dates and times as a reader of a given language and country writes them: the one formatter that the
screens and the printed documents share.

Each function takes the :class:`~acuchart.i18n.Language` to write in (None: the app's). The patterns are
the CLDR's, through Babel: "7 Oct 2026" in Britain, "Oct 7, 2026" in the United States, "7 oct. 2026" in
France. Babel is imported on the first date written, not when the app starts.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING, Any

from acuchart.i18n import Language, app_language

if TYPE_CHECKING:
    from babel import Locale


@cache
def _babel_locale(name: str) -> Locale:
    from babel import Locale

    return Locale.parse(name)


def _locale(language: Language | None) -> Locale:
    return _babel_locale((language or app_language()).locale)


def _babel() -> Any:
    import babel.dates

    return babel.dates


def long_date(day: dt.date, language: Language | None = None) -> str:
    """A day as a document prints it: "7 October 2026", "October 7, 2026", "7 de octubre de 2026"."""
    return str(_babel().format_date(_day(day), "long", locale=_locale(language)))


def short_date(day: dt.date, language: Language | None = None) -> str:
    """A day in a list or a table: "7 Oct 2026", "Oct 7, 2026", "7 oct. 2026"."""
    return str(_babel().format_date(_day(day), "medium", locale=_locale(language)))


def weekday_date(day: dt.date, language: Language | None = None) -> str:
    """A day to come, with its weekday: "Wed, 7 Oct 2026"."""
    return str(_babel().format_skeleton("yMMMEd", _day(day), locale=_locale(language)))


def day_month(day: dt.date, language: Language | None = None) -> str:
    """A day of this year: "7 Oct"."""
    return str(_babel().format_skeleton("MMMd", _day(day), locale=_locale(language)))


def clock_time(moment: dt.datetime | dt.time, language: Language | None = None) -> str:
    """A time of day: "10:30", "10:30 AM"."""
    time = moment.time() if isinstance(moment, dt.datetime) else moment
    return str(_babel().format_time(time, "short", locale=_locale(language)))


def short_moment(moment: dt.datetime, language: Language | None = None) -> str:
    """A moment in a list: "7 Oct 2026, 10:30"."""
    lang = language or app_language()
    return lang.gettext("{date}, {time}").format(date=short_date(moment, lang), time=clock_time(moment, lang))


def long_moment(moment: dt.datetime, language: Language | None = None) -> str:
    """A moment as an auditor reads it: "7 October 2026, 10:30"."""
    lang = language or app_language()
    return lang.gettext("{date}, {time}").format(date=long_date(moment, lang), time=clock_time(moment, lang))


def appointment(moment: dt.date, language: Language | None = None) -> str:
    """A booked appointment: its weekday and day, and the time when one is set
    ("Wednesday, 7 October 2026 at 10:30")."""
    lang = language or app_language()
    day = str(_babel().format_date(_day(moment), "full", locale=_locale(lang)))
    if isinstance(moment, dt.datetime):
        return lang.gettext("{date} at {time}").format(date=day, time=clock_time(moment, lang))
    return day


def month_names(language: Language | None = None) -> list[str]:
    """The months' names, January first, as they stand alone ("January", "enero")."""
    names = _locale(language).months["stand-alone"]["wide"]
    return [str(names[m]) for m in range(1, 13)]


def date_pattern(language: Language | None = None) -> str:
    """The locale's short numeric date pattern in Qt's letters ("dd/MM/yyyy", "M/d/yy" becomes
    "M/d/yyyy"): the order a person of that country types a date in, with the year in full."""
    pattern = str(_locale(language).date_formats["short"].pattern)
    letters = []
    for part in _pattern_parts(pattern):
        if part[0] == "y":
            letters.append("yyyy")
        elif part[0] in "dM" and part[0] * 3 not in part:
            letters.append(part)
        elif part[0] == "M":
            letters.append("MM")
        else:
            letters.append(part)
    return "".join(letters)


def _pattern_parts(pattern: str) -> list[str]:
    parts: list[str] = []
    for ch in pattern:
        if parts and parts[-1][0] == ch and ch.isalpha():
            parts[-1] += ch
        else:
            parts.append(ch)
    return parts


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value
