"""Who may see the records now: locking when idle, unlocking with the passphrase or a PIN, all in the audit trail.

The idle lock itself is the front end's (it hides every window); what it needs from the core is here: the
time it waits, a PIN to check, the passphrase to check, and an audit entry each time the practice is
locked, unlocked, or an unlock is refused. The PIN is kept as an Argon2id hash in the practice file (so
it is encrypted with the practice when that is protected); it unlocks a locked screen and nothing else.
After :data:`PIN_TRIES` wrong PINs in a row only the passphrase unlocks.
"""

from __future__ import annotations

import base64
import hmac
import secrets
from typing import Literal

from acuchart.changes import NOTHING, Changes, OpResult
from acuchart.errors import ValidationError
from acuchart.protection.keys import KdfParameters, WrongPassphraseError, read_key_file
from acuchart.storage import settings as setting_rows
from acuchart.storage.store import Store

PIN_KEY = "unlock_pin"
LOCK_MINUTES_KEY = "lock_after_minutes"
DEFAULT_LOCK_MINUTES = 10
MAX_LOCK_MINUTES = 240
PIN_TRIES = 5
PIN_DIGITS = (4, 8)
_PIN_KDF = KdfParameters(iterations=2, memory_kib=19456, lanes=1)

LockReason = Literal["idle", "asked"]
UnlockMethod = Literal["passphrase", "pin", "click"]


class AccessService:
    """Lock and unlock: the idle time, the PIN, checking a passphrase, and their audit entries."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._pin_failures = 0

    # --- settings ---------------------------------------------------------------------------------
    def lock_after_minutes(self) -> int:
        """Minutes without input before every window locks; 0 means never."""
        value = setting_rows.all_settings(self._store).get(LOCK_MINUTES_KEY, DEFAULT_LOCK_MINUTES)
        return value if isinstance(value, int) and 0 <= value <= MAX_LOCK_MINUTES else DEFAULT_LOCK_MINUTES

    def set_lock_after_minutes(self, minutes: int) -> OpResult[int]:
        """Change the idle time (0 turns the idle lock off)."""
        if not isinstance(minutes, int) or not 0 <= minutes <= MAX_LOCK_MINUTES:
            raise ValidationError(
                {LOCK_MINUTES_KEY: f"Enter a number of minutes from 1 to {MAX_LOCK_MINUTES}, or 0 for never."}
            )
        with self._store.write() as writer:
            writer.put_setting(LOCK_MINUTES_KEY, minutes)
        return OpResult(minutes, Changes(settings=True))

    @property
    def protected(self) -> bool:
        """True when the practice file is encrypted (a passphrase unlocks it)."""
        return self._store.encrypted

    def has_pin(self) -> bool:
        """True when a PIN may unlock the locked screen."""
        return isinstance(setting_rows.all_settings(self._store).get(PIN_KEY), dict)

    def set_pin(self, pin: str) -> OpResult[None]:
        """Set (or replace) the unlock PIN: 4 to 8 digits."""
        low, high = PIN_DIGITS
        if not (pin.isdigit() and pin.isascii() and low <= len(pin) <= high):
            raise ValidationError({PIN_KEY: f"A PIN is {low} to {high} digits."})
        salt = secrets.token_bytes(16)
        stored = {
            "salt": base64.b64encode(salt).decode("ascii"),
            "hash": base64.b64encode(_PIN_KDF.derive(pin, salt)).decode("ascii"),
        }
        with self._store.write() as writer:
            writer.put_setting(PIN_KEY, stored, audited="a new PIN")
        self._pin_failures = 0
        return OpResult(None, Changes(settings=True))

    def clear_pin(self) -> OpResult[None]:
        """Stop a PIN from unlocking the screen."""
        if not self.has_pin():
            return OpResult(None, NOTHING)
        with self._store.write() as writer:
            writer.delete_setting(PIN_KEY)
        return OpResult(None, Changes(settings=True))

    # --- checking ---------------------------------------------------------------------------------
    @property
    def pin_allowed(self) -> bool:
        """True while a PIN may still unlock (set, and fewer than :data:`PIN_TRIES` wrong ones in a row)."""
        return self.has_pin() and self._pin_failures < PIN_TRIES

    def pin_matches(self, pin: str) -> bool:
        """True when ``pin`` is the PIN; counts the failures (see :attr:`pin_allowed`)."""
        stored = setting_rows.all_settings(self._store).get(PIN_KEY)
        if not isinstance(stored, dict) or not self.pin_allowed:
            return False
        try:
            salt, wanted = base64.b64decode(stored["salt"]), base64.b64decode(stored["hash"])
        except (KeyError, ValueError, TypeError):
            return False
        if hmac.compare_digest(_PIN_KDF.derive(pin, salt), wanted):
            self._pin_failures = 0
            return True
        self._pin_failures += 1
        return False

    def passphrase_matches(self, passphrase: str) -> bool:
        """True when ``passphrase`` unlocks this practice's key file and that key is the one in use."""
        path = self._store.path
        if not self.protected or path is None:
            return False
        try:
            key = read_key_file(path).open(passphrase)
        except WrongPassphraseError:
            return False
        if not self._store.holds_key(key):
            return False
        self._pin_failures = 0
        return True

    # --- the audit trail --------------------------------------------------------------------------
    def record_locked(self, reason: LockReason) -> OpResult[None]:
        """Audit that every window was locked (after the idle time, or when asked)."""
        with self._store.write() as writer:
            writer.audit("lock", "practice", None, {"reason": reason})
        return OpResult(None, NOTHING)

    def record_unlocked(self, method: UnlockMethod) -> OpResult[None]:
        """Audit that the windows were unlocked, and how."""
        with self._store.write() as writer:
            writer.audit("unlock", "practice", None, {"with": method})
        return OpResult(None, NOTHING)

    def record_protection(self, action: str) -> OpResult[None]:
        """Audit a change of the practice's protection made while it is open ("passphrase changed")."""
        with self._store.write() as writer:
            writer.audit(action, "practice", None, {})
        return OpResult(None, NOTHING)

    def record_refused(self, method: UnlockMethod) -> OpResult[None]:
        """Audit a wrong passphrase or PIN at the lock screen."""
        with self._store.write() as writer:
            writer.audit("unlock refused", "practice", None, {"with": method})
        return OpResult(None, NOTHING)
