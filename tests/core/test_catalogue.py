"""The point catalogue: it loads, it refuses bad rows by name, it finds points the way practitioners type them."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from acuchart.catalogue import (
    COLUMNS,
    RESOURCES,
    VIEWS,
    Catalogue,
    CatalogueError,
    load_catalogue,
    normalise_code,
    side_at,
)

FACE_POINTS = [
    "GV20",
    "GV23",
    "GV24",
    "GB14",
    "ST8",
    "EX-HN3",
    "BL2",
    "EX-HN4",
    "TE23",
    "EX-HN5",
    "GB1",
    "BL1",
    "ST1",
    "EX-HN7",
    "ST2",
    "ST3",
    "EX-HN8",
    "LI20",
    "SI18",
    "ST7",
    "SI19",
    "GB2",
    "TE21",
    "GV25",
    "GV26",
    "LI19",
    "ST4",
    "CV24",
    "ST5",
    "ST6",
    "TE17",
    "CV23",
    "ST9",
    "LI18",
]
BODY_POINTS = [
    "LI4",
    "LI11",
    "LU7",
    "PC6",
    "HT7",
    "TE5",
    "CV4",
    "CV6",
    "CV12",
    "CV17",
    "ST25",
    "ST36",
    "ST40",
    "SP6",
    "SP9",
    "SP10",
    "KI3",
    "KI6",
    "LR3",
    "GB34",
    "GB20",
    "GB21",
    "GV14",
    "GV4",
    "BL13",
    "BL15",
    "BL17",
    "BL18",
    "BL20",
    "BL23",
    "BL40",
    "BL60",
    "BL67",
    "KI1",
]


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


GOOD_ROW = {
    "code": "ST2",
    "pinyin": "Sibai",
    "hanzi": "四白",
    "english": "Four Whites",
    "meridian": "Stomach",
    "view": "face",
    "x": "0.3767",
    "y": "0.4313",
    "bilateral": "1",
    "region": "under the eye",
    "location": "Below the pupil.",
    "cautions": "periorbital: bruising risk",
}
MIDLINE_ROW = {
    **GOOD_ROW,
    "code": "CV24",
    "pinyin": "Chengjiang",
    "x": "0.5",
    "bilateral": "0",
    "cautions": "",
}


def write_catalogue(path: Path, *rows: dict[str, str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


# --- the shipped catalogue --------------------------------------------------------------------------


def test_the_shipped_catalogue_has_every_point_the_practice_needs(catalogue: Catalogue) -> None:
    assert len(catalogue) >= 80
    for code in FACE_POINTS:
        assert catalogue.get(code).view == "face", code
    for code in BODY_POINTS:
        assert catalogue.get(code).view in ("body_front", "body_back"), code
    assert catalogue.search("Jiachengjiang")[0].view == "face"


def test_the_csv_has_exactly_the_agreed_columns() -> None:
    with (RESOURCES / "points.csv").open(encoding="utf-8", newline="") as handle:
        assert tuple(next(csv.reader(handle))) == COLUMNS


def test_every_view_names_a_drawing_whose_viewbox_matches() -> None:
    for view in VIEWS.values():
        text = view.svg_path.read_text(encoding="utf-8")
        match = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', text)
        assert match, view.name
        assert (float(match[1]), float(match[2])) == (view.width, view.height)
    assert list(VIEWS) == ["face", "body_front", "body_back"]


def test_the_default_catalogue_is_loaded_once() -> None:
    assert load_catalogue() is load_catalogue()


def test_back_points_and_the_sole_are_on_the_back_view(catalogue: Catalogue) -> None:
    for code in ("GB20", "GV14", "BL13", "BL23", "BL40", "BL60", "KI1"):
        assert catalogue.get(code).view == "body_back", code


def test_periorbital_points_carry_the_bleeding_risk_tag(catalogue: Catalogue) -> None:
    for code in ("BL1", "ST1", "EX-HN7", "ST2"):
        assert catalogue.get(code).bleeding_risk, code
    assert not catalogue.get("GB14").bleeding_risk


def test_the_traditional_pregnancy_points_carry_the_pregnancy_tag(catalogue: Catalogue) -> None:
    for code in ("LI4", "SP6", "BL60", "BL67", "GB21", "CV4", "CV6"):
        assert catalogue.get(code).pregnancy_caution, code
    assert not catalogue.get("ST36").pregnancy_caution


def test_cautions_are_split_into_tags(catalogue: Catalogue) -> None:
    assert catalogue.get("BL1").cautions[0] == "periorbital: bruising risk"
    assert len(catalogue.get("BL1").cautions) == 2
    assert catalogue.get("ST36").cautions == ()


# --- codes, sides and positions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("st 2", "ST2"),
        ("ST2", "ST2"),
        ("st-2", "ST2"),
        ("St02", "ST2"),
        ("SJ23", "TE23"),
        ("sj 23", "TE23"),
        ("DU20", "GV20"),
        ("REN24", "CV24"),
        ("LIV3", "LR3"),
        ("Liv 3", "LR3"),
        ("UB40", "BL40"),
        ("P6", "PC6"),
        ("GV29", "EX-HN3"),
        ("DU29", "EX-HN3"),
        ("EX HN 3", "EX-HN3"),
        ("ex-hn-3", "EX-HN3"),
        ("EXHN3", "EX-HN3"),
        ("ac-hn-1", "AC-HN1"),
    ],
)
def test_older_spellings_normalise_to_who_codes(typed: str, code: str) -> None:
    assert normalise_code(typed) == code


def test_get_accepts_older_spellings_and_refuses_unknown_codes(catalogue: Catalogue) -> None:
    assert catalogue.get("sj 23") is catalogue.get("TE23")
    assert catalogue.get("GV29").code == "EX-HN3"
    assert "du20" in catalogue
    assert "ST99" not in catalogue
    assert catalogue.find("ST99") is None
    with pytest.raises(KeyError, match="ST99"):
        catalogue.get("ST99")


def test_left_st2_is_the_mirror_of_right_st2(catalogue: Catalogue) -> None:
    st2 = catalogue.get("ST2")
    assert st2.sides() == ("right", "left")
    right_x, right_y = st2.position("right")
    left_x, left_y = st2.position("left")
    assert right_x < 0.5 < left_x
    assert left_x == pytest.approx(1 - right_x)
    assert left_y == right_y
    assert st2.label == "ST2 Sibai"


def test_a_midline_point_has_only_the_midline_side(catalogue: Catalogue) -> None:
    cv24 = catalogue.get("CV24")
    assert cv24.sides() == ("midline",)
    assert cv24.position("midline") == (0.5, cv24.y)
    with pytest.raises(ValueError, match="midline"):
        cv24.position("left")
    with pytest.raises(ValueError, match="right or left"):
        catalogue.get("ST2").position("midline")


def test_a_click_on_the_viewers_left_of_the_face_is_the_clients_right() -> None:
    assert side_at("face", 0.3) == "right"
    assert side_at("face", 0.7) == "left"
    assert side_at("body_front", 0.2) == "right"
    assert side_at("body_back", 0.2) == "left"
    assert side_at("body_back", 0.8) == "right"
    assert side_at("face", 0.5) == "midline"
    assert side_at("face", 0.504) == "midline"
    assert side_at("face", 0.51) == "left"
    with pytest.raises(ValueError, match="face"):
        side_at("profile", 0.5)


def test_every_bilateral_point_and_its_mirror_are_a_pair_of_sides(catalogue: Catalogue) -> None:
    for point in catalogue:
        if not point.bilateral:
            continue
        right, left = point.position("right"), point.position("left")
        assert side_at(point.view, right[0]) == "right", point.code
        assert side_at(point.view, left[0]) == "left", point.code
        assert right[0] + left[0] == pytest.approx(1.0)
        assert right[1] == left[1]


def test_every_midline_point_lies_on_the_midline(catalogue: Catalogue) -> None:
    midline = [point for point in catalogue if not point.bilateral]
    assert {p.code for p in midline} >= {"GV20", "EX-HN3", "GV26", "CV24", "CV23", "CV17", "GV14", "GV4"}
    for point in midline:
        assert point.x == 0.5, point.code
        assert side_at(point.view, point.x) == "midline", point.code


def test_in_view_lists_the_points_drawn_on_a_view(catalogue: Catalogue) -> None:
    face = catalogue.in_view("face")
    assert {p.code for p in face} >= set(FACE_POINTS)
    assert all(p.view == "face" for p in face)
    assert sum(len(catalogue.in_view(view)) for view in VIEWS) == len(catalogue)


# --- search ---------------------------------------------------------------------------------------


def test_search_puts_the_exact_code_first(catalogue: Catalogue) -> None:
    assert catalogue.search("ST3")[0].code == "ST3"
    assert {p.code for p in catalogue.search("ST3")[1:3]} == {"ST36", "ST37"}
    assert catalogue.search("st 2")[0].code == "ST2"
    assert catalogue.search("sj23")[0].code == "TE23"
    assert catalogue.search("GV29")[0].code == "EX-HN3"
    assert catalogue.search("DU20")[0].code == "GV20"


def test_search_finds_pinyin_with_or_without_tone_marks(catalogue: Catalogue) -> None:
    assert catalogue.search("sibai")[0].code == "ST2"
    assert catalogue.search("Sìbái")[0].code == "ST2"
    assert catalogue.search("yin tang")[0].code == "EX-HN3"
    assert catalogue.search("Yìntáng")[0].code == "EX-HN3"
    assert catalogue.search("zu san li")[0].code == "ST36"
    assert catalogue.search("四白")[0].code == "ST2"


def test_search_finds_english_names_and_regions(catalogue: Catalogue) -> None:
    assert catalogue.search("welcome fragrance")[0].code == "LI20"
    assert catalogue.search("Leg Three Miles")[0].code == "ST36"
    under_eye = {p.code for p in catalogue.search("under the eye")}
    assert {"ST1", "ST2", "EX-HN7"} <= under_eye
    assert all(p.region == "jaw" for p in catalogue.search("jaw")[:2])


def test_search_respects_the_limit_and_ignores_blank_queries(catalogue: Catalogue) -> None:
    assert len(catalogue.search("BL", limit=3)) == 3
    assert catalogue.search("   ") == []
    assert catalogue.search("no such point anywhere") == []


# --- errors at load ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "column", "words"),
    [
        ({"view": "profile"}, "view", "unknown view 'profile'"),
        ({"x": "1.2"}, "x", "outside 0..1"),
        ({"y": "-0.1"}, "y", "outside 0..1"),
        ({"x": "left"}, "x", "not a number"),
        ({"pinyin": ""}, "pinyin", "missing"),
        ({"english": " "}, "english", "missing"),
        ({"code": ""}, "code", "missing"),
        ({"code": "st 2"}, "code", "write the code as ST2"),
        ({"bilateral": "yes"}, "bilateral", "1 or 0"),
        ({"x": "0.5"}, "x", "bilateral but lies on the midline"),
        ({"x": "0.6233"}, "x", "client's right"),
    ],
)
def test_a_bad_row_is_refused_by_row_and_column(
    tmp_path: Path, change: dict[str, str], column: str, words: str
) -> None:
    path = write_catalogue(tmp_path / "points.csv", MIDLINE_ROW, {**GOOD_ROW, **change})
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    message = str(caught.value)
    assert message.startswith(f"points.csv, row 3, column {column!r}: ")
    assert words in message
    assert (caught.value.row, caught.value.column) == (3, column)


def test_a_midline_point_off_the_midline_is_refused(tmp_path: Path) -> None:
    path = write_catalogue(tmp_path / "points.csv", {**MIDLINE_ROW, "x": "0.52"})
    with pytest.raises(CatalogueError, match=r"row 2, column 'x': CV24 is a midline point"):
        load_catalogue(path)


def test_a_duplicate_code_is_refused_naming_both_rows(tmp_path: Path) -> None:
    path = write_catalogue(tmp_path / "points.csv", GOOD_ROW, MIDLINE_ROW, GOOD_ROW)
    with pytest.raises(
        CatalogueError, match=r"row 4, column 'code': ST2 is already in the catalogue \(row 2\)"
    ):
        load_catalogue(path)


def test_a_wrong_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "points.csv"
    path.write_text("code,pinyin,english\nST2,Sibai,Four Whites\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"points.csv, row 1: the header .*\(missing hanzi"):
        load_catalogue(path)


def test_a_short_row_is_refused(tmp_path: Path) -> None:
    path = write_catalogue(tmp_path / "points.csv", GOOD_ROW)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("ST3,Juliao,巨髎\n")
    with pytest.raises(CatalogueError, match=r"row 3: expected 12 columns"):
        load_catalogue(path)


def test_a_missing_or_empty_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match=r"nowhere\.csv: cannot be read"):
        load_catalogue(tmp_path / "nowhere.csv")
    with pytest.raises(CatalogueError, match="no points"):
        load_catalogue(write_catalogue(tmp_path / "points.csv"))


def test_a_good_file_loads_typed_points(tmp_path: Path) -> None:
    loaded = load_catalogue(write_catalogue(tmp_path / "points.csv", GOOD_ROW, MIDLINE_ROW))
    st2 = loaded.get("ST2")
    assert (st2.x, st2.y, st2.bilateral) == (0.3767, 0.4313, True)
    assert st2.cautions == ("periorbital: bruising risk",)
    assert loaded.get("CV24").bilateral is False
    assert [p.code for p in loaded] == ["ST2", "CV24"]
