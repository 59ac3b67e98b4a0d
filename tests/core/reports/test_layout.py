"""Layout a reader trusts: no label over the eyes or piled with its twin, a legend that shows the diagram's
own count, sole drawings only when a sole point was used and captioned at a readable size, a session
header never parted from its points, no page left holding a closing note or an audit box alone."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from acuchart import clock
from acuchart.catalogue import VIEWS
from acuchart.demo import write_demo
from acuchart.practice import Practice
from acuchart.reports import documents
from acuchart.reports.data import HandoutMark
from acuchart.reports.diagram import DiagramFlowable
from acuchart.reports.diagram_parts import landmarks_of
from acuchart.reports.handout import build_handout
from tests.core.reports import samples
from tests.core.reports.pdfcheck import ink_fraction, page_texts, sized_texts
from tests.core.reports.test_record_accuracy import NOW


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


FOREHEAD_AND_NOSE = (
    *(
        samples.point_mark(code, side)
        for code in ("GB14", "EX-HN4", "TE23", "BL2", "GB1", "LI20")
        for side in ("right", "left")
    ),
    samples.point_mark("EX-HN3", "midline"),
    samples.point_mark("ST2", "left"),
)


def test_no_label_covers_the_eyes_the_nose_or_the_lips_or_another_label() -> None:
    diagram = DiagramFlowable(VIEWS["face"], FOREHEAD_AND_NOSE, 78 * mm, 100 * mm)
    picture = diagram.picture()
    landmarks = [picture.rect(part) for part in landmarks_of("face")]
    labels = diagram.labels()
    assert sorted(label.text for label in labels) == sorted(m.code for m in FOREHEAD_AND_NOSE if m.code)
    for label in labels:
        assert not any(_overlap(label.box, part) for part in landmarks), label.text
        others = [other.box for other in labels if other is not label]
        assert not any(_overlap(label.box, other) for other in others), label.text


def test_each_label_stays_on_its_points_side_of_the_midline() -> None:
    diagram = DiagramFlowable(VIEWS["face"], FOREHEAD_AND_NOSE, 78 * mm, 100 * mm)
    picture = diagram.picture()
    middle = picture.x + picture.width / 2
    for label in diagram.labels():
        px, _ = label.point
        if abs(px - middle) > 2:
            assert (label.box[0] + label.box[2]) / 2 < middle if px < middle else label.box[0] > middle, (
                label.text
            )


def _counts_drawn(pdf: bytes) -> list[str]:
    """The numbers drawn inside the symbols (6.2 pt, on the diagram and in the legend)."""
    return [piece for size, piece in sized_texts(pdf) if size == 6.2]


def test_the_legend_shows_the_intradermal_count_the_diagram_shows() -> None:
    line = HandoutMark(None, "Intradermal, forehead line", "forehead", "midline", needles=6, x=0.5, y=0.2)
    out = io.BytesIO()
    build_handout(samples.handout(marks=(*FOREHEAD_AND_NOSE[:4], line)), out)
    assert _counts_drawn(out.getvalue()) == ["6", "6"]
    two = (line, HandoutMark(None, "Intradermal, cheek", "cheek", "right", needles=4, x=0.3, y=0.55))
    out = io.BytesIO()
    build_handout(samples.handout(marks=(*FOREHEAD_AND_NOSE[:4], *two)), out)
    assert sorted(_counts_drawn(out.getvalue())) == ["4", "6"]  # no made-up number in the legend ...
    assert "(number: how many)" in " ".join(page_texts(out.getvalue()))  # ... it says what the number is


def _drawn(diagram: DiagramFlowable) -> tuple[bytes, tuple[float, float]]:
    """``diagram`` alone on a page at a known place; the PDF and that place."""
    out = io.BytesIO()
    canvas = Canvas(out)
    diagram.wrapOn(canvas, diagram.width, diagram.height)
    origin = (50.0, 200.0)
    diagram.drawOn(canvas, *origin)
    canvas.showPage()
    canvas.save()
    return out.getvalue(), origin


@pytest.mark.parametrize("sole_point", [False, True])
def test_a_sole_is_drawn_and_captioned_only_when_a_point_on_it_was_used(sole_point: bool) -> None:
    # On the back view the client's left is on the reader's left: left KI1 is on the left sole.
    marks = [samples.point_mark("BL40", "left")] + ([samples.point_mark("KI1", "left")] if sole_point else [])
    diagram = DiagramFlowable(VIEWS["body_back"], marks, 40 * mm, 80 * mm)
    pdf, (x, y) = _drawn(diagram)
    picture = diagram.picture()
    scale = 2.0
    page = pdfium.PdfDocument(pdf)[0]
    image = page.render(scale=scale).to_pil()
    height = page.get_height()
    inked = []
    for inset in (
        (40 / 600, 1140 / 1400, 142 / 600, 1380 / 1400),
        (458 / 600, 1140 / 1400, 560 / 600, 1380 / 1400),
    ):
        x0, y0 = picture.at(inset[0], inset[3])
        x1, y1 = picture.at(inset[2], inset[1])
        crop = image.crop(
            (
                int((x + x0) * scale),
                int((height - y - y1) * scale),
                int((x + x1) * scale),
                int((height - y - y0) * scale),
            )
        )
        inked.append(ink_fraction(crop) > 0.05)
    assert inked == [sole_point, False]  # the right sole: no point on it
    captions = [(size, piece) for size, piece in sized_texts(pdf) if piece == "Sole"]
    assert captions == ([(8.5, "Sole")] if sole_point else [])
    assert not [piece for size, piece in sized_texts(pdf) if size < 6]  # no caption a reader cannot read


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Practice]:
    clock.set_clock(lambda: NOW)
    path: Path = tmp_path_factory.mktemp("demo") / "demo.acuchart"
    try:
        write_demo(path)
    finally:
        clock.set_clock(None)
    practice = Practice.open(path)
    yield practice
    practice.close()


_HEADER = re.compile(r"((?:Session|Maintenance visit) \d+) · (\d{1,2} \w+ \d{4}), \d\d:\d\d · \d+ min")


@pytest.mark.parametrize("last_name", ["Hartley", "Ben-David", "Osei", "Lin"])
def test_a_chart_export_never_parts_a_session_from_its_points_nor_leaves_the_audit_alone(
    demo: Practice, last_name: str
) -> None:
    (client,) = [c for c in demo.clients.search(last_name) if c.last_name == last_name]
    pages = page_texts(documents.chart_export(demo, client.id).pdf)
    flat = [" ".join(page.split()) for page in pages]
    for number, page in enumerate(flat, start=1):
        for session, day in _HEADER.findall(page):
            assert f"{session} · {day} · points needled" in page, (number, session)
    audit = next(number for number, page in enumerate(flat, start=1) if "Audit trail intact" in page)
    assert audit < len(flat)  # read before the sessions, never alone on the last page
    # The record ends on its sessions, or on the photos listed after them, never on the audit box.
    assert "points needled" in flat[-1] or re.search(r"\b[0-9a-f]{32}\b", flat[-1])  # a photo's hash


@pytest.mark.parametrize("last_name", ["Hartley", "Ben-David", "Osei", "Lin", "Raman"])
def test_a_course_summary_never_ends_on_a_page_holding_only_its_closing_note(
    demo: Practice, last_name: str
) -> None:
    (client,) = [c for c in demo.clients.search(last_name) if c.last_name == last_name]
    pages = [" ".join(page.split()) for page in page_texts(documents.course_summary(demo, client.id).pdf)]
    # The closing note's page (the before/after photos, when there are any, come on a page after it).
    (number, last) = next((n, page) for n, page in enumerate(pages) if "About your progress" in page)
    assert "Printed on" in last
    if number > 0:
        assert "Reactions and how they settled" in last or "Sessions" in last
