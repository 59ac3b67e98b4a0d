"""A large practice's client list holds a page of clients, and reads the next page as it scrolls."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from acuchart.practice import Practice
from acuchart.services.clients import PAGE_SIZE, ClientForm
from tests.ui.elsewhere import elsewhere
from ui.client_list import ClientListModel, ClientListPane
from ui.main_window import MainWindow
from ui.preferences import Preferences

CLIENTS = 2 * PAGE_SIZE + 50


def fill(practice: Practice) -> None:
    """Clients named so that the list's order is easy to state: Client 0000, Client 0001, ..."""
    practice.clients.create_many(
        [
            ClientForm(first_name=f"Amelia {i:04d}" if i % 2 else f"Zoë {i:04d}", last_name=f"Client {i:04d}")
            for i in range(CLIENTS)
        ]
    )


def names(model: ClientListModel) -> list[str]:
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def test_a_large_list_holds_one_page_until_it_is_scrolled_to_the_end(
    qtbot: QtBot, practice: Practice
) -> None:
    fill(practice)
    pane = ClientListPane(practice)
    qtbot.addWidget(pane)
    pane.resize(420, 600)
    pane.show()
    qtbot.waitExposed(pane)
    assert pane.model.rowCount() == PAGE_SIZE
    assert pane.count_label.text() == ""  # counted once the window is up (the main window asks)
    pane.recount()
    assert pane.count_label.text() == f"{CLIENTS} clients"
    pane.table.scrollToBottom()
    qtbot.waitUntil(lambda: pane.model.rowCount() == 2 * PAGE_SIZE)
    pane.table.scrollToBottom()
    qtbot.waitUntil(lambda: pane.model.rowCount() == CLIENTS)
    assert names(pane.model) == [
        f"Client {i:04d}, {'Amelia' if i % 2 else 'Zoë'} {i:04d}" for i in range(CLIENTS)
    ]
    assert not pane.model.canFetchMore(QModelIndex())


def test_a_search_with_more_matches_than_a_page_says_so_and_reads_on(
    qtbot: QtBot, practice: Practice
) -> None:
    fill(practice)
    pane = ClientListPane(practice)
    qtbot.addWidget(pane)
    pane.show()
    pane.recount()
    qtbot.keyClicks(pane.search, "am")
    qtbot.waitUntil(
        lambda: pane.count_label.text() == f"first {PAGE_SIZE} of {CLIENTS} clients (scroll for more)"
    )
    assert all("Amelia" in name for name in names(pane.model))
    pane.model.fetchMore(QModelIndex())
    assert pane.model.rowCount() == CLIENTS // 2
    assert pane.count_label.text() == f"{CLIENTS // 2} of {CLIENTS} clients"
    pane.search.setText("client 0421 am")
    qtbot.waitUntil(lambda: names(pane.model) == ["Client 0421, Amelia 0421"])
    assert pane.count_label.text() == f"1 of {CLIENTS} clients"


def test_the_paged_model_passes_the_model_tester(practice: Practice, qtmodeltester) -> None:
    fill(practice)
    model = ClientListModel()
    model.set_clients(practice.clients.search(""), lambda after: practice.clients.search("", after=after))
    qtmodeltester.check(model)
    assert model.rowCount() == CLIENTS  # the tester asked for every page


def test_a_new_client_is_counted_and_archiving_one_recounts(
    qtbot: QtBot, practice: Practice, preferences: Preferences
) -> None:
    fill(practice)
    window = MainWindow(practice, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(
        lambda: window.clients.count_label.text() == f"{CLIENTS} clients"
    )  # once the window is up
    form = ClientForm(first_name="Mei", last_name="Lin")
    client = elsewhere(practice, lambda: practice.clients.create(form))
    qtbot.waitUntil(lambda: window.clients.count_label.text() == f"{CLIENTS + 1} clients")
    elsewhere(practice, lambda: practice.clients.set_archived(client.id, True))
    qtbot.waitUntil(lambda: window.clients.count_label.text() == f"{CLIENTS} clients")
