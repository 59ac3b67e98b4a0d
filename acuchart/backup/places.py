"""Where a practice's backups go: a folder beside the app's data, and a second place the practitioner chose.

Each practice file has a folder of its own in each place, named after the file and a short fingerprint
of its full path, so two practices called ``practice.acuchart`` never share backups.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import NamedTuple

from acuchart.backup.settings import KEYS, BackupSettings
from acuchart.errors import BackupError
from acuchart.i18n import N_, _
from acuchart.paths import APP_NAME, SIDECAR_SUFFIXES
from acuchart.protection.files import private_folder, write_private
from acuchart.storage.cipher import sql_errors_and

log = logging.getLogger("acuchart.backup")

BACKUP_SUFFIX = ".acuchart-backup"
PARTIAL_SUFFIX = ".partial"
ASIDE_FOLDER = "failed verification"
"""Inside a backup folder: backups that failed their checks, kept for a specialist, never counted as good."""
SECOND_PLACE_FOLDER = "AcuChart backups"
"""Inside the second place: one folder per practice, so the chosen folder stays tidy."""
SECOND_PLACE_NOTE = "second place.txt"
"""In the folder on this computer: where else this practice's backups go (read when the practice file cannot be)."""
SIDECARS = SIDECAR_SUFFIXES
"""The files SQLite and AcuChart keep beside a practice file."""


class Place(NamedTuple):
    """One place backups of a practice go."""

    folder: Path
    """The folder the backup files are in."""
    label: str
    """How the practitioner calls it: "On this computer" or "Second place"."""
    root: Path
    """The folder the practitioner sees (the second place chosen; the app's data folder)."""

    @property
    def second(self) -> bool:
        """True for the second place."""
        return self.label == SECOND_LABEL


DEFAULT_LABEL = N_("On this computer")
SECOND_LABEL = N_("Second place")


def practice_key(practice_path: Path) -> str:
    """The name of a practice's backup folder: the file's name and a fingerprint of its full path."""
    resolved = practice_path.resolve()
    return f"{resolved.stem}-{hashlib.sha256(str(resolved).encode('utf-8')).hexdigest()[:8]}"


def data_root() -> Path:
    """The app's data folder, where backups go by default."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "backups"


def default_folder(practice_path: Path) -> Path:
    """The folder the practice's backups go to on this computer."""
    return data_root() / practice_key(practice_path)


def second_folder(second_place: Path, practice_path: Path) -> Path:
    """The folder the practice's backups go to inside the second place."""
    return second_place / SECOND_PLACE_FOLDER / practice_key(practice_path)


def places(practice_path: Path, settings: BackupSettings) -> list[Place]:
    """Every place this practice's backups go: this computer first, then the second place if one is chosen."""
    found = [Place(default_folder(practice_path), DEFAULT_LABEL, data_root())]
    second = settings.second_folder
    if second is not None:
        found.append(Place(second_folder(second, practice_path), SECOND_LABEL, second))
    return found


def backup_places(practice_path: Path) -> list[Path]:
    """Every folder that holds (or will hold) backups of the practice at ``practice_path``.

    For the output guard: nothing the app writes (a PDF, an export) may land in one of these. Reads the
    second place from the practice file itself, through a read-only connection (or, when the file cannot
    be read, from the note kept in the folder on this computer).
    """
    return [place.folder for place in places(practice_path, settings_or_default(practice_path))]


def read_settings(practice_path: Path) -> BackupSettings:
    """The backup settings stored in a practice file, read without opening the practice (the command line
    may back up a file the app has open).

    Raises:
        sqlite3.Error: the file cannot be read (damaged, say).
    """
    from acuchart.storage.backup_copy import stored_settings

    if not practice_path.is_file() or practice_path.stat().st_size == 0:
        return BackupSettings()
    return BackupSettings.from_stored(stored_settings(practice_path, KEYS))


def settings_or_default(practice_path: Path) -> BackupSettings:
    """The backup settings of a practice file; when the file cannot be read (damaged, missing), the
    defaults with the second place last noted in the folder on this computer (see :func:`note_places`)."""
    try:
        return read_settings(practice_path)
    except sql_errors_and(OSError, ValueError) as exc:
        log.info(
            "Backup settings of %s not readable (%s); using the note beside its backups", practice_path, exc
        )
    try:
        noted = (default_folder(practice_path) / SECOND_PLACE_NOTE).read_text(encoding="utf-8").strip()
    except OSError:
        noted = ""
    return BackupSettings(second_place=noted)


def note_places(practice_path: Path, settings: BackupSettings) -> None:
    """Note the second place in the folder on this computer, so the backups there can still be found when
    the practice file itself can no longer be read."""
    note = default_folder(practice_path) / SECOND_PLACE_NOTE
    try:
        if not note.exists() or note.read_text(encoding="utf-8").strip() != settings.second_place:
            write_private(
                private_folder(note.parent) / note.name, (settings.second_place + "\n").encode("utf-8")
            )
    except OSError as exc:
        log.info("Could not note the second place beside %s's backups: %s", practice_path, exc)


def refuse_practice_files(target: Path, practice_path: Path) -> None:
    """Raise :class:`BackupError` when writing ``target`` would overwrite the practice file or a file beside it.

    The output guard's own check, so every spelling of the same file (a symlink, ``..``, a relative
    path, another letter case, a hard link) is caught as it is for documents and exports.
    """
    from acuchart.output_guard import OutputRefusedError, ProtectedPlaces, protected_places, refuse_protected

    try:
        refuse_protected(target, ProtectedPlaces(files=protected_places(practice_path).files))
    except OutputRefusedError as exc:
        raise BackupError(
            _(
                "{target} is the practice file itself (or a file SQLite keeps beside it): a backup is never "
                "written there. Nothing was changed. Choose another folder for the backup."
            ).format(target=target)
        ) from exc
