"""The TCM assessment at the chair: tongue, pulse by position, eight principles, pattern, treatment principle.

Chips and short lists, typing optional. The previous session's findings sit above for comparison, and
Carry over takes them as a starting point. Each change is one undoable action, run by the editor that
owns the panel (``edited`` names the findings that changed).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from acuchart.i18n import _
from acuchart.models.tcm import (
    EIGHT_PRINCIPLES,
    PATTERNS,
    PULSE_DEPTHS,
    PULSE_POSITION_LABELS,
    PULSE_POSITIONS,
    PULSE_QUALITIES,
    PULSE_RATES,
    PULSE_SIDES,
    PULSE_STRENGTHS,
    TONGUE_BODY_COLOURS,
    TONGUE_COATING_COLOURS,
    TONGUE_COATING_THICKNESS,
    TONGUE_FEATURES,
    TONGUE_MOISTURE,
    TREATMENT_PRINCIPLES,
    Pulse,
    PulsePosition,
    TcmFindings,
    Tongue,
)
from ui.accessibility import accessible
from ui.chart.note.chips import Chips
from ui.style import mute, px

TEXT_DELAY_MS = 700


class PulseCell(QToolButton):
    """One position of one wrist: shows what was felt; a tap opens depth, strength and qualities."""

    changed = Signal()

    def __init__(self, side: str, position: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side, self.position = side, position
        self.found = PulsePosition()
        self.setObjectName(f"pulse_{side}_{position}")
        accessible(self, _("Pulse, {side} {position}").format(side=_(side), position=position))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMinimumHeight(px(34))
        self.setMinimumWidth(px(96))
        self.menu_ = QMenu(self)
        self.setMenu(self.menu_)
        self.menu_.aboutToShow.connect(self._fill)
        self._show()

    def _fill(self) -> None:
        self.menu_.clear()
        for title, words, current in (
            (_("Depth"), PULSE_DEPTHS, self.found.depth),
            (_("Strength"), PULSE_STRENGTHS, self.found.strength),
        ):
            self.menu_.addSection(title)
            for word in words:
                action = self.menu_.addAction(word)
                action.setCheckable(True)
                action.setChecked(word == current)
                action.triggered.connect(lambda checked, w=word, t=title: self._set(t, w, checked))
        self.menu_.addSection(_("Qualities"))
        for word in dict.fromkeys((*PULSE_QUALITIES, *self.found.qualities)):
            action = self.menu_.addAction(word)
            action.setCheckable(True)
            action.setChecked(word in self.found.qualities)
            action.triggered.connect(lambda checked, w=word: self._quality(w, checked))
        self.menu_.addSeparator()
        clear = QAction(_("Clear"), self.menu_)
        clear.triggered.connect(lambda: self.set_found(PulsePosition(), notify=True))
        self.menu_.addAction(clear)

    def _set(self, title: str, word: str, checked: bool) -> None:
        value = word if checked else ""
        if title == "Depth":
            self.set_found(self.found._replace(depth=value), notify=True)
        else:
            self.set_found(self.found._replace(strength=value), notify=True)

    def _quality(self, word: str, checked: bool) -> None:
        qualities = [q for q in self.found.qualities if q != word] + ([word] if checked else [])
        self.set_found(self.found._replace(qualities=tuple(qualities)), notify=True)

    def set_found(self, found: PulsePosition, notify: bool = False) -> None:
        """Show what was felt here (``notify``: the practitioner changed it)."""
        self.found = found
        self._show()
        if notify:
            self.changed.emit()

    def _show(self) -> None:
        words = self.found.words(_)
        self.setText(words or "—")
        self.setToolTip(
            f"{_(self.side)} {PULSE_POSITION_LABELS[self.position]}: {words or _('not recorded')}"
        )


class TcmPanel(QWidget):
    """The findings of one session, shown and edited; the previous session's above them."""

    edited = Signal(dict)
    """Findings the practitioner changed, as keyword arguments of ``AssessmentService.record``."""
    carry_over_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tcmPanel")
        self.findings = TcmFindings(0)
        self.previous_label = QLabel()
        self.previous_label.setObjectName("previousFindings")
        self.previous_label.setWordWrap(True)
        mute(self.previous_label)
        self.carry_button = QPushButton(_("Carry over"))
        self.carry_button.setObjectName("carryOverFindings")
        self.carry_button.setToolTip(
            _("Start from the previous session's findings, then change what changed")
        )
        self.carry_button.clicked.connect(self.carry_over_requested)
        previous = QHBoxLayout()
        previous.addWidget(self.previous_label, 1)
        previous.addWidget(self.carry_button)

        self.body = Chips(TONGUE_BODY_COLOURS, exclusive=True, other=True, name=_("Tongue body colour"))
        self.coating_colour = Chips(TONGUE_COATING_COLOURS, exclusive=True, name=_("Coating colour"))
        self.coating_thickness = Chips(TONGUE_COATING_THICKNESS, exclusive=True, name=_("Coating"))
        self.features = Chips(TONGUE_FEATURES, exclusive=False, other=True, name=_("Tongue features"))
        self.moisture = Chips(TONGUE_MOISTURE, exclusive=True, name=_("Tongue moisture"))
        self.tongue_note = QLineEdit()
        self.tongue_note.setPlaceholderText(_("Anything else about the tongue"))
        accessible(self.tongue_note, "Tongue note")
        tongue_box = QGroupBox(_("Tongue"))
        tongue = QFormLayout(tongue_box)
        tongue.addRow(_("Body"), self.body)
        tongue.addRow(_("Coating"), self.coating_colour)
        tongue.addRow("", self.coating_thickness)
        tongue.addRow(_("Features"), self.features)
        tongue.addRow(_("Moisture"), self.moisture)
        tongue.addRow(_("Note"), self.tongue_note)
        for chips in (self.body, self.coating_colour, self.coating_thickness, self.features, self.moisture):
            chips.changed.connect(self._tongue_changed)

        self.rate = Chips(PULSE_RATES, exclusive=True, name=_("Pulse rate"))
        self.bpm = QSpinBox()
        self.bpm.setRange(0, 250)
        self.bpm.setSpecialValueText("—")
        self.bpm.setSuffix(_(" /min"))
        accessible(self.bpm, "Pulse, beats a minute")
        self.cells: dict[tuple[str, str], PulseCell] = {}
        grid = QGridLayout()
        for column, position in enumerate(PULSE_POSITIONS, start=1):
            grid.addWidget(QLabel(f"<b>{PULSE_POSITION_LABELS[position]}</b>"), 0, column)
        for row, side in enumerate(PULSE_SIDES, start=1):
            grid.addWidget(QLabel(f"<b>{_(side).capitalize()}</b>"), row, 0)
            for column, position in enumerate(PULSE_POSITIONS, start=1):
                cell = PulseCell(side, position)
                cell.changed.connect(self._pulse_changed)
                self.cells[(side, position)] = cell
                grid.addWidget(cell, row, column)
        self.pulse_note = QLineEdit()
        self.pulse_note.setPlaceholderText(_("Anything else about the pulse"))
        accessible(self.pulse_note, "Pulse note")
        pulse_box = QGroupBox(_("Pulse"))
        pulse = QVBoxLayout(pulse_box)
        rate_row = QHBoxLayout()
        rate_row.addWidget(self.rate, 1)
        rate_row.addWidget(self.bpm)
        pulse.addLayout(rate_row)
        pulse.addLayout(grid)
        pulse.addWidget(self.pulse_note)
        self.rate.changed.connect(self._pulse_changed)
        self.bpm.editingFinished.connect(self._pulse_changed)

        self.principles = [
            Chips(pair, exclusive=True, name=_("Eight principles")) for pair in EIGHT_PRINCIPLES
        ]
        principles_row = QHBoxLayout()
        for chips in self.principles:
            chips.changed.connect(self._principles_changed)
            principles_row.addWidget(chips)
        self.patterns = Chips((), exclusive=False, name=_("Pattern"))
        self.patterns.changed.connect(self._patterns_changed)
        self.pattern_choice = QComboBox()
        self.pattern_choice.setEditable(True)
        self.pattern_choice.setObjectName("patternChoice")
        accessible(self.pattern_choice, "Add a pattern")
        self.pattern_choice.addItems(["", *PATTERNS])
        self.pattern_choice.setCurrentIndex(0)
        self.pattern_choice.activated.connect(self._pattern_chosen)
        self.treatment = QComboBox()
        self.treatment.setEditable(True)
        self.treatment.setObjectName("treatmentPrinciple")
        accessible(self.treatment, "Treatment principle")
        self.treatment.addItems(["", *TREATMENT_PRINCIPLES])
        self.treatment.activated.connect(lambda _i: self._treatment_changed())
        self._text_timer = QTimer(self, singleShot=True, interval=TEXT_DELAY_MS)
        self._text_timer.timeout.connect(self._texts_changed)
        for edit in (self.tongue_note, self.pulse_note):
            edit.textEdited.connect(self._text_timer.start)
            edit.editingFinished.connect(self._texts_changed)
        line_edit = self.treatment.lineEdit()
        if line_edit is not None:
            line_edit.editingFinished.connect(self._treatment_changed)
        reading_box = QGroupBox(_("Reading"))
        reading = QFormLayout(reading_box)
        reading.addRow(_("Eight principles"), principles_row)
        reading.addRow(_("Pattern"), self.patterns)
        reading.addRow("", self.pattern_choice)
        reading.addRow(_("Treatment principle"), self.treatment)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(previous)
        layout.addWidget(tongue_box)
        layout.addWidget(pulse_box)
        layout.addWidget(reading_box)
        self._loading = False

    # --- showing -------------------------------------------------------------------------------
    def show_findings(self, findings: TcmFindings, previous: TcmFindings | None, editable: bool) -> None:
        """Show a session's findings, the previous session's for comparison, editable until signed."""
        self._loading = True
        try:
            self.findings = findings
            self._show_previous(previous, editable)
            tongue, pulse = findings.tongue, findings.pulse
            self.body.set_values([tongue.body])
            self.coating_colour.set_values([tongue.coating_colour])
            self.coating_thickness.set_values([tongue.coating_thickness])
            self.features.set_values(tongue.features)
            self.moisture.set_values([tongue.moisture])
            if not self.tongue_note.hasFocus():
                self.tongue_note.setText(tongue.note)
            self.rate.set_values([pulse.rate])
            self.bpm.setValue(pulse.bpm or 0)
            for key, cell in self.cells.items():
                cell.set_found(pulse.at(*key))
            if not self.pulse_note.hasFocus():
                self.pulse_note.setText(pulse.note)
            for chips in self.principles:
                chips.set_values([w for w in findings.principles if w in chips.buttons])
            self.patterns.set_values(findings.patterns)
            self.treatment.setCurrentText(findings.treatment_principle)
            for widget in (
                self.body,
                self.coating_colour,
                self.coating_thickness,
                self.features,
                self.moisture,
                self.rate,
                self.patterns,
                *self.principles,
            ):
                widget.set_editable(editable)
            for note in (self.tongue_note, self.pulse_note):
                note.setReadOnly(not editable)
            for other in (self.bpm, self.pattern_choice, self.treatment, *self.cells.values()):
                other.setEnabled(editable)
        finally:
            self._loading = False

    def _show_previous(self, previous: TcmFindings | None, editable: bool) -> None:
        if previous is None or previous.empty:
            self.previous_label.setText(_("No earlier findings for this client."))
            self.carry_button.setEnabled(False)
            return
        parts = [
            (_("Tongue"), previous.tongue.words(_)),
            (_("Pulse"), previous.pulse.words(_)),
            (_("Principles"), ", ".join(_(word) for word in previous.principles if word)),
            (_("Pattern"), ", ".join(_(pattern) for pattern in previous.patterns if pattern)),
            (_("Treatment"), _(previous.treatment_principle) if previous.treatment_principle else ""),
        ]
        self.previous_label.setText(
            _("<b>Last time:</b> ")
            + " · ".join(
                _("{name}: {text}").format(name=name, text=html.escape(text)) for name, text in parts if text
            )
        )
        self.carry_button.setEnabled(editable and self.findings.empty)

    # --- what the practitioner changed -----------------------------------------------------------
    def tongue(self) -> Tongue:
        """The tongue as shown."""
        return Tongue(
            self.body.value(),
            self.coating_colour.value(),
            self.coating_thickness.value(),
            self.features.values(),
            self.moisture.value(),
            self.tongue_note.text(),
        )

    def pulse(self) -> Pulse:
        """The pulse as shown."""
        positions = {key: cell.found for key, cell in self.cells.items() if not cell.found.empty}
        return Pulse(self.rate.value(), self.bpm.value() or None, positions, self.pulse_note.text())

    def _emit(self, **changed: object) -> None:
        if not self._loading:
            self.edited.emit(changed)

    def _tongue_changed(self) -> None:
        self._emit(tongue=self.tongue())

    def _pulse_changed(self) -> None:
        if self.pulse() != self.findings.pulse:
            self._emit(pulse=self.pulse())

    def _principles_changed(self) -> None:
        self._emit(principles=[w for chips in self.principles for w in chips.values()])

    def _patterns_changed(self) -> None:
        self._emit(patterns=list(self.patterns.values()))

    def _pattern_chosen(self) -> None:
        term = " ".join(self.pattern_choice.currentText().split())
        self.pattern_choice.setCurrentIndex(0)
        if term and term not in self.patterns.values():
            self._emit(patterns=[*self.patterns.values(), term])

    def _treatment_changed(self) -> None:
        text = " ".join(self.treatment.currentText().split())
        if text != self.findings.treatment_principle:
            self._emit(treatment_principle=text)

    def _texts_changed(self) -> None:
        self._text_timer.stop()
        if self.tongue_note.text() != self.findings.tongue.note:
            self._emit(tongue=self.tongue())
        if self.pulse_note.text() != self.findings.pulse.note:
            self._emit(pulse=self.pulse())
