"""The passphrase dialogs: unlocking a protected practice at opening, and choosing a new passphrase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from acuchart.errors import AcuChartError
from acuchart.i18n import _
from ui.protection.lock_screen import retry_delay

TEXT_WIDTH = 440


class UnlockDialog(QDialog):
    """Asks for a protected practice's passphrase (or its recovery key) and opens it.

    ``opened`` holds the practice once it opened; a wrong passphrase is said in the dialog, without saying
    what was wrong, and after three wrong tries each next one waits a little longer."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from acuchart.practice import Practice

        self._path = path
        self.opened: Practice | None = None
        self.failures = 0
        self.setWindowTitle(_("Unlock {file}").format(file=path.name))
        column = QVBoxLayout(self)
        words = QLabel(
            _(
                "<b>{file}</b> is protected. Type its passphrase to open it."
                "<br>Lost it? Tick “Use the recovery key” and type the key from the printed page."
            ).format(file=path.name)
        )
        words.setWordWrap(True)
        words.setFixedWidth(
            TEXT_WIDTH
        )  # a wrapped label is given the height of its text only at a fixed width
        column.addWidget(words)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(_("Passphrase"))
        self.field.setAccessibleName(_("Passphrase"))
        self.field.setMinimumWidth(360)
        column.addWidget(self.field)
        self.use_recovery = QCheckBox(_("Use the &recovery key instead"))
        self.use_recovery.toggled.connect(self._recovery_toggled)
        column.addWidget(self.use_recovery)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("unlockMessage")
        self.message.setFixedWidth(TEXT_WIDTH)
        column.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.try_open)
        self.buttons.rejected.connect(self.reject)
        column.addWidget(self.buttons)
        self._wait = QTimer(self, interval=1000)
        self._wait.timeout.connect(self._tick)
        self._seconds = 0

    def _recovery_toggled(self, on: bool) -> None:
        self.field.clear()
        self.field.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(_("Recovery key, e.g. 0123-4567-…") if on else _("Passphrase"))
        self.field.setAccessibleName(_("Recovery key") if on else _("Passphrase"))
        self.field.setFocus()

    def try_open(self) -> None:
        """Open the practice with what was typed; say so in the dialog when it does not."""
        from acuchart.practice import Practice

        typed = self.field.text()
        if not typed.strip():
            self.message.setText(
                _("Type the passphrase first.")
                if not self.use_recovery.isChecked()
                else _("Type the recovery key first.")
            )
            return
        try:
            if self.use_recovery.isChecked():
                from acuchart.encryption import unlock_key

                key = unlock_key(self._path, recovery_key=typed)
                self.opened = Practice.open(self._path, key=key)
                self._new_passphrase(key)
            else:
                self.opened = Practice.open(self._path, passphrase=typed)
        except AcuChartError as exc:
            self.failures += 1
            self.field.selectAll()
            delay = retry_delay(self.failures)
            self.message.setText(str(exc))
            self.adjustSize()
            if delay:
                self._seconds = delay
                self._set_waiting(True)
            return
        self.accept()

    def _new_passphrase(self, key: bytes) -> None:
        """Opened with the recovery key: the passphrase was lost (or the key file), so a new one is set now."""
        from acuchart.encryption import change_passphrase
        from acuchart.protection.keys import key_file_path
        from ui.messages import warn

        dialog = PassphraseDialog(self, protecting=False)
        dialog.setWindowTitle(_("Set a new passphrase"))
        if dialog.exec() != PassphraseDialog.DialogCode.Accepted:
            if not key_file_path(self._path).exists():
                warn(
                    self,
                    _(
                        "The practice is open, but its key file is missing: until a new passphrase is set "
                        "(File → Change the passphrase…), only the recovery key opens it."
                    ),
                    _("No new passphrase"),
                )
            return
        change_passphrase(self._path, key, dialog.passphrase)
        if self.opened is not None:
            self.opened.access.record_protection("passphrase set with the recovery key")

    def _set_waiting(self, waiting: bool) -> None:
        self.field.setEnabled(not waiting)
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(not waiting)  # Cancel stays
        if waiting:
            self._wait.start()
            self._tick_text()
        else:
            self._wait.stop()
            self.field.setFocus()

    def _tick(self) -> None:
        self._seconds -= 1
        if self._seconds <= 0:
            self._set_waiting(False)
        else:
            self._tick_text()

    def _tick_text(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setText(
            _("Wait {seconds} s").format(seconds=self._seconds)
        )
        if self._seconds <= 1:
            self.buttons.button(QDialogButtonBox.StandardButton.Open).setText(_("&Open"))


class PassphraseDialog(QDialog):
    """A new passphrase, typed twice; for protecting a practice, with what the recovery key is for."""

    def __init__(self, parent: QWidget | None, *, protecting: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Protect with a passphrase") if protecting else _("Change the passphrase"))
        column = QVBoxLayout(self)
        if protecting:
            text = _(
                "The practice file will be encrypted: without the passphrase nobody can read it, on this computer "
                "or any other.<br><br>Next, AcuChart makes a <b>recovery key</b> page. Print it and keep it "
                "somewhere safe: it opens the practice if the passphrase is forgotten. <b>Without the passphrase "
                "and the recovery key, nobody can recover the records, not even AcuChart's makers.</b>"
            )
        else:
            text = _("Type the new passphrase twice. The recovery key stays the same.")
        words = QLabel(text)
        words.setWordWrap(True)
        words.setFixedWidth(TEXT_WIDTH)
        column.addWidget(words)
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setPlaceholderText(_("New passphrase (10 characters or more; a few unrelated words)"))
        self.first.setAccessibleName(_("New passphrase"))
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setPlaceholderText(_("The same passphrase again"))
        self.second.setAccessibleName(_("The same passphrase again"))
        column.addWidget(self.first)
        column.addWidget(self.second)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setFixedWidth(TEXT_WIDTH)
        column.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            _("&Continue") if protecting else _("&Change")
        )
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)

    @property
    def passphrase(self) -> str:
        return self.first.text()

    def check(self) -> None:
        """Accept only a strong enough passphrase typed the same twice."""
        from acuchart.protection.keys import check_passphrase

        problem = check_passphrase(self.first.text())
        if problem:
            self.message.setText(problem)
            self.adjustSize()
            self.first.setFocus()
            return
        if self.first.text() != self.second.text():
            self.message.setText(_("The two passphrases differ. Type the same one in both fields."))
            self.adjustSize()
            self.second.selectAll()
            self.second.setFocus()
            return
        self.accept()
