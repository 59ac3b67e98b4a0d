"""Small helpers for drawing AcuChart's diagrams as SVG: smooth curves through points, mirrored halves.

Every diagram is symmetric about its vertical midline, so each shape is drawn once, on the viewer's
left, and mirrored. Curves are Catmull-Rom splines through hand-placed nodes, written out as cubic
Béziers; a node marked as a corner gets no tangent, which gives a crisp notch (armpit, between fingers).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

Point = tuple[float, float]


@dataclass(frozen=True)
class Node:
    """A point a curve passes through; ``corner`` makes the curve turn sharply there."""

    x: float
    y: float
    corner: bool = False


def node(x: float, y: float, corner: bool = False) -> Node:
    """A node at (x, y)."""
    return Node(x, y, corner)


def corner(x: float, y: float) -> Node:
    """A node at (x, y) where the curve turns sharply."""
    return Node(x, y, True)


def mirror_node(n: Node, width: float) -> Node:
    """The node reflected in the vertical midline of a drawing ``width`` wide."""
    return Node(width - n.x, n.y, n.corner)


def _fmt(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _pt(p: Point) -> str:
    return f"{_fmt(p[0])},{_fmt(p[1])}"


def _controls(prev: Node, a: Node, b: Node, nxt: Node, tension: float) -> tuple[Point, Point]:
    """The two Bézier control points of the Catmull-Rom segment from ``a`` to ``b``."""
    k = tension / 6.0
    c1 = (a.x, a.y) if a.corner else (a.x + (b.x - prev.x) * k, a.y + (b.y - prev.y) * k)
    c2 = (b.x, b.y) if b.corner else (b.x - (nxt.x - a.x) * k, b.y - (nxt.y - a.y) * k)
    return c1, c2


def smooth_path(nodes: Sequence[Node], closed: bool, tension: float = 1.0) -> str:
    """SVG path data for a smooth curve through ``nodes``.

    Args:
        nodes: the points the curve passes through, in order.
        closed: join the last node back to the first.
        tension: 1.0 is a classic Catmull-Rom spline; lower is tighter.
    """
    count = len(nodes)
    if count < 2:
        raise ValueError("a curve needs at least two nodes")
    parts = [f"M{_pt((nodes[0].x, nodes[0].y))}"]
    last = count if closed else count - 1
    for i in range(last):
        a, b = nodes[i], nodes[(i + 1) % count]
        if closed:
            prev, nxt = nodes[i - 1], nodes[(i + 2) % count]
        else:
            prev = nodes[i - 1] if i > 0 else a
            nxt = nodes[i + 2] if i + 2 < count else b
        c1, c2 = _controls(prev, a, b, nxt, tension)
        parts.append(f"C{_pt(c1)} {_pt(c2)} {_pt((b.x, b.y))}")
    if closed:
        parts.append("Z")
    return " ".join(parts)


def curve_points(nodes: Sequence[Node], closed: bool, tension: float = 1.0, steps: int = 24) -> list[Point]:
    """Points along the very curve :func:`smooth_path` draws through ``nodes``, ``steps`` per segment.

    The point geometry measures along these (arc lengths, levels), so what is measured is what is drawn.
    """
    count = len(nodes)
    if count < 2:
        raise ValueError("a curve needs at least two nodes")
    points: list[Point] = [(nodes[0].x, nodes[0].y)]
    last = count if closed else count - 1
    for i in range(last):
        a, b = nodes[i], nodes[(i + 1) % count]
        if closed:
            prev, nxt = nodes[i - 1], nodes[(i + 2) % count]
        else:
            prev = nodes[i - 1] if i > 0 else a
            nxt = nodes[i + 2] if i + 2 < count else b
        c1, c2 = _controls(prev, a, b, nxt, tension)
        for step in range(1, steps + 1):
            t = step / steps
            u = 1 - t
            points.append(
                (
                    u**3 * a.x + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t**3 * b.x,
                    u**3 * a.y + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t**3 * b.y,
                )
            )
    return points


def symmetric_outline(half: Sequence[Node], width: float, tension: float = 1.0) -> str:
    """A closed outline from its viewer's-left half, which runs from the top midline to the bottom midline.

    The first and last nodes lie on the midline; the right half is the mirror image, so the
    outline is exactly symmetric.
    """
    mirrored = [mirror_node(n, width) for n in reversed(half[1:-1])]
    return smooth_path([*half, *mirrored], closed=True, tension=tension)


@dataclass
class Svg:
    """An SVG document built element by element; attributes are presentation attributes, no CSS."""

    width: float
    height: float
    title: str
    elements: list[str] = field(default_factory=list)

    def group(self, comment: str) -> None:
        """Start a commented section, to keep the file readable."""
        self.elements.append(f"  <!-- {escape(comment)} -->")

    def path(self, d: str, **attrs: str | float) -> None:
        """Add a path with the given presentation attributes (underscores become hyphens)."""
        self.elements.append(f'  <path d="{d}"{_attrs(attrs)}/>')

    def circle(self, cx: float, cy: float, r: float, **attrs: str | float) -> None:
        """Add a circle."""
        self.elements.append(f'  <circle cx="{_fmt(cx)}" cy="{_fmt(cy)}" r="{_fmt(r)}"{_attrs(attrs)}/>')

    def text(self, x: float, y: float, content: str, **attrs: str | float) -> None:
        """Add a line of text."""
        self.elements.append(f'  <text x="{_fmt(x)}" y="{_fmt(y)}"{_attrs(attrs)}>{escape(content)}</text>')

    def both(self, nodes: Sequence[Node], closed: bool, tension: float = 1.0, **attrs: str | float) -> None:
        """Add a path and its mirror image."""
        self.path(smooth_path(nodes, closed, tension), **attrs)
        self.path(smooth_path([mirror_node(n, self.width) for n in nodes], closed, tension), **attrs)

    def render(self) -> str:
        """The whole document as text."""
        head = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" '
            f'width="{_fmt(self.width)}" height="{_fmt(self.height)}" '
            f'viewBox="0 0 {_fmt(self.width)} {_fmt(self.height)}">\n'
            f"  <title>{escape(self.title)}</title>\n"
        )
        return head + "\n".join(self.elements) + "\n</svg>\n"


def _attrs(attrs: dict[str, str | float]) -> str:
    out = []
    for key, value in attrs.items():
        text = _fmt(value) if isinstance(value, float | int) else escape(value, {'"': "&quot;"})
        out.append(f' {key.replace("_", "-")}="{text}"')
    return "".join(out)
