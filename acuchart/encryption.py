"""Turning a practice's protection on and off, and changing its passphrase, without ever leaving a half-done file.

Protecting a practice (:func:`protect`) backs the plain file up, writes an encrypted copy beside it, checks that
copy (SQLite's integrity check, the audit chain, every table's rows against the original), writes the key file,
and only then renames the copy over the practice in one step. Until that rename the practice is the plain
file it was; after it, the encrypted one. :func:`unprotect` is the same journey the other way, and the key file
is removed only once the plain file is in place. :func:`change_passphrase` rewrites the key file alone, in one
rename: a crash leaves the old key file or the new one, so the old or the new passphrase opens the practice,
never neither.

The practice must be closed while its file is converted; these functions take its single-copy lock
themselves, so another copy of the app cannot open it meanwhile.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from acuchart.errors import AcuChartError, ProtectedFileError, StoreError
from acuchart.i18n import _
from acuchart.paths import JOURNAL_SUFFIXES
from acuchart.photos.store import PhotoStore
from acuchart.protection.files import make_private, sync_folder
from acuchart.protection.keys import (
    KeyFile,
    check_passphrase,
    key_file_path,
    new_data_key,
    read_key_file,
    remove_key_file,
    write_key_file,
)
from acuchart.protection.recovery import format_recovery_key, parse_recovery_key
from acuchart.storage import audit, cipher, faults
from acuchart.storage.backup_copy import Snapshot, read_snapshot
from acuchart.storage.database import FileLock, replace_practice_file
from acuchart.storage.store import Store

Progress = Callable[[float, str], None]
BEFORE_PROTECTING = "before protecting it with a passphrase"
BEFORE_UNPROTECTING = "before removing its passphrase"


class ProtectionError(AcuChartError):
    """The practice's protection could not be changed; the practice is as it was."""


@dataclass(frozen=True)
class NewProtection:
    """A practice's protection, made before anything is changed: the data key and what the practitioner keeps.

    The recovery key is shown (printed) before :func:`protect` runs, so that cancelling at that point leaves
    nothing changed."""

    data_key: bytes
    key_file: KeyFile

    @property
    def recovery_key(self) -> str:
        """The recovery key, in groups, for paper."""
        return format_recovery_key(self.data_key)


def new_protection(passphrase: str) -> NewProtection:
    """A fresh data key sealed under ``passphrase`` (refused when the passphrase is too short or common)."""
    problem = check_passphrase(passphrase)
    if problem:
        raise ProtectionError(problem)
    data_key = new_data_key()
    return NewProtection(data_key, KeyFile.seal(data_key, passphrase))


def unlock_key(practice_path: Path, passphrase: str = "", recovery_key: str = "") -> bytes:
    """The data key of the protected practice at ``practice_path``, from its passphrase (through the key file)
    or from its recovery key (which is the data key itself, and needs no key file).

    Raises:
        WrongPassphraseError, RecoveryKeyError, KeyFileError: with a message to show.
        ProtectedFileError: the recovery key is well formed but is not this practice's.
    """
    if recovery_key:
        data_key = parse_recovery_key(recovery_key)
        if not cipher.key_opens(practice_path, data_key):
            raise ProtectedFileError(
                _(
                    "That recovery key is not the one for {name} (it is well formed, but it does not open "
                    "this practice). Check that the sheet is this practice's."
                ).format(name=practice_path.name),
                practice_path,
            )
        return data_key
    return read_key_file(practice_path).open(passphrase)


def protect(
    practice_path: Path, protection: NewProtection, *, progress: Progress | None = None, actor: str = ""
) -> None:
    """Encrypt the (closed) plain practice at ``practice_path`` with ``protection``'s key.

    Raises:
        ProtectionError, StoreError, BackupError: with a message; the practice is the plain file it was.
    """
    from acuchart.backup.make import back_up_before

    tell = progress or (lambda _f, _t: None)
    if cipher.looks_encrypted(practice_path):
        raise ProtectionError(
            _("{name} is already protected. Nothing was changed.").format(name=practice_path.name)
        )
    with _held(practice_path):
        tell(0.05, _("Backing up the practice as it is…"))
        _checkpoint_plain(practice_path)
        back_up_before(practice_path, BEFORE_PROTECTING, _("protecting it with a passphrase"))
        tell(0.4, _("Writing the protected copy…"))
        temporary = _temporary(practice_path, "protecting")
        source = cipher.connect_plain_cipher(practice_path, read_only=True)
        try:
            before = read_snapshot(source)
            _export(source, temporary, protection.data_key, practice_path)
        finally:
            source.close()
        tell(0.7, _("Checking the protected copy…"))
        _verify(temporary, before, lambda: cipher.connect_encrypted(str(temporary), protection.data_key))
        tell(0.85, _("Putting the protected copy in place…"))
        write_key_file(practice_path, protection.key_file)  # first: the swapped file is never without its key
        cipher.remember_key(practice_path, protection.data_key)  # whoever reads it next in this process
        try:
            _swap(temporary, practice_path)
        except BaseException:
            cipher.forget_key(practice_path)
            raise
    _record(practice_path, protection.data_key, "protection on", actor)
    seal_photos(practice_path, protection.data_key, tell)
    tell(1.0, _("Protected"))


def unprotect(
    practice_path: Path, data_key: bytes, *, progress: Progress | None = None, actor: str = ""
) -> None:
    """Turn the (closed) protected practice back into a plain file and remove its key file.

    Raises:
        ProtectionError, StoreError, BackupError: with a message; the practice is the protected file it was.
    """
    from acuchart.backup.make import back_up_before

    tell = progress or (lambda _f, _t: None)
    if not cipher.looks_encrypted(practice_path):
        raise ProtectionError(
            _("{name} is not protected. Nothing was changed.").format(name=practice_path.name)
        )
    cipher.remember_key(practice_path, data_key)
    _record(practice_path, data_key, "protection off", actor)  # in the trail the plain copy then carries
    tell(0.02, _("Opening the photos…"))
    _photos(practice_path, data_key).unseal_all()  # first: while the file is protected, both kinds read
    with _held(practice_path):
        tell(0.05, _("Backing up the practice as it is…"))
        back_up_before(practice_path, BEFORE_UNPROTECTING, _("removing its passphrase"))
        tell(0.4, _("Writing the plain copy…"))
        temporary = _temporary(practice_path, "unprotecting")
        source = cipher.connect_encrypted(str(practice_path), data_key, isolation_level=None)
        try:
            source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            before = read_snapshot(source)
            _export(source, temporary, None, practice_path)
        finally:
            source.close()
        tell(0.7, _("Checking the plain copy…"))
        _verify(temporary, before, lambda: sqlite3.connect(str(temporary)))
        tell(0.85, _("Putting the plain copy in place…"))
        _swap(temporary, practice_path)
        cipher.forget_key(practice_path)  # its backups from now on are plain too
        remove_key_file(practice_path)
        sync_folder(practice_path.parent)
    tell(1.0, _("Passphrase removed"))


def change_passphrase(practice_path: Path, data_key: bytes, new_passphrase: str, *, actor: str = "") -> None:
    """Seal the practice's key under ``new_passphrase``: the key file is replaced in one rename.

    ``data_key`` comes from :func:`unlock_key` (the old passphrase, or the recovery key when the passphrase
    or the key file is lost). The practice itself is not rewritten, so it may stay open.
    """
    problem = check_passphrase(new_passphrase)
    if problem:
        raise ProtectionError(problem)
    if not cipher.key_opens(practice_path, data_key):
        raise ProtectedFileError(
            _("That key does not open {name}. Nothing was changed.").format(name=practice_path.name),
            practice_path,
        )
    write_key_file(practice_path, KeyFile.seal(data_key, new_passphrase))
    sync_folder(practice_path.parent)
    with contextlib.suppress(StoreError):  # open in this process: the app records it through its own store
        _record(practice_path, data_key, "passphrase changed", actor)


def seal_photos(practice_path: Path, data_key: bytes, progress: Progress | None = None) -> int:
    """Seal the practice's photos that are still plain (all of them just after protecting it; the rest
    after an interrupted run, which this finishes); how many were sealed."""
    tell = progress or (lambda _f, _t: None)
    return _photos(practice_path, data_key).seal_all(
        lambda done, total: tell(
            0.9 + 0.1 * done / max(total, 1),
            _("Encrypting the photos ({done} of {total})…").format(done=f"{done:,}", total=f"{total:,}"),
        )
    )


def unsealed_photos(practice_path: Path, data_key: bytes) -> int:
    """How many of a protected practice's photos are still plain (an interrupted protection)."""
    store = _photos(practice_path, data_key)
    return sum(not store.sealed(photo) for photo in store.hashes())


def _photos(practice_path: Path, data_key: bytes) -> PhotoStore:
    from acuchart.paths import photo_store_path

    return PhotoStore(photo_store_path(practice_path), data_key)


# --- the steps -------------------------------------------------------------------------------------------
@contextlib.contextmanager
def _held(practice_path: Path) -> Iterator[None]:
    """Hold the practice's single-copy lock while its file is converted."""
    lock = FileLock(practice_path)
    lock.acquire()
    try:
        yield
    finally:
        lock.release()


def _temporary(practice_path: Path, doing: str) -> Path:
    temporary = practice_path.with_name(f".{practice_path.name}.{doing}")
    for leftover in (temporary, *(temporary.with_name(temporary.name + j) for j in JOURNAL_SUFFIXES)):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    return temporary


def _checkpoint_plain(practice_path: Path) -> None:
    """Fold the plain file's write-ahead journal into it, so the file alone holds everything."""
    conn = sqlite3.connect(str(practice_path))
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.DatabaseError as exc:
        raise faults.open_failure(exc, practice_path) from exc
    finally:
        conn.close()


def _export(source: sqlite3.Connection, temporary: Path, data_key: bytes | None, practice_path: Path) -> None:
    try:
        cipher.export_copy(source, temporary, data_key)
        make_private(temporary)
    except cipher.sql_errors_and(OSError) as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(exc, OSError):
            raise faults.os_failure(exc, temporary, _("writing the converted copy")) from exc
        raise faults.write_failure(exc, temporary, lambda: None) or ProtectionError(
            _("The converted copy of {name} could not be written ({problem}). Nothing was changed.").format(
                name=practice_path.name, problem=exc
            )
        ) from exc


def _verify(temporary: Path, before: Snapshot, connect: Callable[[], sqlite3.Connection]) -> None:
    """The converted copy must pass SQLite's integrity check and the audit chain, and hold every row."""
    problem = ""
    try:
        conn = connect()
        try:
            rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
            after = read_snapshot(conn)
            chain = audit.verify(conn)
        finally:
            conn.close()
        if rows != ["ok"]:
            problem = _("SQLite's check of it found: {problem}").format(problem=rows[0])
        elif after.counts != before.counts or after.audit_head != before.audit_head:
            problem = _("it does not hold the same rows as the practice")
        elif not chain.ok:
            problem = _("its audit trail does not verify")
    except cipher.sql_errors() as exc:
        problem = _("it cannot be read back ({problem})").format(problem=exc)
    if problem:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise ProtectionError(
            _("The converted copy failed its check ({problem}). Nothing was changed.").format(problem=problem)
        )


def _swap(temporary: Path, practice_path: Path) -> None:
    """Rename the checked copy over the practice (whose journal files go first: SQLite would replay them)."""
    try:
        replace_practice_file(temporary, practice_path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise faults.os_failure(exc, practice_path, _("putting the converted file in place")) from exc


def _record(practice_path: Path, data_key: bytes | None, action: str, actor: str) -> None:
    """An audit entry in the practice itself: its protection changed."""
    store = Store.open(practice_path, key=data_key)
    try:
        if actor:
            store.actor = actor
        with store.write() as writer:
            writer.audit(action, "practice", None, {"key file": key_file_path(practice_path).name})
    finally:
        store.close()


def key_file_matches(practice_path: Path, data_key: bytes) -> bool:
    """True when the key file beside the practice holds ``data_key`` (False when it is missing or another's)."""
    from acuchart.protection.keys import KeyFileError, key_id

    try:
        return read_key_file(practice_path).key_id == key_id(data_key)
    except KeyFileError:
        return False


__all__ = [
    "NewProtection",
    "ProtectionError",
    "change_passphrase",
    "key_file_matches",
    "new_protection",
    "parse_recovery_key",
    "protect",
    "unlock_key",
    "unprotect",
]
