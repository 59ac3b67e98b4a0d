"""Dates, times and small phrases as every printed document says them, so that one document set
never names a day two ways, and says each in the document's own language.

A day is always written in full, "7 October 2026" (:func:`date_text`); a moment adds the clock,
"7 October 2026, 10:30" (:func:`moment_text`). Only a booked appointment, which the client has yet to
keep, names its weekday as well: "Wednesday, 7 October 2026 at 10:30" (:func:`appointment`). The
patterns are the locale's (:mod:`acuchart.dates`): "7 de octubre de 2026" in a Spanish handout.
"""

from __future__ import annotations

import datetime as dt

from acuchart import dates
from acuchart.i18n import ENGLISH, Language


def date_text(day: dt.date, language: Language = ENGLISH) -> str:
    """ "7 October 2026": the one way a document prints a day."""
    return dates.long_date(day, language)


def clock_time(moment: dt.datetime, language: Language = ENGLISH) -> str:
    """ "10:30"."""
    return dates.clock_time(moment, language)


def moment_text(moment: dt.datetime, language: Language = ENGLISH) -> str:
    """A moment as an auditor reads it: "7 October 2026, 10:30"."""
    return dates.long_moment(moment, language)


def appointment(moment: dt.date, language: Language = ENGLISH) -> str:
    """A booked appointment: its weekday and day, and the time when one is set
    ("Wednesday, 7 October 2026 at 10:30")."""
    return dates.appointment(moment, language)


def capitalised(text: str) -> str:
    """``text`` with its first letter in upper case ("left cheek" -> "Left cheek")."""
    return text[:1].upper() + text[1:]
