"""How fast a session handout prints, against a bare reportlab page carrying the same diagram.

Run with ``.venv/bin/python -m tests.benchmarks.bench_handout`` (or ``make bench``). Targets (issue 6):
one handout in at most 150 ms and within twice a bare page with the same diagram, 100 handouts in at
most 10 s, and a handout without a logo under 300 KB.

The handout and the bare pages are timed in turn, round after round, so that each sees the same
machine load. Two bare pages are measured: one that draws the face diagram from an svglib drawing converted
beforehand (the strict baseline), and one that converts the SVG itself first, as a page printed
without any caching would.

Printing uses reportlab's public interface only, so what one handout leaves for the next is ours:
the parsed markup of each text and the diagram's drawing operators (each document still breaks its
lines, draws its paragraphs and embeds its font subsets). "Varying handouts" measures a new client's
handout too: each one for another client, with other points.
"""

from __future__ import annotations

import io
import random
import string
import time

from reportlab.graphics import renderPDF
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from svglib.svglib import svg2rlg

from acuchart.catalogue import VIEWS, load_catalogue
from acuchart.reports.data import HandoutData
from acuchart.reports.diagram import art_for
from acuchart.reports.handout import build_handout
from tests.benchmarks.harness import interleaved_ms, median, p95, show
from tests.core.reports import samples

RUNS = 60
BATCH = 100
VARYING = 60


def _varying_handouts(count: int) -> list[HandoutData]:
    """Handouts for ``count`` different clients, each with five other facial points on both sides."""
    rng = random.Random(7)
    face = [point for point in load_catalogue().points if point.view == "face"]
    handouts = []
    for index in range(count):
        chosen = rng.sample(face, 5)
        marks = tuple(samples.point_mark(point.code, side) for point in chosen for side in point.sides())
        name = "".join(rng.choice(string.ascii_lowercase) for _ in range(8)).title()
        handouts.append(samples.handout(client_name=f"{name} Client {index}", marks=marks))
    return handouts


def bare_page(convert: bool) -> None:
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

    # Interleaved, so that the handout and its baselines see the same machine load.
    runs = interleaved_ms(
        {
            "handout": lambda: build_handout(data, io.BytesIO()),
            "bare": lambda: bare_page(convert=False),
            "converting": lambda: bare_page(convert=True),
        },
        RUNS,
    )
    handout, bare, bare_converting = runs["handout"], runs["bare"], runs["converting"]
    start = time.perf_counter()
    for _ in range(BATCH):
        build_handout(data, io.BytesIO())
    batch_s = time.perf_counter() - start
    varying: list[float] = []
    bare_beside: list[float] = []
    for other in _varying_handouts(VARYING):  # each beside a bare page, as above
        begun = time.perf_counter()
        build_handout(other, io.BytesIO())
        varying.append((time.perf_counter() - begun) * 1000)
        begun = time.perf_counter()
        bare_page(convert=False)
        bare_beside.append((time.perf_counter() - begun) * 1000)

    figures = {
        "handout_median_ms": median(handout),
        "handout_p95_ms": p95(handout),
        "bare_page_ms": median(bare),
        "ratio": median(handout) / median(bare),
        "bare_page_converting_svg_ms": median(bare_converting),
        "ratio_to_converting_page": median(handout) / median(bare_converting),
        "batch_100_s": batch_s,
        "varying_median_ms": median(varying),
        "ratio_varying": median(varying) / median(bare_beside),
        "size_kb": size_kb,
    }
    show("one handout, median", figures["handout_median_ms"], "ms")
    show("one handout, 95th percentile", figures["handout_p95_ms"], "ms")
    show("bare page with the same diagram (drawing converted once)", figures["bare_page_ms"], "ms")
    show("ratio handout / bare page", figures["ratio"], "x")
    show("bare page converting the SVG itself", figures["bare_page_converting_svg_ms"], "ms")
    show("ratio handout / converting page", figures["ratio_to_converting_page"], "x")
    show(f"{BATCH} handouts in a batch", figures["batch_100_s"], "s")
    show("varying handouts (another client each), median", figures["varying_median_ms"], "ms")
    show("ratio varying handout / bare page", figures["ratio_varying"], "x")
    show("handout without a logo", figures["size_kb"], "KB")
    return figures


def verdicts(figures: dict[str, float]) -> dict[str, bool]:
    """Each target of issue 6 and whether it was met."""
    return {
        "one handout <= 150 ms (median)": figures["handout_median_ms"] <= 150,
        "handout within 2x a bare page with the same diagram": figures["ratio"] <= 2,
        "a new client's handout within 2x as well": figures["ratio_varying"] <= 2,
        "100 handouts <= 10 s": figures["batch_100_s"] <= 10,
        "handout without a logo < 300 KB": figures["size_kb"] < 300,
    }


if __name__ == "__main__":
    for check, ok in verdicts(run()).items():
        print(f"  {'PASS' if ok else 'MISS'}  {check}")
