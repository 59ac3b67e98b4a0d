"""The first start: the welcome when no practice exists yet, setting the practice up (checked before any
file is made), and the first handout printing the practice it was set up as."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from acuchart.paths import default_practice_path
from acuchart.practice import Practice
from acuchart.services.clients import ClientForm
from acuchart.services.settings import BACKUP_SECOND_PLACE_KEY
from ui import app as app_module
from ui import welcome as welcome_module
from ui.main_window import MainWindow
from ui.preferences import Preferences
from ui.welcome import FILE_FIELD, Welcome


@pytest.fixture(autouse=True)
def _passphrase_declined(monkeypatch: pytest.MonkeyPatch) -> None:
    """The set-up offers a passphrase (tests/ui/test_protection.py takes it); here it is declined."""
    from ui.protection.dialogs import PassphraseDialog

    monkeypatch.setattr(
        PassphraseDialog, "exec", lambda dialog: int(PassphraseDialog.DialogCode.Rejected.value)
    )


@pytest.fixture
def welcome(qtbot: QtBot, tmp_path: Path) -> Iterator[Welcome]:
    dialog = Welcome(tmp_path / "data" / "practice.acuchart")
    qtbot.addWidget(dialog)
    yield dialog
    if isinstance(dialog.outcome, Practice):
        dialog.outcome.close()


def a_logo(folder: Path) -> Path:
    image = QImage(120, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#2f6f8f"))
    path = folder / "logo.png"
    assert image.save(str(path))
    return path


def fill_in(welcome: Welcome, tmp_path: Path) -> Path:
    """The set-up page, filled in as a practitioner would; returns the backups folder chosen."""
    welcome.set_up_button.click()
    assert welcome.pages.currentIndex() == 1
    welcome.edits["practice_name"].setText("Willow Lane Facial Acupuncture")
    welcome.edits["practitioner_name"].setText("Hana Okafor")
    welcome.edits["licence_number"].setText("AC-51234")
    welcome.edits["phone"].setText("01632 960 001")
    welcome.edits["email"].setText("hello@willowlane.example")
    welcome.address.setPlainText("3 Willow Lane, Bristol")
    welcome.logo.set_path(str(a_logo(tmp_path)))
    welcome.paper_size.setCurrentIndex(welcome.paper_size.findData("Letter"))
    usb = tmp_path / "usb"
    usb.mkdir()
    welcome.second_place.set_text(str(usb))
    return usb


def test_setting_up_stores_every_answer_in_one_new_practice_file(
    qtbot: QtBot, welcome: Welcome, tmp_path: Path
) -> None:
    usb = fill_in(welcome, tmp_path)
    welcome.create_button.click()

    practice = welcome.outcome
    assert isinstance(practice, Practice)
    assert practice.path == tmp_path / "data" / "practice.acuchart"
    assert practice.path.exists()
    settings = practice.settings.get()
    assert settings.practice_name == "Willow Lane Facial Acupuncture"
    assert settings.practitioner_name == "Hana Okafor"
    assert settings.licence_number == "AC-51234"
    assert settings.address == "3 Willow Lane, Bristol"
    assert settings.logo_path.endswith("logo.png")
    assert settings.paper_size == "Letter"
    assert settings.extra[BACKUP_SECOND_PLACE_KEY] == str(usb)
    assert practice.store.actor == "Hana Okafor"  # sessions are signed by the practitioner named
    assert welcome.result() == Welcome.DialogCode.Accepted


def test_the_first_handout_prints_the_practice_that_was_set_up(
    qtbot: QtBot,
    welcome: Welcome,
    tmp_path: Path,
    preferences: Preferences,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fill_in(welcome, tmp_path)
    welcome.create_button.click()
    practice = welcome.outcome
    assert isinstance(practice, Practice)
    window = MainWindow(practice, preferences)
    qtbot.addWidget(window)
    assert window.windowTitle() == "AcuChart — Willow Lane Facial Acupuncture"
    client = practice.clients.create(ClientForm(first_name="Noa", last_name="Ben-David")).value
    session = practice.sessions.create(client.id, consent_override="Verbal consent, form to follow").value
    practice.charting.mark_point(session.id, "ST2", "left")
    window.open_session(session.id)
    out = tmp_path / "handout.pdf"
    monkeypatch.setattr(
        "ui.printing.documents.QFileDialog.getSaveFileName", lambda *args, **kwargs: (str(out), "")
    )
    window.documents.save_handout.trigger()
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Willow Lane Facial Acupuncture" in text
    assert "Hana Okafor" in text
    assert "AC-51234" in text
    window.audit_bar.stop()


def test_nothing_is_created_until_everything_is_right(qtbot: QtBot, welcome: Welcome, tmp_path: Path) -> None:
    welcome.set_up_button.click()
    welcome.second_place.set_text(str(tmp_path / "no such drive"))
    welcome.create_button.click()
    assert welcome.outcome is None
    assert "heads every handout" in welcome.messages.message("practice_name")
    assert "signs every session" in welcome.messages.message("practitioner_name")
    assert "not a folder that exists" in welcome.messages.message(BACKUP_SECOND_PLACE_KEY)
    assert not (tmp_path / "data").exists()


def test_an_existing_practice_file_is_never_set_up_over(
    qtbot: QtBot, welcome: Welcome, tmp_path: Path
) -> None:
    existing = tmp_path / "ours.acuchart"
    Practice.open(existing).close()
    before = existing.read_bytes()
    fill_in(welcome, tmp_path)
    welcome.practice_file.set_text(str(existing))
    welcome.create_button.click()
    assert welcome.outcome is None
    assert "already a practice file" in welcome.messages.message(FILE_FIELD)
    assert existing.read_bytes() == before


def test_a_file_name_without_its_ending_gets_one(qtbot: QtBot, welcome: Welcome, tmp_path: Path) -> None:
    fill_in(welcome, tmp_path)
    welcome.practice_file.set_text(str(tmp_path / "clinic"))
    welcome.create_button.click()
    assert isinstance(welcome.outcome, Practice)
    assert welcome.outcome.path == tmp_path / "clinic.acuchart"


def test_the_demo_and_an_existing_file_are_one_click_away(
    qtbot: QtBot, welcome: Welcome, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    welcome.demo_button.click()
    assert welcome.outcome == "demo"
    other = Welcome(tmp_path / "practice.acuchart")
    qtbot.addWidget(other)
    brought = tmp_path / "brought.acuchart"
    monkeypatch.setattr(welcome_module, "ask_existing_practice_file", lambda parent, current: brought)
    other.open_button.click()
    assert other.outcome == brought


@pytest.fixture
def no_event_loop(monkeypatch: pytest.MonkeyPatch, preferences: Preferences) -> list[MainWindow]:
    """``run`` up to the event loop: the windows it showed are kept here instead of running."""
    shown: list[MainWindow] = []
    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)
    monkeypatch.setattr(app_module, "Preferences", lambda: preferences)
    original = app_module.PracticeSwitcher.show

    def show(switcher: app_module.PracticeSwitcher, practice: Practice) -> None:
        original(switcher, practice)
        assert switcher.window is not None
        shown.append(switcher.window)

    monkeypatch.setattr(app_module.PracticeSwitcher, "show", show)
    return shown


def test_the_welcome_comes_only_while_there_is_no_practice(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, no_event_loop: list[MainWindow]
) -> None:
    asked: list[Path] = []

    def set_up_here(default: Path) -> Practice:
        asked.append(default)
        default.parent.mkdir(parents=True)
        practice = Practice.open(default)
        practice.settings.update(practice_name="Willow Lane", practitioner_name="Hana Okafor")
        return practice

    monkeypatch.setattr(welcome_module, "first_start", set_up_here)
    assert app_module.run() == 0
    assert asked == [default_practice_path()]
    assert no_event_loop[-1].windowTitle() == "AcuChart — Willow Lane"
    no_event_loop[-1].close()

    assert app_module.run() == 0  # the next start opens the practice: nothing is asked twice
    assert len(asked) == 1
    assert no_event_loop[-1].windowTitle() == "AcuChart — Willow Lane"
    no_event_loop[-1].close()


def test_quitting_the_welcome_leaves_nothing_behind(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, no_event_loop: list[MainWindow], preferences: Preferences
) -> None:
    monkeypatch.setattr(welcome_module, "first_start", lambda default: None)
    assert app_module.run() == 0
    assert no_event_loop == []
    assert not default_practice_path().exists()
    assert preferences.last_practice == ""


def test_the_second_place_for_backups_is_changed_later_in_practice_settings(
    qtbot: QtBot, practice_file: Practice, tmp_path: Path
) -> None:
    from ui.records.settings_dialog import SettingsDialog

    usb = tmp_path / "usb"
    usb.mkdir()
    dialog = SettingsDialog(practice_file)
    qtbot.addWidget(dialog)
    dialog.second_place.set_text(str(usb))
    dialog.save()
    assert practice_file.settings.get().extra[BACKUP_SECOND_PLACE_KEY] == str(usb)

    usb.rmdir()  # the drive is unplugged: other settings still save, the place is kept as it was
    again = SettingsDialog(practice_file)
    qtbot.addWidget(again)
    assert again.second_place.text == str(usb)
    again.edits["phone"].setText("01632 960 002")
    again.save()
    assert again.result() == SettingsDialog.DialogCode.Accepted
    settings = practice_file.settings.get()
    assert settings.phone == "01632 960 002"
    assert settings.extra[BACKUP_SECOND_PLACE_KEY] == str(usb)

    moved = SettingsDialog(practice_file)
    qtbot.addWidget(moved)
    moved.second_place.set_text(str(tmp_path / "elsewhere"))
    moved.save()
    assert "not a folder that exists" in moved.messages.message(BACKUP_SECOND_PLACE_KEY)
    assert practice_file.settings.get().extra[BACKUP_SECOND_PLACE_KEY] == str(usb)


def test_a_new_practice_file_is_set_up_like_the_first_and_opened(
    qtbot: QtBot,
    practice_file: Practice,
    preferences: Preferences,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    switcher = app_module.PracticeSwitcher(preferences)
    switcher.show(practice_file)
    window = switcher.window
    assert window is not None
    qtbot.addWidget(window)
    offered: list[Path] = []

    def fill_and_create(dialog: Welcome) -> int:
        assert dialog.pages.currentIndex() == 1  # straight to the practice's details
        offered.append(dialog.practice_path())
        fill_in(dialog, tmp_path)
        dialog.create_button.click()
        return int(dialog.result())

    monkeypatch.setattr(Welcome, "exec", fill_and_create)
    window.finish_start()
    next(a for a in window._menus["&File"].actions() if "New practice" in a.text()).trigger()

    # The current file's folder, under a name not yet taken: the open practice is never set up over.
    assert offered == [practice_file.path.with_name("practice-2.acuchart")]
    new = switcher.practice
    assert new is not None and new.path == offered[0]
    assert switcher.window is not None and switcher.window is not window
    qtbot.addWidget(switcher.window)
    assert switcher.window.windowTitle() == "AcuChart — Willow Lane Facial Acupuncture"
    assert preferences.last_practice == str(offered[0])
    switcher.window.audit_bar.stop()
    switcher.close()


def test_cancelling_a_new_practice_keeps_the_open_one(
    qtbot: QtBot, practice_file: Practice, preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(practice_file, preferences)
    qtbot.addWidget(window)
    created: list[Practice] = []
    window.practice_created.connect(created.append)
    monkeypatch.setattr(Welcome, "exec", lambda dialog: dialog.back_button.click() or int(dialog.result()))
    window.new_practice_file()
    assert created == []
    assert sorted(p.name for p in practice_file.path.parent.glob("*.acuchart")) == ["practice.acuchart"]
    window.audit_bar.stop()
