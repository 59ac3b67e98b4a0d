"""Needles counted in and out: the count from the marks, the count removed, and a difference in red."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from acuchart.i18n import _
from acuchart.services.session_rules import MAX_NEEDLES, NeedleBalance
from ui import theme
from ui.accessibility import accessible
from ui.style import px

OK_STYLE = "color: $signed; font-weight: 600;"
PENDING_STYLE = "color: $warning; font-weight: 600;"
DIFFERENCE_STYLE = (
    "color: $on_alert; background: $alert_fill; border-radius: 4px; padding: 3px 6px; font-weight: 600;"
)


BUTTON_HEIGHT = 34


class NeedlePanel(QGroupBox):
    """Needle accounting for one session in two short rows; asks for a note when the counts differ.

    ``21 inserted · removed [21] [Confirm]`` above the status line; until the count is confirmed as
    matching, the status line offers "✓ All 21 removed" as a one-click confirmation.
    """

    confirm_requested = Signal(int, str)
    """The practitioner confirmed: the count removed and a note (empty when the counts match)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Needles"), parent)
        self.setObjectName("needlePanel")
        self.inserted_label = QLabel()
        self.inserted_label.setObjectName("needlesInserted")
        self.inserted_label.setToolTip(_("Counted from the marks: each point's and free marker's needles"))
        self.all_out = QPushButton()
        self.all_out.setObjectName("allNeedlesOut")
        self.all_out.setMinimumHeight(px(BUTTON_HEIGHT))
        self.all_out.setToolTip(_("Confirm that every needle counted in has been removed"))
        self.removed = QSpinBox()
        self.removed.setRange(0, MAX_NEEDLES)
        self.removed.setMinimumHeight(px(BUTTON_HEIGHT))
        self.removed.setMinimumWidth(px(64))
        accessible(self.removed, "Needles removed")
        removed_caption = QLabel(_("removed"))
        removed_caption.setBuddy(self.removed)
        self.confirm = QPushButton(_("Confirm"))
        self.confirm.setObjectName("confirmNeedles")
        self.confirm.setToolTip(_("Store the count removed (a different count needs a note before signing)"))
        self.confirm.setMinimumHeight(px(BUTTON_HEIGHT))
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("Why the counts differ (required to sign)"))
        accessible(self.note, "Note on the needle count")
        self.note.setMinimumHeight(px(BUTTON_HEIGHT))
        self.status = QLabel()
        self.status.setObjectName("needleStatus")
        self.status.setWordWrap(True)
        count_row = QHBoxLayout()
        count_row.addWidget(self.inserted_label)
        count_row.addWidget(QLabel("·"))
        count_row.addWidget(removed_caption)
        count_row.addWidget(self.removed)
        count_row.addWidget(self.confirm)
        count_row.addStretch(1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.all_out)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 4, 8, 6)
        column.setSpacing(4)
        column.addLayout(count_row)
        column.addWidget(self.note)
        column.addLayout(status_row)
        self._balance = NeedleBalance(0, None, None)
        self._note_text = ""
        self._status_style = ""
        self.all_out.clicked.connect(lambda: self.confirm_requested.emit(self._balance.inserted, ""))
        self.confirm.clicked.connect(self._confirm)
        self.note.returnPressed.connect(self._confirm)
        self.removed.valueChanged.connect(self._update_note_visibility)

    def show_balance(self, balance: NeedleBalance, count_note: str, signed: bool) -> None:
        """Show the counts as stored."""
        self._balance = balance
        self._note_text = count_note
        self.inserted_label.setText(_("<b>{inserted}</b> inserted").format(inserted=balance.inserted))
        self.all_out.setText(_("✓ All {inserted} removed").format(inserted=balance.inserted))
        self.removed.blockSignals(True)
        self.removed.setValue(balance.inserted if balance.removed is None else balance.removed)
        self.removed.blockSignals(False)
        if self.note.text() != count_note:
            self.note.setText(count_note)
        for widget in (self.all_out, self.removed, self.confirm, self.note):
            widget.setEnabled(not signed)
        self.all_out.setVisible(not signed and (balance.removed is None or balance.difference != 0))
        if balance.removed is None:
            self.status.setText(_("Removed count not confirmed yet."))
            style = PENDING_STYLE
        elif balance.difference == 0:
            self.status.setText(
                _("✓ All {inserted} needles accounted for.").format(inserted=balance.inserted)
            )
            style = OK_STYLE
        else:
            missing = balance.difference or 0
            what = (
                _("{missing} not accounted for").format(missing=missing)
                if missing > 0
                else _("{value} more removed than inserted").format(value=-missing)
            )
            explained = _(" — note recorded.") if count_note else _(" — recount, or note why before signing.")
            self.status.setText(_("⚠ Difference: {what}{explained}").format(what=what, explained=explained))
            style = DIFFERENCE_STYLE
        if self._status_style != style:  # a new style sheet restyles the label: only on a change
            self._status_style = style
            theme.style(self.status, style)
        self._update_note_visibility()

    def _update_note_visibility(self) -> None:
        differs = self.removed.value() != self._balance.inserted
        self.note.setVisible(differs or bool(self._note_text))

    def _confirm(self) -> None:
        count = self.removed.value()
        note = self.note.text() if count != self._balance.inserted else ""
        self.confirm_requested.emit(count, note)
