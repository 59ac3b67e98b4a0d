"""The tables every printed record shares: a strip of facts, a grid with a header row, and label and
value pairs for a record's fields."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from acuchart.reports.fonts import SANS, text_width
from acuchart.reports.layout import ACCENT, BAND, RULE, SOFT, cell, para


def table_of(rows: Sequence[Sequence[Any]], **options: Any) -> Table:
    """A reportlab ``Table`` (``options`` as it takes them) whose plain-text cells, the blank ones
    mostly, are set in the body font: reportlab's default for them is Helvetica, which no document
    embeds, and a font a PDF names but does not embed is what archive validators reject."""
    made = Table([list(row) for row in rows], **options)
    made.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), SANS, 10)]))
    return made


def facts(items: Sequence[tuple[str, str]], width: float) -> Table:
    """A calm strip of facts side by side, each a small label over its value ("CLIENT" / "Zoë Müller")."""
    cells = [[para(label.upper(), "label"), para(value, "cell_bold")] for label, value in items]
    # Each column gets what its words need, and the room left over is shared out evenly; when the
    # words need more than there is, the widest give way first.
    padding = 16.0
    needs = [
        max(text_width(value, 10, bold=True), text_width(label.upper(), 8, bold=True)) + padding
        for label, value in items
    ]
    if sum(needs) <= width:
        spare = (width - sum(needs)) / len(needs)
        widths = [need + spare for need in needs]
    else:
        cap = width / len(needs)
        small = [need for need in needs if need <= cap]
        while True:
            large = len(needs) - len(small)
            cap = (width - sum(small)) / large if large else cap
            fitting = [need for need in needs if need <= cap]
            if len(fitting) == len(small):
                break
            small = fitting
        widths = [min(need, cap) for need in needs]
    table = table_of([cells], colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), SOFT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBEFORE", (1, 0), (-1, -1), 0.6, RULE),
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, ACCENT),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def grid(
    rows: Sequence[Sequence[Flowable | str]], widths: Sequence[float], header: bool = True, padding: float = 4
) -> Table:
    """A table with a quiet header row, hairlines between rows, and rows that may break across pages;
    ``padding`` around each cell's text (a little more below)."""
    table = table_of(rows, colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding + 1),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), BAND), ("LINEBELOW", (0, 0), (-1, 0), 0.9, ACCENT)]
    table.setStyle(TableStyle(commands))
    return table


def details(rows: Sequence[tuple[str, str]], width: float, label_width: float = 42 * mm) -> Table:
    """Label and value pairs, one per line, for a record's fields; empty values print as "—"."""
    table = table_of(
        [[cell(label, style="cell_muted"), cell(value or "—")] for label, value in rows],
        colWidths=[label_width, width - label_width],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table
