"""The app's look: calm, legible at arm's length from the treatment chair.

The font follows the system's: its size is the system's (never below the house's 13 px, about 9.75
points), so a practitioner who has made the desktop's text larger gets a larger AcuChart. Sizes of
headings are a factor of that font (:func:`set_text_size`), and measures drawn for 13 px text
(fixed heights of note boxes, a toolbar's buttons) grow with it through :func:`px`. Colours come from
the palette and :mod:`ui.theme`.

The style sheet, which pads the text boxes and buttons of dialogs and chart pages, is applied in the
moment after the main window's first frame (:func:`apply_style_sheet`): while an application style
sheet is in place every widget is built and painted through it, which made the first window some 15 ms
slower. Its rules match nothing that first frame shows (the client list is styled natively), so nothing
on screen moves when it arrives.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontInfo, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from ui.theme import mute as mute  # the quiet grey of hints and counts lives with the colours

HOUSE_POINT_SIZE = 9.75
"""The smallest text the app uses: 13 px on a 96-dpi screen, legible at arm's length."""
DESIGN_PIXELS = 13
"""The text size the layout's pixel measures were drawn for."""

STYLE_SHEET = """
QDialog QLineEdit, QDialog QPlainTextEdit, #chartArea QLineEdit, #chartArea QPlainTextEdit { padding: 4px; }
QDialog QPushButton, #chartArea QPushButton { padding: 5px 12px; }
"""


def apply_style(app: QApplication) -> None:
    """The Fusion style (the same look on every platform) and the system's font, at least the house size.

    The colours are :mod:`ui.theme`'s (``ui.app`` applies the remembered scheme)."""
    app.setStyle("Fusion")
    font = QFont(app.font())
    size = font.pointSizeF() if font.pointSizeF() > 0 else QFontInfo(font).pointSizeF()
    font.setPointSizeF(max(size, HOUSE_POINT_SIZE))
    app.setFont(font)


def text_scale() -> float:
    """How much larger the application's text is than the 13 px the layout was drawn for (at least 1)."""
    pixels = QFontInfo(QGuiApplication.font()).pixelSize()
    return max(1.0, pixels / DESIGN_PIXELS)


def px(measure: float) -> int:
    """A measure in pixels drawn for 13 px text, grown in step with a larger application font."""
    return round(measure * text_scale())


def set_text_size(widget: QWidget, factor: float, bold: bool = True) -> None:
    """Set ``widget``'s words ``factor`` times the application's text size (a heading: 1.4), bold."""
    font = QFont(widget.font())
    base = QGuiApplication.font()
    size = base.pointSizeF() if base.pointSizeF() > 0 else QFontInfo(base).pointSizeF()
    font.setPointSizeF(size * factor)
    if bold:
        font.setWeight(QFont.Weight.DemiBold)
    widget.setFont(font)


def apply_style_sheet() -> None:
    """Pad the text boxes and buttons of dialogs and chart pages (once; later calls change nothing)."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.styleSheet() != STYLE_SHEET:
        app.setStyleSheet(STYLE_SHEET)
