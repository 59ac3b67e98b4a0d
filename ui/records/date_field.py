"""A date typed or picked in the order the practitioner's country writes it, never guessed.

A QDateEdit shows the day, month and year as separate sections in the locale's own order (5/3/1984 in
the United States, 03/05/1984 in Britain), so "03/05" cannot be read the other way round; a calendar
drops down for picking. A date that is not known is the field's lowest value, shown as "—".
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

from acuchart.dates import date_pattern
from acuchart.i18n import _

EARLIEST = QDate(1900, 1, 1)
"""The field's lowest value, which stands for "not known"; no date of birth is this early."""


class DateField(QDateEdit):
    """A date or none, in the app's locale order, with a calendar to pick from."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(date_pattern())
        self.setMinimumDate(EARLIEST)
        self.setSpecialValueText(_("—  (not known)"))
        self.setDate(EARLIEST)

    def set_value(self, day: dt.date | None) -> None:
        """Show ``day`` (None: not known)."""
        self.setDate(QDate(day.year, day.month, day.day) if day else EARLIEST)

    def value(self) -> dt.date | None:
        """The date shown, or None when it is not known."""
        shown = self.date()
        if shown == EARLIEST:
            return None
        return dt.date(shown.year(), shown.month(), shown.day())
