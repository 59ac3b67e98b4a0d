"""Practice settings: who the practice is, with every problem shown beside its field and nothing half-saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from acuchart.practice import Practice
from ui.main_window import MainWindow
from ui.preferences import Preferences
from ui.records.settings_dialog import SettingsDialog


def dialog_for(qtbot: QtBot, practice: Practice) -> SettingsDialog:
    dialog = SettingsDialog(practice)
    qtbot.addWidget(dialog)
    return dialog


def a_logo(tmp_path: Path) -> Path:
    image = QImage(300, 120, QImage.Format.Format_RGB32)
    image.fill(QColor("#2f6f8f"))
    path = tmp_path / "logo.png"
    assert image.save(str(path))
    return path


def test_saving_the_practice_details_stores_them_and_retitles_the_window(
    qtbot: QtBot, practice: Practice, preferences: Preferences, tmp_path: Path
) -> None:
    window = MainWindow(practice, preferences)
    qtbot.addWidget(window)
    dialog = dialog_for(qtbot, practice)
    dialog.edits["practice_name"].setText("Willow Lane Facial Acupuncture")
    dialog.edits["practitioner_name"].setText("Dr. Jane Doe, L.Ac.")
    dialog.edits["licence_number"].setText("AC-104233")
    dialog.address.setPlainText("12 Willow Lane\nBristol BS1 4DJ")
    dialog.paper_size.setCurrentIndex(dialog.paper_size.findData("Letter"))
    dialog.set_logo(str(a_logo(tmp_path)))
    assert dialog.logo_preview.pixmap() is not None and not dialog.logo_preview.pixmap().isNull()
    dialog.save()
    settings = practice.settings.get()
    assert (settings.practice_name, settings.licence_number, settings.paper_size) == (
        "Willow Lane Facial Acupuncture",
        "AC-104233",
        "Letter",
    )
    assert settings.logo_path.endswith("logo.png")
    assert window.windowTitle() == "AcuChart — Willow Lane Facial Acupuncture"


def test_problems_show_beside_their_fields_and_nothing_is_saved(qtbot: QtBot, practice: Practice) -> None:
    dialog = dialog_for(qtbot, practice)
    dialog.edits["practice_name"].setText("x" * 10_000_000)
    dialog.set_logo("/nowhere/logo.png")
    dialog.review_months.setValue(0)
    dialog.save()
    assert "the most it can hold is 200" in dialog.messages.message("practice_name")
    assert "does not exist" in dialog.messages.message("logo_path")
    assert dialog.messages.message("caution_review_months") == "Enter a number of months from 1 to 60."
    assert dialog.logo_preview.text() == "This file is not an image"
    assert practice.settings.get().practice_name == ""


def test_a_problem_on_the_records_tab_brings_that_tab_forward(qtbot: QtBot, practice: Practice) -> None:
    dialog = dialog_for(qtbot, practice)
    dialog.review_months.setValue(99)
    dialog.save()
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Records"


def test_right_to_left_and_emoji_names_are_kept_intact(qtbot: QtBot, practice: Practice) -> None:
    dialog = dialog_for(qtbot, practice)
    dialog.edits["practitioner_name"].setText("נועה בן-דוד 🌿")
    dialog.save()
    assert practice.settings.get().practitioner_name == "נועה בן-דוד 🌿"


def test_the_dialog_opens_from_file_practice_settings_with_ctrl_comma(
    qtbot: QtBot, practice: Practice, preferences: Preferences
) -> None:
    window = MainWindow(practice, preferences)
    qtbot.addWidget(window)
    window.finish_start()  # the menus get their items just after the first frame
    file_menu = window.menuBar().actions()[0].menu()
    (action,) = [a for a in file_menu.actions() if a.text() == "Practice &settings…"]
    assert action.shortcut().toString() == "Ctrl+,"


def test_more_settings_can_get_a_tab_of_their_own(qtbot: QtBot, practice: Practice) -> None:
    dialog = dialog_for(qtbot, practice)
    dialog.add_tab(QLabel("Handout texts"), "Handouts")
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Practice",
        "Records",
        "Language",
        "Handouts",
    ]
