"""Finding a point by code (older spellings too), pinyin, English name or region."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QSizePolicy, QWidget

from acuchart.catalogue import Catalogue, CataloguePoint
from acuchart.i18n import _
from ui.accessibility import accessible
from ui.chart.icons import keep_drawn, tool_icon
from ui.style import px

MIN_WIDTH = 180
"""Wide enough for "Find a point" and a typed code or name."""


class PointSearch(QWidget):
    """A search box: the best match is highlighted on the diagram; Enter marks it; Up/Down pick another.

    What was found is said under the diagram (see :meth:`summary`), where the eye already is.
    """

    found = Signal(object)
    """The point now highlighted, or None."""
    chosen = Signal(object)
    """Enter was pressed on a found point: mark it."""

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self.results: list[CataloguePoint] = []
        self.current = 0
        self.box = QLineEdit()
        self.box.setObjectName("pointSearch")
        self.box.setPlaceholderText(_("Find a point (Ctrl+K)"))
        accessible(
            self.box,
            "Find a point",
            _("By code, pinyin, English name or region; Enter marks the point found"),
        )
        self.box.setToolTip(
            _(
                "<b>Find a point</b> &nbsp;(Ctrl+K)<br>By code (older spellings too), pinyin, English name or region:"
                " ST2, REN24, Sibai, Four Whites, cheek.<br>Enter marks it; ↑ ↓ choose another match; Esc clears."
            )
        )
        icon = self.box.addAction(tool_icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        keep_drawn(self, {"search": icon})
        self.box.setClearButtonEnabled(True)
        self.box.setMinimumHeight(px(36))
        self.box.installEventFilter(self)
        self.setMinimumWidth(px(MIN_WIDTH))
        self.setMaximumWidth(px(2 * MIN_WIDTH))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        self.box.textChanged.connect(self._search)
        self.box.returnPressed.connect(self._choose)

    def sizeHint(self) -> QSize:
        return QSize(px(MIN_WIDTH + 40), super().sizeHint().height())

    @property
    def point(self) -> CataloguePoint | None:
        """The point currently found."""
        return self.results[self.current] if self.results else None

    def _search(self, text: str) -> None:
        self.results = self._catalogue.search(text, limit=12)
        self.current = 0
        self._show()

    def summary(self) -> str:
        """What the search found, in a few words (rich text): how many more matches, or that none did."""
        text = self.box.text().strip()
        if self.point is None:
            return _("No point matches “{value}”.").format(value=text.replace("<", "&lt;")) if text else ""
        more = len(self.results) - 1
        if more:
            return _("Enter marks it · ↓ {more} more").format(more=more)
        return _("Enter marks it")

    def _show(self) -> None:
        self.found.emit(self.point)

    def step(self, delta: int) -> None:
        """Move to the next (1) or previous (-1) match."""
        if self.results:
            self.current = (self.current + delta) % len(self.results)
            self._show()

    def _choose(self) -> None:
        if self.point is not None:
            self.chosen.emit(self.point)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.box or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if event.type() == QEvent.Type.ShortcutOverride and key == Qt.Key.Key_Escape and self.box.text():
            event.accept()  # Esc clears the search first; the next Esc leaves the chart
            return True
        if event.type() == QEvent.Type.KeyPress:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self.step(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key == Qt.Key.Key_Escape and self.box.text():
                self.box.clear()
                return True
        return super().eventFilter(watched, event)
