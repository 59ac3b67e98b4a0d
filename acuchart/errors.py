"""Errors a practitioner may see: each says what happened and what to do, in plain words."""

from __future__ import annotations

from pathlib import Path


class AcuChartError(Exception):
    """Base class for every error meant to be shown to a person.

    The message is complete on its own: what happened and what to do about it.
    """


class StoreError(AcuChartError):
    """The practice file cannot be opened or written as asked."""


class NotSQLiteError(StoreError):
    """The chosen file is not an AcuChart (SQLite) file."""


class ReadOnlyError(StoreError):
    """The file or its folder cannot be written."""


class NewerSchemaError(StoreError):
    """The file was written by a newer AcuChart than this one."""


class AlreadyOpenError(StoreError):
    """Another copy of AcuChart has the file open."""


class DamagedFileError(StoreError):
    """The practice file is damaged: it fails SQLite's check, is empty, or was cut short.

    ``path`` is the file, ``detail`` what is wrong in a few plain words, and ``findings`` what was found
    in SQLite's own words, one line each (for ``check``, a dialog's details and the log).
    """

    def __init__(
        self, message: str, path: Path | None = None, findings: tuple[str, ...] = (), detail: str = ""
    ) -> None:
        super().__init__(message)
        self.path = path
        self.findings = findings
        self.detail = detail or (findings[0] if findings else message)


class DiskFullError(StoreError):
    """The disk is full: what was being written was not written, and what was saved before is safe."""


class DiskError(StoreError):
    """The disk (or the system under it) reported an error while reading or writing."""


class BackupError(AcuChartError):
    """A backup could not be made, verified, listed or restored; the practice itself is untouched."""


class BackupBusyError(BackupError):
    """Another copy of AcuChart (or the command line) is making a backup of this practice right now."""


class NotFoundError(AcuChartError):
    """A record asked for by id does not exist."""


class ValidationError(AcuChartError):
    """Input that cannot be saved. ``problems`` maps a field name to a message for that field."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__(" ".join(f"{msg}" for msg in self.problems.values()))


class SignedSessionError(AcuChartError):
    """A signed session was about to be changed in place; it takes an amendment instead."""


class ConsentMissingError(AcuChartError):
    """A session was about to start for a client with no consent on file and no override noted."""
