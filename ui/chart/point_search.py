"""Finding a point by code (older spellings too), pinyin, English name or region."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from acuchart.catalogue import Catalogue, CataloguePoint


class PointSearch(QWidget):
    """A search box: the best match is highlighted on the diagram; Enter marks it; Up/Down pick another."""

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
        self.box.setPlaceholderText("Find a point: ST2, Sibai, Four Whites, cheek…  (Ctrl+K)")
        self.box.setClearButtonEnabled(True)
        self.box.setMinimumHeight(34)
        self.box.setMinimumWidth(260)
        self.box.installEventFilter(self)
        self.result = QLabel()
        self.result.setObjectName("muted")
        self.result.setTextFormat(Qt.TextFormat.RichText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.result, 1)
        self.box.textChanged.connect(self._search)
        self.box.returnPressed.connect(self._choose)

    @property
    def point(self) -> CataloguePoint | None:
        """The point currently found."""
        return self.results[self.current] if self.results else None

    def _search(self, text: str) -> None:
        self.results = self._catalogue.search(text, limit=12)
        self.current = 0
        self._show()

    def _show(self) -> None:
        point = self.point
        if point is None:
            self.result.setText("No point matches." if self.box.text().strip() else "")
        else:
            more = f" · {len(self.results) - 1} more (↓)" if len(self.results) > 1 else ""
            self.result.setText(f"<b>{point.code}</b> {point.pinyin} {point.hanzi} — {point.english}{more}")
        self.found.emit(point)

    def step(self, delta: int) -> None:
        """Move to the next (1) or previous (-1) match."""
        if self.results:
            self.current = (self.current + delta) % len(self.results)
            self._show()

    def _choose(self) -> None:
        if self.point is not None:
            self.chosen.emit(self.point)

    def eventFilter(self, watched: object, event: object) -> bool:
        if watched is not self.box or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)  # type: ignore[arg-type]
        key = event.key()
        if event.type() == QKeyEvent.Type.ShortcutOverride and key == Qt.Key.Key_Escape and self.box.text():
            event.accept()  # Esc clears the search first; the next Esc leaves the chart
            return True
        if event.type() == QKeyEvent.Type.KeyPress:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self.step(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key == Qt.Key.Key_Escape and self.box.text():
                self.box.clear()
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]
