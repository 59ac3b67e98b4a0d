"""The reaction map as a printed page: the diagrams as a heat map, the highest rates with their counts,
the points needled too few times to say, and how concern ratings changed over courses.

Drawn from the practice's figures (:mod:`acuchart.services.reaction_map`) with the shared page, diagram
and type helpers, so it looks like every other document; every diagram in the catalogue's views that
holds a needled point is shown.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table, TableStyle

from acuchart import clock
from acuchart.catalogue import VIEWS, Catalogue, DiagramView
from acuchart.dates import long_date
from acuchart.i18n import ENGLISH, Language
from acuchart.models.insights import (
    MAP_KINDS,
    MIN_COURSES,
    MIN_NEEDLINGS,
    OUTCOME_NOTE,
    ConcernOutcome,
    MapFilter,
    PointRate,
    ReactionMap,
    percent,
    signed_change,
)
from acuchart.practice import Practice
from acuchart.reports.data import PracticeHeader
from acuchart.reports.diagram import art_for, place_art
from acuchart.reports.documents import Document, safe_file_name
from acuchart.reports.fonts import draw_text, text_width
from acuchart.reports.gather import practice_header
from acuchart.reports.heat_scale import BINS, OUTLINE, TOO_FEW, heat_bin
from acuchart.reports.layout import INK, MUTED, RULE, gap, para
from acuchart.reports.pages import build_pdf, frame_width

DISC = 3.4
"""A point's disc radius, in points."""
LABEL = 5.8
TOP_RATES = 14
DIAGRAM_HEIGHT = 112 * mm


class ReactionMapData(NamedTuple):
    """What the page prints."""

    practice: PracticeHeader
    catalogue: Catalogue
    figures: ReactionMap
    kind: str
    outcomes: tuple[ConcernOutcome, ...]
    protocol_names: Mapping[str, str]
    printed_on: dt.date
    language: Language = ENGLISH
    """The practitioner's language (the page is for the practice, not for a client)."""


def reaction_map_data(practice: Practice, wanted: MapFilter, kind: str) -> ReactionMapData:
    """Gather the page's figures for a filter and a kind of reaction."""
    service = practice.reaction_map
    return ReactionMapData(
        practice_header(practice),
        practice.catalogue,
        service.reaction_map(wanted),
        kind,
        tuple(service.outcomes(wanted)),
        service.protocol_names(),
        clock.today(),
    )


class HeatDiagram(Flowable):
    """One view with a disc per needled point, coloured by the rate of the chosen reaction."""

    def __init__(self, view: DiagramView, data: ReactionMapData, width: float, height: float) -> None:
        super().__init__()
        self.view = view
        self.data = data
        self.width = width
        self.height = height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        art = art_for(self.view)
        caption = 12.0
        scale = min(self.width / art.width, (self.height - caption) / art.height)
        art_w, art_h = art.width * scale, art.height * scale
        ox, oy = (self.width - art_w) / 2, self.height - caption - art_h
        canvas.setFillColor(INK)
        draw_text(
            canvas,
            self.width / 2,
            self.height - 9,
            self.data.language.gettext(self.view.title),
            9,
            bold=True,
            align="centre",
        )
        place_art(canvas, art, ox, oy, scale)
        labels: list[tuple[float, float, float, float]] = []
        for point in self.data.catalogue.in_view(self.view.name):
            rate = self.data.figures.rate(point.code, self.data.kind)
            if rate.needlings == 0:
                continue
            for side in point.sides():
                fx, fy = point.position(side)
                px, py = ox + fx * art_w, oy + (1 - fy) * art_h
                _disc(canvas, rate, px, py)
                if rate.enough and rate.reactions:
                    _label(canvas, percent(rate.reactions / rate.needlings), px, py, labels, ox + art_w / 2)


def _disc(canvas: Canvas, rate: PointRate, x: float, y: float) -> None:
    c = canvas
    c.saveState()
    if not rate.enough:
        c.setStrokeColor(colors.HexColor(TOO_FEW))
        c.setDash(1.2, 1.2)
        c.setLineWidth(0.9)
        c.setFillColor(colors.white)
        c.circle(x, y, DISC - 0.4, stroke=1, fill=1)
    else:
        step = heat_bin(rate.reactions / rate.needlings)
        c.setStrokeColor(colors.HexColor(OUTLINE))
        c.setLineWidth(0.7)
        c.setFillColor(colors.HexColor(step.fill))
        c.circle(x, y, DISC, stroke=1, fill=1)
    c.restoreState()


def _label(
    canvas: Canvas,
    text: str,
    x: float,
    y: float,
    taken: list[tuple[float, float, float, float]],
    centre: float,
) -> None:
    width = text_width(text, LABEL, bold=True) + 1.5
    outward = x >= centre
    for lx in (x + DISC + 1, x - DISC - 1 - width) if outward else (x - DISC - 1 - width, x + DISC + 1):
        box = (lx, y - LABEL / 2, lx + width, y + LABEL / 2)
        if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken):
            taken.append(box)
            canvas.setFillColor(INK)
            draw_text(canvas, lx + 0.7, y - LABEL / 2 + 1.2, text, LABEL, bold=True)
            return


class HeatLegend(Flowable):
    """The colour scale, and the ring for too few needlings."""

    def __init__(self, width: float, tr: Language = ENGLISH) -> None:
        super().__init__()
        self.tr = tr
        self.width = width
        self.height = 14.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        tr = self.tr
        x = 0.0
        entries = [(tr.gettext(step.label), step.fill, False) for step in BINS]
        entries.append(
            (
                tr.gettext("needled under {MIN_NEEDLINGS} times: too few to say").format(
                    MIN_NEEDLINGS=MIN_NEEDLINGS
                ),
                "#FFFFFF",
                True,
            )
        )
        for label, fill, dashed in entries:
            canvas.saveState()
            canvas.setStrokeColor(colors.HexColor(TOO_FEW if dashed else OUTLINE))
            if dashed:
                canvas.setDash(1.2, 1.2)
            canvas.setFillColor(colors.HexColor(fill))
            canvas.circle(x + DISC, 6, DISC, stroke=1, fill=1)
            canvas.restoreState()
            canvas.setFillColor(MUTED)
            draw_text(canvas, x + 2 * DISC + 3, 3.5, label, 7.5)
            x += 2 * DISC + 3 + text_width(label, 7.5) + 10


def _table(rows: Sequence[Sequence[object]], widths: Sequence[float]) -> Table:
    table = Table([list(r) for r in rows], colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def _cell(text: str, bold: bool = False) -> Flowable:
    return para(text, "cell_small_bold" if bold else "cell_small")


def _views(data: ReactionMapData) -> list[DiagramView]:
    needled = set(data.figures.points)
    return [v for v in VIEWS.values() if any(p.code in needled for p in data.catalogue.in_view(v.name))]


def _diagram_rows(views: Sequence[DiagramView], data: ReactionMapData, width: float) -> list[Flowable]:
    """The views in rows of up to three, each as tall as the row allows and as wide as its drawing is."""
    rows: list[Flowable] = []
    for start in range(0, len(views), 3):
        row = views[start : start + 3]
        aspects = [v.width / v.height for v in row]
        height = min(DIAGRAM_HEIGHT, (width - 6 * len(row)) / sum(aspects) + 12)
        widths = [a * (height - 12) + 6 for a in aspects]
        cells = [HeatDiagram(v, data, w - 4, height) for v, w in zip(row, widths, strict=True)]
        table = Table([cells], colWidths=widths, hAlign="CENTER")
        table.setStyle(
            TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)])
        )
        rows.append(table)
    return rows


def story(data: ReactionMapData) -> list[Flowable]:
    """The page's flowables."""
    tr = data.language
    width = frame_width(data.practice)
    kind = MAP_KINDS.label(data.kind, tr)
    figures = data.figures
    lead = tr.gettext(
        "{kind} after needling, point by point · {describe} · {sessions:,} sessions, {needlings:,} needlings · printed {printed_on}"
    ).format(
        kind=kind,
        describe=figures.filter.describe(data.protocol_names),
        sessions=figures.sessions,
        needlings=figures.needlings,
        printed_on=long_date(data.printed_on, tr),
    )
    flow: list[Flowable] = [para(tr.gettext("Where reactions happen"), "title"), para(lead, "lead")]
    views = _views(data)
    if views:
        flow += _diagram_rows(views, data, width)
        flow += [gap(2), HeatLegend(width, tr=tr)]
    else:
        flow.append(para(tr.gettext("No point has been needled in the sessions chosen."), "body"))
    ranked = figures.ranked(data.kind)
    enough = [r for r in ranked if r.enough][:TOP_RATES]
    if enough:
        flow += [
            gap(4),
            para(tr.gettext("{kind}: the highest rates").format(kind=kind), "h2", keepWithNext=0),
        ]
        rows: list[list[object]] = [
            [
                _cell(h, True)
                for h in (
                    tr.gettext("Point"),
                    tr.gettext("Rate"),
                    tr.gettext("Needlings followed by it"),
                    tr.gettext("95% interval"),
                )
            ]
        ]
        for r in enough:
            point = data.catalogue.find(r.code)
            name = f"{r.code} {point.pinyin}" if point else r.code
            rows.append(
                [
                    _cell(name, True),
                    _cell(percent(r.reactions / r.needlings)),
                    _cell(
                        tr.gettext("{reactions} of {needlings}").format(
                            reactions=r.reactions, needlings=r.needlings
                        )
                    ),
                    _cell(r.interval_text().removeprefix(tr.gettext("95% interval "))),
                ]
            )
        flow.append(_table(rows, [width * 0.34, width * 0.14, width * 0.28, width * 0.24]))
    few = [r for r in ranked if not r.enough]
    if few:
        listed = ", ".join(f"{r.code} ({r.needlings})" for r in few)
        flow += [
            gap(2),
            para(
                tr.gettext(
                    "Needled too few times to say anything (under {MIN_NEEDLINGS}; times in brackets): {listed}."
                ).format(MIN_NEEDLINGS=MIN_NEEDLINGS, listed=listed),
                "small",
            ),
        ]
    flow += [
        gap(5),
        para(tr.gettext("How ratings changed over a course"), "h2"),
        para(tr.gettext(OUTCOME_NOTE), "small"),
    ]
    shown = [o for o in data.outcomes if o.enough]
    if shown:
        rows = [
            [
                _cell(h, True)
                for h in (
                    tr.gettext("Concern"),
                    tr.gettext("Protocol followed"),
                    tr.gettext("Courses"),
                    tr.gettext("Median change"),
                    tr.gettext("Middle half"),
                    tr.gettext("All"),
                )
            ]
        ]
        for o in shown:
            low, middle, high = o.quartiles()
            numbers = (
                signed_change(middle),
                tr.gettext("{signed_change} to {signed_change2}").format(
                    signed_change=signed_change(low), signed_change2=signed_change(high)
                ),
                tr.gettext("{signed_change} to {signed_change2}").format(
                    signed_change=signed_change(min(o.changes)), signed_change2=signed_change(max(o.changes))
                ),
            )
            rows.append(
                [_cell(o.concern_label), _cell(o.protocol_name), _cell(str(o.courses)), *map(_cell, numbers)]
            )
        flow.append(_table(rows, [width * w for w in (0.22, 0.27, 0.1, 0.15, 0.14, 0.12)]))
    few_courses = [o for o in data.outcomes if not o.enough]
    if few_courses:
        listed = "; ".join(f"{o.concern_label} with {o.protocol_name} ({o.courses})" for o in few_courses)
        flow += [
            gap(2),
            para(
                tr.gettext(
                    "Too few courses to say (under {MIN_COURSES}; courses in brackets): {listed}."
                ).format(MIN_COURSES=MIN_COURSES, listed=listed),
                "small",
            ),
        ]
    if not data.outcomes:
        flow.append(
            para(
                tr.gettext("No course has a concern rated at two sessions or more in the sessions chosen."),
                "body",
            )
        )
    return flow


def build_reaction_map(data: ReactionMapData, out: io.BytesIO) -> int:
    """Write the page(s) to ``out``; return the page count."""
    tr = data.language
    return build_pdf(
        out,
        data.practice,
        story(data),
        title=tr.gettext("Where reactions happen"),
        running_title=tr.gettext("Where reactions happen"),
        subject=tr.gettext("Reactions after needling, by point, across the practice"),
        language=tr,
    )


def reaction_map_document(
    practice: Practice, wanted: MapFilter, kind: str, language: Language = ENGLISH
) -> Document:
    """The reaction map as a document the app previews, prints or saves, in the practitioner's
    ``language`` (the page is for the practice, not for a client)."""
    data = reaction_map_data(practice, wanted, kind)._replace(language=language)
    out = io.BytesIO()
    build_reaction_map(data, out)
    label = MAP_KINDS.label(kind, language)
    return Document(
        "reaction-map",
        language.gettext("Where reactions happen: {kind}").format(kind=label.lower()),
        safe_file_name(language.gettext("Where reactions happen"), label, f"{data.printed_on:%Y-%m-%d}"),
        out.getvalue(),
        language.code,
    )
