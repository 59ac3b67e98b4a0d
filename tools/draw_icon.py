"""Draw AcuChart's application icon into resources/icons/: one SVG, PNGs at the usual sizes, and the
Windows (.ico) and macOS (.icns) containers the desktop bundle uses.

Usage: ``.venv/bin/python tools/draw_icon.py`` (from anywhere). Edit the drawing here, never the files.

The picture is our own: a face in the diagrams' skin colour on the app's navy, three points where a
facial treatment starts (yintang and the two ST2), and a needle with its gold handle coming to the
client's right ST2. At 16 pixels the face and its points still read; the needle thins to a hairline.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from acuchart.resources import RESOURCES
from ui.app_icon import SIZES  # the freedesktop hicolor sizes, which the app's windows load

ICONS = RESOURCES / "icons"
NAME = "acuchart"

NAVY = "#1F4E79"
SKIN = "#F6E2D3"
OUTLINE = "#C9A58C"
POINT = "#C0392B"
STEEL = "#DDE3E8"
GOLD = "#D9A521"


def svg() -> str:
    """The icon as SVG, on a 256-unit square (flat fills and strokes only, so every renderer agrees)."""
    face = (
        "M128 38 C172 38 196 74 196 114 C196 166 164 214 128 216 C92 214 60 166 60 114 C60 74 84 38 128 38 Z"
    )
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <rect x="8" y="8" width="240" height="240" rx="52" ry="52" fill="{NAVY}"/>
  <path d="{face}" fill="{SKIN}" stroke="{OUTLINE}" stroke-width="4"/>
  <path d="M96 112 Q106 104 116 112 M140 112 Q150 104 160 112" fill="none" stroke="{OUTLINE}"
        stroke-width="5" stroke-linecap="round"/>
  <circle cx="128" cy="96" r="9" fill="{POINT}"/>
  <circle cx="106" cy="134" r="9" fill="{POINT}"/>
  <circle cx="150" cy="134" r="9" fill="{POINT}"/>
  <line x1="153" y1="130" x2="196" y2="80" stroke="{STEEL}" stroke-width="4" stroke-linecap="round"/>
  <line x1="192" y1="85" x2="220" y2="52" stroke="{GOLD}" stroke-width="12" stroke-linecap="round"/>
</svg>
"""


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The icon drawn at ``size`` × ``size`` pixels on transparency."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """``image`` as PNG file contents."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def main() -> int:
    """Write every icon file; returns the process exit status."""
    from PIL import Image  # reportlab's own dependency: here for the .ico and .icns containers

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    text = svg()
    (ICONS / f"{NAME}.svg").write_text(text, encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
    pictures = {}
    for size in SIZES:
        data = png_bytes(render(renderer, size))
        (ICONS / f"{NAME}-{size}.png").write_bytes(data)
        pictures[size] = Image.open(io.BytesIO(data)).convert("RGBA")
    largest = pictures[max(SIZES)]
    largest.save(ICONS / f"{NAME}.ico", sizes=[(s, s) for s in SIZES if s <= 256])
    largest.save(ICONS / f"{NAME}.icns", append_images=[pictures[s] for s in SIZES if s < max(SIZES)])
    for path in sorted(ICONS.iterdir()):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
