"""Photos of the client at each session: importing, viewing, aligning, hiding; and checking the folder.

Every change is an operation: one transaction, audited, returning what it changed. A photo's original
is written to the photo folder (:class:`~acuchart.photos.store.PhotoStore`) completely *before* its
record is inserted; if the record cannot be inserted, a file written for it is removed again, so an
import either lands whole (file, record with its SHA-256 in the audit trail, thumbnail) or leaves
nothing behind.

A photo needs the client's photo consent for the clinical record (:mod:`acuchart.services.photo_consent`).
A photo of a signed session is never deleted: it is hidden with a reason, as an amendment; one added
or re-framed after signing is an amendment too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from acuchart import clock
from acuchart.changes import Changes, OpResult
from acuchart.i18n import _
from acuchart.models import Alignment, Photo, PhotoCheck, SessionPhoto
from acuchart.models.photos import PHOTO_AMENDMENTS, PHOTO_VIEW_LABELS
from acuchart.photos.images import PhotoImportError, PreparedPhoto, prepare
from acuchart.photos.store import PhotoStore, Progress, StoredPhoto, check_photos, sha256_of
from acuchart.services.photo_consent import PhotoConsentService
from acuchart.services.record_rules import raise_if
from acuchart.storage import photos as rows
from acuchart.storage import records as record_rows
from acuchart.storage.store import Store, Writer
from acuchart.text import LONG_TEXT, SHORT_TEXT, check_length, clean

EXPORT_SIDE = 1600
"""Pixels on the longer side of each photo in an export."""
MAX_FILE_BYTES = 200 * 1024 * 1024
"""No phone or camera photo comes near this; a file that size is something else."""


class DuplicatePhotoError(PhotoImportError):
    """The very same photo is in the practice already."""


def _session_photo(row: dict[str, Any]) -> SessionPhoto:
    return SessionPhoto(
        photo=Photo.from_row(row),
        client_id=row["client_id"],
        session_started_at=dt.datetime.fromisoformat(row["session_started_at"]),
        session_signed=row["session_signed_at"] is not None,
        course_id=row["course_id"],
        number=row["number"],
        planned=row["planned"],
    )


def _changes(photo: SessionPhoto | dict[str, Any], amended: bool = False) -> Changes:
    client_id = photo.client_id if isinstance(photo, SessionPhoto) else photo["client_id"]
    session_id = photo.photo.session_id if isinstance(photo, SessionPhoto) else photo["session_id"]
    return Changes(
        photos=True, sessions=amended, amendments=amended, client_id=client_id, session_id=session_id
    )


class PhotoService:
    """Photos and the photo folder of one practice.

    Args:
        store: the open practice file.
        files: the photo folder (every original's bytes go through it).
        consent: photo consent, which every import asks first.
        practitioner: who is charting (names the author of an amendment).
    """

    def __init__(
        self, store: Store, files: PhotoStore, consent: PhotoConsentService, practitioner: Callable[[], str]
    ) -> None:
        self._store = store
        self.files = files
        self._consent = consent
        self._practitioner = practitioner

    # --- reading -----------------------------------------------------------------------------
    def get(self, photo_id: int) -> SessionPhoto:
        """One photo with its session; ``NotFoundError`` if there is none."""
        return _session_photo(rows.photo(self._store, photo_id))

    def for_session(self, session_id: int, include_hidden: bool = False) -> list[SessionPhoto]:
        """A session's photos, by view."""
        found = [_session_photo(r) for r in rows.for_session(self._store, session_id)]
        return [p for p in found if include_hidden or not p.photo.hidden]

    def for_client(self, client_id: int, include_hidden: bool = False) -> list[SessionPhoto]:
        """A client's photos, oldest session first."""
        found = [_session_photo(r) for r in rows.for_client(self._store, client_id)]
        return [p for p in found if include_hidden or not p.photo.hidden]

    def first_of_view(self, client_id: int, view: str, not_session: int | None = None) -> SessionPhoto | None:
        """The client's earliest photo of ``view`` (the ghost a later photo is lined up with)."""
        for item in self.for_client(client_id):
            if item.photo.view == view and item.photo.session_id != not_session:
                return item
        return None

    def thumbnail(self, photo_id: int) -> bytes:
        """The photo's thumbnail JPEG (empty when it has none)."""
        return rows.thumbnail(self._store, photo_id) or b""

    def original(self, photo: Photo) -> bytes:
        """The original's bytes, from the photo folder (``PhotoStoreError`` when missing)."""
        return self.files.read(StoredPhoto(photo.sha256, photo.extension))

    def stored_photos(self) -> list[StoredPhoto]:
        """Every original the practice file names: what a backup must carry (and its manifest lists)."""
        return [StoredPhoto(sha, ext) for _, sha, ext in rows.files_in_use(self._store)]

    def check(self, progress: Progress | None = None) -> PhotoCheck:
        """Hash every original the file names and report those missing or altered."""
        return check_photos(self.files, rows.files_in_use(self._store), progress)

    def export_pair(self, before_id: int, after_id: int, use: str, path: Path | str) -> Path:
        """Write two photos side by side (aligned, no metadata) for teaching or marketing, if the client allows it.

        Raises:
            PhotoConsentMissingError: the client has not given (or has withdrawn) consent to this use.
            PhotoExportError: the file cannot be written there.
        """
        from acuchart.photos.export import side_by_side, write_export
        from acuchart.photos.images import rendition

        before, after = self.get(before_id), self.get(after_id)
        self._consent.require(before.client_id, use)
        made = [rendition(self.original(p.photo), p.photo.alignment, EXPORT_SIDE) for p in (before, after)]
        return write_export(side_by_side(*made), Path(path), self.files.folder)

    # --- importing ---------------------------------------------------------------------------
    def import_file(
        self, session_id: int, path: Path | str, view: str, label: str = ""
    ) -> OpResult[SessionPhoto]:
        """Import one photo file into a session (see :meth:`import_bytes`).

        The taken-at time is the photo's own capture time, else the file's modification time, else now.

        Raises:
            PhotoImportError: the file is gone, unreadable, not a supported photo, or already stored.
        """
        path = Path(path)
        self._check_before_reading(session_id, view, label)
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise PhotoImportError(
                    _(
                        "{name} is {value:.0f} MB, far more than any photo. Choose the photo file itself."
                    ).format(name=path.name, value=path.stat().st_size / 2**20)
                )
            modified = dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
            data = path.read_bytes()
        except FileNotFoundError as exc:
            raise PhotoImportError(
                f"{path.name} is no longer in {path.absolute().parent} (it was moved or deleted, or the card or phone "
                "was disconnected). Nothing was stored; import it again from where it is now."
            ) from exc
        except IsADirectoryError as exc:
            raise PhotoImportError(
                _("{name} is a folder. Choose photo files, or import the folder.").format(name=path.name)
            ) from exc
        except OSError as exc:
            raise PhotoImportError(
                _("{name} could not be read ({value}). Nothing was stored.").format(
                    name=path.name, value=exc.strerror or exc
                )
            ) from exc
        return self.import_bytes(session_id, data, path.name, view, label, modified)

    def import_bytes(
        self,
        session_id: int,
        data: bytes,
        name: str,
        view: str,
        label: str = "",
        modified: dt.datetime | None = None,
    ) -> OpResult[SessionPhoto]:
        """Store a photo for a session: metadata removed, original in the folder, record and thumbnail in the file.

        Args:
            session_id: the session the photo belongs to.
            data: the photo file's bytes (JPEG, PNG or HEIC).
            name: the file's name, for messages and the record.
            view: a key of :data:`~acuchart.models.PHOTO_VIEWS`.
            label: what a close-up shows ("left cheek").
            modified: the file's modification time (the taken-at time when the photo has none).

        Raises:
            PhotoConsentMissingError: the client has not consented to photos in the clinical record.
            DuplicatePhotoError: this very photo is stored already.
            PhotoImportError: not a supported photo, damaged, or too large.
            PhotoStoreError: the photo folder cannot be written (a full disk); nothing is left behind.
        """
        session, cleaned_label = self._check_before_reading(session_id, view, label)
        stored, written, prepared = self._store_file(data, name)
        sha = stored.sha256
        self._refuse_duplicate(
            sha, name
        )  # a file found (or put back) under its own name stays: it is that photo
        if prepared.taken_at is not None:
            taken, source = prepared.taken_at, "photo"
        elif modified is not None:
            taken, source = modified, "file"
        else:
            taken, source = clock.now(), "import"
        row = {
            "session_id": session_id,
            "view": view,
            "label": cleaned_label,
            "sha256": sha,
            "extension": prepared.extension,
            "width": prepared.width,
            "height": prepared.height,
            "byte_size": len(prepared.data),
            "taken_at": taken.isoformat(timespec="seconds"),
            "taken_at_source": source,
            "original_name": clean(name)[:SHORT_TEXT],
            "created_at": clock.stamp(),
        }
        try:
            with self._store.write() as writer:
                photo_id = writer.insert("photos", row)
                writer.insert(
                    "photo_thumbnails",
                    {"photo_id": photo_id, "jpeg": prepared.thumbnail},
                    audited={"photo_id": photo_id, "sha256": sha256_of(prepared.thumbnail)},
                )
                if session["signed_at"]:
                    self._amend(
                        writer,
                        session,
                        photo_id,
                        "photo_added",
                        None,
                        _describe(view, cleaned_label, name),
                        _("Photo added after the session was signed."),
                    )
        except BaseException:
            if written:
                self.files.remove(stored)  # no orphan file: the record it was written for is not there
            raise
        photo = self.get(photo_id)
        return OpResult(photo, _changes(photo, amended=bool(session["signed_at"])))

    def _store_file(self, data: bytes, name: str) -> tuple[StoredPhoto, bool, PreparedPhoto]:
        """Clean the photo and write its original to the folder while its thumbnail is being made.

        Returns the stored name, whether the file was written now, and the prepared photo. A file written
        for a photo that then turns out to be damaged is removed again.
        """
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="photo-write") as pool:
            writing: list[Future[tuple[StoredPhoto, bool]]] = []
            try:
                prepared = prepare(
                    data,
                    name,
                    lambda clean, ext: writing.append(pool.submit(self.files.put, clean, ext, name)),
                )
            except BaseException:
                if writing and writing[0].exception() is None:
                    stored, written = writing[0].result()
                    if written:
                        self.files.remove(stored)
                raise
            stored, written = writing[0].result()  # raises PhotoStoreError for a full disk
        return stored, written, prepared

    def _check_before_reading(self, session_id: int, view: str, label: str) -> tuple[dict[str, Any], str]:
        """The session and the cleaned label; refuses before any file is read."""
        session = record_rows.session(self._store, session_id)
        self._consent.require_clinical(session["client_id"])
        problems: dict[str, str] = {}
        if view not in PHOTO_VIEW_LABELS:
            problems["view"] = _("Choose the photo's view: {join}.").format(
                join=", ".join(PHOTO_VIEW_LABELS.values())
            )
        cleaned = clean(label)
        check_length(problems, "label", cleaned, SHORT_TEXT, _("The label"))
        raise_if(problems)
        return session, cleaned

    def _refuse_duplicate(self, sha: str, name: str) -> None:
        existing = rows.by_hash(self._store, sha)
        if existing is None:
            return
        found = _session_photo(existing)
        where = _("the session of {session_label}").format(session_label=found.session_label)
        hidden = _(" (hidden from the record)") if found.photo.hidden else ""
        raise DuplicatePhotoError(
            _(
                "{name} is already stored: it is photo {id}, {lower}, in {where}{hidden}. It was not imported twice."
            ).format(
                name=name, id=found.photo.id, lower=found.photo.view_label.lower(), where=where, hidden=hidden
            )
        )

    # --- changing ----------------------------------------------------------------------------
    def set_view(self, photo_id: int, view: str, label: str = "", reason: str = "") -> OpResult[SessionPhoto]:
        """Say which view a photo shows (and a close-up's label). After signing, an amendment with ``reason``."""
        photo = self.get(photo_id)
        problems: dict[str, str] = {}
        if view not in PHOTO_VIEW_LABELS:
            problems["view"] = _("Choose the photo's view: {join}.").format(
                join=", ".join(PHOTO_VIEW_LABELS.values())
            )
        cleaned = clean(label) if view == "close_up" else ""
        check_length(problems, "label", cleaned, SHORT_TEXT, _("The label"))
        raise_if(problems)
        if (view, cleaned) == (photo.photo.view, photo.photo.label):
            return OpResult(photo, Changes())
        return self._change(
            photo,
            {"view": view, "label": cleaned},
            "photo_view",
            photo.photo.view_label,
            _describe(view, cleaned, ""),
            reason,
        )

    def align(self, photo_id: int, alignment: Alignment, reason: str = "") -> OpResult[SessionPhoto]:
        """Store how the photo is straightened and framed; the original is untouched.

        After signing, this is an amendment with ``reason``.
        """
        photo = self.get(photo_id)
        problems: dict[str, str] = {}
        if not -45 <= alignment.angle <= 45:
            problems["angle"] = _("Turn the photo by at most 45 degrees either way.")
        if not 0.5 <= alignment.scale <= 4:
            problems["scale"] = _("Enlarge the photo between half and four times its size.")
        if not (-1 <= alignment.dx <= 1 and -1 <= alignment.dy <= 1):
            problems["offset"] = _("Move the photo by less than its own width or height.")
        raise_if(problems)
        if alignment == photo.photo.alignment:
            return OpResult(photo, Changes())
        return self._change(
            photo,
            {"alignment": alignment.to_json()},
            "photo_alignment",
            _alignment_text(photo.photo.alignment),
            _alignment_text(alignment),
            reason,
        )

    def remove(self, photo_id: int, reason: str = "") -> OpResult[SessionPhoto | None]:
        """Take a photo out of the record.

        Before signing the photo is deleted (its record, thumbnail and original). After signing it is
        kept and hidden, with ``reason``, as an amendment: a signed record loses nothing.

        Raises:
            ValidationError: the session is signed and no reason is given.
        """
        photo = self.get(photo_id)
        if photo.session_signed:
            if photo.photo.hidden:
                return OpResult(photo, Changes())
            why = self._reason(reason)
            session = record_rows.session(self._store, photo.photo.session_id)
            with self._store.write() as writer:
                writer.update("photos", photo_id, {"hidden_at": writer.at, "hidden_reason": why})
                self._amend(
                    writer, session, photo_id, "photo_hidden", photo.photo.view_label, _("Hidden"), why
                )
            return OpResult(self.get(photo_id), _changes(photo, amended=True))
        stored = StoredPhoto(photo.photo.sha256, photo.photo.extension)
        with self._store.write() as writer:
            thumb = rows.thumbnail_id(self._store, photo_id)
            if thumb is not None:
                writer.delete("photo_thumbnails", thumb, audited={"photo_id": photo_id})
            writer.delete("photos", photo_id)
        self.files.remove(stored)
        return OpResult(None, _changes(photo))

    def _change(
        self, photo: SessionPhoto, values: dict[str, Any], field: str, old: str, new: str, reason: str
    ) -> OpResult[SessionPhoto]:
        if photo.session_signed:
            why = self._reason(reason)
            session = record_rows.session(self._store, photo.photo.session_id)
            with self._store.write() as writer:
                writer.update("photos", photo.photo.id, values)
                self._amend(writer, session, photo.photo.id, field, old, new, why)
            return OpResult(self.get(photo.photo.id), _changes(photo, amended=True))
        with self._store.write() as writer:
            writer.update("photos", photo.photo.id, values)
        return OpResult(self.get(photo.photo.id), _changes(photo))

    def _reason(self, reason: str) -> str:
        why = clean(reason)
        problems: dict[str, str] = {}
        if not why:
            problems["reason"] = _("The session is signed: say why its photo is being changed.")
        check_length(problems, "reason", why, LONG_TEXT, _("The reason"))
        raise_if(problems)
        return why

    def _amend(
        self,
        writer: Writer,
        session: dict[str, Any],
        photo_id: int,
        field: str,
        old: str | None,
        new: str,
        reason: str,
    ) -> None:
        """Append an amendment to a signed session, in the photo change's own transaction."""
        assert field in PHOTO_AMENDMENTS
        amendment_id = writer.insert(
            "amendments",
            {
                "session_id": session["id"],
                "entity": "photos",
                "entity_id": photo_id,
                "field": field,
                "old_value": old,
                "new_value": new,
                "reason": reason,
                "author": self._practitioner() or self._store.actor,
                "at": writer.at,
            },
        )
        writer.audit("amend", "sessions", session["id"], {"amendment_id": amendment_id, "reason": reason})


def _describe(view: str, label: str, name: str) -> str:
    text = PHOTO_VIEW_LABELS[view] + (f": {label}" if view == "close_up" and label else "")
    return f"{text} ({name})" if name else text


def _alignment_text(alignment: Alignment) -> str:
    if alignment.is_identity:
        return _("As taken")
    return _(
        "Turned {angle:+.1f}°, enlarged {scale:.2f}×, moved {value:+.0f}% across and {value2:+.0f}% down"
    ).format(
        angle=alignment.angle, scale=alignment.scale, value=alignment.dx * 100, value2=alignment.dy * 100
    )
