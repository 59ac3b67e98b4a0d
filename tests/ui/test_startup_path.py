"""What the way to the first painted window must leave out, so the app opens about as fast as an empty
PySide6 window (issue 2; the time itself is measured by ``make bench``, not here).

Each of these cost milliseconds at start-up before and crept back in unnoticed: Qt's enum namespace
(some 25 ms on first touch, from a single ``Qt.AlignmentFlag`` or ``QAction.setShortcut``), the
``dataclasses`` machinery and its classes, the log file, the writing machinery (sqlite-utils), an
application style sheet (every widget built through it) and the menus' items.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from acuchart.practice import Practice
from acuchart.services.clients import ClientForm
from ui import client_list, main_window

REPO = Path(__file__).resolve().parents[2]

FIRST_PAINT = """
import json, logging, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
import PySide6.QtCore as QtCore
import ui.main_window

class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj is window[0]:
            print(json.dumps({
                "qt_enums": "Qt" in vars(QtCore),
                "modules": sorted(sys.modules),
                "title": obj.windowTitle(),
                "rows": obj.clients.model.rowCount(),
                "style_sheet": QApplication.instance().styleSheet(),
                "menu_items": sum(len(a.menu().actions()) for a in obj.menuBar().actions()),
                "log_file": any(type(h).__name__ == "FileHandler" for h in logging.getLogger("acuchart").handlers),
                "window_icon": not QApplication.instance().windowIcon().isNull(),
            }), flush=True)
            QApplication.instance().quit()
        return False

spy = Painted()
window = []
show = ui.main_window.MainWindow.show
def watched(self):
    window.append(self)
    self.installEventFilter(spy)
    show(self)
ui.main_window.MainWindow.show = watched
from ui.app import run
run(Path(sys.argv[1]))
"""


def _first_paint(path: Path, home: Path) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(home), "HOME": str(home)}
    result = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(path)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, result.stderr[-2000:]
    found: dict[str, object] = json.loads(lines[0])
    return found


def test_the_first_paint_waits_for_nothing_it_does_not_show(tmp_path: Path) -> None:
    path = tmp_path / "practice.acuchart"
    practice = Practice.open(path)
    practice.clients.create(ClientForm(first_name="Amelia", last_name="Hartley"))
    practice.close()

    seen = _first_paint(path, tmp_path)

    assert seen["rows"] == 1  # the real window, on the real practice
    assert "practice" in str(seen["title"])
    modules = set(seen["modules"])  # type: ignore[arg-type]
    assert seen["qt_enums"] is False
    assert "dataclasses" not in modules
    assert seen["log_file"] is False
    assert seen["style_sheet"] == ""  # applied just after the first frame (ui/style.py)
    assert seen["menu_items"] == 0  # likewise the menus' items; their titles are there
    assert "platformdirs" not in modules
    assert seen["window_icon"] is False  # the icon's images are read just after the first frame
    assert not {"ui.welcome", "ui.shortcuts", "importlib.resources"} & modules  # first start, help, zips
    assert not {name for name in modules if name.startswith("sqlite_utils")}


def test_the_client_lists_role_numbers_are_qts() -> None:
    assert Qt.ItemDataRole.DisplayRole.value == client_list.DISPLAY_ROLE
    assert Qt.ItemDataRole.ToolTipRole.value == client_list.TOOL_TIP_ROLE
    assert Qt.ItemDataRole.FontRole.value == client_list.FONT_ROLE
    assert Qt.ItemDataRole.UserRole.value == client_list.USER_ROLE


def test_the_placeholders_alignment_number_is_qts_align_center() -> None:
    assert Qt.AlignmentFlag.AlignCenter.value == main_window.ALIGN_CENTER
