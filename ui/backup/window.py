"""The main window's backups: the runner, the warning bar, the status line's "Backed up 10:32 ✓", the File
menu's Back up now / Restore from backup… / Backups…, and the quick check's verdict on the open file.

Made just after the window's first frame (the backup modules are not needed to show it).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow

from acuchart import clock
from acuchart.backup.catalog import list_backups
from acuchart.backup.make import BY_HAND, BackupReport
from acuchart.backup.places import DEFAULT_LABEL, SECOND_LABEL
from acuchart.backup.recovery import ago
from acuchart.backup.status import PlaceStatus, newest_in
from acuchart.dates import clock_time, short_moment
from acuchart.i18n import N_, _, ngettext
from acuchart.practice import Practice
from ui.backup.bar import BackupBar
from ui.backup.runner import BackupRunner
from ui.messages import warn

PLACE_WORDS = {DEFAULT_LABEL: N_("on this computer"), SECOND_LABEL: N_("in the second place")}
"""Where a backup went, as the status line says it ("Backed up at 10:32 on this computer and in the second place")."""
CHECK_POLL_MS = 150
"""How often the window looks whether the quick check of the open file is done (only until it is)."""


class WindowBackups(QObject):
    """Everything about backups that one main window shows and does."""

    restore_requested = Signal(object)
    """The practitioner chose a backup to restore (a :class:`Backup`); the app swaps the practice."""
    damage_found = Signal(object)
    """The quick check found the open practice file damaged (a :class:`DamagedFileError`)."""

    def __init__(self, window: QMainWindow, practice: Practice) -> None:
        super().__init__(window)
        self.window = window
        self.practice = practice
        self.runner = BackupRunner(self.practice, self)
        self.statuses: list[PlaceStatus] = []
        self.failure = ""
        self.bar = BackupBar()
        self.bar.back_up_requested.connect(self.back_up_now)
        self.bar.settings_requested.connect(self.open_settings)
        self.status = QLabel()
        self.status.setObjectName("backupStatus")
        window.statusBar().addPermanentWidget(self.status)
        self.runner.started.connect(self._started)
        self.runner.progressed.connect(self._progressed)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)
        self.runner.statuses_changed.connect(self._statuses)
        self._check_timer = QTimer(self, interval=CHECK_POLL_MS)
        self._check_timer.timeout.connect(self._look_at_check)

    def start(self, automatic: bool = True) -> None:
        """Start the quick check of the open file and, when ``automatic``, the backups' regular look (after
        the window is up)."""
        if self.practice.store.closed:
            return
        check = self.practice.store.open_check
        if check is not None:
            check.start()
            self._check_timer.start()
        if automatic:
            self.runner.start()

    def stop(self) -> None:
        """Stop looking and wait for a backup still running (the window is closing)."""
        self._check_timer.stop()
        self.runner.shutdown()

    # --- actions ---------------------------------------------------------------------------------
    def back_up_now(self) -> None:
        """File → Back up now: a verified backup to every place, in the background."""
        if self.practice.path is None:
            self.window.statusBar().showMessage(
                _("This practice is in memory: there is nothing to back up."), 5000
            )
            return
        if not self.runner.back_up_now(BY_HAND):
            self.window.statusBar().showMessage(_("A backup is being made already."), 4000)

    def open_settings(self) -> None:
        """File → Backups…: interval, second place, thinning, and how each place is doing."""
        from ui.backup.settings_dialog import BackupSettingsDialog

        dialog = BackupSettingsDialog(self.practice, self.statuses, self.window)
        dialog.back_up_requested.connect(self.back_up_now)
        self.runner.statuses_changed.connect(dialog.show_statuses)
        dialog.exec()
        self.runner.statuses_changed.disconnect(dialog.show_statuses)
        self.runner.tick()  # the places may have changed: look again

    def open_restore(self) -> None:
        """File → Restore from backup…: choose a backup (the newest good one is chosen) and restore it."""
        from ui.backup.restore_dialog import RestoreDialog

        path = self.practice.path
        if path is None:
            warn(self.window, _("This practice is in memory: it has no backups to restore."))
            return
        dialog = RestoreDialog(path, list_backups(path, self.runner.settings()), self.window)
        if dialog.exec() and dialog.chosen is not None:
            self.restore_requested.emit(dialog.chosen)

    # --- what the runner and the check report ----------------------------------------------------
    def _started(self, _reason: str) -> None:
        self.status.setText(_("Backing up…"))

    def _progressed(self, fraction: float, _words: str) -> None:
        self.status.setText(_("Backing up… {percent}%").format(percent=int(fraction * 100)))

    def _finished(self, report: BackupReport) -> None:
        self.failure = ""
        made = report.made
        if made is not None and made.manifest is not None:
            where = _(" and ").join(
                _(PLACE_WORDS.get(o.place.label, o.place.label)) for o in report.outcomes if o.ok
            )
            clients, sessions = made.manifest.clients, made.manifest.sessions
            self.window.statusBar().showMessage(
                _("Backed up at {time} {where}, verified: {clients}, {sessions}.").format(
                    time=clock_time(made.created),
                    where=where,
                    clients=ngettext("{count:,} client", "{count:,} clients", clients).format(count=clients),
                    sessions=ngettext("{count:,} session", "{count:,} sessions", sessions).format(
                        count=sessions
                    ),
                ),
                6000,
            )
        self._show()

    def _failed(self, why: str) -> None:
        self.failure = why
        self._show()

    def _statuses(self, statuses: list[PlaceStatus]) -> None:
        self.statuses = statuses
        self._show()

    def _show(self) -> None:
        newest = newest_in(self.statuses)
        if newest is None:
            self.status.setText(_("Not backed up yet") if not self.runner.running else _("Backing up…"))
        else:
            mark = (
                "✓"
                if not self.failure and (self.runner.last_report is None or self.runner.last_report.ok)
                else "⚠"
            )
            self.status.setText(
                _("Backed up {time} {mark}").format(time=clock_time(newest.created), mark=mark)
            )
            self.status.setToolTip(
                _("The newest verified backup is from {when} ({ago})").format(
                    when=short_moment(newest.created), ago=ago(clock.now() - newest.created)
                )
            )
        self.bar.show_state(self.statuses, self.runner.last_report, self.failure)

    def _look_at_check(self) -> None:
        check = self.practice.store.open_check
        if check is None or not check.done:
            return
        self._check_timer.stop()
        damage = check.damage()
        if damage is not None:
            self.damage_found.emit(damage)
