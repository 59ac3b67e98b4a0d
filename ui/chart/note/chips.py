"""Chips: a wrapping row of toggle buttons for picking terms from a vocabulary in one tap each.

A term that is not in the vocabulary (carried over, or typed) shows as a chip of its own, so nothing
recorded is ever hidden or dropped; the optional "other…" box adds such a term.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QSizePolicy, QToolButton, QWidget

from acuchart.i18n import _
from ui import theme
from ui.accessibility import accessible
from ui.chart.flow_layout import FlowLayout
from ui.style import px

CHIP_STYLE = (
    "QToolButton[chip='true'] { border: 1px solid $border; border-radius: 12px; padding: 3px 10px;"
    " min-height: 22px; }"
    "QToolButton[chip='true']:checked { background: palette(highlight); color: palette(highlighted-text);"
    " border-color: palette(highlight); font-weight: 600; }"
)
"""A chip's look: the theme's border, the palette's selection colours when chosen."""


class Chips(QWidget):
    """Terms as toggle buttons: one at most (``exclusive``; tapping the chosen one clears it), or any number.

    Args:
        terms: the vocabulary, in the order shown.
        exclusive: at most one chosen.
        other: offer a box to add a term of one's own.
        name: what the chips are of, for screen readers ("Tongue body colour").
    """

    changed = Signal()
    """The practitioner chose or cleared a chip (not sent when :meth:`set_values` shows stored values)."""

    def __init__(
        self,
        terms: Sequence[str],
        exclusive: bool,
        other: bool = False,
        name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        theme.style(self, CHIP_STYLE)
        self._terms = list(terms)
        self._exclusive = exclusive
        self._name = name
        accessible(self, name)
        self._layout = FlowLayout(self, spacing=4, row_spacing=4)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # the chips wrap: the height follows the width they are given
        self.setSizePolicy(policy)
        self.buttons: dict[str, QToolButton] = {}
        self.other: QLineEdit | None = None
        for term in self._terms:
            self._add_chip(term)
        if other:
            self.other = QLineEdit()
            self.other.setPlaceholderText(_("other…"))
            accessible(self.other, _("{name}: another term").format(name=name))
            self.other.setMaximumWidth(px(140))
            self.other.returnPressed.connect(self._add_other)
            self._layout.addWidget(self.other)

    def _add_chip(self, term: str) -> QToolButton:
        button = QToolButton()
        button.setText(_(term))
        button.setCheckable(True)
        button.setProperty("chip", True)
        accessible(
            button, _("{name}: {detail}").format(name=self._name, detail=_(term)) if self._name else _(term)
        )
        button.clicked.connect(lambda checked, t=term: self._tapped(t, checked))
        if self.other is not None:  # the "other…" box stays last
            self._layout.removeWidget(self.other)
            self._layout.addWidget(button)
            self._layout.addWidget(self.other)
        else:
            self._layout.addWidget(button)
        self.buttons[term] = button
        self.updateGeometry()
        return button

    def event(self, event: QEvent) -> bool:
        # Chips take their final size once styled (when first shown, or when the style sheet arrives):
        # the layout holding this widget must then ask again how tall the wrapped rows are.
        if event.type() in (QEvent.Type.Show, QEvent.Type.StyleChange, QEvent.Type.Polish):
            self.updateGeometry()
            QTimer.singleShot(0, self, self.updateGeometry)  # again once the current layout pass is over
        return super().event(event)

    def _tapped(self, term: str, checked: bool) -> None:
        if self._exclusive and checked:
            for other, button in self.buttons.items():
                if other != term:
                    button.setChecked(False)
        self.changed.emit()

    def _add_other(self) -> None:
        assert self.other is not None
        term = " ".join(self.other.text().split())
        self.other.clear()
        if not term:
            return
        button = self.buttons.get(term) or self._add_chip(term)
        if not button.isChecked():
            button.setChecked(True)
            self._tapped(term, True)

    def values(self) -> tuple[str, ...]:
        """The chosen terms, in the order shown."""
        return tuple(term for term, button in self.buttons.items() if button.isChecked())

    def value(self) -> str:
        """The chosen term (exclusive chips), or empty."""
        chosen = self.values()
        return chosen[0] if chosen else ""

    def set_values(self, values: Iterable[str]) -> None:
        """Show these terms chosen (a term not in the vocabulary gets a chip of its own)."""
        wanted = [v for v in values if v]
        for term in wanted:
            if term not in self.buttons:
                self._add_chip(term)
        for term, button in self.buttons.items():
            button.setChecked(term in wanted)

    def set_editable(self, editable: bool) -> None:
        """A signed session's findings are shown, not changed."""
        for button in self.buttons.values():
            button.setEnabled(editable)
        if self.other is not None:
            self.other.setVisible(editable)
