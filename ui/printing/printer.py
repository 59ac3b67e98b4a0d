"""Printing a PDF through the system print dialog, on the printer chosen last time.

The pages are drawn by PDFium at the printer's own resolution (capped at
:data:`~ui.printing.render.MAX_PRINT_DPI`) and painted one by one onto the ``QPrinter``, so what comes
out is the document itself, sharp on paper, and the same on every printer Qt can drive.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QProgressDialog, QWidget

from acuchart.errors import AcuChartError
from acuchart.i18n import _
from ui.preferences import Preferences
from ui.printing.render import MAX_PRINT_DPI, opened, page_count, page_image, page_size

log = logging.getLogger(__name__)


class PrintError(AcuChartError):
    """The printer could not take the job; the message says what to try."""


def printable_pages(printer: QPrinter, count: int) -> range:
    """The page indexes (0-based) the dialog asked for: all, or the range typed in."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(printer.fromPage(), 1)
        last = min(printer.toPage() or count, count)
        return range(first - 1, last)
    return range(count)


def print_resolution(printer: QPrinter) -> int:
    """The resolution to draw the pages at: the printer's, at most :data:`MAX_PRINT_DPI`."""
    return max(72, min(printer.resolution(), MAX_PRINT_DPI))


def paint_pdf(
    pdf: bytes, printer: QPrinter, pages: range | None = None, progress: QProgressDialog | None = None
) -> int:
    """Paint the PDF's pages onto ``printer``, one sheet each, each drawn at the printer's resolution.

    Each page fills the sheet as the PDF lays it out (margins included), scaled only if the sheet
    differs in size. Returns how many pages were sent.

    Raises:
        PrintError: the printer could not be started, or the job was cancelled.
    """
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(
            _(
                "The printer could not be started. Check that it is switched on and connected, "
                "or choose another printer."
            )
        )
    sent = 0
    try:
        with opened(pdf) as document:
            wanted = pages if pages is not None else range(len(document))
            dpi = print_resolution(printer)
            sheet = printer.paperRect(QPrinter.Unit.DevicePixel)
            for number, index in enumerate(wanted):
                if progress is not None:
                    progress.setValue(number)
                    QCoreApplication.processEvents()
                    if progress.wasCanceled():
                        printer.abort()
                        raise PrintError(_("Printing was cancelled. Pages already sent may still print."))
                if number:
                    printer.newPage()
                with page_image(document, index, dpi, for_print=True) as image:
                    painter.drawImage(_fit(image.width(), image.height(), sheet), image)
                sent += 1
    finally:
        painter.end()
    if progress is not None:
        progress.setValue(progress.maximum())
    return sent


def _fit(width: float, height: float, sheet: QRectF) -> QRectF:
    """The largest rectangle of the image's shape centred on the sheet."""
    scale = min(sheet.width() / width, sheet.height() / height)
    w, h = width * scale, height * scale
    return QRectF(sheet.x() + (sheet.width() - w) / 2, sheet.y() + (sheet.height() - h) / 2, w, h)


class PdfPrinter:
    """Prints PDF documents: the print dialog with the remembered printer chosen, then the pages.

    Args:
        preferences: where the chosen printer is remembered.
        parent: the window the dialogs belong to.
    """

    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        self.preferences = preferences
        self.parent = parent

    def make_printer(self, pdf: bytes, title: str) -> QPrinter:
        """A printer set up for this document: the remembered printer, the document's paper, no margins."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        remembered = self.preferences.printer_name
        if remembered and remembered in QPrinterInfo.availablePrinterNames():
            printer.setPrinterName(remembered)
        printer.setDocName(title)
        printer.setCreator("AcuChart")
        printer.setFullPage(True)
        printer.setPageSize(page_size(pdf))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
        return printer

    def ask(self, printer: QPrinter, pages: int) -> bool:
        """Show the system print dialog; True when the practitioner chose Print."""
        dialog = QPrintDialog(printer, self.parent)
        dialog.setWindowTitle(
            _("Print {docName}").format(docName=printer.docName()) if printer.docName() else _("Print")
        )
        dialog.setMinMax(1, pages)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, pages > 1)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
        return dialog.exec() == QPrintDialog.DialogCode.Accepted

    def remember(self, printer: QPrinter) -> None:
        """Keep the printer chosen for next time (not when printing to a file)."""
        name = printer.printerName()
        if name and not printer.outputFileName():
            self.preferences.printer_name = name

    def print_pdf(self, pdf: bytes, title: str) -> bool:
        """Ask where to print, then print. True when the pages were sent; False when the dialog was cancelled.

        Raises:
            PrintError: the printer could not take the job, or it was cancelled part-way.
        """
        count = page_count(pdf)
        printer = self.make_printer(pdf, title)
        if not self.ask(printer, count):
            return False
        self.remember(printer)
        pages = printable_pages(printer, count)
        progress = None
        if len(pages) > 1:
            progress = QProgressDialog(
                _("Printing {title}…").format(title=title), _("Cancel"), 0, len(pages), self.parent
            )
            progress.setWindowTitle(_("Printing"))
            progress.setWindowModality(Qt.WindowModality.WindowModal)
            progress.setMinimumDuration(400)
        try:
            sent = paint_pdf(pdf, printer, pages, progress)
        finally:
            if progress is not None:
                progress.close()
                progress.deleteLater()
        log.info(
            "Printed %s: %d page(s) to %s", title, sent, printer.printerName() or printer.outputFileName()
        )
        return True
