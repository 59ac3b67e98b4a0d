"""The tools above the diagram: point search, free marker tool, protocols, session reaction, fit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QToolButton, QWidget

from acuchart.protocols import load_presets
from ui.chart.point_search import PointSearch

if TYPE_CHECKING:
    from ui.chart.session_editor import SessionEditor


def _button(text: str, tip: str, checkable: bool = False) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    button.setCheckable(checkable)
    button.setMinimumHeight(36)
    return button


class SessionToolbar(QWidget):
    """A row of large buttons, comfortable for gloved hands."""

    def __init__(self, search: PointSearch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionToolbar")
        self.search = search
        self.free_tool = _button(
            "✚ Free marker", "Click on the diagram to place free markers (F); Shift+click works too", True
        )
        self.free_tool.setObjectName("freeMarkerTool")
        self.apply = QToolButton()
        self.apply.setObjectName("applyProtocol")
        self.apply.setText("Apply protocol ▾")
        self.apply.setToolTip("Add the points of a protocol; nothing already marked is removed")
        self.apply.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.apply.setMinimumHeight(36)
        self.apply_menu = QMenu(self.apply)
        self.apply.setMenu(self.apply_menu)
        self.repeat = _button("↻ Repeat last", "Mark the points and free markers of the previous session")
        self.repeat.setObjectName("repeatLast")
        self.save = _button("Save as protocol…", "Save the marked points as one of your protocols")
        self.reaction = _button(
            "Session reaction…", "Dizziness, headache, fatigue: a reaction not at one point"
        )
        self.fit = _button("Fit", "Show the whole diagram (0)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(search, 1)
        for widget in (self.free_tool, self.apply, self.repeat, self.save, self.reaction, self.fit):
            layout.addWidget(widget)
        self._editor: SessionEditor | None = None

    def connect_editor(self, editor: SessionEditor) -> None:
        """Wire the buttons to the editor's actions."""
        self._editor = editor
        self.free_tool.toggled.connect(
            lambda on: [setattr(v, "free_tool", on) for v in editor.views.values()]
        )
        self.apply_menu.aboutToShow.connect(self._fill_protocols)
        self.repeat.clicked.connect(editor.repeat_last)
        self.save.clicked.connect(editor.save_as_protocol)
        self.reaction.clicked.connect(lambda: editor.reaction_dialog(None))
        self.fit.clicked.connect(lambda: editor.current_view.fit())

    def set_signed(self, signed: bool) -> None:
        """A signed session is read-only here."""
        for widget in (self.free_tool, self.apply, self.repeat, self.reaction):
            widget.setEnabled(not signed)

    def _fill_protocols(self) -> None:
        editor = self._editor
        assert editor is not None
        self.apply_menu.clear()
        own = editor.service.list_protocols()
        if own:
            self.apply_menu.addSection("Your protocols")
            for protocol in own:
                action = self.apply_menu.addAction(f"{protocol.name} ({len(protocol.points)} points)")
                action.triggered.connect(
                    lambda _=False, p=protocol: editor.apply_points(p.name, list(p.points))
                )
        self.apply_menu.addSection("Starting protocols")
        for preset in load_presets(editor.service.catalogue):
            action = self.apply_menu.addAction(f"{preset.name} ({len(preset.points)} points)")
            action.setToolTip(preset.note)
            points = [(p.code, p.side) for p in preset.points]
            action.triggered.connect(lambda _=False, n=preset.name, pts=points: editor.apply_points(n, pts))

    def diagram_menu(self, editor: SessionEditor) -> QMenu:
        """The menu on the diagram away from any mark."""
        menu = QMenu(self)
        menu.addAction("Record a session reaction…").triggered.connect(lambda: editor.reaction_dialog(None))
        menu.addAction("Repeat last session").triggered.connect(editor.repeat_last)
        menu.addAction("Fit to window").triggered.connect(lambda: editor.current_view.fit())
        return menu
