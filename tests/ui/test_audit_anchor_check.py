"""File → Check practice file and photos… in the app says what ``main.py check`` says about a trail
rewritten behind a backup's back (issue 13, item 7)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from acuchart.backup.make import BY_HAND, back_up
from acuchart.practice import Practice
from tests.audit_helpers import rewrite_trail
from tests.records_helpers import client_with_course
from ui.photos.check_run import check_practice


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes record what they would say instead of waiting for a click."""
    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(f"{box.text()} {box.informativeText()}")
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


def test_the_check_in_the_app_names_a_rewrite_before_the_newest_backup(
    qtbot: QtBot, practice_file: Practice, said: list[str]
) -> None:
    client_with_course(practice_file, "Amelia", "Hartley")
    client_with_course(practice_file, "Brigid", "Oduya")
    assert practice_file.path is not None
    made = back_up(practice_file.path, BY_HAND).made
    assert made is not None
    parent = QWidget()
    qtbot.addWidget(parent)
    report = check_practice(practice_file, parent)
    assert report is not None and report.ok
    assert "Everything is in order." in said[-1] and "matches its anchors outside the file" in said[-1]

    rewrite_trail(practice_file.path, entry=2)
    report = check_practice(practice_file, parent)
    assert report is not None and not report.ok
    assert "Problems were found." in said[-1]
    assert f"the backup “{made.path.name}” (On this computer)" in said[-1]
    assert "audit trail rewritten" in said[-1] and "is entry 2" in said[-1]
