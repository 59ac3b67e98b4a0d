"""The client's ratings at a session: one row of eleven buttons (0–10) per concern, one tap each."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from acuchart.changes import Changes
from acuchart.errors import AcuChartError
from acuchart.i18n import _
from acuchart.models import CONCERN_LABELS, RATING_MAX, RATING_MIN, RATING_SCALE_NOTE
from acuchart.practice import Practice
from ui import theme
from ui.accessibility import accessible
from ui.operations import Operations
from ui.records.forms import FieldError
from ui.records.progress_chart import short_label
from ui.style import mute

STYLE = """
#ratingsWidget QToolButton {
    min-width: 24px; min-height: 30px; padding: 0 2px; border: 1px solid $border; border-radius: 4px;
    background: $base; color: $text;
}
#ratingsWidget QToolButton:hover { border-color: $accent; }
#ratingsWidget QToolButton:checked { background: $accent; border-color: $accent; color: $on_accent; font-weight: 600; }
#ratingsWidget QToolButton:disabled { color: $disabled_text; }
#ratingsWidget QToolButton:checked:disabled { background: $checked; border-color: $accent; color: $text; }
"""
"""The score buttons, in the theme's colours (:func:`ui.theme.style`)."""


class RatingsWidget(QGroupBox):
    """Ratings of the session's concerns; a tap stores the score, a tap on the chosen score clears it.

    A signed session shows its ratings (amendments applied) read-only: they change through Amend….
    """

    def __init__(
        self, practice: Practice, session_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Client's ratings"), parent)
        self.setObjectName("ratingsWidget")
        theme.style(self, STYLE)
        self._practice = practice
        self.session_id: int | None = None
        self.buttons: dict[str, list[QToolButton]] = {}
        self._scores: dict[str, int] = {}
        self.hint = QLabel(_(RATING_SCALE_NOTE))
        mute(self.hint)
        self.hint.setWordWrap(True)
        self.rows = QGridLayout()
        self.rows.setVerticalSpacing(2)
        self.error = FieldError()
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(self.rows)
        layout.addWidget(self.error)
        self._ops = Operations.of(practice)
        self._ops.subscribe(self._on_changes, self)
        if session_id is not None:
            self.set_session(session_id)

    def set_session(self, session_id: int) -> None:
        """Show another session's ratings."""
        self.session_id = session_id
        self.error.show_message("")
        self._build_rows(self._practice.ratings.rating_concerns(session_id))
        self.refresh()

    def _build_rows(self, concerns: tuple[str, ...]) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons = {}
        if not concerns:
            empty = QLabel(_("No concerns to rate: choose the concerns of the client's course first."))
            empty.setWordWrap(True)
            self.rows.addWidget(empty, 0, 0)
            return
        for row, concern in enumerate(concerns):
            title = QLabel(short_label(CONCERN_LABELS.get(concern, concern)))
            title.setStyleSheet("font-weight: 600; margin-top: 4px;")
            self.rows.addWidget(title, row * 2, 0)
            strip = QWidget()
            buttons_row = QHBoxLayout(strip)
            buttons_row.setContentsMargins(0, 0, 0, 0)
            buttons_row.setSpacing(3)
            buttons = []
            for score in range(RATING_MIN, RATING_MAX + 1):
                button = QToolButton()
                button.setText(str(score))
                button.setCheckable(True)
                accessible(
                    button,
                    _("{name}: {detail}").format(name=_(CONCERN_LABELS.get(concern, concern)), detail=score),
                )
                button.clicked.connect(partial(self._tap, concern, score))
                buttons_row.addWidget(button)
                buttons.append(button)
            self.rows.addWidget(strip, row * 2 + 1, 0)
            self.buttons[concern] = buttons

    def refresh(self) -> None:
        """Show the stored scores; read-only once the session is signed."""
        if self.session_id is None:
            return
        signed = self._practice.sessions.get(self.session_id).signed
        self._scores = self._practice.ratings.ratings_for(self.session_id)
        for concern, buttons in self.buttons.items():
            for score, button in enumerate(buttons, start=RATING_MIN):
                button.setChecked(self._scores.get(concern) == score)
                button.setEnabled(not signed)
        self.hint.setText(
            _("{RATING_SCALE_NOTE}. Signed: change a rating with Amend…").format(
                RATING_SCALE_NOTE=_(RATING_SCALE_NOTE)
            )
            if signed
            else f"{_(RATING_SCALE_NOTE)}."
        )

    def score(self, concern: str) -> int | None:
        """The score showing for a concern."""
        return self._scores.get(concern)

    def _tap(self, concern: str, score: int) -> None:
        if self.session_id is None:
            return
        new = None if self._scores.get(concern) == score else score
        self.error.show_message("")
        session_id = self.session_id
        try:
            self._ops.apply(lambda: self._practice.ratings.set_rating(session_id, concern, new), self)
        except AcuChartError as exc:
            self.error.show_message(str(exc))
            self.refresh()  # the tapped button shows the stored score again

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if self.session_id is None or not (changes.session_id == self.session_id or changes.courses):
            return
        concerns = self._practice.ratings.rating_concerns(self.session_id)
        if concerns != tuple(self.buttons):
            self._build_rows(concerns)
        self.refresh()
