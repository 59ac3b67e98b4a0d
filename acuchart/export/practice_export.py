"""Export the whole practice: a CSV and a JSON file per kind of record, a manifest and a README.

The export reads one snapshot of the practice file through a connection of its own (so it can run in
another thread while the app stays usable), writes a folder or a zip under a temporary name, and puts
it in place only once it is complete (see :mod:`acuchart.export.files`).
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, NamedTuple

from acuchart import __version__, clock
from acuchart.export.files import ExportError, file_in_place, folder_in_place, problem, refuse_practice_files
from acuchart.export.kinds import KINDS, RecordKind
from acuchart.export.readme import FORMAT_NAME, FORMAT_VERSION, readme_text
from acuchart.paths import photo_store_path
from acuchart.photos.store import PhotoStore, StoredPhoto
from acuchart.practice import Practice
from acuchart.protection.files import create_private, private_folder
from acuchart.storage import open_data
from acuchart.storage.cipher import unlocked_key

Progress = Callable[[int, int], None]
"""Told ``(records written, records in all)`` as the export goes."""


class ExportCancelledError(ExportError):
    """The practitioner stopped the export; nothing was left behind."""


class ExportSummary(NamedTuple):
    """What an export wrote: where, how many records of each kind, and how long it took."""

    destination: Path
    counts: dict[str, int]
    seconds: float

    @property
    def total(self) -> int:
        """Records written, all kinds together."""
        return sum(self.counts.values())

    def text(self) -> str:
        """One line for the practitioner."""
        kinds = ", ".join(
            f"{n:,} {name[:-1] if n == 1 and name.endswith('s') else name}"
            for name, n in self.counts.items()
            if name != "settings"
        )
        return f"Exported the practice to {self.destination}: {kinds}."


def _never_cancelled() -> bool:
    return False


def default_name(practice_name: str, at: str) -> str:
    """A folder name for an export: ``Willow Lane export 2026-11-21 1430``."""
    safe = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in practice_name).strip()
    day, _, moment = at.partition("T")
    return f"{' '.join(safe.split()) or 'AcuChart'} export {day} {moment[:5].replace(':', '')}".strip()


class _Writer:
    """Writes each kind's CSV and JSON, counting records for the progress report."""

    def __init__(
        self, open_file: Callable[[str], IO[bytes]], progress: Progress, cancelled: Callable[[], bool]
    ):
        self._open = open_file
        self._progress = progress
        self._cancelled = cancelled
        self.done = 0
        self.total = 0

    def write_kind(self, conn: sqlite3.Connection, kind: RecordKind) -> int:
        columns = [(c.name, c.form) for c in kind.columns]
        written = 0
        with (
            self._open(f"csv/{kind.file_stem}.csv") as csv_raw,
            self._open(f"json/{kind.file_stem}.json") as json_raw,
        ):
            csv_text = io.TextIOWrapper(csv_raw, encoding="utf-8-sig", newline="")
            json_text = io.TextIOWrapper(json_raw, encoding="utf-8", newline="\n")
            header = io.StringIO(newline="")
            csv.writer(header).writerow([c.name for c in kind.columns])
            csv_text.write(header.getvalue())
            json_text.write("[")
            separator = "\n"
            for batch in open_data.record_batches(conn, kind.table, columns, kind.order_by):
                csv_text.write("\r\n".join([row[0] for row in batch]))
                csv_text.write("\r\n")
                json_text.write(separator)
                json_text.write(",\n".join([row[1] for row in batch]))
                separator = ",\n"
                written += len(batch)
                self.done += len(batch)
                self._progress(self.done, self.total)
                if self._cancelled():
                    raise ExportCancelledError(
                        "The export was stopped. Nothing was exported; no partial copy was left."
                    )
            json_text.write("\n]\n")
            csv_text.flush()
            json_text.flush()
            csv_text.detach()
            json_text.detach()
        return written


def export_practice(
    practice: Practice,
    destination: Path | str,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportSummary:
    """Export every record of ``practice`` to ``destination``: a new folder, or a ``.zip`` file.

    Safe to call from another thread: it reads the practice file through a connection of its own and
    never touches the practice's own connection (except for a practice held in memory, in tests).

    Raises:
        ExportError: the destination exists already, is the practice file, cannot be written, or the
            disk fills up; nothing is left behind.
        ExportCancelledError: ``cancelled`` said so; nothing is left behind.
    """
    started = time.perf_counter()
    target = Path(destination).expanduser()
    refuse_practice_files(target, practice.path)
    report = progress or (lambda _done, _total: None)
    stop = cancelled or _never_cancelled
    exported_at = clock.stamp()
    photo_folder = (  # a protected practice's photos are opened with its key
        PhotoStore(photo_store_path(practice.path), unlocked_key(practice.path))
        if practice.path is not None
        else None
    )
    with open_data.snapshot(practice.store) as conn:
        counts = {kind.name: open_data.count(conn, kind.table) for kind in KINDS}
        name_text = open_data.setting(conn, "practice_name")
        practice_name = str(json.loads(name_text)) if name_text else ""
        identity = open_data.practice_identity(conn)
        manifest = {
            "format": FORMAT_NAME,
            "format_version": FORMAT_VERSION,
            "exported_at": exported_at,
            "exported_by": f"AcuChart {__version__}",
            "practice_name": practice_name,
            "practice_identity": identity,
            "encoding": "UTF-8 (CSV files begin with a byte-order mark)",
            "kinds": [
                {
                    "name": kind.name,
                    "title": kind.title,
                    "records": counts[kind.name],
                    "csv": f"csv/{kind.file_stem}.csv",
                    "json": f"json/{kind.file_stem}.json",
                    "columns": [c.name for c in kind.columns],
                }
                for kind in KINDS
            ],
        }
        extras = {
            "README.md": readme_text(practice_name, exported_at, counts).encode("utf-8"),
            "manifest.json": (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
        }
        if target.suffix.lower() == ".zip":
            _write_zip(conn, target, extras, report, stop, sum(counts.values()), photo_folder)
        else:
            _write_folder(conn, target, extras, report, stop, sum(counts.values()), photo_folder)
    return ExportSummary(target, counts, time.perf_counter() - started)


def _fill(
    conn: sqlite3.Connection,
    folder: Path,
    extras: dict[str, bytes],
    report: Progress,
    stop: Callable[[], bool],
    total: int,
    photo_folder: PhotoStore | None,
) -> None:
    """Write every kind's files into ``folder``, the photos' originals, then the README and the manifest."""
    private_folder(folder / "csv")
    private_folder(folder / "json")
    writer = _Writer(lambda name: create_private(folder / name), report, stop)
    writer.total = total
    report(0, total)
    for kind in KINDS:
        writer.write_kind(conn, kind)
    _copy_photos(conn, folder / "photos", photo_folder, stop)
    for name, data in extras.items():  # last: a folder with its manifest is a complete one
        with create_private(folder / name) as out:
            out.write(data)


def _copy_photos(
    conn: sqlite3.Connection, into: Path, photo_folder: PhotoStore | None, stop: Callable[[], bool]
) -> None:
    """Every photo's original as ``photos/<sha256>.<extension>`` (read through the photo store, which
    checks each against its hash: a damaged original stops the export with its name)."""
    rows = open_data.photo_files(conn)
    if not rows or photo_folder is None:
        return
    private_folder(into)
    store = photo_folder
    for sha256, extension in rows:
        if stop():
            raise ExportCancelledError("The export was stopped; nothing was left behind.")
        photo = StoredPhoto(sha256, extension)
        with create_private(into / f"{sha256}.{extension}") as out:
            out.write(store.read(photo))


def _write_folder(
    conn: sqlite3.Connection,
    target: Path,
    extras: dict[str, bytes],
    report: Progress,
    stop: Callable[[], bool],
    total: int,
    photo_folder: PhotoStore | None,
) -> None:
    with folder_in_place(target) as folder:
        _fill(conn, folder, extras, report, stop, total, photo_folder)


def _write_zip(
    conn: sqlite3.Connection,
    target: Path,
    extras: dict[str, bytes],
    report: Progress,
    stop: Callable[[], bool],
    total: int,
    photo_folder: PhotoStore | None,
) -> None:
    """The folder's files, made beside the zip (on the same disk, so a full disk is found there), then
    packed under one top folder named like the zip."""
    with file_in_place(target) as temp:
        try:
            with tempfile.TemporaryDirectory(
                prefix=f".{target.name}.", suffix=".partial", dir=target.parent
            ) as work:
                folder = private_folder(Path(work) / target.stem)
                _fill(conn, folder, extras, report, stop, total, photo_folder)
                with zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
                    for path in sorted(folder.rglob("*")):
                        if path.is_file():
                            archive.write(path, f"{target.stem}/{path.relative_to(folder).as_posix()}")
        except OSError as exc:
            raise problem(exc, target.parent) from exc
