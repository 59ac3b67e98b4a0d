"""The app's side of printed documents: preview, print and save each one, with plain messages.

Every document is made by :mod:`acuchart.reports.documents` (the same PDF the command line writes);
this module only shows it, sends it to the printer, or saves it where the practitioner chooses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from acuchart.errors import AcuChartError
from acuchart.i18n import _
from acuchart.output_guard import existing_kind, refuse_protected
from acuchart.practice import Practice
from acuchart.reports import documents
from acuchart.reports.documents import Document
from ui.preferences import Preferences
from ui.printing.preview import PreviewDialog
from ui.printing.printer import PdfPrinter

SAVE_FOLDER_KEY = "documents/save_folder"

Maker = Callable[[], Document]


@contextmanager
def busy() -> Iterator[None]:
    """The wait cursor while a document is made (a long chart export takes a moment)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class DocumentActions(QObject):
    """Preview, print or save the handout, course summary, chart export or consent form.

    Each method takes the session or client id and does the whole job: one call is one click.
    Problems (an unknown id, a printer that cannot start, a folder that cannot be written) are shown
    as a plain message and the method returns without a result.

    Args:
        practice: the open practice.
        preferences: where the printer and the save folder are remembered.
        parent: the window that owns the dialogs.
    """

    message = Signal(str)
    """A short note for the status bar ("Handout sent to AcuChartPDF")."""

    def __init__(self, practice: Practice, preferences: Preferences, parent: QWidget) -> None:
        super().__init__(parent)
        self.practice = practice
        self.preferences = preferences
        self.owner = parent
        self.printer = PdfPrinter(preferences, parent)

    # --- the four documents --------------------------------------------------------------------
    def preview_handout(self, session_id: int) -> PreviewDialog | None:
        """Show the session handout inside the app."""
        return self.preview(lambda: documents.handout(self.practice, session_id))

    def print_handout(self, session_id: int) -> bool:
        """Straight to the print dialog with the session handout."""
        return self.print(lambda: documents.handout(self.practice, session_id))

    def save_handout_pdf(self, session_id: int) -> Path | None:
        """Save the session handout as a PDF file."""
        return self.save(lambda: documents.handout(self.practice, session_id))

    def preview_summary(self, client_id: int) -> PreviewDialog | None:
        """Show the client's course summary."""
        return self.preview(lambda: documents.course_summary(self.practice, client_id))

    def print_summary(self, client_id: int) -> bool:
        """Print the client's course summary."""
        return self.print(lambda: documents.course_summary(self.practice, client_id))

    def save_summary_pdf(self, client_id: int) -> Path | None:
        """Save the client's course summary as a PDF file."""
        return self.save(lambda: documents.course_summary(self.practice, client_id))

    def preview_chart(self, client_id: int) -> PreviewDialog | None:
        """Show the client's chart export (the whole record)."""
        return self.preview(lambda: documents.chart_export(self.practice, client_id))

    def print_chart(self, client_id: int) -> bool:
        """Print the client's chart export."""
        return self.print(lambda: documents.chart_export(self.practice, client_id))

    def save_chart_pdf(self, client_id: int) -> Path | None:
        """Save the client's chart export as a PDF file."""
        return self.save(lambda: documents.chart_export(self.practice, client_id))

    def preview_consent(self, client_id: int) -> PreviewDialog | None:
        """Show the consent form for the client."""
        return self.preview(lambda: documents.consent_form(self.practice, client_id))

    def print_consent(self, client_id: int) -> bool:
        """Print the consent form for the client to sign."""
        return self.print(lambda: documents.consent_form(self.practice, client_id))

    def save_consent_pdf(self, client_id: int) -> Path | None:
        """Save the consent form as a PDF file."""
        return self.save(lambda: documents.consent_form(self.practice, client_id))

    # --- what each does ------------------------------------------------------------------------
    def make(self, maker: Maker) -> Document | None:
        """Make a document, or show why it cannot be made."""
        try:
            with busy():
                return maker()
        except AcuChartError as exc:
            self._problem(str(exc))
            return None

    def preview(self, maker: Maker) -> PreviewDialog | None:
        """Make the document and show it in a preview window (closed with Esc)."""
        document = self.make(maker)
        if document is None:
            return None
        dialog = PreviewDialog(document, self.owner)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.print_requested.connect(lambda: self.print_document(document, dialog))
        dialog.save_requested.connect(lambda: self.save_document(document, dialog))
        dialog.show()
        return dialog

    def print(self, maker: Maker) -> bool:
        """Make the document and go straight to the print dialog."""
        document = self.make(maker)
        return document is not None and self.print_document(document)

    def save(self, maker: Maker) -> Path | None:
        """Make the document and ask where to save it."""
        document = self.make(maker)
        return None if document is None else self.save_document(document)

    def print_document(self, document: Document, parent: QWidget | None = None) -> bool:
        """Print a document made already; True when it was sent to the printer."""
        self.printer.parent = parent or self.owner
        try:
            sent = self.printer.print_pdf(document.pdf, document.title)
        except AcuChartError as exc:
            self._problem(str(exc), parent)
            return False
        finally:
            self.printer.parent = self.owner
        if sent:
            self.message.emit(_("{title}: sent to the printer.").format(title=document.title))
        return sent

    def save_document(self, document: Document, parent: QWidget | None = None) -> Path | None:
        """Ask where to save a document made already, and save it there (the folder is remembered)."""
        chosen, _filter = QFileDialog.getSaveFileName(
            parent or self.owner,
            _("Save {title} as PDF").format(title=document.title),
            str(self.save_folder() / document.file_name),
            _("PDF documents (*.pdf)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # asked below, once ".pdf" is added
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        protected = self.practice.protected_places()
        try:
            refuse_protected(path, protected)
            if not self._may_replace(path, parent):
                return None
            with busy():
                written = documents.save(document, path, protected=protected, replace_other=True)
        except AcuChartError as exc:
            self._problem(str(exc), parent)
            return None
        self.preferences.set_text(SAVE_FOLDER_KEY, str(written.parent))
        self.message.emit(_("Saved {name} in {parent}.").format(name=written.name, parent=written.parent))
        return written

    def _may_replace(self, path: Path, parent: QWidget | None) -> bool:
        """True when nothing is at ``path`` yet, or the practitioner says to replace what is there."""
        kind = existing_kind(path)
        if kind in ("none", "folder"):  # a folder is refused by the save, with its own message
            return True
        detail = (
            _("Replacing it puts this document in its place.")
            if kind in ("pdf", "empty")
            else _("It is not a PDF: whatever it holds will be lost if you replace it.")
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning if kind == "other" else QMessageBox.Icon.Question,
            "AcuChart",
            _("{name} already exists in {parent}. Replace it?").format(name=path.name, parent=path.parent),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            parent or self.owner,
        )
        box.setInformativeText(detail)
        box.button(QMessageBox.StandardButton.Yes).setText(_("Replace"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def save_folder(self) -> Path:
        """The folder a document was last saved in, else the Documents folder."""
        remembered = self.preferences.text(SAVE_FOLDER_KEY)
        if remembered and Path(remembered).is_dir():
            return Path(remembered)
        documents_folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents_folder) if documents_folder and Path(documents_folder).is_dir() else Path.home()

    def _problem(self, text: str, parent: QWidget | None = None) -> None:
        QMessageBox.warning(parent or self.owner, _("AcuChart"), text)
