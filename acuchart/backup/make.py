"""Making a backup: copy, flush, rename, verify, record, thin; then the same copy to the second place.

A backup counts only when all of this happened: the copy was written completely under a temporary name,
flushed to the disk and renamed; then opened read-only, passed SQLite's integrity check, its audit chain
was walked, and what it holds matched what the practice held at the moment of the copy. Only then is its
manifest written beside it. A copy that fails is set aside (kept, reported, never counted as good), and
thinning, which counts only good backups, never removes a good one because of it.
"""

from __future__ import annotations

import datetime as dt
import errno
import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from acuchart import __version__, clock
from acuchart.backup.catalog import Backup, file_hash, judge
from acuchart.backup.files import StepFlush, copy_synced, folder_lock, forget_cached
from acuchart.backup.folder import discard, new_name, set_aside, sweep, thin
from acuchart.backup.manifest import Manifest, manifest_path
from acuchart.backup.photos import carry, place_photos
from acuchart.backup.places import (
    ASIDE_FOLDER,
    PARTIAL_SUFFIX,
    Place,
    note_places,
    places,
    refuse_practice_files,
    settings_or_default,
)
from acuchart.backup.settings import BackupSettings
from acuchart.backup.verify import anchor, check_copy, same_bytes
from acuchart.errors import AcuChartError, BackupError, StoreError
from acuchart.i18n import N_, _, ngettext
from acuchart.paths import photo_store_path
from acuchart.protection.files import create_private, private_folder, sync_file, sync_folder, write_private
from acuchart.storage import faults
from acuchart.storage.backup_copy import Snapshot, copy_practice
from acuchart.storage.cipher import sql_errors, unlocked_key
from acuchart.storage.connections import Connector, connector_for

log = logging.getLogger("acuchart.backup")

# Why a backup was made: kept in its manifest in these English words, shown translated (``_(reason)``).
AUTOMATIC = N_("automatic")
ON_QUITTING = N_("on quitting")
BY_HAND = N_("by hand")
BEFORE_RESTORING = N_("before restoring")
BEFORE_UPDATING = N_("before updating the file's schema")
BEFORE_IMPORTING = N_("before importing clients")

Progress = Callable[[float, str], None]
"""Told how far the backup is (0 to 1) and what it is doing, in words."""


class PlaceOutcome(NamedTuple):
    """What became of the backup in one place."""

    place: Place
    backup: Backup | None
    """The new good backup there; None when none was made."""
    problem: str = ""
    """Why none was made there, in words ('' when one was)."""
    removed: int = 0
    """How many old backups thinning removed there."""

    @property
    def ok(self) -> bool:
        """True when a good backup landed in this place."""
        return self.backup is not None and not self.problem


class BackupReport(NamedTuple):
    """What one backup run did, place by place."""

    outcomes: list[PlaceOutcome]
    snapshot: Snapshot | None
    timings: dict[str, float]
    """Seconds per step: "copy" (copy, flush, rename), "verify", "second" (the other places)."""

    @property
    def ok(self) -> bool:
        """True when every place got a good backup."""
        return bool(self.outcomes) and all(outcome.ok for outcome in self.outcomes)

    @property
    def made(self) -> Backup | None:
        """The first good backup made, if any."""
        return next((o.backup for o in self.outcomes if o.backup is not None), None)

    @property
    def problems(self) -> list[str]:
        """Every place's problem, in words."""
        return [o.problem for o in self.outcomes if o.problem]


def back_up(
    practice_path: Path,
    reason: str,
    *,
    settings: BackupSettings | None = None,
    to: Path | None = None,
    connect: Connector | None = None,
    progress: Progress | None = None,
    pinned: bool = False,
) -> BackupReport:
    """Back the practice file up in each of its places (or only into ``to``) and verify every copy.

    Never raises for a place that cannot take the backup (full, read-only, unplugged): that place's
    outcome says so and the other places still get theirs. The practice file is only ever read.

    Args:
        practice_path: the practice file (it may be open in the app meanwhile).
        reason: why (``AUTOMATIC``, ``ON_QUITTING``, ``BY_HAND``, ``BEFORE_RESTORING``…), kept in the manifest.
        settings: the backup settings (read from the file when not given).
        to: a folder to put this one backup in instead of the usual places (not thinned).
        connect: makes the SQLite connections (an encrypted practice passes one that unlocks them).
        progress: told how far the backup is.
        pinned: keep this backup through thinning.

    Raises:
        StoreError: the practice file itself cannot be read (missing, damaged, disk error).
        BackupBusyError: another copy of AcuChart is backing this practice up right now.
    """
    practice_path = practice_path.absolute()
    if not practice_path.is_file():
        raise StoreError(
            _("There is no practice file at {path}. Nothing was backed up.").format(path=practice_path)
        )
    connect = connect or connector_for(practice_path)
    if settings is None:
        settings = settings_or_default(practice_path)
    chosen = (
        [Place(to.absolute(), N_("Chosen folder"), to.absolute())]
        if to is not None
        else places(practice_path, settings)
    )
    moment = clock.now()
    timings: dict[str, float] = {}
    outcomes: list[PlaceOutcome] = []
    origin: Backup | None = None
    snapshot: Snapshot | None = None
    tell = progress or (lambda _fraction, _what: None)
    for place in chosen:
        thin = settings if to is None else None
        if origin is None:
            outcome, snapshot = _fresh_copy(
                practice_path, place, reason, moment, thin, connect, tell, timings, pinned
            )
            origin = outcome.backup
        else:
            begin = time.perf_counter()
            tell(0.95, _("Copying the backup to {place}…").format(place=place.root))
            outcome = _copy_of(origin, practice_path, place, thin, connect)
            timings["second"] = timings.get("second", 0.0) + time.perf_counter() - begin
        outcomes.append(outcome)
        if outcome.ok and to is None and not place.second:
            note_places(practice_path, settings)  # beside a good backup: where the others go
        if outcome.problem:
            log.warning(
                "Backup of %s (%s) not made in %s: %s", practice_path, reason, place.folder, outcome.problem
            )
    tell(1.0, _("Backup done"))
    return BackupReport(outcomes, snapshot, timings)


def back_up_before(practice_path: Path, reason: str, doing: str) -> Backup:
    """Back the practice up before something risky (updating its schema, importing, encrypting) and
    return the backup, pinned so thinning keeps it.

    Raises:
        BackupError: no good backup could be made; the caller must not go ahead (``doing`` names what
            would have happened, "importing 40 clients").
    """
    report = back_up(practice_path, reason, pinned=True)
    if report.made is None:
        raise BackupError(
            _(
                "A backup of {path} could not be made before {doing}: {problems} "
                "Nothing was changed. Fix that, then try again."
            ).format(path=practice_path, doing=doing, problems=" ".join(report.problems))
        )
    return report.made


def _fresh_copy(
    practice_path: Path,
    place: Place,
    reason: str,
    moment: dt.datetime,
    settings: BackupSettings | None,
    connect: Connector,
    tell: Progress,
    timings: dict[str, float],
    pinned: bool,
) -> tuple[PlaceOutcome, Snapshot | None]:
    """Copy the practice into ``place`` and verify the copy there."""
    problem = _prepare(place)
    if problem:
        return PlaceOutcome(place, None, problem), None
    try:
        with folder_lock(place.folder, _("backing up this practice")):
            return _copy_and_verify(
                practice_path, place, reason, moment, settings, connect, tell, timings, pinned
            )
    except OSError as exc:
        return PlaceOutcome(place, None, _write_problem(exc, place)), None


def _copy_and_verify(
    practice_path: Path,
    place: Place,
    reason: str,
    moment: dt.datetime,
    settings: BackupSettings | None,
    connect: Connector,
    tell: Progress,
    timings: dict[str, float],
    pinned: bool,
) -> tuple[PlaceOutcome, Snapshot | None]:
    folder = place.folder
    sweep(folder)
    final = new_name(folder, practice_path, moment)
    partial = folder / f".{final.name}{PARTIAL_SUFFIX}"
    for target in (final, partial):
        refuse_practice_files(target, practice_path)
    start = anchor(folder, moment)
    begin = time.perf_counter()
    tell(0.0, _("Copying the practice…"))
    flushing = StepFlush(partial)
    try:

        def step(done: int, total: int) -> None:
            flushing.flush()
            tell(0.5 * done / max(total, 1), _("Copying the practice…"))

        try:
            create_private(partial).close()  # SQLite fills the empty file; its journal takes the file's mode
            snapshot = copy_practice(practice_path, partial, connect=connect, progress=step)
        finally:
            flushing.close()
        sync_file(partial)
        os.replace(partial, final)
        sync_folder(folder)
    except sql_errors() as exc:
        discard(partial)
        source_problem = _source_problem(exc, practice_path)
        if source_problem is not None:
            raise source_problem from exc
        return PlaceOutcome(place, None, _write_problem(exc, place)), None
    except OSError as exc:
        discard(partial)
        return PlaceOutcome(place, None, _write_problem(exc, place)), None
    timings["copy"] = time.perf_counter() - begin
    begin = time.perf_counter()
    tell(0.5, _("Checking the backup…"))
    checks, problem = check_copy(final, snapshot, start, practice_path, connect)
    size, digest = final.stat().st_size, file_hash(final)
    timings["verify"] = time.perf_counter() - begin
    covered: dict[str, str] = {}
    photo_problems: list[str] = []
    if not problem and snapshot.photos:
        begin = time.perf_counter()
        covered, photo_problems = _carry_photos(
            photo_store_path(practice_path),
            folder,
            snapshot.photos,
            lambda done, total: tell(0.8 + 0.15 * done / max(total, 1), _("Copying the new photos…")),
            unlocked_key(practice_path),
        )
        checks["photos"] = f"{len(covered):,} of {len(snapshot.photos):,} originals in its photo folder"
        timings["photos"] = time.perf_counter() - begin
    manifest = Manifest(
        app_version=__version__,
        created_at=moment.isoformat(timespec="seconds"),
        reason=reason,
        practice=str(practice_path),
        file=final.name,
        size=size,
        sha256=digest,
        schema=snapshot.schema,
        counts=snapshot.counts,
        audit_entries=snapshot.audit_entries,
        audit_head=snapshot.audit_head,
        verified_at="" if problem else clock.stamp(),
        checks=checks,
        problem=problem,
        pinned=pinned,
        photos=covered,
    )
    if problem:
        set_aside(final, manifest)
        return PlaceOutcome(
            place,
            None,
            _(
                "The backup made in {folder} failed its checks ({problem}). It was set aside in “{aside}”; "
                "earlier backups are kept."
            ).format(folder=folder, problem=problem, aside=ASIDE_FOLDER),
        ), snapshot
    write_private(manifest_path(final), manifest.to_json())
    removed = thin(folder, settings, moment) if settings is not None else 0
    return PlaceOutcome(
        place, judge(final, place.label), _photos_problem(folder, photo_problems), removed
    ), snapshot


def _carry_photos(
    source: Path,
    folder: Path,
    wanted: Iterable[tuple[str, str]],
    progress: Callable[[int, int], None] | None = None,
    key: bytes | None = None,
) -> tuple[dict[str, str], list[str]]:
    """Copy the photos a backup covers into the place's photo folder (only those it lacks; a protected
    practice's stay sealed, and are checked with its ``key``)."""
    try:
        return carry(source, place_photos(folder), wanted, progress, key=key)
    except AcuChartError as exc:  # the place's disk is full or read-only: the record itself is backed up
        return {}, [str(exc)]


def _photos_problem(folder: Path, problems: list[str]) -> str:
    """What to say when some photos could not be copied ('' when all were)."""
    if not problems:
        return ""
    more = _(" (and {count} more)").format(count=len(problems) - 1) if len(problems) > 1 else ""
    return ngettext(
        "The backup in {folder} is good, but {count} photo could not be copied with it: {problem}{more} "
        "Run main.py check on the practice to see what is wrong.",
        "The backup in {folder} is good, but {count} photos could not be copied with it: {problem}{more} "
        "Run main.py check on the practice to see what is wrong.",
        len(problems),
    ).format(folder=folder, count=len(problems), problem=problems[0], more=more)


def _copy_of(
    origin: Backup, practice_path: Path, place: Place, settings: BackupSettings | None, connect: Connector
) -> PlaceOutcome:
    """Copy the verified backup ``origin`` into ``place`` (the second place) and check the copy there."""
    problem = _prepare(place)
    if problem:
        return PlaceOutcome(place, None, problem)
    assert origin.manifest is not None
    final = place.folder / origin.path.name
    partial = place.folder / f".{final.name}{PARTIAL_SUFFIX}"
    try:
        with folder_lock(place.folder, _("backing up this practice")):
            sweep(place.folder)
            for target in (final, partial):
                refuse_practice_files(target, practice_path)
            if final.exists():
                final = new_name(place.folder, practice_path, origin.manifest.created)
            copy_synced(origin.path, partial)
            os.replace(partial, final)
            sync_folder(place.folder)
            forget_cached(final)  # the check below then reads what the drive holds
            problem = same_bytes(final, origin.manifest, connect)
            manifest = replace(origin.manifest, file=final.name)
            if problem:
                set_aside(final, replace(manifest, verified_at="", problem=problem))
                return PlaceOutcome(
                    place,
                    None,
                    _("The copy in {place} failed its check ({problem}) and was set aside.").format(
                        place=place.root, problem=problem
                    ),
                )
            covered, photo_problems = _carry_photos(
                place_photos(origin.path.parent),
                place.folder,
                origin.manifest.photos.items(),
                key=unlocked_key(practice_path),
            )
            write_private(manifest_path(final), replace(manifest, photos=covered).to_json())
            removed = thin(place.folder, settings, origin.manifest.created) if settings is not None else 0
    except (OSError, BackupError) as exc:
        discard(partial)
        if isinstance(exc, BackupError):
            return PlaceOutcome(place, None, str(exc))
        return PlaceOutcome(place, None, _write_problem(exc, place))
    return PlaceOutcome(
        place, judge(final, place.label), _photos_problem(place.root, photo_problems), removed
    )


def _prepare(place: Place) -> str:
    """Make the place's folder; why the place cannot take a backup ('' when it can)."""
    from acuchart.paths import is_writable

    if place.second and not place.root.is_dir():
        return _(
            "The second place for backups, {place}, is not there (is the drive plugged in?). "
            "This backup is on this computer only."
        ).format(place=place.root)
    # Judged on the nearest folder that exists, before anything is made in it: a read-only place stays untouched.
    existing = next((p for p in (place.folder, *place.folder.parents) if p.exists()), place.folder)
    if not is_writable(existing):
        return _(
            "{folder} cannot be written to, so no backup was made in {place}. Change its "
            "permissions or choose another place. The practice is untouched."
        ).format(folder=existing, place=_(place.label).lower())
    try:
        private_folder(place.folder)
    except OSError as exc:
        return _write_problem(exc, place)
    return ""


def _write_problem(exc: BaseException, place: Place) -> str:
    """Why a backup could not be written to ``place``, in words."""
    if not place.folder.is_dir():
        gone = place.root if not place.root.is_dir() else place.folder
        return _(
            "{folder} went away while the backup was being written (a drive unplugged, or the folder "
            "removed). No half-made backup is kept and the practice is untouched; put it back and back up "
            "again."
        ).format(folder=gone)
    number = getattr(exc, "errno", None)
    if (
        faults.sqlite_code(exc) == faults.SQLITE_FULL
        or number in (errno.ENOSPC, errno.EDQUOT)
        or faults.disk_is_full(place.folder)
    ):
        return _(
            "The disk holding {folder} is full, so the backup was not made there. The practice is untouched. "
            "Free some space on that disk (old backups there can go), then back up again."
        ).format(folder=place.folder)
    if (
        number in (errno.EACCES, errno.EROFS, errno.EPERM)
        or faults.sqlite_code(exc) == faults.SQLITE_READONLY
    ):
        return _(
            "{folder} cannot be written to ({problem}), so no backup was made there. The practice is untouched."
        ).format(folder=place.folder, problem=exc)
    return _(
        "The backup could not be written to {folder} ({problem}). The practice is untouched; try again, or "
        "choose another place."
    ).format(folder=place.folder, problem=exc)


def _source_problem(exc: BaseException, practice_path: Path) -> StoreError | None:
    """The named error when it was the practice file, not the backup folder, that could not be read."""
    if faults.is_damage(exc):
        return faults.damaged(
            practice_path, _("SQLite cannot read it: {error}").format(error=exc), (str(exc),)
        )
    try:
        conn = connector_for(practice_path)(practice_path, read_only=True)
        conn.execute("select count(*) from sqlite_master").fetchone()
        conn.close()
    except sql_errors() as again:
        return faults.open_failure(again, practice_path)
    return None
