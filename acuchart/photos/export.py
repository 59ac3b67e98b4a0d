"""A pair of photos put side by side for teaching or marketing, written to a file of the practitioner's
choice: aligned, without any metadata, completely written before it is renamed into place."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from pathlib import Path

from acuchart.errors import AcuChartError
from acuchart.i18n import _
from acuchart.photos.images import BACKGROUND, Rendition

GAP = 16


class PhotoExportError(AcuChartError):
    """The exported photos could not be written where asked."""


def side_by_side(before: Rendition, after: Rendition) -> bytes:
    """The two photos at one height, the earlier on the left, as a JPEG with no metadata."""
    from PIL import Image

    height = min(before.height, after.height)
    pictures = []
    for made in (before, after):
        with Image.open(io.BytesIO(made.jpeg)) as image:
            pictures.append(image.convert("RGB").resize((round(made.width * height / made.height), height)))
    canvas = Image.new("RGB", (sum(p.width for p in pictures) + GAP, height), BACKGROUND)
    canvas.paste(pictures[0], (0, 0))
    canvas.paste(pictures[1], (pictures[0].width + GAP, 0))
    out = io.BytesIO()
    canvas.save(out, "JPEG", quality=90)
    return out.getvalue()


def write_export(data: bytes, path: Path, protected: Path) -> Path:
    """Write ``data`` to ``path`` through a temporary file; never into the ``protected`` photo folder.

    Raises:
        PhotoExportError: the place is the photo folder, or cannot be written (the message says why).
    """
    target = Path(path).expanduser().absolute()
    if target == protected or protected in target.parents:
        raise PhotoExportError(
            _(
                "{parent} is the practice's own photo folder, which only AcuChart writes to. Choose another folder. Nothing was saved."
            ).format(parent=target.parent)
        )
    temp = ""
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
        temp = ""
    except OSError as exc:
        raise PhotoExportError(
            _("{target} could not be written ({value}). Choose another folder. Nothing was saved.").format(
                target=target, value=exc.strerror or exc
            )
        ) from exc
    finally:
        if temp:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    return target
