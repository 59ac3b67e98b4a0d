"""Places in the client's words, symbols that read without colour, and text in any script."""

from __future__ import annotations

import pytest

from acuchart.reports.data import worst_severity
from acuchart.reports.fonts import markup, runs, text_width, visual
from acuchart.reports.places import where_on_both_sides, where_on_client
from acuchart.reports.symbols import SYMBOLS, symbol_for


@pytest.mark.parametrize(
    ("side", "area", "expected"),
    [
        ("left", "cheek", "left cheek"),
        ("right", "jaw", "right jaw"),
        ("left", "under the eye", "under the left eye"),
        ("right", "around the eye", "around the right eye"),
        ("left", "forehead", "left side of the forehead"),
        ("right", "neck", "right side of the neck"),
        ("left", "lower leg", "left lower leg"),
        ("midline", "chin", "centre of the chin"),
        ("midline", "between the eyebrows", "between the eyebrows"),
        ("left", "", "left"),
    ],
)
def test_places_are_said_from_the_clients_side(side: str, area: str, expected: str) -> None:
    assert where_on_client(side, area) == expected  # type: ignore[arg-type]


def test_both_sides_in_one_phrase() -> None:
    assert where_on_both_sides("cheek") == "left and right cheek"
    assert where_on_both_sides("under the eye") == "under the left and right eye"
    assert where_on_both_sides("forehead") == "left and right side of the forehead"


def test_worst_severity() -> None:
    assert worst_severity(["mild", "severe", "moderate"]) == "severe"
    assert worst_severity([]) is None


def test_symbols_differ_by_shape_or_ring_not_only_colour() -> None:
    looks = [(s.shape, s.filled, s.ring.width if s.ring else 0.0) for s in SYMBOLS.values()]
    assert len(set(looks)) == len(looks)


def test_symbol_for_a_mark() -> None:
    assert symbol_for(False, None) is SYMBOLS["needled"]
    assert symbol_for(False, None, free_marker=True) is SYMBOLS["free"]
    assert symbol_for(True, "mild") is SYMBOLS["reaction_mild"]
    assert symbol_for(True, None) is SYMBOLS["reaction_mild"]
    assert symbol_for(True, "severe").shape == "diamond"
    mild, moderate = SYMBOLS["reaction_mild"].ring, SYMBOLS["reaction_moderate"].ring
    assert mild is not None and moderate is not None and moderate.width > mild.width
    free_severe = symbol_for(True, "severe", free_marker=True)
    assert free_severe.shape == "square" and free_severe.shows_count and free_severe.filled
    assert free_severe.ring is not None


def test_hanzi_get_the_cjk_font_and_latin_stays_in_the_base_font() -> None:
    assert runs("ST2 Sibai 四白") == [("AcuSans", "ST2 Sibai "), ("AcuCJK", "四白")]


def test_hebrew_is_reordered_for_drawing_and_kept_in_one_run() -> None:
    drawn = visual("שרה כהן")
    assert drawn == "ןהכ הרש"
    assert runs(drawn) == [("AcuHebrew", drawn)]


def test_arabic_is_joined_and_reordered() -> None:
    drawn = visual("ليلى")
    assert all("\ufe70" <= ch <= "\ufeff" for ch in drawn)
    assert runs(drawn)[0][0] == "AcuArabic"


def test_markup_escapes_and_bolds() -> None:
    assert markup("a < b & **c**") == "a &lt; b &amp; <b>c</b>"
    assert markup("**四白**") == '<b><font name="AcuCJK">四白</font></b>'
    assert text_width("Zoë", 10) > 0
