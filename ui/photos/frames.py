"""Showing a photo on a graphics scene: decoded the right way up, aligned as stored, inside its frame.

A photo's *frame* is the rectangle of the photo as taken, scaled to a common width, so two photos of
different sizes line up. Its :class:`~acuchart.models.Alignment` (turn, enlarge, move) is applied to
the picture inside the frame, and the frame clips it: exactly what the printouts do with Pillow
(:func:`acuchart.photos.images.rendition`), so a photo looks the same on screen and on paper.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QImage, QImageReader, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPixmapItem, QGraphicsRectItem

from acuchart.models import Alignment
from acuchart.models.photos import IDENTITY
from ui import theme

FRAME_WIDTH = 1000.0
"""Scene units across every photo's frame."""
"""The grey that shows where an aligned photo's frame reaches past its edge (as on paper)."""


def decode(data: bytes, longest_side: int | None = None) -> QImage:
    """A photo's bytes as an image the right way up, at most ``longest_side`` pixels on its longer side.

    A JPEG is decoded straight at a half, a quarter or an eighth of its size, the smallest of those still
    at least ``longest_side`` (the decoder scales while it decodes, and nothing is resampled after), which
    is what makes a 12-megapixel photo quick to show.
    """
    array = QByteArray(data)
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()  # as stored; the longer side is the longer side whichever way up
    if longest_side is not None and size.isValid():
        factor = 1
        while factor < 8 and max(size.width(), size.height()) / (factor * 2) >= longest_side:
            factor *= 2
        if factor > 1:
            reader.setScaledSize(QSize(-(-size.width() // factor), -(-size.height() // factor)))
    return reader.read()


def alignment_transform(alignment: Alignment, width: float, height: float) -> QTransform:
    """The alignment as a transform of a ``width`` × ``height`` frame (turned about its centre)."""
    transform = QTransform()
    transform.translate(width / 2 + alignment.dx * width, height / 2 + alignment.dy * height)
    transform.rotate(alignment.angle)
    transform.scale(alignment.scale, alignment.scale)
    transform.translate(-width / 2, -height / 2)
    return transform


class FramedPhoto(QGraphicsRectItem):
    """A photo in its frame: a grey rectangle that clips the (aligned) picture inside it."""

    def __init__(self, image: QImage, alignment: Alignment = IDENTITY) -> None:
        height = FRAME_WIDTH * image.height() / max(1, image.width())
        super().__init__(QRectF(0, 0, FRAME_WIDTH, height))
        self.setBrush(QBrush(theme.current().qcolor("photo_frame")))
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape, True)
        self.picture = QGraphicsPixmapItem(self)
        self.picture.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.alignment = alignment
        self.set_image(image)

    def set_image(self, image: QImage) -> None:
        """Show the same photo from another decoding (a sharper one once it is ready)."""
        frame = self.rect()
        self.picture.setPixmap(QPixmap.fromImage(image))
        self._fit = QTransform.fromScale(
            frame.width() / max(1, image.width()), frame.height() / max(1, image.height())
        )
        self.set_alignment(self.alignment)

    @property
    def frame(self) -> QRectF:
        """The frame in the item's coordinates."""
        return self.rect()

    def set_alignment(self, alignment: Alignment) -> None:
        """Show the picture turned, enlarged and moved as ``alignment`` says."""
        self.alignment = alignment
        frame = self.rect()
        self.picture.setTransform(self._fit * alignment_transform(alignment, frame.width(), frame.height()))
