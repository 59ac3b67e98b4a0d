"""Where the points of the arms and legs are drawn on ``body_front`` and ``body_back``.

The arm is measured along its drawn axis (``body_geometry.along``): 9 cun from the front fold of the
armpit to the elbow crease, 12 cun from the elbow crease to the wrist crease; an offset across the
limb is positive toward the thumb (outward in both views, the palms facing forward). The leg: 19 cun
from the top of the greater trochanter to the knee crease (14 from the buttock fold), 18 from the top
of the pubic bone to the knee; 16 from the knee crease to the outer ankle bone, 13 from below the
inner knee (SP9) to the inner ankle bone. Points of the hands and feet are on their own sheets
(``points_hands``, ``points_feet``); the few everyday ones stay on the body views too.
"""

from __future__ import annotations

from atlas import Places
from body_geometry import ELBOW, INNER_LEG, MID, SHOULDER, WRIST, along, hand, sole
from measure import lerp, piecewise
from points_trunk import ASIS, PUBIS_Y, SACRAL_HIATUS_Y, TROCHANTER, back, front

FOLD_T = 0.16
"""Where the front fold of the armpit meets the arm, as a fraction of the shoulder-to-elbow axis."""


def upper(cun_above_elbow: float, across: float) -> tuple[float, float]:
    """(d, y) on the upper arm, so many cun above the elbow crease (9 cun up to the armpit's fold)."""
    t = 1.0 - cun_above_elbow * (1.0 - FOLD_T) / 9.0
    return along(SHOULDER, ELBOW, t, across)


def fore(cun_above_wrist: float, across: float) -> tuple[float, float]:
    """(d, y) on the forearm, so many cun above the wrist crease (12 cun up to the elbow crease)."""
    return along(ELBOW, WRIST, 1.0 - cun_above_wrist / 12.0, across)


def _front(places: Places, code: str, at: tuple[float, float]) -> None:
    places.add(code, "body_front", front(*at))


def _back(places: Places, code: str, at: tuple[float, float]) -> None:
    places.add(code, "body_back", back(*at))


def place(places: Places) -> None:
    """Add every point of the arms and legs shown on the body views."""
    _arm_front(places)
    _arm_back(places)
    _leg_front(places)
    _leg_back(places)


def _arm_front(places: Places) -> None:
    """The front of the arm, palm forward: LU on the thumb side, PC in the middle, HT on the little-finger side."""
    for code, at in (
        ("LU3", upper(9 - 3, 14)),
        ("LU4", upper(9 - 4, 14)),
        ("LU5", fore(12, 11)),
        ("LU6", fore(7, 12)),
        ("LU7", fore(1.5, 15)),
        ("LU8", fore(1, 14)),
        ("LU9", fore(0, 12)),
        ("PC2", upper(9 - 2, 0)),
        ("PC3", fore(12, -2)),
        ("PC4", fore(5, 0)),
        ("PC5", fore(3, 0)),
        ("PC6", fore(2, 0)),
        ("PC7", fore(0, 0)),
        ("HT1", along(SHOULDER, ELBOW, FOLD_T, -25)),
        ("HT2", upper(3, -17)),
        ("HT3", fore(12, -22)),
        ("HT4", fore(1.5, -13)),
        ("HT5", fore(1, -13)),
        ("HT6", fore(0.5, -13)),
        ("HT7", fore(0, -13)),
        ("LI10", fore(10, 20.5)),
        ("LI11", fore(12, 21)),
        ("LI13", upper(3, 19)),
        ("LI14", upper(7 * 0.95, 24)),
        ("LI15", along(SHOULDER, ELBOW, 0.0, 10)),
    ):
        _front(places, code, at)
    places.add("EX-UE2", "body_front", front(*fore(4, 1)), front(*fore(4, 9)))


def _arm_back(places: Places) -> None:
    """The back of the arm: LI on the thumb side, TE in the middle, SI on the little-finger side."""
    for code, at in (
        ("LI5", fore(0, 14)),
        ("LI6", fore(3, 16)),
        ("LI7", fore(5, 17)),
        ("LI8", fore(8, 19)),
        ("LI9", fore(9, 19.5)),
        ("LI10", fore(10, 20.5)),
        ("LI11", fore(12, 22)),
        ("LI12", upper(1, 21)),
        ("EX-UE3", fore(0, 6)),
        ("TE4", fore(0, -2)),
        ("TE5", fore(2, 0)),
        ("TE6", fore(3, 0)),
        ("TE7", fore(3, -6)),
        ("TE8", fore(4, 0)),
        ("TE9", fore(7, 0)),
        ("EX-UE1", along(ELBOW, WRIST, 0.02, -6)),
        ("TE10", upper(1, -4)),
        ("TE11", upper(2, -3)),
        ("TE12", upper(5, -2)),
        ("TE13", along(SHOULDER, ELBOW, 0.28, 4)),
        ("TE14", along(SHOULDER, ELBOW, 0.0, 4)),
        ("SI5", fore(0, -19)),
        ("SI6", fore(1, -14)),
        ("SI7", fore(5, -19)),
        ("SI8", fore(12, -16)),
        ("LI4", hand(34, 20)),
    ):
        _back(places, code, at)


# --- the leg --------------------------------------------------------------------------------------
KNEE_CREASE_Y = 1018.0
PATELLA_TOP = (57.0, 978.0)
"""The middle of the top of the kneecap; its inner end is at d 46, its outer end at d 68."""
PATELLA_BOTTOM_Y = 1022.0
KNEE_EYE_Y = 1028.0
OUTER_ANKLE_Y = 1325.0
INNER_ANKLE_Y = 1309.0
ANKLE_FRONT = (60.0, 1312.0)
THIGH_CUN = (KNEE_CREASE_Y - PUBIS_Y) / 18.0
"""One cun on the thigh (18 cun from the top of the pubic bone to the knee)."""
BACK_THIGH_CUN = (KNEE_CREASE_Y - 716.0) / 14.0
"""One cun on the back of the thigh (14 cun from the buttock fold to the knee crease)."""
OUTER_LEG_CUN = (OUTER_ANKLE_Y - KNEE_CREASE_Y) / 16.0
"""One cun on the outer and back lower leg (16 cun from the knee crease to the outer ankle bone)."""
SP9_Y = 1048.0
INNER_LEG_CUN = (INNER_ANKLE_Y - SP9_Y) / 13.0
"""One cun on the inner lower leg (13 cun from SP9 to the inner ankle bone)."""
FRONT_LEG_CUN = (ANKLE_FRONT[1] - KNEE_EYE_Y) / 16.0
"""One cun down the front of the lower leg (16 cun from ST35 to ST41)."""
SHIN_CREST = [(1040.0, 56.0), (1120.0, 52.0), (1200.0, 48.0), (1280.0, 46.0)]
"""The front edge of the shin bone as drawn on the front view (y, d)."""
FIBULA = [(1058.0, 94.0), (1320.0, 86.0)]
"""The fibula from its head to the outer ankle bone (y, d)."""
OUTER_EDGE = [
    (740.0, 128.0),
    (850.0, 118.0),
    (960.0, 104.0),
    (1000.0, 98.0),
    (1050.0, 100.0),
    (1100.0, 104.0),
    (1180.0, 96.0),
    (1260.0, 86.0),
]
"""The outer edge of the leg on both views (y, d)."""


def inner_edge(y: float) -> float:
    """The inner edge of the leg (d) at height y, as drawn."""
    return piecewise(sorted((n.y, MID - n.x) for n in INNER_LEG if n.y > 712.0), y)


def _leg_front(places: Places) -> None:
    """The front of the leg: ST down the front, SP and LR on the inner side, GB on the outer side."""
    asis_to_patella = (ASIS, (68.0, 980.0))

    def on_st_thigh_line(y: float) -> tuple[float, float]:
        (d0, y0), (d1, y1) = asis_to_patella
        return (d0 + (d1 - d0) * (y - y0) / (y1 - y0), y)

    def shin(cun_below_st35: float, fingers: float = 1.0) -> tuple[float, float]:
        y = KNEE_EYE_Y + cun_below_st35 * FRONT_LEG_CUN
        return (piecewise(SHIN_CREST, y) + 16.0 * fingers, y)

    def inner(cun_above_ankle: float, inside: float = 8.5) -> tuple[float, float]:
        y = INNER_ANKLE_Y - cun_above_ankle * INNER_LEG_CUN
        return (inner_edge(y) + inside, y)

    def fibula(cun_above_ankle: float, across: float) -> tuple[float, float]:
        y = OUTER_ANKLE_Y - cun_above_ankle * OUTER_LEG_CUN
        return (piecewise(FIBULA, y) + across, y)

    def lateral(cun_above_knee: float) -> tuple[float, float]:
        y = KNEE_CREASE_Y - cun_above_knee * BACK_THIGH_CUN
        return (piecewise(OUTER_EDGE, y) - 8.0, y)

    patella_base = PATELLA_TOP[1]
    for code, at in (
        ("ST31", on_st_thigh_line(PUBIS_Y + 20.0)),
        ("ST32", on_st_thigh_line(patella_base - 6 * THIGH_CUN)),
        ("ST33", on_st_thigh_line(patella_base - 3 * THIGH_CUN)),
        ("ST34", on_st_thigh_line(patella_base - 2 * THIGH_CUN)),
        ("EX-LE2", (PATELLA_TOP[0], patella_base - 6.0)),
        ("ST35", (66.0, KNEE_EYE_Y)),
        ("EX-LE4", (48.0, KNEE_EYE_Y)),
        ("ST36", shin(3)),
        ("EX-LE7", shin(5)),
        ("ST37", shin(6)),
        ("ST38", shin(8)),
        ("ST40", shin(8, 2)),
        ("ST39", shin(9)),
        ("ST41", ANKLE_FRONT),
        ("SP9", (inner_edge(SP9_Y) + 8.0, SP9_Y)),
        ("SP8", (inner_edge(SP9_Y + 3 * INNER_LEG_CUN) + 8.5, SP9_Y + 3 * INNER_LEG_CUN)),
        ("SP7", inner(6)),
        ("SP6", inner(3)),
        ("LR6", inner(7, 14.0)),
        ("LR5", inner(5, 13.0)),
        ("LR4", (46.0, 1306.0)),
        ("EX-LE8", (37.0, 1303.0)),
        ("SP10", (33.0, patella_base - 2 * THIGH_CUN)),
        ("EX-LE3", (33.0, patella_base - 3 * THIGH_CUN)),
        ("LR9", (inner_edge(patella_base - 4 * THIGH_CUN) + 10.0, patella_base - 4 * THIGH_CUN)),
        ("SP11", (56.0, 775.0)),
        ("LR11", (38.0, PUBIS_Y + 2 * THIGH_CUN)),
        ("LR10", (40.0, PUBIS_Y + 3 * THIGH_CUN)),
        ("GB31", lateral(9)),
        ("GB32", lateral(7)),
        ("GB33", (93.0, 985.0)),
        ("GB34", (90.0, 1058.0)),
        ("EX-LE6", (89.0, 1058.0 + 2 * OUTER_LEG_CUN)),
        ("GB35", fibula(7, 3)),
        ("GB36", fibula(7, -5)),
        ("GB37", fibula(5, -6)),
        ("GB38", fibula(4, -6)),
        ("GB39", fibula(3, -7)),
        ("GB40", (76.0, 1331.0)),
        ("EX-LE9", (86.0, 1314.0)),
    ):
        _front(places, code, at)
    st34 = on_st_thigh_line(patella_base - 2 * THIGH_CUN)
    places.add("EX-LE1", "body_front", front(st34[0] - 24.0, st34[1]), front(st34[0] + 24.0, st34[1]))
    places.add("EX-LE5", "body_front", front(48.0, KNEE_EYE_Y), front(66.0, KNEE_EYE_Y))
    # the everyday points of the foot stay on the front view as well as the feet sheet
    for code, at in (
        ("LR3", (50.0, 1338.0)),
        ("LR2", (51.0, 1362.0)),
        ("ST44", (65.0, 1361.0)),
        ("BL67", (99.0, 1364.0)),
    ):
        _front(places, code, at)


def _leg_back(places: Places) -> None:
    """The back of the leg: BL down the middle, KI and LR at the inner side of the knee and calf."""
    for code, at in (
        ("GB30", lerp(TROCHANTER, (0.0, SACRAL_HIATUS_Y), 1 / 3)),
        ("BL36", (63.0, 718.0)),
        ("BL37", (63.0, 716.0 + 6 * BACK_THIGH_CUN)),
        ("BL38", (70.0, KNEE_CREASE_Y - BACK_THIGH_CUN)),
        ("BL39", (73.0, KNEE_CREASE_Y)),
        ("BL40", (57.0, KNEE_CREASE_Y)),
        ("KI10", (43.0, KNEE_CREASE_Y)),
        ("LR8", (33.0, KNEE_CREASE_Y + 2.0)),
        ("LR7", (inner_edge(SP9_Y) + 6.0, SP9_Y)),
        ("BL55", (58.0, KNEE_CREASE_Y + 2 * OUTER_LEG_CUN)),
        ("BL56", (59.0, KNEE_CREASE_Y + 5 * OUTER_LEG_CUN)),
        ("BL57", (61.0, KNEE_CREASE_Y + 8 * OUTER_LEG_CUN)),
        ("BL58", (79.0, OUTER_ANKLE_Y - 7 * OUTER_LEG_CUN)),
        ("BL59", (76.0, OUTER_ANKLE_Y - 3 * OUTER_LEG_CUN)),
        ("BL60", (79.0, OUTER_ANKLE_Y)),
        ("KI9", (42.0, INNER_ANKLE_Y - 5 * INNER_LEG_CUN)),
        ("KI7", (46.0, INNER_ANKLE_Y - 2 * INNER_LEG_CUN)),
        ("KI8", (39.0, INNER_ANKLE_Y - 2 * INNER_LEG_CUN)),
        ("KI3", (45.0, INNER_ANKLE_Y)),
        ("KI6", (40.0, 1330.0)),
    ):
        _back(places, code, at)
    # KI1 on the soles drawn beside the lower legs, a third of the way from the toes' web to the heel
    _back(places, "KI1", sole(8.0, 127.0))
