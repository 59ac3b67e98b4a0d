"""The key file beside a protected practice: its data key, wrapped by the passphrase.

The wrapping key is derived from the passphrase with Argon2id (64 MiB, three passes: a guess costs an
attacker as much memory as it costs us time, about a quarter of a second here) and a random salt; the
data key is sealed with AES-256-GCM under it, so a wrong passphrase is told apart from a damaged file
by the seal alone. The file is JSON, a few hundred bytes, written whole to a temporary name, synced,
and renamed over the old one: a passphrase change stopped at any instant leaves the old key file or
the new one, never neither, and the practice itself is not touched by it.

The passphrase is never stored. The data key is kept in memory for as long as the practice is open.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from acuchart.errors import AcuChartError, StoreError
from acuchart.i18n import _, ngettext
from acuchart.protection.files import write_private

FORMAT = "AcuChart key file 1"
DATA_KEY_BYTES = 32
MIN_PASSPHRASE = 10
"""The shortest passphrase accepted: a few words are easier to remember and stronger than a short code."""
_ASSOCIATED = b"AcuChart data key"


class WrongPassphraseError(AcuChartError):
    """The passphrase (or PIN) typed does not unlock the practice."""


class KeyFileError(StoreError):
    """The key file is missing, damaged or not one AcuChart wrote."""


@dataclass(frozen=True)
class KdfParameters:
    """Argon2id's costs, stored with each key file so that later versions can raise them."""

    iterations: int = 3
    memory_kib: int = 65536
    lanes: int = 4

    def derive(self, passphrase: str, salt: bytes) -> bytes:
        """The 32-byte wrapping key for ``passphrase``."""
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

        kdf = Argon2id(
            salt=salt, length=32, iterations=self.iterations, lanes=self.lanes, memory_cost=self.memory_kib
        )
        return kdf.derive(passphrase.encode("utf-8"))


def key_id(data_key: bytes) -> str:
    """A short name for a data key (a hash of it), to match a key file or a backup with its practice
    without revealing the key."""
    return hashlib.sha256(b"AcuChart key id " + data_key).hexdigest()[:16]


def new_data_key() -> bytes:
    """A fresh random data key."""
    return secrets.token_bytes(DATA_KEY_BYTES)


def check_passphrase(passphrase: str) -> str | None:
    """Why ``passphrase`` will not do as a new passphrase, or None when it will."""
    if len(passphrase) < MIN_PASSPHRASE:
        return ngettext(
            "A passphrase has at least {least} characters; this one has {count}. "
            "A few words you will remember make a good one.",
            "A passphrase has at least {least} characters; this one has {count}. "
            "A few words you will remember make a good one.",
            MIN_PASSPHRASE,
        ).format(least=MIN_PASSPHRASE, count=len(passphrase))
    if passphrase != passphrase.strip():
        return _("A passphrase cannot begin or end with a space (it is too easy to type one by mistake).")
    return None


@dataclass(frozen=True)
class KeyFile:
    """A data key sealed under a passphrase, as kept in the key file."""

    salt: bytes
    nonce: bytes
    sealed: bytes
    key_id: str
    kdf: KdfParameters = KdfParameters()

    @classmethod
    def seal(cls, data_key: bytes, passphrase: str, kdf: KdfParameters | None = None) -> KeyFile:
        """Seal ``data_key`` under ``passphrase`` with a fresh salt and nonce."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        kdf = kdf or KdfParameters()
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        sealed = AESGCM(kdf.derive(passphrase, salt)).encrypt(nonce, data_key, _ASSOCIATED)
        return cls(salt=salt, nonce=nonce, sealed=sealed, key_id=key_id(data_key), kdf=kdf)

    def open(self, passphrase: str) -> bytes:
        """The data key, or :class:`WrongPassphraseError`."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        try:
            data_key = AESGCM(self.kdf.derive(passphrase, self.salt)).decrypt(
                self.nonce, self.sealed, _ASSOCIATED
            )
        except InvalidTag:
            raise WrongPassphraseError(
                _(
                    "That passphrase does not unlock this practice. Check Caps Lock and the keyboard layout, "
                    "and type it again; if it is lost, use the recovery key."
                )
            ) from None
        if key_id(data_key) != self.key_id:  # pragma: no cover - a seal that opens holds what it sealed
            raise KeyFileError(_("The key file does not match its own key. Use the recovery key."))
        return data_key

    def to_json(self) -> str:
        """The key file's text."""

        def b64(raw: bytes) -> str:
            return base64.b64encode(raw).decode("ascii")

        return json.dumps(
            {
                "format": FORMAT,
                "key_id": self.key_id,
                "kdf": {
                    "name": "argon2id",
                    "iterations": self.kdf.iterations,
                    "memory_kib": self.kdf.memory_kib,
                    "lanes": self.kdf.lanes,
                    "salt": b64(self.salt),
                },
                "cipher": "aes-256-gcm",
                "nonce": b64(self.nonce),
                "sealed_key": b64(self.sealed),
            },
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str, where: str = "") -> KeyFile:
        """Read a key file's text; :class:`KeyFileError` when it is not one."""
        try:
            data = json.loads(text)
            if data.get("format") != FORMAT or data["kdf"]["name"] != "argon2id":
                raise ValueError("not an AcuChart key file")
            kdf = data["kdf"]
            return cls(
                salt=base64.b64decode(kdf["salt"], validate=True),
                nonce=base64.b64decode(data["nonce"], validate=True),
                sealed=base64.b64decode(data["sealed_key"], validate=True),
                key_id=str(data["key_id"]),
                kdf=KdfParameters(int(kdf["iterations"]), int(kdf["memory_kib"]), int(kdf["lanes"])),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise KeyFileError(
                _(
                    "{where} is damaged or is not an AcuChart key file ({problem}). "
                    "Open the practice with its recovery key; AcuChart then writes a new key file."
                ).format(where=where or _("The key file"), problem=exc)
            ) from exc


def key_file_path(practice_path: Path) -> Path:
    """Where a practice's key file lives: beside it, ``practice.acuchart.key``."""
    return practice_path.with_name(practice_path.name + ".key")


def read_key_file(practice_path: Path) -> KeyFile:
    """The key file of the practice at ``practice_path``."""
    path = key_file_path(practice_path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KeyFileError(
            _(
                "{name} is protected, and its key file {key_file} is not beside it. "
                "Copy {key_file} from where the practice came from into {folder}, "
                "or open the practice with its recovery key."
            ).format(name=practice_path.name, key_file=path.name, folder=path.parent)
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KeyFileError(
            _("The key file {path} could not be read ({problem}). Use the recovery key.").format(
                path=path, problem=exc
            )
        ) from exc
    return KeyFile.from_json(text, _("The key file {path}").format(path=path))


def write_key_file(practice_path: Path, key_file: KeyFile) -> Path:
    """Write (or replace, in one rename) the key file beside the practice; returns its path."""
    path = key_file_path(practice_path)
    write_private(path, key_file.to_json().encode("utf-8"))
    return path


def remove_key_file(practice_path: Path) -> None:
    """Remove the key file (after the practice was turned back into a plain file)."""
    path = key_file_path(practice_path)
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)
