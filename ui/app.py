"""Starting the GUI: one QApplication, the practice file opened with clear messages, crash safety."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from acuchart import __version__
from acuchart.errors import AcuChartError, DamagedFileError, NotSQLiteError, ProtectedFileError, StoreError
from acuchart.i18n import _
from acuchart.logs import setup_logging
from acuchart.paths import default_practice_path, log_path
from acuchart.practice import Practice
from acuchart.protection.files import private_folder, private_umask
from ui import theme
from ui.language import use_app_language
from ui.main_window import MainWindow
from ui.messages import warn
from ui.preferences import Preferences
from ui.style import apply_style

if TYPE_CHECKING:
    from acuchart.backup.catalog import Backup

log = logging.getLogger("acuchart")
WARM_UP_DELAY_MS = 400
DESKTOP_ID = "org.acuchart.AcuChart"
"""The application's id: its desktop entry's and AppStream metainfo's file names (packaging/linux/)."""


def install_crash_handler(parent: QWidget | None = None) -> None:
    """Send unexpected errors to the log file and show a plain message instead of a traceback."""

    def handle(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        setup_logging()
        log.error("Unexpected error\n%s", "".join(traceback.format_exception(kind, error, tb)))
        if isinstance(error, KeyboardInterrupt):
            QApplication.quit()
            return
        if isinstance(error, AcuChartError):
            message = str(error)
        elif _named(error):
            message = _named(error)
        else:
            message = _(
                "Something unexpected went wrong, and that action was not completed. Everything saved before it is safe.\n\nThe details are in {log_path}; please send that file to support."
            ).format(log_path=log_path())
        warn(QApplication.activeWindow() or parent, message)

    sys.excepthook = handle


def _named(error: BaseException) -> str:
    """A read that met damage or a failing disk, by name ('' for any other error): never "something
    unexpected" for a failure that has a name."""
    from acuchart.backup.recovery import explain  # loaded only after such a failure

    named = explain(error)
    return str(named) if named is not None else ""


def open_practice(path: Path, parent: QWidget | None = None) -> Practice | None:
    """Open the practice file, or explain why not and offer another file. None when the user gives up.

    A damaged practice file leads to the recovery dialog: the newest verified backup, restored in one click."""
    while True:
        try:
            private_folder(
                path.parent
            )  # the owner's only when AcuChart makes it; left alone when it is there
            return Practice.open(path)
        except ProtectedFileError:
            from ui.protection.dialogs import UnlockDialog

            unlock = UnlockDialog(path, parent)
            if unlock.exec() == UnlockDialog.DialogCode.Accepted and unlock.opened is not None:
                return unlock.opened
            chosen = _choose_practice_file(parent)
            if chosen is None:
                return None
            path = chosen
            continue
        except (StoreError, OSError) as exc:
            setup_logging()
            log.warning("Could not open %s: %s", path, exc)
            if isinstance(exc, StoreError) and needs_recovery(path, exc):
                from ui.backup.recovery_dialog import QUIT, recover

                outcome = recover(path, exc, parent)
                if isinstance(outcome, Practice):
                    return outcome
                if outcome == QUIT:
                    return None
            else:
                from PySide6.QtWidgets import QMessageBox

                box = QMessageBox(parent)
                box.setIcon(QMessageBox.Icon.Warning)
                box.setWindowTitle(_("AcuChart cannot open this file"))
                box.setText(
                    str(exc)
                    if isinstance(exc, StoreError)
                    else _("{path} could not be opened: {strerror}.").format(path=path, strerror=exc.strerror)
                )
                choose = box.addButton(_("Choose another file…"), QMessageBox.ButtonRole.AcceptRole)
                box.addButton(_("Quit"), QMessageBox.ButtonRole.RejectRole)
                box.exec()
                if box.clickedButton() is not choose:
                    return None
            chosen = _choose_practice_file(parent)
            if chosen is None:
                return None
            path = chosen


def _choose_practice_file(parent: QWidget | None) -> Path | None:
    """Ask for a practice file to open or create instead."""
    from PySide6.QtWidgets import QFileDialog

    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        _("Open or create a practice file"),
        str(default_practice_path()),
        _("AcuChart practice (*.acuchart);;All files (*)"),
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    return Path(chosen) if chosen else None


def needs_recovery(path: Path, error: StoreError) -> bool:
    """True for a practice file that is damaged (or was a practice and is no longer a database)."""
    if isinstance(error, DamagedFileError):
        return True
    if isinstance(error, NotSQLiteError):
        from acuchart.backup.catalog import newest_good
        from acuchart.backup.places import settings_or_default

        return newest_good(path, settings_or_default(path)) is not None
    return False


def make_demo_file() -> Path:
    """A fresh demo practice in a temporary folder, for ``main.py --demo``."""
    import tempfile

    from acuchart.demo import write_demo

    folder = Path(tempfile.mkdtemp(prefix="acuchart-demo-"))
    path = folder / "demo-practice.acuchart"
    write_demo(path)
    return path


def create_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, named so remembered choices land in the right place."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or sys.argv[:1])
    app.setOrganizationName("AcuChart")
    app.setApplicationName("AcuChart")
    app.setApplicationDisplayName("AcuChart")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_ID)  # Wayland and the taskbar match the window to its desktop entry
    apply_style(app)
    return app


def run(db: Path | None = None, demo: bool = False) -> int:
    """Start the GUI and return its exit code.

    The log file is attached in the first idle moment after the window appears (or at once, by
    whatever needs to log before that)."""
    private_umask()  # every file the app (SQLite, Qt, the log) makes from now on is the owner's only
    app = create_application()
    install_crash_handler()
    preferences = Preferences()
    use_app_language(preferences)
    theme.apply_scheme(app, preferences.colour_scheme, preferences.system_dark)  # View → Colours
    practice: Practice | None = None
    if demo:
        path = make_demo_file()
    elif db is not None:
        path = db
    elif preferences.last_practice:
        path = Path(preferences.last_practice)
    else:
        path = default_practice_path()
        if not path.exists():
            from ui.welcome import first_start  # the first start only

            chosen = first_start(path)
            if chosen is None:
                return 0
            if chosen == "demo":
                demo, path = True, make_demo_file()
            elif isinstance(chosen, Path):
                path = chosen
            else:
                practice = chosen
    if practice is None:
        practice = open_practice(path)
    if practice is None:
        return 1
    switcher = PracticeSwitcher(preferences, remember=not demo)
    switcher.show(practice)
    try:
        return app.exec()
    finally:
        switcher.close()


class PracticeSwitcher:
    """Keeps one practice open in one main window, and swaps both when another file is chosen, a backup is
    restored, or the open file turns out to be damaged."""

    def __init__(self, preferences: Preferences, remember: bool = True) -> None:
        self._preferences = preferences
        self._remember = remember
        self.window: MainWindow | None = None
        self.practice: Practice | None = None

    def show(self, practice: Practice, message: str = "") -> None:
        """Show ``practice`` in a new main window (closing the previous window and file, if any)."""
        old_window, old_practice = self.window, self.practice
        if old_window is not None:
            old_window.save_layout()
        self.practice = practice
        if self._remember and practice.path is not None:
            self._preferences.last_practice = str(practice.path.absolute())  # whatever folder it starts in
        window = MainWindow(practice, self._preferences)
        window.practice_file_chosen.connect(self.switch_to)
        window.practice_created.connect(self._created)
        window.conversion_requested.connect(self.convert)
        self.window = window
        window.show()
        QTimer.singleShot(WARM_UP_DELAY_MS, setup_logging)
        # The writing machinery (sqlite-utils) loads in an idle moment after the window appears.
        QTimer.singleShot(WARM_UP_DELAY_MS, window, practice.store.warm_up)
        # Then the quick check of the file and the backups' regular look.
        QTimer.singleShot(WARM_UP_DELAY_MS, window, lambda: self._start_backups(window, message))
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_practice is not None:
            old_practice.close()

    def _start_backups(self, window: MainWindow, message: str) -> None:
        backups = window.backups
        backups.restore_requested.connect(self.restore)
        backups.damage_found.connect(self.recover_from_damage)
        # The demo practice (a throwaway file) is checked but not backed up by itself: its backups would
        # pile up beside the real ones. File → Back up now still works on it.
        backups.start(automatic=self._remember)
        if message:
            window.statusBar().showMessage(message, 10000)

    def switch_to(self, path: Path) -> None:
        """Open another practice file; on a problem, say so and keep the current one open."""
        if (
            self.practice is not None
            and self.practice.path is not None
            and path.resolve() == self.practice.path.resolve()
        ):
            return
        try:
            practice = Practice.open(path)
        except (StoreError, OSError) as exc:
            message = (
                str(exc)
                if isinstance(exc, StoreError)
                else _("{path} could not be opened: {strerror}.").format(path=path, strerror=exc.strerror)
            )
            warn(self.window, message, _("AcuChart cannot open this file"))
            return
        self._back_up_and_close()  # the demo's throwaway file is not backed up on leaving it
        self._remember = True
        self.show(practice)

    def restore(self, backup: Backup) -> None:
        """Put ``backup`` in place of the open practice (kept first), then open it again."""
        from acuchart.backup.restore import restore
        from ui.backup.progress import run_with_progress

        path = self.practice.path if self.practice is not None else None
        if path is None:
            return
        self._retire()
        try:
            report = run_with_progress(
                None, "Restoring the backup…", lambda progress: restore(path, backup.path, progress=progress)
            )
        except AcuChartError as exc:
            log.warning("Restore of %s from %s failed: %s", path, backup.path, exc)
            warn(None, str(exc), "The backup could not be restored")
            reopened = open_practice(path)
            if reopened is not None:
                self.show(reopened)
            return
        kept = report.kept.path.name if report.kept is not None else str(report.moved_aside)
        if report.photo_problems:
            warn(
                None,
                _(
                    "The backup is back in place, but {count} of its photos could not be brought back: {problem}"
                ).format(count=len(report.photo_problems), problem=report.photo_problems[0]),
                _("Some photos were not restored"),
            )
        reopened = open_practice(path)
        if reopened is not None:
            self.show(
                reopened,
                f"Restored the backup of {report.restored.created:%H:%M, %d %b %Y}. "
                f"The practice as it was is kept ({kept}).",
            )

    def recover_from_damage(self, error: StoreError) -> None:
        """The open practice file failed its quick check: close it and offer the newest backup."""
        from ui.backup.recovery_dialog import OTHER_FILE, recover

        path = self.practice.path if self.practice is not None else None
        if path is None:
            return
        self._retire()
        outcome = recover(path, error, None)
        if isinstance(outcome, Practice):
            self.show(
                outcome, "Restored from the newest verified backup; the damaged file is kept beside it."
            )
            return
        if outcome == OTHER_FILE:
            chosen = _choose_practice_file(None)
            reopened = open_practice(chosen) if chosen is not None else None
            if reopened is not None:
                self.show(reopened)
                return
        QApplication.quit()

    def convert(self, doing: str, conversion: object) -> None:
        """Close the practice, convert its file (protect it, or remove its passphrase), and open it again."""
        from collections.abc import Callable

        from ui.backup.progress import run_with_progress

        path = self.practice.path if self.practice is not None else None
        if path is None or not callable(conversion):
            return
        job: Callable[..., bytes | None] = conversion
        self._back_up_and_close()
        try:
            key = run_with_progress(None, doing, lambda progress: job(path, progress))
            message = (
                "Protected: this practice now opens only with its passphrase or its recovery key."
                if key
                else "The passphrase was removed: the practice file is a plain file again."
            )
        except AcuChartError as exc:
            log.warning("%s failed: %s", doing, exc)
            warn(None, str(exc), "Nothing was changed")
            message = ""
        reopened: Practice | None
        try:
            reopened = Practice.open(path)  # the key, if any, is the one this process unlocked or just made
        except AcuChartError as exc:
            warn(None, str(exc), "AcuChart cannot open this file")
            reopened = open_practice(path)
        if reopened is None:
            QApplication.quit()
            return
        self.show(reopened, message)

    def _retire(self) -> None:
        """Close the window and the practice file (nothing is backed up: a restore or recovery follows)."""
        window, practice = self.window, self.practice
        self.window, self.practice = None, None
        if window is not None:
            window.save_layout()
            window.close()
            window.deleteLater()
        if practice is not None:
            practice.close()

    def _back_up_and_close(self) -> None:
        """Close the window and the practice file, then back it up if anything changed since the last backup."""
        window, practice = self.window, self.practice
        quitting = None
        if window is not None and practice is not None and practice.path is not None:
            check = practice.store.open_check
            if self._remember and (check is None or not check.damaged):
                quitting = (practice.path, *window.backups.runner.final_read())
            window.backups.stop()
        self._retire()
        if quitting is not None:
            from ui.backup.runner import back_up_on_quitting

            back_up_on_quitting(*quitting)

    def _created(self, practice: Practice) -> None:
        """A practice just set up (File → New practice file…): shown, and remembered for next time."""
        self._back_up_and_close()
        self._remember = True
        self.show(practice)

    def close(self) -> None:
        """Close the open practice (at exit), backing it up if anything changed since the last backup."""
        self._back_up_and_close()
