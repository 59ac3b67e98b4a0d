"""An amber bar at the top of the window while the backups need the practitioner: the second place is
missing or out of date, or the last backup could not be made somewhere. It warns; it never blocks work,
and it goes away by itself once the problem is fixed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from acuchart.backup.make import BackupReport
from acuchart.backup.status import PlaceStatus
from acuchart.i18n import _
from ui import theme

BAR_STYLE = (
    "#backupBar { background: $caution_fill; border-bottom: 1px solid $caution_border; }"
    "#backupBar QLabel { color: $on_caution; padding: 4px 2px; }"
)
"""The theme's caution colours (:mod:`ui.theme`), so the bar reads in a dark or high-contrast scheme."""


def warnings_for(statuses: list[PlaceStatus], report: BackupReport | None, failure: str) -> list[str]:
    """What the bar says: each place's warning, then what went wrong in the last backup and is not fixed."""
    found = [s.warning for s in statuses if s.warning]
    if failure:
        found.append(failure)
    if report is not None:
        for outcome in report.outcomes:
            if not outcome.problem:
                continue
            now = next((s for s in statuses if s.place.folder == outcome.place.folder), None)
            made = report.made.created if report.made is not None else None
            fixed = (
                now is not None and now.newest is not None and made is not None and now.newest.created >= made
            )
            if (now is None or not now.missing) and not fixed:
                found.append(outcome.problem)
    return list(dict.fromkeys(found))


class BackupBar(QFrame):
    """Hidden while the backups are in order; amber with what to do when they are not."""

    back_up_requested = Signal()
    settings_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupBar")
        theme.style(self, BAR_STYLE)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.back_up_button = QPushButton(_("Back up now"))
        self.back_up_button.clicked.connect(self.back_up_requested)
        settings = QPushButton(_("Backup settings…"))
        settings.clicked.connect(self.settings_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 2, 10, 2)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.back_up_button)
        layout.addWidget(settings)
        self.hide()

    def show_state(self, statuses: list[PlaceStatus], report: BackupReport | None, failure: str = "") -> None:
        """Show what needs doing (or hide when nothing does)."""
        found = warnings_for(statuses, report, failure)
        if not found:
            self.message.clear()
            self.hide()
            return
        self.message.setText("⚠ " + "\n⚠ ".join(found))
        self.show()
