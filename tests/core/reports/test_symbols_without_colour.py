"""Marks tell apart without colour: on a black-and-white print, to a colour-blind reader, and in a
high-contrast scheme, every kind of mark differs from every other by its shape, fill, ring or count."""

from __future__ import annotations

from itertools import combinations

from acuchart.progress_styles import SERIES_STYLES
from acuchart.reports.symbols import SYMBOLS, Symbol, symbol_for


def looks(symbol: Symbol) -> tuple[str, bool, str, bool]:
    """What a symbol looks like with its colour taken away: shape, fill, ring (none, thin, thick), count."""
    ring = "none" if symbol.ring is None else "thick" if symbol.ring.width >= 1.5 else "thin"
    return symbol.shape, symbol.filled, ring, symbol.shows_count


def every_mark_symbol() -> dict[str, Symbol]:
    found = {}
    for free in (False, True):
        found[f"free={free} no reaction"] = symbol_for(False, None, free)
        for severity in ("mild", "moderate", "severe"):
            found[f"free={free} {severity}"] = symbol_for(True, severity, free)
    return found


def test_every_kind_of_mark_looks_different_without_colour() -> None:
    symbols = every_mark_symbol()
    assert len(symbols) == 8
    for (one, a), (other, b) in combinations(symbols.items(), 2):
        assert looks(a) != looks(b), (one, other)


def test_the_legend_symbols_look_different_without_colour() -> None:
    seen = [looks(symbol) for symbol in SYMBOLS.values()]
    assert len(set(seen)) == len(seen)


def test_a_thick_ring_is_well_over_twice_a_thin_one() -> None:
    rings = [s.ring.width for s in SYMBOLS.values() if s.ring is not None]
    assert max(rings) >= 2.4 * min(rings)


def test_each_concerns_line_on_the_ratings_chart_differs_by_marker_or_dash() -> None:
    drawn = [(style.marker, style.dash) for style in SERIES_STYLES]
    assert len(set(drawn)) == len(drawn)
    assert len({style.marker for style in SERIES_STYLES}) == len(SERIES_STYLES)
