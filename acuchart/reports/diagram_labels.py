"""The labels beside the marks of a printed diagram: each point's code where it covers nothing else."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from acuchart.reports.data import HandoutMark
from acuchart.reports.fonts import draw_text, text_width
from acuchart.reports.layout import INK, MUTED
from acuchart.reports.symbols import Symbol

LABEL_SIZE = 7.0

Rect = tuple[float, float, float, float]


def _overlaps(box: Rect, others: Iterable[Rect]) -> bool:
    x0, y0, x1, y1 = box
    return any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in others)


def _overlap_area(box: Rect, others: Iterable[Rect]) -> float:
    x0, y0, x1, y1 = box
    return sum(
        max(0.0, min(x1, b[2]) - max(x0, b[0])) * max(0.0, min(y1, b[3]) - max(y0, b[1])) for b in others
    )


@dataclass(frozen=True)
class PlacedLabel:
    """A mark's label where it is printed: its text, its box, and the point it names (with the
    symbol's reach), to tie them by a hairline when the label is set a little away."""

    text: str
    box: Rect
    point: tuple[float, float]
    reach: float

    @property
    def tied(self) -> bool:
        """True when the label is set away from its point (a hairline joins them)."""
        return self.gap() > self.reach + 1.5

    def gap(self) -> float:
        """How far the label is from its point."""
        px, py = self.point
        near_x, near_y = min(max(px, self.box[0]), self.box[2]), min(max(py, self.box[1]), self.box[3])
        return float(((near_x - px) ** 2 + (near_y - py) ** 2) ** 0.5)


def place_labels(
    placed: Sequence[tuple[HandoutMark, float, float, Symbol]],
    centre_x: float,
    keep_clear: Sequence[Rect] = (),
) -> list[PlacedLabel]:
    """Where each mark's label goes: beside it where it covers no symbol, landmark or other label
    (see the order below), on its own side of the midline (``centre_x``)."""
    taken: list[Rect] = list(keep_clear)
    for _, px, py, symbol in placed:
        reach = symbol.ring.radius if symbol.ring else symbol.size
        taken.append((px - reach, py - reach, px + reach, py + reach))
    seen: set[tuple[str, int, int]] = set()
    labels: list[PlacedLabel] = []
    for mark, px, py, symbol in placed:
        label = mark.diagram_label
        key = (label, round(px), round(py))
        if not label or key in seen:
            continue
        seen.add(key)
        reach = (symbol.ring.radius if symbol.ring else symbol.size) + 1.5
        w = text_width(label, LABEL_SIZE, bold=True) + 2
        h = LABEL_SIZE + 1
        outward = -1 if px < centre_x else 1
        out_x = px + reach if outward > 0 else px - reach - w
        in_x = px + reach if outward < 0 else px - reach - w
        beside, above, below = py - h / 2 + 1, py + reach, py - reach - h
        # Beside the point away from the face's midline first, then the other side, above and
        # below, then the corners, then a little further out; a label is kept on its point's side
        # of the midline (across it, it reads as the other side's), and off the landmarks. Where
        # every place is crowded, the one that covers least.
        candidates = [
            (out_x, beside),
            (in_x, beside),
            (px - w / 2, above),
            (px - w / 2, below),
            (out_x, above - 1),
            (out_x, below + 1),
            (in_x, above - 1),
            (in_x, below + 1),
            (out_x + outward * (h + 2), beside),
            (px - w / 2, above + h + 1),
            (out_x, above + h),
            (px - w / 2, below - h - 1),
        ]
        boxes = [(x, y, x + w, y + h) for x, y in candidates]
        on_midline = abs(px - centre_x) <= 2

        def crosses(box: Rect, on_midline: bool = on_midline) -> bool:
            return not on_midline and box[0] < centre_x < box[2]

        free = [b for b in boxes if not _overlaps(b, taken)]
        box = next((b for b in free if not crosses(b)), free[0] if free else None)
        if box is None:
            box = min(boxes, key=lambda b: _overlap_area(b, taken))
        taken.append(box)
        labels.append(PlacedLabel(label, box, (px, py), reach))
    return labels


def draw_labels(canvas: Canvas, labels: Sequence[PlacedLabel]) -> None:
    """Draw the labels :func:`place_labels` placed: each on a light ground, tied to its point by a
    hairline when set a little away."""
    for label in labels:
        x0, y0, x1, y1 = label.box
        px, py = label.point
        canvas.saveState()
        if label.tied:
            near_x, near_y = min(max(px, x0), x1), min(max(py, y0), y1)
            ratio = (label.reach - 1) / label.gap()
            canvas.setStrokeColor(MUTED)
            canvas.setLineWidth(0.45)
            canvas.line(near_x, near_y, px + (near_x - px) * ratio, py + (near_y - py) * ratio)
        canvas.setFillColor(colors.white, alpha=0.8)
        canvas.roundRect(x0, y0 - 0.5, x1 - x0, y1 - y0, 1.5, stroke=0, fill=1)
        canvas.setFillColor(INK)
        draw_text(canvas, x0 + 1, y0 + 1.4, label.text, LABEL_SIZE, bold=True)
        canvas.restoreState()
