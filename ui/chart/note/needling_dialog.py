"""Needling details for one mark or several: angle, depth, stimulation and how long the needles stayed in."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from acuchart.i18n import _
from acuchart.models import Mark
from acuchart.models.tcm import NEEDLE_ANGLES, STIMULATIONS
from acuchart.services.session_rules import MAX_DEPTH_MM, MAX_RETENTION_MIN
from ui.accessibility import accessible


class NeedlingDialog(QDialog):
    """The details of the first mark shown; Save applies them to every mark given."""

    def __init__(self, marks: list[Mark], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        first = marks[0]
        names = ", ".join(m.title for m in marks[:4]) + ("…" if len(marks) > 4 else "")
        self.setWindowTitle(_("Needling details"))
        heading = QLabel(f"<b>{names}</b>")
        heading.setWordWrap(True)
        self.angle = QComboBox()
        accessible(self.angle, "Angle")
        self.angle.addItem(_("Not recorded"), "")
        for key, label in NEEDLE_ANGLES:
            self.angle.addItem(label, key)
        self.angle.setCurrentIndex(max(0, self.angle.findData(first.angle)))
        self.depth_mm = QDoubleSpinBox()
        accessible(self.depth_mm, "Depth in millimetres")
        self.depth_mm.setRange(0, MAX_DEPTH_MM)
        self.depth_mm.setDecimals(1)
        self.depth_mm.setSingleStep(0.5)
        self.depth_mm.setSuffix(_(" mm"))
        self.depth_mm.setSpecialValueText(_("Not recorded"))
        self.depth_mm.setValue(first.depth_mm or 0)
        self.stimulation = QComboBox()
        accessible(self.stimulation, "Stimulation")
        self.stimulation.addItem(_("Not recorded"), "")
        for key, label in STIMULATIONS:
            self.stimulation.addItem(label, key)
        self.stimulation.setCurrentIndex(max(0, self.stimulation.findData(first.stimulation)))
        self.retention = QSpinBox()
        accessible(self.retention, "Retention in minutes")
        self.retention.setRange(-1, MAX_RETENTION_MIN)
        self.retention.setSpecialValueText(_("Not recorded"))
        self.retention.setSuffix(_(" min"))
        self.retention.setValue(first.retention_min if first.retention_min is not None else -1)
        form = QFormLayout()
        form.addRow(_("Angle"), self.angle)
        form.addRow(_("Depth"), self.depth_mm)
        form.addRow(_("Stimulation"), self.stimulation)
        form.addRow(_("Retention"), self.retention)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        if len(marks) > 1:
            layout.addWidget(QLabel(_("Saving sets these for all {marks} marks.").format(marks=len(marks))))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> dict[str, object]:
        """The details as chosen (None or empty: not recorded)."""
        return {
            "angle": str(self.angle.currentData()),
            "depth_mm": self.depth_mm.value() or None,
            "stimulation": str(self.stimulation.currentData()),
            "retention_min": None if self.retention.value() < 0 else self.retention.value(),
        }
