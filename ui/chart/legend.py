"""The legend: what each marker's shape, fill and ring mean (the same scheme the printout uses).

A symbol and one or two words each, the full meaning in the tooltip. It stands as a narrow column
beside the diagram or lies as a strip under it (see :mod:`ui.chart.diagram_pane`); the strip wraps
to a second row only when the diagram is narrow.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from acuchart.i18n import N_, _
from acuchart.reports.symbols import SYMBOLS, Symbol
from ui import theme
from ui.accessibility import accessible
from ui.chart.flow_layout import FlowLayout
from ui.chart.markers import UNMARKED_RADIUS, paint_caution_badge, paint_paper
from ui.chart.marks_model import symbol_icon
from ui.style import mute

ICON = 22

SHORT_LABELS = {
    "needled": N_("Treated"),
    "free": N_("Intradermal"),
    "reaction_mild": N_("Mild reaction"),
    "reaction_moderate": N_("Moderate"),
    "reaction_severe": N_("Severe"),
}
"""The strip's words for each symbol; the tooltip gives the symbol's full label."""


def _unmarked_icon() -> QIcon:
    pixmap = QPixmap(ICON, ICON)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    paint_paper(painter, ICON)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(theme.current().qcolor("point_ink"), 1.3))
    painter.setBrush(theme.current().qcolor("paper"))
    painter.drawEllipse(QPointF(ICON / 2, ICON / 2), UNMARKED_RADIUS, UNMARKED_RADIUS)
    painter.end()
    return QIcon(pixmap)


def _caution_icon() -> QIcon:
    pixmap = QPixmap(ICON, ICON)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    paint_paper(painter, ICON)
    paint_caution_badge(painter, QPointF(ICON / 2, ICON / 2 + 1), 8)
    painter.end()
    return QIcon(pixmap)


def _entry(icon: QIcon, text: str, tip: str) -> QWidget:
    entry = QWidget()
    entry.setToolTip(tip)
    row = QHBoxLayout(entry)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(3)
    picture = QLabel()
    picture.setObjectName("legendSymbol")
    picture.setPixmap(icon.pixmap(QSize(ICON, ICON)))
    row.addWidget(picture)
    label = QLabel(text)
    mute(label)
    row.addWidget(label)
    return entry


SHAPES = {
    ("circle", True): N_("a filled dot"),
    ("circle", False): N_("an open dot"),
    ("square", True): N_("a filled square"),
    ("square", False): N_("an open square"),
    ("diamond", True): N_("a filled diamond"),
    ("diamond", False): N_("an open diamond"),
}
"""A marker's shape and fill in words, whole, as a translator needs them."""


def shape_words(symbol: Symbol) -> str:
    """A symbol said in words, by its shape, fill and ring (no colour): "a filled dot in a thick ring"."""
    words = _(SHAPES[symbol.shape, symbol.filled])
    if symbol.shows_count:
        words = _("{shape} with the needle count in it").format(shape=words)
    if symbol.ring is not None:
        ring = _("{shape} in a thick ring") if symbol.ring.width >= 1.5 else _("{shape} in a thin ring")
        words = ring.format(shape=words)
    return words


def legend_words() -> str:
    """The whole legend in words, for a screen reader: each mark's meaning and how it looks."""
    entries = [_("Point: an open dot (not marked)")]
    entries += [
        _("{name}: {detail}").format(name=_(symbol.label), detail=shape_words(symbol))
        for symbol in SYMBOLS.values()
    ]
    entries.append(_("Caution: a triangle with an exclamation mark beside the mark"))
    return "; ".join(entries) + "."


def _icons() -> list[QIcon]:
    """The legend's pictures, in the order of its entries."""
    symbols = [symbol_icon(s, 3 if s.shows_count else None, ICON) for s in SYMBOLS.values()]
    return [_unmarked_icon(), *symbols, _caution_icon()]


class Legend(QWidget):
    """Every marker symbol with its meaning, drawn by the same code as the markers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        flow = FlowLayout(self, spacing=14)
        flow.setContentsMargins(2, 2, 2, 2)
        self._flow = flow
        self.entries: list[tuple[str, str]] = [(_("Point"), _("Point (click to mark)"))]
        for symbol in SYMBOLS.values():
            self.entries.append((_(SHORT_LABELS.get(symbol.key, symbol.label)), _(symbol.label)))
        self.entries.append((_("Caution"), _("Take care: meets a client caution")))
        for icon, (text, tip) in zip(_icons(), self.entries, strict=True):
            flow.addWidget(_entry(icon, text, tip))
        self.is_column = False
        theme.on_change(self._redraw, self)
        accessible(self, "Legend", legend_words())

    def _redraw(self, _theme: theme.Theme) -> None:
        """Draw the symbols again in the new scheme's colours."""
        pictures = self.findChildren(QLabel, "legendSymbol")
        for picture, icon in zip(pictures, _icons(), strict=True):
            picture.setPixmap(icon.pixmap(QSize(ICON, ICON)))

    def column_width(self) -> int:
        """The width of the legend as a column: its widest entry."""
        widest = max(self._flow.itemAt(i).sizeHint().width() for i in range(self._flow.count()))  # type: ignore[union-attr]
        margins = self._flow.contentsMargins()
        return widest + margins.left() + margins.right()

    def strip_height(self, width: int) -> int:
        """The height of the legend as a strip ``width`` wide."""
        return self._flow.heightForWidth(width)

    def set_column(self, column: bool) -> None:
        """Stand as a column of entries (True) or lie as a strip that wraps (False)."""
        self.is_column = column
        if column:
            self.setFixedWidth(self.column_width())
            self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        else:
            self.setMinimumWidth(0)
            self.setMaximumWidth(16777215)
            self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._flow.set_row_spacing(6 if column else 2)
