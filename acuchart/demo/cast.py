"""The demo's cast: each client's own twist on an ordinary course, so that a newcomer finds every part
of the app in use.

- Amelia Hartley (fish oil) walks through a whole course of ten weekly sessions: a mild bruise at
  her left ST2 in the third, resolved five days later; "My forehead routine" saved after it and
  used from then on, with intradermal needles along a forehead line; a rating she misread in the
  fifth, amended with its reason at the sixth; the course completed into maintenance.
- Sofía Domínguez (aspirin) has a mild bruise at her left ST2 from her latest session, still open.
- Hannah Whitfield (pregnant) is never needled at LI4, SP6 or any other caution point in pregnancy.
- Mei Lin is on the couch now: today's session is marked (repeat last), its needles not yet counted.
- Priya Raman's session this morning is counted but not signed, with a redness still open.
- Noa Ben-David phoned about a headache after a signed session: a late entry, by amendment.
- Ingrid Solberg finished her course three months ago: her maintenance visit is due.
- Fatima Haddad's fourth session was one needle short at removal, explained in a note.
- Olivia Brennan felt faint in her first session; Zoë Nakamura has needles around a chin scar
  and has not been back for three weeks (an overdue course).
- Margaret Osei (warfarin) has an open bruise, and a session charted two days late from paper notes.
- Elena Petrova booked a course that should have started last week, never came, and has no consent
  on file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from acuchart.demo.story import OwnProtocol, RatingFix, Story
from acuchart.demo.visits import SIGN_AFTER, FreeMarker, PlannedReaction, Visit, forehead_line

FOREHEAD_ROUTINE = (
    ("GB14", "right"),
    ("GB14", "left"),
    ("EX-HN3", "midline"),
    ("EX-HN4", "right"),
    ("EX-HN4", "left"),
    ("TE23", "right"),
    ("TE23", "left"),
    ("BL2", "right"),
    ("BL2", "left"),
)
MISREAD_SCALE = "Client said at the next visit she had misread the scale (10 = a great concern)."


def _visit(story: Story, number: int, **changes: Any) -> Story:
    """The story with visit ``number`` (from 1) changed."""
    visits = list(story.visits)
    visits[number - 1] = dataclasses.replace(visits[number - 1], **changes)
    return dataclasses.replace(story, visits=tuple(visits))


def _with_point(visit: Visit, point: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    return visit.points if point in visit.points else (*visit.points, point)


def _amelia(story: Story, rng: random.Random) -> Story:
    wrinkles = (8, 8, 7, 7, 7, 6, 5, 5, 4, 4)
    radiance = (7, 7, 6, 6, 5, 5, 4, 4, 3, 3)
    routine_codes = {code for code, _ in FOREHEAD_ROUTINE}
    visits = []
    for number, visit in enumerate(story.visits, start=1):
        rest = tuple(p for p in visit.points if p[0] not in routine_codes)
        visits.append(
            dataclasses.replace(
                visit,
                duration_min=50,
                points=FOREHEAD_ROUTINE + rest if number > 3 else _with_point(visit, ("ST2", "left")),
                ratings={"wrinkles": wrinkles[number - 1], "radiance": radiance[number - 1]},
                markers=(forehead_line(rng),) if number > 1 else (),
                reactions=(),
                notes="",
            )
        )
    story = dataclasses.replace(story, visits=tuple(visits))
    third, sixth, last = (story.visits[i] for i in (2, 5, 9))
    story = _visit(
        story,
        1,
        notes="First session. Explained what to expect and that results vary. Fish oil noted: finest needles "
        "at the points around the eyes, pressed on removal.",
    )
    story = _visit(
        story,
        3,
        reactions=(
            PlannedReaction(
                "bruising",
                at=("ST2", "left"),
                note="Pressed for 60 s; a small blue mark. On fish oil: told her it may take a week to fade.",
                resolved_on=third.started.date() + dt.timedelta(days=5),
            ),
        ),
    )
    story = _visit(story, 5, ratings={"wrinkles": 10 - wrinkles[4], "radiance": radiance[4]})
    story = _visit(
        story,
        10,
        notes="Last session of the course. Client happy with her forehead; maintenance every three months agreed.",
    )
    return dataclasses.replace(
        story,
        rating_fixes=(
            RatingFix(5, "wrinkles", wrinkles[4], MISREAD_SCALE, sixth.started + dt.timedelta(minutes=2)),
        ),
        own_protocol=OwnProtocol(
            "My forehead routine",
            "Shallow along the forehead and brow lines; add intradermals along the deepest forehead line.",
            FOREHEAD_ROUTINE,
            third.ended + SIGN_AFTER + dt.timedelta(minutes=4),
        ),
        maintenance_from=last.started.date(),
    )


def _sofia(story: Story, rng: random.Random) -> Story:
    latest = story.visits[-1]
    bruise = PlannedReaction(
        "bruising",
        at=("ST2", "left"),
        note="Pressed for 60 s; small blue mark. On aspirin: it may take a week or more to fade.",
    )
    return _visit(story, len(story.visits), points=_with_point(latest, ("ST2", "left")), reactions=(bruise,))


def _hannah(story: Story, rng: random.Random) -> Story:
    return _visit(
        story,
        1,
        notes="Pregnant: LI4, SP6 and the other caution points in pregnancy left out. Treated semi-reclined.",
    )


def _mei(story: Story, rng: random.Random) -> Story:
    return _visit(story, len(story.visits), repeat_last=True, reactions=(), notes="", finish="chart")


def _priya(story: Story, rng: random.Random) -> Story:
    latest = story.visits[-1]
    at = ("BL2", "left") if ("BL2", "left") in latest.points else latest.points[0]
    redness = PlannedReaction("redness", at=at, note="A small red patch; settling before she left.")
    return _visit(story, len(story.visits), duration_min=50, reactions=(redness,), notes="", finish="count")


def _noa(story: Story, rng: random.Random) -> Story:
    day = story.visits[2].started.date() + dt.timedelta(days=1)
    headache = PlannedReaction(
        "headache",
        onset="later",
        note="Phoned the next morning: a mild headache that evening, no aura, gone by the morning.",
        resolved_on=day,
        reported_at=dt.datetime.combine(day, dt.time(9, 10)),
    )
    story = _visit(
        story, 1, notes="Migraine with aura: gentle stimulation only; she will say if an aura starts."
    )
    return _visit(story, 3, reactions=(headache,))


def _chloe(story: Story, rng: random.Random) -> Story:
    visits = tuple(
        dataclasses.replace(
            v,
            points=tuple(p for p in v.points if p[0] != "EX-HN3"),
            reactions=tuple(r for r in v.reactions if r.at is None or r.at[0] != "EX-HN3"),
        )
        for v in story.visits
    )
    story = dataclasses.replace(story, visits=visits)
    return _visit(story, 1, notes="EX-HN3 left out: botulinum toxin to the glabella three weeks ago.")


def _ingrid(story: Story, rng: random.Random) -> Story:
    story = _visit(story, len(story.visits), notes="Course finished. Maintenance every three months agreed.")
    return dataclasses.replace(story, maintenance_from=story.visits[-1].started.date())


def _fatima(story: Story, rng: random.Random) -> Story:
    return _visit(
        story,
        4,
        needles_missing=1,
        count_note="One needle short at removal; found on the couch cover after the client left and put in "
        "the sharps bin.",
    )


def _olivia(story: Story, rng: random.Random) -> Story:
    faint = PlannedReaction(
        "dizziness",
        note="Light-headed as the body needles went in; lay flat with legs raised, water, settled in five minutes.",
        resolved_on=story.visits[0].started.date(),
    )
    return _visit(
        story,
        1,
        reactions=(faint,),
        notes="History of fainting: treated lying down, body points last and slowly.",
    )


def _zoe(story: Story, rng: random.Random) -> Story:
    scar = FreeMarker(0.545, 0.655, "Around the scar, left chin", 6)
    visits = tuple(dataclasses.replace(v, markers=(*v.markers, scar)) for v in story.visits)
    story = dataclasses.replace(story, visits=visits)
    return _visit(story, 1, notes="Nickel-free needles, as agreed at intake (metal allergy).")


def _margaret(story: Story, rng: random.Random) -> Story:
    second = story.visits[1]
    story = _visit(
        story,
        2,
        charted_at=dt.datetime.combine(second.started.date() + dt.timedelta(days=2), dt.time(19, 40)),
        notes="Charted two days late from my paper notes (the laptop was away for repair).",
    )
    latest = story.visits[-1]
    bruise = PlannedReaction(
        "bruising",
        "moderate",
        at=("ST5", "right"),
        note="Warfarin: pressed for two minutes; a fingernail-sized bruise.",
    )
    return _visit(story, len(story.visits), points=_with_point(latest, ("ST5", "right")), reactions=(bruise,))


TWISTS: dict[str, Callable[[Story, random.Random], Story]] = {
    # the client's full name: their twist
    "Amelia Hartley": _amelia,
    "Sofía Domínguez": _sofia,
    "Hannah Whitfield": _hannah,
    "Mei Lin": _mei,
    "Priya Raman": _priya,
    "Noa Ben-David": _noa,
    "Chloé Lefèvre": _chloe,
    "Ingrid Solberg": _ingrid,
    "Fatima Haddad": _fatima,
    "Olivia Brennan": _olivia,
    "Zoë Nakamura": _zoe,
    "Margaret Osei": _margaret,
}
