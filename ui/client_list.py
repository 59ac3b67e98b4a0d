"""The client list: a table model over the type-ahead search, and the pane that shows it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QTimer, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from acuchart.dates import short_date
from acuchart.i18n import N_, _, ngettext
from acuchart.models import ClientSummary
from acuchart.services.clients import PAGE_SIZE
from ui.accessibility import accessible
from ui.style import mute

if TYPE_CHECKING:
    from PySide6.QtCore import QPersistentModelIndex
    from PySide6.QtGui import QFont, QKeyEvent

    from acuchart.practice import Practice

    Index = QModelIndex | QPersistentModelIndex

# Qt.ItemDataRole values as plain ints. Views hand data() its role as an int, and naming Qt's enums
# on the way to the first window would load the whole Qt enum namespace (some 25 ms) before it appears.
DISPLAY_ROLE = 0
TOOL_TIP_ROLE = 3
FONT_ROLE = 6
USER_ROLE = 0x100
NAMES_MEASURED = 200
"""How many of the listed names the name column is sized to (the first page and more)."""
CELL_PADDING = 16
"""The room a cell leaves either side of its text, and then some."""


def clients_text(count: int) -> str:
    """ "1 client", "2 clients", "10,000 clients"."""
    return ngettext("{count:,} client", "{count:,} clients", count).format(count=count)


def format_dob(iso: str | None) -> str:
    """A birth date as a practitioner reads it: 25 Mar 1984."""
    if not iso:
        return ""
    return short_date(dt.date.fromisoformat(iso))


class ClientListModel(QAbstractTableModel):
    """Clients matching the current search: name, date of birth, phone.

    It holds one page of the search at first (a screenful and some), and reads the next page when the
    view scrolls to its end (Qt's ``canFetchMore``/``fetchMore``), so a practice of 100,000 clients costs
    the list a few hundred rows, not 100,000.
    """

    HEADERS = (N_("Name"), N_("Born"), N_("Phone"))
    ClientIdRole = USER_ROLE + 1
    _SERVED = frozenset((DISPLAY_ROLE, TOOL_TIP_ROLE, FONT_ROLE, ClientIdRole))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clients: list[ClientSummary] = []
        self._born: dict[int, str] = {}
        self._italic_font: QFont | None = None
        self._next_page: Callable[[int], list[ClientSummary]] | None = None

    def set_clients(
        self, clients: list[ClientSummary], next_page: Callable[[int], list[ClientSummary]] | None = None
    ) -> None:
        """Show a new search result: its first page, and ``next_page(id of the last client shown)`` to read
        the following one (None when ``clients`` is the whole result)."""
        self.beginResetModel()
        self._clients = list(clients)
        self._born = {}  # formatted as rows come into view
        self._next_page = next_page if len(clients) >= PAGE_SIZE else None
        self.endResetModel()

    @property
    def complete(self) -> bool:
        """True when every client of the search is in the model."""
        return self._next_page is None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._next_page is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._next_page is None or not self._clients:
            return
        page = self._next_page(self._clients[-1].id)
        if len(page) < PAGE_SIZE:
            self._next_page = None
        if page:
            first = len(self._clients)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._clients += page
            self.endInsertRows()

    def _italic(self) -> QFont:
        """The archived clients' font, made on first need (QFont is slow to load at start-up)."""
        if self._italic_font is None:
            from PySide6.QtGui import QFont

            self._italic_font = QFont()
            self._italic_font.setItalic(True)
        return self._italic_font

    def client_at(self, row: int) -> ClientSummary | None:
        """The client on a row, or None."""
        return self._clients[row] if 0 <= row < len(self._clients) else None

    def row_of(self, client_id: int) -> int:
        """The row showing a client, or -1."""
        return next((i for i, c in enumerate(self._clients) if c.id == client_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._clients)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = DISPLAY_ROLE) -> Any:
        # Views ask each cell for a dozen roles as they paint; the ones not served return at once.
        if role not in self._SERVED or not index.isValid() or not 0 <= index.row() < len(self._clients):
            return None
        client = self._clients[index.row()]
        column = index.column()
        if role == DISPLAY_ROLE:
            if column == 0:
                return client.display_name + (_("  (archived)") if client.archived else "")
            if column == 1:
                row = index.row()
                if row not in self._born:
                    self._born[row] = format_dob(client.date_of_birth)
                return self._born[row]
            if column == 2:
                return client.phone
        elif role == TOOL_TIP_ROLE:
            return "\n".join(p for p in (client.display_name, client.email, client.phone) if p)
        elif role == self.ClientIdRole:
            return client.id
        elif role == FONT_ROLE and client.archived:
            return self._italic()
        return None


class _SearchBox(QLineEdit):
    """The type-ahead box: Down moves into the list, Enter opens the first match."""

    move_down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == QtCore.Qt.Key.Key_Down:
            self.move_down.emit()
            return
        super().keyPressEvent(event)


class ClientListPane(QWidget):
    """Search box, client table, new-client button and the archived switch."""

    client_activated = Signal(int)
    new_client_requested = Signal()
    width_wanted = Signal(int)
    """The width that would show the listed names, birth dates and phones whole (after each search)."""

    def __init__(
        self, practice: Practice, show_archived: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self.search = _SearchBox()
        self.search.setPlaceholderText(_("Find a client: name, phone, email or birth date  (Ctrl+F)"))
        accessible(
            self.search, "Find a client", _("Name, phone, email or birth date; Down moves into the list")
        )
        # Natively as roomy as the padded text boxes of the dialogs (see ui/style.py).
        self.search.setTextMargins(4, 2, 4, 2)  # its clear button comes after the first frame
        self.model = ClientListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(
            False
        )  # Tab leaves the table (the arrow keys move in it): no keyboard trap
        accessible(self.table, "Clients", _("Enter opens the client's page"))
        # The column titles come from a plain Qt model: a Python headerData() would be handed Qt's
        # Orientation enum, whose namespace takes some 25 ms to load, while the window first paints.
        self.header_labels = QStandardItemModel(0, len(ClientListModel.HEADERS), self)
        self.header_labels.setHorizontalHeaderLabels([_(h) for h in ClientListModel.HEADERS])
        self.table.horizontalHeader().setModel(self.header_labels)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        # Names show whole: the name column is as wide as the longest name listed (measured from the
        # search result, not through the view, which would ask every row for every role), the birth date
        # and phone columns fixed, and the phone column takes whatever room is left over.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(True)
        digits = self.table.fontMetrics().horizontalAdvance("0")
        header.resizeSection(1, digits * 13)
        header.resizeSection(2, digits * 15)
        self._narrowest_name = self.table.fontMetrics().horizontalAdvance(_("Lastname, First"))
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.count_label = QLabel()
        mute(self.count_label)
        self.archived_box = QCheckBox(_("Show archived"))
        self.archived_box.setChecked(show_archived)
        new_button = QPushButton(_("New client…"))
        new_button.setMinimumHeight(new_button.sizeHint().height() + 8)
        new_button.setToolTip(_("Add a client (Ctrl+N)"))

        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.archived_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(new_button)

        # A short pause after each key keeps typing smooth on a large practice.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(40)
        self._timer.timeout.connect(self._search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._open_first)
        self.search.move_down.connect(self._focus_table)
        self.archived_box.toggled.connect(lambda _on: self.refresh())
        self.table.activated.connect(self._activated)
        self.table.clicked.connect(self._activated)
        self.model.rowsInserted.connect(lambda *_rows: self._show_count())
        new_button.clicked.connect(self.new_client_requested)
        self.total: int | None = None
        """How many clients there are (archived ones too while they are shown), as last counted; None until
        :meth:`recount`."""
        self._search()

    def refresh(self) -> None:
        """Count the clients and run the search again (after a client changed, or the archived switch)."""
        self._search()
        self.recount()

    def recount(self) -> None:
        """Count the clients for the line under the list. Counting reads a whole index (some 20 ms at 100,000
        clients), so the first frame goes without it: the main window asks once it is up."""
        self.total = self._practice.clients.count(self.archived_box.isChecked())
        self._show_count()

    def _search(self) -> None:
        """Run the search for what is typed (the count stays: typing changes no client)."""
        selected = self.selected_client_id()
        query, archived = self.search.text(), self.archived_box.isChecked()
        clients = self._practice.clients
        first_page = clients.search(query, archived)
        self.model.set_clients(first_page, lambda after: clients.search(query, archived, after=after))
        self._fit_names(first_page)
        self._show_count()
        if selected is not None:
            self.select_client(selected)

    def _show_count(self) -> None:
        shown, total = self.model.rowCount(), self.total
        if total is None:
            self.count_label.setText("")
        elif not self.search.text().strip():
            self.count_label.setText(clients_text(total))
        elif self.model.complete:
            self.count_label.setText(
                _("{shown:,} of {clients_text}").format(shown=shown, clients_text=clients_text(total))
            )
        else:
            self.count_label.setText(
                _("first {shown:,} of {clients_text} (scroll for more)").format(
                    shown=shown, clients_text=clients_text(total)
                )
            )

    def _fit_names(self, clients: list[ClientSummary]) -> None:
        """Make the name column as wide as the longest name in the first rows (a screenful and more)."""
        metrics = self.table.fontMetrics()
        widest = max(
            (
                metrics.horizontalAdvance(
                    client.display_name + (_("  (archived)") if client.archived else "")
                )
                for client in clients[:NAMES_MEASURED]
            ),
            default=0,
        )
        self.table.horizontalHeader().resizeSection(0, max(widest, self._narrowest_name) + CELL_PADDING)
        self.width_wanted.emit(self.preferred_width())

    def preferred_width(self) -> int:
        """The width that shows the listed names, birth dates and phone numbers whole."""
        header = self.table.horizontalHeader()
        columns = sum(header.sectionSize(i) for i in range(header.count() - 1))
        phone = self.table.fontMetrics().horizontalAdvance("0") * 15
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else None
        sides = margins.left() + margins.right() if margins is not None else 0
        scroll_bar = self.table.verticalScrollBar().sizeHint().width()
        frame = 2 * self.table.frameWidth()
        return columns + phone + scroll_bar + frame + sides

    def selected_client_id(self) -> int | None:
        """The id of the highlighted client, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        client = self.model.client_at(rows[0].row())
        return client.id if client else None

    def select_client(self, client_id: int) -> None:
        """Highlight a client if it is in the list."""
        row = self.model.row_of(client_id)
        if row >= 0:
            self.table.selectRow(row)

    def _flush_search(self) -> None:
        """Run a search still waiting out the typing pause, so the list matches what was typed."""
        if self._timer.isActive():
            self._timer.stop()
            self._search()

    def _open_first(self) -> None:
        # Enter straight after the last key must open the match for what was typed, not the old list.
        self._flush_search()
        client = self.model.client_at(0)
        if client is not None:
            self.table.selectRow(0)
            self.client_activated.emit(client.id)

    def _focus_table(self) -> None:
        self._flush_search()
        if self.model.rowCount():
            self.table.setFocus()
            if not self.table.selectionModel().hasSelection():
                self.table.selectRow(0)

    def _activated(self, index: QModelIndex) -> None:
        client = self.model.client_at(index.row())
        if client is not None:
            self.client_activated.emit(client.id)
