"""The practice: one open file and the services that change it. The front end's single entry point."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from acuchart.changes import ChangeHub, Changes, Listener
from acuchart.services.clients import ClientService
from acuchart.services.settings import SettingsService
from acuchart.storage.store import Store

if TYPE_CHECKING:
    from acuchart.services.backups import BackupService
    from acuchart.services.records import RecordService
    from acuchart.services.sessions import SessionService
    from acuchart.storage.audit import AuditReport


class Practice:
    """An open practice file.

    Services are attributes (``practice.clients``, ``practice.settings``); every change they make
    is one transaction, and after it listeners registered with :meth:`subscribe` hear what changed.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._hub = ChangeHub()
        self.clients = ClientService(store, self._hub)
        self.settings = SettingsService(store, self._hub)
        store.actor = self.settings.get().practitioner_name or "practitioner"

    # Charting and the clinical record load on first use, so the client list appears sooner.
    @cached_property
    def sessions(self) -> SessionService:
        """Charting: sessions, marks, reactions, needles, protocols."""
        from acuchart.catalogue import load_catalogue
        from acuchart.services.sessions import SessionService

        return SessionService(self.store, self._hub, load_catalogue())

    @cached_property
    def records(self) -> RecordService:
        """The clinical record: consent, courses, ratings, signing, amendments, follow-ups."""
        from acuchart.services.records import RecordService

        return RecordService(self.store, self._hub, self.settings, self.sessions)

    @cached_property
    def backups(self) -> BackupService:
        """How the practice is backed up (settings), and the record of a restore."""
        from acuchart.services.backups import BackupService

        return BackupService(self.store, self._hub)

    @classmethod
    def open(cls, path: Path | str) -> Practice:
        """Open or create the practice file at ``path``; raises ``StoreError`` with a message to show.

        A file with an older schema is backed up before its migrations run."""
        return cls(Store.open(path, before_migrating=_back_up_before_migrating))

    @property
    def path(self) -> Path | None:
        """The practice file, or None for an in-memory practice."""
        return self.store.path

    @property
    def title(self) -> str:
        """The practice's name, or the file's name when none is set."""
        name = self.settings.get().practice_name
        if name:
            return name
        return self.path.stem if self.path else "Untitled practice"

    def subscribe(self, listener: Listener) -> None:
        """Hear about every change from now on."""
        self._hub.subscribe(listener)

    def unsubscribe(self, listener: Listener) -> None:
        """Stop hearing about changes."""
        self._hub.unsubscribe(listener)

    def publish(self, changes: Changes) -> None:
        """Tell listeners about a change made outside a service (e.g. after an import)."""
        self._hub.publish(changes)

    def verify_audit(self) -> AuditReport:
        """Check the audit chain."""
        return self.store.verify_audit()

    def close(self) -> None:
        """Close the file and release it for other programs."""
        self.store.close()


def _back_up_before_migrating(path: Path, pending: list[str]) -> None:
    """Back a file up before migrations change its schema; refuse to change it if no good backup is made."""
    from acuchart.backup.make import BEFORE_UPDATING, back_up
    from acuchart.errors import BackupError

    report = back_up(path, BEFORE_UPDATING, pinned=True)
    if report.made is None:
        raise BackupError(
            f"{path} needs updating to this version of AcuChart ({', '.join(pending)}), but a backup of it "
            f"could not be made first: {' '.join(report.problems)} Nothing was changed."
        )
