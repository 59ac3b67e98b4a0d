"""The acupuncturist's note at the chair, driven through the real widgets: SOAP, TCM findings in a few taps,
boxes of needles and a recall, adjunct techniques, needling details, skin measures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from acuchart import clock
from acuchart.models.tcm import Pulse, PulsePosition, Tongue
from acuchart.practice import Practice
from tests.records_helpers import NOW, chart_session, client_with_course
from ui.chart.note.needling_dialog import NeedlingDialog
from ui.chart.note.techniques_panel import NewLotDialog
from ui.chart.session_editor import SessionEditor
from ui.main_window import MainWindow
from ui.preferences import Preferences
from ui.records.lot_recall import LotRecallDialog

LAST_WEEK = NOW - dt.timedelta(days=7)


@pytest.fixture(autouse=True)
def _today() -> Iterator[None]:
    with clock.frozen_at(NOW):
        yield


@pytest.fixture
def window(qtbot: QtBot, practice: Practice, tmp_path: object) -> MainWindow:
    main = MainWindow(practice, Preferences(QSettings(f"{tmp_path}/prefs.ini", QSettings.Format.IniFormat)))
    qtbot.addWidget(main)
    main.resize(1400, 900)
    main.show()
    qtbot.waitExposed(main)
    return main


def charted_last_week(practice: Practice) -> tuple[int, int]:
    """Amelia's course with last week's session, its findings recorded: (client id, course id)."""
    client, course = client_with_course(practice)
    earlier = chart_session(practice, client.id, course.id, LAST_WEEK)
    practice.assessment.record(
        earlier.id,
        tongue=Tongue("pale", "white", "thin", ("tooth-marked",), "wet"),
        pulse=Pulse("slow", None, {("right", "guan"): PulsePosition("deep", "weak")}),
        principles=["interior", "deficiency"],
        patterns=["Spleen qi deficiency"],
        treatment_principle="Tonify qi and blood",
    )
    return client.id, course.id


def open_new_session(window: MainWindow, client_id: int) -> SessionEditor:
    window.client_actions.start_session(client_id)
    editor = window.session_editor
    tabs = editor.side.tabs
    tabs.setCurrentIndex([tabs.tabText(i) for i in range(tabs.count())].index("TCM"))
    return editor


class Taps:
    """Counts what the practitioner does: each click, each menu choice, each pick from a list."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def click(self, widget: QWidget) -> None:
        self.count += 1
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def menu_choice(self, button: QToolButton, text: str) -> None:
        self.count += 2  # open the menu, choose
        menu = button.menu()
        menu.aboutToShow.emit()
        next(a for a in menu.actions() if a.text() == text).trigger()

    def pick(self, combo: object, text: str) -> None:
        self.count += 2  # open the list, choose
        index = combo.findText(text)  # type: ignore[attr-defined]
        combo.setCurrentIndex(index)  # type: ignore[attr-defined]
        combo.activated.emit(index)  # type: ignore[attr-defined]


def test_a_whole_tcm_assessment_takes_fewer_than_15_taps_with_last_weeks_carried_over(
    qtbot: QtBot, practice: Practice, window: MainWindow
) -> None:
    client_id, _ = charted_last_week(practice)
    editor = open_new_session(window, client_id)
    panel = editor.tcm
    assert (
        "Last time:" in panel.previous_label.text() and "Spleen qi deficiency" in panel.previous_label.text()
    )
    taps = Taps(qtbot)
    taps.click(panel.carry_button)
    taps.click(panel.body.buttons["pale red"])  # the tongue is better coloured today
    taps.click(panel.moisture.buttons["normal"])
    taps.click(panel.rate.buttons["normal"])
    taps.menu_choice(panel.cells[("left", "guan")], "wiry")
    taps.click(panel.principles[1].buttons["heat"])
    taps.pick(panel.pattern_choice, "Liver qi stagnation")
    taps.pick(panel.treatment, "Soothe the Liver and move qi")
    found = practice.assessment.findings(editor.session_id or 0)
    assert taps.count < 15
    assert found.tongue == Tongue("pale red", "white", "thin", ("tooth-marked",), "normal")
    assert found.pulse.rate == "normal"
    assert found.pulse.at("left", "guan").qualities == ("wiry",)
    assert found.pulse.at("right", "guan") == PulsePosition("deep", "weak")  # carried over, untouched
    assert set(found.principles) == {"interior", "deficiency", "heat"}
    assert found.patterns == ("Spleen qi deficiency", "Liver qi stagnation")
    assert found.treatment_principle == "Soothe the Liver and move qi"
    assert editor.undo_stack.undoText() == "Record treatment principle"


def test_undo_takes_back_a_tapped_finding_and_redo_puts_it_back(
    qtbot: QtBot, practice: Practice, window: MainWindow
) -> None:
    client_id, _ = charted_last_week(practice)
    editor = open_new_session(window, client_id)
    qtbot.mouseClick(editor.tcm.body.buttons["red"], Qt.MouseButton.LeftButton)
    session_id = editor.session_id or 0
    assert practice.assessment.findings(session_id).tongue.body == "red"
    editor.undo_stack.undo()
    assert practice.assessment.findings(session_id).tongue.body == ""
    assert not editor.tcm.body.buttons["red"].isChecked()
    editor.undo_stack.redo()
    assert editor.tcm.body.buttons["red"].isChecked()


def test_a_term_outside_the_list_is_kept_as_typed(
    qtbot: QtBot, practice: Practice, window: MainWindow
) -> None:
    client_id, _ = charted_last_week(practice)
    editor = open_new_session(window, client_id)
    other = editor.tcm.features.other
    assert other is not None
    qtbot.keyClicks(other, "slightly peeled at the root")
    qtbot.keyClick(other, Qt.Key.Key_Return)
    assert practice.assessment.findings(editor.session_id or 0).tongue.features == (
        "slightly peeled at the root",
    )
    assert editor.tcm.features.buttons["slightly peeled at the root"].isChecked()


def test_the_soap_note_is_stored_as_typed_and_a_template_asks_its_questions(
    qtbot: QtBot, practice: Practice, window: MainWindow
) -> None:
    client_id, _ = charted_last_week(practice)
    practice.note_templates.save("Lines", "wrinkles", "Which lines bother you most?", ["wrinkles"])
    editor = open_new_session(window, client_id)
    soap = editor.soap
    soap.template_menu.aboutToShow.emit()
    next(a for a in soap.template_menu.actions() if a.text() == "Lines").trigger()
    qtbot.keyClicks(soap.edits["plan"], "Weekly; add gua sha next time")
    editor.save_notes()
    session = practice.sessions.get(editor.session_id or 0)
    assert session.subjective == "Which lines bother you most?"
    assert session.plan == "Weekly; add gua sha next time"
    assert editor.undo_stack.undoText() == "Edit session note"


def test_a_new_box_is_ticked_for_the_session_and_a_recall_finds_it(
    qtbot: QtBot, practice: Practice, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    client_id, _ = charted_last_week(practice)
    editor = open_new_session(window, client_id)

    def fill_in(dialog: NewLotDialog) -> QDialog.DialogCode:
        dialog.brand.setText("Seirin J-type")
        dialog.gauge.setText("0.16")
        dialog.length.setText("15 mm")
        dialog.lot_number.setText("21A-0455")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewLotDialog, "exec", fill_in)
    qtbot.mouseClick(editor.techniques.new_lot, Qt.MouseButton.LeftButton)
    session_id = editor.session_id or 0
    assert [lot.lot_number for lot in practice.needle_lots.lots_for_session(session_id)] == ["21A-0455"]
    assert editor.techniques.chosen_lots() == [practice.needle_lots.open_lots()[0].id]

    recall = LotRecallDialog(practice, window)
    qtbot.addWidget(recall)
    recall.lot.setText("21a0455")
    recall.look_up()
    assert recall.model.rowCount() == 1
    assert recall.model.item(0, 1).text() == "Amelia Hartley"
    opened: list[int] = []
    recall.session_requested.connect(opened.append)
    recall.table.activated.emit(recall.model.index(0, 0))
    assert opened == [session_id]


def test_cupping_is_added_and_a_reaction_recorded_at_it(
    qtbot: QtBot, practice: Practice, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.chart.reaction_menu import ReactionDialog

    client_id, _ = charted_last_week(practice)
    editor = open_new_session(window, client_id)
    panel = editor.techniques
    panel.kind.setCurrentIndex(panel.kind.findData("cupping"))
    panel.area.setText("cheeks")
    panel.minutes.setValue(5)
    qtbot.mouseClick(panel.add, Qt.MouseButton.LeftButton)
    session_id = editor.session_id or 0
    (cupping,) = practice.adjuncts.for_session(session_id)
    assert panel.adjuncts.item(0).text() == "Facial cupping, cheeks, 5 min"
    monkeypatch.setattr(ReactionDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(
        ReactionDialog,
        "fields",
        lambda _self: {"kind": "redness", "severity": "mild", "onset": "during", "note": ""},
    )
    editor.adjunct_reaction(cupping.id)
    (reaction,) = practice.sessions.load(session_id).reactions
    assert reaction.adjunct_id == cupping.id and reaction.mark_id is None
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert (
        practice.adjuncts.for_session(session_id) == [] and practice.sessions.load(session_id).reactions == ()
    )


def test_needling_details_for_several_marks_are_one_undo_step(
    qtbot: QtBot, practice: Practice, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    client_id, _ = charted_last_week(practice)
    editor = open_new_session(window, client_id)
    session_id = editor.session_id or 0
    marks = practice.charting.apply_protocol(session_id, [("ST2", "left"), ("ST2", "right")]).value
    editor.refresh()
    editor.select_marks([m.id for m in marks])

    def choose(dialog: NeedlingDialog) -> QDialog.DialogCode:
        dialog.angle.setCurrentIndex(dialog.angle.findData("oblique"))
        dialog.retention.setValue(20)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NeedlingDialog, "exec", choose)
    editor.needling_details(marks[0].id)
    stored = practice.sessions.load(session_id).marks
    assert {(m.angle, m.retention_min) for m in stored} == {("oblique", 20)}
    assert editor.undo_stack.undoText().startswith("Needling details at ST2")
    editor.undo_stack.undo()
    assert {(m.angle, m.retention_min) for m in practice.sessions.load(session_id).marks} == {("", None)}


def test_skin_measures_are_saved_from_the_skin_tab(
    qtbot: QtBot, practice: Practice, window: MainWindow
) -> None:
    client_id, _ = charted_last_week(practice)
    editor = open_new_session(window, client_id)
    skin = editor.skin
    skin.glogau.setCurrentIndex(skin.glogau.findData(3))
    qtbot.mouseClick(skin.regions["forehead"].buttons["4"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(skin.save, Qt.MouseButton.LeftButton)
    measure = practice.skin.for_session(editor.session_id or 0)
    assert measure is not None and (measure.glogau, dict(measure.wrinkles)) == (3, {"forehead": 4})
    assert skin.status.text().startswith("Recorded")


def test_a_signed_sessions_note_is_shown_not_edited(
    qtbot: QtBot, practice: Practice, window: MainWindow
) -> None:
    client_id, course_id = charted_last_week(practice)
    session = chart_session(practice, client_id, course_id, NOW - dt.timedelta(hours=1))
    practice.assessment.record(session.id, patterns=["Damp-heat"])
    practice.signing.sign(session.id)
    window.open_session(session.id)
    editor = window.session_editor
    assert editor.tcm.patterns.buttons["Damp-heat"].isChecked()
    assert not editor.tcm.patterns.buttons["Damp-heat"].isEnabled()
    assert not editor.tcm.carry_button.isEnabled()
    assert editor.soap.edits["plan"].isReadOnly() and not editor.soap.signed_note.isHidden()
    assert not editor.techniques.add.isEnabled() and not editor.skin.save.isEnabled()
