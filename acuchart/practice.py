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
    from acuchart.output_guard import ProtectedPlaces
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

    @classmethod
    def open(cls, path: Path | str) -> Practice:
        """Open or create the practice file at ``path``; raises ``StoreError`` with a message to show."""
        return cls(Store.open(path))

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

    def protected_places(self) -> ProtectedPlaces:
        """The places no document or export may be written to: this practice's file and its own files."""
        from acuchart.output_guard import protected_places

        return protected_places(self.path)

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
