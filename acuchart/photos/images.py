"""Reading a photo for import: what it is, when it was taken, a clean copy and a thumbnail.

:func:`prepare` turns the bytes of a JPEG, PNG or HEIC file into what the practice keeps: the
image without identifying metadata (see :mod:`acuchart.photos.metadata`), its size as shown, its
capture time, and a small JPEG thumbnail. It refuses, with a sentence naming the file, anything that
is not a complete image of a supported type, or one too large to handle safely.

JPEG and PNG keep their pixels byte for byte. HEIC (an iPhone's photos) is decoded once and saved as
a JPEG at quality 95 with its colour profile: the rest of the app, the printouts and other programs
then read every photo the same way. That one re-encoding is the only one a photo ever goes through.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import math
import warnings
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from acuchart.errors import AcuChartError
from acuchart.i18n import _
from acuchart.models.photos import Alignment
from acuchart.photos.metadata import DamagedImageError, strip_jpeg, strip_png

if TYPE_CHECKING:
    from PIL.Image import Image

log = logging.getLogger("acuchart.photos")

MAX_MEGAPIXELS = 120
"""The largest photo accepted. A phone's 48-megapixel photo is well inside it; a 200-megapixel scan
would take gigabytes of memory to decode and nothing to gain at the chair."""
THUMBNAIL_SIDE = 320
THUMBNAIL_QUALITY = 82
HEIC_QUALITY = 95
BACKGROUND = (128, 128, 128)
"""What shows where an aligned photo's frame reaches past its edge: a neutral grey."""
_FORMATS = {"JPEG": "jpg", "PNG": "png", "HEIF": "jpg"}
_DATE_TAGS = ((0x8769, 0x9003), (0x8769, 0x9004), (None, 0x0132))
_ORIENTATION = 0x0112


class PhotoImportError(AcuChartError):
    """A file could not be imported as a photo; the message names it and says why."""


class PreparedPhoto(NamedTuple):
    """A photo ready to store: clean bytes and what the record says about them."""

    data: bytes
    extension: str
    width: int
    height: int
    taken_at: dt.datetime | None
    """The capture time the photo itself records, if any."""
    thumbnail: bytes


@cache
def _pil() -> None:
    """Load Pillow with HEIC support, once (on first use: start-up does not need it)."""
    from pillow_heif import register_heif_opener

    register_heif_opener()


def _capture_time(exif: object) -> dt.datetime | None:
    from PIL.Image import Exif

    assert isinstance(exif, Exif)
    for ifd, tag in _DATE_TAGS:
        try:
            value = exif.get_ifd(ifd).get(tag) if ifd is not None else exif.get(tag)
        except (KeyError, ValueError, TypeError):
            value = None
        if isinstance(value, bytes):
            value = value.decode("ascii", "replace")
        if isinstance(value, str):
            try:
                return dt.datetime.strptime(value.strip("\x00 ")[:19], "%Y:%m:%d %H:%M:%S")
            except ValueError:
                continue
    return None


def prepare(data: bytes, name: str, on_clean: Callable[[bytes, str], object] | None = None) -> PreparedPhoto:
    """Check, clean and thumbnail one photo file's bytes.

    Args:
        data: the file's contents.
        name: how to name the file in a message (its file name).
        on_clean: told the clean bytes and their type as soon as they are known, before the thumbnail
            is made (the photo service starts writing the file then, so the disk and the decoder work
            at the same time).

    Raises:
        PhotoImportError: not an image, a type not supported, damaged or incomplete, or too large.
    """
    _pil()
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # Our own limit below, with our own words; Pillow still refuses a decompression bomb.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        raise _too_large(name) from exc
    except UnidentifiedImageError as exc:
        raise PhotoImportError(
            _("{name} is not a photo AcuChart can read. Import JPEG, PNG or HEIC (iPhone) photos.").format(
                name=name
            )
        ) from exc
    except Exception as exc:
        log.info("Could not open %s: %r", name, exc)
        raise _damaged(name, "") from exc
    with image:
        kind = _FORMATS.get(image.format or "")
        if kind is None:
            raise PhotoImportError(
                f"{name} is a {image.format or _('kind of')} image, which AcuChart does not store. "
                "Save it as JPEG or PNG (or import the phone's original HEIC) and try again."
            )
        if image.width * image.height > MAX_MEGAPIXELS * 1_000_000:
            raise _too_large(name, image.width * image.height)
        exif = image.getexif()
        orientation = int(exif.get(_ORIENTATION, 1) or 1)
        orientation = orientation if 1 <= orientation <= 8 else 1
        taken_at = _capture_time(exif)
        try:
            if image.format == "JPEG":
                clean = strip_jpeg(data, orientation)
            elif image.format == "PNG":
                clean = strip_png(data)
            else:
                clean = b""
            width, height = image.size if orientation < 5 else image.size[::-1]
            if image.format == "HEIF" or (image.format == "PNG" and orientation != 1):
                # Decoded once, the right way up, and saved without any metadata but the colours.
                icc = image.info.get("icc_profile")
                upright = ImageOps.exif_transpose(image)
                clean = _reencoded(upright, kind, icc)
                width, height = upright.size
                if on_clean is not None:
                    on_clean(clean, kind)
                thumb = _thumbnail(upright, 1)
            else:
                if on_clean is not None:
                    on_clean(clean, kind)
                thumb = _thumbnail(image, orientation)
        except DamagedImageError as exc:
            raise _damaged(name, str(exc)) from exc
        except Exception as exc:
            log.info("Could not decode %s: %r", name, exc)
            raise _damaged(name, "") from exc
    return PreparedPhoto(clean, kind, width, height, taken_at, thumb)


def _reencoded(image: Image, kind: str, icc: bytes | None) -> bytes:
    """A HEIC photo as JPEG (or a turned PNG as PNG), with its colour profile and nothing else."""
    out = io.BytesIO()
    extra = {"icc_profile": icc} if icc else {}
    if kind == "jpg":
        image.convert("RGB").save(out, "JPEG", quality=HEIC_QUALITY, **extra)
    else:
        image.save(out, "PNG", **extra)
    return out.getvalue()


def _thumbnail(image: Image, orientation: int) -> bytes:
    """A JPEG no larger than THUMBNAIL_SIDE on its longer side, the right way up."""
    from PIL import ImageOps

    # A JPEG decodes straight at an eighth of its size (or the least fraction still larger than the
    # thumbnail): a 12-megapixel photo becomes 500 x 375 pixels without ever being decoded whole.
    image.draft("RGB", (THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    image.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    small = image.convert("RGB")
    if orientation != 1:
        small.getexif()[_ORIENTATION] = orientation
        small = ImageOps.exif_transpose(small)
    out = io.BytesIO()
    small.save(out, "JPEG", quality=THUMBNAIL_QUALITY)
    return out.getvalue()


def _too_large(name: str, pixels: int | None = None) -> PhotoImportError:
    size = _(" ({value:.0f} megapixels)").format(value=pixels / 1000000.0) if pixels else ""
    return PhotoImportError(
        _(
            "{name} is too large{size}: AcuChart takes photos of up to {MAX_MEGAPIXELS} megapixels. Export a smaller copy (a phone's usual size is 12 megapixels) and import that."
        ).format(name=name, size=size, MAX_MEGAPIXELS=MAX_MEGAPIXELS)
    )


def _damaged(name: str, why: str) -> PhotoImportError:
    detail = f": {why}" if why else ""
    return PhotoImportError(
        _(
            "{name} could not be read as a complete photo{detail}. It may be damaged or still being copied; import it again from the camera or phone. Nothing was stored."
        ).format(name=name, detail=detail)
    )


# --- showing and printing ----------------------------------------------------------------------


def alignment_matrix(alignment: Alignment, width: float, height: float) -> tuple[float, ...]:
    """Pillow's inverse affine data (output pixel -> source pixel) for ``alignment`` in a frame of this size."""
    theta = math.radians(alignment.angle)
    cos, sin, scale = math.cos(theta), math.sin(theta), alignment.scale
    cx, cy = width / 2, height / 2
    tx, ty = cx + alignment.dx * width, cy + alignment.dy * height
    return (
        cos / scale,
        sin / scale,
        cx - (tx * cos + ty * sin) / scale,
        -sin / scale,
        cos / scale,
        cy + (tx * sin - ty * cos) / scale,
    )


class Rendition(NamedTuple):
    """A photo made ready to print or export: a JPEG and its size in pixels."""

    jpeg: bytes
    width: int
    height: int


def rendition(data: bytes, alignment: Alignment, longest_side: int, quality: int = 85) -> Rendition:
    """A JPEG of the photo, the right way up, aligned, no larger than ``longest_side`` (printouts, exports).

    Raises:
        PhotoImportError: the stored original cannot be decoded.
    """
    _pil()
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.draft("RGB", (longest_side, longest_side))
            upright = ImageOps.exif_transpose(image.convert("RGB"))
    except Exception as exc:
        log.info("Could not decode a stored photo: %r", exc)
        raise PhotoImportError(_("A stored photo could not be decoded; run main.py check.")) from exc
    upright.thumbnail((longest_side, longest_side), Image.Resampling.LANCZOS)
    if not alignment.is_identity:
        upright = upright.transform(
            upright.size,
            Image.Transform.AFFINE,
            alignment_matrix(alignment, *upright.size),
            resample=Image.Resampling.BICUBIC,
            fillcolor=BACKGROUND,
        )
    out = io.BytesIO()
    upright.save(out, "JPEG", quality=quality)
    return Rendition(out.getvalue(), *upright.size)
