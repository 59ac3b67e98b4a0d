"""The caches behind fast printing (parsed markup, line breaks and drawn paragraphs, shared between
documents) change nothing printed: a document made with warm caches is byte for byte the one made with
cold caches, also when a cached paragraph is split over a page break, which is when reportlab changes
its lines, and when the document before was for another client, whose name gave other characters
their bytes first."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from reportlab import rl_config

from acuchart.reports import layout, reuse
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
    layout._parsed.cache_clear()
    with layout._layouts_lock:
        layout._layouts.clear()
    reuse.clear()


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
def test_warm_caches_print_the_same_bytes_as_cold_ones(
    monkeypatch: pytest.MonkeyPatch, build: Callable[[object, io.BytesIO], None], data: object
) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)  # no time stamps or random ids in the file
    _cold()
    cold = _pdf(build, data)
    warm = _pdf(build, data)
    again = _pdf(build, data)
    assert warm == cold
    assert again == cold


def _cached_lines() -> dict[object, list[tuple[object, ...]]]:
    """Every cached paragraph's lines, word by word, as text."""
    lines: dict[object, list[tuple[object, ...]]] = {}
    for key, (state, _size) in layout._layouts.items():
        paragraph = state.get("blPara")
        if paragraph is not None and paragraph.kind == 1:
            lines[key] = [
                tuple(getattr(word, "text", None) for word in line.words) for line in paragraph.lines
            ]
        elif paragraph is not None:
            lines[key] = [(width, tuple(words)) for width, words in paragraph.lines]
    return lines


def test_a_split_paragraph_leaves_the_cached_lines_as_they_were(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)
    data = samples.handout(texts={**load_texts(), "aftercare": LONG_AFTERCARE})
    _cold()
    first = _pdf(build_handout, data)
    before = _cached_lines()
    assert any(len(lines) > 40 for lines in before.values())  # the long paragraph, split over pages
    assert _pdf(build_handout, data) == first
    assert _cached_lines() == before


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
    replays_before = reuse.replays
    for name, data in (("zoe", zoe), ("anna", anna), ("plain", plain), ("zoe", zoe), ("anna", anna)):
        assert _pdf(build_handout, data) == cold[name], name
    assert reuse.replays > replays_before  # the warm prints did reuse drawn paragraphs
