"""What one document leaves behind in the process (the fonts' glyph subsets of reportlab, our markup
and the converted diagrams) changes nothing printed next: a document printed again is byte for byte
the one printed first, also when a paragraph is split over a page break and when the document before
was for another client, whose name used other characters."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from reportlab import rl_config

from acuchart.reports import diagram, fonts
from acuchart.reports.chart_export import build_chart_export
from acuchart.reports.handout import build_handout
from acuchart.reports.summary import build_course_summary
from acuchart.reports.texts import load_texts
from tests.core.reports import samples

LONG_AFTERCARE = (
    "# Aftercare\n\n"
    + " ".join(["Keep the needle sites **clean** and leave them alone for the rest of the day."] * 90)
    + "\n\n- Drink water.\n"
)


def _cold() -> None:
    fonts.markup.cache_clear()
    diagram.diagram_art.cache_clear()


def _pdf(build: Callable[[object, io.BytesIO], None], data: object) -> bytes:
    out = io.BytesIO()
    build(data, out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("build", "data"),
    [
        (build_handout, samples.handout()),
        (build_handout, samples.handout(marks=samples.big_session_marks())),
        (build_handout, samples.handout(texts={**load_texts(), "aftercare": LONG_AFTERCARE})),
        (build_course_summary, samples.summary()),
        (build_chart_export, samples.chart()),
    ],
    ids=["handout", "big handout", "paragraph split over a page", "summary", "chart"],
)
def test_a_document_printed_again_is_the_same_bytes(
    monkeypatch: pytest.MonkeyPatch, build: Callable[[object, io.BytesIO], None], data: object
) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)  # no time stamps or random ids in the file
    _cold()
    cold = _pdf(build, data)
    warm = _pdf(build, data)
    again = _pdf(build, data)
    assert warm == cold
    assert again == cold


def test_a_handout_after_another_clients_is_the_one_printed_cold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)
    # Advice with letters outside ASCII that a client's name may have given bytes first (è), or not.
    texts = {**load_texts(), "aftercare": "# Aftercare\n\nA crème for naïve skin, après the session.\n"}
    zoe = samples.handout(texts=texts)
    anna = samples.handout(client_name="Ånna Çelik-Øberg", marks=samples.big_session_marks(), texts=texts)
    plain = samples.handout(client_name="Mary Jones", texts=texts)
    cold = {}
    for name, data in (("zoe", zoe), ("anna", anna), ("plain", plain)):
        _cold()
        cold[name] = _pdf(build_handout, data)
    _cold()
    for name, data in (("zoe", zoe), ("anna", anna), ("plain", plain), ("zoe", zoe), ("anna", anna)):
        assert _pdf(build_handout, data) == cold[name], name
