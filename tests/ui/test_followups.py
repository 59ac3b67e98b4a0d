"""The practice-wide follow-ups, reached from View → Follow-ups, and the audit warning bar of the main window."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from acuchart import clock
from acuchart.practice import Practice
from tests.records_helpers import NOW, chart_session, client_with_course
from ui.main_window import MainWindow
from ui.preferences import Preferences
from ui.records.followups import FollowUpsView
from ui.records.item_models import ReactionsModel

SEP_1 = dt.datetime(2026, 9, 1, 10, 0)


@pytest.fixture(autouse=True)
def _today_is_21_november_2026() -> Iterator[None]:
    with clock.frozen_at(NOW):
        yield


def busy_practice(practice: Practice) -> dict[str, int]:
    """An open bruise, an overdue course and a maintenance visit due, each for a different client."""
    amelia, amelia_course = client_with_course(practice)
    sofia, sofia_course = client_with_course(practice, "Sofía", "Domínguez")
    eva, eva_course = client_with_course(practice, "Eva", "Lindqvist")
    with clock.frozen_at(NOW - dt.timedelta(days=2)):
        session = chart_session(practice, sofia.id, sofia_course.id, NOW - dt.timedelta(days=2))
        mark = practice.sessions.load(session.id).marks[0]
        practice.charting.add_reaction(session.id, mark.id, "bruising", "mild", "during", "Pressed 60 s")
    with clock.frozen_at(SEP_1):
        chart_session(practice, amelia.id, amelia_course.id, SEP_1)
    with clock.frozen_at(dt.datetime(2026, 8, 25, 17)):
        practice.courses.complete_course(eva_course.id, maintenance_months=3)
    return {"amelia": amelia.id, "sofia": sofia.id, "eva": eva.id}


def shown_view(qtbot: QtBot, practice: Practice) -> FollowUpsView:
    view = FollowUpsView(practice)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    return view


def test_follow_ups_list_what_to_ask_about_and_what_to_book(
    qtbot: QtBot, practice: Practice, qtmodeltester
) -> None:
    busy_practice(practice)
    view = shown_view(qtbot, practice)
    for model in (view.reactions_model, view.overdue_model, view.maintenance_model):
        qtmodeltester.check(model)
    assert view.summary.text() == "3 things to follow up, as of Saturday, 21 November 2026"
    reactions = view.reactions_model
    assert [reactions.index(0, c).data() for c in range(5)] == [
        "Sofía Domínguez",
        "19 Nov 2026",
        "Mild bruising at left ST2",
        "Pressed 60 s",
        "Open 2 days",
    ]
    overdue = view.overdue_model
    assert [overdue.index(0, c).data() for c in range(4)] == [
        "Amelia Hartley",
        "Session 1 of 10 done",
        "Tue, 8 Sept 2026",
        "74 days overdue",
    ]
    maintenance = view.maintenance_model
    assert [maintenance.index(0, c).data() for c in range(4)] == [
        "Eva Lindqvist",
        "Maintenance every 3 months",
        "Wed, 25 Nov 2026",
        "due in 4 days",
    ]
    assert [s.heading.text() for s in view.sections] == [
        "Open reactions (1)",
        "Overdue courses (1)",
        "Maintenance due (next two weeks) (1)",
    ]


def test_resolving_from_the_follow_ups_takes_the_row_away(qtbot: QtBot, practice: Practice) -> None:
    ids = busy_practice(practice)
    view = shown_view(qtbot, practice)
    table = view.reactions_table
    rect = table.visualRect(view.reactions_model.index(0, ReactionsModel.ACTION_COLUMN))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.reactions_model.rowCount() == 0
    assert view.sections[0].empty.isVisible()
    assert practice.followups.reactions_for_client(ids["sofia"])[0].resolved_on == NOW.date()


def test_a_double_click_on_a_row_asks_for_that_client(qtbot: QtBot, practice: Practice) -> None:
    ids = busy_practice(practice)
    view = shown_view(qtbot, practice)
    rect = view.overdue_table.visualRect(view.overdue_model.index(0, 0))
    with qtbot.waitSignal(view.client_requested) as asked:
        qtbot.mouseClick(view.overdue_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.overdue_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert asked.args == [ids["amelia"]]


def test_nothing_to_follow_up_reads_calmly(qtbot: QtBot, practice: Practice) -> None:
    view = shown_view(qtbot, practice)
    assert view.summary.text() == "Nothing to follow up, as of Saturday, 21 November 2026."
    assert all(section.empty.isVisible() for section in view.sections)


def make_window(qtbot: QtBot, practice: Practice, preferences: Preferences) -> MainWindow:
    window = MainWindow(practice, preferences)
    qtbot.addWidget(window)
    window.show()
    return window


def test_view_follow_ups_opens_the_list_and_a_row_opens_the_client(
    qtbot: QtBot, practice: Practice, preferences: Preferences
) -> None:
    ids = busy_practice(practice)
    window = make_window(qtbot, practice, preferences)
    assert window.followups_action.shortcut().toString() == "Ctrl+Shift+F"
    window.followups_action.trigger()
    assert window.chart_area.currentWidget() is window.followups
    window.followups.client_requested.emit(ids["eva"])
    assert window.chart_area.currentWidget() is window.client_page
    assert window.client_page.name_label.text() == "Eva Lindqvist"


def test_an_intact_audit_trail_shows_no_bar(
    qtbot: QtBot, practice_file: Practice, preferences: Preferences
) -> None:
    busy_practice(practice_file)
    window = make_window(qtbot, practice_file, preferences)
    qtbot.waitUntil(lambda: window.audit_bar.report is not None)
    assert not window.audit_bar.isVisible()


def test_a_broken_audit_trail_shows_a_red_bar_and_work_goes_on(
    qtbot: QtBot, practice_path: Path, preferences: Preferences
) -> None:
    practice = Practice.open(practice_path)
    ids = busy_practice(practice)
    practice.close()
    conn = sqlite3.connect(practice_path)
    conn.execute("drop trigger audit_no_update")
    conn.execute("update audit set actor = 'Mallory' where id = 5")
    conn.commit()
    conn.close()
    practice = Practice.open(practice_path)
    try:
        window = make_window(qtbot, practice, preferences)
        qtbot.waitUntil(lambda: window.audit_bar.report is not None)
        assert window.audit_bar.isVisible()
        assert window.audit_bar.message.text().startswith(
            "⚠ The audit trail is broken at entry 5: entry 5 was changed after it was written. Run main.py check"
        )
        window.show_client(ids["amelia"])
        assert window.chart_area.currentWidget() is window.client_page
        window.close()
    finally:
        practice.close()


def test_a_long_list_shows_its_full_count_and_reads_more_rows_as_it_scrolls(
    qtbot: QtBot, practice: Practice, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.records import followups

    monkeypatch.setattr(followups, "PAGE", 3)
    for i in range(7):
        client, course = client_with_course(practice, f"Client {i}", "Bruised")
        with clock.frozen_at(SEP_1 + dt.timedelta(days=i)):
            session = chart_session(practice, client.id, course.id, SEP_1 + dt.timedelta(days=i))
            practice.charting.add_reaction(session.id, None, "headache", "mild")
    view = shown_view(qtbot, practice)
    model = view.reactions_model
    assert model.rowCount() == 3
    assert [s.heading.text() for s in view.sections[:2]] == ["Open reactions (7)", "Overdue courses (7)"]
    assert view.summary.text() == "14 things to follow up, as of Saturday, 21 November 2026"
    view.reactions_table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 6)
    view.reactions_table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 7)
    assert [model.index(row, 0).data() for row in range(7)] == [f"Client {i} Bruised" for i in range(7)]
    assert not model.canFetchMore(model.index(-1, -1))
