"""Taking a photo with a camera attached to the computer, through Qt Multimedia.

Qt Multimedia comes with PySide6-Addons, an optional extra (``pip install "acuchart[camera]"``); it must
be the same version as the PySide6-Essentials the app runs on. Without it, the app says that no camera
support is installed, and everything else works as before.
"""

from __future__ import annotations

import importlib
import importlib.util
from importlib import metadata
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from acuchart.errors import AcuChartError
from acuchart.i18n import N_, _
from acuchart.practice import Practice
from ui.messages import warn
from ui.operations import Operations
from ui.photos.importer import ensure_photo_consent

INSTALL_HINT = N_(
    'Install it with: pip install "acuchart[camera]" (PySide6-Addons, the same version as PySide6-Essentials).'
)


def camera_support_problem() -> str:
    """Why photos cannot be taken with a camera here, or empty when they can (not counting a camera plugged in)."""
    if importlib.util.find_spec("PySide6.QtMultimedia") is None:
        return _("No camera support is installed. ") + _(INSTALL_HINT)
    try:
        essentials, addons = metadata.version("PySide6-Essentials"), metadata.version("PySide6-Addons")
    except metadata.PackageNotFoundError:
        return ""
    if essentials != addons:
        return _(
            "Camera support (PySide6-Addons {addons}) does not match PySide6-Essentials {essentials}. "
        ).format(addons=addons, essentials=essentials) + _(INSTALL_HINT)
    return ""


class CaptureDialog(QDialog):
    """A live picture from the first camera, and a button that takes the photo."""

    def __init__(self, multimedia: Any, widgets: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Take a photo"))
        self.resize(800, 640)
        self.jpeg = b""
        device = multimedia.QMediaDevices.defaultVideoInput()
        self.camera = multimedia.QCamera(device, self)
        self.capture = multimedia.QImageCapture(self)
        self.session = multimedia.QMediaCaptureSession(self)
        self.session.setCamera(self.camera)
        self.session.setImageCapture(self.capture)
        self.preview = widgets.QVideoWidget()
        self.session.setVideoOutput(self.preview)
        self.note = QLabel(_("Camera: {description}").format(description=device.description()))
        self.capture.imageCaptured.connect(self._captured)
        self.capture.errorOccurred.connect(
            lambda *_: self.note.setText(_("The camera could not take the photo."))
        )
        buttons = QDialogButtonBox()
        take = buttons.addButton(_("Take photo"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        take.clicked.connect(lambda: self.capture.capture())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.camera.start()

    def _captured(self, _request: int, image: Any) -> None:
        array = QByteArray()
        buffer = QBuffer(array)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "JPEG", 95)
        self.jpeg = bytes(array.data())
        self.camera.stop()
        self.accept()


def capture_photo(practice: Practice, session_id: int, view: str, label: str, parent: QWidget | None) -> None:
    """Take a photo for the session with the attached camera, or say why that cannot be done here."""
    problem = camera_support_problem()
    if problem:
        warn(parent, problem, _("Camera"))
        return
    multimedia = importlib.import_module("PySide6.QtMultimedia")
    widgets = importlib.import_module("PySide6.QtMultimediaWidgets")
    if not multimedia.QMediaDevices.videoInputs():
        warn(
            parent,
            _("No camera is connected to this computer. Connect one, or import photo files instead."),
            _("Camera"),
        )
        return
    session = practice.sessions.get(session_id)
    if not ensure_photo_consent(practice, session.client_id, parent):
        return
    dialog = CaptureDialog(multimedia, widgets, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.jpeg:
        return
    try:
        Operations.of(practice).apply(
            lambda: practice.photos.import_bytes(session_id, dialog.jpeg, _("Camera photo.jpg"), view, label),
            parent,
        )
    except AcuChartError as exc:
        warn(parent, str(exc), _("Camera"))
