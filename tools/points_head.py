"""Where the points of the head and neck are drawn: on the face, both profiles and the back view.

Scalp points come from the scalp surface (``scalp``), measured in cun from the hairlines and the
midline as the WHO standard measures them, so each lands on the same spot of every view that shows
it. Points of the face are placed on the face diagram by its landmarks (pupil, canthi, brows, nose,
lips, jaw) and on the profile by the same landmarks seen from the side; both share their height.
"""

from __future__ import annotations

import math

import diagram_top
import head_geometry as g
import scalp
from atlas import Places, Spot
from measure import Polyline, lerp, piecewise
from svgdraw import curve_points, node

# --- the face diagram's landmarks (client's right, viewer's left; see diagram_face) ---------------
PUPIL = (226.0, 300.0)
INNER_CANTHUS = (263.0, 303.0)
OUTER_CANTHUS = (188.0, 297.0)
BROW_INNER = (261.0, 259.0)
BROW_MIDDLE = (224.0, 247.0)
BROW_OUTER = (178.0, 254.0)
INFRAORBITAL_RIM_Y = 322.0
ALA_LOWER_Y = 400.0
SUBNASALE_Y = 407.0
LIP_TUBERCLE_Y = 446.0
MOUTH_CORNER = (248.0, 461.0)
MENTOLABIAL_Y = 498.0
FACE_CUN = 49.0
"""One cun on the face diagram (the forehead's 3 cun from the hairline to the glabella, foreshortened)."""
PROFILE_CUN = scalp.LATERAL_CUN
"""One cun over the side of the head on the profile."""
INSET = 3.0
"""How far inside the outline a point on the midline is drawn on a profile, so it sits on the skin."""

_FRONT = g.front_contour()
_BACK = g.back_contour()


def contour(y: float, back: bool = False) -> Spot:
    """The profile's outline at height y (the face side, or the back), just inside it."""
    if back:
        return (_BACK.x_at_y(y) + INSET, y)
    return (_FRONT.x_at_y(y) - INSET, y)


def along(nodes: list[tuple[float, float]], fractions: list[float]) -> list[Spot]:
    """Spots at these fractions of the way along a smooth curve through ``nodes``."""
    curve = Polyline(curve_points([node(x, y) for x, y in nodes], closed=False))
    return [curve.at_fraction(t) for t in fractions]


BODY_BACK_HEIGHTS = [(36.0, 28.0), (g.HAIRLINE_BACK[1], 178.0), (g.C7[1], 270.0)]
"""Heights on the profile and on the back view for the vertex, the back hairline and C7."""
BODY_BACK_RADIUS = 45.0
BODY_BACK_CUN = 15.7
"""The back of the head on the back view: a rounded back about 45 units across, 9 cun between the mastoids."""


def body_back(cun_lateral: float, profile_y: float) -> Spot:
    """A spot on the back of the head or neck of the back view (client's right: x > 300)."""
    y = piecewise(BODY_BACK_HEIGHTS, profile_y)
    d = BODY_BACK_RADIUS * math.sin(cun_lateral * BODY_BACK_CUN / BODY_BACK_RADIUS)
    return (300.0 + d, y)


FACE_TURN = 0.35
"""A scalp point is drawn on the face when its skin turns at least this much toward the viewer."""
SIDE_TURN = 0.3
"""... on the profile when it turns this much to the side (0.45 when the face shows it already)."""
TOP_TURN = 0.35
"""... on the top of the head when it faces up this much."""


def _scalp_views(places: Places, code: str, point: scalp.ScalpPoint) -> None:
    """Draw a scalp point on every view its skin faces."""
    nx, ny, nz = point.normal()
    on_face = nz > FACE_TURN
    if on_face:
        places.add(code, "face", point.face)
    if nx >= (0.45 if on_face else SIDE_TURN):
        places.profile(code, point.profile)
    if -ny > TOP_TURN:
        places.add(code, "head_top", diagram_top.to_view(point.x, point.z))


def _scalp(places: Places) -> None:
    """The scalp: GV on the midline, the BL and GB lines, ST8, EX-HN1 and EX-HN2."""
    hairline = scalp.midline_arc(0.5)
    pupil = scalp.across_to(hairline, 300.0 - PUPIL[0])
    brow = scalp.across_to(hairline, 300.0 - BROW_INNER[0])
    lateral = scalp.LATERAL_CUN
    lines = {
        "BL3": (brow, 0.5),
        "BL4": (1.5 * lateral, 0.5),
        "BL5": (1.5 * lateral, 1.0),
        "BL6": (1.5 * lateral, 2.5),
        "BL7": (1.5 * lateral, 4.0),
        "BL8": (1.5 * lateral, 5.5),
        "GB15": (pupil, 0.5),
        "GB16": (pupil, 1.5),
        "GB17": (pupil, 2.5),
        "GB18": (pupil, 4.0),
        "GB13": (3.0 * lateral, 0.5),
        "ST8": (4.5 * lateral, 0.5),
        "EX-HN2": (pupil, 1.0),
    }
    for code, (across, cun) in lines.items():
        _scalp_views(places, code, scalp.behind_hairline(across, cun))
    for code, cun in (("GV24", 0.5), ("GV23", 1.0), ("GV22", 2.0), ("GV21", 3.5), ("GV20", 5.0)):
        arc = scalp.midline_arc(cun)
        point = scalp.on_midline(arc)
        if point.normal()[2] > FACE_TURN:
            places.add(code, "face", point.face)
        places.profile(code, scalp.inset(arc, INSET))
        places.add(code, "head_top", diagram_top.to_view(0.0, point.z))
    # GV20 is at the crown: the face diagram shows it at the top of the head, just inside the outline.
    places.add("GV20", "face", (300.0, 43.0))
    gv20 = scalp.midline_arc(5.0)
    front, back = scalp.midline_arc(4.0), gv20 + scalp.BACK_CUN
    places.profile("EX-HN1", scalp.inset(front, INSET), scalp.inset(back, INSET))
    side = scalp.lateral(gv20, lateral)
    places.add(
        "EX-HN1",
        "head_top",
        diagram_top.to_view(0.0, scalp.on_midline(front).z),
        diagram_top.to_view(0.0, scalp.on_midline(back).z),
        diagram_top.to_view(side.x, side.z),
        diagram_top.to_view(-side.x, side.z),
    )
    for code, cun in (("GV19", 5.5), ("GV18", 4.0)):
        arc = scalp.above_back_hairline(cun)
        point = scalp.on_midline(arc)
        places.profile(code, scalp.inset(arc, INSET))
        places.add(code, "body_back", body_back(0.0, point.y))
        if -point.normal()[1] > TOP_TURN:
            places.add(code, "head_top", diagram_top.to_view(0.0, point.z))


def _back_of_head(places: Places) -> None:
    """Below the occiput: GV17 to GV14, BL9 and BL10, GB19 and GB20, and the neck's extra points."""
    above = scalp.INION_ARC - 0.3 * scalp.BACK_CUN  # GV17: in the hollow above the protuberance
    below = scalp.above_back_hairline(1.0)  # GV16: just below it, 1 cun above the hairline
    c2 = scalp.above_back_hairline(0.5)  # GV15: above the spinous process of C2
    for code, arc in (("GV17", above), ("GV16", below), ("GV15", c2)):
        places.profile(code, scalp.inset(arc, INSET))
        places.add(code, "body_back", body_back(0.0, scalp.on_midline(arc).y))
    gv14 = (g.C7[0] + INSET + 1.0, g.C7[1] + 10.0)
    places.profile("GV14", gv14)
    # 9 cun over the back of the head between the two mastoid processes
    back_cun = scalp.across_until_depth(below, g.MASTOID_TIP[0]) / 4.5
    gb20 = scalp.level_with(below, 2.25 * back_cun)
    for code, arc, cun in (
        ("BL9", above, 1.3),
        ("GB19", above, 2.25),
        ("BL10", c2, 1.3),
        ("GB20", below, 2.25),
    ):
        point = scalp.level_with(arc, cun * back_cun)
        if code != "BL9":  # on the profile BL9 would sit on GV17; the back view shows it
            places.profile(code, point.profile)
        places.add(code, "body_back", body_back(cun, scalp.on_midline(arc).y))
    places.add("GB12", "body_back", body_back(3.9, 412.0))
    te17 = (g.LOBE_BACK[0] - 7.0, g.LOBE_BACK[1] + 1.0)
    places.profile("AC-HN3", lerp(te17, gb20.profile, 0.5))
    # EX-HN15: 2 cun above C7, 1 cun from the midline (the neck's cun: back hairline to C7 is 3 cun)
    neck_cun = (g.C7[1] - g.HAIRLINE_BACK[1]) / 3.0
    level = g.C7[1] - 2.0 * neck_cun
    places.profile("EX-HN15", (_BACK.x_at_y(level) + 12.0, level))
    places.add("EX-HN15", "body_back", body_back(1.0, level))


def place(places: Places) -> None:
    """Add every point of the head and neck."""
    _scalp(places)
    _back_of_head(places)
    _face(places)
    _ear_and_temple(places)
    _neck(places)


def _face(places: Places) -> None:
    """The face: eyes, brows, nose, cheeks, lips, chin and jaw."""
    px = PUPIL[0]
    cornea_x = g.CORNEA[0]
    canthus_x = g.OUTER_CANTHUS[0]
    face = {
        "EX-HN3": (300.0, 261.0),
        "BL2": BROW_INNER,
        "EX-HN4": BROW_MIDDLE,
        "TE23": BROW_OUTER,
        "GB14": (px, BROW_MIDDLE[1] - 0.92 * FACE_CUN),
        "EX-HN5": (158.0, 278.0),
        "GB1": (OUTER_CANTHUS[0] - 16.0, 298.0),
        "BL1": (268.0, 300.0),
        "ST1": (px, INFRAORBITAL_RIM_Y),
        "EX-HN7": (207.0, 320.0),
        "ST2": (px, 345.0),
        "ST3": (px, ALA_LOWER_Y),
        "EX-HN8": (270.0, 366.0),
        "LI20": (257.0, 392.0),
        "EX-HN9": (286.0, 401.0),
        "SI18": (189.0, 372.0),
        "GV25": (300.0, 389.0),
        "GV26": (300.0, (SUBNASALE_Y + LIP_TUBERCLE_Y) / 2),
        "LI19": (281.0, SUBNASALE_Y + (LIP_TUBERCLE_Y - SUBNASALE_Y) / 3),
        "GV28": (300.0, 436.0),
        "GV27": (300.0, LIP_TUBERCLE_Y),
        "EX-HN10": (300.0, 463.0),
        "EX-HN11": (300.0, 475.0),
        "EX-HN13": (290.0, 475.0),
        "EX-HN12": (310.0, 475.0),
        "ST4": (MOUTH_CORNER[0] - 0.4 * FACE_CUN / 1.4, 462.0),
        "CV24": (300.0, MENTOLABIAL_Y),
        "AC-HN1": (266.0, 502.0),
        "ST6": (158.0, 456.0),
        "ST5": (176.0, 511.0),
    }
    for code, spot in face.items():
        places.add(code, "face", spot)
    profile = {
        "EX-HN3": contour(261.0),
        "EX-HN4": (cornea_x - 2.0, BROW_MIDDLE[1]),
        "TE23": (g.BROW_OUTER[0], 254.0),
        "GB14": (cornea_x + 4.0, face["GB14"][1]),
        "EX-HN5": (lerp(g.BROW_OUTER, g.OUTER_CANTHUS, 0.5)[0] - 28.0, 278.0),
        "GB1": (canthus_x - 12.0, 298.0),
        "ST1": (cornea_x - 6.0, INFRAORBITAL_RIM_Y),
        "EX-HN7": (canthus_x + 10.0, 320.0),
        "ST2": (cornea_x - 8.0, 345.0),
        "ST3": (cornea_x - 8.0, ALA_LOWER_Y),
        "EX-HN8": (506.0, 366.0),
        "LI20": (503.0, 392.0),
        "SI18": (canthus_x - 4.0, 372.0),
        "GV25": contour(389.0),
        "GV26": contour(face["GV26"][1]),
        "GV27": contour(LIP_TUBERCLE_Y),
        "ST4": (497.0, 462.0),
        "CV24": contour(MENTOLABIAL_Y),
        "AC-HN1": (496.0, 504.0),
        "ST6": (338.0, 456.0),
        "ST5": (352.0, 511.0),
    }
    for code, spot in profile.items():
        places.profile(code, spot)


def _ear_and_temple(places: Places) -> None:
    """Before, above and behind the ear: TE, SI19, GB2 to GB12 and the extra points there."""
    places.add("ST7", "face", (150.0, 318.0))
    places.add("GB3", "face", (150.0, 293.0))
    places.add("TE21", "face", (129.0, 305.0))
    places.add("SI19", "face", (129.0, 325.0))
    places.add("GB2", "face", (129.0, 345.0))
    places.add("TE17", "face", (124.0, 403.0))
    st7 = (336.0, 318.0)
    places.profile("ST7", st7)
    places.profile("GB3", (st7[0], 292.0))
    places.profile("TE21", (g.SUPRATRAGIC_NOTCH[0] + 9.0, 305.0))
    places.profile("SI19", (g.TRAGUS_FRONT[0] + 8.0, 325.0))
    places.profile("GB2", (g.INTERTRAGIC_NOTCH[0] + 12.0, 345.0))
    places.profile("TE22", (g.EAR_ROOT_TOP[0] + 14.0, 268.0))
    gb7 = (g.SIDEBURN_BACK_X, g.EAR_APEX[1])
    st8 = scalp.behind_hairline(4.5 * scalp.LATERAL_CUN, 0.5).profile
    gb4, gb5, gb6 = along([st8, (392.0, 150.0), (370.0, 194.0), (340.0, 228.0), gb7], [0.25, 0.5, 0.75])
    places.profile("GB4", gb4)
    places.profile("GB5", gb5)
    places.profile("GB6", gb6)
    places.profile("GB7", gb7)
    apex_x, apex_y = g.EAR_APEX
    gb8 = (apex_x, apex_y - 1.5 * PROFILE_CUN)
    gb9 = (apex_x - 0.5 * PROFILE_CUN, apex_y - 2.0 * PROFILE_CUN)
    gb12 = (g.MASTOID_TIP[0] - 14.0, g.MASTOID_TIP[1] + 8.0)
    places.profile("GB8", gb8)
    places.profile("GB9", gb9)
    gb10, gb11 = along(
        [gb9, (206.0, 212.0), (182.0, 268.0), (176.0, 330.0), (188.0, 386.0), gb12], [1 / 3, 2 / 3]
    )
    places.profile("GB10", gb10)
    places.profile("GB11", gb11)
    places.profile("GB12", gb12)
    te20 = (apex_x, apex_y - 9.0)
    te17 = (g.LOBE_BACK[0] - 7.0, g.LOBE_BACK[1] + 1.0)
    te19, te18 = along(
        [
            te20,
            (236.0, 250.0),
            (220.0, 263.0),
            (208.0, 288.0),
            (204.0, 313.0),
            (206.0, 340.0),
            (212.0, 365.0),
            (224.0, 388.0),
            te17,
        ],
        [1 / 3, 2 / 3],
    )
    places.profile("TE20", te20)
    places.profile("TE19", te19)
    places.profile("TE18", te18)
    places.profile("TE17", te17)
    places.profile("EX-HN6", (apex_x, apex_y + 5.0))
    places.profile("EX-HN14", (te17[0] - PROFILE_CUN, te17[1]))
    places.profile("AC-HN2", (g.LOBE_BACK[0] + 60.0, 402.0))  # Qianzheng, before the earlobe


def _neck(places: Places) -> None:
    """The neck from the chin to the collarbones, in front and at the sides."""
    front = {
        "CV23": (300.0, 590.0),
        "ST9": (252.0, 632.0),
        "LI18": (227.0, 636.0),
        "ST10": (258.0, g.CRICOID_Y + 2.0),
        "ST11": (240.0, 736.0),
        "CV22": (300.0, 741.0),
    }
    for code, spot in front.items():
        places.add(code, "face", spot)
    places.profile("CV23", contour(590.0))
    places.profile("CV22", contour(g.NOTCH[1]))
    places.profile("ST9", (368.0, 632.0))
    places.profile("LI18", (331.0, 636.0))
    places.profile("ST10", (386.0, g.CRICOID_Y + 2.0))
    places.profile("ST11", (410.0, 744.0))
    places.profile("ST12", (352.0, 766.0))
    places.profile("LI17", (312.0, g.CRICOID_Y))
    places.profile("SI16", (292.0, 632.0))
    places.profile("SI17", (g.JAW_ANGLE[0] - 14.0, g.JAW_ANGLE[1] + 5.0))
    places.profile("TE16", (240.0, g.JAW_ANGLE[1] + 2.0))
