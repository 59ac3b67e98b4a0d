"""Lining a photo up with the same view from the client's first session.

The first session's photo lies over this one as a ghost, at an opacity the practitioner sets, with a
midline and a facial-thirds guide. Turning, enlarging and dragging the photo changes only its stored
alignment (one operation on Save); the original file is never touched.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from acuchart.errors import AcuChartError
from acuchart.i18n import _
from acuchart.models import Alignment
from acuchart.practice import Practice
from ui import theme
from ui.accessibility import accessible
from ui.messages import warn
from ui.operations import Operations
from ui.photos.frames import FramedPhoto, decode
from ui.style import mute

SHOWN_SIDE = 1600
"""Pixels on the longer side of a photo as shown for lining up: plenty for a screen, quick to decode."""
THIRDS = (0.22, 0.42, 0.62, 0.82)
"""Where the facial-thirds guide's lines sit (hairline, brows, base of the nose, chin), as fractions of the
frame's height: a guide to put the same face in the same place, not a measurement."""
NUDGE = 0.004


class AlignView(QGraphicsView):
    """The photo under the ghost; dragging moves the photo, arrow keys nudge it."""

    moved = Signal(float, float)
    """The photo was dragged by (dx, dy), in fractions of the frame."""

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(theme.current().qcolor("photo_backdrop"))
        self._last: QPointF | None = None
        self.frame = QRectF()

    def fit(self) -> None:
        """Show the whole frame."""
        if not self.frame.isEmpty():
            self.fitInView(self.frame.adjusted(-20, -20, 20, 20), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._last = self.mapToScene(event.position().toPoint())
        self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._last is None or self.frame.isEmpty():
            return
        here = self.mapToScene(event.position().toPoint())
        delta = here - self._last
        self._last = here
        self.moved.emit(delta.x() / self.frame.width(), delta.y() / self.frame.height())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._last = None
        self.unsetCursor()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {
            Qt.Key.Key_Left: (-NUDGE, 0.0),
            Qt.Key.Key_Right: (NUDGE, 0.0),
            Qt.Key.Key_Up: (0.0, -NUDGE),
            Qt.Key.Key_Down: (0.0, NUDGE),
        }
        step = steps.get(Qt.Key(event.key()))
        if step is None:
            super().keyPressEvent(event)
        else:
            self.moved.emit(*step)


class AlignDialog(QDialog):
    """Straighten and frame one photo against the first session's photo of the same view."""

    def __init__(self, practice: Practice, photo_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alignDialog")
        self._practice = practice
        self.photo = practice.photos.get(photo_id)
        self.ghost_photo = practice.photos.first_of_view(
            self.photo.client_id, self.photo.photo.view, not_session=self.photo.photo.session_id
        )
        if (
            self.ghost_photo is not None
            and self.ghost_photo.session_started_at > self.photo.session_started_at
        ):
            self.ghost_photo = None  # this is the first: later photos are lined up with it
        self.setWindowTitle(
            _("Line up: {view_label}, {session_label}").format(
                view_label=self.photo.photo.view_label, session_label=self.photo.session_label
            )
        )
        self.resize(980, 860)
        self.scene = QGraphicsScene(self)
        self.framed = FramedPhoto(
            decode(practice.photos.original(self.photo.photo), SHOWN_SIDE), self.photo.photo.alignment
        )
        self.scene.addItem(self.framed)
        self.ghost: FramedPhoto | None = None
        if self.ghost_photo is not None:
            image = decode(practice.photos.original(self.ghost_photo.photo), SHOWN_SIDE)
            self.ghost = FramedPhoto(image, self.ghost_photo.photo.alignment)
            self.ghost.setBrush(Qt.BrushStyle.NoBrush)
            self.ghost.setOpacity(0.45)
            self.ghost.setZValue(1)
            self.scene.addItem(self.ghost)
        frame = self.framed.rect()
        self.guides = self._guides(frame)
        self.view = AlignView(self.scene)
        accessible(
            self.view,
            "Photo to line up",
            _(
                "The first session's photo lies over it as a ghost; the arrow keys move the photo, the sliders turn and enlarge it"
            ),
        )
        self.view.frame = frame
        self.view.setSceneRect(frame.adjusted(-40, -40, 40, 40))
        self.view.moved.connect(self._move)

        self.opacity = _slider(0, 100, 45)
        self.opacity.setEnabled(self.ghost is not None)
        self.opacity.valueChanged.connect(self._ghost_opacity)
        self.angle = _slider(-150, 150, round(self.photo.photo.alignment.angle * 10))
        self.angle.setObjectName("alignAngle")
        self.scale = _slider(100, 250, round(self.photo.photo.alignment.scale * 100))
        self.scale.setObjectName("alignScale")
        self.angle.valueChanged.connect(self._update)
        self.scale.valueChanged.connect(self._update)
        self.show_guides = QCheckBox(_("Midline and facial thirds"))
        self.show_guides.setChecked(True)
        self.show_guides.toggled.connect(self._show_guides)
        self.reading = QLabel()
        mute(self.reading)
        reset = QPushButton(_("Reset"))
        reset.clicked.connect(self.reset)
        about = QLabel(
            _(
                "The ghost is the {session_label} photo. Turn and enlarge with the sliders; drag the photo (or use the arrow keys) to move it. The original file is never changed."
            ).format(session_label=self.ghost_photo.session_label)
            if self.ghost_photo is not None
            else _(
                "This is the client's first photo of this view: later photos are lined up with it. "
                "You can still straighten it."
            )
        )
        about.setWordWrap(True)
        controls = QFormLayout()
        controls.addRow(_("Ghost opacity"), self.opacity)
        controls.addRow(_("Turn"), self.angle)
        controls.addRow(_("Enlarge"), self.scale)
        row = QHBoxLayout()
        row.addWidget(self.show_guides)
        row.addWidget(self.reading, 1)
        row.addWidget(reset)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.view, 1)
        layout.addLayout(controls)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self._dx, self._dy = self.photo.photo.alignment.dx, self.photo.photo.alignment.dy
        self._update()
        self.view.setFocus()

    def _guides(self, frame: QRectF) -> list[QGraphicsLineItem]:
        guide = theme.current().qcolor("photo_guide")
        guide.setAlpha(200)
        pen = QPen(guide, 1.5, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        lines = [QGraphicsLineItem(frame.center().x(), frame.top(), frame.center().x(), frame.bottom())]
        lines += [
            QGraphicsLineItem(frame.left(), frame.height() * y, frame.right(), frame.height() * y)
            for y in THIRDS
        ]
        for line in lines:
            line.setPen(pen)
            line.setZValue(2)
            self.scene.addItem(line)
        return lines

    def _ghost_opacity(self, value: int) -> None:
        if self.ghost is not None:
            self.ghost.setOpacity(value / 100)

    def _show_guides(self, on: bool) -> None:
        for guide in self.guides:
            guide.setVisible(on)

    @property
    def alignment(self) -> Alignment:
        """The alignment as the controls set it now."""
        return Alignment(
            self.angle.value() / 10, self.scale.value() / 100, round(self._dx, 4), round(self._dy, 4)
        )

    def _move(self, dx: float, dy: float) -> None:
        self._dx = max(-0.5, min(0.5, self._dx + dx))
        self._dy = max(-0.5, min(0.5, self._dy + dy))
        self._update()

    def _update(self) -> None:
        alignment = self.alignment
        self.framed.set_alignment(alignment)
        self.reading.setText(
            _(
                "Turned {angle:+.1f}°, enlarged {scale:.2f}×, moved {value:+.1f}% across, {value2:+.1f}% down"
            ).format(
                angle=alignment.angle,
                scale=alignment.scale,
                value=alignment.dx * 100,
                value2=alignment.dy * 100,
            )
        )

    def reset(self) -> None:
        """Back to the photo as taken."""
        self._dx = self._dy = 0.0
        self.angle.setValue(0)
        self.scale.setValue(100)
        self._update()

    def save(self) -> None:
        """Store the alignment (with a reason, as an amendment, once the session is signed)."""
        reason = ""
        if self.photo.session_signed:
            reason, ok = QInputDialog.getText(
                self,
                _("Amend a signed session"),
                _("The session is signed: lining its photo up is kept as an amendment. Why?"),
                text=_("Lined up with the first session's photo for comparison."),
            )
            if not ok:
                return
        alignment = self.alignment
        try:
            Operations.of(self._practice).apply(
                lambda: self._practice.photos.align(self.photo.photo.id, alignment, reason), self
            )
        except AcuChartError as exc:
            warn(self, str(exc))
            return
        self.accept()


def _slider(low: int, high: int, value: int) -> QSlider:
    slider = QSlider(Qt.Orientation.Horizontal)
    slider.setRange(low, high)
    slider.setValue(max(low, min(high, value)))
    return slider
