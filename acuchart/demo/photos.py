"""The demo's photos: a fictional face, drawn here, photographed at a few sessions of two clients.

The faces are our own simple drawings (no photograph of anyone), made with Pillow at the moment the
demo replays each session. They are imported through the same photo service as a real photo, so they
arrive as a phone's would: with a capture time, cleaned of metadata, thumbnailed. Each is framed a
little differently, as photos at the chair are (the head turned a few degrees, the camera a little
off), so lining a later one up with the first has something to do.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from acuchart.demo.story import Story
from acuchart.demo.visits import Step
from acuchart.practice import Practice

if TYPE_CHECKING:
    from PIL.Image import Image

SIZE = (900, 1200)
PHOTO_SIZE = (600, 800)
"""The demo photos' size: small, so the demo writes quickly; the drawing is made at ``SIZE``."""
VIEWS = ("front", "left_oblique", "right_oblique")
_YAW = {"front": 0.0, "left_oblique": 1.0, "right_oblique": -1.0}
"""How far the head is turned: the client's left oblique shows the left cheek, on the viewer's right."""


class Sitter(NamedTuple):
    """How one demo client looks in the drawings."""

    name: str
    skin: tuple[int, int, int]
    hair: tuple[int, int, int]
    top: tuple[int, int, int]
    uses: dict[str, bool]
    """Photo consent asked at the first session photographed."""
    photographed: tuple[int, ...]
    """Which visits (0 first, -1 latest) are photographed."""
    views: tuple[str, ...] = VIEWS


SITTERS = (
    Sitter(
        "Amelia Hartley",
        (226, 188, 160),
        (92, 64, 46),
        (70, 96, 120),
        {"clinical": True, "teaching": True, "marketing": True},
        (0, 4, -1),
    ),
    Sitter(
        "Sofía Domínguez",
        (205, 160, 124),
        (40, 30, 28),
        (128, 70, 84),
        {"clinical": True, "teaching": False, "marketing": False},
        (0, -1),
        ("front",),
    ),
)
_DRIFT = ((0.0, 0, 0), (3.5, 26, -14), (-2.5, -20, 18), (4.0, 30, 10), (-3.0, -24, -12))
"""(degrees, x, y) the camera was off at each photographed visit: the first is the reference."""


def draw_face(sitter: Sitter, view: str, lines: float, drift: tuple[float, int, int]) -> Image:
    """A drawn head and shoulders in ``view``; ``lines`` (0–1) is how strongly the forehead lines show."""
    from PIL import Image, ImageDraw, ImageOps

    w, h = SIZE
    backdrop = (196, 204, 210)
    # A studio backdrop, lighter at the top.
    image = ImageOps.colorize(Image.linear_gradient("L").resize(SIZE), backdrop, _darker(backdrop, 18))
    draw = ImageDraw.Draw(image)
    yaw = _YAW[view]
    cx, cy = w / 2 - yaw * 40, h * 0.42
    fw, fh = 250 - abs(yaw) * 40, 330
    draw.ellipse((w * 0.12, h * 0.78, w * 0.88, h * 1.3), fill=sitter.top)  # shoulders
    draw.rectangle((cx - 80, cy + 220, cx + 80, h * 0.86), fill=_darker(sitter.skin, 12))  # neck
    draw.ellipse((cx - fw - 40, cy - fh - 60, cx + fw + 40, cy + fh * 0.55), fill=sitter.hair)
    for side in (-1, 1):  # ears; the far one hides behind the turned head
        if yaw * side < -0.5:
            continue
        ex = cx + side * (fw - 8) - yaw * 30
        draw.ellipse((ex - 28, cy - 40, ex + 28, cy + 60), fill=_darker(sitter.skin, 8))
    draw.ellipse(
        (cx - fw, cy - fh, cx + fw, cy + fh), fill=sitter.skin, outline=_darker(sitter.skin, 40), width=3
    )
    fx = cx - yaw * 70  # the features move towards the side the head turns to
    for n in range(3):  # forehead lines, fainter as ``lines`` falls
        tone = _darker(sitter.skin, int(10 + 45 * lines))
        top = cy - 190 + n * 26
        draw.arc((fx - 120, top - 30, fx + 120, top + 30), 200, 340, fill=tone, width=3)
    for side in (-1, 1):
        near = 1.0 - 0.35 * max(0.0, -yaw * side)
        ex, ey = fx + side * 95 * near, cy - 40
        draw.arc(
            (ex - 55 * near, ey - 58, ex + 55 * near, ey - 18),
            200,
            340,
            fill=_darker(sitter.hair, -10),
            width=9,
        )
        draw.ellipse(
            (ex - 40 * near, ey - 18, ex + 40 * near, ey + 18),
            fill=(246, 244, 240),
            outline=(90, 70, 60),
            width=2,
        )
        draw.ellipse(
            (ex - 14 * near - yaw * 8, ey - 14, ex + 14 * near - yaw * 8, ey + 14), fill=(70, 56, 44)
        )
        draw.arc(
            (ex - 38 * near, ey + 10, ex + 38 * near, ey + 40),
            20,
            160,
            fill=_darker(sitter.skin, 28),
            width=2,
        )
    nose = fx - yaw * 30
    draw.line(
        (fx - 5, cy - 20, nose - 14, cy + 70, nose + 10, cy + 80), fill=_darker(sitter.skin, 50), width=4
    )
    draw.arc((fx - 60, cy + 110, fx + 60, cy + 165), 15, 165, fill=(168, 84, 92), width=10)
    draw.line((fx - 55, cy + 128, fx + 55, cy + 128), fill=(150, 74, 82), width=3)
    angle, dx, dy = drift
    small = image.resize(PHOTO_SIZE, Image.Resampling.BILINEAR)  # drawn large for smooth lines, kept small
    scale = PHOTO_SIZE[0] / w
    return small.rotate(
        angle,
        resample=Image.Resampling.BILINEAR,
        translate=(round(dx * scale), round(dy * scale)),
        fillcolor=backdrop,
    )


def _darker(colour: tuple[int, int, int], by: int) -> tuple[int, int, int]:
    return (max(0, colour[0] - by), max(0, colour[1] - by), max(0, colour[2] - by))


def photo_jpeg(image: Image, taken: dt.datetime) -> bytes:
    """The drawing as a camera would save it: a JPEG with its capture time and the camera's name."""
    from PIL import Image as PILImage

    exif = PILImage.Exif()
    exif[0x010F] = "AcuChart demo camera"
    exif.get_ifd(0x8769)[0x9003] = taken.strftime("%Y:%m:%d %H:%M:%S")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88, exif=exif.tobytes())
    return out.getvalue()


def photo_steps(practice: Practice, stories: Iterable[Story]) -> list[Step]:
    """The photo consent and the photos of the demo's photographed clients, each at its moment."""
    steps: list[Step] = []
    for story in stories:
        name = f"{story.form.first_name} {story.form.last_name}"
        sitter = next((s for s in SITTERS if s.name == name), None)
        if sitter is None or not story.visits:
            continue
        chosen = sorted({i % len(story.visits) for i in sitter.photographed})
        for order, index in enumerate(chosen):
            started = story.visits[index].started
            if order == 0:
                steps.append(
                    (started + dt.timedelta(minutes=1), partial(_consent, practice, name, sitter, started))
                )
            progress = order / max(1, len(chosen) - 1)
            steps.append(
                (
                    started + dt.timedelta(minutes=2),
                    partial(
                        _photograph,
                        practice,
                        name,
                        sitter,
                        started,
                        1 - 0.55 * progress,
                        _DRIFT[order % len(_DRIFT)],
                    ),
                )
            )
    return steps


def _session_at(practice: Practice, name: str, started: dt.datetime) -> tuple[int, int]:
    client = next(c for c in practice.clients.search(name) if f"{c.first_name} {c.last_name}" == name)
    session = next(s for s in practice.sessions.sessions_for_client(client.id) if s.started_at == started)
    return client.id, session.id


def _consent(practice: Practice, name: str, sitter: Sitter, started: dt.datetime) -> None:
    client_id, _ = _session_at(practice, name, started)
    practice.photo_consent.record(
        client_id, sitter.uses, started.date(), "signed_form", note="Photo section of the consent form."
    )


def _photograph(
    practice: Practice,
    name: str,
    sitter: Sitter,
    started: dt.datetime,
    lines: float,
    drift: tuple[float, int, int],
) -> None:
    _, session_id = _session_at(practice, name, started)
    for n, view in enumerate(sitter.views):
        taken = started + dt.timedelta(minutes=2, seconds=20 * n)
        data = photo_jpeg(draw_face(sitter, view, lines, drift), taken)
        practice.photos.import_bytes(session_id, data, f"IMG_{taken:%m%d_%H%M%S}.JPG", view)
