"""What every part of the clinical-record service shares: the store, the change hub, the practice settings."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Protocol

from acuchart import clock
from acuchart.changes import ChangeHub, Changes
from acuchart.errors import ValidationError
from acuchart.services.settings import SettingsService
from acuchart.storage import records as rows
from acuchart.storage.store import Store


class SessionChecks(Protocol):
    """The charting service's say on whether a session is ready to sign (needle counts and the like)."""

    def can_sign(self, session_id: int) -> tuple[bool, str]:
        """``(True, "")`` when the session may be signed, else ``(False, why)``."""
        ...


class RecordBase:
    """The shared state of the record service's parts (consent, courses, signing, follow-up)."""

    def __init__(
        self,
        store: Store,
        hub: ChangeHub,
        settings: SettingsService,
        session_checks: SessionChecks | None = None,
    ) -> None:
        self._store = store
        self._hub = hub
        self._settings = settings
        self._session_checks = session_checks

    def _publish(self, changes: Changes) -> None:
        self._hub.publish(changes)

    def _session_client(self, session_id: int) -> int:
        return int(rows.session(self._store, session_id)["client_id"])

    def _practitioner(self) -> str:
        """Who is charting: the practitioner named in the practice settings."""
        return self._settings.get().practitioner_name


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
        return code if side in (None, "midline") else f"{side} {code}"
    return label or "free marker"


def raise_if(problems: dict[str, str]) -> None:
    """Raise one :class:`ValidationError` naming every problem, if there are any."""
    if problems:
        raise ValidationError(problems)
