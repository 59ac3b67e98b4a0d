"""The photos a backup covers: the originals its practice records at the moment of the copy.

Each backup place keeps one photo folder for the practice (``photos/`` beside its backups), laid out as
the practice's own photo folder is: every original named by its SHA-256. A backup copies into it only
the originals it does not have yet, each hashed as it is read and written under a temporary name
first (:meth:`PhotoStore.copy_missing_to`), so 20,000 photos are copied once, not every half hour.
A backup's manifest lists the photos it covers; restoring it copies back any of them the practice's
own photo folder lacks. Originals are never removed from a place's photo folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from acuchart.paths import photo_store_path
from acuchart.photos.store import PhotoStore, StoredPhoto

PHOTO_FOLDER = "photos"

Progress = Callable[[int, int], None]


def place_photos(folder: Path) -> Path:
    """The photo folder of a backup place's folder."""
    return folder / PHOTO_FOLDER


def carry(
    source: Path, destination: Path, wanted: Iterable[tuple[str, str]], progress: Progress | None = None
) -> tuple[dict[str, str], list[str]]:
    """Copy into the photo folder ``destination`` the originals named by ``wanted`` ((sha256, extension)
    pairs) that it lacks, from the photo folder ``source``.

    Returns:
        The photos ``destination`` holds of those wanted ({sha256: extension}), and one sentence per
        photo that could not be copied (missing or changed at the source).

    Raises:
        PhotoStoreError: ``destination`` cannot be written (a full disk, a read-only drive).
    """
    photos = [StoredPhoto(sha, extension) for sha, extension in wanted]
    if not photos:
        return {}, []
    report = PhotoStore(source).copy_missing_to(destination, photos, progress)
    held = PhotoStore(destination)
    return {p.sha256: p.extension for p in photos if held.exists(p)}, list(report.problems)


def bring_back(backup: Path, photos: dict[str, str], practice_path: Path) -> list[str]:
    """Copy into the practice's photo folder the photos of ``backup`` (a backup file) that it lacks.

    Returns one sentence per photo that could not be brought back.
    """
    _, problems = carry(place_photos(backup.parent), photo_store_path(practice_path), photos.items())
    return problems


def damaged_photos(backup: Path, photos: dict[str, str]) -> list[str]:
    """Read every photo ``backup`` covers through again: one sentence per one missing or changed."""
    store = PhotoStore(place_photos(backup.parent))
    found = []
    for sha, extension in photos.items():
        photo = StoredPhoto(sha, extension)
        verdict = store.verify(photo)
        if verdict != "ok":
            found.append(f"the photo {photo.name} is {verdict} in {store.folder}")
    return found
