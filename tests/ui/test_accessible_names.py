"""Every control of every window, dialog and page the app can show has an accessible name, the words a
screen reader says for it (the rule is in ``ui/accessibility.py``): each screen is built offscreen on the
demo practice, and every widget that takes the keyboard focus or a click is asked for the name Qt's
accessibility gives it."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QScrollBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

import ui
from acuchart.practice import Practice
from acuchart.reports import documents
from ui.main_window import MainWindow
from ui.preferences import Preferences

INSIDE = (QComboBox, QAbstractSpinBox, QLineEdit, QMenu, QCalendarWidget, QAbstractItemView)
"""Controls whose inner parts (a spin box's text field, a line edit's clear button, a table's corner
button and the editor open in a cell) are theirs: a screen reader meets the control itself."""


def spoken_name(widget: QWidget) -> str:
    """The name Qt's accessibility gives a screen reader for ``widget``."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def is_control(widget: QWidget) -> bool:
    """Whether the widget takes the keyboard focus or acts on a click (and is not part of another control,
    nor hands its focus to another: a tab widget's focus goes to its tab bar, a view's viewport's to the
    view; those are checked themselves)."""
    if isinstance(widget, QMenu | QScrollBar) or widget.focusProxy() is not None:
        return False
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget:
        return False
    while parent is not None:
        if isinstance(parent, INSIDE):
            return False
        parent = parent.parentWidget()
    return widget.focusPolicy() != Qt.FocusPolicy.NoFocus or isinstance(widget, QAbstractButton)


def unnamed(top: QWidget) -> list[str]:
    """Every control under ``top`` (itself included) whose spoken name has no letter in it."""
    found = []
    for widget in [top, *top.findChildren(QWidget)]:
        if is_control(widget) and not any(ch.isalpha() for ch in spoken_name(widget)):
            path = []
            step: QWidget | None = widget
            while step is not None and step is not top:
                path.append(f"{type(step).__name__}#{step.objectName()}")
                step = step.parentWidget()
            found.append(f"{' < '.join(path)} {spoken_name(widget)!r} tip={widget.toolTip()[:40]!r}")
    return found


# --- what the app can show ------------------------------------------------------------------------


def _client(practice: Practice, name: str) -> int:
    return practice.clients.search(name)[0].id


def _sessions(practice: Practice, client_id: int) -> list[Any]:
    return list(practice.client_record(client_id).history)


class _FakeCapture(QObject):
    imageCaptured = Signal(int, object)  # noqa: N815 - Qt Multimedia's names
    errorOccurred = Signal(int, int, str)  # noqa: N815


class _FakeCamera(QObject):
    def start(self) -> None:
        pass


def _capture_dialog() -> QDialog:
    """The camera dialog with Qt Multimedia's parts stood in for (no camera on a test machine)."""
    from ui.photos.camera import CaptureDialog

    device = SimpleNamespace(description=lambda: "Test camera")
    multimedia = SimpleNamespace(
        QMediaDevices=SimpleNamespace(defaultVideoInput=lambda: device),
        QCamera=lambda _device, parent: _FakeCamera(parent),
        QImageCapture=lambda parent: _FakeCapture(parent),
        QMediaCaptureSession=lambda parent: SimpleNamespace(
            setCamera=lambda _c: None, setImageCapture=lambda _c: None, setVideoOutput=lambda _w: None
        ),
    )
    widgets = SimpleNamespace(QVideoWidget=QWidget)
    return CaptureDialog(multimedia, widgets)


def screens(practice: Practice, preferences: Preferences, tmp_path: Path) -> Iterator[tuple[str, QWidget]]:
    """Every window, dialog and page, built on the demo practice: (what it is, its top widget)."""
    from ui.backup.restore_dialog import RestoreDialog
    from ui.backup.settings_dialog import BackupSettingsDialog
    from ui.chart.note.needling_dialog import NeedlingDialog
    from ui.chart.note.techniques_panel import NewLotDialog
    from ui.chart.reaction_menu import ReactionDialog
    from ui.client_dialog import ClientDialog
    from ui.opendata.export_dialog import ExportDialog
    from ui.opendata.import_dialog import ImportDialog
    from ui.opendata.reaction_map_window import ReactionMapWindow
    from ui.photos.align import AlignDialog
    from ui.photos.compare import CompareDialog
    from ui.photos.consent_dialog import PhotoConsentDialog
    from ui.printing.preview import PreviewDialog
    from ui.printing.texts_dialog import HandoutTextsDialog
    from ui.records.amend_dialog import AmendDialog, LateReactionDialog
    from ui.records.consent_dialog import ConsentDialog
    from ui.records.course_dialog import CompleteCourseDialog, CourseDialog
    from ui.records.lot_recall import LotRecallDialog
    from ui.records.note_templates_dialog import NoteTemplatesDialog
    from ui.records.settings_dialog import SettingsDialog
    from ui.shortcuts import ShortcutsDialog, action_rows, menu_sections
    from ui.welcome import Welcome

    amelia = _client(practice, "Amelia")
    noa = _client(practice, "Noa")
    signed = next(s.id for s in _sessions(practice, noa) if s.signed)
    charted = practice.sessions.load(_sessions(practice, amelia)[0].id)
    course = practice.client_record(amelia).courses[0].course
    photo = practice.photos.for_client(amelia)[0]

    window = MainWindow(practice, preferences)
    window.resize(1400, 900)
    window.show()
    window.finish_start()
    window.show_client(amelia)
    yield "main window with the client page", window
    window.open_session(charted.session.id)
    editor = window.session_editor
    for index in range(editor.side.tabs.count()):
        editor.side.tabs.setCurrentIndex(index)
    editor.open_mark_editor(charted.marks[0].id)
    yield "session editor with its tabs and the mark editor", window
    window.show_followups()
    yield "follow-ups", window
    sections = menu_sections(list(window._menus.values()))
    sections.append(("Charting a session", action_rows(editor.actions())))
    yield "keyboard shortcuts", ShortcutsDialog(sections)

    csv = tmp_path / "clients.csv"
    csv.write_text("First name,Last name,Date of birth\nAda,Lovelace,1815-12-10\n", encoding="utf-8")
    yield "practice settings", SettingsDialog(practice)
    yield "note templates", NoteTemplatesDialog(practice)
    yield "consent", ConsentDialog(practice, amelia)
    yield "new course", CourseDialog(practice, amelia)
    yield "edit course", CourseDialog(practice, amelia, course)
    yield "complete course", CompleteCourseDialog(practice, course)
    yield "needle lot recall", LotRecallDialog(practice)
    yield "amend", AmendDialog(practice, signed)
    yield "late reaction", LateReactionDialog(practice, signed)
    yield "export", ExportDialog(practice, preferences)
    yield "import", ImportDialog(practice, preferences, csv)
    yield "print preview", PreviewDialog(documents.handout(practice, charted.session.id))
    yield "handout texts", HandoutTextsDialog(practice)
    yield "new client", ClientDialog(practice)
    yield "edit client", ClientDialog(practice, practice.clients.get(amelia))
    welcome = Welcome(tmp_path / "new" / "practice.acuchart")
    yield "welcome", welcome
    yield "set up a practice", Welcome(tmp_path / "other" / "practice.acuchart", set_up_only=True)
    yield "camera", _capture_dialog()
    yield "compare photos", CompareDialog(practice, amelia, "front")
    yield "line up a photo", AlignDialog(practice, photo.photo.id)
    yield "photo consent", PhotoConsentDialog(practice, amelia)
    yield "reaction at a point", ReactionDialog(True, "at ST2 (left)")
    yield "session reaction", ReactionDialog(False, "")
    yield "new box of needles", NewLotDialog()
    yield "needling details", NeedlingDialog(list(charted.marks[:2]))
    yield "where reactions happen", ReactionMapWindow(practice, preferences)
    yield "backup settings", BackupSettingsDialog(practice, [])
    assert practice.path is not None
    yield "restore from backup", RestoreDialog(practice.path, [])
    from ui.protection.dialogs import PassphraseDialog, UnlockDialog

    yield "unlock a protected practice", UnlockDialog(practice.path)
    yield "protect with a passphrase", PassphraseDialog(None, protecting=True)
    yield "change the passphrase", PassphraseDialog(None, protecting=False)


def _windows_defined_in_ui() -> set[type]:
    """Every dialog and main window class the ui defines."""
    for module in pkgutil.walk_packages(ui.__path__, "ui."):
        importlib.import_module(module.name)
    found: set[type] = set()
    todo: list[type] = [QDialog, QMainWindow]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("ui."):
                found.add(sub)
    return found


@pytest.fixture
def built(
    qtbot: QtBot, demo_practice: Practice, preferences: Preferences, tmp_path: Path
) -> list[tuple[str, QWidget]]:
    shown = []
    for what, top in screens(demo_practice, preferences, tmp_path):
        if top.parent() is None and not any(t is top for _w, t in shown):
            qtbot.addWidget(top)
        shown.append((what, top))
    return shown


def test_every_control_on_every_screen_has_a_spoken_name(built: list[tuple[str, QWidget]]) -> None:
    problems = {what: unnamed(top) for what, top in built}
    assert {what: found for what, found in problems.items() if found} == {}


def test_every_dialog_and_window_the_ui_defines_is_checked(built: list[tuple[str, QWidget]]) -> None:
    checked = {type(top) for _what, top in built}
    assert _windows_defined_in_ui() - checked == set()


def test_an_icon_only_button_without_a_name_is_caught(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QToolButton, QVBoxLayout

    from ui.accessibility import accessible

    holder = QWidget()
    qtbot.addWidget(holder)
    button = QToolButton()
    button.setText("✓")
    QVBoxLayout(holder).addWidget(button)
    assert len(unnamed(holder)) == 1
    accessible(button, "Save", "Store the label and needles")
    assert unnamed(holder) == []
    assert spoken_name(button) == "Save"


def test_tab_leaves_every_list_and_table(built: list[tuple[str, QWidget]]) -> None:
    """Tab moves to the next control, never from cell to cell (a table of 200 clients would trap it)."""
    trapping = [
        f"{what}: {type(view).__name__}#{view.objectName()}"
        for what, top in built
        for view in top.findChildren(QAbstractItemView)
        if view.tabKeyNavigation()
    ]
    assert trapping == []
