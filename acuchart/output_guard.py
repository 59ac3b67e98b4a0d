"""Where AcuChart may write a file it makes (a PDF, an export): never over the practice, its journal, its
backups or its photos, whatever the path is called.

The places to keep safe come from one function, :func:`protected_places`: the practice file and the
files SQLite and the app keep beside it, the folders its backups go to, and its photo store.
:func:`refuse_protected` checks a chosen output against them through any spelling of the path: relative
or absolute, through symbolic links, ``~``, another letter case or Unicode form of a name (on a disk
that ignores them), or a hard link to the same file.
"""

from __future__ import annotations

import errno
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from acuchart.errors import AcuChartError
from acuchart.i18n import _
from acuchart.paths import SIDECAR_SUFFIXES

GUARDED_SUFFIXES: tuple[str, ...] = (*SIDECAR_SUFFIXES, ".key")
"""The files kept beside a practice file: SQLite's write-ahead log, shared memory and rollback
journal, and the app's one-copy lock (see :mod:`acuchart.storage.database`)."""


class OutputRefusedError(AcuChartError):
    """A file was to be written where it would destroy part of the practice; nothing was written."""


@dataclass(frozen=True)
class ProtectedPlaces:
    """What no output may replace: ``files`` (each by any name) and everything inside ``folders``."""

    files: tuple[Path, ...] = ()
    folders: tuple[Path, ...] = ()

    @property
    def practice_file(self) -> Path | None:
        """The practice file these places belong to (the first of ``files``), if any."""
        return self.files[0] if self.files else None


def protected_places(practice_path: Path | str | None) -> ProtectedPlaces:
    """The places no document or export may be written to, for the practice file ``practice_path``
    (None for a practice kept in memory, which has none): the file itself and its sidecar files, the
    folders its backups go to (:func:`acuchart.backup.places.backup_places`) and its photo store.

    This is the one list.
    """
    if practice_path is None or str(practice_path) == ":memory:":
        return ProtectedPlaces()
    from acuchart.backup.places import backup_places  # read when an output is about to be written
    from acuchart.paths import photo_store_path

    practice = Path(practice_path).expanduser().absolute()
    files = (practice, *(practice.with_name(practice.name + suffix) for suffix in GUARDED_SUFFIXES))
    # The backup folders (on this computer and the second place) and the photo store.
    return ProtectedPlaces(files=files, folders=(*backup_places(practice), photo_store_path(practice)))


def _real(path: Path) -> Path:
    """``path`` made absolute with every symbolic link along it followed (as far as it exists)."""
    return Path(os.path.realpath(path.expanduser()))


def _folded(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _names_same_place(target: Path, protected: Path) -> bool:
    """True when ``target`` is ``protected`` under any spelling, existing or not yet."""
    real_target, real_protected = _real(target), _real(protected)
    if real_target == real_protected or _same_file(real_target, real_protected):
        return True
    # Not there yet (a journal comes and goes): the same folder and the name in another case or
    # Unicode form, which a disk that ignores case would take for the same file.
    same_folder = real_target.parent == real_protected.parent or _same_file(
        real_target.parent, real_protected.parent
    )
    return same_folder and _folded(real_target.name) == _folded(real_protected.name)


def _inside(target: Path, folder: Path) -> bool:
    """True when ``target`` is ``folder`` or lies anywhere inside it, under any spelling."""
    real_target, real_folder = _real(target), _real(folder)
    if real_target == real_folder or real_folder in real_target.parents:
        return True
    return any(_same_file(parent, real_folder) for parent in (real_target, *real_target.parents))


def refuse_protected(target: Path | str, places: ProtectedPlaces) -> None:
    """Raise :class:`OutputRefusedError` when writing ``target`` would replace or enter one of ``places``.

    Raises:
        OutputRefusedError: with a message naming the practice and what to do instead.
    """
    path = Path(target).expanduser()
    practice = places.practice_file
    for protected in places.files:
        if _names_same_place(path, protected):
            what = (
                _("the practice file {name}").format(name=protected.name)
                if protected == practice
                else _("a file the practice {value} needs ({name})").format(
                    value=practice.name if practice else "", name=protected.name
                )
            )
            raise OutputRefusedError(
                _(
                    "{path} is {what}: writing there would destroy the practice's records. Choose another name or folder, such as your Documents. Nothing was written."
                ).format(path=path, what=what)
            )
    for folder in places.folders:
        if _inside(path, folder):
            raise OutputRefusedError(
                _(
                    "{path} is inside {folder}, which keeps the practice's own files. Choose another folder, such as your Documents. Nothing was written."
                ).format(path=path, folder=folder)
            )


ExistingKind = Literal["none", "empty", "pdf", "folder", "other"]


def existing_kind(target: Path | str) -> ExistingKind:
    """What is at ``target`` now: nothing, an empty file, a PDF, a folder, or some other file (a file
    whose first bytes are not ``%PDF-``, or one that cannot be read)."""
    path = Path(target).expanduser()
    if path.is_dir():
        return "folder"
    if not path.exists():
        return "none"
    try:
        with path.open("rb") as handle:
            start = handle.read(1024)
    except OSError:
        return "other"
    if not start:
        return "empty"
    return "pdf" if b"%PDF-" in start else "other"


def replace_problem(target: Path | str, error: OSError) -> str | None:
    """The reason, blaming the file, when ``target`` exists in a writable folder and could not be
    replaced (read-only or locked against change); None when the folder is to blame."""
    path = Path(target).expanduser()
    if not path.exists() or path.is_dir():
        return None
    if error.errno not in (errno.EPERM, errno.EACCES, errno.ETXTBSY, errno.EBUSY):
        return None
    if not os.access(path.parent, os.W_OK):
        return None
    return locked_file(path)


def locked_file(path: Path) -> str:
    """What to say about an existing file that may not be replaced."""
    return _(
        "{path} is locked against change (read-only, immutable or in use), so it cannot be replaced. Choose another file name, or unlock that file first."
    ).format(path=path)
