"""Opening a practice from the GUI: a bad file gets a dialog with a plain message, never a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from acuchart.paths import log_path
from acuchart.practice import Practice
from ui.app import install_crash_handler, open_practice


@pytest.fixture
def shown_messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every message box's text, with the box answered 'Quit' at once instead of waiting for a click."""
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(text))
    return shown


def test_a_file_that_is_not_sqlite_gets_a_dialog_and_stays_untouched(
    qtbot: QtBot, tmp_path: Path, shown_messages: list[str]
) -> None:
    path = tmp_path / "photo.acuchart"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    assert open_practice(path) is None
    assert len(shown_messages) == 1
    assert "not an AcuChart practice file" in shown_messages[0]
    assert "Traceback" not in shown_messages[0]
    assert path.read_bytes() == b"\x89PNG\r\n\x1a\n" + b"\0" * 100


def test_a_second_window_on_the_same_file_is_told_it_is_open_elsewhere(
    qtbot: QtBot, practice_file: Practice, shown_messages: list[str]
) -> None:
    assert practice_file.path is not None
    assert open_practice(practice_file.path) is None
    assert "already open" in shown_messages[0]


def test_an_unexpected_error_shows_a_plain_message_and_logs_the_details(
    qtbot: QtBot, shown_messages: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from acuchart.logs import setup_logging

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    setup_logging()
    install_crash_handler()
    try:
        raise ZeroDivisionError("needle count divided by zero")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    assert len(shown_messages) == 1
    assert "Everything saved before it is safe" in shown_messages[0]
    assert "Traceback" not in shown_messages[0]
    assert "ZeroDivisionError: needle count divided by zero" in log_path().read_text()


def test_switching_practice_files_closes_the_old_one_and_keeps_it_on_a_bad_file(
    qtbot: QtBot, tmp_path: Path, shown_messages: list[str], preferences
) -> None:
    from ui.app import PracticeSwitcher

    first_path, second_path = tmp_path / "first.acuchart", tmp_path / "second.acuchart"
    switcher = PracticeSwitcher(preferences)
    switcher.show(Practice.open(first_path))
    first_window = switcher.window
    assert first_window is not None
    qtbot.addWidget(first_window)
    first_window.practice_file_chosen.emit(second_path)
    assert switcher.practice is not None and switcher.practice.path == second_path
    assert switcher.window is not first_window and switcher.window is not None
    qtbot.addWidget(switcher.window)
    assert preferences.last_practice == str(second_path)
    Practice.open(first_path).close()  # the first file was released: no "already open"
    (tmp_path / "notes.txt").write_text("not a practice")
    switcher.window.practice_file_chosen.emit(tmp_path / "notes.txt")
    assert "not an AcuChart practice file" in shown_messages[-1]
    assert switcher.practice.path == second_path
    switcher.close()
