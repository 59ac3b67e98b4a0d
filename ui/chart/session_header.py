"""The editor's header: the way back, whose session it is, and when, which course, how long."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from acuchart.models import Client, Session
from acuchart.services.session_rules import MAX_DURATION_MIN

NO_COURSE = -1


class SessionHeader(QWidget):
    """Back button, the client's name and the session's when/course/duration (each change is stored at once)."""

    back_requested = Signal()
    started_at_changed = Signal(object)
    """A new start time (datetime)."""
    course_changed = Signal(object)
    """A course id, or None for no course."""
    duration_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back = QPushButton("← Back to client")
        self.back.setObjectName("backToClient")
        self.back.setToolTip("Return to the client's page (Esc). Everything is already saved.")
        self.back.setMinimumHeight(36)
        self.title = QLabel()
        self.title.setObjectName("sessionTitle")
        self.title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.when = QDateTimeEdit()
        self.when.setObjectName("sessionWhen")
        self.when.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setMinimumHeight(34)
        self.course = QComboBox()
        self.course.setObjectName("sessionCourse")
        self.course.setMinimumHeight(34)
        self.course.setMinimumContentsLength(18)
        self.duration = QSpinBox()
        self.duration.setObjectName("sessionDuration")
        self.duration.setRange(1, MAX_DURATION_MIN)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(" min")
        self.duration.setMinimumHeight(34)
        self.signed = QLabel()
        self.signed.setObjectName("signedBadge")
        self.signed.setStyleSheet(
            "background: #e8f3ec; color: #1b6e3a; border-radius: 4px; padding: 3px 8px;"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.back)
        layout.addSpacing(8)
        layout.addWidget(self.title, 1)
        layout.addWidget(self.signed)
        for label, widget in (("When", self.when), ("Course", self.course), ("Length", self.duration)):
            caption = QLabel(label)
            caption.setObjectName("muted")
            layout.addWidget(caption)
            layout.addWidget(widget)
        self._loading = False
        self.back.clicked.connect(self.back_requested)
        self.when.editingFinished.connect(self._when_done)
        self.course.activated.connect(self._course_chosen)
        self.duration.editingFinished.connect(self._duration_done)
        self._session: Session | None = None

    def show_session(self, client: Client, session: Session, courses: list[tuple[int, str]]) -> None:
        """Fill the header from the stored session."""
        self._loading = True
        self._session = session
        self.title.setText(f"{client.full_name} · session")
        self.when.setDateTime(QDateTime(session.started_at))
        self.course.clear()
        self.course.addItem("No course", NO_COURSE)
        for course_id, label in courses:
            self.course.addItem(label, course_id)
        self.course.setCurrentIndex(max(0, self.course.findData(session.course_id or NO_COURSE)))
        self.duration.setValue(session.duration_min)
        self.signed.setVisible(session.signed)
        if session.signed_at:
            self.signed.setText(f"Signed {session.signed_at:%d %b %Y %H:%M}")
        for widget in (self.when, self.course, self.duration):
            widget.setEnabled(not session.signed)
        self._loading = False

    def _when_done(self) -> None:
        value: dt.datetime = self.when.dateTime().toPython()  # type: ignore[assignment]
        if (
            not self._loading
            and self._session
            and value.replace(second=0) != self._session.started_at.replace(second=0)
        ):
            self.started_at_changed.emit(value.replace(second=0, microsecond=0))

    def _course_chosen(self) -> None:
        data = self.course.currentData()
        course_id = None if data in (None, NO_COURSE) else int(data)
        if not self._loading and self._session and course_id != self._session.course_id:
            self.course_changed.emit(course_id)

    def _duration_done(self) -> None:
        if not self._loading and self._session and self.duration.value() != self._session.duration_min:
            self.duration_changed.emit(self.duration.value())
