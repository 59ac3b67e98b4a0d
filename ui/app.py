"""Starting the GUI: one QApplication, the practice file opened with clear messages, crash safety."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from acuchart import __version__
from acuchart.errors import AcuChartError, StoreError
from acuchart.logs import setup_logging
from acuchart.paths import default_practice_path, log_path
from acuchart.practice import Practice
from ui import theme
from ui.main_window import MainWindow
from ui.messages import warn
from ui.preferences import Preferences
from ui.style import apply_style

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
        else:
            message = (
                "Something unexpected went wrong, and that action was not completed. Everything saved "
                f"before it is safe.\n\nThe details are in {log_path()}; please send that file to support."
            )
        warn(QApplication.activeWindow() or parent, message)

    sys.excepthook = handle


def open_practice(path: Path, parent: QWidget | None = None) -> Practice | None:
    """Open the practice file, or explain why not and offer another file. None when the user gives up."""
    while True:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            return Practice.open(path)
        except (StoreError, OSError) as exc:
            setup_logging()
            log.warning("Could not open %s: %s", path, exc)
            from PySide6.QtWidgets import QFileDialog, QMessageBox

            box = QMessageBox(parent)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle("AcuChart cannot open this file")
            box.setText(
                str(exc) if isinstance(exc, StoreError) else f"{path} could not be opened: {exc.strerror}."
            )
            choose = box.addButton("Choose another file…", QMessageBox.ButtonRole.AcceptRole)
            box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is not choose:
                return None
            chosen, _ = QFileDialog.getSaveFileName(
                parent,
                "Open or create a practice file",
                str(default_practice_path()),
                "AcuChart practice (*.acuchart);;All files (*)",
                options=QFileDialog.Option.DontConfirmOverwrite,
            )
            if not chosen:
                return None
            path = Path(chosen)


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
    app = create_application()
    install_crash_handler()
    preferences = Preferences()
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
    """Keeps one practice open in one main window, and swaps both when another file is chosen."""

    def __init__(self, preferences: Preferences, remember: bool = True) -> None:
        self._preferences = preferences
        self._remember = remember
        self.window: MainWindow | None = None
        self.practice: Practice | None = None

    def show(self, practice: Practice) -> None:
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
        self.window = window
        window.show()
        QTimer.singleShot(WARM_UP_DELAY_MS, setup_logging)
        # The writing machinery (sqlite-utils) loads in an idle moment after the window appears.
        QTimer.singleShot(WARM_UP_DELAY_MS, window, practice.store.warm_up)
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_practice is not None:
            old_practice.close()

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
                str(exc) if isinstance(exc, StoreError) else f"{path} could not be opened: {exc.strerror}."
            )
            warn(self.window, message, "AcuChart cannot open this file")
            return
        self._remember = True
        self.show(practice)

    def _created(self, practice: Practice) -> None:
        """A practice just set up (File → New practice file…): shown, and remembered for next time."""
        self._remember = True
        self.show(practice)

    def close(self) -> None:
        """Close the open practice (at exit)."""
        if self.practice is not None:
            self.practice.close()
            self.practice = None
