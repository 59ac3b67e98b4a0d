"""Render every diagram with all its catalogue points and codes overlaid, for review by eye.

Usage: ``.venv/bin/python tools/render_points.py OUTDIR [--scale 2]``

Writes OUTDIR/<view>.png for each view. Every spot of every point is drawn, both sides of a bilateral
point: red for the client's right, blue for the client's left, purple for a midline point (a profile
shows one side only). Rendering uses QtSvg, the
same renderer the app draws the diagrams with.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath, QPen
from PySide6.QtSvg import QSvgRenderer

from acuchart.catalogue import VIEWS, Catalogue, DiagramView, Side, load_catalogue

SIDE_COLOURS: dict[Side, str] = {"right": "#C0392B", "left": "#1F6FB2", "midline": "#7D3C98"}


def render_view(view: DiagramView, catalogue: Catalogue, scale: float) -> QImage:
    """The view's diagram with its points and their codes drawn on top."""
    width, height = round(view.width * scale), round(view.height * scale)
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(view.svg_path)).render(painter, QRectF(0, 0, width, height))
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(9, round(6 * scale)))
    painter.setFont(font)
    radius = max(2.5, 2.2 * scale)
    halo = QPen(QColor(255, 255, 255, 220), max(2.0, scale * 1.5))
    for point, side, fx, fy in catalogue.sites_in_view(view.name):
        centre = QPointF(fx * width, fy * height)
        colour = QColor(SIDE_COLOURS[side])
        painter.setPen(QPen(QColor("white"), 1.0))
        painter.setBrush(colour)
        painter.drawEllipse(centre, radius, radius)
        text_width = painter.fontMetrics().horizontalAdvance(point.code)
        outward = fx < 0.5
        dx = -(radius + 2 + text_width) if outward else radius + 2
        path = QPainterPath()
        path.addText(QPointF(centre.x() + dx, centre.y() + font.pixelSize() / 3), font, point.code)
        painter.strokePath(path, halo)
        painter.fillPath(path, colour)
    painter.setPen(QColor("#333333"))
    painter.drawText(
        QRectF(8, 6, width - 16, 40),
        Qt.AlignmentFlag.AlignLeft,
        f"{view.title} ({view.facing} view): red = client's right, blue = client's left, purple = midline"
        f" · {len(catalogue.in_view(view.name))} points",
    )
    painter.end()
    return image


def main(argv: list[str] | None = None) -> int:
    """Render all views into the folder given on the command line; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path, help="folder for the PNG files")
    parser.add_argument("--scale", type=float, default=2.0, help="pixels per diagram unit (default 2)")
    args = parser.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication([])
    catalogue = load_catalogue()
    args.outdir.mkdir(parents=True, exist_ok=True)
    for view in VIEWS.values():
        target = args.outdir / f"{view.name}.png"
        if not render_view(view, catalogue, args.scale).save(str(target)):
            print(f"could not write {target}", file=sys.stderr)
            return 1
        print(f"wrote {target}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
