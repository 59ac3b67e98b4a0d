"""The File menu's protection items: Lock now, Protect with a passphrase…, Change passphrase…, Remove the
passphrase…, and Lock and PIN…; and the idle lock of the open practice."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from acuchart.errors import AcuChartError
from acuchart.i18n import _
from ui.messages import warn
from ui.protection.lock_screen import Lock

if TYPE_CHECKING:
    from acuchart.encryption import NewProtection
    from acuchart.practice import Practice

Conversion = Callable[[Path, Callable[[float, str], None]], "bytes | None"]
"""Converts the closed practice file and returns the key to open it with afterwards (None: plain)."""

LOCK_SHORTCUT = "Ctrl+Shift+K"
"""Lock now (Ctrl+L is Repeat last, Ctrl+Shift+L Open latest session)."""


class ProtectionActions(QObject):
    """The protection items of one main window, and its idle lock."""

    conversion_requested = Signal(str, object)
    """(what is being done, a :data:`Conversion`): the practice must be closed, converted and reopened."""

    def __init__(self, window: QWidget, practice: Practice) -> None:
        super().__init__(window)
        self._window = window
        self._practice = practice
        self.lock = Lock(practice, window)
        self.lock_now = self._action(_("&Lock now"), LOCK_SHORTCUT, lambda: self.lock.lock("asked"))
        self.lock_now.setStatusTip(
            _("Hide the records behind the lock screen until the passphrase or PIN is typed")
        )
        self.protect = self._action(_("&Protect with a passphrase…"), None, self.start_protecting)
        self.protect.setStatusTip(_("Encrypt the practice file; a recovery key page is made first"))
        self.change = self._action(_("C&hange the passphrase…"), None, self.change_passphrase)
        self.remove = self._action(_("Remove the passphrase…"), None, self.remove_passphrase)
        self.lock_settings = self._action(_("Lock and P&IN…"), None, self.edit_lock_settings)
        self.update_enabled()

    def _action(self, text: str, shortcut: str | None, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def update_enabled(self) -> None:
        """Offer protecting a plain practice, and changing or removing the passphrase of a protected one."""
        protected = self._practice.protected
        has_file = self._practice.path is not None
        self.protect.setEnabled(has_file and not protected)
        self.change.setEnabled(protected)
        self.remove.setEnabled(protected)

    def stop(self) -> None:
        """The window is closing: stop watching for idle time."""
        self.lock.stop()

    # --- protecting ---------------------------------------------------------------------------------
    def start_protecting(self) -> bool:
        """Ask for a passphrase, save the recovery key page, then ask for the file to be converted.

        Cancelling at any step leaves the practice exactly as it was. Returns True when the conversion was
        asked for."""
        from acuchart.encryption import protect

        protection = ask_protection(self._window, self._practice)
        if protection is None:
            return False
        actor = self._practice.store.actor

        def convert(practice_path: Path, progress: Callable[[float, str], None]) -> bytes | None:
            protect(practice_path, protection, progress=progress, actor=actor)
            return protection.data_key

        self.conversion_requested.emit(_("Protecting the practice…"), convert)
        return True

    def _ask_passphrase(self, why: str) -> bytes | None:
        """The practice's data key, from its passphrase typed again (None when cancelled or wrong)."""
        from acuchart.encryption import unlock_key

        path = self._practice.path
        if path is None:
            return None
        typed, ok = QInputDialog.getText(
            self._window, why, _("Type the practice's current passphrase:"), QLineEdit.EchoMode.Password
        )
        if not ok:
            return None
        try:
            return unlock_key(path, passphrase=typed)
        except AcuChartError as exc:
            warn(self._window, str(exc), _("Nothing was changed"))
            return None

    def change_passphrase(self) -> None:
        """A new passphrase for the protected practice (the practice stays open)."""
        from acuchart.encryption import change_passphrase
        from ui.protection.dialogs import PassphraseDialog

        path = self._practice.path
        key = self._ask_passphrase(_("Change the passphrase"))
        if key is None or path is None:
            return
        dialog = PassphraseDialog(self._window, protecting=False)
        if dialog.exec() != PassphraseDialog.DialogCode.Accepted:
            return
        try:
            change_passphrase(path, key, dialog.passphrase)
            self._practice.access.record_protection("passphrase changed")
        except AcuChartError as exc:
            warn(self._window, str(exc), _("The passphrase was not changed"))
            return
        QMessageBox.information(
            self._window,
            _("Passphrase changed"),
            _("The new passphrase opens the practice from now on. The recovery key is the same as before."),
        )

    def remove_passphrase(self) -> None:
        """Turn the practice back into a plain file (confirmed with its passphrase)."""
        from acuchart.encryption import unprotect

        key = self._ask_passphrase(_("Remove the passphrase"))
        if key is None:
            return
        actor = self._practice.store.actor

        def convert(practice_path: Path, progress: Callable[[float, str], None]) -> bytes | None:
            unprotect(practice_path, key, progress=progress, actor=actor)
            return None

        self.conversion_requested.emit(_("Removing the passphrase…"), convert)

    # --- the idle lock ------------------------------------------------------------------------------
    def edit_lock_settings(self) -> None:
        """How long without input before the lock, and the PIN that unlocks it."""
        access = self._practice.access
        minutes, ok = QInputDialog.getInt(
            self._window,
            _("Lock and PIN"),
            _("Lock every window after this many minutes without input (0: never):"),
            access.lock_after_minutes(),
            0,
            240,
        )
        if not ok:
            return
        try:
            access.set_lock_after_minutes(minutes)
        except AcuChartError as exc:
            warn(self._window, str(exc))
            return
        self.lock.set_idle_minutes(minutes)
        pin, ok = QInputDialog.getText(
            self._window,
            _("Lock and PIN"),
            _(
                "A PIN of 4 to 8 digits unlocks the lock screen faster than the passphrase.\n"
                "Type a new PIN, or leave it empty to keep things as they are (type 0 alone to remove the PIN):"
            )
            if access.has_pin()
            else _(
                "A PIN of 4 to 8 digits unlocks the lock screen faster than the passphrase.\n"
                "Type a new PIN, or leave it empty to keep things as they are:"
            ),
            QLineEdit.EchoMode.Password,
        )
        if not ok or not pin:
            return
        try:
            if pin == "0" and access.has_pin():
                access.clear_pin()
            else:
                access.set_pin(pin)
        except AcuChartError as exc:
            warn(self._window, str(exc), _("The PIN was not changed"))


def ask_protection(parent: QWidget, practice: Practice) -> NewProtection | None:
    """The steps before a practice is protected: a passphrase typed twice, and the recovery key page saved
    (to print). None when the practitioner cancels at any step: nothing is changed then."""
    from acuchart.encryption import new_protection
    from acuchart.protection.keys import key_id
    from acuchart.reports.documents import recovery_key_page, save
    from ui.protection.dialogs import PassphraseDialog

    if practice.path is None:
        return None
    dialog = PassphraseDialog(parent, protecting=True)
    if dialog.exec() != PassphraseDialog.DialogCode.Accepted:
        return None
    protection = new_protection(dialog.passphrase)
    page = recovery_key_page(practice, protection.recovery_key, key_id(protection.data_key))
    default = str(Path.home() / page.file_name)
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, _("Save the recovery key page (then print it)"), default, _("PDF documents (*.pdf)")
    )
    if not chosen:
        return None
    try:
        written = save(page, chosen, protected=practice.protected_places())
    except AcuChartError as exc:
        warn(parent, str(exc), _("The recovery key page was not saved"))
        return None
    answer = QMessageBox.question(
        parent,
        _("Protect the practice now?"),
        _(
            "The recovery key page is saved as {file}. Print it now and keep the paper somewhere safe, away "
            "from this computer; then delete the file.\n\nProtect the practice now? It is backed up first, and "
            "closed and opened again (a few seconds)."
        ).format(file=written),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
    )
    return protection if answer == QMessageBox.StandardButton.Yes else None


def protect_new_practice(parent: QWidget, practice: Practice) -> Practice:
    """First-run set-up: protect the practice just made (it is small, so this takes a moment); returns the
    practice to show, protected or (when cancelled or refused) as it was."""
    from acuchart.encryption import protect
    from acuchart.practice import Practice as Opened

    protection = ask_protection(parent, practice)
    path = practice.path
    if protection is None or path is None:
        return practice
    actor = practice.store.actor
    practice.close()
    try:
        protect(path, protection, actor=actor)
    except AcuChartError as exc:
        warn(parent, str(exc), _("The practice was not protected"))
    return Opened.open(path)
