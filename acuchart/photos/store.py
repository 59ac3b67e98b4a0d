"""The photo store: every photo original, in a content-addressed folder beside the practice file.

``practice.acuchart.photos/ab/ab12…ef.jpg``: each file is named by the SHA-256 of its bytes, in a
sub-folder named by the hash's first two characters (so no folder grows to tens of thousands of
entries). A name says what the file must contain, so a file can be checked without the database, a
copy never needs to be made twice, and two copies of one photo cannot drift apart.

Every access to a photo's bytes goes through :class:`PhotoStore`, and only through it: encrypting
photos at rest is then a matter of wrapping this one class, and a backup copies what
:meth:`PhotoStore.hashes` lists with :meth:`PhotoStore.copy_missing_to`.

A file is written completely before it counts: to a temporary name in the same folder, flushed and
synced to disk, then renamed into place (and the folder synced), so a crash or a full disk leaves
either the whole photo or none of it under its name.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, Literal, NamedTuple

from acuchart.errors import AcuChartError
from acuchart.i18n import _
from acuchart.models.photos import PhotoCheck

EXTENSIONS = ("jpg", "png")
_CHUNK = 1 << 20
_HEX = frozenset("0123456789abcdef")

Progress = Callable[[int, int], None]
"""Told ``(done, total)`` as a long job goes on."""


class PhotoStoreError(AcuChartError):
    """A photo could not be written to or read from the photo folder; the message says why."""


class StoredPhoto(NamedTuple):
    """A photo original as the store names it: its hash and its file type."""

    sha256: str
    extension: str

    @property
    def name(self) -> str:
        """Its path inside the photo folder: ``ab/ab12…ef.jpg``."""
        return f"{self.sha256[:2]}/{self.sha256}.{self.extension}"


class CopyReport(NamedTuple):
    """What :meth:`PhotoStore.copy_missing_to` did."""

    copied: tuple[StoredPhoto, ...]
    already_there: int
    problems: tuple[str, ...] = ()
    """One sentence per photo that could not be copied (missing here, or not what its name says)."""


def sha256_of(data: bytes) -> str:
    """The SHA-256 of ``data`` as 64 hex digits."""
    return hashlib.sha256(data).hexdigest()


def sha256_of_file(path: Path) -> str:
    """The SHA-256 of a file's contents, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _write_problem(what: str, folder: Path, exc: OSError) -> PhotoStoreError:
    if exc.errno == errno.ENOSPC:
        why = _(
            "there is no room left on the disk holding {folder}. Free some space and import it again"
        ).format(folder=folder)
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        why = _("AcuChart may not write to {folder}. Check the folder's permissions").format(folder=folder)
    else:
        why = _("it could not be written to {folder} ({value})").format(
            folder=folder, value=exc.strerror or exc
        )
    return PhotoStoreError(_("{what} was not stored: {why}. Nothing was saved.").format(what=what, why=why))


class PhotoStore:
    """The photo originals of one practice, in ``folder`` (made on the first photo stored).

    Args:
        folder: the photo folder, normally :func:`acuchart.paths.photo_store_path` of the practice file.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    # --- naming ------------------------------------------------------------------------------
    def path(self, photo: StoredPhoto) -> Path:
        """Where the photo's original is (or would be) kept."""
        return self.folder / photo.name

    def exists(self, photo: StoredPhoto) -> bool:
        """True when the original is in the folder (not checked against its hash)."""
        return self.path(photo).is_file()

    # --- writing -----------------------------------------------------------------------------
    def put(self, data: bytes, extension: str, what: str = "") -> tuple[StoredPhoto, bool]:
        """Store ``data`` under its hash; returns it and True if it was written now (False: it was there).

        A file already there under the same name is kept when its contents match, and replaced by
        the good copy when they do not (it was damaged). ``what`` names it in a message ("The photo").

        Raises:
            PhotoStoreError: the disk is full or the folder cannot be written; nothing is left behind.
        """
        if extension not in EXTENSIONS:
            raise ValueError(_("unknown photo file type {extension!r}").format(extension=extension))
        photo = StoredPhoto(sha256_of(data), extension)
        target = self.path(photo)
        if target.is_file() and self.verify(photo) == "ok":
            return photo, False
        try:
            self._write(target, lambda out: out.write(data))
        except OSError as exc:
            raise _write_problem(what or _("The photo"), self.folder, exc) from exc
        return photo, True

    def _write(self, target: Path, fill: Callable[[BinaryIO], object]) -> None:
        """Write a file completely under a temporary name, sync it, then rename it into place."""
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".incoming-", suffix=".part", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                fill(out)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temp, 0o600)  # a photo of a client is for the practice's eyes only
            os.replace(temp, target)
            temp = ""
            _sync_folder(target.parent)
        finally:
            if temp:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
                with contextlib.suppress(OSError):
                    target.parent.rmdir()  # only when empty: a sub-folder made for this photo alone

    def remove(self, photo: StoredPhoto) -> None:
        """Remove an original (a photo whose record was not kept). A missing file is not an error."""
        with contextlib.suppress(FileNotFoundError):
            self.path(photo).unlink()

    # --- reading -----------------------------------------------------------------------------
    def read(self, photo: StoredPhoto) -> bytes:
        """The original's bytes.

        Raises:
            PhotoStoreError: the file is missing or cannot be read.
        """
        try:
            return self.path(photo).read_bytes()
        except FileNotFoundError as exc:
            raise PhotoStoreError(
                _(
                    "The original of this photo ({name}) is missing from {folder}. Restore the photo folder from a backup; run main.py check to list every missing photo."
                ).format(name=photo.name, folder=self.folder)
            ) from exc
        except OSError as exc:
            raise PhotoStoreError(
                _("The photo {name} could not be read ({value}).").format(
                    name=photo.name, value=exc.strerror or exc
                )
            ) from exc

    @contextlib.contextmanager
    def open(self, photo: StoredPhoto) -> Iterator[BinaryIO]:
        """The original opened for reading (raises :class:`PhotoStoreError` as :meth:`read` does)."""
        try:
            handle = self.path(photo).open("rb")
        except OSError:
            self.read(photo)  # raises with the house message
            raise
        with handle:
            yield handle

    def verify(self, photo: StoredPhoto) -> Literal["ok", "missing", "altered"]:
        """Whether the original is there and still hashes to its name."""
        path = self.path(photo)
        try:
            actual = sha256_of_file(path)
        except FileNotFoundError:
            return "missing"
        except OSError:
            return "altered"
        return "ok" if actual == photo.sha256 else "altered"

    def hashes(self) -> Iterator[StoredPhoto]:
        """Every original in the folder, by its name (not checked against its contents)."""
        if not self.folder.is_dir():
            return
        for sub in sorted(self.folder.iterdir()):
            if not sub.is_dir() or len(sub.name) != 2:
                continue
            for item in sorted(sub.iterdir()):
                stem, _, extension = item.name.partition(".")
                if (
                    extension in EXTENSIONS
                    and len(stem) == 64
                    and set(stem) <= _HEX
                    and stem[:2] == sub.name
                    and item.is_file()
                ):
                    yield StoredPhoto(stem, extension)

    # --- copying (backups, moving a practice) ------------------------------------------------
    def copy_missing_to(
        self,
        destination: Path,
        photos: Iterable[StoredPhoto] | None = None,
        progress: Progress | None = None,
    ) -> CopyReport:
        """Copy into another photo folder every original it does not have yet, each checked twice.

        Each original is hashed as it is read (a damaged one is not copied, and is reported), and the
        copy is written completely under a temporary name before it is renamed into place. A file the
        destination already holds under the right name is trusted by its name, so a backup only copies
        what is new; :meth:`verify` on the destination checks the contents.

        Args:
            destination: the other photo folder (made if needed).
            photos: which originals to copy (default: every one in this folder, :meth:`hashes`).
            progress: told ``(done, total)`` after each photo.

        Raises:
            PhotoStoreError: the destination cannot be written (full, read-only); what was copied stays.
        """
        wanted = list(self.hashes() if photos is None else photos)
        target_store = PhotoStore(destination)
        copied: list[StoredPhoto] = []
        problems: list[str] = []
        present = 0
        for done, photo in enumerate(wanted, start=1):
            if target_store.exists(photo):
                present += 1
            else:
                problem = self._copy_one(photo, target_store)
                if problem:
                    problems.append(problem)
                else:
                    copied.append(photo)
            if progress is not None:
                progress(done, len(wanted))
        return CopyReport(tuple(copied), present, tuple(problems))

    def _copy_one(self, photo: StoredPhoto, target: PhotoStore) -> str:
        source = self.path(photo)
        digest = hashlib.sha256()

        def fill(out: BinaryIO) -> None:
            with source.open("rb") as handle:
                while chunk := handle.read(_CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
            if digest.hexdigest() != photo.sha256:
                raise _AlteredError

        try:
            target._write(target.path(photo), fill)
        except FileNotFoundError:
            if not source.exists():
                return _("{name} is missing from {folder}; it was not copied.").format(
                    name=photo.name, folder=self.folder
                )
            raise
        except _AlteredError:
            return _(
                "{name} no longer matches its hash (the file was changed or damaged); it was not copied."
            ).format(name=photo.name)
        except OSError as exc:
            raise _write_problem(_("The photo {name}").format(name=photo.name), target.folder, exc) from exc
        return ""


def check_photos(
    files: PhotoStore, in_use: list[tuple[Any, ...]], progress: Progress | None = None
) -> PhotoCheck:
    """Hash each original named by ``in_use`` ((id, sha256, extension) rows) and report what is wrong."""
    missing: list[tuple[int, str]] = []
    altered: list[tuple[int, str]] = []
    total = len(in_use)
    for done, (photo_id, sha, extension) in enumerate(in_use, start=1):
        verdict = files.verify(StoredPhoto(sha, extension))
        if verdict == "missing":
            missing.append((photo_id, sha))
        elif verdict == "altered":
            altered.append((photo_id, sha))
        if progress is not None and (done % 50 == 0 or done == total):
            progress(done, total)
    return PhotoCheck(total, tuple(missing), tuple(altered))


class _AlteredError(Exception):
    """A source original did not hash to its name while being copied."""


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where the system allows a folder to be synced)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
