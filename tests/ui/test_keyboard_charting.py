"""Charting a whole session with the keyboard alone: every key goes where a real keyboard sends it (the
widget with the focus, or the menu that is open), and the test looks only at what was stored and at what
the diagram tells a screen reader."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from acuchart.practice import Practice
from acuchart.services.clients import ClientForm
from ui.chart.diagram_view import DiagramView
from ui.chart.keyboard import describe
from ui.chart.markers import FreeMarkerItem, PointItem
from ui.main_window import MainWindow
from ui.preferences import Preferences

NO = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def window(qtbot: QtBot, practice_file: Practice, tmp_path: object) -> Iterator[MainWindow]:
    client = practice_file.clients.create(ClientForm(first_name="Sofía", last_name="Domínguez")).value
    practice_file.consent.record_consent(client.id, "2025-01-01", "signed_form")
    practice_file.settings.update(practitioner_name="Hana Okafor")  # who signs
    preferences = Preferences(QSettings(f"{tmp_path}/prefs.ini", QSettings.Format.IniFormat))
    main = MainWindow(practice_file, preferences)
    qtbot.addWidget(main)
    main.resize(1400, 900)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitActive(main)
    main.finish_start()
    yield main


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = NO) -> None:
    """One key, sent where the keyboard's keys go: the open menu, else the widget with the focus."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClicks(target, text)


def answer_with_enter(qtbot: QtBot) -> None:
    """Press Enter in the modal question as soon as it is open (the key goes to its focused button)."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            QTimer.singleShot(20, answer)
            return
        qtbot.keyClick(box.focusWidget() or box, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)


def focused_view() -> DiagramView:
    view = QApplication.focusWidget()
    assert isinstance(view, DiagramView), f"the focus is on {view!r}, not a diagram"
    return view


# A menu opened offscreen cannot raise itself or grab the keyboard (the offscreen platform says so).
@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
def test_a_session_charted_with_the_keyboard_alone(
    qtbot: QtBot, window: MainWindow, practice_file: Practice
) -> None:
    # Find the client: the search has the focus when the window opens; two letters and Enter.
    assert QApplication.focusWidget() is window.clients.search
    type_text(qtbot, "So")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_client_id() is not None)

    # New session, and the diagram has the focus.
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    editor = window.session_editor
    qtbot.waitUntil(lambda: window.showing_session() is editor)
    view = focused_view()
    assert view.info.name == "face"
    assert view.accessibleName() == "Face diagram"
    assert "Arrow keys" in view.accessibleDescription()

    # The first arrow key shows the ring; Space marks the point in it; then four more, each further to
    # the right than the one before (so none is met twice).
    press(qtbot, Qt.Key.Key_Right)
    assert view.keyboard.ring.isVisible()
    charted: list[tuple[str, str]] = []
    for step in [None, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Right]:
        before = view.keyboard.target
        if step is not None:
            press(qtbot, step)
            assert view.keyboard.target is not before
        target = view.keyboard.target
        assert isinstance(target, PointItem)
        assert target.mark is None
        assert view.accessibleName().startswith(f"Face diagram: {target.point.code} ")
        assert view.accessibleName().endswith("not marked")
        press(qtbot, Qt.Key.Key_Space)
        assert target.mark is not None
        assert view.accessibleName().endswith(", marked")
        assert view.keyboard.ring.pos() == target.pos()
        charted.append((target.point.code, target.side))
    session_id = editor.session_id
    assert session_id is not None
    stored = [(m.code, m.side) for m in practice_file.sessions.load(session_id).marks]
    assert stored == charted
    assert len(set(charted)) == 5

    # The menu key opens the mark's menu; its first entry records a mild bruise there.
    last = view.keyboard.target
    assert isinstance(last, PointItem) and last.mark is not None
    press(qtbot, Qt.Key.Key_Menu)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu) and menu.objectName() == "markMenu"
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    reactions = practice_file.sessions.load(session_id).reactions_at(last.mark.id)
    assert [(r.kind, r.severity) for r in reactions] == [("bruising", "mild")]
    assert "reaction, worst mild" in describe(last)[1]
    assert focused_view() is view

    # A free marker without the mouse: F, the crosshair moved by the arrows, Enter; label, Tab, count, Enter.
    press(qtbot, Qt.Key.Key_F)
    assert view.keyboard.cross.isVisible() and not view.keyboard.ring.isVisible()
    start = view.keyboard.crosshair_at
    assert start is not None
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Up, Qt.Key.Key_Left):
        press(qtbot, key)
    x, y = view.keyboard.crosshair_at or (0.0, 0.0)
    assert (round(x, 3), round(y, 3)) == (round(start[0] - 0.01, 3), round(start[1] - 0.02, 3))
    assert "free marker at" in view.accessibleName()
    press(qtbot, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is editor.mark_editor.label
    type_text(qtbot, "forehead line")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "3")
    press(qtbot, Qt.Key.Key_Return)
    assert focused_view() is view
    free = [m for m in practice_file.sessions.load(session_id).marks if m.is_free]
    assert [(m.label, m.needles) for m in free] == [("forehead line", 3)]
    assert free[0].x == pytest.approx(x) and free[0].y == pytest.approx(y)

    # Esc puts the free marker tool away (it does not leave the chart); the ring is back.
    press(qtbot, Qt.Key.Key_Escape)
    assert not editor.toolbar.free_action.isChecked()
    assert window.showing_session() is editor
    press(qtbot, Qt.Key.Key_Left)
    assert view.keyboard.ring.isVisible()

    # Needles out and the signature, still by Tab, Space and the arrow keys.
    for _ in range(10):
        if QApplication.focusWidget() is editor.needles.all_out:
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.needles.all_out
    press(qtbot, Qt.Key.Key_Space)
    assert practice_file.sessions.needle_balance(session_id) == (8, 8, 0)
    side_tabs = editor.side.tabs
    for _ in range(10):
        if QApplication.focusWidget() is side_tabs.tabBar():
            break
        press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    while side_tabs.tabText(side_tabs.currentIndex()) != "Signature":
        press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.sign_panel.sign_button
    # The confirmation is a modal question: Enter answers it (Yes is its default).
    answer_with_enter(qtbot)
    press(qtbot, Qt.Key.Key_Space)
    assert practice_file.sessions.get(session_id).signed
    # The keyboard is not lost with the hidden Sign button: the window comes back to Amend… (the window
    # manager gives the window back its keyboard when the question closes; offscreen has none, so ask).
    assert window.focusWidget() is window.sign_panel.amend_button
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert QApplication.focusWidget() is window.sign_panel.amend_button

    # Every mark and the reaction were stored as they were made; Esc goes back to the client's page.
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.showing_session() is None)
    chart = practice_file.sessions.load(session_id)
    assert len(chart.marks) == 6
    assert window.current_client_id() == chart.session.client_id


def test_the_ring_reaches_a_free_marker_and_enter_edits_it(
    qtbot: QtBot, window: MainWindow, practice_file: Practice
) -> None:
    window.client_actions.start_session(practice_file.clients.search("So")[0].id)
    editor = window.session_editor
    view = focused_view()
    editor.place_free_marker("face", 0.5, 0.35, "glabella", 2)
    editor.mark_editor.close_editor()
    assert focused_view() is view
    press(qtbot, Qt.Key.Key_Left)  # the first key shows the ring
    marker = next(iter(view.free_markers.values()))
    view.keyboard.focus(marker)
    assert view.accessibleName() == "Face diagram: free marker glabella, 2 needles"
    press(qtbot, Qt.Key.Key_Return)
    assert editor.mark_editor.mark is not None and editor.mark_editor.mark.label == "glabella"


def test_arrow_keys_pick_the_nearest_point_on_that_side(
    qtbot: QtBot, window: MainWindow, practice_file: Practice
) -> None:
    window.client_actions.start_session(practice_file.clients.search("So")[0].id)
    view = focused_view()
    press(qtbot, Qt.Key.Key_Left)  # the first key shows the ring, on the point nearest the middle
    start = view.keyboard.target
    assert isinstance(start, PointItem)
    here = view.mapFromScene(start.pos())
    press(qtbot, Qt.Key.Key_Right)
    moved = view.keyboard.target
    assert isinstance(moved, PointItem | FreeMarkerItem) and moved is not start
    there = view.mapFromScene(moved.pos())
    assert there.x() > here.x()
    # No point shown to the right is nearer, straight ahead or not far off it.
    for item in view.visible_points():
        spot = view.mapFromScene(item.pos())
        along, across = spot.x() - here.x(), abs(spot.y() - here.y())
        if along >= 1 and across <= along * 2.5:
            assert along + 2 * across >= (there.x() - here.x()) + 2 * abs(there.y() - here.y())


def test_help_lists_the_diagrams_keys(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.shortcuts import ShortcutsDialog

    seen: list[list[tuple[str, str, str]]] = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda dialog: seen.append(dialog.rows()) or 0)
    press(qtbot, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    keys = {what: keys for section, what, keys in seen[-1] if section == "On a diagram"}
    assert keys["Move the ring to the nearest point that way"] == "Left, Right, Up, Down"
    assert keys["Mark or unmark the point in the ring"] == "Space, Return"
    assert keys["Reactions and needles of the mark in the ring"] == "Menu, Shift+F10"
    assert keys["Place a free marker at the crosshair"] == "Return"


def test_tab_into_the_diagram_shows_the_ring_and_shift_f10_opens_the_menu(
    qtbot: QtBot, window: MainWindow, practice_file: Practice, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.client_actions.start_session(practice_file.clients.search("So")[0].id)
    editor = window.session_editor
    editor.search.box.setFocus()
    # Tab from the point search onward until the diagram has the focus, as a keyboard user would.
    for _ in range(30):
        if isinstance(QApplication.focusWidget(), DiagramView):
            break
        press(qtbot, Qt.Key.Key_Tab)
    view = focused_view()
    assert view.keyboard.ring.isVisible()
    target = view.keyboard.target
    assert isinstance(target, PointItem)
    press(qtbot, Qt.Key.Key_Space)
    assert target.mark is not None
    shown: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, *args: shown.append(menu))
    press(qtbot, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert [m.objectName() for m in shown] == ["markMenu"]


def test_tab_goes_round_the_chart_and_never_into_the_folded_client_list(
    qtbot: QtBot, window: MainWindow, practice_file: Practice
) -> None:
    window.client_actions.start_session(practice_file.clients.search("So")[0].id)
    editor = window.session_editor
    reached = []
    for _ in range(40):
        press(qtbot, Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert not any(window.clients.isAncestorOf(w) for w in reached if w is not None)
    for wanted in (editor.needles.all_out, editor.header.back, editor.search.box, editor.current_view):
        assert wanted in reached
    # Ctrl+F brings the client list back, with the cursor in its search.
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.clients.search
    assert window.splitter.sizes()[0] > 0
