"""The handout's "Points treated today": the diagrams with the session's marks, a legend, and the
points in plain language (code, names, where, side as the client's), beside or below the diagrams."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from acuchart.catalogue import DiagramView
from acuchart.i18n import ENGLISH, N_, Language
from acuchart.models import SEVERITY_WORDS
from acuchart.reports.data import HandoutMark
from acuchart.reports.diagram import DiagramFlowable, art_for, head_height, views_for
from acuchart.reports.layout import cell, gap, para
from acuchart.reports.legend import Legend, legend_counts, legend_symbols
from acuchart.reports.places import where_on_both_sides
from acuchart.reports.symbols import Symbol
from acuchart.reports.tables import grid, table_of
from acuchart.reports.wording import capitalised

_SIDE_WORDS = (N_("Your right"), N_("Your left"))
_FLUSH = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
)


BESIDE_MAX_PLACES = 12
"""At most this many lines of points sit beside a single diagram; a longer list runs below it."""
ART_HEIGHT = 70 * mm
"""The height of the pictures in a row of diagrams at full size (the face is then 52 mm wide)."""
BODY_MIN_WIDTH = 34 * mm
"""A body view is narrow; its cell is at least this wide so that "Your right" and "Your left" fit."""
_DIAGRAM_GAP = 4 * mm
_FACE_KEEP = 0.78
"""Without marks on the neck, the face diagram is drawn down to here (its shoulders left out)."""


def face_crop(marks: Sequence[HandoutMark]) -> float:
    """The share of the face diagram's height worth drawing: the shoulders go when no mark is near them."""
    lowest = max((mark.y for mark in marks), default=0.0)
    return min(1.0, max(_FACE_KEEP, lowest + 0.08))


def _crop(view: DiagramView, marks: Sequence[HandoutMark]) -> float:
    return face_crop(marks) if view.kind == "head" else 1.0


def points_section(
    marks: Sequence[HandoutMark],
    width: float,
    diagram_scale: float = 1.0,
    three_columns: bool = False,
    tr: Language = ENGLISH,
) -> list[Flowable]:
    """The diagrams with the session's marks and the list of points treated, laid out to fit ``width``.

    ``diagram_scale`` shrinks the diagrams and ``three_columns`` sets the list in three columns, for a
    handout that would otherwise run onto a third page."""
    if not marks:
        return [para(tr.gettext("No points were recorded for this session."))]
    views = views_for(marks)
    places = treated_places(marks, tr)
    side_words = (tr.gettext(_SIDE_WORDS[0]), tr.gettext(_SIDE_WORDS[1]))
    if not views:  # only points the catalogue no longer has: listed, with nothing to draw
        return [_points_table(places, width, tr=tr)]
    symbols = legend_symbols(marks)
    if len(views) == 1 and len(places) <= (8 if three_columns else BESIDE_MAX_PLACES):
        # One diagram beside the list: large enough to see which points, the list easy to read.
        view = views[0]
        crop = _crop(view, marks)
        diagram_w = 78 * mm * diagram_scale
        art = art_for(view)
        diagram_h = diagram_w * art.height / art.width * crop + head_height(False)
        diagram = DiagramFlowable(view, marks, diagram_w, diagram_h, side_words, caption="", crop=crop, tr=tr)
        list_w = width - diagram_w - 6 * mm
        layout = table_of(
            [
                [
                    [diagram, gap(1), Legend(symbols, diagram_w, legend_counts(marks), tr)],
                    _points_table(places, list_w, tr=tr),
                ]
            ],
            colWidths=[diagram_w + 6 * mm, list_w],
        )
        layout.setStyle(_FLUSH)
        return [layout]
    columns = 3 if three_columns else 2
    rows = _rows_of(views, marks, width, diagram_scale)
    diagrams: list[Flowable] = []
    for number, row in enumerate(rows, start=1):
        last = number == len(rows)
        diagrams += [
            _diagram_row(row, marks, symbols, width, diagram_scale, len(views) > 1, last, tr),
            gap(3),
        ]
    return [*diagrams, _points_table(places, width, columns, tr)]


def _cell(view: DiagramView, marks: Sequence[HandoutMark], scale: float) -> tuple[float, float]:
    """A diagram's width in a row of pictures ``ART_HEIGHT * scale`` high, and its crop."""
    art = art_for(view)
    crop = _crop(view, [m for m in marks if m.view == view.name])
    cell_w = ART_HEIGHT * scale / crop * art.width / art.height
    if view.kind == "body":
        cell_w = max(cell_w, BODY_MIN_WIDTH * min(1.0, scale + 0.1))
    return cell_w, crop


def _rows_of(
    views: Sequence[DiagramView], marks: Sequence[HandoutMark], width: float, scale: float
) -> list[list[DiagramView]]:
    """The views in rows that each fit ``width`` (a session charted on the face, a profile, the top of
    the head, the body and the hands needs two)."""
    rows: list[list[DiagramView]] = [[]]
    used = 0.0
    for view in views:
        cell_w = _cell(view, marks, scale)[0]
        extra = cell_w + (_DIAGRAM_GAP if rows[-1] else 0.0)
        if rows[-1] and used + extra > width:
            rows.append([])
            used, extra = 0.0, cell_w
        rows[-1].append(view)
        used += extra
    return rows


def _diagram_row(
    views: Sequence[DiagramView],
    marks: Sequence[HandoutMark],
    symbols: Sequence[Symbol],
    width: float,
    scale: float,
    caption: bool = True,
    legend: bool = True,
    tr: Language = ENGLISH,
) -> Flowable:
    """The diagrams side by side, each as wide as its picture needs at one height, with the legend
    (when ``legend``) beside them when it fits there (else below)."""
    head = head_height(caption)
    art_h = ART_HEIGHT * scale
    cells = [(view, *_cell(view, marks, scale)) for view in views]
    used = sum(w for _, w, _ in cells) + _DIAGRAM_GAP * (len(cells) - 1)
    if used > width:  # one picture wider than the page: draw it smaller
        factor = width / used
        art_h *= factor
        cells = [(view, w * factor, crop) for view, w, crop in cells]
    used = sum(w for _, w, _ in cells) + _DIAGRAM_GAP * (len(cells) - 1)
    room = width - used - _DIAGRAM_GAP
    row: list[Flowable] = [
        DiagramFlowable(
            view,
            [m for m in marks if m.view == view.name],
            w,
            art_h + head,
            (tr.gettext(_SIDE_WORDS[0]), tr.gettext(_SIDE_WORDS[1])),
            caption=None if caption else "",
            crop=crop,
            tr=tr,
        )
        for view, w, crop in cells
    ]
    widths = [w + _DIAGRAM_GAP for _, w, _ in cells]
    counts = legend_counts(marks)
    legend_w = Legend.natural_width(symbols, counts, tr)
    beside = legend and legend_w <= room
    if beside:
        row.append(Legend(symbols, room, counts, tr))
        widths.append(room)
    else:
        widths[-1] -= _DIAGRAM_GAP
    table = table_of([row], colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (-1, 0), (-1, 0), "MIDDLE" if beside else "TOP"),
            ]
        )
    )
    if beside or not legend:
        return table
    return KeepTogether([table, gap(1), Legend(symbols, width, counts, tr)])


@dataclass(frozen=True)
class TreatedPlace:
    """A line of the handout's list: a point on one side, or on both sides when they match."""

    mark: HandoutMark
    where: str


def treated_places(marks: Sequence[HandoutMark], tr: Language = ENGLISH) -> list[TreatedPlace]:
    """The list's lines: a point treated alike on the client's right and left (same needles, no
    reaction) shares one line ("left and right cheek"); every other mark has a line of its own."""
    places: list[TreatedPlace] = []
    used: set[int] = set()
    for index, mark in enumerate(marks):
        if index in used:
            continue
        twin = None
        if mark.code is not None and mark.side != "midline" and not mark.reactions:
            twin = next(
                (
                    other_index
                    for other_index in range(index + 1, len(marks))
                    if other_index not in used and _twins(mark, marks[other_index])
                ),
                None,
            )
        if twin is not None:
            used.add(twin)
        places.append(
            TreatedPlace(mark, where_on_both_sides(mark.area, tr) if twin is not None else mark.where)
        )
    return places


def _twins(mark: HandoutMark, other: HandoutMark) -> bool:
    return (
        other.code == mark.code
        and {mark.side, other.side} == {"left", "right"}
        and other.needles == mark.needles
        and not other.reactions
    )


def _points_table(
    places: Sequence[TreatedPlace], width: float, columns: int = 1, tr: Language = ENGLISH
) -> Flowable:
    """The list of places treated; with ``columns`` of 2 or 3 it runs in that many columns side by
    side, read down each column (see :class:`ColumnList`). Three columns are narrow: each line has the
    point and its names in one cell and the place in the other, in a size smaller type."""
    narrow = columns >= 3
    gutter = (4 if narrow else 6) * mm
    column_w = (width - gutter * (columns - 1)) / columns
    if narrow:
        where_w = column_w * 0.44
        widths = [column_w - where_w, where_w]
        header = [
            cell(tr.gettext("Point"), style="cell_small_bold"),
            cell(tr.gettext("Where"), style="cell_small_bold"),
        ]
        entries = [_narrow_place_cells(place, tr) for place in places]
    else:
        code_w = 17 * mm
        where_w = max(32 * mm, column_w * 0.36)
        widths = [code_w, column_w - code_w - where_w, where_w]
        header = [
            cell(tr.gettext("Point"), style="cell_bold"),
            cell(tr.gettext("Name"), style="cell_bold"),
            cell(tr.gettext("Where"), style="cell_bold"),
        ]
        entries = [_place_cells(place, tr) for place in places]
    if columns == 1:
        return grid([header, *entries], widths)
    return ColumnList(header, entries, widths, columns, gutter, padding=3 if narrow else 4)


class ColumnList(Flowable):
    """A list as one table in ``columns`` columns side by side, each with its own header, read down
    each column. Across a page break each page holds a whole run of the list, balanced over its
    columns, so the order still reads down the first column, then the next, and on over the page.

    ``entries`` are the list's lines, each its cells (as wide as ``widths``); ``gutter`` separates
    the columns and ``padding`` surrounds each cell's text (as in :func:`grid`).
    """

    def __init__(
        self,
        header: list[Flowable | str],
        entries: Sequence[list[Flowable | str]],
        widths: Sequence[float],
        columns: int,
        gutter: float,
        padding: float = 4,
    ) -> None:
        super().__init__()
        self.header = header
        self.entries = list(entries)
        self.widths = list(widths)
        self.columns = columns
        self.gutter = gutter
        self.padding = padding
        self._table: Table | None = None

    def _rows_per_column(self, count: int) -> int:
        return -(-count // self.columns)

    def _entry_height(self, cells: Sequence[Flowable | str]) -> float:
        tallest = 0.0
        for part, width in zip(cells, self.widths, strict=True):
            if isinstance(part, Flowable):
                tallest = max(tallest, part.wrap(width - 2 * self.padding, 1e6)[1])
        return tallest + 2 * self.padding + 1

    def _height(self, heights: Sequence[float], rows: int) -> float:
        """The table's height for the first ``rows * columns`` entries (``heights`` of each)."""
        total = self._entry_height(self.header)
        for row in range(rows):
            total += max(
                (heights[at] for at in range(row, min(len(heights), rows * self.columns), rows)), default=0.0
            )
        return total

    def _build(self, entries: Sequence[list[Flowable | str]]) -> Table:
        per_column = self._rows_per_column(len(entries))
        # The end of a long list carried over a page may need fewer columns than the list has.
        used = -(-len(entries) // per_column) if entries else 1
        blank: list[Flowable | str] = [""] * len(self.widths)
        rows: list[list[Flowable | str]] = []
        for index in range(per_column):
            row: list[Flowable | str] = []
            for column in range(used):
                at = column * per_column + index
                if column:
                    row.append("")
                row += entries[at] if at < len(entries) else blank
            rows.append(row)
        all_widths: list[float] = []
        heading: list[Flowable | str] = []
        for column in range(used):
            if column:
                all_widths.append(self.gutter)
                heading.append("")
            all_widths += self.widths
            heading += self.header
        table = grid([heading, *rows], all_widths, padding=self.padding)
        table.hAlign = "LEFT"
        step = len(self.widths) + 1
        for column in range(used):
            missing = column * per_column + per_column - len(entries)
            if missing > 0:  # the last column's blank lines below its end carry no rules
                first, last = column * step, column * step + len(self.widths) - 1
                table.setStyle(
                    TableStyle(
                        [("LINEBELOW", (first, 1 + per_column - missing), (last, -1), 0, colors.white)]
                    )
                )
        for column in range(1, used):
            gap_column = column * (len(self.widths) + 1) - 1
            table.setStyle(
                TableStyle(
                    [
                        ("BACKGROUND", (gap_column, 0), (gap_column, -1), colors.white),
                        ("LINEBELOW", (gap_column, 0), (gap_column, -1), 1.2, colors.white),
                    ]
                )
            )
        return table

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self._table is None:
            self._table = self._build(self.entries)
        size: tuple[float, float] = self._table.wrap(available_width, available_height)
        self.width, self.height = size
        return size

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        heights = [self._entry_height(entry) for entry in self.entries]
        rows = self._rows_per_column(len(self.entries))
        while rows > 0 and self._height(heights, rows) > available_height:
            rows -= 1
        if rows == 0:
            return []
        here = rows * self.columns
        if here >= len(self.entries):
            return [self]
        keep = (self.header, self.widths, self.columns, self.gutter, self.padding)
        return [
            ColumnList(keep[0], self.entries[:here], *keep[1:]),
            ColumnList(keep[0], self.entries[here:], *keep[1:]),
        ]

    def draw(self) -> None:
        assert self._table is not None
        self._table.drawOn(self.canv, 0, 0)


def _place_notes(mark: HandoutMark, tr: Language) -> list[str]:
    needles = tr.ngettext("{count} needle", "{count} needles", mark.needles).format(count=mark.needles)
    notes = [needles] if mark.needles != 1 else []
    return notes + [
        tr.gettext("{kind} noted ({severity})").format(
            kind=r.kind_label, severity=SEVERITY_WORDS.label(r.severity, tr)
        )
        for r in mark.reactions
    ]


def _place_name(mark: HandoutMark) -> str:
    name = mark.name if mark.code else capitalised(mark.name)
    return name + (f" {mark.hanzi}" if mark.hanzi else "")


def _place_cells(place: TreatedPlace, tr: Language) -> list[Flowable | str]:
    mark = place.mark
    return [
        cell(mark.code or mark.label or "—", style="cell_bold"),
        cell(_place_name(mark), mark.english),
        cell(capitalised(place.where), *_place_notes(mark, tr)),
    ]


def _narrow_place_cells(place: TreatedPlace, tr: Language) -> list[Flowable | str]:
    """A line of the three-column list: "**ST36** Zusanli 足三里" over its English name, and where."""
    mark = place.mark
    key = mark.code or mark.label
    name = f"**{key}** {_place_name(mark)}" if key else _place_name(mark)
    return [
        cell(name, mark.english, style="cell_small"),
        cell(capitalised(place.where), *_place_notes(mark, tr), style="cell_small"),
    ]
