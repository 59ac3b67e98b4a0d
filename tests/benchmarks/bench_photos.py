"""Photo speed (``python -m tests.benchmarks photos``; not a timed test). Targets (issue 14):

- Importing a 12-megapixel JPEG (metadata removed, thumbnail made, stored): <= 150 ms, and within 1.5x
  of Pillow alone opening it and making the same thumbnail, timed in turn in the same run.
- A client's photo timeline with 300 photos on screen in <= 100 ms; scrolling it, no frame over 16 ms (p95).
- The compare view of two 12-megapixel photos on screen in <= 200 ms.
- ``check`` over 20,000 photos: the figure, beside hashing the same files with hashlib alone.

The 12-megapixel photo is a drawing with camera-like noise, saved as a phone would (quality 92, Exif
with GPS and a serial number), about 4 MB. The 20,000 photos for the check are 32 KB files named by
their hash (the check hashes files; it does not decode them), read warm from the page cache.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image

from acuchart import clock
from acuchart.check import check_file
from acuchart.practice import Practice
from acuchart.services.clients import ClientForm
from tests.benchmarks.harness import dispose, interleaved_ms, median, p95, show
from tests.photo_helpers import face_image, tagged_jpeg

IMPORT_BUDGET_MS, IMPORT_RATIO = 150.0, 1.5
TIMELINE_BUDGET_MS, FRAME_BUDGET_MS = 100.0, 16.0
COMPARE_BUDGET_MS = 200.0
TIMELINE_PHOTOS = 300
CHECK_PHOTOS = 20_000
CHECK_FILE_BYTES = 32 * 1024


def twelve_megapixels(shade: int = 0) -> bytes:
    """A 4000 x 3000 JPEG with detail and noise, as a phone saves it."""
    face = face_image((4000, 3000), shade)
    noise = Image.effect_noise((4000, 3000), 24).convert("RGB")
    photo = Image.blend(face, noise, 0.1)
    return tagged_jpeg(photo, quality=92)


def _practice(folder: Path) -> tuple[Practice, int]:
    practice = Practice.open(folder / "bench.acuchart")
    client = practice.clients.create(ClientForm(first_name="Bench", last_name="Photos")).value
    practice.photo_consent.record(client.id, {"clinical": True}, clock.today(), "verbal")
    return practice, client.id


def bench_import(folder: Path) -> dict[str, float]:
    """One 12 MP import (then removed, untimed, so the next is not a duplicate) against Pillow alone."""
    practice, client_id = _practice(folder)
    session = practice.sessions.create(client_id, consent_override="bench").value
    source = folder / "IMG_12MP.JPG"
    source.write_bytes(twelve_megapixels())
    print(f"  (the 12 MP photo is {source.stat().st_size / 1e6:.1f} MB)")
    removals: list[int] = []
    imports: list[float] = []

    def ours() -> None:
        if removals:  # the previous import, taken out (untimed) so this one is not a duplicate
            practice.photos.remove(removals.pop())
        start = time.perf_counter()
        photo = practice.photos.import_file(session.id, source, "front").value
        imports.append((time.perf_counter() - start) * 1000)
        removals.append(photo.photo.id)

    def pillow_alone() -> None:
        with Image.open(source) as image:
            image.draft("RGB", (320, 320))
            image.thumbnail((320, 320))
            image.convert("RGB").save(io.BytesIO(), "JPEG", quality=82)

    times = interleaved_ms({"ours": ours, "pillow": pillow_alone}, repeat=21, warmup=2)
    practice.close()
    ours_ms = median(imports[-21:])
    pillow_ms = median(times["pillow"])
    show("import a 12 MP JPEG (median)", ours_ms, "ms")
    show("Pillow alone: open it and make the same thumbnail (median)", pillow_ms, "ms")
    show("ratio", ours_ms / pillow_ms, "x")
    return {"import_ms": ours_ms, "import_pillow_ms": pillow_ms, "import_ratio": ours_ms / pillow_ms}


def bench_screens(folder: Path) -> dict[str, float]:
    """The timeline with 300 photos, scrolled; the compare view of two 12 MP photos."""
    from PySide6.QtWidgets import QApplication

    from ui.photos.client_photos import ClientPhotos
    from ui.photos.compare import CompareDialog

    app = QApplication.instance() or QApplication([])
    practice, client_id = _practice(folder)
    sessions = [
        practice.sessions.create(
            client_id, f"2026-{1 + n // 28:02d}-{1 + n % 28:02d}T10:00", consent_override="b"
        ).value
        for n in range(TIMELINE_PHOTOS // 3)
    ]
    small = face_image((1200, 900))
    for n in range(TIMELINE_PHOTOS):
        image = small.copy()
        image.putpixel((n % 1200, n // 1200), (n % 256, 0, 0))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=80)
        practice.photos.import_bytes(sessions[n // 3].id, out.getvalue(), f"{n}.jpg", "front")

    opens = []
    for _ in range(6):  # the first in the process also loads Qt's JPEG plugin: it is shown apart
        box = ClientPhotos(practice)
        box.resize(1300, 260)
        start = time.perf_counter()
        box.show_client(client_id)
        box.show()
        app.processEvents()
        opens.append((time.perf_counter() - start) * 1000)
        dispose(box)
    timeline_first_ms, timeline_ms = opens[0], median(opens[1:])
    box = ClientPhotos(practice)
    box.resize(1300, 260)
    box.show_client(client_id)
    box.show()
    app.processEvents()
    bar = box.timeline.horizontalScrollBar()
    frames = []
    for value in range(0, bar.maximum(), 40):
        start = time.perf_counter()
        bar.setValue(value)
        box.timeline.viewport().repaint()
        frames.append((time.perf_counter() - start) * 1000)
    dispose(box)

    first = practice.sessions.create(client_id, "2025-06-05T10:00", consent_override="b").value
    latest = practice.sessions.create(client_id, "2026-08-05T10:00", consent_override="b").value
    practice.photos.import_bytes(first.id, twelve_megapixels(0), "first.jpg", "left_profile")
    practice.photos.import_bytes(latest.id, twelve_megapixels(30), "latest.jpg", "left_profile")
    compare_times = []
    for _ in range(9):
        start = time.perf_counter()
        dialog = CompareDialog(practice, client_id, "left_profile")
        dialog.resize(1200, 800)
        dialog.show()
        app.processEvents()
        compare_times.append((time.perf_counter() - start) * 1000)
        dispose(dialog)
    practice.close()
    show(f"timeline of {TIMELINE_PHOTOS} photos on screen, first in the process", timeline_first_ms, "ms")
    show(f"timeline of {TIMELINE_PHOTOS} photos on screen (median of the next 5)", timeline_ms, "ms")
    show(f"timeline scroll frame, p95 of {len(frames)}", p95(frames), "ms")
    show("compare view of two 12 MP photos on screen (median of 9)", median(compare_times), "ms")
    return {
        "timeline_open_ms": timeline_ms,
        "timeline_first_open_ms": timeline_first_ms,
        "timeline_frame_p95_ms": p95(frames),
        "compare_ms": median(compare_times),
    }


def bench_check(folder: Path) -> dict[str, float]:
    """``check`` over 20,000 photos (rows written in bulk, files written without syncing: set-up only)."""
    from acuchart.paths import photo_store_path

    practice, client_id = _practice(folder)
    session = practice.sessions.create(client_id, consent_override="bench").value
    photos = photo_store_path(practice.path or folder)
    rows = []
    seed = os.urandom(CHECK_FILE_BYTES)
    paths = []
    for n in range(CHECK_PHOTOS):
        data = n.to_bytes(4, "big") + seed[4:]
        sha = hashlib.sha256(data).hexdigest()
        path = photos / sha[:2] / f"{sha}.jpg"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        paths.append(path)
        rows.append((session.id, sha, len(data)))
    with practice.store.write():
        practice.store.conn.executemany(
            "insert into photos (session_id, view, sha256, extension, width, height, byte_size, taken_at, "
            "taken_at_source, created_at) values (?, 'front', ?, 'jpg', 10, 10, ?, '2026-01-01T10:00:00', "
            "'import', '2026-01-01T10:00:00')",
            rows,
        )
    path = practice.path
    practice.close()
    assert path is not None
    ticks: list[int] = []
    start = time.perf_counter()
    report = check_file(path, lambda done, total: ticks.append(done))
    check_s = time.perf_counter() - start
    assert report.ok, report.text()
    start = time.perf_counter()
    for item in paths:
        hashlib.sha256(item.read_bytes()).hexdigest()
    bare_s = time.perf_counter() - start
    megabytes = CHECK_PHOTOS * CHECK_FILE_BYTES / 1e6
    show(
        f"check over {CHECK_PHOTOS:,} photos ({megabytes:.0f} MB), progress told {len(ticks)} times",
        check_s,
        "s",
    )
    show("hashlib alone over the same files", bare_s, "s")
    show("check: photo files hashed per second", CHECK_PHOTOS / check_s, "/s")
    show("check: MB hashed per second", megabytes / check_s, "MB/s")
    return {"check_s": check_s, "check_bare_s": bare_s, "check_mb_per_s": megabytes / check_s}


def run() -> dict[str, float]:
    """Measure, print and return the figures."""
    figures: dict[str, float] = {}
    for bench in (bench_import, bench_screens, bench_check):
        folder = Path(tempfile.mkdtemp(prefix="acuchart-bench-photos-"))
        try:
            figures.update(bench(folder))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return figures


def verdicts(figures: dict[str, float]) -> dict[str, bool]:
    """The budgets of the issue."""
    return {
        f"12 MP import <= {IMPORT_BUDGET_MS:g} ms": figures["import_ms"] <= IMPORT_BUDGET_MS,
        f"12 MP import <= {IMPORT_RATIO:g}x Pillow alone": figures["import_ratio"] <= IMPORT_RATIO,
        f"timeline of 300 on screen <= {TIMELINE_BUDGET_MS:g} ms": figures["timeline_open_ms"]
        <= TIMELINE_BUDGET_MS,
        f"timeline scroll p95 <= {FRAME_BUDGET_MS:g} ms": figures["timeline_frame_p95_ms"] <= FRAME_BUDGET_MS,
        f"compare two 12 MP photos <= {COMPARE_BUDGET_MS:g} ms": figures["compare_ms"] <= COMPARE_BUDGET_MS,
    }


if __name__ == "__main__":
    run()
