"""The app's look: calm, legible at arm's length from the treatment chair."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

STYLE_SHEET = """
QWidget { font-size: 13px; }
QLabel#muted { color: #5f6368; }
QLabel#chartPlaceholder { color: #5f6368; qproperty-alignment: AlignCenter; }
QLineEdit, QPlainTextEdit { padding: 4px; }
QTableView { selection-background-color: #2f6f8f; selection-color: white; }
QPushButton { padding: 5px 12px; }
"""


def apply_style(app: QApplication) -> None:
    """Apply the house style sheet and the Fusion style for a consistent look on every platform."""
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET)
