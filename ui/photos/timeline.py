"""A client's photos in time order, as a strip of thumbnails: the model and the view.

The model decodes a thumbnail only when the view first asks for it (the strip shows a screenful at a
time), so a client with hundreds of photos opens at once and scrolls without waiting on a decoder.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from acuchart.dates import short_date
from acuchart.i18n import _
from acuchart.models import SessionPhoto
from ui.photos.frames import decode
from ui.style import px

PhotoIdRole = Qt.ItemDataRole.UserRole + 1
THUMB = QSize(120, 120)
_Index = QModelIndex | QPersistentModelIndex


class PhotoTimelineModel(QAbstractListModel):
    """A client's photos, oldest session first; thumbnails read and decoded on first showing.

    Args:
        thumbnail: reads one photo's thumbnail JPEG by id (the photo service's).
    """

    def __init__(self, thumbnail: Callable[[int], bytes], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._thumbnail = thumbnail
        self._photos: list[SessionPhoto] = []
        self._pixmaps: dict[int, QPixmap] = {}

    def set_photos(self, photos: list[SessionPhoto]) -> None:
        """Show these photos (the decoded thumbnails of photos still shown are kept)."""
        self.beginResetModel()
        self._photos = list(photos)
        kept = {p.photo.id for p in photos}
        self._pixmaps = {k: v for k, v in self._pixmaps.items() if k in kept}
        self.endResetModel()

    def photo_at(self, row: int) -> SessionPhoto | None:
        """The photo on ``row``."""
        return self._photos[row] if 0 <= row < len(self._photos) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._photos)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._photos):
            return None
        item = self._photos[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            day = item.session_started_at
            number = f" · S{item.number}" if item.number is not None else ""
            return f"{item.photo.view_label}\n{short_date(day)}{number}"
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = self._pixmaps.get(item.photo.id)
            if pixmap is None:
                image = decode(self._thumbnail(item.photo.id))
                pixmap = QPixmap.fromImage(image.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio))
                self._pixmaps[item.photo.id] = pixmap
            return pixmap
        if role == Qt.ItemDataRole.ToolTipRole:
            return _("{view_label}, {session_label}\nDouble-click to compare with another session").format(
                view_label=item.photo.view_label, session_label=item.session_label
            )
        if role == PhotoIdRole:
            return item.photo.id
        return None


class PhotoTimeline(QListView):
    """The strip of thumbnails, scrolled sideways, oldest on the left."""

    def __init__(self, model: PhotoTimelineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoTimeline")
        self.setModel(model)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setUniformItemSizes(True)
        self.setMovement(QListView.Movement.Static)
        self.setIconSize(THUMB)
        self.setGridSize(QSize(THUMB.width() + px(34), THUMB.height() + px(46)))
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedHeight(THUMB.height() + px(46) + self.horizontalScrollBar().sizeHint().height() + 8)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
