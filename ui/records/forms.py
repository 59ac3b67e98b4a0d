"""What every record form shares: a message beside each field, and showing a service's problems there."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui import theme
from ui.accessibility import accessible

FIELDS = (QLineEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)
"""The kinds of control a form row's label names."""


class FieldError(QLabel):
    """A message under a field, hidden until there is something to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        theme.style(self, "color: $alert;")
        self.hide()

    def show_message(self, text: str) -> None:
        """Show ``text`` (or hide the label when it is empty)."""
        self.setText(text)
        self.setVisible(bool(text))


class FieldMessages:
    """The messages of one form, by field name, plus one for anything without a field of its own."""

    def __init__(self) -> None:
        self.errors: dict[str, FieldError] = {}
        self.general = FieldError()

    def add_row(self, form: QFormLayout, name: str, label: str, widget: QWidget) -> FieldError:
        """Add ``widget`` to ``form`` under ``label`` with its message below it.

        The label names the row's field for a screen reader (Qt finds a label's buddy only beside it,
        and the field sits in a holder with its message): the widget itself, or the field inside it
        (a path's text box beside its Choose… button)."""
        inside = (child for child in widget.findChildren(QWidget) if isinstance(child, FIELDS))
        field = widget if isinstance(widget, FIELDS) else next(inside, None)
        if field is not None and not field.accessibleName():
            accessible(field, label.replace("&", ""))
        error = FieldError()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        form.addRow(label, holder)
        self.errors[name] = error
        return error

    def clear(self) -> None:
        """Hide every message (before saving again)."""
        for error in (*self.errors.values(), self.general):
            error.show_message("")

    def show(self, problems: dict[str, str]) -> None:
        """Show each problem beside its field; problems of fields the form lacks go to the general message."""
        general = []
        for name, message in problems.items():
            error = self.errors.get(name)
            if error is None:
                general.append(message)
            else:
                error.show_message(message)
        self.general.show_message(" ".join(general))
        window = self.general.window()
        if window is not self.general:
            window.adjustSize()  # make room for the messages rather than squeeze them over the fields

    def message(self, name: str) -> str:
        """The message showing beside a field (empty when none); for tests and accessibility."""
        error = self.errors.get(name, self.general if name == "" else None)
        return error.text() if error is not None and not error.isHidden() else ""


def to_qdate(day: dt.date) -> QDate:
    """A calendar day as Qt's date."""
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    """Qt's date as a calendar day."""
    return dt.date(day.year(), day.month(), day.day())
