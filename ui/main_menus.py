"""The main window's menus, filled in just after its first frame (see ``MainWindow.finish_start``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from acuchart.i18n import _

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QKeySequence, QUndoStack
    from PySide6.QtWidgets import QMainWindow, QMenu

    from ui.appearance import Appearance
    from ui.opendata.actions import OpenDataActions
    from ui.printing.menu import DocumentMenu
    from ui.protection.actions import ProtectionActions

    _Window = QMainWindow
else:
    _Window = object


class MainMenus(_Window):
    """File, Edit, Client, View and Help: their items and shortcuts (the Print menu is ``DocumentMenu``'s).

    A part of the main window: the window supplies the menus, the undo history, the document actions
    and the slots named below; this class only says which item calls which, under which key.
    """

    _menus: dict[str, QMenu]
    _documents: DocumentMenu
    _open_data: OpenDataActions
    _appearance: Appearance
    choose_practice_file: Callable[[], None]
    new_practice_file: Callable[[], None]
    open_settings: Callable[[], None]
    focus_search: Callable[[], None]
    new_client: Callable[[], None]
    _edit_current: Callable[[], None]
    _new_session_current: Callable[[], None]
    _open_latest_session: Callable[[], None]
    back_to_client: Callable[[], None]
    show_followups: Callable[[], None]
    toggle_client_list: Callable[[], None]
    edit_note_templates: Callable[[], None]
    open_lot_recall: Callable[[], None]
    back_up_now: Callable[[], None]
    restore_from_backup: Callable[[], None]
    backup_settings: Callable[[], None]
    _about: Callable[[], None]
    check_practice_file: Callable[[], None]
    show_shortcuts: Callable[[], None]
    protection: ProtectionActions

    @property
    def undo_stack(self) -> QUndoStack:
        """The charting's undo history (the window's)."""
        raise NotImplementedError

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: Any,
        tip: str = "",
    ) -> QAction:
        from ui.actions import menu_action

        return menu_action(self, text, shortcut, slot, tip)

    def _build_menus(self) -> None:
        """Fill the menus (their titles are made with the window) with their items and shortcuts."""
        from PySide6.QtGui import QKeySequence

        file_menu = self._menus["&File"]
        file_menu.addAction(
            self._action(_("&Open practice file…"), QKeySequence.StandardKey.Open, self.choose_practice_file)
        )
        file_menu.addAction(
            self._action(
                _("New practice &file…"),
                None,
                self.new_practice_file,
                _("Set up another practice in a file of its own"),
            )
        )
        file_menu.addSeparator()
        file_menu.addAction(self._open_data.import_clients)
        file_menu.addAction(self._open_data.export_practice)
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                _("Practice &settings…"),
                "Ctrl+,",
                self.open_settings,
                _("Practice, practitioner, logo, paper"),
            )
        )
        file_menu.addAction(self._documents.texts)
        file_menu.addAction(
            self._action(
                _("&Note templates…"), None, self.edit_note_templates, _("What to ask for each concern")
            )
        )
        file_menu.addAction(
            self._action(
                _("&Check practice file and photos…"),
                None,
                self.check_practice_file,
                _(
                    "Integrity, the audit trail (also against every backup), and every photo present and unchanged"
                ),
            )
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                _("&Back up now"),
                "Ctrl+Shift+B",
                self.back_up_now,
                _("A verified backup to every place"),
            )
        )
        file_menu.addAction(
            self._action(
                _("&Restore from backup…"),
                None,
                self.restore_from_backup,
                _("Put a backup in place of this practice (the practice as it is now is kept)"),
            )
        )
        file_menu.addAction(
            self._action(
                _("Bac&kups…"),
                None,
                self.backup_settings,
                _("How often, the second place, how many to keep"),
            )
        )
        file_menu.addSeparator()
        protection = self.protection
        for action in (
            protection.lock_now,
            protection.lock_settings,
            protection.protect,
            protection.change,
            protection.remove,
        ):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                _("&Quit"),
                QKeySequence.StandardKey.Quit,
                self.close,
                _("Close AcuChart; everything is already saved"),
            )
        )
        edit_menu = self._menus["&Edit"]
        self._undo_action = self.undo_stack.createUndoAction(self, _("&Undo"))
        self._undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self._redo_action = self.undo_stack.createRedoAction(self, _("&Redo"))
        self._redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self._undo_action.setProperty("shortcutsName", "Undo")  # Help → Keyboard shortcuts (ui/shortcuts.py)
        self._redo_action.setProperty("shortcutsName", "Redo")
        edit_menu.addAction(self._undo_action)
        edit_menu.addAction(self._redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(
            self._action(_("&Find client"), "Ctrl+F", self.focus_search, _("Jump to the client search"))
        )
        client_menu = self._client_menu = self._menus["&Client"]
        client_menu.addAction(self._action(_("&New client…"), QKeySequence.StandardKey.New, self.new_client))
        self._edit_client_action = self._action(_("&Edit client…"), "Ctrl+E", self._edit_current)
        client_menu.addAction(self._edit_client_action)
        self._new_session_action = self._action(
            _("New &session"),
            "Ctrl+Shift+N",
            self._new_session_current,
            _("Start charting a session for this client"),
        )
        client_menu.addAction(self._new_session_action)
        client_menu.addAction(
            self._action(
                _("Open &latest session"),
                "Ctrl+Shift+L",
                self._open_latest_session,
                _("Go back to this client's last chart"),
            )
        )
        self._back_action = self._action(
            _("&Back to client"), "Esc", self.back_to_client, _("Leave the session chart")
        )
        self._back_action.setEnabled(False)
        client_menu.addAction(self._back_action)
        view_menu = self._menus["&View"]
        self._followups_action = self._action(
            _("&Follow-ups"),
            "Ctrl+Shift+F",
            self.show_followups,
            _("Open reactions, overdue courses, maintenance due"),
        )
        view_menu.addAction(self._followups_action)
        view_menu.addAction(
            self._action(
                _("Client &list"), "Ctrl+\\", self.toggle_client_list, _("Show or hide the client list")
            )
        )
        view_menu.addAction(self._open_data.reaction_map)
        view_menu.addAction(
            self._action(
                _("Needle lot &recall…"),
                None,
                self.open_lot_recall,
                _("Every session that used a needle lot"),
            )
        )
        view_menu.addSeparator()
        view_menu.addMenu(self._appearance.menu)  # follow the system, light, dark, high contrast
        help_menu = self._menus["&Help"]
        help_menu.addAction(
            self._action(
                _("&Keyboard shortcuts"), "Ctrl+/", self.show_shortcuts, _("Every key AcuChart answers to")
            )
        )
        help_menu.addAction(self._action(_("&About AcuChart"), None, self._about))
