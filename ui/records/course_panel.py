"""A client's course on the client page: "session 4 of 10", the next due date, OVERDUE, and the progress chart."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acuchart.dates import short_date, weekday_date
from acuchart.i18n import _, ngettext
from acuchart.models import CONCERN_LABELS, CourseOverview, maintenance_every
from acuchart.practice import Practice
from ui import theme
from ui.accessibility import accessible
from ui.records.course_dialog import CompleteCourseDialog, CourseDialog
from ui.records.progress_chart import ProgressChart, short_label
from ui.style import mute, set_text_size

BADGE_STYLE = (
    "background: $alert_fill; color: $on_alert; font-weight: 700; border-radius: 10px; padding: 2px 10px;"
)


def progress_lines(overview: CourseOverview) -> tuple[str, str]:
    """The headline and the detail line for a course: what stage it is at, and when the next visit is due."""
    course, progress = overview.course, overview.progress
    if course.status == "maintenance":
        head = maintenance_every(course.maintenance_months)
        due = (
            _("Next visit due {next_due}").format(next_due=weekday_date(progress.next_due))
            if progress.next_due
            else ""
        )
    elif course.status == "active":
        head = (
            progress.label.capitalize()
            if progress.session_number
            else _("Not started: {planned} sessions planned").format(planned=progress.planned)
        )
        if progress.all_planned_done:
            due = _(
                "All {planned} planned sessions charted: complete the course to plan maintenance."
            ).format(planned=progress.planned)
        elif progress.next_due is not None:
            due = _("Next session due {next_due}").format(next_due=weekday_date(progress.next_due))
        else:
            due = ""
    else:
        head = _("{status_label}: {session_number} of {planned} sessions").format(
            status_label=course.status_label, session_number=progress.session_number, planned=progress.planned
        )
        due = _("Ended {ended_on}").format(ended_on=short_date(course.ended_on)) if course.ended_on else ""
    if progress.overdue:
        due += " · " + ngettext("{count} day overdue", "{count} days overdue", progress.days_overdue).format(
            count=progress.days_overdue
        )
    return head, due


class CoursePanel(QGroupBox):
    """The chosen course of a client (the newest first), its progress and its ratings chart."""

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(_("Course"), parent)
        self.setObjectName("coursePanel")
        self._practice = practice
        self._client_id: int | None = None
        self._courses: tuple[CourseOverview, ...] = ()
        self.chooser = QComboBox()
        accessible(self.chooser, "Course")
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(24)
        self.progress = QLabel()
        self.progress.setObjectName("courseProgress")
        set_text_size(self.progress, 1.4)
        self.overdue = QLabel(_("OVERDUE"))
        self.overdue.setObjectName("overdueBadge")
        theme.style(self.overdue, BADGE_STYLE)
        self.due = QLabel()
        self.due.setObjectName("courseDue")
        self.due.setWordWrap(True)
        self.plan = QLabel()
        mute(self.plan)
        self.plan.setWordWrap(True)
        self.new_button = QPushButton(_("New course…"))
        self.edit_button = QPushButton(_("Edit course…"))
        self.complete_button = QPushButton(_("Complete course…"))
        self.complete_button.setToolTip(_("Close the course and plan maintenance visits"))
        self.chart = ProgressChart()
        # The practitioner's side of progress, beside the client's: wrinkle grades taken on the Skin tab.
        self.skin_chart = ProgressChart(
            low=0,
            high=5,
            title=_("Wrinkle grade, by the practitioner (0 = none, 5 = very deep)"),
            empty_text="",
            name=_("Wrinkle grades chart"),
        )
        self.skin_chart.hide()
        headline = QHBoxLayout()
        headline.addWidget(self.progress)
        headline.addWidget(self.overdue)
        headline.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.complete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chooser)
        layout.addLayout(headline)
        layout.addWidget(self.due)
        layout.addWidget(self.plan)
        layout.addLayout(buttons)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.skin_chart, 1)
        self.chooser.currentIndexChanged.connect(self._show_chosen)
        self.new_button.clicked.connect(self.new_course)
        self.edit_button.clicked.connect(self.edit_course)
        self.complete_button.clicked.connect(self.complete_course)

    def show_courses(self, client_id: int, courses: tuple[CourseOverview, ...]) -> None:
        """Show a client's courses, keeping the one chosen before when it is still there."""
        chosen = self.current()
        keep = chosen.course.id if chosen is not None and client_id == self._client_id else None
        self._client_id = client_id
        self._courses = courses
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for overview in courses:
            self.chooser.addItem(
                f"{overview.course.title} · {overview.course.status_label}", overview.course.id
            )
        index = self.chooser.findData(keep) if keep is not None else 0
        self.chooser.setCurrentIndex(max(0, index))
        self.chooser.blockSignals(False)
        self.chooser.setVisible(len(courses) > 1)
        self._show_chosen()

    def current(self) -> CourseOverview | None:
        """The course showing."""
        index = self.chooser.currentIndex()
        return self._courses[index] if 0 <= index < len(self._courses) else None

    def _show_chosen(self) -> None:
        overview = self.current()
        has_course = overview is not None
        self.edit_button.setVisible(has_course)
        self.complete_button.setVisible(
            has_course and overview is not None and overview.course.status == "active"
        )
        if overview is None:
            self.progress.setText(_("No course planned yet"))
            self.due.setText(_("Plan a course: the concerns it treats, how many sessions, how far apart."))
            self.plan.setText("")
            self.overdue.hide()
            self.chart.set_series([], 1)
            self.skin_chart.hide()
            return
        course, progress = overview.course, overview.progress
        head, due = progress_lines(overview)
        self.progress.setText(head)
        self.due.setText(due)
        theme.style(self.due, "color: $alert; font-weight: 600;" if progress.overdue else "")
        self.overdue.setVisible(progress.overdue)
        own = progress.session_number if progress.maintenance_visits else None
        self.chart.set_series(
            self._practice.ratings.progress_series(course.id), progress.planned, course_sessions=own
        )
        grades = self._practice.skin.course_series(course.id)
        self.skin_chart.set_series(grades, progress.planned, course_sessions=own)
        self.skin_chart.setVisible(bool(grades))
        concerns = ", ".join(short_label(CONCERN_LABELS.get(c, c)) for c in course.concerns)
        self.plan.setText(
            _(
                "{concerns} · {planned_sessions} sessions, every {interval_days} days · from {start_date} · {status_label}"
            ).format(
                concerns=concerns,
                planned_sessions=course.planned_sessions,
                interval_days=course.interval_days,
                start_date=short_date(course.start_date),
                status_label=course.status_label,
            )
            + (f" {short_date(course.ended_on)}" if course.ended_on and course.status != "active" else "")
        )
        self.complete_button.setDefault(progress.all_planned_done)

    def new_course(self) -> None:
        """Plan a new course for the client (the page redraws on the change it reports)."""
        if self._client_id is not None:
            CourseDialog(self._practice, self._client_id, parent=self).exec()

    def edit_course(self) -> None:
        """Edit the course showing."""
        overview = self.current()
        if self._client_id is not None and overview is not None:
            CourseDialog(self._practice, self._client_id, overview.course, parent=self).exec()

    def complete_course(self) -> None:
        """Complete the course showing; the dialog proposes the maintenance visits."""
        overview = self.current()
        if overview is not None:
            CompleteCourseDialog(self._practice, overview.course, parent=self).exec()
