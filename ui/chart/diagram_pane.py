"""The diagram side of the chart: the diagram tabs, the band under them, and the legend.

Height is what the diagram is usually short of at the chair (the drawings are taller than wide), so
the legend goes where it costs the drawing least: in a narrow column beside the diagram, in the
width the drawing leaves over, or in a strip under the band when the pane is narrow and tall.
"""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QTabWidget, QWidget

from acuchart.catalogue import VIEWS
from ui.chart.legend import Legend

WIDEST_ASPECT = max(
    info.width / info.height for info in VIEWS.values() if info.name in ("face", "head_right")
)
"""Width over height of the head drawings charted most: what the diagram needs beside a legend column.
(The top of the head is wider still, but small: it fits either way.)"""
SPACING = 6


class DiagramPane(QWidget):
    """Tabs of diagrams with the band under them, and the legend beside or under them."""

    def __init__(
        self, tabs: QTabWidget, band: QWidget, legend: Legend, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("diagramPane")
        self.tabs = tabs
        self.band = band
        self.legend = legend
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 4, 0)
        self._grid.setHorizontalSpacing(SPACING)
        self._grid.setVerticalSpacing(2)
        self._grid.addWidget(tabs, 0, 0)
        self._grid.addWidget(band, 1, 0, 1, 2)
        self._grid.setRowStretch(0, 1)
        self._grid.setColumnStretch(0, 1)
        self._beside: bool | None = None
        self._place(beside=True)

    @property
    def legend_beside(self) -> bool:
        """Whether the legend stands in a column beside the diagram (else it is a strip under it)."""
        return bool(self._beside)

    def _place(self, beside: bool) -> None:
        if beside == self._beside:
            return
        self._beside = beside
        self._grid.removeWidget(self.legend)
        self.legend.set_column(beside)
        if beside:
            # level with the drawing, not with the tabs above it
            self.legend.setContentsMargins(0, self.tabs.tabBar().sizeHint().height() + 4, 0, 0)
            self._grid.addWidget(self.legend, 0, 1)
        else:
            self.legend.setContentsMargins(0, 0, 0, 0)
            self._grid.addWidget(self.legend, 2, 0, 1, 2)

    def _better_beside(self, width: int, height: int) -> bool:
        """Whether the widest drawing shows larger with the legend in a column beside it than under it."""
        margins = self._grid.contentsMargins()
        width -= margins.left() + margins.right()
        height -= (
            margins.top()
            + margins.bottom()
            + self.band.minimumHeight()
            + self._grid.verticalSpacing()
            + self.tabs.tabBar().sizeHint().height()
        )
        room_beside = width - SPACING - self.legend.column_width()
        beside = min(height, room_beside / WIDEST_ASPECT)
        under = min(
            height - self.legend.strip_height(width) - self._grid.verticalSpacing(), width / WIDEST_ASPECT
        )
        return beside >= under

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place(self._better_beside(event.size().width(), event.size().height()))
