"""The practice-wide follow-ups: open reactions, overdue courses and maintenance due, on one page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from acuchart import clock
from acuchart.changes import Changes
from acuchart.dates import appointment
from acuchart.i18n import _, ngettext
from acuchart.models import FollowUps
from acuchart.practice import Practice
from ui.accessibility import accessible
from ui.operations import Operations
from ui.records.forms import FieldError
from ui.records.item_models import ClientIdRole, CoursesDueModel, ReactionsModel, RecordTableModel
from ui.records.tables import ReactionsTable, RecordTable
from ui.style import mute, set_text_size

ROWS_SHOWN = 8
"""Rows each list shows before it scrolls."""
PAGE = 50
"""Rows each list reads at first, and again each time it is scrolled to its end: a practice with
thousands of open items costs the page what it shows, not what it holds."""


class _Section(QWidget):
    """A heading with a count, the table, and a calm line in its place when there is nothing to show."""

    def __init__(self, title: str, empty: str, table: RecordTable) -> None:
        super().__init__()
        self._title = title
        self.heading = QLabel(title)
        self.heading.setContentsMargins(0, 6, 0, 0)
        set_text_size(self.heading, 15 / 13)
        self.empty = QLabel(empty)
        self.empty.setContentsMargins(2, 4, 2, 8)
        mute(self.empty)
        self.table = table
        accessible(
            table, title, _("Enter or a double-click opens that client's page")
        )  # the list is named by its heading
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(table, 1)

    def set_count(self, count: int) -> None:
        self.heading.setText(f"{self._title} ({count:,})" if count else self._title)
        self.empty.setVisible(count == 0)
        self.table.setVisible(count > 0)


class FollowUpsView(QWidget):
    """What to ask about or book at the next visits. Double-click a row to open that client."""

    client_requested = Signal(int)

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUps")
        self._practice = practice
        self._stale = True
        self.followups = FollowUps(clock.today())
        self.title = QLabel(_("Follow-ups"))
        set_text_size(self.title, 1.55)
        self.summary = QLabel()
        mute(self.summary)
        refresh = QPushButton(_("Refresh"))
        refresh.setToolTip(_("Read the follow-ups again"))
        refresh.clicked.connect(self.refresh)
        self.reactions_model = ReactionsModel(clock.today, self)
        self.overdue_model = CoursesDueModel(self)
        self.maintenance_model = CoursesDueModel(self)
        self.reactions_table = ReactionsTable(practice, self.reactions_model)
        self.overdue_table = RecordTable(self.overdue_model, stretch=3)
        self.maintenance_table = RecordTable(self.maintenance_model, stretch=3)
        self.problem = FieldError()
        self.reactions_table.problem.connect(self.problem.show_message)
        self.sections = (
            _Section(
                _("Open reactions"), _("No open reactions: nothing to ask about."), self.reactions_table
            ),
            _Section(_("Overdue courses"), _("Every active course is on schedule."), self.overdue_table),
            _Section(
                _("Maintenance due (next two weeks)"), _("No maintenance visits due."), self.maintenance_table
            ),
        )
        for table in (self.reactions_table, self.overdue_table, self.maintenance_table):
            table.activated.connect(self._open_client)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.summary)
        head.addLayout(titles, 1)
        head.addWidget(refresh, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addLayout(head)
        layout.addWidget(self.problem)
        for section in self.sections:
            layout.addWidget(section)
        layout.addStretch(1)
        Operations.of(practice).subscribe(self._on_changes, self)

    def refresh(self) -> None:
        """Read the follow-ups again and show them."""
        self._stale = False
        self.problem.show_message("")
        records = self._practice.followups
        found = records.followups(first=PAGE)
        self.followups = found
        counts = found.counts
        lists = (found.open_reactions, found.overdue_courses, found.due_maintenance)
        models: tuple[RecordTableModel[Any], ...] = (
            self.reactions_model,
            self.overdue_model,
            self.maintenance_model,
        )
        for model, rows, count in zip(models, lists, counts, strict=True):
            model.set_rows(rows, lambda last: records.more_followups(found, last, PAGE), count)
        for section, count in zip(self.sections, counts, strict=True):
            section.set_count(count)
            section.table.fit_rows(ROWS_SHOWN)
        when = appointment(found.today)
        self.summary.setText(
            ngettext(
                "{count:,} thing to follow up, as of {when}",
                "{count:,} things to follow up, as of {when}",
                found.count,
            ).format(count=found.count, when=when)
            if found.count
            else _("Nothing to follow up, as of {when}.").format(when=when)
        )

    def _open_client(self, index: QModelIndex) -> None:
        if index.column() == ReactionsModel.ACTION_COLUMN and index.model() is self.reactions_model:
            return
        client_id = index.data(ClientIdRole)
        if client_id is not None:
            self.client_requested.emit(int(client_id))

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if changes.reactions or changes.courses or changes.sessions or changes.clients or changes.marks:
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True
