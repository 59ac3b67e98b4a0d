"""The point catalogue: it loads, it refuses bad rows by name, it finds points the way practitioners type them."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from acuchart.catalogue import (
    RESOURCES,
    VIEWS,
    Catalogue,
    CatalogueError,
    load_catalogue,
    normalise_code,
    side_at,
)
from acuchart.catalogue_files import COLUMNS, PLACE_COLUMNS

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
    "sides": "both",
    "region": "under the eye",
    "location": "Below the pupil.",
    "cautions": "periorbital: bruising risk",
    "everyday": "1",
}
MIDLINE_ROW = {
    **GOOD_ROW,
    "code": "CV24",
    "pinyin": "Chengjiang",
    "sides": "midline",
    "cautions": "",
    "everyday": "0",
}
GOOD_PLACE = {"code": "ST2", "view": "face", "x": "0.3767", "y": "0.4313"}
MIDLINE_PLACE = {"code": "CV24", "view": "face", "x": "0.5", "y": "0.6225"}


def write_catalogue(path: Path, *rows: dict[str, str], places: list[dict[str, str]] | None = None) -> Path:
    """A points file and the places file beside it (by default one place per row, as the good rows)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    if places is None:
        spots = {"ST2": GOOD_PLACE, "CV24": MIDLINE_PLACE}
        places = [{**spots.get(row["code"], GOOD_PLACE), "code": row["code"]} for row in rows]
    with path.with_name("point_places.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=PLACE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(places)
    return path


# --- the shipped catalogue --------------------------------------------------------------------------


def test_the_shipped_catalogue_has_every_point_the_practice_needs(catalogue: Catalogue) -> None:
    assert len(catalogue) >= 80
    for code in FACE_POINTS:
        assert catalogue.get(code).view == "face", code
    for code in BODY_POINTS:
        assert catalogue.get(code).view in ("body_front", "body_back"), code
    assert catalogue.search("Jiachengjiang")[0].view == "face"


def test_the_csvs_have_exactly_the_agreed_columns() -> None:
    with (RESOURCES / "points.csv").open(encoding="utf-8", newline="") as handle:
        assert tuple(next(csv.reader(handle))) == COLUMNS
    with (RESOURCES / "point_places.csv").open(encoding="utf-8", newline="") as handle:
        assert tuple(next(csv.reader(handle))) == PLACE_COLUMNS


def test_every_view_names_a_drawing_whose_viewbox_matches() -> None:
    for view in VIEWS.values():
        text = view.svg_path.read_text(encoding="utf-8")
        match = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', text)
        assert match, view.name
        assert (float(match[1]), float(match[2])) == (view.width, view.height)
    assert list(VIEWS) == [
        "face",
        "head_right",
        "head_left",
        "head_top",
        "body_front",
        "body_back",
        "hands",
        "feet",
    ]


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
    assert side_at("head_right", 0.9) == side_at("head_right", 0.1) == "right"
    assert side_at("head_left", 0.5) == "left"
    assert side_at("head_top", 0.8) == "right", "seen from above like the back"
    assert side_at("hands", 0.2) == side_at("feet", 0.2) == "right"
    with pytest.raises(ValueError, match="face"):
        side_at("profile", 0.5)


def test_every_bilateral_point_and_its_mirror_are_a_pair_of_sides(catalogue: Catalogue) -> None:
    for point in catalogue:
        if not point.bilateral:
            continue
        for view in point.views:
            rights, lefts = point.sites(view, "right"), point.sites(view, "left")
            if VIEWS[view].side_shown is None:
                assert all(side_at(view, x) == "right" for x, _ in rights), (point.code, view)
                assert [(round(1 - x, 6), y) for x, y in rights] == [(round(x, 6), y) for x, y in lefts]
            else:
                assert bool(rights) == (VIEWS[view].side_shown == "right"), (point.code, view)
                assert bool(lefts) == (VIEWS[view].side_shown == "left"), (point.code, view)


def test_every_midline_point_lies_on_the_midline_or_in_mirrored_pairs(catalogue: Catalogue) -> None:
    midline = [point for point in catalogue if point.sides() == ("midline",)]
    assert {p.code for p in midline} >= {"GV20", "EX-HN3", "GV26", "CV24", "CV23", "CV17", "GV14", "GV4"}
    for point in midline:
        for view in point.views:
            if VIEWS[view].side_shown is not None:
                continue
            spots = sorted((round(x, 6), y) for x, y in point.sites(view, "midline"))
            assert spots == sorted((round(1 - x, 6), y) for x, y in spots), (point.code, view)
            assert all(x == 0.5 or abs(x - 0.5) > 0.005 for x, _ in spots), (point.code, view)
    assert [x for x, _ in catalogue.get("GV20").sites("face", "midline")] == [0.5]


def test_in_view_lists_the_points_drawn_on_a_view(catalogue: Catalogue) -> None:
    face = catalogue.in_view("face")
    assert {p.code for p in face} >= set(FACE_POINTS)
    assert all("face" in p.views for p in face)
    assert all(p.views for p in catalogue)
    assert {p.code for p in catalogue.in_view("head_right")} == {
        p.code for p in catalogue.in_view("head_left")
    }


# --- search ---------------------------------------------------------------------------------------


def test_search_puts_the_exact_code_first(catalogue: Catalogue) -> None:
    assert catalogue.search("ST3")[0].code == "ST3"
    assert [p.code for p in catalogue.search("ST3")[1:4]] == ["ST30", "ST31", "ST32"]
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
    assert {"ST5", "ST6"} <= {p.code for p in catalogue.search("jaw")[:3]}
    assert catalogue.search("jaw")[0].code == "GB4", "Jaw Serenity: a name before a region"


def test_search_respects_the_limit_and_ignores_blank_queries(catalogue: Catalogue) -> None:
    assert len(catalogue.search("BL", limit=3)) == 3
    assert catalogue.search("   ") == []
    assert catalogue.search("no such point anywhere") == []


# --- errors at load ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "column", "words"),
    [
        ({"pinyin": ""}, "pinyin", "missing"),
        ({"english": " "}, "english", "missing"),
        ({"code": ""}, "code", "missing"),
        ({"code": "st 2"}, "code", "write the code as ST2"),
        ({"sides": "yes"}, "sides", "one of both, midline, right, left"),
        ({"everyday": "often"}, "everyday", "1 or 0"),
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


@pytest.mark.parametrize(
    ("change", "column", "words"),
    [
        ({"view": "profile"}, "view", "unknown view 'profile'"),
        ({"x": "1.2"}, "x", "outside 0..1"),
        ({"y": "-0.1"}, "y", "outside 0..1"),
        ({"x": "left"}, "x", "not a number"),
        ({"x": "0.5"}, "x", "bilateral but lies on the midline"),
        ({"x": "0.6233"}, "x", "client's right"),
        ({"view": "body_back"}, "x", "client's right"),
        ({"code": "ST99"}, "code", "'ST99' is not in points.csv"),
    ],
)
def test_a_bad_place_is_refused_by_row_and_column(
    tmp_path: Path, change: dict[str, str], column: str, words: str
) -> None:
    path = write_catalogue(
        tmp_path / "points.csv", MIDLINE_ROW, GOOD_ROW, places=[MIDLINE_PLACE, {**GOOD_PLACE, **change}]
    )
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    message = str(caught.value)
    assert message.startswith(f"point_places.csv, row 3, column {column!r}: ")
    assert words in message


def test_a_midline_point_off_the_midline_is_refused(tmp_path: Path) -> None:
    path = write_catalogue(tmp_path / "points.csv", MIDLINE_ROW, places=[{**MIDLINE_PLACE, "x": "0.52"}])
    with pytest.raises(CatalogueError, match=r"point_places.csv: CV24 is a midline point: its spots on face"):
        load_catalogue(path)
    near = write_catalogue(tmp_path / "points.csv", MIDLINE_ROW, places=[{**MIDLINE_PLACE, "x": "0.503"}])
    with pytest.raises(CatalogueError, match=r"row 2, column 'x': CV24 is a midline point: write x as 0.5"):
        load_catalogue(near)


def test_a_midline_group_in_mirrored_pairs_loads(tmp_path: Path) -> None:
    pair = [{**MIDLINE_PLACE, "x": "0.45"}, {**MIDLINE_PLACE, "x": "0.55"}]
    loaded = load_catalogue(write_catalogue(tmp_path / "points.csv", MIDLINE_ROW, places=pair))
    assert loaded.get("CV24").sites("face", "midline") == ((0.45, 0.6225), (0.55, 0.6225))


def test_a_profile_place_needs_its_mirror_on_the_other_profile(tmp_path: Path) -> None:
    right = {**GOOD_PLACE, "view": "head_right", "x": "0.8", "y": "0.43"}
    left = {**right, "view": "head_left", "x": "0.2"}
    loaded = load_catalogue(write_catalogue(tmp_path / "points.csv", GOOD_ROW, places=[right, left]))
    st2 = loaded.get("ST2")
    assert st2.sites("head_right", "right") == ((0.8, 0.43),) and st2.sites("head_right", "left") == ()
    assert st2.sites("head_left", "left") == ((0.2, 0.43),) and st2.sites("head_left", "right") == ()
    assert (st2.home_view("right"), st2.home_view("left")) == ("head_right", "head_left")
    unmirrored = write_catalogue(tmp_path / "points.csv", GOOD_ROW, places=[right, {**left, "x": "0.25"}])
    with pytest.raises(
        CatalogueError, match="ST2 on head_left must be the mirror image of its place on head_right"
    ):
        load_catalogue(unmirrored)
    alone = write_catalogue(tmp_path / "points.csv", GOOD_ROW, places=[right])
    with pytest.raises(CatalogueError, match="ST2 is drawn on head_right but not on its mirror head_left"):
        load_catalogue(alone)


def test_a_one_sided_point_is_drawn_and_needled_on_its_side_only(tmp_path: Path) -> None:
    jinjin = {**MIDLINE_ROW, "code": "EX-HN12", "sides": "left"}
    wrong = write_catalogue(
        tmp_path / "points.csv", jinjin, places=[{**MIDLINE_PLACE, "code": "EX-HN12", "x": "0.48"}]
    )
    with pytest.raises(
        CatalogueError, match=re.escape("EX-HN12 is needled on the client's left; x = 0.48 is not")
    ):
        load_catalogue(wrong)
    right = write_catalogue(
        tmp_path / "points.csv", jinjin, places=[{**MIDLINE_PLACE, "code": "EX-HN12", "x": "0.52"}]
    )
    point = load_catalogue(right).get("EX-HN12")
    assert point.sides() == ("left",)
    assert point.position("left") == (0.52, 0.6225)
    with pytest.raises(ValueError, match="left"):
        point.position("right")


def test_a_point_without_a_place_is_refused(tmp_path: Path) -> None:
    path = write_catalogue(tmp_path / "points.csv", GOOD_ROW, MIDLINE_ROW, places=[GOOD_PLACE])
    with pytest.raises(CatalogueError, match=re.escape("point_places.csv: CV24 has no place on any diagram")):
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
    with pytest.raises(CatalogueError, match=r"row 3: expected 10 columns"):
        load_catalogue(path)


def test_a_missing_or_empty_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match=r"nowhere\.csv: cannot be read"):
        load_catalogue(tmp_path / "nowhere.csv")
    with pytest.raises(CatalogueError, match="no points"):
        load_catalogue(write_catalogue(tmp_path / "points.csv"))


def test_a_good_file_loads_typed_points(tmp_path: Path) -> None:
    loaded = load_catalogue(write_catalogue(tmp_path / "points.csv", GOOD_ROW, MIDLINE_ROW))
    st2 = loaded.get("ST2")
    assert (st2.x, st2.y, st2.bilateral, st2.everyday) == (0.3767, 0.4313, True, True)
    assert st2.cautions == ("periorbital: bruising risk",)
    assert loaded.get("CV24").bilateral is False
    assert [p.code for p in loaded] == ["ST2", "CV24"]
