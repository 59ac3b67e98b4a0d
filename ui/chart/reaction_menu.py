"""Recording reactions: the context menu on a mark (its first entry: "Bruising — mild") and the dialog."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from acuchart.i18n import _
from acuchart.models import (
    ONSETS,
    REACTION_KINDS_AT_POINT,
    REACTION_KINDS_SESSION,
    SEVERITIES,
    Mark,
    Reaction,
)
from ui.style import px

QUICK_REACTIONS: tuple[tuple[str, str], ...] = (
    ("bruising", "mild"),
    ("redness", "mild"),
    ("soreness", "mild"),
)
"""The menu's first entries, the common cases recorded in one click after the right-click."""


class MarkMenuActions:
    """What a mark's menu can ask the editor to do (the editor implements these)."""

    def quick_reaction(self, mark_id: int | None, kind: str, severity: str) -> None:
        """Record a reaction with onset "during" and no note."""
        raise NotImplementedError

    def reaction_dialog(self, mark_id: int | None, reaction: Reaction | None = None) -> None:
        """Open the reaction dialog to record a new reaction or edit one."""
        raise NotImplementedError

    def delete_reaction(self, reaction: Reaction) -> None:
        """Remove a reaction recorded in error."""
        raise NotImplementedError

    def edit_needles(self, mark_id: int) -> None:
        """Ask for a new needle count (and a free marker's label)."""
        raise NotImplementedError

    def remove_marks(self, mark_ids: list[int]) -> None:
        """Unmark points, delete free markers."""
        raise NotImplementedError

    def needling_details(self, mark_id: int) -> None:
        """Angle, depth, stimulation and retention at a mark (and the other marks selected with it)."""
        raise NotImplementedError


def _add(menu: QMenu, text: str, slot: Callable[[], None]) -> None:
    action = menu.addAction(text)
    action.triggered.connect(lambda _checked=False: slot())


def mark_menu(
    parent: QWidget, mark: Mark, reactions: tuple[Reaction, ...], actions: MarkMenuActions
) -> QMenu:
    """The menu for one mark: quick reactions first, then its reactions, needles and removal."""
    menu = QMenu(parent)
    menu.setObjectName("markMenu")
    menu.setStyleSheet("QMenu#markMenu::item { padding: 9px 28px 9px 20px; }")  # room for gloved fingers
    labels = dict(REACTION_KINDS_AT_POINT)
    for kind, severity in QUICK_REACTIONS:
        _add(
            menu,
            f"{labels[kind]} — {severity}",
            partial(actions.quick_reaction, mark.id, kind, severity),
        )
    more = menu.addMenu(_("More reactions"))
    for kind, label in REACTION_KINDS_AT_POINT:
        sub = more.addMenu(label)
        for severity in SEVERITIES:
            _add(sub, severity.capitalize(), partial(actions.quick_reaction, mark.id, kind, severity))
    _add(menu, _("Record reaction with details…\tR"), lambda: actions.reaction_dialog(mark.id))
    if reactions:
        menu.addSeparator()
        for reaction in reactions:
            sub = menu.addMenu(f"{reaction.label} ({dict(ONSETS)[reaction.onset].lower()})")
            _add(sub, _("Edit…"), partial(actions.reaction_dialog, mark.id, reaction))
            _add(sub, _("Delete (recorded in error)"), partial(actions.delete_reaction, reaction))
    menu.addSeparator()
    if mark.is_free:
        _add(
            menu,
            _("Edit label and needles ({needles})…").format(needles=mark.needles),
            lambda: actions.edit_needles(mark.id),
        )
        _add(menu, _("Delete free marker\tDel"), lambda: actions.remove_marks([mark.id]))
    else:
        _add(
            menu,
            _("Needles here: {needles}…").format(needles=mark.needles),
            lambda: actions.edit_needles(mark.id),
        )
    _add(
        menu,
        _("Needling details (angle, depth, stimulation, retention)…"),
        lambda: actions.needling_details(mark.id),
    )
    if not mark.is_free:
        _add(
            menu, _("Unmark {title}	Del").format(title=mark.title), lambda: actions.remove_marks([mark.id])
        )
    return menu


class ReactionDialog(QDialog):
    """Kind, severity, onset and note of a reaction, at a point or for the whole session."""

    def __init__(
        self,
        at_point: bool,
        where: str,
        reaction: Reaction | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reactionDialog")
        self.setWindowTitle(_("Reaction {where}").format(where=where) if where else _("Reaction"))
        self.kind = QComboBox()
        for key, label in REACTION_KINDS_AT_POINT if at_point else REACTION_KINDS_SESSION:
            self.kind.addItem(label, key)
        self.severity = QButtonGroup(self)
        severity_row = QHBoxLayout()
        for i, severity in enumerate(SEVERITIES):
            button = QPushButton(severity.capitalize())
            button.setCheckable(True)
            button.setMinimumHeight(px(40))
            self.severity.addButton(button, i)
            severity_row.addWidget(button)
        self.onset = QComboBox()
        for key, label in ONSETS:
            self.onset.addItem(label, key)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(_("What you saw, what you advised (optional)"))
        self.note.setMaximumHeight(px(90))
        # Off unless chosen: a note is the practitioner's record until it is meant for the client.
        self.note_for_client = QCheckBox(_("Print this note on the client's handout"))
        self.note_for_client.setObjectName("noteForClient")
        self.note_for_client.setToolTip(
            _(
                "Left off, the note stays in the record (and the chart export) and is not printed for the client"
            )
        )
        current = reaction
        self.kind.setCurrentIndex(
            max(0, self.kind.findData(current.kind if current else self.kind.itemData(0)))
        )
        self.severity.button(SEVERITIES.index(current.severity) if current else 0).setChecked(True)
        self.onset.setCurrentIndex(max(0, self.onset.findData(current.onset if current else "during")))
        self.note.setPlainText(current.note if current else "")
        self.note_for_client.setChecked(current.note_shown_to_client if current else False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("Reaction"), self.kind)
        form.addRow(_("Severity"), severity_row)
        form.addRow(_("Onset"), self.onset)
        form.addRow(_("Note"), self.note)
        form.addRow("", self.note_for_client)
        form.addRow(buttons)

    def fields(self) -> dict[str, Any]:
        """What was chosen, as the service's keyword arguments."""
        return {
            "kind": str(self.kind.currentData()),
            "severity": SEVERITIES[max(0, self.severity.checkedId())],
            "onset": str(self.onset.currentData()),
            "note": self.note.toPlainText(),
            "note_shown_to_client": self.note_for_client.isChecked(),
        }
