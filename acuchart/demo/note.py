"""The demo's clinical notes: each visit's SOAP parts, TCM findings, adjunct techniques and skin grades.

Findings follow a pattern that suits the client's first concern and settle a little over the course
(results vary: some grades stay where they were). Everything is fictional, written for the demo.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from acuchart.models.tcm import Pulse, PulsePosition, Tongue

# A plausible picture per first concern: (pattern, treatment principle, tongue, pulse qualities at the
# middle positions, the eight principles).
_PICTURES: dict[str, tuple[str, str, Tongue, tuple[str, ...], tuple[str, ...]]] = {
    "wrinkles": (
        "Liver and Kidney yin deficiency",
        "Nourish yin and clear heat",
        Tongue("red", "", "thin", ("cracked",), "dry"),
        ("thready", "rapid"),
        ("interior", "heat", "deficiency", "yin"),
    ),
    "sagging": (
        "Spleen qi deficiency",
        "Strengthen the Spleen and resolve damp",
        Tongue("pale", "white", "thin", ("swollen", "tooth-marked"), "wet"),
        ("weak", "soggy"),
        ("interior", "cold", "deficiency"),
    ),
    "acne": (
        "Damp-heat",
        "Clear heat and resolve damp",
        Tongue("red", "yellow", "greasy", ("red tip",), "normal"),
        ("slippery", "rapid"),
        ("interior", "heat", "excess"),
    ),
    "dark_circles": (
        "Kidney yin deficiency",
        "Nourish yin and clear heat",
        Tongue("red", "", "peeled", (), "dry"),
        ("thready",),
        ("interior", "deficiency", "yin"),
    ),
    "muscle_tension": (
        "Liver qi stagnation",
        "Soothe the Liver and move qi",
        Tongue("pale red", "white", "thin", ("red sides",), "normal"),
        ("wiry",),
        ("interior", "excess"),
    ),
}
_DEFAULT_PICTURE = (
    "Qi and blood deficiency",
    "Tonify qi and blood",
    Tongue("pale", "white", "thin", ("thin",), "normal"),
    ("weak", "thready"),
    ("interior", "deficiency"),
)
_SUBJECTIVE = (
    "Sleeping better since last time; two late nights this week.",
    "Feels her skin is a little less dry; stress at work as before.",
    "No problems after the last session. Drinking more water.",
    "Tired this week; a cold last weekend, gone now.",
    "Says friends asked if she had been on holiday.",
)
_PLANS = (
    "Same points next time; gua sha at home twice a week.",
    "Continue weekly; review the ratings at session five.",
    "Keep the protocol; add cupping if the jawline feels tight.",
)


@dataclass(frozen=True)
class VisitNote:
    """What the practitioner wrote at one visit beyond the needles."""

    subjective: str = ""
    assessment: str = ""
    plan: str = ""
    findings: dict[str, Any] = field(default_factory=dict)
    adjuncts: tuple[tuple[str, str, int | None, str], ...] = ()
    """(kind, area, minutes, details) of each technique."""
    skin: dict[str, Any] | None = None
    """Skin measures taken at the visit (``fitzpatrick``, ``glogau``, ``wrinkles``), if any."""
    cupping_mark: bool = False
    """A mild redness from the cupping (not a needling reaction)."""


def visit_note(concerns: list[str], number: int, visits: int, rng: random.Random) -> VisitNote:
    """The note of visit ``number`` of ``visits`` for a client with these concerns."""
    first = concerns[0] if concerns else ""
    pattern, principle, tongue, qualities, principles = _PICTURES.get(first, _DEFAULT_PICTURE)
    easing = number > max(3, visits // 2)  # later in the course the picture eases a little
    if easing and tongue.moisture == "dry":
        tongue = tongue._replace(moisture="normal")
    positions = {
        ("left", "guan"): PulsePosition("middle", "normal", qualities),
        ("right", "guan"): PulsePosition(
            "deep" if "deficiency" in principles else "middle", "weak", qualities[:1]
        ),
        ("left", "chi"): PulsePosition("deep", "weak" if "deficiency" in principles else "normal", ()),
    }
    findings = {
        "tongue": tongue,
        "pulse": Pulse("normal" if easing else "slow" if "cold" in principles else "normal", None, positions),
        "principles": list(principles),
        "patterns": [pattern],
        "treatment_principle": principle,
    }
    adjuncts: list[tuple[str, str, int | None, str]] = []
    if number > 1 and rng.random() < 0.45:
        adjuncts.append(("gua_sha", "jawline and cheeks", 5, ""))
    if first in ("sagging", "wrinkles") and number % 3 == 0:
        adjuncts.append(("cupping", "cheeks", 5, "small silicone cups, moved"))
    if first in ("wellbeing", "muscle_tension") and number % 2 == 0:
        adjuncts.append(("ear_seeds", "left ear", None, "Shen Men, Point Zero"))
    if first == "acne" and number > 1:
        adjuncts.append(("led", "chin and cheeks", 10, "blue light"))
    skin = None
    if first in ("wrinkles", "sagging") and number in (1, 5, 10):
        ease = (number - 1) // 4
        skin = {
            "fitzpatrick": 2 if number == 1 else None,
            "glogau": 3,
            "wrinkles": {
                "forehead": max(1, 3 - ease * rng.choice((0, 1))),
                "crows_feet": max(1, 3 - ease),
                "nasolabial": 2,
            },
        }
    return VisitNote(
        subjective=_SUBJECTIVE[(number + rng.randint(0, 4)) % len(_SUBJECTIVE)],
        assessment=f"{pattern}; {'settling' if easing else 'as before'}.",
        plan=_PLANS[number % len(_PLANS)],
        findings=findings,
        adjuncts=tuple(adjuncts),
        skin=skin,
        cupping_mark=any(kind == "cupping" for kind, *_ in adjuncts) and number == 3,
    )
