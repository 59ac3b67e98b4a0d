"""The head and neck seen from the client's right (``head_right``; ``head_left`` is its mirror image).

The profile shares the face diagram's heights, so that a point has the same y in both: vertex 36,
front hairline 99, eyebrows 254, eyes 300, tragus 310 to 342, base of the nose 407, mouth 460, chin
566, suprasternal notch 742. The face looks to the viewer's right. Depth (x) is at the same scale as
the face's width (about 23 units per centimetre): glabella 514 to the back of the skull 80.

Landmarks used by the point geometry are named here; the drawing is in ``diagram_profile``.
"""

from __future__ import annotations

from measure import Polyline
from svgdraw import Node, corner, curve_points, node

WIDTH = 600.0
HEIGHT = 800.0

# --- landmarks (x is depth, toward the face; y as on the face diagram) ---------------------------
VERTEX = (300.0, 36.0)
HAIRLINE_FRONT_Y = 99.0
GLABELLA = (514.0, 256.0)
NASION = (504.0, 284.0)
NOSE_TIP = (556.0, 388.0)
SUBNASALE = (524.0, 407.0)
STOMION = (517.0, 461.0)
MENTOLABIAL = (510.0, 497.0)
MENTON = (494.0, 571.0)
LARYNX = (441.0, 630.0)
"""The laryngeal prominence (upper border of the thyroid cartilage), front of the throat."""
CRICOID_Y = 664.0
NOTCH = (431.0, 742.0)
"""The suprasternal notch as seen from the side."""
INION = (100.0, 345.0)
"""The external occipital protuberance."""
HAIRLINE_BACK = (150.0, 444.0)
C7 = (142.0, 652.0)
"""The spinous process of the seventh cervical vertebra."""

OUTER_CANTHUS = (458.0, 300.0)
CORNEA = (492.0, 300.0)
"""The front of the eye, where a line straight down from the pupil starts."""
BROW_OUTER = (452.0, 254.0)
TRAGUS_FRONT = (302.0, 330.0)
SUPRATRAGIC_NOTCH = (294.0, 306.0)
INTERTRAGIC_NOTCH = (292.0, 350.0)
EAR_APEX = (258.0, 252.0)
EAR_ROOT_TOP = (286.0, 262.0)
"""Where the top of the auricle joins the head, in front."""
EAR_ROOT_BACK = (240.0, 262.0)
"""The back of the auricle's root at its top, hidden behind the auricle."""
LOBE_BACK = (246.0, 402.0)
MASTOID_TIP = (228.0, 410.0)
CONDYLE = (316.0, 326.0)
"""The condylar process of the mandible, in front of the tragus."""
ZYGOMA_ARCH_Y = (299.0, 311.0)
"""The upper and lower borders of the zygomatic arch in front of the ear."""
JAW_ANGLE = (318.0, 492.0)
SIDEBURN_BACK_X = 302.0
"""The posterior border of the temple hairline (the back of the sideburn), in front of the ear."""

# --- the silhouette: from the vertex over the face, down the throat, along the bottom, up the back --
SILHOUETTE: list[Node] = [
    node(*VERTEX),
    node(362, 41),
    node(414, 58),
    node(452, 84),
    node(478, 118),
    node(497, 165),
    node(508, 212),
    node(513, 240),
    node(*GLABELLA),
    node(508, 272),
    node(*NASION),
    node(511, 304),
    node(527, 339),
    node(545, 370),
    node(*NOSE_TIP),
    node(552, 399),
    node(538, 405),
    corner(*SUBNASALE),
    node(522, 420),
    node(527, 437),
    node(530, 447),
    node(523, 457),
    corner(*STOMION),
    node(526, 468),
    node(525, 481),
    node(*MENTOLABIAL),
    node(513, 520),
    node(520, 543),
    node(513, 562),
    node(*MENTON),
    node(463, 581),
    node(440, 591),
    node(433, 606),
    node(*LARYNX),
    node(437, 660),
    node(433, 700),
    node(*NOTCH),
    node(446, 772),
    corner(462, 800),
    corner(58, 800),
    node(90, 768),
    node(118, 728),
    node(136, 690),
    node(*C7),
    node(149, 608),
    node(159, 558),
    node(164, 505),
    node(160, 470),
    node(*HAIRLINE_BACK),
    node(134, 412),
    node(115, 377),
    node(*INION),
    node(86, 300),
    node(80, 250),
    node(86, 196),
    node(104, 140),
    node(138, 94),
    node(184, 60),
    node(240, 42),
]

# The auricle, closed: from its upper root round the helix, the lobe, and up the tragus.
EAR: list[Node] = [
    node(*EAR_ROOT_TOP),
    node(276, 255),
    node(*EAR_APEX),
    node(242, 256),
    node(227, 268),
    node(217, 289),
    node(213, 313),
    node(215, 339),
    node(221, 363),
    node(232, 385),
    node(*LOBE_BACK),
    node(257, 411),
    node(269, 413),
    node(280, 407),
    node(285, 396),
    node(287, 382),
    corner(*INTERTRAGIC_NOTCH),
    node(299, 344),
    node(*TRAGUS_FRONT),
    node(300, 314),
    corner(*SUPRATRAGIC_NOTCH),
    node(291, 287),
]

# The hair: the front hairline, the temple and the sideburn, round the top of the ear, behind it
# down to the nape, and back over the skull.
HAIR: list[Node] = [
    node(*VERTEX),
    node(362, 41),
    node(414, 58),
    node(452, 84),
    node(466, 99),
    node(452, 104),
    node(440, 116),
    node(424, 150),
    node(404, 192),
    node(376, 228),
    node(344, 262),
    node(326, 300),
    node(320, 322),
    corner(310, 324),
    node(304, 296),
    node(*EAR_ROOT_TOP),
    node(276, 255),
    node(*EAR_APEX),
    node(242, 256),
    node(227, 268),
    node(217, 289),
    node(209, 330),
    node(204, 380),
    node(196, 420),
    node(178, 446),
    node(*HAIRLINE_BACK),
    node(134, 412),
    node(115, 377),
    node(*INION),
    node(86, 300),
    node(80, 250),
    node(86, 196),
    node(104, 140),
    node(138, 94),
    node(184, 60),
    node(240, 42),
]

# Soft lines under the skin: the mandible, the zygomatic arch, the muscles of the neck, the clavicle.
JAW_LINE: list[Node] = [
    node(*CONDYLE),
    node(315, 380),
    node(315, 450),
    node(*JAW_ANGLE),
    node(340, 512),
    node(400, 536),
    node(460, 556),
    node(496, 566),
]
ZYGOMATIC_ARCH: list[Node] = [node(308, 305), node(360, 306), node(410, 312), node(452, 330)]
SCM_FRONT: list[Node] = [node(262, 414), node(288, 482), node(318, 556), node(372, 656), node(428, 744)]
"""The anterior border of the sternocleidomastoid, from the mastoid to the sternum."""
SCM_BACK: list[Node] = [node(232, 424), node(250, 490), node(280, 580), node(330, 690), node(374, 766)]
"""The posterior border of the sternocleidomastoid, down to the clavicle."""
TRAPEZIUS_FRONT: list[Node] = [node(196, 440), node(210, 540), node(234, 640), node(262, 732), node(284, 786)]
"""The anterior border of the trapezius, from the occiput down to the shoulder."""
CLAVICLE: list[Node] = [node(430, 752), node(380, 768), node(330, 776), node(292, 782)]


STEPS = 24


def outline(nodes: list[Node], closed: bool) -> Polyline:
    """The drawn curve through ``nodes`` as a polyline to measure along."""
    return Polyline(curve_points(nodes, closed, steps=STEPS))


def _silhouette_samples() -> list[tuple[float, float]]:
    return curve_points(SILHOUETTE, closed=True, steps=STEPS)


def _index(landmark: tuple[float, float]) -> int:
    return next(i for i, n in enumerate(SILHOUETTE) if (n.x, n.y) == landmark) * STEPS


def front_contour() -> Polyline:
    """The silhouette from the vertex over the forehead and face to the suprasternal notch."""
    return Polyline(_silhouette_samples()[: _index(NOTCH) + 1])


def back_contour() -> Polyline:
    """The silhouette from the vertex down the back of the head and neck to C7."""
    samples = _silhouette_samples()
    return Polyline([samples[0], *reversed(samples[_index(C7) : -1])])
