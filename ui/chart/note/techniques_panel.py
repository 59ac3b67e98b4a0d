"""Beside the needles: the boxes of needles this session used, and the adjunct techniques done.

The boxes open now are ticked for a new session on their own; entering a new box (brand, gauge ×
length, lot number) takes a few seconds once, and it is remembered until it is marked used up.
Each technique is a line with its area and duration; a reaction can be recorded at it.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from acuchart.i18n import _
from acuchart.models.tcm import ADJUNCT_KINDS, AURICULAR_POINTS, Adjunct, NeedleLot
from ui.accessibility import accessible
from ui.chart.note.chips import Chips
from ui.records.forms import FieldMessages
from ui.style import mute, px

ID_ROLE = 0x0100
"""Qt.ItemDataRole.UserRole: the lot's or technique's id on a list row."""


class NewLotDialog(QDialog):
    """A new box of needles: brand, gauge, length, lot number, expiry."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New box of needles"))
        self.messages = FieldMessages()
        self.brand = QLineEdit()
        self.gauge = QLineEdit()
        self.gauge.setPlaceholderText("e.g. 0.16")
        self.length = QLineEdit()
        self.length.setPlaceholderText(_("e.g. 15 mm"))
        self.lot_number = QLineEdit()
        self.lot_number.setPlaceholderText(_("as printed on the box"))
        self.expires = QLineEdit()
        self.expires.setPlaceholderText(_("YYYY-MM-DD (optional)"))
        form = QFormLayout()
        for name, label, widget in (
            ("brand", _("Brand"), self.brand),
            ("gauge", _("Gauge"), self.gauge),
            ("length", _("Length"), self.length),
            ("lot_number", _("Lot number"), self.lot_number),
            ("expires_on", _("Expires"), self.expires),
        ):
            self.messages.add_row(form, name, label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.messages.general)
        layout.addWidget(buttons)

    def fields(self) -> dict[str, str]:
        """What was typed, as the needle-lot service takes it."""
        return {
            "brand": self.brand.text(),
            "gauge": self.gauge.text(),
            "length": self.length.text(),
            "lot_number": self.lot_number.text(),
            "expires_on": self.expires.text(),
        }


class TechniquesPanel(QWidget):
    """The session's boxes of needles and its adjunct techniques."""

    lots_chosen = Signal(list)
    """The boxes ticked for this session changed (their ids)."""
    new_lot_requested = Signal()
    lot_used_up = Signal(int)
    adjunct_requested = Signal(dict)
    """A technique to add: ``kind``, ``area``, ``duration_min``, ``details``."""
    adjunct_removal_requested = Signal(int)
    adjunct_reaction_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("techniquesPanel")
        self.lots = QListWidget()
        self.lots.setObjectName("sessionLots")
        accessible(self.lots, "Boxes of needles used in this session")
        self.lots.setMaximumHeight(px(110))
        self.lots.itemChanged.connect(self._lot_ticked)
        self.lots.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.lots.customContextMenuRequested.connect(self._lot_menu)
        self.new_lot = QPushButton(_("New box…"))
        self.new_lot.setToolTip(_("Enter a new box of needles once; it is used until you mark it used up"))
        self.new_lot.clicked.connect(self.new_lot_requested)
        lots_box = QGroupBox(_("Needles used (boxes)"))
        lots = QVBoxLayout(lots_box)
        lots.addWidget(self.lots)
        hint = QLabel(_("Right-click a box when it is used up."))
        mute(hint)
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        row.addWidget(self.new_lot)
        lots.addLayout(row)

        self.kind = QComboBox()
        self.kind.setObjectName("adjunctKind")
        accessible(self.kind, "Technique")
        for key, label in ADJUNCT_KINDS:
            self.kind.addItem(label, key)
        self.area = QLineEdit()
        self.area.setPlaceholderText(_("Area, e.g. cheeks"))
        accessible(self.area, "Area")
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 240)
        self.minutes.setSpecialValueText(_("— min"))
        self.minutes.setSuffix(_(" min"))
        accessible(self.minutes, "Duration in minutes")
        self.ear_points = Chips(AURICULAR_POINTS, exclusive=False, other=True, name=_("Ear seed points"))
        self.ear_points.setVisible(False)
        self.details = QLineEdit()
        self.details.setPlaceholderText(_("Details (optional), e.g. red light, 630 nm"))
        accessible(self.details, "Details")
        self.add = QPushButton(_("Add technique"))
        self.add.setObjectName("addAdjunct")
        self.add.clicked.connect(self._add)
        self.kind.currentIndexChanged.connect(
            lambda _i: self.ear_points.setVisible(self.kind.currentData() == "ear_seeds")
        )
        self.adjuncts = QListWidget()
        self.adjuncts.setObjectName("sessionAdjuncts")
        accessible(self.adjuncts, "Adjunct techniques done in this session")
        self.adjuncts.setMaximumHeight(px(120))
        self.adjuncts.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.adjuncts.customContextMenuRequested.connect(self._adjunct_menu)
        adjunct_box = QGroupBox(_("Adjunct techniques"))
        adjunct = QVBoxLayout(adjunct_box)
        adjunct.addWidget(self.adjuncts)
        entry = QHBoxLayout()
        entry.addWidget(self.kind, 1)
        entry.addWidget(self.area, 1)
        entry.addWidget(self.minutes)
        adjunct.addLayout(entry)
        adjunct.addWidget(self.ear_points)
        adjunct.addWidget(self.details)
        adjunct.addWidget(self.add, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(lots_box)
        layout.addWidget(adjunct_box)
        self._loading = False

    def show_session(
        self, lots: list[NeedleLot], used: list[NeedleLot], adjuncts: list[Adjunct], editable: bool
    ) -> None:
        """Show the boxes (open ones and those this session used) and the techniques."""
        self._loading = True
        try:
            used_ids = {lot.id for lot in used}
            shown = {lot.id: lot for lot in [*used, *(lot for lot in lots if lot.is_open)]}
            self.lots.clear()
            for lot in shown.values():
                item = QListWidgetItem(lot.title + ("" if lot.is_open else _("  (used up)")))
                item.setData(ID_ROLE, lot.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                if not editable:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setCheckState(Qt.CheckState.Checked if lot.id in used_ids else Qt.CheckState.Unchecked)
                self.lots.addItem(item)
            if not shown:
                placeholder = QListWidgetItem(_("No boxes entered yet: New box…"))
                placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
                self.lots.addItem(placeholder)
            self.adjuncts.clear()
            for adjunct in adjuncts:
                item = QListWidgetItem(adjunct.label)
                item.setData(ID_ROLE, adjunct.id)
                self.adjuncts.addItem(item)
            for widget in (self.new_lot, self.kind, self.area, self.minutes, self.details, self.add):
                widget.setEnabled(editable)
            self.ear_points.set_editable(editable)
        finally:
            self._loading = False

    def chosen_lots(self) -> list[int]:
        """The ids of the boxes ticked."""
        items = (self.lots.item(i) for i in range(self.lots.count()))
        return [
            int(item.data(ID_ROLE))
            for item in items
            if item is not None
            and item.data(ID_ROLE) is not None
            and item.checkState() == Qt.CheckState.Checked
        ]

    def _lot_ticked(self, _item: QListWidgetItem) -> None:
        if not self._loading:
            self.lots_chosen.emit(self.chosen_lots())

    def _lot_menu(self, pos: QPoint) -> None:
        item = self.lots.itemAt(pos)
        if item is None or item.data(ID_ROLE) is None:
            return
        menu = QMenu(self)
        menu.addAction(_("This box is used up")).triggered.connect(
            lambda: self.lot_used_up.emit(int(item.data(ID_ROLE)))
        )
        menu.popup(self.lots.viewport().mapToGlobal(pos))

    def _adjunct_menu(self, pos: QPoint) -> None:
        item = self.adjuncts.itemAt(pos)
        if item is None:
            return
        adjunct_id = int(item.data(ID_ROLE))
        menu = QMenu(self)
        menu.addAction(_("Record a reaction here…")).triggered.connect(
            lambda: self.adjunct_reaction_requested.emit(adjunct_id)
        )
        menu.addAction(_("Remove")).triggered.connect(lambda: self.adjunct_removal_requested.emit(adjunct_id))
        menu.popup(self.adjuncts.viewport().mapToGlobal(pos))

    def _add(self) -> None:
        kind = str(self.kind.currentData())
        details = self.details.text()
        if kind == "ear_seeds" and self.ear_points.values():
            details = ", ".join(self.ear_points.values()) + (f"; {details}" if details else "")
        self.adjunct_requested.emit(
            {
                "kind": kind,
                "area": self.area.text(),
                "duration_min": self.minutes.value() or None,
                "details": details,
            }
        )

    def clear_entry(self) -> None:
        """Ready for the next technique (after one was added)."""
        self.area.clear()
        self.minutes.setValue(0)
        self.details.clear()
        self.ear_points.set_values(())
