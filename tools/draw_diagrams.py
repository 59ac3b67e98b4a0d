"""Write the diagrams in resources/diagrams/ from their drawings in tools/diagram_*.py.

Usage: ``python tools/draw_diagrams.py`` (from anywhere). Edit the drawing code, not the SVG files:
the drawings keep both halves of each figure exactly symmetric.
"""

from __future__ import annotations

import sys
from pathlib import Path

import diagram_body
import diagram_face
import diagram_feet
import diagram_hands
import diagram_profile
import diagram_top
from svgdraw import Svg

DIAGRAMS = Path(__file__).resolve().parent.parent / "resources" / "diagrams"


def drawings() -> dict[str, Svg]:
    """Every diagram by its view key."""
    return {
        "face": diagram_face.draw(),
        "head_right": diagram_profile.draw("right"),
        "head_left": diagram_profile.draw("left"),
        "head_top": diagram_top.draw(),
        "body_front": diagram_body.draw(facing="front"),
        "body_back": diagram_body.draw(facing="back"),
        "hands": diagram_hands.draw(),
        "feet": diagram_feet.draw(),
    }


def main() -> int:
    """Draw every diagram and write it out; returns the process exit status."""
    DIAGRAMS.mkdir(parents=True, exist_ok=True)
    for name, svg in drawings().items():
        target = DIAGRAMS / f"{name}.svg"
        target.write_text(svg.render(), encoding="utf-8")
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
