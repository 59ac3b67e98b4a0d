"""The practice: one open file and the services that read and change it. The front end's single entry point.

Each service is an attribute (``practice.clients``, ``practice.charting``…), made of the store and
the other services it needs: they compose, none inherits from another. Every method of a service
that changes a record is an operation (see :mod:`acuchart.changes`).
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from acuchart.i18n import _
from acuchart.services.clients import ClientService
from acuchart.services.settings import SettingsService
from acuchart.storage import faults
from acuchart.storage.cipher import database_errors
from acuchart.storage.store import Store

if TYPE_CHECKING:
    from acuchart.catalogue import Catalogue
    from acuchart.models import ClientRecord
    from acuchart.models.audit import AuditReport
    from acuchart.output_guard import ProtectedPlaces
    from acuchart.services.access import AccessService
    from acuchart.services.adjuncts import AdjunctService
    from acuchart.services.assessment import AssessmentService
    from acuchart.services.backups import BackupService
    from acuchart.services.charting import ChartingService
    from acuchart.services.consent import ConsentService
    from acuchart.services.courses import CourseService
    from acuchart.services.followups import FollowUpService
    from acuchart.services.needle_lots import NeedleLotService
    from acuchart.services.note_templates import NoteTemplateService
    from acuchart.services.photo_consent import PhotoConsentService
    from acuchart.services.photos import PhotoService
    from acuchart.services.protocols import ProtocolService
    from acuchart.services.ratings import RatingService
    from acuchart.services.reaction_map import ReactionMapService
    from acuchart.services.sessions import SessionService
    from acuchart.services.signing import SigningService
    from acuchart.services.skin import SkinService


class Practice:
    """An open practice file and its services.

    The client list's services are made at once; the rest on first use, so the window appears sooner.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._temporary_photos: Path | None = None
        self.clients = ClientService(store)
        self.settings = SettingsService(store)
        store.actor = self.settings.get().practitioner_name or "practitioner"

    @cached_property
    def catalogue(self) -> Catalogue:
        """The point catalogue (resources/points.csv)."""
        from acuchart.catalogue import load_catalogue

        return load_catalogue()

    @cached_property
    def access(self) -> AccessService:
        """Locking when idle, the unlock PIN, checking the passphrase at the lock screen."""
        from acuchart.services.access import AccessService

        return AccessService(self.store)

    @cached_property
    def sessions(self) -> SessionService:
        """Sessions: starting one, its details, the needle count."""
        from acuchart.services.sessions import SessionService

        return SessionService(self.store)

    @cached_property
    def charting(self) -> ChartingService:
        """A session's marks and reactions."""
        from acuchart.services.charting import ChartingService

        return ChartingService(self.store, self.catalogue)

    @cached_property
    def assessment(self) -> AssessmentService:
        """A session's TCM findings: tongue, pulse, eight principles, pattern, treatment principle."""
        from acuchart.services.assessment import AssessmentService

        return AssessmentService(self.store)

    @cached_property
    def needle_lots(self) -> NeedleLotService:
        """Boxes of needles, the ones a session used, and the recall lookup."""
        from acuchart.services.needle_lots import NeedleLotService

        return NeedleLotService(self.store)

    @cached_property
    def adjuncts(self) -> AdjunctService:
        """Adjunct techniques beside the needles: cupping, gua sha, rollers, microcurrent, LED, moxa, ear seeds."""
        from acuchart.services.adjuncts import AdjunctService

        return AdjunctService(self.store)

    @cached_property
    def skin(self) -> SkinService:
        """Objective skin measures: Fitzpatrick, Glogau, wrinkle grades per region."""
        from acuchart.services.skin import SkinService

        return SkinService(self.store)

    @cached_property
    def note_templates(self) -> NoteTemplateService:
        """The practice's own note templates per concern."""
        from acuchart.services.note_templates import NoteTemplateService

        return NoteTemplateService(self.store)

    @cached_property
    def protocols(self) -> ProtocolService:
        """The practitioner's own protocols."""
        from acuchart.services.protocols import ProtocolService

        return ProtocolService(self.store, self.catalogue)

    @cached_property
    def consent(self) -> ConsentService:
        """Informed consent on file."""
        from acuchart.services.consent import ConsentService

        return ConsentService(self.store, self.settings)

    @cached_property
    def courses(self) -> CourseService:
        """Courses of treatment and their progress."""
        from acuchart.services.courses import CourseService

        return CourseService(self.store)

    @cached_property
    def ratings(self) -> RatingService:
        """The client's ratings of their concerns at each session."""
        from acuchart.services.ratings import RatingService

        return RatingService(self.store)

    @cached_property
    def signing(self) -> SigningService:
        """Signing sessions, amendments and late entries."""
        from acuchart.services.signing import SigningService

        return SigningService(self.store, self.settings, self.ratings, self.sessions)

    @cached_property
    def followups(self) -> FollowUpService:
        """Resolving reactions; what needs following up; a client's history."""
        from acuchart.services.followups import FollowUpService

        return FollowUpService(self.store, self.settings)

    @cached_property
    def backups(self) -> BackupService:
        """How the practice is backed up (settings), and the record of a restore."""
        from acuchart.services.backups import BackupService

        return BackupService(self.store)

    @cached_property
    def reaction_map(self) -> ReactionMapService:
        """Where reactions happen across the practice, and how ratings changed over courses."""
        from acuchart.services.reaction_map import ReactionMapService

        return ReactionMapService(self.store, self.catalogue)

    @cached_property
    def photo_consent(self) -> PhotoConsentService:
        """Photo consent: clinical record, teaching, marketing."""
        from acuchart.services.photo_consent import PhotoConsentService

        return PhotoConsentService(self.store, self.settings)

    @cached_property
    def photos(self) -> PhotoService:
        """Photos of the client at each session, and the photo folder beside the file."""
        from acuchart.photos.store import PhotoStore
        from acuchart.services.photos import PhotoService

        if self.path is not None:
            from acuchart.paths import photo_store_path

            folder = photo_store_path(self.path)
        else:  # an in-memory practice (tests) keeps its photos in a folder of its own, gone on close
            import tempfile

            folder = Path(tempfile.mkdtemp(prefix="acuchart-photos-"))
            self._temporary_photos = folder
        from acuchart.storage.cipher import unlocked_key

        key = (
            unlocked_key(self.path) if self.path is not None else None
        )  # a protected practice's photos are sealed
        return PhotoService(
            self.store,
            PhotoStore(folder, key),
            self.photo_consent,
            lambda: self.settings.get().practitioner_name,
        )

    def client_record(self, client_id: int, today: dt.date | None = None) -> ClientRecord:
        """Everything the client page shows beyond identity, in a handful of queries."""
        from acuchart.models import ClientRecord
        from acuchart.services.record_rules import today_or

        day = today_or(today)
        client = self.clients.get(client_id)
        return ClientRecord(
            client=client,
            caution_review=self.followups.caution_review(client, day),
            consents=tuple(self.consent.consents_for(client_id)),
            courses=self.courses.overviews(client_id, day),
            history=tuple(self.followups.client_history(client_id)),
            reactions=tuple(self.followups.reactions_for_client(client_id)),
        )

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        accept_empty: bool = False,
        passphrase: str = "",
        recovery_key: str = "",
        key: bytes | None = None,
    ) -> Practice:
        """Open or create the practice file at ``path``; raises ``StoreError`` with a message to show.

        A file with an older schema is backed up before its migrations run. An empty file is refused as
        damaged, unless ``accept_empty``: the caller made it just now for a new practice. A protected
        practice needs its ``passphrase``, its ``recovery_key`` or its data ``key``; without one it raises
        :class:`~acuchart.errors.ProtectedFileError` (a wrong one raises ``WrongPassphraseError``). The file
        and the journal and lock files beside it are owner-only (see :func:`acuchart.protection.files.born_private`)."""
        from acuchart.protection.files import born_private

        if key is None and str(path) != ":memory:":
            if passphrase or recovery_key:
                from acuchart.encryption import unlock_key

                key = unlock_key(Path(path), passphrase=passphrase, recovery_key=recovery_key)
            else:
                from acuchart.storage.cipher import unlocked_key

                key = unlocked_key(Path(path))  # unlocked earlier in this process (the command line)
        with born_private(path) as made:
            store = Store.open(
                path, before_migrating=_back_up_before_migrating, accept_empty=accept_empty or made, key=key
            )
        try:
            return cls(store)
        except database_errors() as exc:  # damage in the first pages read (the settings): named, not raw
            store.close()
            raise faults.open_failure(exc, Path(path)) from exc

    @property
    def protected(self) -> bool:
        """True when the practice file is encrypted at rest (a passphrase opens it)."""
        return self.store.encrypted

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
        return self.path.stem if self.path else _("Untitled practice")

    def protected_places(self) -> ProtectedPlaces:
        """The places no document or export may be written to: this practice's file and its own files."""
        from acuchart.output_guard import protected_places

        return protected_places(self.path)

    def verify_audit(self) -> AuditReport:
        """Check the audit chain."""
        return self.store.verify_audit()

    def verify_audit_apart(self) -> AuditReport:
        """Check the audit chain through a read-only connection of its own, so it may run in another
        thread beside this practice's writer (an in-memory practice is checked on its own connection)."""
        if self.path is None:
            return self.verify_audit()
        from acuchart.storage.audit import verify_file

        return verify_file(self.path)

    def __enter__(self) -> Practice:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the file and release it for other programs."""
        self.store.close()
        if self._temporary_photos is not None:
            import shutil

            shutil.rmtree(self._temporary_photos, ignore_errors=True)


def _back_up_before_migrating(path: Path, pending: list[str]) -> None:
    """Back a file up before migrations change its schema; refuse to change it if no good backup is made."""
    from acuchart.backup.make import BEFORE_UPDATING, back_up_before

    back_up_before(
        path,
        BEFORE_UPDATING,
        _("updating it to this version of AcuChart ({changes})").format(changes=", ".join(pending)),
    )
