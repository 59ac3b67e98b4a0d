"""Charting on the profiles, the top of the head, the hands and the feet: real clicks on real views.

A point drawn on two views is one point: a click on either marks the same point on the same side, and
the mark shows on both. A profile shows one side. Points a practice seldom needles wait for the zoom
or the search, unless "All points" (remembered) shows them all.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from pytestqt.qtbot import QtBot

from acuchart.practice import Practice
from tests.ui.test_chart_clicks import add_client, view_of
from ui.chart.diagram_view import DiagramView
from ui.chart.point_layer import DETAIL_ZOOM
from ui.chart.session_editor import SessionEditor
from ui.main_window import MainWindow
from ui.preferences import Preferences


@pytest.fixture
def window(qtbot: QtBot, practice: Practice, tmp_path: Path) -> Iterator[MainWindow]:
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


def click_point(qtbot: QtBot, view: DiagramView, code: str, side: str) -> QPoint:
    """Click where ``code`` is drawn on ``view`` for ``side`` (its first spot there)."""
    item = view.point_item(code, side)
    assert item is not None, f"{code} {side} is not drawn on {view.info.name}"
    view.ensureVisible(item, 40, 40)
    where = view.mapFromScene(item.pos())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
    return where


def stored(practice: Practice, editor: SessionEditor) -> list[tuple[str | None, str | None, str]]:
    return [(m.code, m.side, m.view) for m in practice.sessions.load(editor.session_id or 0).marks]


def test_te21_clicked_on_the_right_profile_is_the_clients_right_and_shows_on_the_face(
    qtbot: QtBot, practice: Practice, editor: SessionEditor
) -> None:
    profile = view_of(editor, "head_right")
    click_point(qtbot, profile, "TE21", "right")
    assert stored(practice, editor) == [("TE21", "right", "head_right")]
    face_item = editor.views["face"].point_item("TE21", "right")
    assert face_item is not None and face_item.mark is not None
    assert editor.views["face"].point_item("TE21", "left").mark is None  # type: ignore[union-attr]
    # a click on the face's TE21 is a click on the same mark: it unmarks it
    click_point(qtbot, view_of(editor, "face"), "TE21", "right")
    assert stored(practice, editor) == []


def test_the_left_profile_shows_and_marks_only_the_clients_left(
    qtbot: QtBot, practice: Practice, editor: SessionEditor
) -> None:
    left = view_of(editor, "head_left")
    assert left.point_item("GB8", "right") is None
    click_point(qtbot, left, "GB8", "left")
    click_point(qtbot, left, "GV20", "midline")
    assert stored(practice, editor) == [("GB8", "left", "head_left"), ("GV20", "midline", "head_left")]
    gb8, nose = left.point_item("GB8", "left"), left.point_item("GV25", "midline")
    assert gb8 is not None and nose is not None
    assert nose.pos().x() < left.info.width / 4 < left.info.width / 2 < gb8.pos().x(), "the face looks left"


def test_ki1_on_the_sole_and_pc8_on_the_palm(qtbot: QtBot, practice: Practice, editor: SessionEditor) -> None:
    feet = view_of(editor, "feet")
    feet.zoom_by(DETAIL_ZOOM + 0.5)
    click_point(qtbot, feet, "KI1", "right")
    hands = view_of(editor, "hands")
    hands.zoom_by(DETAIL_ZOOM + 0.5)
    click_point(qtbot, hands, "PC8", "left")
    assert stored(practice, editor) == [("KI1", "right", "feet"), ("PC8", "left", "hands")]
    # KI1 is drawn on the soles of the back view too, and shows marked there
    assert editor.views["body_back"].point_item("KI1", "right").mark is not None  # type: ignore[union-attr]


def test_a_group_of_spots_is_one_mark_shown_on_every_spot(
    qtbot: QtBot, practice: Practice, editor: SessionEditor
) -> None:
    top = view_of(editor, "head_top")
    spots = top.layer.items_of("EX-HN1", "midline")
    assert len(spots) == 4
    click_point(qtbot, top, "EX-HN1", "midline")
    assert stored(practice, editor) == [("EX-HN1", "midline", "head_top")]
    assert all(item.mark is not None for item in spots)


def test_points_seldom_needled_wait_for_the_zoom(
    qtbot: QtBot, practice: Practice, editor: SessionEditor
) -> None:
    back = view_of(editor, "body_back")
    bl43 = back.point_item("BL43", "right")
    gb20 = back.point_item("GB20", "right")
    assert bl43 is not None and gb20 is not None
    assert gb20.isVisible() and not bl43.isVisible()
    where = back.mapFromScene(bl43.pos())
    assert back.nearest_point(where) is not bl43, "a hidden point cannot be clicked"
    back.zoom_by(DETAIL_ZOOM)
    assert bl43.isVisible()
    click_point(qtbot, back, "BL43", "right")
    back.fit()
    assert bl43.isVisible(), "a marked point stays shown"
    assert ("BL43", "right", "body_back") in stored(practice, editor)


def test_all_points_shows_every_point_and_is_remembered(
    qtbot: QtBot, practice: Practice, window: MainWindow, editor: SessionEditor, tmp_path: Path
) -> None:
    back = view_of(editor, "body_back")
    assert not all(item.isVisible() for item in back.points)
    editor.toolbar.all_points_action.trigger()
    assert all(item.isVisible() for item in back.points)
    again = MainWindow(practice, Preferences(QSettings(f"{tmp_path}/prefs.ini", QSettings.Format.IniFormat)))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    again.client_actions.start_session(add_client(practice))
    assert again.session_editor.toolbar.all_points_action.isChecked()
    assert all(item.isVisible() for item in view_of(again.session_editor, "feet").points)


def test_the_search_shows_a_hidden_point_on_its_view_and_enter_marks_it_there(
    qtbot: QtBot, practice: Practice, editor: SessionEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(editor, "ask_sides", lambda point: ["right"])
    editor.search.box.setText("Laogong")
    assert editor.current_view is editor.views["hands"]
    assert editor.views["hands"].point_item("PC8", "right").isVisible()  # type: ignore[union-attr]
    assert editor.views["hands"].highlight.isVisible()
    qtbot.keyClick(editor.search.box, Qt.Key.Key_Return)
    assert stored(practice, editor) == [("PC8", "right", "hands")]


def test_a_point_found_on_the_view_in_front_stays_there(
    qtbot: QtBot, practice: Practice, editor: SessionEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(editor, "ask_sides", lambda point: ["left"])
    view_of(editor, "head_left")
    editor.search.box.setText("SJ21")
    assert editor.current_view is editor.views["head_left"]
    qtbot.keyClick(editor.search.box, Qt.Key.Key_Return)
    assert stored(practice, editor) == [("TE21", "left", "head_left")]


def test_a_protocol_marks_profile_points_on_the_profiles(practice: Practice, editor: SessionEditor) -> None:
    editor.apply_points("Jaw", [("GB8", "right"), ("GB8", "left"), ("ST6", "right")])
    assert stored(practice, editor) == [
        ("GB8", "right", "head_right"),
        ("GB8", "left", "head_left"),
        ("ST6", "right", "face"),
    ]


def test_a_point_needled_on_one_side_only_is_marked_on_that_side_without_asking(
    qtbot: QtBot, practice: Practice, editor: SessionEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.chart.editor_actions.QInputDialog.getItem", lambda *args: pytest.fail("asked"))
    editor.search.box.setText("Jinjin")
    qtbot.keyClick(editor.search.box, Qt.Key.Key_Return)
    assert stored(practice, editor) == [("EX-HN12", "left", "face")]
    item = editor.views["face"].point_item("EX-HN12", "left")
    assert item is not None and item.pos().x() > 300, "the client's left is on the viewer's right of the face"
