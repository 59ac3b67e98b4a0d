"""Help → Keyboard shortcuts: every key the app answers to, read from the actions themselves.

The list is gathered from the live actions (the menus, the session chart's tools and keys) and the print
preview's own table, so it cannot drift from what the keys do.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from acuchart.i18n import _
from ui.accessibility import accessible
from ui.style import mute

Section = tuple[str, list[tuple[str, str]]]
"""A heading and its rows: what the key does, and the keys."""

MOUSE_AND_KEYS_IN_PLACE = (
    "With the mouse on a diagram: click a point to mark it, Shift+click places a free marker, right-click "
    "a marked point for its reactions and needling details, the wheel zooms. In the client search, Down "
    "moves into the list and Enter opens the first match."
)


def plain(text: str) -> str:
    """A menu text without its ``&`` accelerator marks and trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…").strip()


DEVICE_KEYS = (range(0x0100003C, 0x01000053), range(0x01000061, 0x01100000))
"""Qt's key codes for F13–F35 and the dedicated keys of some keyboards (Open, Undo, Zoom In…): bindings a
platform adds to its standard shortcuts, not keys to tell anyone to press."""
NAME_PROPERTY = "shortcutsName"
"""An action whose text changes as it is used (Undo Mark ST2) names itself for the list with this property."""


def keys_text(sequences: Iterable[QKeySequence]) -> str:
    """Every binding of an action, as this platform writes keys (Ctrl+P, ⌘P), device keys left out."""
    written = [
        s.toString(QKeySequence.SequenceFormat.NativeText)
        for s in sequences
        if not s.isEmpty() and not is_device_key(s)
    ]
    return ", ".join(dict.fromkeys(written))


def is_device_key(sequence: QKeySequence) -> bool:
    """Whether the sequence starts with a key most keyboards lack (see :data:`DEVICE_KEYS`)."""
    key = sequence[0].key().value  # type: ignore[index]
    return any(key in keys for keys in DEVICE_KEYS)


def action_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """The actions that have a key: (what it does, the keys); the same action listed once."""
    rows: dict[str, list[str]] = {}
    for action in actions:
        menu = action.menu()
        if isinstance(menu, QMenu) and not action.shortcuts():
            continue
        keys = keys_text(action.shortcuts())
        name = action.property(NAME_PROPERTY)
        text = plain(name if isinstance(name, str) and name else action.text())
        if keys and text:
            found = rows.setdefault(text, [])
            if keys not in found:
                found.append(keys)
    return [(text, ", ".join(keys)) for text, keys in rows.items()]


def menu_sections(menus: Sequence[QMenu]) -> list[Section]:
    """One section per menu, with the items (and their submenus' items) that have keys."""
    sections: list[Section] = []
    for menu in menus:
        actions: list[QAction] = []
        for action in menu.actions():
            sub = action.menu()
            actions.extend(sub.actions() if isinstance(sub, QMenu) else [action])
        rows = action_rows(actions)
        if rows:
            sections.append((_("{plain} menu").format(plain=plain(menu.title())), rows))
    return sections


def keyed_sections(
    sections: Sequence[tuple[str, Sequence[tuple[QKeySequence.StandardKey | str, str]]]],
) -> list[Section]:
    """Sections from tables of (keys, what they do) that build actions elsewhere (the print preview)."""
    found: list[Section] = []
    for heading, table in sections:
        rows: dict[str, list[str]] = {}
        for keys, text in table:
            sequences = (
                QKeySequence.keyBindings(keys)
                if isinstance(keys, QKeySequence.StandardKey)
                else [QKeySequence(keys)]
            )
            written = keys_text(sequences)
            if written and written not in rows.setdefault(text, []):
                rows[text].append(written)
        found.append((heading, [(text, ", ".join(k)) for text, k in rows.items()]))
    return found


class ShortcutsDialog(QDialog):
    """The shortcuts, section by section, with the mouse and in-place keys noted below."""

    def __init__(self, sections: Sequence[Section], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.tree = QTreeWidget()
        accessible(self.tree, "Keyboard shortcuts", _("What each key does, menu by menu"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([_("What"), _("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        for heading, rows in sections:
            top = QTreeWidgetItem([heading])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            self.tree.addTopLevelItem(top)
            for text, keys in rows:
                top.addChild(QTreeWidgetItem([text, keys]))
            top.setExpanded(True)
            top.setFirstColumnSpanned(True)
        note = QLabel(MOUSE_AND_KEYS_IN_PLACE)
        note.setWordWrap(True)
        mute(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(560, 640)

    def rows(self) -> list[tuple[str, str, str]]:
        """Every row shown: (section, what, keys); for tests and for reading aloud."""
        found = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            children = [top.child(j) for j in range(top.childCount())] if top is not None else []
            found += [
                (top.text(0), c.text(0), c.text(1)) for c in children if top is not None and c is not None
            ]
        return found
