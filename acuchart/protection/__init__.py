"""A practice encrypted at rest: its key, the passphrase that unlocks it, the recovery key, owner-only files.

The practice file is encrypted by SQLCipher with a random 256-bit *data key*. The data key never
changes for the life of the protected file, and is kept in two forms only:

- in the *key file* beside the practice (``practice.acuchart.key``), wrapped (AES-256-GCM) by a key
  derived from the passphrase with Argon2id, so changing the passphrase rewrites a few hundred bytes
  and never the practice;
- on paper, as the *recovery key*: the data key itself, written in 56 characters that a person can
  type back. It opens the practice without the passphrase or the key file.

Nothing here imports Qt; the storage layer opens an encrypted file with the data key
(:mod:`acuchart.storage.connections`).
"""
