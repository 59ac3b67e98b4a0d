"""Real photos made in the test: JPEGs that carry GPS, a camera serial, maker notes and a thumbnail."""

from __future__ import annotations

import io
import struct

from PIL import Image, ImageDraw

from acuchart.models import Session
from acuchart.practice import Practice

SERIAL = "SN-4417-0092-TEST"
MAKER_NOTE = b"MAKERNOTE-SECRET"
OWNER = "Jane Q. Photographer"


def face_image(size: tuple[int, int] = (640, 480), shade: int = 0) -> Image.Image:
    """A simple drawing with detail in it (so a JPEG of it is more than a flat colour)."""
    image = Image.new("RGB", size, (214 - shade, 180, 160))
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.ellipse((w * 0.3, h * 0.15, w * 0.7, h * 0.9), fill=(232 - shade, 196, 170), outline=(90, 60, 50))
    for x in (0.42, 0.58):
        draw.ellipse((w * x - 12, h * 0.42 - 6, w * x + 12, h * 0.42 + 6), fill=(40, 40, 60))
    draw.line((w * 0.5, h * 0.45, w * 0.48, h * 0.62), fill=(120, 80, 70), width=3)
    draw.arc((w * 0.42, h * 0.62, w * 0.58, h * 0.74), 20, 160, fill=(150, 60, 70), width=4)
    return image


def tagged_jpeg(
    image: Image.Image | None = None,
    orientation: int = 1,
    taken: str | None = "2026:03:05 10:12:33",
    quality: int = 90,
) -> bytes:
    """A JPEG like a phone's: Exif with GPS, make, model, serial, owner, maker notes, an embedded
    thumbnail, plus XMP and a comment."""
    image = image or face_image()
    exif = Image.Exif()
    exif[0x010F] = "Acme Optics"  # make
    exif[0x0110] = "Acme X100"  # model
    exif[0x0112] = orientation
    exif[0x013B] = OWNER  # artist
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (51.0, 27.0, 12.5), 3: "W", 4: (2.0, 35.0, 44.1), 5: 0, 6: 12.0})
    details = exif.get_ifd(0x8769)
    details[0xA431] = SERIAL  # body serial number
    details[0xA430] = OWNER  # camera owner name
    details[0x927C] = MAKER_NOTE
    if taken:
        details[0x9003] = taken
    thumb = io.BytesIO()
    image.resize((160, 120)).save(thumb, "JPEG")
    out = io.BytesIO()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description GPSLatitude="51,27N"/></x:xmpmeta>'
    image.save(out, "JPEG", quality=quality, exif=exif.tobytes(), comment=b"Taken at 12 Home Street", xmp=xmp)
    return out.getvalue()


def scan_data(jpeg: bytes) -> bytes:
    """The compressed image data of a baseline JPEG (from its first scan to the end of the image)."""
    start = jpeg.index(b"\xff\xda")
    (length,) = struct.unpack(">H", jpeg[start + 2 : start + 4])
    return jpeg[start + 2 + length : jpeg.rindex(b"\xff\xd9")]


def jpeg_sized(width: int, height: int) -> bytes:
    """A small JPEG whose header claims ``width`` × ``height`` (a 200-megapixel photo without the memory)."""
    data = bytearray(tagged_jpeg(Image.new("RGB", (16, 16), (100, 100, 100))))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def photo_session(practice: Practice, clinical: bool = True) -> Session:
    """A client with photo consent for the clinical record (unless ``clinical`` is False) and a session."""
    from acuchart.services.clients import ClientForm

    client = practice.clients.create(ClientForm(first_name="Rosa", last_name="Photo")).value
    practice.consent.record_consent(client.id, "2026-01-05", "signed_form")
    if clinical:
        practice.photo_consent.record(
            client.id, {"clinical": True, "teaching": True, "marketing": True}, "2026-01-05", "signed_form"
        )
    return practice.sessions.create(client.id, "2026-01-05T10:00").value
