"""Where AcuChart keeps things on this computer, by the platform's conventions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

APP_NAME = "AcuChart"

JOURNAL_SUFFIXES = ("-wal", "-shm", "-journal")
"""What SQLite keeps beside a database file while it is written (``practice.acuchart-wal``…)."""
SIDECAR_SUFFIXES = (*JOURNAL_SUFFIXES, ".lock")
"""Every file AcuChart keeps beside the practice file while it is open: the journals and the single-copy lock."""


def default_practice_path() -> Path:
    """The practice file used when none is named: ``practice.acuchart`` in the user data folder."""
    import platformdirs  # imported when first needed: it is slow to load and start-up rarely needs it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "practice.acuchart"


def log_path() -> Path:
    """The log file, where details of anything unexpected go (never onto the screen)."""
    import platformdirs

    from acuchart.protection.files import private_folder

    folder = private_folder(Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)))
    return folder / "acuchart.log"


def is_writable(path: Path) -> bool:
    """True when ``path`` may be written, by its permission bits as well as by ``access``.

    Root passes every ``access`` check, so a file or folder someone marked read-only (no write bit
    at all) is treated as read-only even then: the intent is what matters.
    """
    mode = path.stat().st_mode
    has_write_bit = bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    return has_write_bit and os.access(path, os.W_OK)


def photo_store_path(practice_path: Path) -> Path:
    """The folder beside a practice file that holds its photos' originals: ``practice.acuchart.photos``.

    It belongs to the practice file as much as the file itself: moving or backing up a practice must
    carry it, and nothing else may write into it (a protected place for any output AcuChart writes).
    """
    return practice_path.with_name(practice_path.name + ".photos")
