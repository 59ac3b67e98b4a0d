"""The open-data screens driven as a practitioner would: export with a progress bar, import a messy file
through the mapping step, a client's FHIR record from the Documents menu, and the reaction map."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from acuchart.practice import Practice
from tests.imports_helpers import messy_csv
from ui.main_window import MainWindow
from ui.opendata.export_dialog import ExportDialog
from ui.opendata.import_dialog import ImportDialog
from ui.opendata.reaction_map_window import ReactionMapWindow
from ui.preferences import Preferences


def make_window(qtbot: QtBot, practice: Practice, preferences: Preferences) -> MainWindow:
    window = MainWindow(practice, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_menus_offer_import_export_and_the_reaction_map(
    qtbot: QtBot, demo_practice: Practice, preferences: Preferences
) -> None:
    window = make_window(qtbot, demo_practice, preferences)
    window.finish_start()
    names = [a.objectName() for a in window.findChildren(type(window.open_data.fhir))]
    for name in ("importClients", "exportPractice", "reactionMap", "fhirRecord"):
        assert name in names
    assert window.open_data.reaction_map.shortcut().toString() == "Ctrl+Shift+R"


def test_export_runs_in_its_own_thread_with_a_progress_bar_and_remembers_the_folder(
    qtbot: QtBot, demo_practice: Practice, preferences: Preferences, tmp_path: Path
) -> None:
    dialog = ExportDialog(demo_practice, preferences)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path))
    dialog.name.setText("Willow export")
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)
    dialog.start()
    assert dialog.progress.isVisibleTo(dialog) and not dialog.export_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=20_000)
    summary = dialog.summary
    assert summary is not None and summary.destination == tmp_path / "Willow export"
    assert (summary.destination / "csv" / "clients.csv").exists()
    assert seen and max(seen) == summary.total
    assert preferences.text("export/folder") == str(tmp_path)


def test_an_export_that_cannot_be_written_says_why_and_can_be_tried_again(
    qtbot: QtBot, demo_practice: Practice, preferences: Preferences, tmp_path: Path
) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "file.txt").write_text("x")
    dialog = ExportDialog(demo_practice, preferences)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path))
    dialog.name.setText("taken")
    dialog.start()
    qtbot.waitUntil(lambda: "already exists" in dialog.message.text(), timeout=20_000)
    assert dialog.export_button.isEnabled() and dialog.summary is None
    assert sorted(p.name for p in (tmp_path / "taken").iterdir()) == ["file.txt"]


def test_a_messy_file_is_mapped_checked_and_imported_through_the_dialog(
    qtbot: QtBot, demo_practice: Practice, preferences: Preferences, tmp_path: Path
) -> None:
    path = tmp_path / "from the old system.csv"
    path.write_bytes(messy_csv(200, ambiguous=True))
    window = make_window(qtbot, demo_practice, preferences)
    before = demo_practice.clients.count()
    dialog = ImportDialog(demo_practice, preferences, path, window)
    qtbot.addWidget(dialog)
    page = dialog.mapping_page
    assert page.reading() == ("cp1252", ";", True)
    assert page.mapping()[0] == "last_name" and page.mapping()[2] == "date_of_birth"
    assert page.preview.item(1, 0).text() == "Weiß"
    # The file does not say whether 12/10/1998 is day or month first: the dialog asks and waits.
    assert "could be day first or month first" in page.dates_note.text()
    assert not dialog.next_button.isEnabled()
    page.dates.setCurrentIndex(page.dates.findData("DMY"))
    assert dialog.next_button.isEnabled()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentWidget() is dialog.review_page
    assert demo_practice.clients.count() == before  # the review is the dry run: nothing written
    review = dialog.review_page
    assert review.problems.rowCount() == 12 and review.duplicates.rowCount() == 3
    assert dialog.next_button.text() == "Import 185 clients"
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentWidget() is dialog.report_page
    assert demo_practice.clients.count() == before + 185
    assert window.clients.total == before + 185  # the client list heard the change
    assert "Added 185 clients. Skipped 15 rows" in dialog.report_page.summary.text()


def test_the_mapping_step_refuses_to_go_on_without_names_and_reads_the_file_again_on_request(
    qtbot: QtBot, demo_practice: Practice, preferences: Preferences, tmp_path: Path
) -> None:
    path = tmp_path / "no header.csv"
    path.write_bytes(messy_csv(20, header=False, encoding="utf-8", delimiter=","))
    dialog = ImportDialog(demo_practice, preferences, path)
    qtbot.addWidget(dialog)
    page = dialog.mapping_page
    assert page.reading()[1:] == (",", False)
    for column in range(len(page.mapping())):
        page.set_column(column, "")
    assert "first name" in page.problem.text() and not dialog.next_button.isEnabled()
    page.header.setChecked(True)  # read again, the first row now naming the columns
    assert dialog.table is not None and dialog.table.has_header and len(dialog.table.rows) == 19


def test_the_documents_menu_saves_the_clients_fhir_record(
    qtbot: QtBot,
    demo_practice: Practice,
    preferences: Preferences,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(qtbot, demo_practice, preferences)
    client = demo_practice.clients.search("hartley")[0]
    window.show_client(client.id)
    target = tmp_path / "record"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    action = next(
        a for a in window.client_page.documents_button.menu().actions() if a.objectName() == "fhirRecord"
    )
    action.trigger()
    written = json.loads((tmp_path / "record.json").read_text(encoding="utf-8"))
    assert written["resourceType"] == "Bundle"
    assert any(e["resource"]["resourceType"] == "Patient" for e in written["entry"])
    assert "Saved the FHIR record" in window.statusBar().currentMessage()


def test_the_reaction_map_colours_points_tells_their_counts_and_follows_the_filters(
    qtbot: QtBot, demo_practice: Practice, preferences: Preferences
) -> None:
    window = ReactionMapWindow(demo_practice, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.figures is not None and window.figures.sessions > 0
    face = next(v for v in window.views if v.info.name == "face")
    shown = [d for d in face.dots if d.isVisible()]
    assert shown and all(d.rate is not None and d.rate.needlings for d in shown)
    st2 = face.dot("ST2", "left")
    assert st2 is not None and st2.isVisible()
    assert "ST2" in st2.toolTip() and ("of" in st2.toolTip() or "too few" in st2.toolTip())
    everyone = window.figures.sessions
    window.caution.setCurrentIndex(window.caution.findData("anticoagulants"))
    assert window.figures.sessions < everyone
    assert window.points.rowCount() > 0
    window.period.setCurrentIndex(window.period.findText("Between dates…"))
    assert window.start.isVisibleTo(window)
    window.kind.setCurrentIndex(window.kind.findData("any"))
    assert "any reaction" in st2.toolTip() or "too few" in st2.toolTip()
    assert window.last_ms < 2000


def test_the_reaction_map_prints_the_same_page_the_core_makes(
    qtbot: QtBot, demo_practice: Practice, preferences: Preferences
) -> None:
    window = ReactionMapWindow(demo_practice, preferences)
    qtbot.addWidget(window)
    window.show()
    window.preview()
    previews = [
        w for w in QApplication.topLevelWidgets() if w.objectName() == "previewDialog" and w.isVisible()
    ]
    assert previews and "Where reactions happen" in previews[0].windowTitle()
    for preview in previews:
        preview.close()
