"""Comparing one view across two sessions: side by side, or one over the other with a slider (a wipe),
zoomed and moved together, each labelled with its date and "session N of M"."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QRectF, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QImage, QKeySequence, QPainter, QPen, QShortcut, QWheelEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from acuchart.errors import AcuChartError
from acuchart.i18n import _
from acuchart.models import PHOTO_VIEW_LABELS, SessionPhoto
from acuchart.practice import Practice
from ui import theme
from ui.accessibility import accessible
from ui.messages import warn
from ui.photos.frames import FRAME_WIDTH, FramedPhoto, decode
from ui.photos.sharing import SharePanel
from ui.style import set_text_size

QUICK_SIDE = 480
"""Pixels (at least) on the longer side of a compared photo as first shown: a 12-megapixel photo decodes
at an eighth of its size, quick enough to be on screen at once."""
SHARPEN_AFTER_MS = 120
"""The sharper decoding starts once the first frame is up, so it does not hold that frame back."""
SHARP_SIDE = 2000
"""... and then, decoded in the background, sharp enough to zoom into."""
ZOOM_STEP = 1.2


class _Sharpen(QThread):
    """Decodes the compared originals at the sharper size, away from the screen's thread."""

    decoded = Signal(int, QImage)

    def __init__(self, originals: dict[int, bytes]) -> None:
        super().__init__()
        self._originals = originals

    def run(self) -> None:
        for photo_id, data in self._originals.items():
            self.decoded.emit(photo_id, decode(data, SHARP_SIDE))


class PhotoPane(QGraphicsView):
    """A view of a scene of photos: the wheel zooms under the pointer, dragging moves; ``viewed`` says so."""

    viewed = Signal()

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(theme.current().qcolor("photo_backdrop"))
        self.horizontalScrollBar().valueChanged.connect(self.viewed)
        self.verticalScrollBar().valueChanged.connect(self.viewed)

    def wheelEvent(self, event: QWheelEvent) -> None:
        factor = ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP
        current = self.transform().m11()
        if 0.05 < current * factor < 40:
            self.scale(factor, factor)
            self.viewed.emit()

    def fit(self) -> None:
        """Show the whole scene."""
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.viewed.emit()

    def follow(self, other: PhotoPane) -> None:
        """Take the other pane's zoom and position."""
        self.setTransform(other.transform())
        self.horizontalScrollBar().setValue(other.horizontalScrollBar().value())
        self.verticalScrollBar().setValue(other.verticalScrollBar().value())


class WipeScene(QGraphicsScene):
    """The earlier photo, and the later one over it showing right of a divider the slider moves."""

    def __init__(self, before: FramedPhoto, after: FramedPhoto) -> None:
        super().__init__()
        height = max(before.rect().height(), after.rect().height())
        self.addItem(before)
        self.clip = QGraphicsRectItem(QRectF(0, 0, FRAME_WIDTH, height))
        self.clip.setPen(QPen(Qt.PenStyle.NoPen))
        self.clip.setFlag(QGraphicsRectItem.GraphicsItemFlag.ItemClipsChildrenToShape, True)
        self.addItem(self.clip)
        after.setParentItem(self.clip)
        pen = QPen(theme.current().qcolor("photo_line"), 2)
        pen.setCosmetic(True)
        self.divider = QGraphicsLineItem(0, 0, 0, height)
        self.divider.setPen(pen)
        self.divider.setZValue(3)
        self.addItem(self.divider)
        self.setSceneRect(QRectF(0, 0, FRAME_WIDTH, height))
        self.set_wipe(0.5)

    def set_wipe(self, fraction: float) -> None:
        """Show the later photo right of ``fraction`` of the width."""
        x = FRAME_WIDTH * fraction
        height = self.sceneRect().height()
        self.clip.setRect(QRectF(x, 0, FRAME_WIDTH - x, height))
        self.divider.setLine(x, 0, x, height)


class CompareDialog(QDialog):
    """One view, two sessions: side by side or as a wipe, zoomed and moved together."""

    def __init__(
        self,
        practice: Practice,
        client_id: int,
        view: str,
        before_session: int | None = None,
        after_session: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self._practice = practice
        self._client_id = client_id
        self._photos = practice.photos.for_client(client_id)
        client = practice.clients.get(client_id)
        self.setWindowTitle(_("Compare photos: {full_name}").format(full_name=client.full_name))
        self.resize(1200, 820)
        self.view_box = QComboBox()
        self.before_box = QComboBox()
        self.after_box = QComboBox()
        self.before_box.setObjectName("compareBefore")
        self.after_box.setObjectName("compareAfter")
        for key in dict.fromkeys(p.photo.view for p in self._photos):
            self.view_box.addItem(PHOTO_VIEW_LABELS[key], key)
        self.view_box.setCurrentIndex(max(0, self.view_box.findData(view)))
        self.side_button = QPushButton(_("Side by side"))
        self.wipe_button = QPushButton(_("Slider"))
        self.wipe_button.setObjectName("compareWipe")
        modes = QButtonGroup(self)
        for button in (self.side_button, self.wipe_button):
            button.setCheckable(True)
            modes.addButton(button)
        self.side_button.setChecked(True)
        fit = QPushButton(_("Fit"))
        fit.setToolTip(_("Show the whole photos (Ctrl+0)"))
        self.before_label, self.after_label = QLabel(), QLabel()
        for label in (self.before_label, self.after_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            set_text_size(label, 14 / 13)
        self.left_pane = PhotoPane(QGraphicsScene(self))
        self.right_pane = PhotoPane(QGraphicsScene(self))
        self.wipe_pane = PhotoPane(QGraphicsScene(self))
        accessible(
            self.left_pane,
            "Before photo",
            _("The wheel or Ctrl+plus zooms both photos together; Ctrl+0 fits"),
        )
        accessible(
            self.right_pane,
            "After photo",
            _("The wheel or Ctrl+plus zooms both photos together; Ctrl+0 fits"),
        )
        accessible(
            self.wipe_pane, "Before and after, wiped", _("The slider below moves the line between them")
        )
        self.wipe_slider = QSlider(Qt.Orientation.Horizontal)
        self.wipe_slider.setObjectName("wipeSlider")
        self.wipe_slider.setRange(0, 1000)
        self.wipe_slider.setValue(500)
        self.wipe_slider.setToolTip(_("Drag to wipe between the two photos"))
        accessible(self.wipe_slider, "Wipe between the photos", _("Left shows more of the before photo"))
        self.share = SharePanel(practice, client_id)
        self._build_layout(fit)
        self._syncing = False
        self._originals: dict[int, bytes] = {}
        self._quick: dict[int, QImage] = {}
        self._sharp: dict[int, QImage] = {}
        self._framed_items: dict[int, list[FramedPhoto]] = {}
        self._sharpen: _Sharpen | None = None
        self._wipe_pair: tuple[SessionPhoto, SessionPhoto] | None = None
        self._threads: list[_Sharpen] = []
        """Every decoding thread started, kept until the dialog closes (a QThread must outlive its run)."""
        self.left_pane.viewed.connect(lambda: self._sync(self.left_pane, self.right_pane))
        self.right_pane.viewed.connect(lambda: self._sync(self.right_pane, self.left_pane))
        self.view_box.currentIndexChanged.connect(lambda: self._fill_sessions(None, None))
        self.before_box.currentIndexChanged.connect(self.show_photos)
        self.after_box.currentIndexChanged.connect(self.show_photos)
        self.side_button.toggled.connect(self._mode)
        self.wipe_slider.valueChanged.connect(self._wipe)
        fit.clicked.connect(self.fit)
        QShortcut(QKeySequence("Ctrl+0"), self, self.fit)
        self._fill_sessions(before_session, after_session)

    @classmethod
    def for_photo(
        cls, practice: Practice, photo: SessionPhoto, parent: QWidget | None = None
    ) -> CompareDialog:
        """Compare a photo's view: the first session against this photo's (or the latest, for the first)."""
        return cls(practice, photo.client_id, photo.photo.view, None, photo.photo.session_id, parent)

    def _build_layout(self, fit: QPushButton) -> None:
        bar = QHBoxLayout()
        for text, widget in (
            (_("View"), self.view_box),
            (_("Before"), self.before_box),
            (_("After"), self.after_box),
        ):
            bar.addWidget(QLabel(text))
            bar.addWidget(widget, 1)
        bar.addSpacing(12)
        bar.addWidget(self.side_button)
        bar.addWidget(self.wipe_button)
        bar.addWidget(fit)
        side = QWidget()
        grid = QGridLayout(side)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.left_pane, 0, 0)
        grid.addWidget(self.right_pane, 0, 1)
        wipe = QWidget()
        column = QVBoxLayout(wipe)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.wipe_pane, 1)
        column.addWidget(self.wipe_slider)
        self.modes = QStackedWidget()
        self.modes.addWidget(side)
        self.modes.addWidget(wipe)
        labels = QHBoxLayout()
        labels.addWidget(self.before_label)
        labels.addWidget(self.after_label)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(labels)
        layout.addWidget(self.modes, 1)
        layout.addWidget(self.share)

    # --- choosing --------------------------------------------------------------------------------
    def _of_view(self) -> list[SessionPhoto]:
        view = self.view_box.currentData()
        first: dict[int, SessionPhoto] = {}
        for item in self._photos:
            if item.photo.view == view:
                first.setdefault(item.photo.session_id, item)
        return list(first.values())

    def _fill_sessions(self, before: int | None, after: int | None) -> None:
        choices = self._of_view()
        for box in (self.before_box, self.after_box):
            box.blockSignals(True)
            box.clear()
            for item in choices:
                box.addItem(item.session_label, item.photo.id)
            box.blockSignals(False)
        if not choices:
            return
        ids = [item.photo.session_id for item in choices]
        self.before_box.setCurrentIndex(ids.index(before) if before in ids else 0)
        after_index = ids.index(after) if after in ids else len(ids) - 1
        if after_index == self.before_box.currentIndex() and len(ids) > 1:
            after_index = len(ids) - 1 if after_index == 0 else after_index
        self.after_box.setCurrentIndex(after_index)
        self.show_photos()

    def chosen(self) -> tuple[SessionPhoto, SessionPhoto] | None:
        """The before and after photos chosen now."""
        by_id = {item.photo.id: item for item in self._photos}
        before, after = by_id.get(self.before_box.currentData()), by_id.get(self.after_box.currentData())
        return (before, after) if before is not None and after is not None else None

    # --- showing ---------------------------------------------------------------------------------
    def _decode_quick(self, items: list[SessionPhoto]) -> None:
        """Read and decode the photos not decoded yet, side by side on the machine's cores."""
        new = [item for item in items if item.photo.id not in self._originals]
        for item in new:
            self._originals[item.photo.id] = self._practice.photos.original(item.photo)
        with ThreadPoolExecutor(max_workers=2) as pool:  # Qt's decoder lets go of Python's lock
            images = pool.map(lambda item: decode(self._originals[item.photo.id], QUICK_SIDE), new)
            self._quick.update({item.photo.id: image for item, image in zip(new, images, strict=True)})

    def _framed(self, item: SessionPhoto) -> FramedPhoto:
        """The photo in its frame, from the sharp decoding when there is one, else the quick one."""
        photo_id = item.photo.id
        self._decode_quick([item])
        framed = FramedPhoto(self._sharp.get(photo_id, self._quick[photo_id]), item.photo.alignment)
        self._framed_items.setdefault(photo_id, []).append(framed)
        return framed

    def _sharpen_later(self, photo_ids: list[int]) -> None:
        waiting = {i: self._originals[i] for i in photo_ids if i not in self._sharp}
        if not waiting or self._sharpen is not None:
            return
        self._sharpen = _Sharpen(waiting)
        self._threads.append(self._sharpen)
        self._sharpen.decoded.connect(self._sharpened)
        self._sharpen.finished.connect(self._sharpen_done)
        self._sharpen.start()

    def _sharpened(self, photo_id: int, image: QImage) -> None:
        self._sharp[photo_id] = image
        for framed in self._framed_items.get(photo_id, []):
            framed.set_image(image)

    def _sharpen_done(self) -> None:
        self._sharpen = None
        pair = self.chosen()
        if pair is not None:
            self._sharpen_later([pair[0].photo.id, pair[1].photo.id])

    def _wait(self) -> None:
        for thread in self._threads:
            thread.wait()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._wait()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self._wait()
        super().done(result)

    def show_photos(self) -> None:
        """Put the chosen photos on screen, fitted, in both modes."""
        pair = self.chosen()
        if pair is None:
            return
        before, after = pair
        self.before_label.setText(_("Before: {session_label}").format(session_label=before.session_label))
        self.after_label.setText(_("After: {session_label}").format(session_label=after.session_label))
        for pane, label in ((self.left_pane, self.before_label), (self.right_pane, self.after_label)):
            accessible(pane, pane.accessibleName(), label.text())  # which session's photo the pane shows
        self._framed_items.clear()
        try:
            self._decode_quick([before, after])
        except AcuChartError as exc:  # an original missing from the photo folder: say so, show nothing
            warn(self, str(exc))
            for pane in (self.left_pane, self.right_pane, self.wipe_pane):
                pane.setScene(QGraphicsScene(self))
            return
        for pane, item in ((self.left_pane, before), (self.right_pane, after)):
            scene = QGraphicsScene(self)
            framed = self._framed(item)
            scene.addItem(framed)
            scene.setSceneRect(framed.rect())
            pane.setScene(scene)
        self._wipe_pair = (before, after)
        if self.modes.currentIndex() == 1:
            self._show_wipe()
        self.share.set_pair(before, after)
        self.fit()
        ids = [before.photo.id, after.photo.id]
        QTimer.singleShot(SHARPEN_AFTER_MS, self, lambda: self._sharpen_later(ids))

    def fit(self) -> None:
        """Show the whole photos, in the mode on screen."""
        self.left_pane.fit()
        self.wipe_pane.fit()

    def _sync(self, source: PhotoPane, target: PhotoPane) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            target.follow(source)
        finally:
            self._syncing = False

    def _show_wipe(self) -> None:
        """Build the wipe for the chosen pair (when it is first looked at: most comparisons are side by side)."""
        if self._wipe_pair is None:
            return
        before, after = self._wipe_pair
        self._wipe_pair = None
        wipe = WipeScene(self._framed(before), self._framed(after))
        wipe.setParent(self)
        self.wipe_pane.setScene(wipe)
        wipe.set_wipe(self.wipe_slider.value() / 1000)

    def _mode(self, side_by_side: bool) -> None:
        if not side_by_side:
            self._show_wipe()
        self.modes.setCurrentIndex(0 if side_by_side else 1)
        self.fit()

    def _wipe(self, value: int) -> None:
        scene = self.wipe_pane.scene()
        if isinstance(scene, WipeScene):
            scene.set_wipe(value / 1000)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.fit()
