"""The recovery key: the data key written so that a person can keep it on paper and type it back.

32 bytes are 52 characters of Crockford's base32 (digits and capitals without I, L, O and U, so
that 0/O and 1/I/L cannot be confused; a typed O, I or L is read as 0, 1, 1). Four more characters
are a check on the rest, so a mistyped key is told apart from a wrong one. The 56 characters are
printed in fourteen groups of four: ``7K3M-Q9TB-…``.
"""

from __future__ import annotations

import hashlib

from acuchart.errors import AcuChartError
from acuchart.i18n import _

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
KEY_BYTES = 32
KEY_CHARS = 52
CHECK_CHARS = 4
GROUP = 4
_READ_AS = {"O": "0", "I": "1", "L": "1"}


class RecoveryKeyError(AcuChartError):
    """What was typed is not a recovery key (a character too many or too few, or a typing mistake)."""


def _encode(data: bytes, chars: int) -> str:
    number = int.from_bytes(data, "big")
    out = []
    for _digit in range(chars):
        number, digit = divmod(number, 32)
        out.append(ALPHABET[digit])
    return "".join(reversed(out))


def _check(body: str) -> str:
    return _encode(hashlib.sha256(b"AcuChart recovery key " + body.encode("ascii")).digest()[:3], CHECK_CHARS)


def format_recovery_key(data_key: bytes) -> str:
    """The recovery key for ``data_key``, in groups of four joined by hyphens."""
    if len(data_key) != KEY_BYTES:
        raise ValueError("a data key is 32 bytes")
    body = _encode(data_key, KEY_CHARS)
    text = body + _check(body)
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def parse_recovery_key(typed: str) -> bytes:
    """The data key from a typed recovery key; spaces, hyphens and letter case do not matter.

    Raises:
        RecoveryKeyError: with a message saying how the text falls short.
    """
    cleaned = "".join(_READ_AS.get(ch, ch) for ch in typed.upper() if ch not in " -\t\n")
    strange = sorted({ch for ch in cleaned if ch not in ALPHABET})
    if strange:
        raise RecoveryKeyError(
            _(
                "A recovery key has only digits and capital letters; {characters} is not among them. "
                "Type it again from the printed page."
            ).format(characters=" ".join(strange))
        )
    wanted = KEY_CHARS + CHECK_CHARS
    if len(cleaned) != wanted:
        raise RecoveryKeyError(
            _(
                "A recovery key has {wanted} characters (fourteen groups of four); this has {count}. "
                "Type it again from the printed page."
            ).format(wanted=wanted, count=len(cleaned))
        )
    body, check = cleaned[:KEY_CHARS], cleaned[KEY_CHARS:]
    if _check(body) != check:
        raise RecoveryKeyError(
            _(
                "That recovery key has a typing mistake (its last group does not match the rest). "
                "Compare each group with the printed page."
            )
        )
    number = 0
    for ch in body:
        number = number * 32 + ALPHABET.index(ch)
    if number >> (KEY_BYTES * 8):
        raise RecoveryKeyError(
            _("That is not a recovery key AcuChart made. Compare it with the printed page.")
        )
    return number.to_bytes(KEY_BYTES, "big")
