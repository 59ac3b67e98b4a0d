"""Preview, print and save in the app: pages shown, a print job through QPrinter, the printer and folder remembered."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from acuchart.practice import Practice
from acuchart.reports import documents
from tests.core.reports.pdfcheck import ink_fraction, rendered_pages
from tests.documents_helpers import Charted, chart_client
from ui.main_window import MainWindow
from ui.preferences import Preferences
from ui.printing import printer as printer_module
from ui.printing.documents import SAVE_FOLDER_KEY, DocumentActions
from ui.printing.preview import PreviewDialog
from ui.printing.printer import PdfPrinter
from ui.printing.texts_dialog import HandoutTextsDialog


@pytest.fixture
def charted(practice: Practice) -> Charted:
    return chart_client(practice)


@pytest.fixture
def window(qtbot: QtBot, practice: Practice, preferences: Preferences) -> Iterator[MainWindow]:
    main = MainWindow(practice, preferences)
    qtbot.addWidget(main)
    yield main
    main.audit_bar.stop()


@pytest.fixture
def print_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The print dialog, accepted at once with "print to file" chosen: the job lands in this PDF."""
    out = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return int(QPrintDialog.DialogCode.Accepted)

    monkeypatch.setattr(printer_module.QPrintDialog, "exec", accept)
    return out


def test_the_preview_shows_every_page(qtbot: QtBot, practice: Practice, charted: Charted) -> None:
    document = documents.chart_export(practice, charted.client_id)
    pages = len(PdfReader(io.BytesIO(document.pdf)).pages)
    dialog = PreviewDialog(document)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.page_count == pages > 1
    assert all(not page.pixmap().isNull() for page in dialog.pages)
    first = dialog.pages[0].width()
    dialog.zoom_in()
    assert dialog.pages[0].width() > first
    dialog.fit_width()
    assert dialog.pages[0].width() <= dialog.area.viewport().width()


def test_the_preview_keys_print_save_and_close(qtbot: QtBot, practice: Practice, charted: Charted) -> None:
    dialog = PreviewDialog(documents.consent_form(practice, charted.client_id))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    def key(keys: str) -> QAction:
        return next(a for a in dialog.actions() if a.shortcut() == QKeySequence(keys))

    with qtbot.waitSignal(dialog.print_requested):
        key("Ctrl+P").trigger()
    with qtbot.waitSignal(dialog.save_requested):
        key("Ctrl+S").trigger()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_printing_sends_every_page_sharp_to_the_printer(
    qtbot: QtBot, practice: Practice, preferences: Preferences, charted: Charted, print_to: Path
) -> None:
    document = documents.handout(practice, charted.session_ids[-1])
    assert PdfPrinter(preferences).print_pdf(document.pdf, document.title)
    printed = print_to.read_bytes()
    source = pdfium.PdfDocument(document.pdf)
    result = pdfium.PdfDocument(printed)
    assert len(result) == len(source)
    for index in range(len(source)):
        width, height = result[index].get_size()
        assert (round(width), round(height)) == tuple(round(v) for v in source[index].get_size())
    assert all(ink_fraction(page) > 0.02 for page in rendered_pages(printed, scale=0.3))
    # Drawn at the printer's resolution (capped at 600 dpi), not at screen size.
    image = result[0].get_objects(filter=(pdfium.raw.FPDF_PAGEOBJ_IMAGE,))
    widths = [obj.get_metadata().width for obj in image]
    assert max(widths) >= 8.27 * 600 * 0.99


def test_a_cancelled_print_dialog_prints_nothing(
    qtbot: QtBot,
    practice: Practice,
    preferences: Preferences,
    charted: Charted,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(printer_module.QPrintDialog, "exec", lambda _dialog: 0)
    document = documents.consent_form(practice, charted.client_id)
    assert not PdfPrinter(preferences).print_pdf(document.pdf, document.title)
    assert preferences.printer_name == ""


def test_the_printer_chosen_is_remembered_and_chosen_again_next_time(
    qtbot: QtBot, preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = QPrinter()
    monkeypatch.setattr(QPrinter, "printerName", lambda _self: "Front desk")
    monkeypatch.setattr(QPrinter, "outputFileName", lambda _self: "")
    PdfPrinter(preferences).remember(chosen)
    assert preferences.printer_name == "Front desk"

    asked: list[str] = []
    monkeypatch.setattr(
        QPrinterInfo, "availablePrinterNames", staticmethod(lambda: ["Back office", "Front desk"])
    )
    monkeypatch.setattr(QPrinter, "setPrinterName", lambda _self, name: asked.append(name))
    PdfPrinter(preferences).make_printer(_blank_pdf(), "Consent")
    assert asked == ["Front desk"]


def _blank_pdf() -> bytes:
    """One empty A4 page."""
    document = pdfium.PdfDocument.new()
    document.new_page(595, 842)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_printer_that_is_gone_is_not_asked_for(
    qtbot: QtBot, preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    preferences.printer_name = "Sold last year"
    asked: list[str] = []
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: ["Front desk"]))
    monkeypatch.setattr(QPrinter, "setPrinterName", lambda _self, name: asked.append(name))
    PdfPrinter(preferences).make_printer(_blank_pdf(), "Handout")
    assert asked == []


def test_one_click_print_from_the_session_editor(
    qtbot: QtBot, window: MainWindow, preferences: Preferences, charted: Charted, print_to: Path
) -> None:
    window.show_client(charted.client_id)
    assert not window.documents.print_handout.isEnabled()
    assert window.documents.chart.isEnabled()
    window.open_session(charted.session_ids[-1])
    assert window.documents.print_handout.isEnabled()
    assert (
        window.session_editor.header.print_button is not None
        and window.session_editor.header.print_button.isVisibleTo(window)
    )
    window.session_editor.header.print_button.click()
    assert len(PdfReader(print_to).pages) >= 1
    window.back_to_client()
    assert not window.documents.print_handout.isEnabled()


def test_save_as_pdf_remembers_the_folder(
    qtbot: QtBot,
    practice: Practice,
    preferences: Preferences,
    charted: Charted,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    offered: list[str] = []

    def choose(
        _parent: object, _title: str, suggested: str, _filter: str, **_options: object
    ) -> tuple[str, str]:
        offered.append(suggested)
        # The handout under a name of one's own; the consent form under the name offered.
        return str(tmp_path / "for the client") if len(offered) == 1 else suggested, "PDF documents (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    actions = DocumentActions(practice, preferences, _parent(qtbot))
    saved = actions.save_handout_pdf(charted.session_ids[-1])
    assert saved == tmp_path / "for the client.pdf"
    assert len(PdfReader(saved).pages) >= 1
    assert preferences.text(SAVE_FOLDER_KEY) == str(tmp_path)
    actions.save_consent_pdf(charted.client_id)
    assert Path(offered[-1]).parent == tmp_path
    assert Path(offered[-1]).name.startswith("Consent form Zoë")


def test_save_as_pdf_never_writes_over_the_practice(
    qtbot: QtBot, preferences: Preferences, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "clinic.acuchart"
    opened = Practice.open(db)
    try:
        charted = chart_client(opened)
        (tmp_path / "shortcut.pdf").symlink_to(db)
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", lambda *_args, **_kw: (str(tmp_path / "shortcut"), "")
        )
        shown: list[str] = []
        monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
        asked: list[str] = []
        monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
        before = db.read_bytes()
        actions = DocumentActions(opened, preferences, _parent(qtbot))
        assert actions.save_handout_pdf(charted.session_ids[0]) is None
        assert asked == []  # refused outright: nothing to ask
        assert len(shown) == 1 and "would destroy the practice's records" in shown[0]
        assert db.read_bytes() == before
        assert opened.verify_audit().ok
    finally:
        opened.close()


@pytest.mark.parametrize(
    ("answer", "replaced"), [(QMessageBox.StandardButton.No, False), (QMessageBox.StandardButton.Yes, True)]
)
def test_save_as_pdf_asks_before_replacing_a_file(
    qtbot: QtBot,
    practice: Practice,
    preferences: Preferences,
    charted: Charted,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: QMessageBox.StandardButton,
    replaced: bool,
) -> None:
    existing = tmp_path / "notes.pdf"
    existing.write_text("Tuesday's notes, not a PDF")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kw: (str(tmp_path / "notes"), ""))
    asked: list[tuple[str, str]] = []

    def ask(box: QMessageBox) -> int:
        asked.append((box.text(), box.informativeText()))
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        return int(answer.value)

    monkeypatch.setattr(QMessageBox, "exec", ask)
    actions = DocumentActions(practice, preferences, _parent(qtbot))
    saved = actions.save_handout_pdf(charted.session_ids[0])
    assert asked == [
        (
            f"notes.pdf already exists in {tmp_path}. Replace it?",
            "It is not a PDF: whatever it holds will be lost if you replace it.",
        )
    ]
    assert (saved == existing) is replaced
    assert existing.read_bytes().startswith(b"%PDF-") is replaced


def test_a_problem_is_a_plain_message(
    qtbot: QtBot, practice: Practice, preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    actions = DocumentActions(practice, preferences, _parent(qtbot))
    assert actions.preview_handout(404) is None
    assert shown == ["No session with id 404 exists in this practice file."]


def test_handout_texts_are_edited_restored_and_saved(qtbot: QtBot, practice: Practice) -> None:
    dialog = HandoutTextsDialog(practice)
    qtbot.addWidget(dialog)
    assert dialog.tabs.count() == 5
    assert "Version:" not in dialog.text_tabs["consent"].text  # the version is the practice setting
    assert dialog.text_tabs["consent"].is_default
    aftercare = dialog.text_tabs["aftercare"]
    aftercare.editor.setPlainText("# Aftercare\n\nNo make-up tonight. Call {practice_phone}.")
    dialog.text_tabs["lifestyle"].editor.setPlainText("Edited, then thought better of it.")
    dialog.text_tabs["lifestyle"].restore_button.click()
    dialog.save()
    assert practice.settings.handout_texts() == {
        "aftercare": "# Aftercare\n\nNo make-up tonight. Call {practice_phone}.\n"
    }
    again = HandoutTextsDialog(practice)
    qtbot.addWidget(again)
    assert again.text_tabs["aftercare"].text.startswith("# Aftercare\n\nNo make-up tonight.")
    again.text_tabs["aftercare"].restore_button.click()
    again.save()
    assert practice.settings.handout_texts() == {}


def _parent(qtbot: QtBot) -> QWidget:
    """A throwaway window to own the dialogs."""
    owner = QWidget()
    qtbot.addWidget(owner)
    return owner
