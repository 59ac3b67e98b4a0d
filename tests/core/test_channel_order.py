"""Each channel's points follow each other along the channel, in the standard's order, on every view.

For every view (and every panel of the hands and feet sheets) and every channel, the channel's points
drawn there are taken in number order; each step from one to the next must be one of the runs below,
which say which way the channel goes (down the leg, up the arm, forward over the head), or one of the
named steps where the channel leaves the view and comes back (GB12 behind the ear to GB13 on the
forehead). A point drawn in the wrong order, or a new point no run accounts for, fails.

The client's right side is used (a bilateral point's stored spot); "in" and "out" are toward and
away from the view's midline; on the right profile "forward" is toward the face.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import replace

import pytest

from acuchart.catalogue import VIEWS, Catalogue, CataloguePoint, Place, load_catalogue

CHANNELS = ("LU", "LI", "ST", "SP", "HT", "SI", "BL", "KI", "PC", "TE", "GB", "LR", "GV", "CV")
LEVEL = 0.012
"""Two points this close in height (a fraction of the view) are level."""

# Panels of the sheets, as (x0, y0, x1, y1) fractions of the view; other views are one panel.
PANELS: dict[str, dict[str, tuple[float, float, float, float]]] = {
    "hands": {"palm": (0.0, 0.0, 1.0, 0.5), "back": (0.0, 0.5, 1.0, 1.0)},
    "feet": {
        "top": (0.0, 0.0, 0.25, 0.46),
        "sole": (0.25, 0.0, 0.75, 0.46),
        "inner": (0.0, 0.46, 1.0, 0.73),
        "outer": (0.0, 0.73, 1.0, 1.0),
    },
}

Spot = tuple[float, float]
DIRECTIONS: dict[str, Callable[[Spot, Spot], bool]] = {
    "down": lambda a, b: b[1] > a[1],
    "up": lambda a, b: b[1] < a[1],
    "level": lambda a, b: abs(b[1] - a[1]) < LEVEL,
    "out": lambda a, b: abs(b[0] - 0.5) > abs(a[0] - 0.5),
    "in": lambda a, b: abs(b[0] - 0.5) < abs(a[0] - 0.5),
    "forward": lambda a, b: b[0] > a[0],
    "back": lambda a, b: b[0] < a[0],
}

RUNS: dict[tuple[str, str], list[tuple[str, str]]] = {
    ("face", ""): [
        ("down", "ST1 ST2 ST3 ST4 ST5"),
        ("up", "ST5 ST6 ST7 ST8"),
        ("down", "ST9 ST10 ST11"),
        ("up", "LI18 LI19 LI20"),
        ("up", "SI18 SI19"),
        ("up", "BL1 BL2 BL3"),
        ("out", "BL3 BL4"),
        ("up", "BL4 BL5"),
        ("up", "TE17 TE21 TE23"),
        ("out", "GB1 GB2"),
        ("up", "GB2 GB3"),
        ("down", "GB13 GB14"),
        ("up", "GB14 GB15 GB16"),
        ("down", "GV20 GV23 GV24 GV25 GV26 GV27"),
        ("up", "CV22 CV23 CV24"),
    ],
    ("head_right", ""): [
        ("up", "LI17 LI18"),
        ("forward", "LI18 LI20"),
        ("down", "ST1 ST2 ST3 ST4 ST5"),
        ("up", "ST5 ST6 ST7 ST8"),
        ("down", "ST9 ST10 ST11 ST12"),
        ("up", "SI16 SI17 SI18 SI19"),
        ("up", "TE16 TE17 TE18 TE19 TE20"),
        ("up", "TE21 TE22 TE23"),
        ("back", "GB1 GB2"),
        ("up", "GB2 GB3 GB4"),
        ("back", "GB4 GB5 GB6 GB7 GB8 GB9 GB10 GB11"),
        ("down", "GB9 GB10 GB11 GB12"),
        ("down", "GB13 GB14"),
        ("down", "GB19 GB20"),
        ("up", "GV14 GV15 GV16 GV17"),
        ("forward", "GV18 GV19 GV20 GV21 GV22 GV23 GV24 GV25"),
        ("down", "GV23 GV24 GV25 GV26 GV27"),
        ("up", "CV22 CV23 CV24"),
    ],
    ("head_top", ""): [
        ("out", "BL3 BL4"),
        ("down", "BL4 BL5 BL6 BL7 BL8"),
        ("in", "GB13 GB15"),
        ("down", "GB15 GB16 GB17 GB18"),
        ("up", "GV19 GV20 GV21 GV22 GV23 GV24"),
    ],
    ("body_front", ""): [
        ("up", "LU1 LU2"),
        ("down", "LU2 LU3 LU4 LU5 LU6 LU7 LU8 LU9"),
        ("up", "LI10 LI11 LI13 LI14 LI15"),
        ("out", "ST11 ST12"),
        ("down", "ST12 ST13 ST14 ST15 ST16 ST17 ST18 ST19 ST20 ST21 ST22 ST23 ST24 ST25 ST26 ST27 ST28 ST29"),
        ("down", "ST29 ST30 ST31 ST32 ST33 ST34 ST35 ST36 ST37 ST38 ST39"),
        ("down", "ST40 ST41 ST44"),
        ("up", "SP6 SP7 SP8 SP9 SP10 SP11 SP12 SP13 SP14 SP15 SP16 SP17 SP18 SP19 SP20"),
        ("down", "HT1 HT2 HT3 HT4 HT5 HT6 HT7"),
        ("up", "KI11 KI12 KI13 KI14 KI15 KI16 KI17 KI18 KI19 KI20 KI21 KI22 KI23 KI24 KI25 KI26 KI27"),
        ("out", "PC1 PC2"),
        ("down", "PC2 PC3 PC4 PC5 PC6 PC7"),
        ("level", "GB22 GB23"),
        ("down", "GB23 GB24 GB26 GB27 GB28 GB29 GB31 GB32 GB33 GB34 GB35"),
        ("level", "GB35 GB36"),
        ("down", "GB36 GB37 GB38 GB39 GB40"),
        ("up", "LR2 LR3 LR4 LR5 LR6 LR9 LR10 LR11 LR12 LR13 LR14"),
        (
            "up",
            "CV1 CV2 CV3 CV4 CV5 CV6 CV7 CV8 CV9 CV10 CV11 CV12 CV13 CV14 CV15 CV16 CV17 CV18 CV19 CV20 CV21 CV22",
        ),
    ],
    ("body_back", ""): [
        ("up", "LI4 LI5 LI6 LI7 LI8 LI9 LI10 LI11 LI12 LI16"),
        ("up", "SI5 SI6 SI7 SI8 SI9 SI10"),
        ("in", "SI10 SI11"),
        ("up", "SI11 SI12"),
        ("in", "SI12 SI13 SI14 SI15"),
        ("down", "BL9 BL10 BL11 BL12 BL13 BL14 BL15 BL16 BL17 BL18 BL19 BL20 BL21 BL22 BL23 BL24"),
        ("down", "BL24 BL25 BL26 BL27 BL28 BL29 BL30"),
        ("down", "BL31 BL32 BL33 BL34 BL35 BL36 BL37 BL38 BL39"),
        ("level", "BL39 BL40"),
        ("down", "BL41 BL42 BL43 BL44 BL45 BL46 BL47 BL48 BL49 BL50 BL51 BL52 BL53 BL54 BL55"),
        ("down", "BL55 BL56 BL57 BL58 BL59 BL60"),
        ("down", "KI3 KI6"),
        ("up", "KI6 KI7"),
        ("level", "KI7 KI8"),
        ("up", "KI8 KI9 KI10"),
        ("up", "TE4 TE5 TE6"),
        ("level", "TE6 TE7"),
        ("up", "TE7 TE8 TE9 TE10 TE11 TE12 TE13 TE14 TE15"),
        ("down", "GB19 GB20 GB21 GB25 GB30"),
        ("up", "LR7 LR8"),
        ("up", "GV1 GV2 GV3 GV4 GV5 GV6 GV7 GV8 GV9 GV10 GV11 GV12 GV13 GV14 GV15 GV16 GV17 GV18 GV19"),
    ],
    ("hands", "palm"): [
        ("up", "LU7 LU8 LU9 LU10"),
        ("up", "HT4 HT5 HT6 HT7 HT8"),
        ("up", "PC6 PC7 PC8 PC9"),
    ],
    ("hands", "back"): [
        ("down", "LI1 LI2 LI3 LI4 LI5"),
        ("down", "SI1 SI2 SI3 SI4 SI5 SI6"),
        ("down", "TE1 TE2 TE3 TE4 TE5"),
    ],
    ("feet", "top"): [
        ("down", "ST41 ST42 ST43 ST44 ST45"),
        ("up", "LR1 LR2 LR3 LR4"),
        ("down", "GB40 GB41 GB42 GB43 GB44"),
    ],
    ("feet", "sole"): [],
    ("feet", "inner"): [
        ("in", "SP1 SP2 SP3 SP4 SP5"),
        ("up", "SP5 SP6"),
        ("in", "KI2 KI3"),
        ("down", "KI3 KI4"),
        ("out", "KI4 KI5 KI6"),
        ("up", "KI6 KI7"),
        ("level", "KI7 KI8"),
    ],
    ("feet", "outer"): [
        ("down", "BL59 BL60 BL61"),
        ("in", "BL61 BL62 BL63 BL64 BL65 BL66 BL67"),
        ("down", "GB39 GB40"),
    ],
}

STEPS: dict[tuple[str, str], dict[tuple[str, str], str]] = {
    ("face", ""): {
        ("ST8", "ST9"): "from the corner of the forehead the channel comes back down to the neck",
        ("LI18", "LI19"): "",
        ("TE21", "TE23"): "",
        ("GB3", "GB13"): "GB4 to GB12 go round the side of the head, on the profile",
        ("GV27", "GV28"): "GV28 is inside the upper lip, drawn above the lip's tubercle",
    },
    ("head_right", ""): {
        ("ST8", "ST9"): "from the corner of the forehead the channel comes back down to the neck",
        ("SI18", "SI19"): "",
        ("TE20", "TE21"): "round the front of the ear: down from the apex to before the tragus",
        ("GB1", "GB2"): "",
        ("GB12", "GB13"): "from behind the ear over the head to the forehead",
        ("GB14", "GB19"): "GB15 to GB18 run over the top of the head (the top view)",
        ("GV17", "GV18"): "",
    },
    ("head_top", ""): {},
    ("body_front", ""): {
        ("ST39", "ST40"): "ST40 is level with ST38, a finger-breadth outside it",
        ("SP20", "SP21"): "SP21 lies on the side of the chest, below the others",
        ("GB22", "GB23"): "",
        ("LR6", "LR9"): "LR7 and LR8 are at the inner knee (the back view)",
    },
    ("body_back", ""): {
        ("BL30", "BL31"): "the sacral foramina: a second row beside the first",
        ("BL40", "BL41"): "the outer line of the back starts again at the shoulders",
        ("KI1", "KI3"): "KI1 is on the sole drawn beside the leg",
        ("GB12", "GB19"): "GB13 to GB18 are on the face and the top of the head",
        ("SI10", "SI11"): "",
        ("TE6", "TE7"): "",
    },
    ("hands", "palm"): {},
    ("hands", "back"): {},
    ("feet", "top"): {},
    ("feet", "sole"): {},
    ("feet", "inner"): {},
    ("feet", "outer"): {},
}


def _number(point: CataloguePoint) -> tuple[str, int] | None:
    match = re.fullmatch(r"([A-Z]+)(\d+)", point.code)
    return (match[1], int(match[2])) if match and match[1] in CHANNELS else None


def _spot(point: CataloguePoint, view: str, panel: str) -> Spot | None:
    side = "right" if point.bilateral else point.sides()[0]
    box = PANELS.get(view, {}).get(panel, (0.0, 0.0, 1.0, 1.0))
    for x, y in point.sites(view, side):
        if box[0] <= x <= box[2] and box[1] <= y <= box[3]:
            return (x, y)
    return None


def _channels_on(catalogue: Catalogue, view: str, panel: str) -> dict[str, list[tuple[str, Spot]]]:
    channels: dict[str, list[tuple[int, str, Spot]]] = {}
    for point in catalogue.in_view(view):
        numbered = _number(point)
        spot = _spot(point, view, panel)
        if numbered and spot is not None:
            channels.setdefault(numbered[0], []).append((numbered[1], point.code, spot))
    return {name: [(code, spot) for _, code, spot in sorted(points)] for name, points in channels.items()}


CASES = [(view, panel) for view in VIEWS if view != "head_left" for panel in PANELS.get(view, {"": ()})]


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def _order_problems(catalogue: Catalogue, view: str, panel: str) -> tuple[list[str], list[str]]:
    """Steps that go the wrong way, and steps no run or named step accounts for."""
    channels = _channels_on(catalogue, view, panel)
    steps = STEPS[(view, panel)]
    covered: set[tuple[str, str]] = set()
    wrong = []
    for direction, codes in RUNS[(view, panel)]:
        sequence = codes.split()
        for a, b in itertools.pairwise(sequence):
            covered.add((a, b))
            spot_a, spot_b = (_spot(catalogue.get(code), view, panel) for code in (a, b))
            assert spot_a is not None and spot_b is not None, f"{a} or {b} is not drawn on {view} {panel}"
            if not DIRECTIONS[direction](spot_a, spot_b):
                wrong.append(f"{a} -> {b} should go {direction}")
    unaccounted = [
        f"{a} -> {b}"
        for points in channels.values()
        for (a, _), (b, _) in itertools.pairwise(points)
        if (a, b) not in covered and (a, b) not in steps
    ]
    return wrong, unaccounted


@pytest.mark.parametrize(("view", "panel"), CASES)
def test_each_channel_runs_in_the_standards_order(catalogue: Catalogue, view: str, panel: str) -> None:
    wrong, unaccounted = _order_problems(catalogue, view, panel)
    assert wrong == []
    assert unaccounted == [], "each step between a channel's points on this view needs a run or a reason"


def test_a_point_drawn_out_of_order_is_caught(catalogue: Catalogue) -> None:
    st36, st37 = catalogue.get("ST36"), catalogue.get("ST37")
    swapped = Catalogue(
        replace(p, places=(st37 if p is st36 else st36).places) if p in (st36, st37) else p for p in catalogue
    )
    wrong, _ = _order_problems(swapped, "body_front", "")
    assert wrong == ["ST36 -> ST37 should go down"]
    sp6 = catalogue.get("SP6")
    moved = Catalogue(
        replace(p, places=(Place("body_front", 0.4267, 0.8),)) if p is sp6 else p for p in catalogue
    )
    assert _order_problems(moved, "body_front", "")[0] == ["SP6 -> SP7 should go up"]


def test_the_runs_cover_every_channel_on_the_body_views(catalogue: Catalogue) -> None:
    for view in ("body_front", "body_back"):
        named = {code for _, codes in RUNS[(view, "")] for code in codes.split()}
        named |= {code for pair in STEPS[(view, "")] for code in pair}
        channels = _channels_on(catalogue, view, "")
        drawn = {code for points in channels.values() if len(points) > 1 for code, _ in points}
        assert drawn <= named, sorted(drawn - named)


def test_the_left_profile_mirrors_the_right_and_shows_only_the_left(catalogue: Catalogue) -> None:
    on_profiles = catalogue.in_view("head_right")
    assert len(on_profiles) > 60
    for point in on_profiles:
        if point.bilateral:
            right, left = point.sites("head_right", "right"), point.sites("head_left", "left")
            assert point.sites("head_right", "left") == () and point.sites("head_left", "right") == ()
        else:
            right, left = point.sites("head_right", "midline"), point.sites("head_left", "midline")
        assert [(round(1 - x, 4), y) for x, y in right] == [(round(x, 4), y) for x, y in left], point.code
    # the face looks to the viewer's right on the right profile, to the left on the left one
    nose = catalogue.get("GV25")
    assert nose.sites("head_right", "midline")[0][0] > 0.85 > 0.15 > nose.sites("head_left", "midline")[0][0]


def test_points_on_the_face_and_a_profile_share_their_height(catalogue: Catalogue) -> None:
    shared = [p for p in catalogue.in_view("face") if "head_right" in p.views and p.code != "GV20"]
    assert len(shared) > 30
    for point in shared:
        side = "right" if point.bilateral else "midline"
        face_y = point.sites("face", side)[0][1]
        profile_y = point.sites("head_right", side)[0][1]
        assert profile_y == pytest.approx(face_y, abs=0.02), point.code
