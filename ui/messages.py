"""Plain messages to the practitioner. QMessageBox loads on first use: it is slow to load and rarely needed."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def warn(parent: QWidget | None, text: str, title: str = "AcuChart") -> None:
    """Say what went wrong and what to do, and wait for OK."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question; True for yes."""
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes


def about(parent: QWidget | None, title: str, text: str) -> None:
    """The About box."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.about(parent, title, text)
