"""AcuChart's icon for its windows: the PNGs ``tools/draw_icon.py`` draws, one per size.

Set on the application just after the main window's first frame (``MainWindow.finish_start``): reading
the images is not worth delaying that frame for, and the window takes the icon up as soon as it is set.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from acuchart.resources import RESOURCES

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """The icon, at every size drawn (Qt picks the nearest for each place it shows)."""
    icon = QIcon()
    for size in SIZES:
        icon.addFile(str(RESOURCES / "icons" / f"acuchart-{size}.png"), QSize(size, size))
    return icon


def apply_app_icon() -> None:
    """Give every window of the app the icon (once)."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.windowIcon().isNull():
        app.setWindowIcon(app_icon())
