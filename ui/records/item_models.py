"""Table models over the record's follow-up lists and a client's session history.

Each adapts a tuple of the core's frozen values to Qt; none of them reads or writes the practice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from acuchart.dates import day_month, short_date, short_moment, weekday_date
from acuchart.i18n import N_, _, ngettext
from acuchart.models import CourseDue, ReactionFollowUp, SessionSummary, maintenance_every
from ui import theme

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")

IdRole = Qt.ItemDataRole.UserRole + 1
"""The id of the record a row shows (reaction, course or session)."""
ClientIdRole = Qt.ItemDataRole.UserRole + 2
"""The client a row belongs to."""


def ink(meaning: str) -> QBrush:
    """The theme's colour for words that say something is wrong ("alert"), done ("signed") or
    secondary ("muted"), readable on a list's background in every scheme."""
    return QBrush(QColor(getattr(theme.current(), meaning)))


def day(value: dt.date) -> str:
    """A date as the practitioner reads it: ``Tue 29 Sep 2026``."""
    return weekday_date(value)


def days(n: int) -> str:
    """``1 day``, ``5 days``."""
    return ngettext("{count} day", "{count} days", n).format(count=n)


class RecordTableModel(QAbstractTableModel, Generic[Row]):
    """A read-only table of frozen rows; subclasses say what each column shows.

    A long list can come a page at a time: given ``next_page``, the model reads the rows after its last
    one when the view scrolls to the end (Qt's ``canFetchMore``/``fetchMore``).
    """

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._next_page: Callable[[Row], Sequence[Row]] | None = None
        self._total = 0

    def set_rows(
        self, rows: Sequence[Row], next_page: Callable[[Row], Sequence[Row]] | None = None, total: int = 0
    ) -> None:
        """Show new rows; with ``next_page(last row)``, read the rows after them until there are ``total``."""
        self.beginResetModel()
        self._rows = list(rows)
        self._next_page = next_page if rows and len(rows) < total else None
        self._total = total
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._next_page is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._next_page is None:
            return
        more = list(self._next_page(self._rows[-1]))
        if not more or len(self._rows) + len(more) >= self._total:
            self._next_page = None
        if more:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows += more
            self.endInsertRows()

    def row_at(self, row: int) -> Row | None:
        """The value on a row, or None."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        return _(self.HEADERS[section]) if horizontal and 0 <= section < len(self.HEADERS) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def cell(self, row: Row, column: int, role: int) -> Any:
        """What one cell shows for ``role``; None for nothing."""
        raise NotImplementedError


class ReactionsModel(RecordTableModel[ReactionFollowUp]):
    """Reactions to follow up: who, which session, what and where, how long open, and the action button."""

    HEADERS = (N_("Client"), N_("Session"), N_("Reaction"), N_("Note"), N_("Status"), "")
    ACTION_COLUMN = 5

    def __init__(self, today: Callable[[], dt.date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today = today

    def cell(self, row: ReactionFollowUp, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.client_name
            if column == 1:
                return short_date(row.session_on)
            if column == 2:
                return row.label + (_(" · late entry") if row.late_entry else "")
            if column == 3:
                return row.note
            if column == 4:
                if row.resolved_on is not None:
                    return _("Resolved {resolved_on}").format(resolved_on=day_month(row.resolved_on))
                age = (self._today() - row.session_on).days
                return _("Open {days}").format(days=days(age)) if age > 0 else _("Open since today")
            if column == self.ACTION_COLUMN:
                return _("Resolved today") if row.is_open else _("Reopen")
        elif role == Qt.ItemDataRole.ForegroundRole and column == 4:
            return ink("alert" if row.is_open else "signed")
        elif role == Qt.ItemDataRole.FontRole and column == 2 and row.severity == "severe":
            font = QFont()
            font.setBold(True)
            return font
        elif role == Qt.ItemDataRole.ToolTipRole:
            return _("{label} after the session of {session_on}").format(
                label=row.label, session_on=short_date(row.session_on)
            ) + (f"\n{row.note}" if row.note else "")
        elif role == IdRole:
            return row.id
        elif role == ClientIdRole:
            return row.client_id
        return None


class CoursesDueModel(RecordTableModel[CourseDue]):
    """Courses needing a booking: overdue sessions or maintenance due."""

    HEADERS = (N_("Client"), N_("Course"), N_("Due"), "")

    def cell(self, row: CourseDue, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.client_name
            if column == 1:
                if row.status == "maintenance":
                    return maintenance_every(row.maintenance_months)
                if not row.session_number:
                    return _("Not started ({planned} planned)").format(planned=row.planned)
                return _("Session {session_number} of {planned} done").format(
                    session_number=row.session_number, planned=row.planned
                )
            if column == 2:
                return day(row.due_on)
            if column == 3:
                return row.when
        elif role == Qt.ItemDataRole.ForegroundRole and column == 3:
            return ink("alert" if row.days_late > 0 else "muted")
        elif role == IdRole:
            return row.course_id
        elif role == ClientIdRole:
            return row.client_id
        return None


class SessionHistoryModel(RecordTableModel[SessionSummary]):
    """A client's sessions, newest first: date, number in the course, points, reactions, signature."""

    HEADERS = (N_("Date"), N_("Session"), N_("Points"), N_("Reactions"), N_("Signed"))

    def cell(self, row: SessionSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return short_moment(row.started_at)
            if column == 1:
                return row.number_label
            if column == 2:
                return str(row.points)
            if column == 3:
                if not row.reactions:
                    return ""
                return (
                    ngettext("{count} open", "{count} open", row.open_reactions).format(
                        count=row.open_reactions
                    )
                    if row.open_reactions
                    else ngettext("{count} resolved", "{count} resolved", row.reactions).format(
                        count=row.reactions
                    )
                )
            if column == 4:
                notes = [n for n, on in ((_("late"), row.late_entry), (_("amended"), row.amendments)) if on]
                return ("✓ " + (", ".join(notes) or _("signed"))) if row.signed_at else _("Not signed")
        elif role == Qt.ItemDataRole.ForegroundRole:
            if column == 3 and row.open_reactions:
                return ink("alert")
            if column == 4:
                return ink("signed" if row.signed else "alert")
        elif role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2):
            return int(Qt.AlignmentFlag.AlignCenter)
        elif role == Qt.ItemDataRole.ToolTipRole:
            signed = (
                _("Signed {signed_at} by {signed_by}").format(
                    signed_at=short_moment(row.signed_at), signed_by=row.signed_by
                )
                if row.signed_at
                else _("Not signed yet")
            )
            late = _(" A late entry.") if row.late_entry else ""
            amended = (
                " "
                + ngettext("{count} amendment.", "{count} amendments.", row.amendments).format(
                    count=row.amendments
                )
                if row.amendments
                else ""
            )
            return _("{signed}.{late}{amended} Double-click to open the session.").format(
                signed=signed, late=late, amended=amended
            )
        elif role == IdRole:
            return row.id
        return None
