"""Removing what a photo file says about place, device and person, without touching its pixels.

A JPEG is rewritten segment by segment: the compressed image data is copied byte for byte (a
re-saved JPEG loses quality every time), and only these segments are kept:

- the JFIF header (APP0), with any thumbnail inside it emptied;
- the colour profile (APP2 ``ICC_PROFILE``) and Adobe's colour-transform marker (APP14), which
  decoding needs to show the colours right;
- the tables, frame and scans that hold the image itself.

Everything else goes: Exif (GPS, camera make, model and serial, lens, owner, maker notes and the
embedded thumbnail), XMP, IPTC/Photoshop blocks, comments, multi-picture extensions and anything after
the end of the image. The orientation, if the camera set one, is written back as the only Exif tag, so
the photo still shows the right way up.

A PNG keeps its image, palette, transparency and colour chunks; text, XMP, Exif and time chunks go.
"""

from __future__ import annotations

import re
import struct
import zlib

from acuchart.errors import AcuChartError
from acuchart.i18n import _


class DamagedImageError(AcuChartError):
    """The file is not a complete image of the type it claims to be."""


_SOI, _EOI, _SOS = 0xD8, 0xD9, 0xDA
_STANDALONE = frozenset((0x01, *range(0xD0, 0xD8)))
_KEEP_PNG = frozenset(
    (b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"cHRM", b"gAMA", b"iCCP", b"sBIT", b"sRGB", b"cICP")
)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def orientation_segment(orientation: int) -> bytes:
    """An APP1 Exif segment holding only the orientation tag (1 to 8)."""
    tiff = b"MM\x00\x2a" + struct.pack(">I", 8)
    ifd = struct.pack(">H", 1) + struct.pack(_(">HHIHH"), 0x0112, 3, 1, orientation, 0) + struct.pack(">I", 0)
    payload = b"Exif\x00\x00" + tiff + ifd
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def _keep_jpeg_segment(marker: int, segment: bytes) -> bytes | None:
    """The segment as kept (possibly trimmed), or None to drop it."""
    payload = segment[4:]
    if marker == 0xE0:
        if payload.startswith(b"JFIF\x00") and len(payload) >= 14:
            # Version, units and density stay; the optional thumbnail (its size and pixels) does not.
            kept = payload[:12] + b"\x00\x00"
            return b"\xff\xe0" + struct.pack(">H", len(kept) + 2) + kept
        return None
    if marker == 0xE2:
        return segment if payload.startswith(b"ICC_PROFILE\x00") else None
    if marker == 0xEE:
        return segment if payload.startswith(b"Adobe") else None
    if 0xE0 <= marker <= 0xEF or marker == 0xFE:
        return None  # other application segments (Exif, XMP, IPTC, MPF, maker data) and comments
    return segment


# Inside a scan, 0xFF is followed by 0x00 (a stuffed byte), a restart marker (0xD0-0xD7) or more 0xFF
# (fill); anything else starts the next segment.
_MARKER_IN_SCAN = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")


def _scan_end(data: bytes, pos: int) -> int:
    """Where the entropy-coded data that starts at ``pos`` ends (at the next real marker)."""
    found = _MARKER_IN_SCAN.search(data, pos)
    return len(data) if found is None else found.start()


def strip_jpeg(data: bytes, orientation: int = 1) -> bytes:
    """The JPEG ``data`` without metadata, its image data byte for byte as it was.

    Args:
        data: a whole JPEG file.
        orientation: the Exif orientation to keep (1, the default, keeps none).

    Raises:
        DamagedImageError: the file is not a JPEG, or it ends before the image does.
    """
    if data[:2] != b"\xff\xd8":
        raise DamagedImageError(_("it is not a JPEG file"))
    out = [b"\xff\xd8"]
    if orientation != 1:
        out.append(orientation_segment(orientation))
    pos, size = 2, len(data)
    while pos + 1 < size:
        if data[pos] != 0xFF:
            raise DamagedImageError(_("its data is damaged (a segment does not start where it should)"))
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if marker == _EOI:
            out.append(b"\xff\xd9")
            return b"".join(out)
        if marker in _STANDALONE:
            out.append(data[pos : pos + 2])
            pos += 2
            continue
        if pos + 4 > size:
            break
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        end = pos + 2 + length
        if length < 2 or end > size:
            break
        kept = _keep_jpeg_segment(marker, data[pos:end])
        if kept is not None:
            out.append(kept)
        pos = end
        if marker == _SOS:
            scan_end = _scan_end(data, pos)
            out.append(data[pos:scan_end])
            pos = scan_end
    raise DamagedImageError(_("it ends before the image does (the file is incomplete)"))


def strip_png(data: bytes) -> bytes:
    """The PNG ``data`` with only its image, palette, transparency and colour chunks.

    Raises:
        DamagedImageError: the file is not a PNG, a chunk is damaged, or it ends early.
    """
    if not data.startswith(PNG_SIGNATURE):
        raise DamagedImageError(_("it is not a PNG file"))
    out = [PNG_SIGNATURE]
    pos, size = len(PNG_SIGNATURE), len(data)
    while pos + 12 <= size:
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        if end > size:
            break
        chunk = data[pos:end]
        if zlib.crc32(chunk[4:-4]) != struct.unpack(">I", chunk[-4:])[0]:
            raise DamagedImageError(_("its {decode} chunk is damaged").format(decode=kind.decode("latin-1")))
        if kind in _KEEP_PNG:
            out.append(chunk)
        pos = end
        if kind == b"IEND":
            return b"".join(out)
    raise DamagedImageError(_("it ends before the image does (the file is incomplete)"))
