"""The backups' and the lock's screens speak the app's language (Spanish here): words, dates and plurals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from acuchart import clock
from acuchart.backup.catalog import list_backups
from acuchart.backup.make import BY_HAND, back_up
from acuchart.backup.settings import BackupSettings
from acuchart.i18n import set_app_language
from acuchart.practice import Practice
from tests.backup_helpers import START, charted_practice
from ui.backup.restore_dialog import RestoreDialog
from ui.protection.cover import Cover


def test_the_restore_dialog_reads_in_spanish(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "practice.acuchart"
    charted_practice(path)
    with clock.frozen_at(START):
        assert back_up(path, BY_HAND).made is not None
    set_app_language("es", ["es-ES"])
    with clock.frozen_at(START + dt.timedelta(days=2)):
        dialog = RestoreDialog(path, list_backups(path, BackupSettings()))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Restaurar desde una copia de seguridad"
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())]
    assert headers[:2] == ["Tomada", "Tamaño"] and "Motivo" in headers
    row = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert row[0].startswith("sáb, 21 nov 2026 9:00") and row[0].endswith("(hace 2 días)")
    assert row[5] == "a mano"
    assert row[6] == "En este ordenador"
    assert dialog.restore_button.text() == "Restaurar"


class _Unlocker:
    def unlock(self, method: str) -> None: ...

    def refused(self, method: str) -> int:
        return 0


def test_the_lock_screen_reads_in_spanish(qtbot: QtBot, tmp_path: Path) -> None:
    set_app_language("es", ["es-ES"])
    window = QWidget()
    qtbot.addWidget(window)
    with Practice.open(tmp_path / "practice.acuchart") as practice:
        cover = Cover(window, practice, with_form=True, lock=_Unlocker())  # type: ignore[arg-type]
        words = [label.text() for label in cover.findChildren(QLabel)]
    assert "AcuChart está bloqueado" in words
    assert any(w.startswith("No se ha perdido nada de lo que estaba haciendo") for w in words)
    assert cover.unlock_button is not None and cover.unlock_button.text() == "Desbloquear"
