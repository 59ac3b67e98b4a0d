"""A red bar at the top of the window when the audit trail is broken. It warns; it never blocks work.

The chain is walked in a background thread through a read-only connection of its own, so a large
practice opens at once and the bar appears when the walk is done.
"""

from __future__ import annotations

import atexit
from collections.abc import Callable

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from acuchart.i18n import _
from acuchart.models.audit import AuditReport
from acuchart.practice import Practice
from ui import theme
from ui.style import set_text_size

BAR_STYLE = (
    "#auditBar { background: $alert_fill; border-radius: 0; }"
    "#auditBar QLabel { color: $on_alert; padding: 6px 4px; }"
)


class _AuditWalk(QThread):
    """Walks a practice file's audit chain and reports what it found."""

    walked = Signal(object)

    def __init__(self, walk: Callable[[], AuditReport]) -> None:
        super().__init__()
        self._walk = walk

    def run(self) -> None:
        self.walked.emit(self._walk())


_WALKS: list[_AuditWalk] = []
"""Walks still referenced: a QThread must outlive its run, even if the window that started it is gone."""


def _keep(walk: _AuditWalk) -> None:
    _WALKS[:] = [w for w in _WALKS if not w.isFinished()]
    _WALKS.append(walk)


@atexit.register
def _wait_for_walks() -> None:
    for walk in _WALKS:
        walk.wait()


class AuditBar(QFrame):
    """Hidden while the trail is intact; red with the first broken entry when it is not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditBar")
        theme.style(self, BAR_STYLE)
        self.message = QLabel()
        self.message.setWordWrap(True)
        set_text_size(self.message, 14 / 13)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 2, 10, 2)
        layout.addWidget(self.message, 1)
        self.report: AuditReport | None = None
        self._walk: _AuditWalk | None = None
        self.hide()

    def check(self, practice: Practice) -> None:
        """Walk the practice's audit trail (in the background for a file) and show the result."""
        if practice.path is None:
            self.show_report(practice.verify_audit())
            return
        self.stop()
        self._walk = _AuditWalk(practice.verify_audit_apart)
        self._walk.walked.connect(self.show_report)
        _keep(self._walk)
        self._walk.start()

    def show_report(self, report: AuditReport) -> None:
        """Show the bar for a broken trail, hide it for an intact one."""
        self.report = report
        if report.ok:
            self.hide()
            return
        self.message.setText(
            _(
                "⚠ {summary}. Run main.py check for details. You can keep working; tell whoever looks after your records."
            ).format(summary=report.summary)
        )
        self.show()

    def stop(self) -> None:
        """Wait for a walk still running (before the window closes)."""
        if self._walk is not None:
            self._walk.wait()
            self._walk = None
