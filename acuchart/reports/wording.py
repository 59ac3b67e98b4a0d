"""Dates, times and small phrases as every printed document says them, so that one document set
never names a day two ways.

A day is always "7 October 2026" (:func:`date_text`); a moment adds the clock, "7 October 2026, 10:30"
(:func:`moment_text`). Only a booked appointment, which the client has yet to keep, names its weekday
as well: "Wednesday 7 October 2026 at 10:30" (:func:`appointment`).
"""

from __future__ import annotations

import datetime as dt


def date_text(day: dt.date) -> str:
    """ "7 October 2026": the one way a document prints a day."""
    return f"{day.day} {day:%B %Y}"


def clock_time(moment: dt.datetime) -> str:
    """ "10:30"."""
    return f"{moment:%H:%M}"


def moment_text(moment: dt.datetime) -> str:
    """A moment as an auditor reads it: "7 October 2026, 10:30"."""
    return f"{date_text(moment)}, {clock_time(moment)}"


def appointment(moment: dt.date) -> str:
    """A booked appointment: its weekday and day, and the time when one is set
    ("Wednesday 7 October 2026 at 10:30")."""
    text = f"{moment:%A} {date_text(moment)}"
    if isinstance(moment, dt.datetime):
        return f"{text} at {clock_time(moment)}"
    return text


def capitalised(text: str) -> str:
    """``text`` with its first letter in upper case ("left cheek" -> "Left cheek")."""
    return text[:1].upper() + text[1:]


def plural(count: int, word: str, words: str | None = None) -> str:
    """ "1 session", "3 sessions" (``words`` for an irregular plural)."""
    return f"{count} {word if count == 1 else (words or word + 's')}"
