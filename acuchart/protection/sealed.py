"""A file's contents sealed with the practice's data key (AES-256-GCM): the photos of a protected practice.

A sealed file is ``MAGIC``, a random 12-byte nonce, then the ciphertext with its 16-byte tag. The file's
own name (the photo's hash and extension) is bound in as associated data, so a sealed file cannot be
passed off under another photo's name. A file without the magic is plain: a folder may hold both while a
practice's photos are being sealed or unsealed, and each reads as what it is.
"""

from __future__ import annotations

import secrets

from acuchart.errors import AcuChartError
from acuchart.i18n import _

MAGIC = b"AcuChart sealed 1\n"
NONCE_BYTES = 12


class SealError(AcuChartError):
    """A sealed file does not open with this key (another practice's, or the file was changed)."""


def is_sealed(head: bytes) -> bool:
    """True when ``head`` (a file's first bytes, at least ``len(MAGIC)`` of them) starts a sealed file."""
    return head.startswith(MAGIC)


def seal(data_key: bytes, data: bytes, name: str) -> bytes:
    """``data`` sealed for the file called ``name``."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(NONCE_BYTES)
    return MAGIC + nonce + AESGCM(data_key).encrypt(nonce, data, name.encode("utf-8"))


def unseal(data_key: bytes, blob: bytes, name: str) -> bytes:
    """The contents of the sealed file ``blob`` called ``name``; :class:`SealError` when it does not open."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not is_sealed(blob):
        raise ValueError("not a sealed file")
    start = len(MAGIC)
    nonce, sealed = blob[start : start + NONCE_BYTES], blob[start + NONCE_BYTES :]
    try:
        return AESGCM(data_key).decrypt(nonce, sealed, name.encode("utf-8"))
    except InvalidTag:
        raise SealError(
            _(
                "{name} does not open with this practice's key: it was changed or damaged, or it belongs to "
                "another practice."
            ).format(name=name)
        ) from None
