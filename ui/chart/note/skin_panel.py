"""Objective skin measures at a session: Fitzpatrick type, Glogau type and a 0–5 wrinkle grade per region.

A tap per value; Save stores them as one undoable action (a session keeps one set: saving again
replaces it). The client page plots them over the course beside the client's own ratings.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from acuchart.dates import short_date
from acuchart.i18n import _
from acuchart.models.tcm import FITZPATRICK_TYPES, GLOGAU_TYPES, WRINKLE_GRADES, WRINKLE_REGIONS, SkinMeasure
from ui.accessibility import accessible
from ui.chart.note.chips import Chips
from ui.style import mute

GRADES = tuple(str(grade) for grade, _ in WRINKLE_GRADES)


class SkinPanel(QWidget):
    """The session's skin measures, as chips and two short lists."""

    save_requested = Signal(dict)
    """The measures to store: ``fitzpatrick``, ``glogau``, ``wrinkles``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("skinPanel")
        self.fitzpatrick = QComboBox()
        self.fitzpatrick.setObjectName("fitzpatrick")
        accessible(self.fitzpatrick, "Fitzpatrick skin type")
        self.fitzpatrick.addItem(_("Not recorded"), None)
        for value, label in FITZPATRICK_TYPES:
            self.fitzpatrick.addItem(label, value)
        self.glogau = QComboBox()
        self.glogau.setObjectName("glogau")
        accessible(self.glogau, "Glogau photo-ageing type")
        self.glogau.addItem(_("Not recorded"), None)
        for value, label in GLOGAU_TYPES:
            self.glogau.addItem(label, value)
        self.regions: dict[str, Chips] = {}
        form = QFormLayout()
        form.addRow(_("Fitzpatrick"), self.fitzpatrick)
        form.addRow(_("Glogau"), self.glogau)
        for key, label in WRINKLE_REGIONS:
            chips = Chips(GRADES, exclusive=True, name=_("Wrinkle grade, {label}").format(label=label))
            self.regions[key] = chips
            form.addRow(label, chips)
        scale = QLabel(_("Wrinkles: ") + " · ".join(label for _, label in WRINKLE_GRADES))
        scale.setWordWrap(True)
        mute(scale)
        self.status = QLabel()
        mute(self.status)
        self.save = QPushButton(_("Save skin measures"))
        self.save.setObjectName("saveSkin")
        self.save.clicked.connect(self._save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(scale)
        layout.addWidget(self.status)
        layout.addWidget(self.save)

    def show_measure(self, measure: SkinMeasure | None, editable: bool) -> None:
        """Show the session's measures (or none yet)."""
        self.fitzpatrick.setCurrentIndex(
            max(0, self.fitzpatrick.findData(measure.fitzpatrick if measure else None))
        )
        self.glogau.setCurrentIndex(max(0, self.glogau.findData(measure.glogau if measure else None)))
        for key, chips in self.regions.items():
            grade = measure.wrinkles.get(key) if measure else None
            chips.set_values([] if grade is None else [str(grade)])
            chips.set_editable(editable)
        self.fitzpatrick.setEnabled(editable)
        self.glogau.setEnabled(editable)
        self.save.setEnabled(editable)
        self.status.setText(
            _("Recorded {measured_on}.").format(measured_on=short_date(measure.measured_on))
            if measure
            else _("Not measured at this session.")
        )

    def values(self) -> dict[str, object]:
        """The measures as chosen."""
        return {
            "fitzpatrick": self.fitzpatrick.currentData(),
            "glogau": self.glogau.currentData(),
            "wrinkles": {key: int(chips.value()) for key, chips in self.regions.items() if chips.value()},
        }

    def _save(self) -> None:
        self.save_requested.emit(self.values())
