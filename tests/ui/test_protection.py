"""The lock screen and the passphrase dialogs, driven as a practitioner would with qtbot."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from acuchart.demo import write_demo
from acuchart.encryption import new_protection, protect
from acuchart.practice import Practice
from acuchart.storage import cipher
from ui.main_window import MainWindow
from ui.preferences import Preferences
from ui.protection.actions import LOCK_SHORTCUT
from ui.protection.dialogs import UnlockDialog

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def protected_path(tmp_path: Path) -> Path:
    path = tmp_path / "practice.acuchart"
    write_demo(path)
    protect(path, new_protection(PASSPHRASE))
    cipher.forget_key(path)  # as the app finds it at start
    return path


@pytest.fixture
def window(qtbot: QtBot, protected_path: Path, preferences: Preferences) -> Iterator[MainWindow]:
    practice = Practice.open(protected_path, passphrase=PASSPHRASE)
    shown = MainWindow(practice, preferences)
    qtbot.addWidget(shown)
    shown.show()
    shown.finish_start()
    yield shown
    shown.close()
    practice.close()


def _actions(window: MainWindow) -> list[str]:
    return [row["action"] for row in window.practice.store.rows("select action from audit order by id")]


def test_the_lock_hides_everything_keeps_a_half_typed_note_and_opens_only_with_the_passphrase(
    qtbot: QtBot, window: MainWindow
) -> None:
    practice = window.practice
    amelia = practice.clients.search("amelia")[0]
    window.client_actions.start_session(amelia.id)
    note = window.session_editor.notes
    note.setFocus()
    qtbot.keyClicks(note, "Mild tightness at ST6 on the l")
    title = window.windowTitle()

    assert window.protection.lock_now.shortcut().toString() == LOCK_SHORTCUT
    window.protection.lock_now.trigger()
    lock = window.protection.lock
    assert lock.locked
    assert window.windowTitle() == "AcuChart (locked)"
    cover = next(c for c in lock._covers if c.has_form)
    assert cover.isVisible() and cover.geometry() == window.rect()
    qtbot.keyClicks(note, "XYZ")  # typing at what lies beneath does nothing
    assert note.toPlainText() == "Mild tightness at ST6 on the l"

    assert cover.field is not None
    qtbot.keyClicks(cover.field, "not the passphrase")
    qtbot.keyClick(cover.field, Qt.Key.Key_Return)
    assert lock.locked
    assert "does not unlock" in cover.message.text()

    qtbot.keyClicks(cover.field, PASSPHRASE)
    qtbot.keyClick(cover.field, Qt.Key.Key_Return)
    assert not lock.locked
    assert window.windowTitle() == title
    assert note.toPlainText() == "Mild tightness at ST6 on the l"
    actions = _actions(window)
    since = actions[len(actions) - 1 - actions[::-1].index("lock") :]
    assert [a for a in since if a != "update"] == [
        "lock",
        "unlock refused",
        "unlock",
    ]  # the note saved meanwhile


def test_the_lock_comes_by_itself_after_the_idle_time_and_a_pin_opens_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    practice = window.practice
    practice.access.set_pin("2468")
    assert "2468" not in str(practice.store.rows("select data from audit"))  # the PIN is never in the trail
    lock = window.protection.lock
    lock.set_idle_minutes(0.0001)
    qtbot.waitUntil(lambda: lock.locked, timeout=8000)
    cover = next(c for c in lock._covers if c.has_form)
    assert cover.field is not None
    qtbot.keyClicks(cover.field, "2468")
    qtbot.keyClick(cover.field, Qt.Key.Key_Return)
    assert not lock.locked
    assert (
        practice.store.rows("select data from audit where action = 'lock' order by id desc")[0]["data"].find(
            "idle"
        )
        >= 0
    )
    lock.set_idle_minutes(0)


def test_opening_a_protected_practice_asks_for_its_passphrase_and_says_plainly_when_it_is_wrong(
    qtbot: QtBot, protected_path: Path
) -> None:
    dialog = UnlockDialog(protected_path)
    qtbot.addWidget(dialog)
    dialog.show()
    for attempt in range(3):
        dialog.field.setText(f"wrong passphrase {attempt}")
        dialog.try_open()
    assert dialog.opened is None
    assert "does not unlock" in dialog.message.text()
    assert not dialog.field.isEnabled()  # after three wrong tries, a short wait
    qtbot.waitUntil(dialog.field.isEnabled, timeout=5000)
    dialog.field.setText(PASSPHRASE)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Open).click()
    assert dialog.opened is not None
    assert dialog.opened.protected
    dialog.opened.close()
    QApplication.processEvents()


def test_the_first_set_up_protects_the_new_practice_and_saves_its_recovery_key_page(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from ui.protection.dialogs import PassphraseDialog
    from ui.welcome import Welcome

    def typed(dialog: PassphraseDialog) -> int:
        dialog.first.setText("short")
        dialog.second.setText("short")
        dialog.check()  # refused: too short, said in the dialog
        assert dialog.message.text() and dialog.result() != PassphraseDialog.DialogCode.Accepted
        dialog.first.setText(PASSPHRASE)
        dialog.second.setText(PASSPHRASE)
        dialog.check()
        return int(dialog.result())

    page = tmp_path / "Recovery key.pdf"
    monkeypatch.setattr(PassphraseDialog, "exec", typed)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(page), "PDF (*.pdf)"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    welcome = Welcome(tmp_path / "practice.acuchart", set_up_only=True)
    qtbot.addWidget(welcome)
    assert welcome.protect.isChecked()  # recommended, so on by default
    welcome.edits["practitioner_name"].setText("Dr Test")
    welcome.edits["practice_name"].setText("Test Practice")
    welcome.create_button.click()
    practice = welcome.outcome
    assert isinstance(practice, Practice)
    try:
        assert practice.protected
        assert page.read_bytes().startswith(b"%PDF")
        assert not (tmp_path / "practice.acuchart").read_bytes().startswith(b"SQLite format 3")
    finally:
        practice.close()


def test_the_recovery_key_opens_a_practice_whose_key_file_is_lost_and_a_new_passphrase_is_set(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from acuchart.encryption import unlock_key
    from acuchart.protection.keys import key_file_path
    from ui.protection.dialogs import PassphraseDialog

    path = tmp_path / "practice.acuchart"
    write_demo(path)
    protection = new_protection(PASSPHRASE)
    protect(path, protection)
    cipher.forget_key(path)
    key_file_path(path).unlink()

    def typed(dialog: PassphraseDialog) -> int:
        dialog.first.setText("a brand new passphrase")
        dialog.second.setText("a brand new passphrase")
        dialog.check()
        return int(dialog.result())

    monkeypatch.setattr(PassphraseDialog, "exec", typed)
    dialog = UnlockDialog(path)
    qtbot.addWidget(dialog)
    dialog.use_recovery.setChecked(True)
    dialog.field.setText(protection.recovery_key)
    dialog.try_open()
    assert dialog.opened is not None
    try:
        assert key_file_path(path).exists()
        assert unlock_key(path, passphrase="a brand new passphrase") == protection.data_key
    finally:
        dialog.opened.close()
