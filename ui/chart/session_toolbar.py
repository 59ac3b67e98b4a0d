"""The tools above the chart: point search, free marker tool, protocols, session reaction, fit.

A real :class:`QToolBar`: every button keeps its whole label, and whatever does not fit in the
width moves behind the toolbar's » button instead of being squeezed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QProxyStyle, QStyle, QStyleOption, QToolBar, QToolButton, QWidget

from acuchart.i18n import _
from acuchart.practice import Practice
from ui import theme
from ui.accessibility import accessible
from ui.chart.icons import SIZE, keep_drawn, tool_icon
from ui.chart.point_search import PointSearch
from ui.style import px

BUTTON_HEIGHT = 36
"""Tall enough to hit with a gloved finger."""

STYLE = """
QToolBar#sessionToolbar { border: none; spacing: 4px; padding: 0; }
QToolBar#sessionToolbar > QToolButton {
    min-height: ${button_height}px; padding: 2px 6px; border: 1px solid $border; border-radius: 5px;
    background: $control;
}
QToolBar#sessionToolbar > QToolButton:hover { background: $hover; border-color: $accent; }
QToolBar#sessionToolbar > QToolButton:pressed, QToolBar#sessionToolbar > QToolButton:checked {
    background: $checked; border-color: $ink;
}
QToolBar#sessionToolbar > QToolButton:disabled { color: $disabled_text; background: $window; }
QToolBar#sessionToolbar > QToolButton[popupMode="2"] { padding-right: 18px; }
QToolBar#sessionToolbar > QToolButton::menu-indicator { subcontrol-position: right center; right: 6px; }
QToolBar#sessionToolbar > QToolButton#qt_toolbar_ext_button { padding: 0; min-width: ${extension_width}px; }
"""
"""The tools' look, in the theme's colours (:func:`ui.theme.style`)."""


class _RoomyExtension(QProxyStyle):
    """Makes the toolbar's » button (the tools that did not fit) as easy to hit as the others."""

    def pixelMetric(
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        if metric == QStyle.PixelMetric.PM_ToolBarExtensionExtent:
            return px(BUTTON_HEIGHT)
        return super().pixelMetric(metric, option, widget)


def tool_tip(name: str, shortcut: str, what: str) -> str:
    """A tool's tooltip: its name, the shortcut that does the same, and what it does."""
    keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText) if shortcut else ""
    return f"<b>{name}</b>" + (f" &nbsp;({keys})" if keys else "") + f"<br>{what}"


class ProtocolChoice(NamedTuple):
    """One entry of the Protocol menu: a set of points to add, under a section ("Your protocols")."""

    section: str
    name: str
    note: str
    points: tuple[tuple[str, str], ...]


def protocol_choices(practice: Practice) -> list[ProtocolChoice]:
    """The Protocol menu: the practitioner's own protocols, then the starting ones for each concern."""
    from acuchart.protocols import load_presets

    own = [ProtocolChoice(_("Your protocols"), p.name, p.note, p.points) for p in practice.protocols.list()]
    presets = [
        ProtocolChoice(_("Starting protocols"), p.name, p.note, tuple((m.code, m.side) for m in p.points))
        for p in load_presets(practice.catalogue)
    ]
    return own + presets


class SessionToolbar(QToolBar):
    """Search, then a row of short, tall buttons with icons drawn by :mod:`ui.chart.icons`.

    The toolbar only offers the tools: its owner connects their actions to what they do.
    """

    protocol_chosen = Signal(str, list)
    """A protocol picked from the Protocol menu: its name and its (code, side) points."""

    def __init__(self, search: PointSearch, parent: QWidget | None = None) -> None:
        super().__init__(_("Session tools"), parent)
        self.setObjectName("sessionToolbar")
        self.setMovable(False)
        self.setFloatable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setIconSize(QSize(SIZE, SIZE))
        self._style = _RoomyExtension()
        self.setStyle(self._style)
        self._icons: dict[str, QAction] = {}
        height = px(BUTTON_HEIGHT)
        theme.style(
            self,
            STYLE.replace("${button_height}", str(height - 6)).replace("${extension_width}", str(height - 2)),
        )
        self.search = search
        self.addWidget(search)
        self.free_action = self._action(
            _("Free marker"),
            "free_marker",
            "F",
            _("Click the diagram to place intradermal needles; Shift+click works without this tool."),
        )
        self.free_action.setCheckable(True)
        self.apply_action = self._action(
            _("Protocol"),
            "protocol",
            "P",
            _("Add the points of a protocol; nothing already marked is removed."),
        )
        self.apply_menu = QMenu(self)
        self.apply_action.setMenu(self.apply_menu)
        self.repeat_action = self._action(
            _("Repeat last"),
            "repeat",
            "Ctrl+L",
            _("Mark the points and free markers of the previous session."),
        )
        self.save_action = self._action(
            _("Save protocol"),
            "save_protocol",
            "Ctrl+Shift+S",
            _("Save the marked points as one of your protocols."),
        )
        self.reaction_action = self._action(
            _("Session reaction"),
            "session_reaction",
            "Shift+R",
            _(
                "Dizziness, headache, fatigue: a reaction not at one point. (R records one at the selected mark.)"
            ),
        )
        self.fit_action = self._action(_("Fit"), "fit", "0", _("Show the whole diagram again after zooming."))
        self.all_points_action = self._action(
            _("All points"),
            "all_points",
            "A",
            "Show every point at normal zoom. Off: only the points your practice uses most; zoom in "
            "or search (Ctrl+K) for the rest.",
        )
        self.all_points_action.setCheckable(True)
        self.free_tool = self._button(self.free_action, "freeMarkerTool")
        self.apply = self._button(self.apply_action, "applyProtocol")
        self.apply.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.repeat = self._button(self.repeat_action, "repeatLast")
        # What Repeat last brings besides the points, as the practitioner asks (remembered by the editor).
        self.repeat_menu = QMenu(self)
        self.repeat_findings = self.repeat_menu.addAction(_("Also carry over the TCM findings"))
        self.repeat_findings.setCheckable(True)
        self.repeat_techniques = self.repeat_menu.addAction(_("Also repeat the adjunct techniques"))
        self.repeat_techniques.setCheckable(True)
        self.repeat.setMenu(self.repeat_menu)
        self.repeat.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.save = self._button(self.save_action, "saveProtocol")
        self.reaction = self._button(self.reaction_action, "sessionReaction")
        self.fit = self._button(self.fit_action, "fitDiagram")
        self._protocol_source: Callable[[], list[ProtocolChoice]] = list
        self.apply_menu.aboutToShow.connect(self._fill_protocols)
        self.apply_action.triggered.connect(self.apply.showMenu)
        self.all_points = self._button(self.all_points_action, "allPoints")
        keep_drawn(self, self._icons)
        more = self.findChild(QToolButton, "qt_toolbar_ext_button")  # Qt's » for the tools that do not fit
        if more is not None:
            accessible(more, "More tools")
        accessible(self, "Session tools")

    def _action(self, text: str, icon: str, shortcut: str, what: str) -> QAction:
        action = self.addAction(tool_icon(icon), text)
        self._icons[icon] = action
        action.setToolTip(tool_tip(text, shortcut, what))
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            # Only while the chart has the focus: the same keys mean nothing elsewhere in the window.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        return action

    def _button(self, action: QAction, name: str) -> QToolButton:
        button = self.widgetForAction(action)
        assert isinstance(button, QToolButton)
        button.setObjectName(name)
        button.setMinimumHeight(px(BUTTON_HEIGHT))
        return button

    @property
    def actions_with_shortcuts(self) -> list[QAction]:
        """The tools that have a key of their own (the editor listens for them too)."""
        return [
            self.free_action,
            self.apply_action,
            self.repeat_action,
            self.save_action,
            self.reaction_action,
            self.fit_action,
            self.all_points_action,
        ]

    def set_signed(self, signed: bool) -> None:
        """A signed session is read-only here."""
        for action in (self.free_action, self.apply_action, self.repeat_action, self.reaction_action):
            action.setEnabled(not signed)
        if signed:
            self.free_action.setChecked(False)

    def set_protocol_source(self, source: Callable[[], list[ProtocolChoice]]) -> None:
        """Where the Protocol menu's entries come from, asked each time the menu opens."""
        self._protocol_source = source

    def _fill_protocols(self) -> None:
        self.apply_menu.clear()
        section = ""
        for choice in self._protocol_source():
            if choice.section != section:
                section = choice.section
                self.apply_menu.addSection(section)
            action = self.apply_menu.addAction(
                _("{name} ({points} points)").format(name=choice.name, points=len(choice.points))
            )
            if choice.note:
                action.setToolTip(choice.note)
            action.triggered.connect(
                lambda _=False, c=choice: self.protocol_chosen.emit(c.name, list(c.points))
            )
