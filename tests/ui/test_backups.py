"""Backups in the app: made in the background when due, a warning while the second place is missing,
Restore from backup… in two clicks, the backup settings, and a damaged practice file brought back."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from acuchart import clock
from acuchart.backup.catalog import list_backups
from acuchart.backup.make import BY_HAND, back_up
from acuchart.backup.recovery import recovery_for
from acuchart.backup.settings import BackupSettings
from acuchart.errors import DamagedFileError
from acuchart.practice import Practice
from tests.backup_helpers import START, add_client, charted_practice, client_names, garbage_in_the_middle
from ui.app import PracticeSwitcher
from ui.backup.recovery_dialog import RESTORE, recover, recovery_text
from ui.backup.restore_dialog import RestoreDialog
from ui.backup.settings_dialog import BackupSettingsDialog
from ui.main_window import MainWindow
from ui.preferences import Preferences


@pytest.fixture
def practice_path(tmp_path: Path) -> Path:
    path = tmp_path / "practice.acuchart"
    charted_practice(path)
    return path


def window_on(qtbot: QtBot, practice: Practice, preferences: Preferences) -> MainWindow:
    window = MainWindow(practice, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.finish_start()
    return window


def test_the_file_menu_offers_back_up_restore_and_the_backup_settings(
    qtbot: QtBot, practice_path: Path, preferences: Preferences
) -> None:
    practice = Practice.open(practice_path)
    window = window_on(qtbot, practice, preferences)
    try:
        file_menu = window.menuBar().actions()[0].menu()
        texts = [a.text() for a in file_menu.actions()]  # type: ignore[union-attr]
        assert {"&Back up now", "&Restore from backup…", "Bac&kups…"} <= set(texts)
    finally:
        window.close()
        practice.close()


def test_a_due_backup_is_made_in_the_background_and_the_status_line_says_so(
    qtbot: QtBot, practice_path: Path, preferences: Preferences
) -> None:
    practice = Practice.open(practice_path)
    window = window_on(qtbot, practice, preferences)
    try:
        runner = window.backups.runner
        with qtbot.waitSignal(runner.finished, timeout=20_000) as made:
            window.backups.start()  # no backup yet and the practice holds changes: one is due at once
        report = made.args[0]
        assert report.ok and report.made is not None and report.made.manifest is not None
        assert report.made.manifest.reason == "automatic"
        qtbot.waitUntil(lambda: not runner.running)
        assert window.backups.status.text().startswith("Backed up") and "✓" in window.backups.status.text()
        assert window.backups.bar.isHidden()
        # Nothing changed since: the next look makes no backup.
        with qtbot.waitSignal(runner.statuses_changed, timeout=10_000):
            runner.tick()
        qtbot.waitUntil(lambda: not runner.running)
        assert len(list_backups(practice_path, BackupSettings())) == 1
    finally:
        window.close()
        practice.close()


def test_a_removed_second_place_shows_a_warning_until_it_is_back(
    qtbot: QtBot, practice_path: Path, preferences: Preferences, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    practice = Practice.open(practice_path)
    practice.backups.update_settings(second_place=str(usb))
    window = window_on(qtbot, practice, preferences)
    runner = window.backups.runner
    try:
        with qtbot.waitSignal(runner.finished, timeout=20_000):
            window.backups.start()
        qtbot.waitUntil(lambda: not runner.running)
        assert window.backups.bar.isHidden()
        shutil.rmtree(usb)  # the USB drive is pulled out
        with qtbot.waitSignal(runner.statuses_changed, timeout=10_000):
            runner.tick()
        qtbot.waitUntil(lambda: window.backups.bar.isVisibleTo(window))
        assert f"The second place for backups, {usb}, is not there" in window.backups.bar.message.text()
        usb.mkdir()  # plugged back in
        qtbot.waitUntil(lambda: not runner.running)
        with qtbot.waitSignal(runner.finished, timeout=20_000):
            assert runner.back_up_now()
        qtbot.waitUntil(lambda: window.backups.bar.isHidden())
    finally:
        window.close()
        practice.close()


def test_a_second_place_without_a_good_backup_for_a_week_is_called_out(
    qtbot: QtBot, practice_path: Path, preferences: Preferences, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    practice = Practice.open(practice_path)
    practice.backups.update_settings(second_place=str(usb))
    practice.close()
    with clock.frozen_at(dt.datetime.now() - dt.timedelta(days=9)):  # nothing changed since this backup
        assert back_up(practice_path, BY_HAND).ok
    practice = Practice.open(practice_path)
    window = window_on(qtbot, practice, preferences)
    try:
        with qtbot.waitSignal(window.backups.runner.statuses_changed, timeout=10_000):
            window.backups.runner.tick()
        qtbot.waitUntil(lambda: window.backups.bar.isVisibleTo(window))
        assert "has had no good backup for 9 days" in window.backups.bar.message.text()
    finally:
        window.backups.stop()
        window.close()
        practice.close()


def test_restore_from_backup_lists_every_backup_and_takes_two_clicks(
    qtbot: QtBot, practice_path: Path
) -> None:
    with clock.frozen_at(START):
        older = back_up(practice_path, BY_HAND).made
    add_client(practice_path, "Later")
    with clock.frozen_at(START + dt.timedelta(hours=1)):
        newer = back_up(practice_path, BY_HAND).made
    assert older is not None and newer is not None
    garbage_in_the_middle(older.path)  # damaged since; listing still trusts its manifest…
    backups = list_backups(practice_path, BackupSettings())
    dialog = RestoreDialog(practice_path, backups)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    row = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert row[0].startswith("Sat, 21 Nov 2026 10:00") and row[2] == "4" and row[4] == "✓"
    assert dialog.table.currentRow() == 0 and dialog.restore_button.isEnabled()
    dialog.restore_button.click()  # the second click (the first opened the dialog)
    assert dialog.chosen is not None and dialog.chosen.path == newer.path


def test_a_backup_from_a_newer_app_cannot_be_chosen(
    qtbot: QtBot, practice_path: Path, tmp_path: Path
) -> None:
    made = back_up(practice_path, BY_HAND).made
    assert made is not None
    dialog = RestoreDialog(practice_path, [])
    qtbot.addWidget(dialog)
    assert dialog.empty.isVisibleTo(dialog) and not dialog.restore_button.isEnabled()
    stray = tmp_path / "stray.acuchart-backup"
    stray.write_bytes(made.path.read_bytes())  # no manifest: never verified
    dialog.choose_path(stray)
    assert dialog.chosen is None and "cannot be restored" in dialog.problem.text()
    dialog.choose_path(made.path)
    assert dialog.chosen is not None


def test_restoring_swaps_the_practice_and_keeps_the_one_replaced(
    qtbot: QtBot, practice_path: Path, preferences: Preferences
) -> None:
    made = back_up(practice_path, BY_HAND).made
    assert made is not None
    add_client(practice_path, "After")
    switcher = PracticeSwitcher(preferences, remember=False)
    switcher.show(Practice.open(practice_path))
    try:
        switcher.restore(made)
        assert switcher.practice is not None and switcher.window is not None
        qtbot.addWidget(switcher.window)
        assert "After" not in [c.last_name for c in switcher.practice.clients.search("")]
        kept = [b for b in list_backups(practice_path, BackupSettings()) if b.pinned]
        assert len(kept) == 1 and "After" in client_names(kept[0].path)
    finally:
        if switcher.window is not None:
            switcher.window.backups.stop()
        switcher._retire()


def test_the_backup_settings_are_saved_and_a_missing_folder_is_refused(
    qtbot: QtBot, practice_file: Practice, tmp_path: Path
) -> None:
    dialog = BackupSettingsDialog(practice_file, [])
    qtbot.addWidget(dialog)
    dialog.interval.setValue(5)
    dialog.second_place.setText(str(tmp_path / "not plugged in"))
    dialog.save()
    assert "is not a folder that exists now" in dialog.messages.message("second_place")
    assert practice_file.backups.settings().interval_minutes == 30  # nothing half-saved
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog.second_place.setText(str(usb))
    dialog.keep["daily"].setValue(20)
    with qtbot.waitSignal(dialog.back_up_requested, timeout=1000):
        dialog.save()
    settings = practice_file.backups.settings()
    assert (settings.interval_minutes, settings.second_place, settings.keep.daily) == (5, str(usb), 20)
    entry = practice_file.store.one("select data from audit where data like '%backup_second_place%'")
    assert entry is not None  # changing where backups go is in the audit trail


def test_a_damaged_practice_at_start_is_restored_from_the_newest_backup(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "practice.acuchart"
    charted_practice(path, clients=40)
    names = client_names(path)
    with clock.frozen_at(START + dt.timedelta(days=1)):
        assert back_up(path, BY_HAND).ok
    garbage_in_the_middle(path, at=0.75)
    practice = Practice.open(path)
    practice.store.open_check.wait()  # type: ignore[union-attr]
    findings = practice.store.open_check.findings  # type: ignore[union-attr]
    practice.close()
    error = DamagedFileError("damaged", path, findings, "SQLite's check of the file found damage inside it")
    text = recovery_text(recovery_for(path, error), error)
    assert "cannot be used: SQLite's check of the file found damage inside it" in text
    assert "The newest verified backup is from <b>09:00 on Sunday, 22 November 2026</b>" in text
    assert "40 clients" in text and "Anything recorded after 22 Nov 2026, 09:00" in text
    restored = recover(path, error, choice=RESTORE)
    assert isinstance(restored, Practice)
    try:
        assert [c.last_name for c in restored.clients.search("")] != []
        assert restored.verify_audit().ok
    finally:
        restored.close()
    assert client_names(path) == names
    assert len(list(tmp_path.glob("practice damaged *.acuchart"))) == 1


def test_damage_found_by_the_check_after_opening_is_reported_to_the_app(
    qtbot: QtBot, tmp_path: Path, preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "practice.acuchart"
    charted_practice(path, clients=40)
    garbage_in_the_middle(path, at=0.75)
    practice = Practice.open(path)  # opens: the damage is among the records
    window = window_on(qtbot, practice, preferences)
    monkeypatch.setattr(window.backups.runner, "start", lambda *a: None)  # only the check here
    try:
        with qtbot.waitSignal(window.backups.damage_found, timeout=10_000) as found:
            window.backups.start()
        assert isinstance(found.args[0], DamagedFileError)
    finally:
        window.close()
        practice.close()


def test_the_recovery_question_names_the_backup_on_its_button(
    qtbot: QtBot, practice_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with clock.frozen_at(START):
        assert back_up(practice_path, BY_HAND).ok
    seen: list[list[str]] = []

    def fake_exec(box: QMessageBox) -> int:
        seen.append([b.text() for b in box.buttons()])
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    error = DamagedFileError(
        "x", practice_path, ("bad page",), "SQLite's check of the file found damage inside it"
    )
    assert recover(practice_path, error) == "quit"  # nothing clicked: nothing done
    assert seen and "Restore the backup of 09:00, 21 Nov" in seen[0]
    assert practice_path.exists()


def test_quitting_backs_up_what_changed_since_the_last_backup_and_nothing_else(
    qtbot: QtBot, practice_path: Path, preferences: Preferences
) -> None:
    assert back_up(practice_path, BY_HAND).ok
    switcher = PracticeSwitcher(preferences)
    switcher.show(Practice.open(practice_path))
    assert switcher.window is not None
    qtbot.addWidget(switcher.window)
    switcher.close()  # nothing changed since the backup: none made on quitting
    assert [b.manifest.reason for b in list_backups(practice_path, BackupSettings()) if b.manifest] == [
        "by hand"
    ]
    add_client(practice_path, "Quitting")
    switcher = PracticeSwitcher(preferences)
    switcher.show(Practice.open(practice_path))
    assert switcher.window is not None
    qtbot.addWidget(switcher.window)
    switcher.close()
    newest = list_backups(practice_path, BackupSettings())[0]
    assert newest.manifest is not None and newest.manifest.reason == "on quitting"
    assert "Quitting" in client_names(newest.path)


def test_the_demo_practice_is_not_backed_up_by_itself(
    qtbot: QtBot, practice_path: Path, preferences: Preferences
) -> None:
    switcher = PracticeSwitcher(preferences, remember=False)  # as main.py --demo starts it
    switcher.show(Practice.open(practice_path))
    assert switcher.window is not None
    qtbot.addWidget(switcher.window)
    switcher._start_backups(switcher.window, "")
    assert not switcher.window.backups.runner._timer.isActive()
    switcher.close()
    assert list_backups(practice_path, BackupSettings()) == []


def test_a_practice_whose_header_was_overwritten_is_offered_its_backup_but_a_stray_file_is_not(
    qtbot: QtBot, practice_path: Path, tmp_path: Path
) -> None:
    from acuchart.errors import NotSQLiteError
    from ui.app import needs_recovery

    assert back_up(practice_path, BY_HAND).ok
    practice_path.write_bytes(b"\0" * 4096 + practice_path.read_bytes()[4096:])  # the header is gone
    with pytest.raises(NotSQLiteError) as raised:
        Practice.open(practice_path)
    assert needs_recovery(practice_path, raised.value)  # it was a practice: its backup is offered
    letter = tmp_path / "letter.acuchart"
    letter.write_text("Dear client")
    with pytest.raises(NotSQLiteError) as raised:
        Practice.open(letter)
    assert not needs_recovery(letter, raised.value)  # another kind of file chosen by mistake
    empty = tmp_path / "empty.acuchart"
    empty.write_bytes(b"")
    with pytest.raises(DamagedFileError) as damaged:
        Practice.open(empty)
    assert needs_recovery(empty, damaged.value)


def test_with_no_backup_a_damaged_file_can_be_set_aside_for_an_empty_practice(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from ui.backup.recovery_dialog import START_EMPTY

    path = tmp_path / "practice.acuchart"
    path.write_bytes(b"")
    with pytest.raises(DamagedFileError) as raised:
        Practice.open(path)
    found = recovery_for(path, raised.value)
    assert found.backup is None
    assert "There is no verified backup of this practice" in recovery_text(found, raised.value)
    opened = recover(path, raised.value, choice=START_EMPTY)
    assert isinstance(opened, Practice)
    try:
        assert opened.clients.count() == 0
    finally:
        opened.close()
    (kept,) = tmp_path.glob("practice damaged *.acuchart")
    assert kept.read_bytes() == b""
