"""The app's look: calm, legible at arm's length from the treatment chair.

The font, the selection colour and the muted grey of secondary words are set natively (font and
palette). The style sheet, which pads the text boxes and buttons of dialogs and chart pages, is
applied in the moment after the main window's first frame (:func:`apply_style_sheet`): while an
application style sheet is in place every widget is built and painted through it, which made the
first window some 15 ms slower. Its rules match nothing that first frame shows (the client list is
styled natively), so nothing on screen moves when it arrives.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

BASE_PIXEL_SIZE = 13
MUTED = "#5f6368"
SELECTION = "#2f6f8f"

STYLE_SHEET = """
QDialog QLineEdit, QDialog QPlainTextEdit, #chartArea QLineEdit, #chartArea QPlainTextEdit { padding: 4px; }
QDialog QPushButton, #chartArea QPushButton { padding: 5px 12px; }
"""


def apply_style(app: QApplication) -> None:
    """The Fusion style (the same look on every platform), the house font size and selection colour."""
    from PySide6.QtGui import QColor, QFont, QPalette

    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setPixelSize(BASE_PIXEL_SIZE)
    app.setFont(font)
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor(SELECTION))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    app.setPalette(palette)


def apply_style_sheet() -> None:
    """Pad the text boxes and buttons of dialogs and chart pages (once; later calls change nothing)."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.styleSheet() != STYLE_SHEET:
        app.setStyleSheet(STYLE_SHEET)


def mute(widget: QWidget) -> None:
    """Set ``widget``'s words in the quiet grey of secondary information (hints, counts, dates)."""
    from PySide6.QtGui import QColor, QPalette

    widget.setObjectName("muted")
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(MUTED))
    widget.setPalette(palette)
