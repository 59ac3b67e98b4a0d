"""Needle lot recall: every client and session that used a lot, found from its number in any spelling."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from acuchart.dates import short_moment
from acuchart.i18n import N_, _, ngettext
from acuchart.practice import Practice
from ui.accessibility import accessible
from ui.style import mute

HEADERS = (N_("Date"), N_("Client"), N_("Phone"), N_("Email"), N_("Box"))
SESSION_ROLE = 0x0100
"""Qt.ItemDataRole.UserRole: the session of a row."""


class LotRecallDialog(QDialog):
    """Type a lot number: the sessions that used it, newest first; double-click one to open it."""

    session_requested = Signal(int)

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Needle lot recall"))
        self.resize(820, 460)
        self._practice = practice
        self.lot = QLineEdit()
        self.lot.setObjectName("lotNumber")
        self.lot.setPlaceholderText(_("Lot number, as printed on the box or in the recall notice"))
        accessible(self.lot, "Lot number")
        self.summary = QLabel(_("Case, spaces and dashes do not matter."))
        mute(self.summary)
        self.model = QStandardItemModel(0, len(HEADERS), self)
        self.model.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(
            False
        )  # Tab leaves the table (the arrow keys move in it): no keyboard trap
        accessible(self.table, "Sessions that used this lot", _("Enter opens the session"))
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda index: self._open(index.row()))
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.look_up)
        self.lot.textChanged.connect(lambda _t: self._timer.start())
        self.lot.returnPressed.connect(self.look_up)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lot)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        numbers = [lot.lot_number for lot in practice.needle_lots.all_lots()]
        if numbers:
            known = QLabel(
                _("Boxes entered: ") + ", ".join(numbers[:12]) + ("…" if len(numbers) > 12 else "")
            )
            known.setWordWrap(True)
            mute(known)
            layout.addWidget(known)

    def look_up(self) -> None:
        """Show every session that used the lot typed."""
        self._timer.stop()
        typed = self.lot.text().strip()
        uses = self._practice.needle_lots.uses_of(typed) if typed else []
        self.model.removeRows(0, self.model.rowCount())
        for use in uses:
            cells = [
                QStandardItem(short_moment(use.started_at)),
                QStandardItem(use.client_name),
                QStandardItem(use.phone),
                QStandardItem(use.email),
                QStandardItem(use.lot_title),
            ]
            cells[0].setData(use.session_id, SESSION_ROLE)
            self.model.appendRow(cells)
        self.table.resizeColumnsToContents()
        if not typed:
            self.summary.setText(_("Case, spaces and dashes do not matter."))
        elif uses:
            clients = len({use.client_id for use in uses})
            self.summary.setText(
                _("{sessions} of {clients} used this lot. Double-click one to open it.").format(
                    sessions=ngettext("{count} session", "{count} sessions", len(uses)).format(
                        count=len(uses)
                    ),
                    clients=ngettext("{count} client", "{count} clients", clients).format(count=clients),
                )
            )
        else:
            self.summary.setText(_("No session used a lot matching “{typed}”.").format(typed=typed))

    def _open(self, row: int) -> None:
        item = self.model.item(row, 0)
        if item is not None:
            self.session_requested.emit(int(item.data(SESSION_ROLE)))
            self.accept()
