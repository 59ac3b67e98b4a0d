"""What a practitioner sees first and looks up: the keyboard shortcuts (every one, read from the actions),
About (version, practice file, log), the window icon, "1 client", and names shown whole in the list."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoCommand
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from acuchart import __version__
from acuchart.paths import log_path
from acuchart.practice import Practice
from acuchart.services.clients import ClientForm
from ui import shortcuts as shortcuts_module
from ui.client_list import clients_text
from ui.main_window import MainWindow
from ui.preferences import Preferences
from ui.printing.preview import PREVIEW_KEYS
from ui.shortcuts import ShortcutsDialog


def make_window(qtbot: QtBot, practice: Practice, preferences: Preferences) -> MainWindow:
    window = MainWindow(practice, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.finish_start()
    return window


@pytest.fixture
def listed(monkeypatch: pytest.MonkeyPatch) -> list[list[tuple[str, str, str]]]:
    """The rows of every Keyboard shortcuts dialog opened, instead of waiting for it to be closed."""
    seen: list[list[tuple[str, str, str]]] = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda dialog: seen.append(dialog.rows()) or 0)
    return seen


def every_keyed_action(widget: QWidget) -> list[QAction]:
    return [a for a in widget.findChildren(QAction) if a.shortcuts() and a.text()]


def test_keyboard_shortcuts_lists_every_key_of_the_menus_and_the_chart(
    qtbot: QtBot, demo_practice: Practice, preferences: Preferences, listed: list[list[tuple[str, str, str]]]
) -> None:
    window = make_window(qtbot, demo_practice, preferences)
    help_menu = window._menus["&Help"]
    shortcuts_item = next(a for a in help_menu.actions() if "Keyboard shortcuts" in a.text())
    shortcuts_item.trigger()
    rows = listed[-1]
    keys_of = {(section, what): keys for section, what, keys in rows}
    assert keys_of["Client menu", "New client"] == "Ctrl+N"
    assert keys_of["Edit menu", "Redo"] == "Ctrl+Shift+Z, Ctrl+Y"
    assert keys_of["Print menu", "Print handout for this session"] == "Ctrl+P"
    assert keys_of["Charting a session", "Record a reaction at the selected marks"] == "R"
    assert keys_of["Charting a session", "Free marker"] == "F"
    assert keys_of["Charting a session", "Remove the selected marks"] == "Del, Backspace"
    assert keys_of["Print preview", "Fit the page to the width"] == "Ctrl+0"
    assert keys_of["Help menu", "Keyboard shortcuts"] == "Ctrl+/"
    # Every keyed action the window and the session chart own is in the list, with each of its keys.
    listed_keys = {keys for _section, _what, keys in rows}
    for action in every_keyed_action(window):
        for sequence in action.shortcuts():
            written = sequence.toString(QKeySequence.SequenceFormat.NativeText)
            if shortcuts_module.is_device_key(sequence):
                continue
            assert any(written in keys.split(", ") for keys in listed_keys), (action.text(), written)
    # Undo keeps its own name in the list however its menu text changes with what it would undo.
    window.undo_stack.push(QUndoCommand("Mark ST2 (left)"))
    assert window.undo_action.text() == "&Undo Mark ST2 (left)"
    window.show_shortcuts()
    assert [w for s, w, _k in listed[-1] if s == "Edit menu"][:2] == ["Undo", "Redo"]
    assert len(rows) == len({(s, w) for s, w, _k in rows})  # each thing once
    assert {w for s, w, _k in rows if s == "Print preview"} == {text for _keys, text, _slot in PREVIEW_KEYS}


def test_a_new_menu_item_shows_in_the_shortcuts_without_touching_the_list(
    qtbot: QtBot, demo_practice: Practice, preferences: Preferences, listed: list[list[tuple[str, str, str]]]
) -> None:
    window = make_window(qtbot, demo_practice, preferences)
    extra = QAction("Weigh the needles", window)
    extra.setShortcuts([QKeySequence("Ctrl+Alt+W")])
    window._menus["&View"].addAction(extra)
    window.show_shortcuts()
    assert ("View menu", "Weigh the needles", "Ctrl+Alt+W") in listed[-1]


def test_about_names_the_version_the_practice_file_and_the_log(
    qtbot: QtBot, practice_file: Practice, preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window = make_window(qtbot, practice_file, preferences)
    next(a for a in window._menus["&Help"].actions() if "About" in a.text()).trigger()
    assert f"AcuChart {__version__}" in shown[0]
    assert str(practice_file.path) in shown[0]
    assert str(log_path()) in shown[0]


def test_every_window_gets_the_icon_once_the_first_frame_is_up(
    qtbot: QtBot, practice: Practice, preferences: Preferences
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setWindowIcon(QIcon())  # as a fresh start has it: none yet
    window = MainWindow(practice, preferences)
    qtbot.addWidget(window)
    assert app.windowIcon().isNull()
    window.show()
    qtbot.waitUntil(lambda: window._finished, timeout=3000)
    sizes = {size.width() for size in app.windowIcon().availableSizes()}
    assert {16, 32, 48, 256} <= sizes
    assert not window.windowIcon().isNull()


def test_the_count_says_1_client(qtbot: QtBot, practice: Practice, preferences: Preferences) -> None:
    window = make_window(qtbot, practice, preferences)
    assert window.clients.count_label.text() == "0 clients"
    practice.clients.create(ClientForm(first_name="Amelia", last_name="Hartley"))
    window.clients.refresh()
    assert window.clients.count_label.text() == "1 client"
    assert clients_text(10_000) == "10,000 clients"
    window.clients.search.setText("hart")
    qtbot.waitUntil(lambda: window.clients.count_label.text() == "1 of 1 client", timeout=2000)


def test_names_in_the_client_list_show_whole(
    qtbot: QtBot, demo_practice: Practice, preferences: Preferences, tmp_path: Path
) -> None:
    demo_practice.clients.create(ClientForm(first_name="Anna-Sophia", last_name="Vasconcelos-Whitfield"))
    window = make_window(qtbot, demo_practice, preferences)
    window.resize(1400, 900)
    window.clients.refresh()
    table = window.clients.table
    metrics = table.fontMetrics()
    model = window.clients.model
    widest = max(
        metrics.horizontalAdvance(model.data(model.index(row, 0))) for row in range(model.rowCount())
    )
    name_column = table.horizontalHeader().sectionSize(0)
    assert name_column >= widest + 8  # the whole name and a margin: nothing elided
    # The list starts wide enough to show its three columns whole, without a scroll bar.
    fresh = MainWindow(
        demo_practice, Preferences(QSettings(str(tmp_path / "new.ini"), QSettings.Format.IniFormat))
    )
    qtbot.addWidget(fresh)
    fresh.resize(1400, 900)
    fresh.show()
    qtbot.waitExposed(fresh)
    pane = fresh.clients
    header = pane.table.horizontalHeader()
    columns = sum(header.sectionSize(i) for i in range(3))
    assert columns <= pane.table.viewport().width()
    assert not pane.table.horizontalScrollBar().isVisible()
    # A longer name than any before widens a narrowed list again, when the window has the room.
    fresh.splitter.setSizes([300, 1100])
    demo_practice.clients.create(ClientForm(first_name="Maximiliana", last_name="Oyelaran-Vandenberghe"))
    pane.refresh()
    qtbot.waitUntil(lambda: not pane.table.horizontalScrollBar().isVisible(), timeout=2000)
    assert fresh.splitter.sizes()[0] >= pane.preferred_width()
