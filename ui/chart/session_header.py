"""The editor's header: the way back, whose session it is, and when, which course, how long."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QSize, Qt, QTime, Signal
from PySide6.QtGui import QAction, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from acuchart.dates import short_moment
from acuchart.i18n import _
from acuchart.models import Client, Session
from acuchart.services.session_rules import MAX_DURATION_MIN
from ui import theme
from ui.style import mute, px, set_text_size

NO_COURSE = -1
FIELD_HEIGHT = 36
PRINT_BUTTON_STYLE = (
    "QToolButton#printHandout { font-weight: 600; padding: 2px 12px; border: 1px solid $accent;"
    " border-radius: 5px; background: $accent_soft; }"
    "QToolButton#printHandout:hover { background: $hover; }"
    "QToolButton#printHandout:disabled { color: $disabled_text; border-color: $border; background: $window; }"
)


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when it is too narrow, with the whole text as its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    @property
    def elided(self) -> bool:
        """Whether the text is cut short at the current width."""
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("M" * 8), super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        area = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, area.width())
        painter.drawText(area, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.setToolTip(self.text() if self.elided else "")


class SessionHeader(QWidget):
    """Back button, the client's name and the session's when/course/duration (each change is stored at once).

    On a wide window it is one row; when the name and the fields do not both fit, the fields move to a
    second row so the client's name is never cut short.
    """

    back_requested = Signal()
    started_at_changed = Signal(object)
    """A new start time (datetime)."""
    course_changed = Signal(object)
    """A course id, or None for no course."""
    duration_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back = QPushButton(_("← Back to client"))
        self.back.setObjectName("backToClient")
        self.back.setToolTip(_("Return to the client's page (Esc). Everything is already saved."))
        self.back.setMinimumHeight(px(FIELD_HEIGHT))
        self.title = ElidedLabel()
        self.title.setObjectName("sessionTitle")
        set_text_size(self.title, 1.4)
        self.when = QDateTimeEdit()
        self.when.setObjectName("sessionWhen")
        self.when.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setMinimumHeight(px(FIELD_HEIGHT))
        self.course = QComboBox()
        self.course.setObjectName("sessionCourse")
        self.course.setMinimumHeight(px(FIELD_HEIGHT))
        self.course.setMinimumContentsLength(16)
        self.course.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.duration = QSpinBox()
        self.duration.setObjectName("sessionDuration")
        self.duration.setRange(1, MAX_DURATION_MIN)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(_(" min"))
        self.duration.setMinimumHeight(px(FIELD_HEIGHT))
        self.signed = QLabel()
        self.signed.setObjectName("signedBadge")
        theme.style(
            self.signed, "background: $signed_soft; color: $signed; border-radius: 4px; padding: 3px 8px;"
        )
        self.fields = QWidget()
        self.fields.setObjectName("sessionFields")
        fields = QHBoxLayout(self.fields)
        fields.setContentsMargins(0, 0, 0, 0)
        for label, widget in (
            (_("When"), self.when),
            (_("Course"), self.course),
            (_("Length"), self.duration),
        ):
            caption = QLabel(label)
            mute(caption)
            caption.setBuddy(widget)
            fields.addSpacing(6)
            fields.addWidget(caption)
            fields.addWidget(widget)
        self.top_row = QHBoxLayout()
        self.top_row.addWidget(self.back)
        self.top_row.addSpacing(8)
        self.top_row.addWidget(self.title, 1)
        self.top_row.addWidget(self.signed)
        self.second_row = QHBoxLayout()
        self.second_row.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self.top_row)
        layout.addLayout(self.second_row)
        self.top_row.addWidget(self.fields)
        self._loading = False
        self.back.clicked.connect(self.back_requested)
        self.when.editingFinished.connect(self._when_done)
        self.course.activated.connect(self._course_chosen)
        self.duration.editingFinished.connect(self._duration_done)
        self._session: Session | None = None
        self.print_button: QToolButton | None = None
        """The Print handout button, once the window has given its action (:meth:`set_print_action`)."""

    def set_print_action(self, action: QAction) -> None:
        """The one-click Print button, beside the title after the "Signed …" badge (the Print menu's
        own action, so it shares its shortcut and its enabled state)."""
        from PySide6.QtGui import QIcon  # with the editor, not at start-up

        icon = QIcon.fromTheme(QIcon.ThemeIcon.DocumentPrint)
        if not icon.isNull():
            action.setIcon(icon)
        button = QToolButton()
        button.setObjectName("printHandout")
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setMinimumHeight(self.back.minimumHeight())
        theme.style(button, PRINT_BUTTON_STYLE)
        self.top_row.insertWidget(self.top_row.indexOf(self.signed) + 1, button)
        self.print_button = button

    def show_session(self, client: Client, session: Session, courses: list[tuple[int, str]]) -> None:
        """Fill the header from the stored session."""
        self._loading = True
        self._session = session
        self.title.setText(_("{full_name} · session").format(full_name=client.full_name))
        started = session.started_at
        self.when.setDateTime(
            QDateTime(
                QDate(started.year, started.month, started.day),
                QTime(started.hour, started.minute, started.second),
            )
        )
        self.course.clear()
        self.course.addItem(_("No course"), NO_COURSE)
        for course_id, label in courses:
            self.course.addItem(label, course_id)
        self.course.setCurrentIndex(max(0, self.course.findData(session.course_id or NO_COURSE)))
        self.duration.setValue(session.duration_min)
        self.signed.setVisible(session.signed)
        if session.signed_at:
            self.signed.setText(_("Signed {signed_at}").format(signed_at=short_moment(session.signed_at)))
        for widget in (self.when, self.course, self.duration):
            widget.setEnabled(not session.signed)
        self._loading = False
        self._arrange()

    @property
    def two_rows(self) -> bool:
        """Whether the fields sit on a row of their own (the window is too narrow for one)."""
        return self.second_row.indexOf(self.fields) >= 0

    def _one_row_width(self) -> int:
        """The width the header needs to show everything, the whole title too, on one row."""
        width = self.title.fontMetrics().horizontalAdvance(self.title.text()) + 8
        width += self.fields.sizeHint().width() + 24
        for i in range(self.top_row.count()):
            item = self.top_row.itemAt(i)
            widget = item.widget() if item is not None else None
            shown = widget is None or not widget.isHidden()
            if item is not None and shown and widget not in (self.title, self.fields):
                width += item.sizeHint().width() + self.top_row.spacing()
        return width

    def _arrange(self) -> None:
        """One row when everything fits at full length; otherwise the fields go under the title."""
        wanted = self.second_row if self._one_row_width() > self.width() else self.top_row
        if wanted.indexOf(self.fields) >= 0:
            return
        (self.top_row if wanted is self.second_row else self.second_row).removeWidget(self.fields)
        if wanted is self.second_row:
            indent = self.back.sizeHint().width() + 8 + self.top_row.spacing() - 6
            self.second_row.addSpacing(indent)
            self.second_row.addWidget(self.fields)
            self.second_row.addStretch(1)
        else:
            while self.second_row.count():
                self.second_row.takeAt(0)
            self.top_row.addWidget(self.fields)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

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
