"""Where the points of the hands and feet are drawn on the ``hands`` and ``feet`` sheets.

Hands (``hand_geometry``: a toward the thumb, b up from the wrist crease, 33 units to the forearm
cun): the palm shows LU, PC and HT at the wrist and in the palm; the back shows LI, TE and SI, the
nails with the points beside their corners, and the extra points of the back of the hand. Feet
(``foot_geometry``): the top shows ST, LR and GB; the sole KI1; the inner side SP and KI; the outer
side BL. A point at an edge seen from two panels (SP1 on the top and the inner side) is drawn on both.
"""

from __future__ import annotations

import foot_geometry as f
import hand_geometry as h
from atlas import Places
from measure import lerp

CUN = h.FOREARM_CUN


def _palm(places: Places, code: str, *spots: tuple[float, float]) -> None:
    places.add(code, "hands", *(h.to_sheet(a, b, palm=True) for a, b in spots))


def _back(places: Places, code: str, *spots: tuple[float, float]) -> None:
    places.add(code, "hands", *(h.to_sheet(a, b, palm=False) for a, b in spots))


def place(places: Places) -> None:
    """Add every point of the hands and feet sheets."""
    _hands(places)
    _feet(places)


def _hands(places: Places) -> None:
    index, middle, ring, little = (h.FINGERS[n] for n in ("index", "middle", "ring", "little"))
    thumb = h.THUMB
    # the palm, the wrist crease and the forearm just above it
    for code, spot in (
        ("LU9", (33.0, 0.0)),
        ("LU8", (36.0, -1.0 * CUN)),
        ("LU7", (43.0, -1.5 * CUN)),
        ("PC7", (3.0, 0.0)),
        ("PC6", (3.0, -2.0 * CUN)),
        ("HT7", (-30.0, 0.0)),
        ("HT6", (-30.0, -0.5 * CUN)),
        ("HT5", (-30.0, -1.0 * CUN)),
        ("HT4", (-30.0, -1.5 * CUN)),
        ("LU10", (60.0, 52.0)),
        ("PC8", (26.0, 128.0)),
        ("HT8", (-25.0, 124.0)),
        ("PC9", middle.at(1.0, 0.0)),
    ):
        spot = (spot[0], spot[1] - 4.0) if code == "PC9" else spot
        _palm(places, code, spot)
    _palm(places, "EX-UE10", *(finger.at(finger.joints[0], 0.0) for finger in (index, middle, ring, little)))
    # the back of the hand
    half = 0.5 * 0.72
    for code, spot in (
        ("LU11", thumb.at(0.86, thumb.width * half)),
        ("LI1", index.at(0.86, index.width * half)),
        ("HT9", little.at(0.86, little.width * half)),
        ("SI1", little.at(0.86, -little.width * half)),
        ("TE1", ring.at(0.86, -ring.width * half)),
        ("LI2", index.at(0.06, index.width * 0.5)),
        ("LI3", (h.KNUCKLE_A["index"] + 12.0, h.KNUCKLE_B["index"] - 12.0)),
        ("LI4", (44.0, 86.0)),
        ("LI5", (41.0, 4.0)),
        ("EX-UE3", (15.0, 2.0)),
        ("TE4", (-9.0, 2.0)),
        ("TE5", (0.0, -2.0 * CUN)),
        ("TE3", (-24.0, h.KNUCKLE_B["ring"] - 16.0)),
        ("TE2", lerp(h.WEBS["ring-little"], (-26.0, 120.0), 0.22)),
        ("SI2", little.at(0.1, -little.width * 0.36)),
        ("SI3", (-50.0, h.KNUCKLE_B["little"] - 14.0)),
        ("SI4", (-48.0, 32.0)),
        ("SI5", (-40.0, 4.0)),
        ("SI6", (-30.0, -1.0 * CUN)),
        ("EX-UE4", middle.at(middle.joints[0], 0.0)),
        ("EX-UE5", thumb.at(thumb.joints[1], 0.0)),
        ("EX-UE6", little.at(little.joints[0], 0.0)),
        ("EX-UE8", (26.0, h.KNUCKLE_B["index"] - 0.5 * CUN)),
    ):
        _back(places, code, spot)
    _back(places, "EX-UE7", (26.0, 75.0), (-24.0, 72.0))
    webs = [h.WEBS[name] for name in ("thumb-index", "index-middle", "middle-ring", "ring-little")]
    _back(places, "EX-UE9", *(lerp(web, (web[0], 120.0), 0.22 if web[1] > 140 else 0.0) for web in webs))
    _back(places, "EX-UE11", *(finger.at(0.97, 0.0) for finger in (thumb, index, middle, ring, little)))


def _feet(places: Places) -> None:
    def top(code: str, *spots: tuple[float, float]) -> None:
        places.add(code, "feet", *(f.top(s, t) for s, t in spots))

    def sole(code: str, *spots: tuple[float, float]) -> None:
        places.add(code, "feet", *(f.sole(s, t) for s, t in spots))

    def inner(code: str, *spots: tuple[float, float]) -> None:
        places.add(code, "feet", *(f.inner(along, up) for along, up in spots))

    def outer(code: str, *spots: tuple[float, float]) -> None:
        places.add(code, "feet", *(f.outer(along, up) for along, up in spots))

    webs = f.WEBS_TOP
    behind_web = 6.0

    # the top of the foot
    top("ST41", (4.0, 2.0))
    top("ST42", (9.0, 52.0))
    top("ST43", (4.0, f.MTP_TOP["second"][1] - 16.0))
    top("ST44", (webs["2-3"][0], webs["2-3"][1] - behind_web))
    top("ST45", (8.0, 207.0))
    top("LR1", (29.0, 204.0))
    top("LR2", (webs["1-2"][0], webs["1-2"][1] - behind_web))
    top("LR3", (21.0, 86.0))
    top("LR4", (30.0, -2.0))
    top("GB40", (-32.0, 14.0))
    top("GB41", (-33.0, 92.0))
    top("GB42", (-29.0, f.MTP_TOP["fourth"][1] - 14.0))
    top("GB43", (webs["4-5"][0], webs["4-5"][1] - behind_web))
    top("GB44", (-28.0, 190.0))
    top("BL67", (-45.0, 177.0))
    top("SP1", (50.0, 204.0))
    top("EX-LE10", *((web[0], web[1] - behind_web) for web in webs.values()))
    top("EX-LE12", *((s, t - 4.0) for (s, t), _ in f.TOES_TOP.values()))
    # the sole
    web_s, web_t = f.SOLE_WEB_2_3
    sole("KI1", (web_s + 2.0, web_t * 2 / 3))
    sole("EX-LE11", (15.0, 236.0))
    # the inner side
    mx, my = f.MEDIAL_MALLEOLUS
    leg = f.LEG_CUN
    inner("SP1", (250.0, 24.0))
    inner("SP2", (f.FIRST_MTP[0] + 14.0, 14.0))
    inner("SP3", (f.FIRST_MTP[0] - 16.0, 15.0))
    inner("SP4", (f.FIRST_MT_BASE[0] + 2.0, 20.0))
    inner("SP5", lerp(f.NAVICULAR, f.MEDIAL_MALLEOLUS, 0.5))
    inner("KI2", (f.NAVICULAR[0], f.NAVICULAR[1] - 18.0))
    inner("KI3", (mx - 17.0, my))
    inner("KI4", (mx - 27.0, my - 22.0))
    inner("KI5", (mx - 16.0, my - leg))
    inner("KI6", (mx, my - leg))
    inner("KI7", (mx - 20.0, my + 2 * leg))
    inner("KI8", (mx - 8.0, my + 2 * leg))
    inner("SP6", (mx - 2.0, my + 3 * leg))
    inner("LR4", (mx + 19.0, my - 4.0))
    inner("EX-LE8", (mx, my))
    # the outer side
    lx, ly = f.LATERAL_MALLEOLUS
    outer("BL60", (lx - 15.0, ly))
    outer("BL59", (lx - 18.0, ly + 3 * leg))
    outer("GB39", (lx + 10.0, ly + 3 * leg))
    outer("BL61", (lx - 15.0, 20.0))
    outer("BL62", (lx, ly - 18.0))
    outer("GB40", (lx + 18.0, ly - 8.0))
    outer("BL63", (f.FIFTH_MT_TUBEROSITY[0] - 20.0, 20.0))
    outer("BL64", (f.FIFTH_MT_TUBEROSITY[0] + 12.0, 12.0))
    outer("BL65", (f.FIFTH_MTP[0] - 14.0, 11.0))
    outer("BL66", (f.FIFTH_MTP[0] + 14.0, 11.0))
    outer("BL67", (238.0, 16.0))
    outer("EX-LE9", (lx, ly))
