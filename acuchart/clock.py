"""The practice's clock: one place that says what "now" and "today" are, so tests can set them."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator

_now: Callable[[], dt.datetime] = lambda: dt.datetime.now().replace(microsecond=0)  # noqa: E731


def now() -> dt.datetime:
    """The current local time, to the second."""
    return _now()


def today() -> dt.date:
    """The current local date."""
    return _now().date()


def stamp() -> str:
    """The current local time as ISO text, the form every record stores."""
    return _now().isoformat(timespec="seconds")


def set_clock(source: Callable[[], dt.datetime] | None) -> None:
    """Replace the clock (tests and the demo generator); ``None`` restores the real one."""
    global _now
    _now = source if source is not None else (lambda: dt.datetime.now().replace(microsecond=0))


@contextlib.contextmanager
def frozen_at(moment: dt.datetime) -> Iterator[None]:
    """Run with the clock stopped at ``moment`` (replaying history, as the demo does), then restore it."""
    global _now
    before = _now
    _now = lambda: moment  # noqa: E731
    try:
        yield
    finally:
        _now = before
