"""Where the points of the trunk are drawn on ``body_front`` and ``body_back``.

Distances are in the figure's units (``body_geometry``): d from the midline, y downward. Front view
x = 300 - d for the client's right; back view x = 300 + d. The proportional cun of the trunk:
suprasternal notch to the xiphisternal junction 9 cun, xiphisternal junction to the navel 8 cun,
navel to the top of the pubic bone 5 cun, 8 cun between the nipples; on the back 6 cun between the
inner edges of the shoulder blades, and the spinous processes counted from C7.
"""

from __future__ import annotations

from atlas import Places, Spot
from body_geometry import MID

NOTCH_Y = 270.0
XIPHISTERNAL_Y = 423.0
NAVEL_Y = 563.0
PUBIS_Y = 652.0
UPPER_CUN = (NAVEL_Y - XIPHISTERNAL_Y) / 8.0
"""One cun on the upper abdomen (17.5 units)."""
LOWER_CUN = (PUBIS_Y - NAVEL_Y) / 5.0
"""One cun on the lower abdomen (17.8 units)."""
CHEST_CUN = 68.0 / 4.0
"""One cun across the chest: the nipples are 8 cun apart (each 68 units from the midline)."""
BACK_CUN = 55.0 / 3.0
"""One cun across the back: the inner edges of the shoulder blades are 6 cun apart."""
# Intercostal spaces on the front, at the sternum (CV points), the nipple line and 6 cun out:
# the spaces run 1.6 cun apart down the sternum and dip a little toward the side of the chest.
SPACES_MIDLINE = {1: 311.0, 2: 338.0, 3: 365.0, 4: 392.0}
SPACES_2_CUN = {1: 308.0, 2: 336.0, 3: 364.0, 4: 392.0, 5: 420.0}
SPACES_4_CUN = {1: 303.0, 2: 331.0, 3: 361.0, 4: 392.0, 5: 422.0, 6: 450.0, 7: 477.0}
SPACES_6_CUN = {1: 312.0, 2: 342.0, 3: 372.0, 4: 402.0, 5: 432.0}
# The lower edge of each spinous process on the back view, C7 first.
SPINE: dict[str, float] = {"C7": 270.0}
for _i in range(1, 13):
    SPINE[f"T{_i}"] = 271.5 + 18.5 * _i
for _i in range(1, 6):
    SPINE[f"L{_i}"] = 493.5 + 27.75 * _i
SACRAL_FORAMINA = {1: 648.0, 2: 662.0, 3: 675.0, 4: 687.0}
SACRAL_HIATUS_Y = 697.0
COCCYX_TIP_Y = 704.0
FORAMEN_D = {1: 15.0, 2: 13.5, 3: 12.0, 4: 10.5}
"""How far the sacral foramina lie from the midline; they come closer together going down."""


def front(d: float, y: float) -> Spot:
    """A spot on the front view, ``d`` to the client's right of the midline."""
    return (MID - d, y)


def back(d: float, y: float) -> Spot:
    """A spot on the back view, ``d`` to the client's right of the midline."""
    return (MID + d, y)


def above_navel(cun: float) -> float:
    """The height of a point so many cun above the navel (negative: below)."""
    return NAVEL_Y - cun * UPPER_CUN if cun >= 0 else NAVEL_Y - cun * LOWER_CUN


def place(places: Places) -> None:
    """Add every point of the chest, abdomen, back and shoulders."""
    _front_midline(places)
    _chest(places)
    _abdomen(places)
    _side(places)
    _back_midline(places)
    _back_lines(places)
    _shoulders(places)


def _front_midline(places: Places) -> None:
    cv = {
        "CV2": PUBIS_Y,
        "CV3": above_navel(-4),
        "CV4": above_navel(-3),
        "CV5": above_navel(-2),
        "CV6": above_navel(-1.5),
        "CV7": above_navel(-1),
        "CV8": NAVEL_Y,
        "CV9": above_navel(1),
        "CV10": above_navel(2),
        "CV11": above_navel(3),
        "CV12": above_navel(4),
        "CV13": above_navel(5),
        "CV14": above_navel(6),
        "CV15": above_navel(7),
        "CV16": XIPHISTERNAL_Y,
        "CV17": SPACES_MIDLINE[4],
        "CV18": SPACES_MIDLINE[3],
        "CV19": SPACES_MIDLINE[2],
        "CV20": SPACES_MIDLINE[1],
        "CV21": NOTCH_Y + (XIPHISTERNAL_Y - NOTCH_Y) / 9.0,
        "CV22": NOTCH_Y,
    }
    places.add("CV1", "body_front", front(0.0, 705.0))
    for code, y in cv.items():
        places.add(code, "body_front", front(0.0, y))


def _chest(places: Places) -> None:
    two, four, six = 2 * CHEST_CUN, 4 * CHEST_CUN, 6 * CHEST_CUN
    places.add("KI27", "body_front", front(two, 280.0))
    for number, code in enumerate(("KI26", "KI25", "KI24", "KI23", "KI22"), start=1):
        places.add(code, "body_front", front(two, SPACES_2_CUN[number]))
    places.add("ST11", "body_front", front(1.4 * CHEST_CUN, 262.0))
    places.add("ST12", "body_front", front(four, 262.0))
    places.add("ST13", "body_front", front(four, 280.0))
    for number, code in ((1, "ST14"), (2, "ST15"), (3, "ST16"), (4, "ST17"), (5, "ST18")):
        places.add(code, "body_front", front(four, SPACES_4_CUN[number]))
    places.add("LR14", "body_front", front(four, SPACES_4_CUN[6]))
    places.add("GB24", "body_front", front(four, SPACES_4_CUN[7]))
    places.add("LU2", "body_front", front(six, 286.0))
    places.add("LU1", "body_front", front(six, SPACES_6_CUN[1]))
    for number, code in ((2, "SP20"), (3, "SP19"), (4, "SP18"), (5, "SP17")):
        places.add(code, "body_front", front(six, SPACES_6_CUN[number]))
    places.add("PC1", "body_front", front(5 * CHEST_CUN, 397.0))


def _abdomen(places: Places) -> None:
    half, two, three, four = 0.5 * CHEST_CUN, 35.0, 3 * CHEST_CUN, 70.0
    kidney = {
        "KI11": -5.0,
        "KI12": -4.0,
        "KI13": -3.0,
        "KI14": -2.0,
        "KI15": -1.0,
        "KI16": 0.0,
        "KI17": 2.0,
        "KI18": 3.0,
        "KI19": 4.0,
        "KI20": 5.0,
        "KI21": 6.0,
    }
    for code, cun in kidney.items():
        places.add(code, "body_front", front(half, above_navel(cun)))
    for number, cun in zip(range(19, 31), (6, 5, 4, 3, 2, 1, 0, -1, -2, -3, -4, -5), strict=True):
        places.add(f"ST{number}", "body_front", front(two, above_navel(cun)))
    for code, cun in (("SP16", 3.0), ("SP15", 0.0), ("SP14", -1.3), ("SP13", -4.3)):
        places.add(code, "body_front", front(four, above_navel(cun)))
    places.add("SP12", "body_front", front(3.5 * CHEST_CUN, 674.0))
    places.add("LR12", "body_front", front(2.5 * CHEST_CUN, PUBIS_Y))
    places.add("EX-CA1", "body_front", front(three, above_navel(-4)))


ASIS = (105.0, 625.0)
"""The anterior superior iliac spine (d, y)."""
TROCHANTER = (128.0, 695.0)
"""The top of the greater trochanter (d, y)."""


def _side(places: Places) -> None:
    """The side of the chest and waist, drawn just inside the outline of the front view."""
    places.add("GB22", "body_front", front(108.0, 405.0))
    places.add("GB23", "body_front", front(100.0, 403.0))
    places.add("SP21", "body_front", front(104.0, 455.0))
    places.add("LR13", "body_front", front(100.0, 530.0))
    places.add("GB26", "body_front", front(100.0, NAVEL_Y))
    places.add("GB27", "body_front", front(ASIS[0] - 7.0, above_navel(-3)))
    places.add("GB28", "body_front", front(ASIS[0] - 6.0, ASIS[1] + 9.0))
    places.add("GB29", "body_front", front((ASIS[0] + TROCHANTER[0]) / 2, (ASIS[1] + TROCHANTER[1]) / 2))
    places.add("GB25", "body_back", back(99.0, 532.0))


def _back_midline(places: Places) -> None:
    gv = {
        "GV14": "C7",
        "GV13": "T1",
        "GV12": "T3",
        "GV11": "T5",
        "GV10": "T6",
        "GV9": "T7",
        "GV8": "T9",
        "GV7": "T10",
        "GV6": "T11",
        "GV5": "L1",
        "GV4": "L2",
        "EX-B5": "L3",
        "GV3": "L4",
        "EX-B8": "L5",
    }
    for code, level in gv.items():
        places.add(code, "body_back", back(0.0, SPINE[level]))
    places.add("EX-B9", "body_back", back(0.0, COCCYX_TIP_Y - 2 * LOWER_CUN))
    places.add("GV2", "body_back", back(0.0, SACRAL_HIATUS_Y))
    places.add("GV1", "body_back", back(0.0, COCCYX_TIP_Y + 4.0))
    places.add("EX-B1", "body_back", back(0.5 * BACK_CUN, SPINE["C7"]))
    levels = [f"T{i}" for i in range(1, 13)] + [f"L{i}" for i in range(1, 6)]
    places.add("EX-B2", "body_back", *(back(0.5 * BACK_CUN, SPINE[level]) for level in levels))


def _back_lines(places: Places) -> None:
    inner = {
        "BL11": "T1",
        "BL12": "T2",
        "BL13": "T3",
        "BL14": "T4",
        "BL15": "T5",
        "BL16": "T6",
        "BL17": "T7",
        "EX-B3": "T8",
        "BL18": "T9",
        "BL19": "T10",
        "BL20": "T11",
        "BL21": "T12",
        "BL22": "L1",
        "BL23": "L2",
        "BL24": "L3",
        "BL25": "L4",
        "BL26": "L5",
    }
    for code, level in inner.items():
        places.add(code, "body_back", back(1.5 * BACK_CUN, SPINE[level]))
    for number, code in ((1, "BL27"), (2, "BL28"), (3, "BL29"), (4, "BL30")):
        places.add(code, "body_back", back(1.5 * BACK_CUN, SACRAL_FORAMINA[number]))
    for number, code in ((1, "BL31"), (2, "BL32"), (3, "BL33"), (4, "BL34")):
        places.add(code, "body_back", back(FORAMEN_D[number], SACRAL_FORAMINA[number]))
    places.add("BL35", "body_back", back(0.5 * BACK_CUN, COCCYX_TIP_Y))
    outer = {
        "BL41": "T2",
        "BL42": "T3",
        "BL43": "T4",
        "BL44": "T5",
        "BL45": "T6",
        "BL46": "T7",
        "BL47": "T9",
        "BL48": "T10",
        "BL49": "T11",
        "BL50": "T12",
        "BL51": "L1",
        "BL52": "L2",
    }
    for code, level in outer.items():
        places.add(code, "body_back", back(3 * BACK_CUN, SPINE[level]))
    places.add("BL53", "body_back", back(3 * BACK_CUN, SACRAL_FORAMINA[2]))
    places.add("BL54", "body_back", back(3 * BACK_CUN, SACRAL_FORAMINA[4]))
    places.add("EX-B4", "body_back", back(3.5 * BACK_CUN, SPINE["L1"]))
    places.add("EX-B6", "body_back", back(3 * BACK_CUN, SPINE["L4"]))
    places.add("EX-B7", "body_back", back(3.5 * BACK_CUN, SPINE["L4"]))


def _shoulders(places: Places) -> None:
    """The shoulder blades and the tops of the shoulders (the shoulder blade as drawn on the back view:
    inner edge at d 54 to 58, lower tip at (66, 392), spine from (56, 324) to the acromion (130, 298))."""
    spine_middle = (93.0, 310.0)
    lower_tip = (66.0, 392.0)
    places.add("GB21", "body_back", back(75.0, 270.0))
    places.add("SI15", "body_back", back(2 * BACK_CUN, SPINE["C7"]))
    places.add("SI14", "body_back", back(3 * BACK_CUN, SPINE["T1"]))
    places.add("TE15", "body_back", back(62.0, 287.0))
    places.add("SI13", "body_back", back(63.0, 314.0))
    places.add("SI12", "body_back", back(spine_middle[0], 296.0))
    third = (
        spine_middle[0] + (lower_tip[0] - spine_middle[0]) / 3,
        spine_middle[1] + (lower_tip[1] - spine_middle[1]) / 3,
    )
    places.add("SI11", "body_back", back(*third))
    places.add("SI10", "body_back", back(121.0, 304.0))
    places.add("SI9", "body_back", back(121.0, 327.0))
    places.add("LI16", "body_back", back(113.0, 283.0))
