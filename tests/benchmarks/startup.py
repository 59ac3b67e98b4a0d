"""Starting the app as a practitioner does (``main.py --db FILE``) and a bare PySide6 window beside it, each in a
fresh process: the time to the first complete frame, and the resident memory once the window has settled."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# Both windows report the moment their first frame is complete: the main window's first paint event
# starts the frame, its children (the label; the client list and its rows) paint in the same pass, and a
# zero-delay timer started then fires once that pass is over.
BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
def done():
    print("painted", time.time(), flush=True); app.quit()
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj is window:
            obj.removeEventFilter(self); QTimer.singleShot(0, done)
        return False
app = QApplication(sys.argv[:1])
window = QMainWindow(); window.setCentralWidget(QLabel("hello")); window.resize(1280, 820)
spy = Painted(); window.installEventFilter(spy); window.show()
app.exec()
"""

APP_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
import ui.main_window
def done():
    print("painted", time.time(), flush=True)
    from PySide6.QtWidgets import QApplication
    QApplication.instance().quit()
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self); QTimer.singleShot(0, done)
        return False
spy = Painted()
show = ui.main_window.MainWindow.show
def show_and_watch(window):
    window.installEventFilter(spy)
    show(window)
ui.main_window.MainWindow.show = show_and_watch
import main  # the way a practitioner starts it: main.py, its command line parsed
main.main(["--db", sys.argv[1]])
"""

# Memory: the window shown, everything it does after the first frame done (menus, style sheet, the first
# search), then the resident set read from /proc. The app also says how many clients its list holds.
_SETTLED = """
def settled(window=None):
    import gc, json
    from PySide6.QtWidgets import QApplication
    rss = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmRSS:"))
    report = {"rss_kb": rss}
    if window is not None:
        from acuchart.models import ClientSummary
        report["rows"] = window.clients.model.rowCount()
        report["client_summaries"] = sum(isinstance(o, ClientSummary) for o in gc.get_objects())
    print("settled", json.dumps(report), flush=True)
    QApplication.instance().quit()
"""

BARE_MEMORY = (
    _SETTLED
    + """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
window = QMainWindow(); window.setCentralWidget(QLabel("hello")); window.resize(1280, 820); window.show()
QTimer.singleShot(1500, settled)
app.exec()
"""
)

APP_MEMORY = (
    _SETTLED
    + """
import sys
from PySide6.QtCore import QTimer
import ui.main_window
show = ui.main_window.MainWindow.show
def show_and_wait(window):
    show(window)
    QTimer.singleShot(1500, lambda: settled(window))
ui.main_window.MainWindow.show = show_and_wait
import main
main.main(["--db", sys.argv[1]])
"""
)


def _environment() -> dict[str, str]:
    # As installed for a practitioner: bytecode caches are written on the first run and used after it.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    env["XDG_CONFIG_HOME"] = env["XDG_STATE_HOME"] = tempfile.gettempdir()  # keep the user's settings out
    return env


def _run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=REPO,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=180,
    )


def start_ms(script: str, *args: str) -> float:
    """Wall time from starting a Python process to its first painted window (not to its exit)."""
    begin = time.time()
    result = _run(script, *args)
    painted = [line.split() for line in result.stdout.splitlines() if line.startswith("painted")]
    if not painted:
        raise RuntimeError(f"window never painted: {result.stderr[-2000:]}")
    return (float(painted[0][1]) - begin) * 1000


def settled_memory(script: str, *args: str) -> dict[str, int]:
    """What :data:`BARE_MEMORY` or :data:`APP_MEMORY` reports once its window has settled."""
    result = _run(script, *args)
    lines = [line.split(" ", 1)[1] for line in result.stdout.splitlines() if line.startswith("settled")]
    if not lines:
        raise RuntimeError(f"window never settled: {result.stderr[-2000:]}")
    report: dict[str, int] = json.loads(lines[0])
    return report
