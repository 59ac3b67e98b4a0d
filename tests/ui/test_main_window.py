"""The main window as a practitioner uses it: find a client by typing, add one, archive one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from acuchart.practice import Practice
from acuchart.services.clients import ClientForm
from tests.ui.elsewhere import elsewhere
from ui.client_dialog import ClientDialog
from ui.client_list import ClientListModel
from ui.main_window import MainWindow
from ui.preferences import Preferences


def make_window(qtbot: QtBot, practice: Practice, preferences: Preferences) -> MainWindow:
    window = MainWindow(practice, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def visible_names(window: MainWindow) -> list[str]:
    model = window.clients.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def test_title_names_the_practice(qtbot: QtBot, demo_practice: Practice, preferences: Preferences) -> None:
    window = make_window(qtbot, demo_practice, preferences)
    assert window.windowTitle() == "AcuChart — Willow Lane Facial Acupuncture"


def test_typing_two_letters_narrows_the_list_and_enter_opens_the_client(
    qtbot: QtBot, demo_practice: Practice, preferences: Preferences
) -> None:
    window = make_window(qtbot, demo_practice, preferences)
    assert len(visible_names(window)) >= 12
    qtbot.keyClicks(window.clients.search, "Le")
    qtbot.waitUntil(lambda: visible_names(window) == ["Lefèvre, Chloé"])
    qtbot.keyClick(window.clients.search, Qt.Key.Key_Return)
    assert window.chart_area.currentWidget() is window.client_page
    assert window.client_page.name_label.text() == "Chloé Lefèvre"
    assert window.client_page.cautions.isVisibleTo(window)
    assert "fillers" in window.client_page.cautions.text().lower()


def test_client_list_model_passes_the_model_tester(
    qtbot: QtBot, demo_practice: Practice, qtmodeltester
) -> None:
    model = ClientListModel()
    model.set_clients(demo_practice.clients.search(""))
    qtmodeltester.check(model)


def test_new_client_dialog_shows_problems_beside_the_fields_and_saves_nothing(
    qtbot: QtBot, practice: Practice
) -> None:
    dialog = ClientDialog(practice)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog._edits["last_name"], "Hartley")
    dialog.date_of_birth.set_value(dt.date(2999, 1, 1))
    qtbot.keyClicks(dialog._edits["email"], "not-an-address")
    dialog.save()
    assert "first name" in dialog.field_error("first_name")
    assert "future" in dialog.field_error("date_of_birth")
    assert "email" in dialog.field_error("email")
    assert dialog.field_error("last_name") == ""
    assert practice.clients.count() == 0
    dialog._edits["first_name"].setText("Amelia")
    dialog.date_of_birth.set_value(dt.date(1978, 9, 5))
    dialog._edits["email"].setText("amelia@example.com")
    dialog.concern_boxes["wrinkles"].setChecked(True)
    dialog.caution_boxes["anticoagulants"].setChecked(True)
    dialog.save()
    assert dialog.result() == ClientDialog.DialogCode.Accepted
    saved = practice.clients.get(dialog.saved_client.id)  # type: ignore[union-attr]
    assert saved.full_name == "Amelia Hartley"
    assert saved.concerns == ("wrinkles",)
    assert saved.caution_flags == ("anticoagulants",)
    assert saved.cautions_reviewed_on is not None


def test_an_edited_client_shows_at_once_in_list_and_page(
    qtbot: QtBot, practice: Practice, preferences: Preferences
) -> None:
    client = practice.clients.create(ClientForm(first_name="Grace", last_name="Okonkwo")).value
    window = make_window(qtbot, practice, preferences)
    window.show_client(client.id)
    form = ClientForm(first_name="Grace", last_name="Okafor", caution_flags=["keloid"])
    elsewhere(practice, lambda: practice.clients.update(client.id, form))
    assert visible_names(window) == ["Okafor, Grace"]
    assert window.client_page.name_label.text() == "Grace Okafor"
    assert "Keloid" in window.client_page.cautions.text()


def test_archiving_keeps_the_client_under_show_archived(
    qtbot: QtBot, practice: Practice, preferences: Preferences, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    client = practice.clients.create(ClientForm(first_name="Elena", last_name="Petrova")).value
    window = make_window(qtbot, practice, preferences)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.client_actions.set_archived(client.id, True)
    assert visible_names(window) == []
    window.clients.archived_box.setChecked(True)
    assert visible_names(window) == ["Petrova, Elena  (archived)"]
    assert practice.clients.get(client.id).archived


def test_window_size_and_splitter_are_remembered(qtbot: QtBot, practice: Practice, tmp_path: Path) -> None:
    ini = str(tmp_path / "layout.ini")
    first = make_window(qtbot, practice, Preferences(QSettings(ini, QSettings.Format.IniFormat)))
    first.resize(760, 560)
    first.splitter.setSizes([250, 500])
    sizes = first.splitter.sizes()
    first.close()
    second = make_window(qtbot, practice, Preferences(QSettings(ini, QSettings.Format.IniFormat)))
    assert second.size().width() == 760
    assert second.splitter.sizes() == sizes


def test_a_new_session_joins_the_clients_course_and_folds_the_client_list_away(
    qtbot: QtBot, practice: Practice, preferences: Preferences
) -> None:
    import datetime as dt

    from acuchart.services.courses import CourseForm

    client = practice.clients.create(ClientForm(first_name="Amelia", last_name="Hartley")).value
    practice.consent.record_consent(client.id, dt.date.today(), "signed_form")
    course = practice.courses.create_course(
        client.id, CourseForm(concerns=["wrinkles"], start_date=dt.date.today())
    ).value
    window = make_window(qtbot, practice, preferences)
    window.show_client(client.id)
    assert window.splitter.sizes()[0] > 0
    window.client_actions.start_session(client.id)
    editor = window.showing_session()
    assert editor is not None and editor.session_id is not None
    assert practice.sessions.get(editor.session_id).course_id == course.id
    assert window.splitter.sizes()[0] == 0  # the chart gets the client list's room
    assert window.ratings.session_id == editor.session_id
    assert window.sign_panel.session_id == editor.session_id
    window.back_to_client()
    assert window.chart_area.currentWidget() is window.client_page
    assert window.splitter.sizes()[0] > 0


def test_the_client_page_offers_the_clients_documents(
    qtbot: QtBot, demo_practice: Practice, preferences: Preferences
) -> None:
    window = make_window(qtbot, demo_practice, preferences)
    window.show_client(demo_practice.clients.search("hartley")[0].id)
    button = window.client_page.documents_button
    assert button.isVisibleTo(window)
    titles = [a.text().replace("&", "") for a in button.menu().actions()]
    assert titles == [
        "Course summary…",
        "Chart export…",
        "Consent form…",
        "FHIR record for another clinician…",
    ]
    assert all(a.isEnabled() for a in button.menu().actions())


def test_the_session_editor_is_built_only_when_a_session_opens(
    qtbot: QtBot, demo_practice: Practice, preferences: Preferences
) -> None:
    window = make_window(qtbot, demo_practice, preferences)
    assert window._session_editor is None and window.showing_session() is None
    assert not window.documents.print_handout.isEnabled()


def test_enter_straight_after_typing_opens_the_client_typed_not_the_first_of_the_old_list(
    qtbot: QtBot, demo_practice: Practice, preferences: Preferences
) -> None:
    window = make_window(qtbot, demo_practice, preferences)
    window.clients.search.setText("sofia")  # no pause: the type-ahead timer is still waiting
    qtbot.keyClick(window.clients.search, Qt.Key.Key_Return)
    assert window.client_page.name_label.text() == "Sofía Domínguez"


def test_notes_typed_just_before_quitting_are_stored(
    qtbot: QtBot, demo_practice: Practice, preferences: Preferences
) -> None:
    window = make_window(qtbot, demo_practice, preferences)
    client = demo_practice.clients.search("sofia")[0]
    window.show_client(client.id)
    window.client_actions.start_session(client.id)
    editor = window.showing_session()
    assert editor is not None and editor.session_id is not None
    qtbot.keyClicks(editor.notes, "Tender at left ST2 on removal")
    window.close()  # well inside the pause before notes save on their own
    assert demo_practice.sessions.get(editor.session_id).notes == "Tender at left ST2 on removal"


def test_the_menus_fill_in_just_after_the_first_frame_with_their_shortcuts(
    qtbot: QtBot, demo_practice: Practice, preferences: Preferences
) -> None:
    window = MainWindow(demo_practice, preferences)
    qtbot.addWidget(window)
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert list(menus) == ["&File", "&Edit", "&Client", "&Print", "&View", "&Help"]  # titles at once
    assert not window._finished  # items wait for the first frame
    window.show()
    qtbot.waitUntil(lambda: window._finished, timeout=3000)
    shortcuts = {
        a.text().replace("&", ""): a.shortcut().toString() for menu in menus.values() for a in menu.actions()
    }
    assert shortcuts["New client…"] == "Ctrl+N"
    assert shortcuts["Print handout for this session…"] == "Ctrl+P"
    assert shortcuts["Undo"] == "Ctrl+Z"
    assert "Handout texts…" in shortcuts  # the Print menu's own item in the File menu
    assert window.statusBar().currentMessage().startswith(f"{demo_practice.clients.count()} clients")
    assert window.clients.search.isClearButtonEnabled()


def test_quitting_while_a_session_folds_the_list_away_starts_next_time_with_the_client_list(
    qtbot: QtBot, practice: Practice, tmp_path: Path
) -> None:
    import datetime as dt

    client = practice.clients.create(ClientForm(first_name="Amelia", last_name="Hartley")).value
    practice.consent.record_consent(client.id, dt.date.today(), "signed_form")
    ini = str(tmp_path / "layout.ini")
    first = make_window(qtbot, practice, Preferences(QSettings(ini, QSettings.Format.IniFormat)))
    first.show_client(client.id)
    before = first.splitter.sizes()[0]
    first.client_actions.start_session(client.id)
    assert first.splitter.sizes()[0] == 0
    first.close()  # quitting in the middle of charting
    second = make_window(qtbot, practice, Preferences(QSettings(ini, QSettings.Format.IniFormat)))
    assert second.splitter.sizes()[0] == before > 0  # "Choose a client on the left" has a list on the left
