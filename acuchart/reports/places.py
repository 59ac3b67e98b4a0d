"""Places on the client in the client's words: "left cheek", "under the right eye", "centre of the
chin", always the client's own side."""

from __future__ import annotations

import re
from typing import Literal

from acuchart.i18n import ENGLISH, Language

Side = Literal["left", "right", "midline"]

# Areas that come in pairs read "left cheek"; others read "left side of the neck".
PAIRED_AREAS: frozenset[str] = frozenset(
    (
        "cheek",
        "eyebrow",
        "eye",
        "temple",
        "ear",
        "jaw",
        "jawline",
        "shoulder",
        "arm",
        "upper arm",
        "forearm",
        "elbow",
        "wrist",
        "hand",
        "thumb",
        "finger",
        "hip",
        "buttock",
        "thigh",
        "knee",
        "leg",
        "lower leg",
        "calf",
        "shin",
        "ankle",
        "foot",
        "toe",
        "palm",
        "sole",
        "heel",
        "armpit",
        "shoulder blade",
        "nostril",
        "index finger",
        "middle finger",
        "ring finger",
        "little finger",
        "big toe",
        "second toe",
        "fourth toe",
        "little toe",
    )
)
_PREPOSITION = re.compile(r"^(under|around|above|below|beside|behind|between|in front of|near) the (.+)$")


def where_on_client(side: Side, area: str, tr: Language = ENGLISH) -> str:
    """The place in the client's words, always the client's own side.

    "left cheek", "under the right eye", "left side of the neck", "centre of the chin",
    "between the eyebrows" (a midline point), or just "left" when no area is known. In another language
    the whole phrase is translated (its words agree there), from :mod:`acuchart.reports.place_words`.
    """
    return tr.gettext(_where_on_client(side, area))


def _where_on_client(side: Side, area: str) -> str:
    area = " ".join(area.split()).lower()
    prepositional = _PREPOSITION.match(area)
    if side == "midline":
        if not area:
            return "midline"
        return area if prepositional else f"centre of the {area}"
    if not area:
        return side
    if prepositional:
        return f"{prepositional[1]} the {side} {prepositional[2]}"
    if area in PAIRED_AREAS:
        return f"{side} {area}"
    return f"{side} side of the {area}"


def where_across_midline(area: str, tr: Language = ENGLISH) -> str:
    """A line of needles laid across the midline: "across the midline of the forehead"."""
    return tr.gettext(_where_across_midline(area))


def _where_across_midline(area: str) -> str:
    area = " ".join(area.split()).lower()
    if not area:
        return "across the midline"
    return f"across the midline, {area}" if _PREPOSITION.match(area) else f"across the midline of the {area}"


def where_on_both_sides(area: str, tr: Language = ENGLISH) -> str:
    """A bilateral place, both sides treated: "left and right cheek", "under the left and right eye"."""
    return tr.gettext(_where_on_both_sides(area))


def _where_on_both_sides(area: str) -> str:
    return (
        _where_on_client("left", area).replace("left", "left and right", 1) if area.strip() else "both sides"
    )


def every_phrase(areas: list[str]) -> list[str]:
    """Every phrase these functions can say about ``areas``: what the catalogues must translate."""
    phrases = ["midline", "left", "right", "across the midline", "both sides"]
    for area in areas:
        phrases += [_where_on_client(side, area) for side in ("left", "right", "midline")]
        phrases += [_where_across_midline(area), _where_on_both_sides(area)]
    return list(dict.fromkeys(phrases))
