"""The diagrams as the app draws them (QtSvg): every spot of every point, both sides, lands on the skin."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from acuchart.catalogue import VIEWS, load_catalogue

SCALE = 2


def render(view: str) -> QImage:
    diagram = VIEWS[view]
    renderer = QSvgRenderer(str(diagram.svg_path))
    assert renderer.isValid(), diagram.svg_path
    image = QImage(round(diagram.width * SCALE), round(diagram.height * SCALE), QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    return image


@pytest.mark.parametrize("view", list(VIEWS))
def test_qt_draws_every_point_of_the_view_on_the_skin(qapp: QApplication, view: str) -> None:
    image = render(view)
    off_body = []
    for point, side, x, y in load_catalogue().sites_in_view(view):
        pixel = image.pixelColor(round(x * (image.width() - 1)), round(y * (image.height() - 1)))
        if pixel.alpha() != 255:
            off_body.append(f"{point.code} {side} at {x:.4f}, {y:.4f}")
    assert off_body == []
    assert image.pixelColor(2, 2).alpha() == 0, "the background stays clear"
