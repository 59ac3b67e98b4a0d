"""Starting protocols: one or more per intake concern, only catalogue points, honest notes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from acuchart.catalogue import CatalogueError, load_catalogue
from acuchart.protocols import CONCERNS, PROTOCOLS, ProtocolPoint, ProtocolPreset, load_presets


@pytest.fixture(scope="module")
def presets() -> tuple[ProtocolPreset, ...]:
    return load_presets()


def write_protocol(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(body, encoding="utf-8")
    return path


GOOD = """
name = "Forehead lines"
concern = "wrinkles"
note = "Shallow insertions along the lines."
points = [
    { code = "GB14", side = "both" },
    { code = "EX-HN3", side = "midline" },
    { code = "ST2", side = "right" },
]
"""


def test_every_intake_concern_has_a_starting_protocol(presets: tuple[ProtocolPreset, ...]) -> None:
    assert {preset.concern for preset in presets} == {key for key, _ in CONCERNS}
    assert [key for key, _ in CONCERNS][:2] == ["wrinkles", "sagging"]
    assert presets[0].concern == "wrinkles"


def test_every_protocol_names_only_catalogue_points_on_their_own_sides(
    presets: tuple[ProtocolPreset, ...],
) -> None:
    catalogue = load_catalogue()
    for preset in presets:
        assert preset.points, preset.key
        for point in preset.points:
            assert point.code in catalogue, (preset.key, point.code)
            assert catalogue.get(point.code).code == point.code
            assert point.side in catalogue.get(point.code).sides(), (preset.key, point)
        assert len(set(preset.points)) == len(preset.points), preset.key


def test_protocol_notes_promise_nothing(presets: tuple[ProtocolPreset, ...]) -> None:
    promise = re.compile(r"\b(will|guarantee[sd]?|cure[sd]?|permanent|proven)\b", re.IGNORECASE)
    for preset in presets:
        assert preset.name and preset.note, preset.key
        assert not promise.search(preset.note), (preset.key, promise.search(preset.note))


def test_a_both_sides_point_becomes_a_right_and_a_left_point(tmp_path: Path) -> None:
    write_protocol(tmp_path, "forehead", GOOD)
    (preset,) = load_presets(folder=tmp_path)
    assert preset.key == "forehead"
    assert preset.points == (
        ProtocolPoint("GB14", "right"),
        ProtocolPoint("GB14", "left"),
        ProtocolPoint("EX-HN3", "midline"),
        ProtocolPoint("ST2", "right"),
    )


def test_older_spellings_in_a_protocol_are_stored_as_who_codes(tmp_path: Path) -> None:
    write_protocol(tmp_path, "old", GOOD.replace('"EX-HN3"', '"GV29"').replace('"GB14"', '"gb 14"'))
    (preset,) = load_presets(folder=tmp_path)
    assert [p.code for p in preset.points] == ["GB14", "GB14", "EX-HN3", "ST2"]


def test_the_presets_come_in_the_order_of_the_intake_list(tmp_path: Path) -> None:
    write_protocol(tmp_path, "a_calm", GOOD.replace('"wrinkles"', '"wellbeing"'))
    write_protocol(tmp_path, "b_lines", GOOD)
    assert [p.key for p in load_presets(folder=tmp_path)] == ["b_lines", "a_calm"]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (GOOD.replace('"ST2"', '"ST99"'), "point 3: 'ST99' is not in the point catalogue"),
        (GOOD.replace('side = "midline"', 'side = "both"'), "point 2: EX-HN3 is on the midline"),
        (GOOD.replace('side = "right"', 'side = "midline"'), "point 3: ST2 is bilateral"),
        (
            GOOD.replace("points = [", 'points = [\n    { code = "EX-HN12", side = "right" },'),
            "point 1: EX-HN12 is on the left; its side is left",
        ),
        (GOOD.replace('"wrinkles"', '"hair loss"'), "unknown concern 'hair loss'"),
        (GOOD.replace('name = "Forehead lines"', 'name = ""'), "'name' must be some text"),
        (
            GOOD.replace("points = [", 'points = [\n    { code = "GB14", side = "left" },'),
            "GB14 left is listed twice",
        ),
        (
            GOOD.replace("points = [", 'points = [\n    { code = "GB14" },'),
            "point 1 must have exactly a code and a side",
        ),
        (GOOD + 'colour = "red"\n', "unexpected colour"),
        (GOOD.replace('"Forehead lines"', "Forehead lines"), "is not valid TOML"),
    ],
)
def test_a_bad_protocol_file_is_refused_naming_the_file_and_code(
    tmp_path: Path, body: str, words: str
) -> None:
    write_protocol(tmp_path, "broken", body)
    with pytest.raises(CatalogueError) as caught:
        load_presets(folder=tmp_path)
    assert str(caught.value).startswith("broken.toml")
    assert words in str(caught.value)


def test_the_shipped_protocols_are_in_resources() -> None:
    assert sorted(path.stem for path in PROTOCOLS.glob("*.toml")) == sorted(p.key for p in load_presets())


def test_a_point_needled_on_one_side_only_takes_that_side(tmp_path: Path) -> None:
    write_protocol(
        tmp_path, "tongue", GOOD.replace("points = [", 'points = [\n    { code = "EX-HN12", side = "left" },')
    )
    (preset,) = load_presets(folder=tmp_path)
    assert preset.points[0] == ProtocolPoint("EX-HN12", "left")
