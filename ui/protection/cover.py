"""The cover a locked window shows over its contents, and on the window in front, the unlock form."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acuchart.i18n import _
from acuchart.services.access import PIN_DIGITS

if TYPE_CHECKING:
    from acuchart.practice import Practice
    from acuchart.services.access import UnlockMethod

ALIGN_CENTER = 0x84


class Unlocker(Protocol):
    """What the form needs of the lock (:class:`ui.protection.lock_screen.Lock`)."""

    def unlock(self, method: UnlockMethod) -> None: ...

    def refused(self, method: UnlockMethod) -> int: ...


class Cover(QWidget):
    """An opaque panel over a whole window; ``with_form`` adds the unlock form."""

    def __init__(self, window: QWidget, practice: Practice, *, with_form: bool, lock: Unlocker) -> None:
        super().__init__(window)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self._practice = practice
        self._lock = lock
        self.has_form = with_form
        self.field: QLineEdit | None = None
        self.unlock_button: QPushButton | None = None
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("lockMessage")
        self._wait = QTimer(self, interval=1000)
        self._wait.timeout.connect(self._tick)
        self._seconds_left = 0
        column = QVBoxLayout(self)
        column.addStretch(2)
        title = QLabel(_("AcuChart is locked"))
        title.setObjectName("lockTitle")
        font = title.font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.6)
        else:  # the application's font is set in pixels
            font.setPixelSize(round(font.pixelSize() * 1.6))
        font.setBold(True)
        title.setFont(font)
        title.setProperty("alignment", ALIGN_CENTER)
        column.addWidget(title)
        if with_form:
            self._build_form(column)
        else:
            elsewhere = QLabel(_("Unlock it in the window in front."))
            elsewhere.setProperty("alignment", ALIGN_CENTER)
            column.addWidget(elsewhere)
        column.addStretch(3)

    def _build_form(self, column: QVBoxLayout) -> None:
        access = self._practice.access
        if access.protected and access.pin_allowed:
            ask = _("Type the practice's passphrase, or your PIN, to go on where you left off.")
            placeholder = _("Passphrase or PIN")
        elif access.protected:
            ask = _("Type the practice's passphrase to go on where you left off.")
            placeholder = _("Passphrase")
        elif access.pin_allowed:
            ask = _("Type your PIN to go on where you left off.")
            placeholder = _("PIN")
        else:
            ask = _(
                "Nothing you were doing was lost. Set a PIN, or protect the practice with a passphrase "
                "(File menu), so that only you can unlock it."
            )
            placeholder = ""
        words = QLabel(ask)
        words.setWordWrap(True)
        words.setProperty("alignment", ALIGN_CENTER)
        words.setFixedWidth(460)  # wrapped at a reading width, never squeezed to a sliver
        words.setMinimumHeight(words.heightForWidth(460))  # an aligned item gets no height-for-width
        column.addWidget(words, 0, _centre())
        row = QHBoxLayout()
        row.addStretch(1)
        if placeholder:
            self.field = QLineEdit()
            self.field.setObjectName("unlockField")
            self.field.setEchoMode(QLineEdit.EchoMode.Password)
            self.field.setPlaceholderText(placeholder)
            self.field.setAccessibleName(placeholder)
            self.field.setMinimumWidth(280)
            self.field.returnPressed.connect(self.try_unlock)
            row.addWidget(self.field)
        self.unlock_button = QPushButton(_("Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        row.addWidget(self.unlock_button)
        row.addStretch(1)
        column.addLayout(row)
        self.message.setProperty("alignment", ALIGN_CENTER)
        column.addWidget(self.message)

    def fit(self) -> None:
        """Fill the window."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
            self.raise_()

    def activate(self) -> None:
        """Bring the form's window forward and put the cursor in the field."""
        self.window().activateWindow()
        target = self.field or self.unlock_button
        if target is not None:
            target.setFocus()

    def try_unlock(self) -> None:
        """Check what was typed; unlock, or say it did not match and wait a little after several tries."""
        if self._seconds_left > 0:
            return
        access = self._practice.access
        if self.field is None:
            self._lock.unlock("click")
            return
        typed = self.field.text()
        if not typed:
            self.message.setText(_("Type it first, then press Enter."))
            return
        is_pin = typed.isdigit() and len(typed) <= PIN_DIGITS[1]  # a passphrase is longer than any PIN
        method: UnlockMethod = "pin" if is_pin else "passphrase"
        QApplication.setOverrideCursor(_busy())
        try:
            ok = access.pin_matches(typed) if is_pin else access.passphrase_matches(typed)
        finally:
            QApplication.restoreOverrideCursor()
        self.field.clear()
        if ok:
            self._lock.unlock(method)
            return
        wait = self._lock.refused(method)
        said = _("That does not unlock AcuChart. Check Caps Lock and try again.")
        if access.has_pin() and not access.pin_allowed and access.protected:
            said = _("Too many wrong PINs: type the passphrase to unlock.")
        self.message.setText(said)
        if wait:
            self._seconds_left = wait
            self._set_waiting(True)
            self._tick_text()
            self._wait.start()

    def _tick(self) -> None:
        self._seconds_left -= 1
        if self._seconds_left <= 0:
            self._wait.stop()
            self._set_waiting(False)
            self.message.setText(_("Try again."))
            if self.field is not None:
                self.field.setFocus()
            return
        self._tick_text()

    def _tick_text(self) -> None:
        self.message.setText(
            _("Several wrong tries: wait {seconds} s, then try again.").format(seconds=self._seconds_left)
        )

    def _set_waiting(self, waiting: bool) -> None:
        if self.field is not None:
            self.field.setEnabled(not waiting)
        if self.unlock_button is not None:
            self.unlock_button.setEnabled(not waiting)


def _centre() -> Qt.AlignmentFlag:
    return Qt.AlignmentFlag.AlignHCenter


def _busy() -> Qt.CursorShape:
    return Qt.CursorShape.WaitCursor
