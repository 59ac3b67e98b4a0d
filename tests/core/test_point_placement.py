"""Points sit where a practitioner needles them, relative to the drawing and to each other.

A point drawn in the wrong place is a clinical error, so the landmarks that define the points are
checked here in the practice's terms: below the pupil, above the eyebrow, cun apart on the abdomen.
Both body views show the same figure at the same scale, so heights compare across them.
"""

from __future__ import annotations

import re

import pytest

from acuchart.catalogue import VIEWS, Catalogue, CataloguePoint, load_catalogue

CLOSE = 0.012  # "straight above/below": within 1.2 % of the width (7 of 600 units)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="module")
def pupil() -> tuple[float, float]:
    """The centre of the client's right pupil (viewer's left) as drawn on the face."""
    view = VIEWS["face"]
    svg = view.svg_path.read_text(encoding="utf-8")
    centres = [
        (float(cx) / view.width, float(cy) / view.height)
        for cx, cy in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="5.5"', svg)
    ]
    assert len(centres) == 2, "the face has two pupils"
    return min(centres)


def cun_on_forehead(catalogue: Catalogue) -> float:
    """One cun on the forehead, from GV24 (half a cun into the hairline) to Yintang (3 cun below the hairline)."""
    return (catalogue.get("EX-HN3").y - catalogue.get("GV24").y) / 3.5


def lateral(point: CataloguePoint) -> float:
    """How far the point's right-side position lies from the midline, as a fraction of the width."""
    return abs(point.x - 0.5)


def test_st1_st2_and_st3_line_up_below_the_pupil(catalogue: Catalogue, pupil: tuple[float, float]) -> None:
    st1, st2, st3 = (catalogue.get(code) for code in ("ST1", "ST2", "ST3"))
    for point in (st1, st2, st3):
        assert point.x == pytest.approx(pupil[0], abs=CLOSE), point.code
    assert pupil[1] < st1.y < st2.y < st3.y


def test_st2_sits_below_the_pupil_about_a_cun_down(catalogue: Catalogue, pupil: tuple[float, float]) -> None:
    drop = catalogue.get("ST2").y - pupil[1]
    assert 0.6 * cun_on_forehead(catalogue) < drop < 1.3 * cun_on_forehead(catalogue)


def test_gb14_is_one_cun_above_the_eyebrow_over_the_pupil(
    catalogue: Catalogue, pupil: tuple[float, float]
) -> None:
    gb14, yuyao = catalogue.get("GB14"), catalogue.get("EX-HN4")
    assert gb14.x == pytest.approx(pupil[0], abs=CLOSE)
    assert yuyao.x == pytest.approx(pupil[0], abs=CLOSE)
    assert yuyao.y - gb14.y == pytest.approx(cun_on_forehead(catalogue), rel=0.2)


def test_the_eyebrow_points_run_from_the_inner_to_the_outer_end(catalogue: Catalogue) -> None:
    bl2, yuyao, te23, taiyang = (catalogue.get(c) for c in ("BL2", "EX-HN4", "TE23", "EX-HN5"))
    assert lateral(bl2) < lateral(yuyao) < lateral(te23) < lateral(taiyang)
    assert catalogue.get("EX-HN3").y == pytest.approx(bl2.y, abs=0.01)


def test_the_eye_points_surround_the_eye(catalogue: Catalogue, pupil: tuple[float, float]) -> None:
    bl1, gb1, qiuhou, st1 = (catalogue.get(c) for c in ("BL1", "GB1", "EX-HN7", "ST1"))
    assert lateral(bl1) < lateral(st1) < lateral(qiuhou) < lateral(gb1)
    assert bl1.y == pytest.approx(pupil[1], abs=0.01)
    assert gb1.y == pytest.approx(pupil[1], abs=0.01)
    assert qiuhou.y == pytest.approx(st1.y, abs=0.01)


def test_li20_is_beside_the_ala_in_the_nasolabial_groove(catalogue: Catalogue) -> None:
    li20, bitong, st3, gv25, gv26 = (catalogue.get(c) for c in ("LI20", "EX-HN8", "ST3", "GV25", "GV26"))
    assert lateral(bitong) < lateral(li20) < lateral(st3)
    assert bitong.y < li20.y < gv26.y
    assert li20.y == pytest.approx(gv25.y, abs=0.01)


def test_the_mouth_and_chin_points_stack_on_the_midline(catalogue: Catalogue) -> None:
    order = [catalogue.get(c) for c in ("GV25", "GV26", "GV27", "CV24", "CV23", "CV22")]
    assert [p.y for p in order] == sorted(p.y for p in order)
    st4, li19, gv26, gv27 = (catalogue.get(c) for c in ("ST4", "LI19", "GV26", "GV27"))
    # WHO 2008: GV26 at the middle of the philtrum, LI19 level with its upper third; so GV26 lies three
    # quarters of the way up from the lip's tubercle (GV27) to LI19's level
    assert (gv27.y - gv26.y) / (gv27.y - li19.y) == pytest.approx(0.75, abs=0.05)
    assert gv26.y < st4.y < catalogue.get("CV24").y


def test_st6_is_a_finger_breadth_forward_of_and_above_st5_at_the_jaw(catalogue: Catalogue) -> None:
    st6, st5, st4 = catalogue.get("ST6"), catalogue.get("ST5"), catalogue.get("ST4")
    assert st6.y < st5.y
    assert lateral(st6) > lateral(st5) > lateral(st4)
    assert st6.y == pytest.approx(st4.y, abs=0.02)


def test_the_ear_points_line_up_before_the_tragus(catalogue: Catalogue) -> None:
    te21, si19, gb2, st7 = (catalogue.get(c) for c in ("TE21", "SI19", "GB2", "ST7"))
    assert te21.y < si19.y < gb2.y
    assert te21.x == si19.x == gb2.x
    assert lateral(st7) < lateral(si19)
    assert catalogue.get("TE17").y > gb2.y


def test_the_scalp_points_lie_behind_the_hairline(catalogue: Catalogue) -> None:
    gv20, gv23, gv24 = catalogue.get("GV20"), catalogue.get("GV23"), catalogue.get("GV24")
    assert gv20.y < gv23.y < gv24.y < catalogue.get("GB14").y
    for code in ("GB15", "GB13", "ST8"):
        assert catalogue.get(code).y < catalogue.get("GB14").y - cun_on_forehead(catalogue), code
    assert lateral(catalogue.get("GB15")) < lateral(catalogue.get("GB13")) < lateral(catalogue.get("ST8"))


def test_the_abdominal_points_keep_their_cun_spacing_from_the_navel(catalogue: Catalogue) -> None:
    navel = catalogue.get("ST25").y
    cun = (navel - catalogue.get("CV12").y) / 4
    assert catalogue.get("CV9").y == pytest.approx(navel - cun, abs=0.003)
    assert catalogue.get("CV6").y == pytest.approx(navel + 1.5 * cun, abs=0.003)
    assert catalogue.get("CV4").y == pytest.approx(navel + 3 * cun, abs=0.003)
    assert catalogue.get("CV17").y < catalogue.get("CV12").y


def test_sp6_is_three_cun_above_the_inner_ankle_on_a_thirteen_cun_shin(catalogue: Catalogue) -> None:
    sp9, sp6, ki3 = catalogue.get("SP9"), catalogue.get("SP6"), catalogue.get("KI3")
    shin = ki3.y - sp9.y
    assert (ki3.y - sp6.y) / shin == pytest.approx(3 / 13, abs=0.03)
    assert lateral(sp6) < lateral(catalogue.get("ST36"))


def test_st36_is_below_the_knee_and_outside_the_shin(catalogue: Catalogue) -> None:
    st36, bl40, sp9, gb34 = (catalogue.get(c) for c in ("ST36", "BL40", "SP9", "GB34"))
    assert st36.y > bl40.y
    assert st36.y > gb34.y
    assert lateral(st36) > lateral(sp9)
    st37, st40 = catalogue.get("ST37"), catalogue.get("ST40")
    assert st36.y < st37.y < st40.y
    assert lateral(st40) > lateral(st37)


def test_li4_is_on_the_back_of_the_hand_toward_the_thumb(catalogue: Catalogue) -> None:
    li4, te5 = catalogue.get("LI4"), catalogue.get("TE5")
    assert li4.view == te5.view == "body_back"
    assert li4.y > te5.y
    assert lateral(li4) > lateral(te5)


def test_the_wrist_points_run_from_thumb_to_little_finger(catalogue: Catalogue) -> None:
    lu9, pc7, ht7 = (catalogue.get(c) for c in ("LU9", "PC7", "HT7"))
    assert lateral(lu9) > lateral(pc7) > lateral(ht7)
    assert catalogue.get("PC6").y < pc7.y
    assert catalogue.get("LU7").y < lu9.y


def test_the_back_shu_points_descend_the_spine_in_order(catalogue: Catalogue) -> None:
    shu = [catalogue.get(c) for c in ("BL13", "BL15", "BL17", "BL18", "BL20", "BL23")]
    assert [p.y for p in shu] == sorted(p.y for p in shu)
    assert len({p.x for p in shu}) == 1
    assert catalogue.get("GV4").y == catalogue.get("BL23").y
    assert catalogue.get("GV14").y < shu[0].y
    assert catalogue.get("GB20").y == pytest.approx(catalogue.get("GV16").y, abs=0.003)


def test_the_ankle_points_sit_either_side_of_the_achilles_tendon(catalogue: Catalogue) -> None:
    ki3, ki6, ki7, bl60 = (catalogue.get(c) for c in ("KI3", "KI6", "KI7", "BL60"))
    assert lateral(bl60) - lateral(ki3) > 0.04, "far enough apart to tell apart"
    assert ki7.y < ki3.y < ki6.y
    assert catalogue.get("KI1").y > catalogue.get("BL40").y
