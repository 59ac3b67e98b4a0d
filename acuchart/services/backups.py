"""The practice's backup settings, and the record of a restore in the audit trail."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from acuchart.backup.settings import KEYS, BackupSettings, Keep, validate
from acuchart.changes import NOTHING, Changes, OpResult
from acuchart.errors import ValidationError
from acuchart.storage import settings as setting_rows
from acuchart.storage.store import Store


class BackupService:
    """Reads and changes how the practice is backed up; every change is one audited transaction."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def settings(self) -> BackupSettings:
        """The backup settings, with defaults for anything never set."""
        stored = setting_rows.all_settings(self._store)
        return BackupSettings.from_stored({k: v for k, v in stored.items() if k in KEYS})

    def update_settings(
        self,
        *,
        interval_minutes: int | None = None,
        second_place: str | Path | None = None,
        keep: Keep | dict[str, int] | None = None,
    ) -> OpResult[BackupSettings]:
        """Change some backup settings (those given); raises :class:`ValidationError` naming each bad one,
        saving none. An empty ``second_place`` means backups stay on this computer only."""
        values, problems = validate(self._store.path, interval_minutes, second_place, keep)
        if problems:
            raise ValidationError(problems)
        with self._store.write() as writer:
            for key, value in values.items():
                writer.put_setting(key, value)
        return OpResult(self.settings(), Changes(settings=True))

    def record_restore(
        self, *, backup: Path, taken_at: str, sha256: str, kept: Path | None
    ) -> OpResult[None]:
        """Write into the audit trail that this practice was restored from ``backup`` (taken at
        ``taken_at``), and where the practice as it was before is kept."""
        data: dict[str, Any] = {
            "backup": str(backup),
            "taken_at": taken_at,
            "sha256": sha256,
            "previous_practice_kept_as": str(kept) if kept is not None else "",
        }
        with self._store.write() as writer:
            writer.audit("restore", "practice", None, data)
        return OpResult(None, NOTHING)  # the app opens the restored practice afresh: nothing to refresh
