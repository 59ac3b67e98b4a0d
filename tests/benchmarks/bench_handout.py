"""How fast a session handout prints, against a bare reportlab page carrying the same diagram.

Run with ``.venv/bin/python -m tests.benchmarks.bench_handout`` (or ``make bench``). Targets (issue 6):
one handout in at most 150 ms and within twice a bare page with the same diagram, 100 handouts in at
most 10 s, and a handout without a logo under 300 KB.

Two bare pages are measured: one that draws the face diagram from an svglib drawing converted
beforehand (the strict baseline), and one that converts the SVG itself first, as a page printed
without any caching would.
"""

from __future__ import annotations

import io
import time

from reportlab.graphics import renderPDF
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from svglib.svglib import svg2rlg

from acuchart.catalogue import VIEWS
from acuchart.reports.diagram import art_for
from acuchart.reports.handout import build_handout
from tests.benchmarks.harness import median, p95, show, timings_ms
from tests.core.reports import samples

RUNS = 30
BATCH = 100


def _bare_page(convert: bool) -> None:
    """One A4 page carrying the face diagram at handout size, written to memory."""
    view = VIEWS["face"]
    drawing = svg2rlg(str(view.svg_path)) if convert else art_for(view).drawing
    canvas = Canvas(io.BytesIO(), pagesize=A4)
    scale = 78 * mm / drawing.width
    canvas.saveState()
    canvas.translate(20 * mm, 100 * mm)
    canvas.scale(scale, scale)
    renderPDF.draw(drawing, canvas, 0, 0)
    canvas.restoreState()
    canvas.showPage()
    canvas.save()


def run() -> dict[str, float]:
    """Measure, print and return the figures (milliseconds, seconds, kilobytes, ratios)."""
    data = samples.handout()
    out = io.BytesIO()
    build_handout(data, out)
    size_kb = len(out.getvalue()) / 1024

    handout = timings_ms(lambda: build_handout(data, io.BytesIO()), RUNS)
    bare = timings_ms(lambda: _bare_page(convert=False), RUNS)
    bare_converting = timings_ms(lambda: _bare_page(convert=True), RUNS)
    start = time.perf_counter()
    for _ in range(BATCH):
        build_handout(data, io.BytesIO())
    batch_s = time.perf_counter() - start

    figures = {
        "handout_median_ms": median(handout),
        "handout_p95_ms": p95(handout),
        "bare_page_ms": median(bare),
        "ratio": median(handout) / median(bare),
        "bare_page_converting_svg_ms": median(bare_converting),
        "ratio_to_converting_page": median(handout) / median(bare_converting),
        "batch_100_s": batch_s,
        "size_kb": size_kb,
    }
    show("one handout, median", figures["handout_median_ms"], "ms")
    show("one handout, 95th percentile", figures["handout_p95_ms"], "ms")
    show("bare page with the same diagram (drawing converted once)", figures["bare_page_ms"], "ms")
    show("ratio handout / bare page", figures["ratio"], "x")
    show("bare page converting the SVG itself", figures["bare_page_converting_svg_ms"], "ms")
    show("ratio handout / converting page", figures["ratio_to_converting_page"], "x")
    show(f"{BATCH} handouts in a batch", figures["batch_100_s"], "s")
    show("handout without a logo", figures["size_kb"], "KB")
    return figures


def verdicts(figures: dict[str, float]) -> dict[str, bool]:
    """Each target of issue 6 and whether it was met."""
    return {
        "one handout <= 150 ms (median)": figures["handout_median_ms"] <= 150,
        "handout within 2x a bare page with the same diagram": figures["ratio"] <= 2,
        "100 handouts <= 10 s": figures["batch_100_s"] <= 10,
        "handout without a logo < 300 KB": figures["size_kb"] < 300,
    }


if __name__ == "__main__":
    for check, ok in verdicts(run()).items():
        print(f"  {'PASS' if ok else 'MISS'}  {check}")
