"""Plan or edit a course of treatment, and complete one into maintenance."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from acuchart.dates import weekday_date
from acuchart.errors import ValidationError
from acuchart.i18n import _
from acuchart.models import CONCERNS, COURSE_STATUS_LABELS, Course
from acuchart.practice import Practice
from acuchart.services.courses import (
    DEFAULT_INTERVAL_DAYS,
    DEFAULT_MAINTENANCE_MONTHS,
    DEFAULT_PLANNED_SESSIONS,
    CourseForm,
)
from ui.operations import Operations
from ui.records.consent_dialog import date_edit
from ui.records.forms import FieldMessages, from_qdate, to_qdate
from ui.style import mute, px


def number_box(value: int, suffix: str) -> QSpinBox:
    """A whole-number field. Its range is wider than the rules so a wrong number gets a message, not a beep."""
    box = QSpinBox()
    box.setRange(0, 999)
    box.setValue(value)
    box.setSuffix(suffix)
    box.setMinimumHeight(30)
    return box


class CourseDialog(QDialog):
    """New course (``course`` None) or edit one: concerns, sessions planned, interval, start, status."""

    def __init__(
        self, practice: Practice, client_id: int, course: Course | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._client_id = client_id
        self._course = course
        self.saved: Course | None = None
        client = practice.clients.get(client_id)
        self.setWindowTitle(
            _("Edit course: {full_name}").format(full_name=client.full_name)
            if course
            else _("New course: {full_name}").format(full_name=client.full_name)
        )
        self.setMinimumWidth(560)
        self.messages = FieldMessages()
        concerns = QWidget()
        grid = QGridLayout(concerns)
        grid.setContentsMargins(0, 0, 0, 0)
        self.concern_boxes: dict[str, QCheckBox] = {}
        chosen = course.concerns if course else client.concerns
        for i, (key, label) in enumerate(CONCERNS):
            box = QCheckBox(label)
            box.setChecked(key in chosen)
            self.concern_boxes[key] = box
            grid.addWidget(box, i // 2, i % 2)
        self.planned = number_box(
            course.planned_sessions if course else DEFAULT_PLANNED_SESSIONS, _(" sessions")
        )
        self.interval = number_box(
            course.interval_days if course else DEFAULT_INTERVAL_DAYS, _(" days apart")
        )
        self.start = date_edit(to_qdate(course.start_date) if course else None)
        self.maintenance = number_box(
            course.maintenance_months if course else DEFAULT_MAINTENANCE_MONTHS, _(" months")
        )
        self.status = QComboBox()
        for key, label in COURSE_STATUS_LABELS.items():
            self.status.addItem(label, key)
        self.status.setCurrentIndex(self.status.findData(course.status if course else "active"))
        self.notes = QPlainTextEdit(course.notes if course else "")
        self.notes.setFixedHeight(px(64))
        form = QFormLayout()
        self.messages.add_row(form, "concerns", _("Concerns treated"), concerns)
        self.messages.add_row(form, "planned_sessions", _("Planned"), self.planned)
        self.messages.add_row(form, "interval_days", _("Interval"), self.interval)
        self.messages.add_row(form, "start_date", _("Starts on"), self.start)
        self.messages.add_row(form, "maintenance_months", _("Maintenance every"), self.maintenance)
        if course is not None:
            self.messages.add_row(form, "status", _("Status"), self.status)
        self.messages.add_row(form, "notes", _("Notes"), self.notes)
        hint = QLabel(
            _(
                "A course is typically 6–12 sessions, one to two weeks apart; results vary from client to client."
            )
        )
        mute(hint)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.messages.general)
        layout.addWidget(buttons)

    def form(self) -> CourseForm:
        """What the dialog holds, as the service's form."""
        return CourseForm(
            concerns=[key for key, box in self.concern_boxes.items() if box.isChecked()],
            planned_sessions=self.planned.value(),
            interval_days=self.interval.value(),
            start_date=from_qdate(self.start.date()),
            maintenance_months=self.maintenance.value(),
            notes=self.notes.toPlainText(),
            status=str(self.status.currentData()),
        )

    def save(self) -> None:
        """Store the course, or show what is wrong beside each field and keep the dialog open."""
        self.messages.clear()
        courses, form, course = self._practice.courses, self.form(), self._course
        try:
            if course is None:
                self.saved = Operations.of(self._practice).apply(
                    lambda: courses.create_course(self._client_id, form), self
                )
            else:
                self.saved = Operations.of(self._practice).apply(
                    lambda: courses.update_course(course.id, form), self
                )
        except ValidationError as exc:
            self.messages.show(exc.problems)
            return
        self.accept()


class CompleteCourseDialog(QDialog):
    """Complete a course: propose maintenance visits every few months (or none), then close it."""

    def __init__(self, practice: Practice, course: Course, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._practice = practice
        self._course = course
        self.proposed: list[dt.date] = []
        self.setWindowTitle(_("Complete course"))
        self.setMinimumWidth(460)
        self.messages = FieldMessages()
        progress = practice.courses.course_progress(course.id)
        summary = QLabel(
            _("<b>{title}</b><br>{session_number} of {planned_sessions} planned sessions charted.").format(
                title=course.title,
                session_number=progress.session_number,
                planned_sessions=course.planned_sessions,
            )
        )
        summary.setWordWrap(True)
        self.plan_maintenance = QCheckBox(_("Plan maintenance visits"))
        self.plan_maintenance.setChecked(True)
        self.months = number_box(course.maintenance_months, _(" months"))
        self.preview = QLabel()
        self.preview.setObjectName("maintenancePreview")
        self.preview.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.plan_maintenance)
        self.messages.add_row(form, "maintenance_months", _("Every"), self.months)
        form.addRow(_("Proposed visits"), self.preview)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.complete_button = buttons.addButton(_("Complete course"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.complete)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.messages.general)
        layout.addWidget(buttons)
        self.plan_maintenance.toggled.connect(self._update_preview)
        self.months.valueChanged.connect(self._update_preview)
        self._update_preview()

    def _update_preview(self) -> None:
        self.months.setEnabled(self.plan_maintenance.isChecked())
        months = self.months.value()
        if not self.plan_maintenance.isChecked():
            self.preview.setText(_("None: the course is closed as completed."))
        elif 1 <= months <= 24:
            dates = self._practice.courses.propose_maintenance(self._course.id, months)
            self.preview.setText("  ·  ".join(weekday_date(d) for d in dates))
        else:
            self.preview.setText("")

    def complete(self) -> None:
        """Complete the course (into maintenance when planned) and keep the proposed dates."""
        self.messages.clear()
        months = self.months.value() if self.plan_maintenance.isChecked() else None
        try:
            self.proposed = Operations.of(self._practice).apply(
                lambda: self._practice.courses.complete_course(self._course.id, months), self
            )
        except ValidationError as exc:
            self.messages.show(exc.problems)
            return
        self.accept()
