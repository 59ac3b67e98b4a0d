"""Charting at the chair by clicking real positions on the diagrams, and checking what was stored."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QHeaderView, QMenu, QToolButton
from pytestqt.qtbot import QtBot

from acuchart.practice import Practice
from acuchart.services.clients import ClientForm
from ui import theme
from ui.chart.diagram_view import DiagramView
from ui.chart.marks_model import MarksModel
from ui.chart.reaction_menu import ReactionDialog
from ui.chart.session_editor import SessionEditor
from ui.main_window import MainWindow
from ui.preferences import Preferences


def add_client(practice: Practice, flags: list[str] | None = None) -> int:
    client = practice.clients.create(
        ClientForm(first_name="Sofía", last_name="Domínguez", caution_flags=flags or [])
    ).value
    practice.consent.record_consent(client.id, "2025-01-01", "signed_form")
    return client.id


@pytest.fixture
def window(qtbot: QtBot, practice: Practice, tmp_path: object) -> Iterator[MainWindow]:
    preferences = Preferences(QSettings(f"{tmp_path}/prefs.ini", QSettings.Format.IniFormat))
    main = MainWindow(practice, preferences)
    qtbot.addWidget(main)
    main.resize(1400, 900)
    main.show()
    qtbot.waitExposed(main)
    main.client_actions.start_session(add_client(practice))
    yield main


@pytest.fixture
def editor(window: MainWindow) -> SessionEditor:
    return window.session_editor


def view_of(editor: SessionEditor, name: str) -> DiagramView:
    view = editor.views[name]
    editor.tabs.setCurrentWidget(view)
    view.fit()
    return view


def click_fraction(
    qtbot: QtBot,
    view: DiagramView,
    x: float,
    y: float,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> QPoint:
    """Click the viewport where the diagram's point at fractions x, y is shown."""
    pos = view.mapFromScene(view.to_scene(x, y))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, pos)
    return pos


def stored_marks(practice: Practice, editor: SessionEditor) -> list[tuple[str | None, str | None]]:
    assert editor.session_id is not None
    return [(m.code, m.side) for m in practice.sessions.load(editor.session_id).marks]


def test_st2_at_the_viewers_left_of_the_face_is_the_clients_right(
    qtbot: QtBot, practice: Practice, editor: SessionEditor
) -> None:
    st2 = practice.catalogue.get("ST2")
    assert st2.x < 0.5
    click_fraction(qtbot, view_of(editor, "face"), st2.x, st2.y)
    assert stored_marks(practice, editor) == [("ST2", "right")]


def test_the_mirrored_st2_is_the_clients_left(
    qtbot: QtBot, practice: Practice, editor: SessionEditor
) -> None:
    st2 = practice.catalogue.get("ST2")
    click_fraction(qtbot, view_of(editor, "face"), 1 - st2.x, st2.y)
    assert stored_marks(practice, editor) == [("ST2", "left")]


def test_bl23_at_the_viewers_right_of_the_back_is_the_clients_right(
    qtbot: QtBot, practice: Practice, editor: SessionEditor
) -> None:
    bl23 = practice.catalogue.get("BL23")
    assert bl23.view == "body_back" and bl23.x > 0.5
    view = view_of(editor, "body_back")
    click_fraction(qtbot, view, bl23.x, bl23.y)
    click_fraction(qtbot, view, 1 - bl23.x, bl23.y)
    assert stored_marks(practice, editor) == [("BL23", "right"), ("BL23", "left")]


def test_cv24_on_the_midline_has_no_side(qtbot: QtBot, practice: Practice, editor: SessionEditor) -> None:
    cv24 = practice.catalogue.get("CV24")
    click_fraction(qtbot, view_of(editor, "face"), cv24.x, cv24.y)
    assert stored_marks(practice, editor) == [("CV24", "midline")]


def test_a_second_click_unmarks(qtbot: QtBot, practice: Practice, editor: SessionEditor) -> None:
    cv24 = practice.catalogue.get("CV24")
    view = view_of(editor, "face")
    click_fraction(qtbot, view, cv24.x, cv24.y)
    click_fraction(qtbot, view, cv24.x, cv24.y)
    assert stored_marks(practice, editor) == []
    assert view.point_item("CV24", "midline").mark is None  # type: ignore[union-attr]


def test_a_click_a_few_millimetres_off_snaps_to_the_point(
    qtbot: QtBot, practice: Practice, editor: SessionEditor
) -> None:
    view = view_of(editor, "face")
    cv24 = practice.catalogue.get("CV24")
    centre = view.mapFromScene(view.to_scene(cv24.x, cv24.y))
    two_mm = round(2.0 / 25.4 * view.logicalDpiX())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre + QPoint(0, two_mm))
    assert stored_marks(practice, editor) == [("CV24", "midline")]


def test_a_click_away_from_every_point_marks_nothing(
    qtbot: QtBot, practice: Practice, editor: SessionEditor
) -> None:
    click_fraction(qtbot, view_of(editor, "face"), 0.03, 0.03)
    assert stored_marks(practice, editor) == []


def test_shift_click_places_a_free_marker_where_clicked(
    qtbot: QtBot, practice: Practice, editor: SessionEditor
) -> None:
    view = view_of(editor, "face")
    click_fraction(qtbot, view, 0.45, 0.2, Qt.KeyboardModifier.ShiftModifier)
    assert editor.session_id is not None
    (marker,) = practice.sessions.load(editor.session_id).marks
    assert marker.is_free and marker.view == "face" and marker.needles == 1
    assert marker.x == pytest.approx(0.45, abs=0.01) and marker.y == pytest.approx(0.2, abs=0.01)
    assert list(view.free_markers) == [marker.id]


def test_dragging_a_free_marker_stores_it_on_release_as_one_undoable_action(
    qtbot: QtBot, practice: Practice, window: MainWindow, editor: SessionEditor
) -> None:
    view = view_of(editor, "face")
    start = click_fraction(qtbot, view, 0.45, 0.2, Qt.KeyboardModifier.ShiftModifier)
    end = start + QPoint(40, 25)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), start + QPoint(20, 12))
    qtbot.mouseMove(view.viewport(), end)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert editor.session_id is not None
    (moved,) = practice.sessions.load(editor.session_id).marks
    assert moved.x == pytest.approx(view.to_fraction(view.mapToScene(end))[0], abs=0.005)
    assert window.undo_stack.undoText().startswith("Move")
    window.undo_stack.undo()
    (back,) = practice.sessions.load(editor.session_id).marks
    assert back.x == pytest.approx(0.45, abs=0.01)


def test_undo_and_redo_a_mark_through_the_main_window(
    qtbot: QtBot, practice: Practice, window: MainWindow, editor: SessionEditor
) -> None:
    st2 = practice.catalogue.get("ST2")
    click_fraction(qtbot, view_of(editor, "face"), 1 - st2.x, st2.y)
    assert window.undo_action.text() == "&Undo Mark ST2 (left)"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_marks(practice, editor) == []
    qtbot.keyClick(
        window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert stored_marks(practice, editor) == [("ST2", "left")]


def test_bruise_at_left_st2_in_two_clicks_then_undo_and_redo(
    qtbot: QtBot,
    practice: Practice,
    window: MainWindow,
    editor: SessionEditor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, *_: shown.append(menu))  # offscreen has no popups
    st2 = practice.catalogue.get("ST2")
    view = view_of(editor, "face")
    pos = click_fraction(qtbot, view, 1 - st2.x, st2.y)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=pos)  # click 1
    (menu,) = shown
    first = menu.actions()[0]
    assert first.text() == "Bruising — mild"
    first.trigger()  # click 2
    assert editor.session_id is not None
    chart = practice.sessions.load(editor.session_id)
    (reaction,) = chart.reactions
    assert (reaction.kind, reaction.severity, reaction.onset) == ("bruising", "mild", "during")
    assert chart.mark(reaction.mark_id or 0).title == "ST2 (left)"  # type: ignore[union-attr]
    assert view.point_item("ST2", "left").worst_severity == "mild"  # type: ignore[union-attr]
    window.undo_stack.undo()
    assert practice.sessions.load(editor.session_id).reactions == ()
    window.undo_stack.redo()
    assert practice.sessions.load(editor.session_id).reactions == (reaction,)


def test_undoing_an_unmark_brings_back_its_reaction(
    qtbot: QtBot, practice: Practice, window: MainWindow, editor: SessionEditor
) -> None:
    st2 = practice.catalogue.get("ST2")
    view = view_of(editor, "face")
    click_fraction(qtbot, view, st2.x, st2.y)
    mark_id = editor.chart.marks[0].id  # type: ignore[union-attr]
    editor.quick_reaction(mark_id, "redness", "moderate")
    click_fraction(qtbot, view, st2.x, st2.y)
    assert stored_marks(practice, editor) == []
    window.undo_stack.undo()
    chart = practice.sessions.load(editor.session_id or 0)
    assert [m.id for m in chart.marks] == [mark_id]
    assert [r.kind for r in chart.reactions_at(mark_id)] == ["redness"]


def test_list_and_diagram_selection_follow_each_other(
    qtbot: QtBot, practice: Practice, editor: SessionEditor
) -> None:
    view = view_of(editor, "face")
    for code in ("CV24", "ST2"):
        point = practice.catalogue.get(code)
        click_fraction(qtbot, view, point.x, point.y)
    cv24, st2 = editor.chart.marks  # type: ignore[union-attr]
    # in the list -> on the diagram
    editor.marks_view.selectRow(0)
    assert view.selected_mark_ids() == [cv24.id]
    # on the diagram (Ctrl+click selects without unmarking) -> in the list
    view.scene().clearSelection()
    point = practice.catalogue.get("ST2")
    click_fraction(qtbot, view, point.x, point.y, Qt.KeyboardModifier.ControlModifier)
    assert editor.selected_mark_ids() == [st2.id]
    assert stored_marks(practice, editor) == [("CV24", "midline"), ("ST2", "right")]


def test_needle_count_shows_a_difference_in_red_until_resolved(
    qtbot: QtBot, practice: Practice, editor: SessionEditor
) -> None:
    view = view_of(editor, "face")
    click_fraction(qtbot, view, 0.45, 0.2, Qt.KeyboardModifier.ShiftModifier)
    editor.set_needles(editor.chart.marks[0].id, 5)  # type: ignore[union-attr]
    assert editor.needles.all_out.text() == "✓ All 5 removed"
    editor.needles.removed.setValue(4)
    qtbot.mouseClick(editor.needles.confirm, Qt.MouseButton.LeftButton)
    assert practice.sessions.needle_balance(editor.session_id or 0) == (5, 4, 1)
    red = theme.current().alert_fill
    assert red in editor.needles.status.styleSheet()
    assert practice.sessions.can_sign(editor.session_id or 0)[0] is False
    qtbot.mouseClick(editor.needles.all_out, Qt.MouseButton.LeftButton)
    assert practice.sessions.needle_balance(editor.session_id or 0) == (5, 5, 0)
    assert red not in editor.needles.status.styleSheet()


def test_marking_a_bruising_point_for_a_client_on_blood_thinners_warns_without_blocking(
    qtbot: QtBot, practice: Practice, window: MainWindow
) -> None:
    window.client_actions.start_session(add_client(practice, ["anticoagulants"]))
    editor = window.session_editor
    assert editor.cautions.isVisible()
    st2 = practice.catalogue.get("ST2")
    click_fraction(qtbot, view_of(editor, "face"), st2.x, st2.y)
    assert editor.notice.isVisible() and "blood thinners" in editor.notice.message.text()
    (mark,) = practice.sessions.load(editor.session_id or 0).marks
    assert "blood thinners" in mark.caution_warning
    assert QApplication.activeModalWidget() is None


def test_search_finds_old_spellings_and_enter_marks_the_midline_point(
    qtbot: QtBot, practice: Practice, editor: SessionEditor
) -> None:
    editor.search.box.setText("REN24")
    assert editor.search.point is not None and editor.search.point.code == "CV24"
    assert editor.views["face"].highlight.isVisible()
    qtbot.keyClick(editor.search.box, Qt.Key.Key_Return)
    assert stored_marks(practice, editor) == [("CV24", "midline")]


def test_search_enter_on_a_bilateral_point_asks_the_side(
    qtbot: QtBot, practice: Practice, editor: SessionEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(editor, "ask_sides", lambda point: ["right", "left"])
    editor.search.box.setText("Sibai")
    qtbot.keyClick(editor.search.box, Qt.Key.Key_Return)
    assert stored_marks(practice, editor) == [("ST2", "right"), ("ST2", "left")]


def test_repeat_last_and_apply_protocol_only_add(
    qtbot: QtBot, practice: Practice, window: MainWindow, editor: SessionEditor
) -> None:
    first = editor.session_id or 0
    practice.charting.mark_point(first, "ST2", "left")
    practice.charting.add_free_marker(first, "face", 0.4, 0.2, "Forehead line", 5)
    window.client_actions.start_session(editor.client.id)  # type: ignore[union-attr]
    assert editor.session_id != first
    editor.toggle_point("CV24", "midline")
    qtbot.mouseClick(editor.toolbar.repeat, Qt.MouseButton.LeftButton)
    assert sorted(stored_marks(practice, editor), key=str) == sorted(
        [("CV24", "midline"), ("ST2", "left"), (None, None)], key=str
    )
    editor.apply_points("Test", [("ST2", "left"), ("ST3", "right")])
    assert len(stored_marks(practice, editor)) == 4
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert stored_marks(practice, editor) == [("CV24", "midline")]


def test_marks_model_passes_the_model_tester(
    qtmodeltester: object, practice: Practice, editor: SessionEditor
) -> None:
    session_id = editor.session_id or 0
    mark = practice.charting.mark_point(session_id, "ST2", "left").value
    practice.charting.add_reaction(session_id, mark.id, "bruising", "mild", "during")
    practice.charting.add_free_marker(session_id, "face", 0.4, 0.2, "Forehead line", 5)
    model = MarksModel(practice.catalogue)
    model.set_chart(practice.sessions.load(session_id))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 2
    assert model.index(0, 4).data() == "Bruising (mild)"
    assert model.index(1, 1).data() == "Forehead line"


def test_back_to_client_with_escape(qtbot: QtBot, window: MainWindow, editor: SessionEditor) -> None:
    editor.current_view.setFocus()
    qtbot.keyClick(editor.current_view, Qt.Key.Key_Escape)
    assert window.chart_area.currentWidget() is window.client_page


def test_zoom_keeps_markers_the_same_size_on_screen(
    qtbot: QtBot, practice: Practice, editor: SessionEditor
) -> None:
    view = view_of(editor, "face")
    editor.toggle_point("CV24", "midline")
    item = view.point_item("CV24", "midline")
    assert item is not None

    def on_screen() -> float:
        return item.deviceTransform(view.viewportTransform()).mapRect(item.boundingRect()).width()

    before = on_screen()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom == pytest.approx(1.5625)
    assert on_screen() == pytest.approx(before)
    for _ in range(20):
        qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom == 8.0
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert view.zoom == 1.0


def test_wheel_pinch_and_trackpad_zoom_under_the_finger_within_limits(
    qtbot: QtBot, editor: SessionEditor
) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QNativeGestureEvent, QPointingDevice
    from PySide6.QtWidgets import QGestureEvent, QPinchGesture

    view = view_of(editor, "face")
    under = view.viewport().rect().center() + QPoint(40, -30)
    scene_point = view.mapToScene(under)
    pinch = QPinchGesture()
    pinch.setScaleFactor(2.0)
    pinch.setCenterPoint(QPointF(view.viewport().mapToGlobal(under)))
    assert view.viewportEvent(QGestureEvent([pinch]))
    assert view.zoom == pytest.approx(2.0)
    # What was under the fingers stays under them.
    assert (view.mapFromScene(scene_point) - under).manhattanLength() <= 2
    trackpad = QNativeGestureEvent(
        Qt.NativeGestureType.ZoomNativeGesture,
        QPointingDevice.primaryPointingDevice(),
        2,
        QPointF(under),
        QPointF(under),
        QPointF(view.viewport().mapToGlobal(under)),
        0.5,
        QPointF(0, 0),
    )
    assert view.viewportEvent(trackpad)
    assert view.zoom == pytest.approx(3.0)
    pinch.setScaleFactor(0.01)
    view.viewportEvent(QGestureEvent([pinch]))
    assert view.zoom == 1.0  # never smaller than the whole diagram


# --- comfortable at the chair: 1280×800 and up ---------------------------------------------------


def at_size(qtbot: QtBot, window: MainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height)
    QApplication.processEvents()


def tool_buttons(editor: SessionEditor) -> list[QToolButton]:
    buttons = [editor.toolbar.widgetForAction(a) for a in editor.toolbar.actions() if not a.isSeparator()]
    return [b for b in buttons if isinstance(b, QToolButton)]


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_every_tool_shows_its_whole_label_and_is_big_enough_for_gloves(
    qtbot: QtBot, window: MainWindow, editor: SessionEditor, size: tuple[int, int]
) -> None:
    at_size(qtbot, window, *size)
    shown = [b for b in tool_buttons(editor) if b.isVisible()]
    assert {b.objectName() for b in shown} >= {"freeMarkerTool", "applyProtocol", "repeatLast", "fitDiagram"}
    for button in shown:
        assert button.width() >= button.sizeHint().width(), f"{button.text()!r} is cut short"
        assert button.height() >= 32
    assert editor.search.box.width() >= 180
    assert editor.header.back.height() >= 32 and editor.needles.confirm.height() >= 32
    assert editor.tabs.tabBar().height() >= 32


def test_tools_that_do_not_fit_move_behind_the_overflow_button_instead_of_being_squeezed(
    qtbot: QtBot, window: MainWindow, editor: SessionEditor
) -> None:
    window.splitter.setSizes([600, 600])  # a narrow chart: the client list takes half the window
    at_size(qtbot, window, 1100, 760)
    hidden = [b for b in tool_buttons(editor) if not b.isVisible()]
    assert hidden, "expected some tools to overflow at this width"
    for button in tool_buttons(editor):
        if button.isVisible():
            assert button.width() >= button.sizeHint().width(), f"{button.text()!r} is cut short"
    extension = editor.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is not None and extension.isVisible() and extension.width() >= 32
    assert editor.search.box.width() >= 180


def test_the_clients_name_is_never_cut_short_in_the_header(
    qtbot: QtBot, window: MainWindow, editor: SessionEditor
) -> None:
    at_size(qtbot, window, 1280, 800)
    assert not editor.header.title.elided
    assert editor.header.title.text().startswith("Sofía Domínguez")
    window.toggle_client_list()  # the list back beside the chart: the fields move to a second row
    qtbot.wait(10)
    assert window.splitter.sizes()[0] > 0
    assert editor.header.two_rows
    assert not editor.header.title.elided
    at_size(qtbot, window, 1920, 1080)
    assert not editor.header.two_rows
    assert not editor.header.title.elided


def test_at_1280_by_800_the_side_column_fits_and_the_list_shows_many_marks(
    qtbot: QtBot, practice: Practice, window: MainWindow, editor: SessionEditor
) -> None:
    for code in ("ST2", "ST3", "BL2", "TE23", "GB14"):
        for side in ("left", "right"):
            practice.charting.mark_point(editor.session_id or 0, code, side)
    at_size(qtbot, window, 1280, 800)
    assert editor.side.verticalScrollBar().maximum() == 0
    assert editor.marks_view.viewport().height() // 32 >= 8
    header = editor.marks_view.horizontalHeader()
    assert header.sectionResizeMode(4) == QHeaderView.ResizeMode.Stretch
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Interactive
    assert header.sectionSize(4) >= header.sectionSize(2)
    # the legend stays with the diagram, not in the side column
    assert editor.diagram_pane.isAncestorOf(editor.legend) and not editor.side.isAncestorOf(editor.legend)


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080), (1280, 1024), (900, 1000)])
def test_the_legend_goes_where_it_leaves_the_drawing_largest(
    qtbot: QtBot, window: MainWindow, editor: SessionEditor, size: tuple[int, int]
) -> None:
    at_size(qtbot, window, *size)
    face = view_of(editor, "face")
    shown = face.mapFromScene(face.sceneRect()).boundingRect().height()
    pane = editor.diagram_pane
    pane._place(not pane.legend_beside)  # the other way round…
    QApplication.processEvents()
    face.fit()
    assert face.mapFromScene(face.sceneRect()).boundingRect().height() <= shown + 1  # …is no larger


def test_the_diagram_stays_put_when_a_caution_notice_appears(
    qtbot: QtBot, practice: Practice, window: MainWindow
) -> None:
    window.client_actions.start_session(add_client(practice, ["anticoagulants"]))
    editor = window.session_editor
    view = view_of(editor, "face")
    QApplication.processEvents()
    before = (view.mapTo(window, QPoint(0, 0)), view.size())
    st2 = practice.catalogue.get("ST2")
    click_fraction(qtbot, view, st2.x, st2.y)
    assert editor.notice.isVisible()
    QApplication.processEvents()
    assert (view.mapTo(window, QPoint(0, 0)), view.size()) == before
    editor.notice.hide()
    QApplication.processEvents()
    assert (view.mapTo(window, QPoint(0, 0)), view.size()) == before


def test_a_new_free_marker_is_labelled_and_counted_from_the_keyboard(
    qtbot: QtBot, practice: Practice, window: MainWindow, editor: SessionEditor
) -> None:
    click_fraction(qtbot, view_of(editor, "face"), 0.45, 0.2, Qt.KeyboardModifier.ShiftModifier)
    assert editor.mark_editor.isVisible()
    assert editor.mark_editor.label.hasFocus()
    qtbot.keyClicks(editor.mark_editor.label, "forehead line")
    qtbot.keyClick(editor.mark_editor.label, Qt.Key.Key_Tab)
    assert editor.mark_editor.needles.hasFocus()
    qtbot.keyClicks(editor.mark_editor.needles, "6")
    qtbot.keyClick(editor.mark_editor.needles, Qt.Key.Key_Return)
    (marker,) = practice.sessions.load(editor.session_id or 0).marks
    assert (marker.label, marker.needles) == ("forehead line", 6)
    assert not editor.mark_editor.isVisible()
    assert editor.needles.all_out.text() == "✓ All 6 removed"
    window.undo_stack.undo()  # one undo takes back the label and the count together
    (marker,) = practice.sessions.load(editor.session_id or 0).marks
    assert (marker.label, marker.needles) == ("", 1)


def test_escape_keeps_the_free_marker_as_placed_and_stays_on_the_chart(
    qtbot: QtBot, practice: Practice, window: MainWindow, editor: SessionEditor
) -> None:
    click_fraction(qtbot, view_of(editor, "face"), 0.45, 0.2, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(editor.mark_editor.label, "typo")
    qtbot.keyClick(editor.mark_editor.label, Qt.Key.Key_Escape)
    assert not editor.mark_editor.isVisible()
    assert window.chart_area.currentWidget() is editor
    (marker,) = practice.sessions.load(editor.session_id or 0).marks
    assert (marker.label, marker.needles) == ("", 1)
    assert window.undo_stack.undoText() == "Place free marker"


def test_needles_at_a_point_are_edited_beside_it_from_its_menu(
    qtbot: QtBot, practice: Practice, editor: SessionEditor
) -> None:
    editor.toggle_point("CV24", "midline")
    (mark,) = practice.sessions.load(editor.session_id or 0).marks
    menu = editor.mark_menu(mark)
    next(a for a in menu.actions() if a.text().startswith("Needles here")).trigger()
    assert editor.mark_editor.isVisible() and not editor.mark_editor.label.isVisibleTo(editor.mark_editor)
    assert editor.mark_editor.needles.hasFocus()
    qtbot.keyClicks(editor.mark_editor.needles, "3")
    qtbot.keyClick(editor.mark_editor.needles, Qt.Key.Key_Enter)
    assert practice.sessions.load(editor.session_id or 0).marks[0].needles == 3


def test_the_split_between_diagram_and_list_is_remembered(
    qtbot: QtBot, practice: Practice, window: MainWindow, editor: SessionEditor
) -> None:
    total = sum(editor.splitter.sizes())
    editor.splitter.setSizes([total - 520, 520])
    editor.save_layout()
    assert window.preferences.splitter_state("session_editor") is not None
    again = MainWindow(practice, window.preferences)
    qtbot.addWidget(again)
    again.resize(window.size())
    again.show()
    qtbot.waitExposed(again)
    again.client_actions.start_session(editor.client.id)  # type: ignore[union-attr]
    assert again.session_editor.splitter.sizes()[1] == pytest.approx(520, abs=2)


def test_search_says_under_the_diagram_what_enter_will_mark(editor: SessionEditor) -> None:
    editor.search.box.setText("Sibai")
    assert "ST2" in editor.hover_info.text() and "Enter marks it" in editor.hover_info.text()
    editor.search.box.setText("zzzz")
    assert "No point matches" in editor.hover_info.text()


def test_a_reaction_note_is_for_the_record_unless_marked_for_the_client(
    qtbot: QtBot,
    practice: Practice,
    window: MainWindow,
    editor: SessionEditor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    st2 = practice.catalogue.get("ST2")
    click_fraction(qtbot, view_of(editor, "face"), st2.x, st2.y)
    mark_id = editor.chart.marks[0].id  # type: ignore[union-attr]
    seen: list[bool] = []

    def fill_in(dialog: ReactionDialog, note: str, for_client: bool | None) -> int:
        seen.append(dialog.note_for_client.isChecked())
        dialog.note.setPlainText(note)
        if for_client is not None:
            dialog.note_for_client.setChecked(for_client)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(
        ReactionDialog, "exec", lambda dialog: fill_in(dialog, "Cold compress tonight.", None)
    )
    editor.reaction_dialog(mark_id)
    (reaction,) = practice.sessions.load(editor.session_id or 0).reactions
    assert seen == [False]  # off unless chosen
    assert (reaction.note, reaction.note_shown_to_client) == ("Cold compress tonight.", False)
    monkeypatch.setattr(
        ReactionDialog, "exec", lambda dialog: fill_in(dialog, "Cold compress tonight.", True)
    )
    editor.reaction_dialog(mark_id, reaction)
    assert practice.sessions.load(editor.session_id or 0).reactions[0].note_shown_to_client
    window.undo_stack.undo()
    assert not practice.sessions.load(editor.session_id or 0).reactions[0].note_shown_to_client


def test_the_protocol_menu_offers_own_protocols_first_and_adds_the_chosen_points(
    practice: Practice, editor: SessionEditor
) -> None:
    practice.protocols.save("Eyes, gentle", "For dark circles", [("ST2", "left"), ("ST2", "right")])
    menu = editor.toolbar.apply_menu
    menu.aboutToShow.emit()
    entries = [a for a in menu.actions() if not a.isSeparator()]
    sections = [a.text() for a in menu.actions() if a.isSeparator() and a.text()]
    assert sections[:2] == ["Your protocols", "Starting protocols"]
    assert entries[0].text() == "Eyes, gentle (2 points)"
    assert len(entries) > 1  # the starting protocol of every concern follows
    entries[0].trigger()
    marked = {(m.code, m.side) for m in practice.sessions.load(editor.session_id or 0).marks}
    assert marked == {("ST2", "left"), ("ST2", "right")}
    assert editor.undo_stack.undoText() == "Apply Eyes, gentle"
