"""One runner for every change: each screen hears a change once, and the one that made it refreshes once."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from acuchart import clock
from acuchart.changes import Changes, OpResult
from acuchart.errors import ValidationError
from acuchart.practice import Practice
from tests.records_helpers import NOW, chart_session, client_with_course
from ui.main_window import MainWindow
from ui.operations import Operations
from ui.preferences import Preferences
from ui.records.ratings_widget import RatingsWidget
from ui.records.sign_panel import SignPanel


@pytest.fixture(autouse=True)
def _today_is_21_november_2026() -> Iterator[None]:
    with clock.frozen_at(NOW):
        yield


def counting(monkeypatch: pytest.MonkeyPatch, owner: type, name: str) -> list[object]:
    """Count the calls of ``owner.name`` (the method still runs)."""
    calls: list[object] = []
    real: Callable[..., object] = getattr(owner, name)

    def counted(self: object, *args: object, **kwargs: object) -> object:
        calls.append(self)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_a_listener_that_fails_is_logged_and_the_others_still_hear(caplog: pytest.LogCaptureFixture) -> None:
    ops = Operations()
    heard: list[tuple[Changes, object]] = []

    def broken(_changes: Changes, _initiator: object) -> None:
        raise RuntimeError("a screen that fails to redraw")

    ops.subscribe(broken)
    ops.subscribe(lambda changes, initiator: heard.append((changes, initiator)))
    with caplog.at_level(logging.ERROR, logger="acuchart.ui"):
        value = ops.apply(lambda: OpResult(42, Changes(marks=True, session_id=7)), initiator="the chart")
    assert value == 42
    assert heard == [(Changes(marks=True, session_id=7), "the chart")]
    assert "failed to refresh" in caplog.text and "a screen that fails to redraw" in caplog.text


def test_a_refusal_is_shown_once_and_nothing_is_published(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    ops = Operations()
    heard: list[Changes] = []
    ops.subscribe(lambda changes, _initiator: heard.append(changes))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    parent = QWidget()
    qtbot.addWidget(parent)

    def refused() -> OpResult[None]:
        raise ValidationError({"code": "XX99 is not a point in the catalogue."})

    assert ops.run(refused, parent) is None
    assert shown == ["XX99 is not a point in the catalogue."] and heard == []


def test_an_operation_that_changed_nothing_is_not_published() -> None:
    ops = Operations()
    heard: list[Changes] = []
    ops.subscribe(lambda changes, _initiator: heard.append(changes))
    ops.apply(lambda: OpResult([], Changes()))
    assert heard == []


def test_signing_from_the_sign_panel_refreshes_it_once(
    qtbot: QtBot, practice: Practice, monkeypatch: pytest.MonkeyPatch
) -> None:
    client, course = client_with_course(practice)
    session = chart_session(practice, client.id, course.id, NOW - dt.timedelta(minutes=50))
    panel = SignPanel(practice, session.id)
    qtbot.addWidget(panel)
    monkeypatch.setattr(SignPanel, "confirm_sign", lambda _self: True)
    refreshes = counting(monkeypatch, SignPanel, "refresh")
    panel.sign()
    assert practice.sessions.get(session.id).signed
    assert refreshes == [panel]
    assert panel.signature.text().startswith("Signed")


def test_a_rating_tap_refreshes_the_ratings_once(
    qtbot: QtBot, practice: Practice, monkeypatch: pytest.MonkeyPatch
) -> None:
    client, course = client_with_course(practice)
    session = chart_session(practice, client.id, course.id, NOW - dt.timedelta(minutes=50))
    widget = RatingsWidget(practice, session.id)
    qtbot.addWidget(widget)
    refreshes = counting(monkeypatch, RatingsWidget, "refresh")
    widget.buttons["wrinkles"][6].click()
    assert practice.ratings.ratings_for(session.id) == {"wrinkles": 6}
    assert refreshes == [widget]
    assert widget.buttons["wrinkles"][6].isChecked()


def test_archiving_from_the_window_refreshes_the_list_and_the_page_once_each(
    qtbot: QtBot, practice: Practice, preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.client_list import ClientListPane
    from ui.client_page import ClientPage

    client, _ = client_with_course(practice)
    window = MainWindow(practice, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_client(client.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    lists = counting(monkeypatch, ClientListPane, "refresh")
    pages = counting(monkeypatch, ClientPage, "show_client")
    window.client_actions.set_archived(client.id, True)
    assert practice.clients.get(client.id).archived
    assert lists == [window.clients] and pages == [window.client_page]
    assert "(archived)" in window.client_page.name_label.text()
