"""The preview: a document's pages as they will print, in a scrolling column, with zoom, Print and Save."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from acuchart.i18n import N_, _, ngettext
from acuchart.reports.documents import Document
from ui import theme
from ui.accessibility import accessible
from ui.printing.render import POINTS_PER_INCH, opened, render_page
from ui.style import mute

ZOOM_STEPS: tuple[float, ...] = (0.5, 0.67, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0, 3.0)
PAGE_GAP = 14
PAGE_STYLE = "QLabel#previewPage { background: white; border: 1px solid $border; }"
"""A page is white paper in every colour scheme: the preview shows what will print."""
AREA_STYLE = "QScrollArea#previewArea, QWidget#previewPages { background: $preview_backdrop; }"
PREVIEW_KEYS: tuple[tuple[QKeySequence.StandardKey | str, str, str], ...] = (
    (QKeySequence.StandardKey.Print, N_("Print"), "print"),
    (QKeySequence.StandardKey.Save, N_("Save as PDF"), "save"),
    (QKeySequence.StandardKey.ZoomIn, N_("Zoom in"), "zoom_in"),
    ("Ctrl+=", N_("Zoom in"), "zoom_in"),
    (QKeySequence.StandardKey.ZoomOut, N_("Zoom out"), "zoom_out"),
    ("Ctrl+0", N_("Fit the page to the width"), "fit_width"),
)
"""The preview's keys: the keys, what they do (Help → Keyboard shortcuts lists it), the slot's name."""


class PreviewDialog(QDialog):
    """Shows a document's pages; Print… (Ctrl+P) and Save as PDF… (Ctrl+S) ask the caller to act.

    The pages fit the window's width at first; Ctrl++ and Ctrl+- zoom, Ctrl+0 fits the width again.
    """

    print_requested = Signal()
    save_requested = Signal()

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewDialog")
        self.document = document
        self.setWindowTitle(_("Preview — {title}").format(title=document.title))
        self._zoom: float | None = None  # None: fit the width
        self._page_sizes: list[tuple[float, float]] = []
        with opened(document.pdf) as pdf:
            self._page_sizes = [pdf[i].get_size() for i in range(len(pdf))]
        self.pages: list[QLabel] = []
        self._refit = QTimer(self, singleShot=True, interval=120)
        self._refit.timeout.connect(self.render_pages)

        self.area = QScrollArea()
        self.area.setObjectName("previewArea")
        accessible(self.area, "Pages", _("The arrow keys and Page Up and Page Down scroll the pages"))
        self.area.setWidgetResizable(True)
        self.area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        theme.style(self.area, AREA_STYLE)
        holder = QWidget()
        holder.setObjectName("previewPages")
        self._column = QVBoxLayout(holder)
        self._column.setSpacing(PAGE_GAP)
        self._column.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        for number in range(1, len(self._page_sizes) + 1):
            page = QLabel()
            page.setObjectName("previewPage")
            theme.style(page, PAGE_STYLE)
            page.setAlignment(Qt.AlignmentFlag.AlignCenter)
            accessible(
                page,
                _("Page {number} of {page_sizes}").format(number=number, page_sizes=len(self._page_sizes)),
            )
            self._column.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            self.pages.append(page)
        self.area.setWidget(holder)

        self.zoom_label = QLabel()
        mute(self.zoom_label)
        self.zoom_out_button = QPushButton("−")
        self.zoom_out_button.setToolTip(_("Zoom out (Ctrl+-)"))
        accessible(self.zoom_out_button, "Zoom out")
        self.zoom_in_button = QPushButton("+")
        self.zoom_in_button.setToolTip(_("Zoom in (Ctrl++)"))
        accessible(self.zoom_in_button, "Zoom in")
        self.fit_button = QPushButton(_("Fit width"))
        self.fit_button.setToolTip(_("Fit the page to the window's width (Ctrl+0)"))
        self.print_button = QPushButton(_("Print…"))
        self.print_button.setToolTip(_("Print on the printer you used last time (Ctrl+P)"))
        self.print_button.setDefault(True)
        self.save_button = QPushButton(_("Save as PDF…"))
        self.save_button.setToolTip(_("Save the document as a PDF file (Ctrl+S)"))
        self.close_button = QPushButton(_("Close"))
        self.close_button.setToolTip(_("Close the preview (Esc)"))
        self.count_label = QLabel(
            ngettext("{count} page", "{count} pages", len(self.pages)).format(count=len(self.pages))
        )
        mute(self.count_label)

        buttons = QHBoxLayout()
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            buttons.addWidget(widget)
        buttons.addSpacing(12)
        buttons.addWidget(self.count_label)
        buttons.addStretch(1)
        for button in (self.print_button, self.save_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        # What the practitioner should know before handing it over (a text not yet in the client's
        # language): said here, never printed.
        self.notes = QLabel("\n".join(f"⚠ {note}" for note in document.notes))
        self.notes.setObjectName("documentNotes")
        self.notes.setWordWrap(True)
        self.notes.setVisible(bool(document.notes))
        layout.addWidget(self.notes)
        layout.addWidget(self.area, 1)
        layout.addLayout(buttons)

        self.print_button.clicked.connect(self.print_requested)
        self.save_button.clicked.connect(self.save_requested)
        self.close_button.clicked.connect(self.reject)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_button.clicked.connect(self.fit_width)
        slots = {
            "print": lambda: self.print_requested.emit(),
            "save": lambda: self.save_requested.emit(),
            "zoom_in": self.zoom_in,
            "zoom_out": self.zoom_out,
            "fit_width": self.fit_width,
        }
        for keys, text, slot in PREVIEW_KEYS:
            action = QAction(_(text), self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slots[slot])
            self.addAction(action)
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        screen = self.screen()
        room = screen.availableGeometry().size() if screen is not None else None
        width, height = 860, 1000
        if room is not None:
            width, height = min(width, int(room.width() * 0.9)), min(height, int(room.height() * 0.9))
        self.resize(width, height)

    @property
    def page_count(self) -> int:
        """How many pages the document has."""
        return len(self.pages)

    @property
    def zoom(self) -> float:
        """The scale of the pages: 1.0 shows them at their printed size on this screen."""
        if self._zoom is not None:
            return self._zoom
        if not self._page_sizes:
            return 1.0
        widest = max(width for width, _ in self._page_sizes)
        # Leave room for the vertical scroll bar even before it shows, so fitting never adds a horizontal one.
        scroll_bar = self.area.verticalScrollBar().sizeHint().width()
        room = self.area.width() - scroll_bar - 2 * PAGE_GAP - 8
        return max(0.25, room / (widest * self._screen_dpi() / POINTS_PER_INCH))

    def _screen_dpi(self) -> float:
        screen = self.screen()
        return screen.logicalDotsPerInch() if screen is not None else 96.0

    def zoom_in(self) -> None:
        """One step larger."""
        current = self.zoom
        self.set_zoom(next((z for z in ZOOM_STEPS if z > current + 0.01), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        """One step smaller."""
        current = self.zoom
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < current - 0.01), ZOOM_STEPS[0]))

    def fit_width(self) -> None:
        """Fit the pages to the window's width again (as the preview opens)."""
        self._zoom = None
        self.render_pages()

    def set_zoom(self, zoom: float) -> None:
        """Show the pages at ``zoom`` (1.0 = printed size)."""
        self._zoom = zoom
        self.render_pages()

    def render_pages(self) -> None:
        """Draw every page at the current zoom, sharp on high-density screens."""
        zoom = self.zoom
        ratio = self.devicePixelRatioF()
        dpi = self._screen_dpi() * zoom
        with opened(self.document.pdf) as pdf:
            for index, page in enumerate(self.pages):
                image = render_page(pdf, index, dpi * ratio)
                pixmap = QPixmap.fromImage(image)
                pixmap.setDevicePixelRatio(ratio)
                page.setPixmap(pixmap)
                page.setFixedSize(round(image.width() / ratio) + 2, round(image.height() / ratio) + 2)
        self.zoom_label.setText(f"{round(zoom * 100)} %")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.render_pages()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._zoom is None and self.isVisible():
            self._refit.start()  # once the window has settled, not at every step of a drag
