"""The demo practice's clinical record, client by client: one coherent story each.

A :class:`Story` is a client's record as it came about: intake and consent, a course planned from
their concerns, the visits of that course (:mod:`acuchart.demo.visits`), and what came after (a
corrected rating, a protocol saved, a course completed into maintenance). :func:`demo_stories`
writes the cast's stories and :func:`story_steps` turns one into timed steps for the replay.

The cast, so that a newcomer finds every part of the app in use:

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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from acuchart.catalogue import Catalogue
from acuchart.demo.visits import (
    BRUISE_PRONE,
    SIGN_AFTER,
    ChartIds,
    FreeMarker,
    PlannedReaction,
    Step,
    Visit,
    choose_points,
    forehead_line,
    visit_steps,
)
from acuchart.practice import Practice
from acuchart.protocols import ProtocolPreset, load_presets
from acuchart.services.clients import ClientForm
from acuchart.services.courses import CourseForm

PLANNED_SESSIONS = 10
MAINTENANCE_MONTHS = 3
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


@dataclass(frozen=True)
class RatingFix:
    """A rating of a signed session corrected by amendment ``at`` a later moment."""

    visit: int
    concern: str
    score: int
    reason: str
    at: dt.datetime


@dataclass(frozen=True)
class OwnProtocol:
    """A protocol the practitioner saves for herself ``at`` some moment."""

    name: str
    note: str
    points: tuple[tuple[str, str], ...]
    at: dt.datetime


@dataclass(frozen=True)
class Story:
    """One client's record as it came about (see the module docstring)."""

    form: ClientForm
    intake_at: dt.datetime
    consent_on: dt.date | None
    course: CourseForm
    visits: tuple[Visit, ...] = ()
    rating_fixes: tuple[RatingFix, ...] = ()
    own_protocol: OwnProtocol | None = None
    maintenance_from: dt.date | None = None


@dataclass(frozen=True)
class Schedule:
    """When a client comes: how many visits so far, how far apart, on which day and at what time.

    The latest visit is on the client's ``weekday`` (0 Monday … 5 Saturday) in the week before today,
    or ``weeks_ago`` weeks before that. With ``today`` it is today instead, that long before now, and
    the earlier visits fell on today's weekday at ``at``.
    """

    visits: int
    interval_days: int
    weekday: int
    at: dt.time
    weeks_ago: int = 0
    today: dt.timedelta | None = None


# One practitioner, one couch: no two clients share a weekday and an hour, and the two seen today
# usually come at hours nobody else has.
_SCHEDULES: dict[str, Schedule] = {
    "Amelia Hartley": Schedule(10, 7, 2, dt.time(10, 0)),
    "Sofía Domínguez": Schedule(6, 7, 3, dt.time(11, 30)),
    "Grace Okonkwo": Schedule(4, 14, 0, dt.time(14, 0)),
    "Hannah Whitfield": Schedule(4, 7, 4, dt.time(10, 0)),
    "Mei Lin": Schedule(4, 7, 0, dt.time(18, 0), today=dt.timedelta(minutes=10)),
    "Noa Ben-David": Schedule(4, 14, 1, dt.time(16, 0)),
    "Chloé Lefèvre": Schedule(2, 7, 2, dt.time(15, 30)),
    "Priya Raman": Schedule(5, 14, 0, dt.time(8, 0), today=dt.timedelta(minutes=75)),
    "Ingrid Solberg": Schedule(10, 14, 4, dt.time(9, 0), weeks_ago=12),
    "Fatima Haddad": Schedule(7, 7, 1, dt.time(12, 0)),
    "Olivia Brennan": Schedule(5, 7, 0, dt.time(17, 0)),
    "Zoë Nakamura": Schedule(3, 7, 2, dt.time(13, 0), weeks_ago=3),
    "Margaret Osei": Schedule(6, 14, 5, dt.time(11, 0)),
    "Elena Petrova": Schedule(0, 7, 3, dt.time(12, 30), weeks_ago=1),
}
_EXTRA_HOURS = (dt.time(19, 0), dt.time(20, 0))

_NOTES: dict[str, tuple[str, ...]] = {
    "": (
        "Client relaxed quickly; skin a little dry around the eyes.",
        "Client reports sleeping better since the last visit.",
        "Slight redness on the cheeks at the start, settled by the end.",
        "A busy week at work; she rested well with the needles in.",
    ),
    "wrinkles": ("Forehead lines look softer to the client; photos not taken.",),
    "dark_circles": ("Finest needles at the periorbital points; pressed on removal.",),
    "acne": ("Two new spots on the chin; needled around them, not into them.",),
    "sagging": ("Shallow on the neck, away from the carotid pulse.",),
}


def demo_stories(
    forms: Iterable[ClientForm], rng: random.Random, now: dt.datetime, catalogue: Catalogue
) -> list[Story]:
    """The stories of the demo's clients: the cast's own, and an ordinary course for anyone else."""
    presets = load_presets(catalogue)
    taken = {(s.weekday, s.at) for s in _SCHEDULES.values()}
    stories = []
    for form in forms:
        name = f"{form.first_name} {form.last_name}"
        schedule = _SCHEDULES.get(name) or _extra_schedule(rng, taken)
        story = _course_story(form, schedule, rng, now, catalogue, presets)
        twist = _TWISTS.get(name)
        stories.append(twist(story, rng) if twist else story)
    return stories


def story_steps(practice: Practice, story: Story) -> list[Step]:
    """The timed steps that write a story into the practice (ids fill in as the steps run)."""
    ids = ChartIds()
    steps: list[Step] = [(story.intake_at, partial(_intake, practice, ids, story))]
    for number, visit in enumerate(story.visits, start=1):
        steps += visit_steps(practice, ids, number, visit)
    for fix in story.rating_fixes:
        steps.append((fix.at, partial(_fix_rating, practice, ids, fix)))
    if story.own_protocol is not None:
        own = story.own_protocol
        steps.append((own.at, partial(practice.protocols.save, own.name, own.note, own.points)))
    if story.maintenance_from is not None and story.visits:
        closed = story.visits[-1].ended + SIGN_AFTER + dt.timedelta(minutes=2)
        steps.append((closed, partial(_complete, practice, ids, story.maintenance_from)))
    return steps


def _intake(practice: Practice, ids: ChartIds, story: Story) -> None:
    """The intake: the client's details and cautions, their consent, and the course planned with them."""
    ids.client_id = practice.clients.create(story.form).value.id
    if story.consent_on is not None:
        practice.consent.record_consent(ids.client_id, story.consent_on, "signed_form")
    ids.course_id = practice.courses.create_course(ids.client_id, story.course).value.id


def _fix_rating(practice: Practice, ids: ChartIds, fix: RatingFix) -> None:
    practice.signing.amend(ids.sessions[fix.visit], "ratings", None, fix.concern, fix.score, fix.reason)


def _complete(practice: Practice, ids: ChartIds, on: dt.date) -> None:
    assert ids.course_id is not None
    practice.courses.complete_course(ids.course_id, maintenance_months=MAINTENANCE_MONTHS, on=on)


# --- an ordinary course --------------------------------------------------------------------------


def _extra_schedule(rng: random.Random, taken: set[tuple[int, dt.time]]) -> Schedule:
    """A free weekly slot for a generated client (once the free slots run out, any slot)."""
    free = [(day, at) for day in range(6) for at in _EXTRA_HOURS if (day, at) not in taken]
    weekday, at = rng.choice(free) if free else (rng.randrange(6), rng.choice(_EXTRA_HOURS))
    taken.add((weekday, at))
    return Schedule(rng.randint(1, 8), 7, weekday, at)


def _visit_starts(schedule: Schedule, now: dt.datetime) -> list[dt.datetime]:
    """When each visit so far started, in order; for a client yet to come, when she was booked to start."""
    today = now.date()
    if schedule.today is not None:
        moment = now - schedule.today
        latest = moment.replace(minute=moment.minute - moment.minute % 5, second=0, microsecond=0)
    else:
        days_back = (today.weekday() - schedule.weekday - 1) % 7 + 1 + 7 * schedule.weeks_ago
        latest = dt.datetime.combine(today - dt.timedelta(days=days_back), schedule.at)
    earlier = [
        dt.datetime.combine(latest.date() - dt.timedelta(days=schedule.interval_days * k), schedule.at)
        for k in range(max(schedule.visits, 1) - 1, 0, -1)
    ]
    return [*earlier, latest]


def _course_story(
    form: ClientForm,
    schedule: Schedule,
    rng: random.Random,
    now: dt.datetime,
    catalogue: Catalogue,
    presets: tuple[ProtocolPreset, ...],
) -> Story:
    """A course planned at the first visit, with the visits so far: the preset for the first concern
    adapted each time, the client's ratings easing (results vary), now and then a reaction."""
    today = now.date()
    concerns = list(form.concerns) or ["radiance"]
    starts = _visit_starts(schedule, now)
    booked = starts[0].date()
    if not schedule.visits:
        starts = []
    preset = next((p for p in presets if p.concern == concerns[0]), presets[0])
    notes = _NOTES[""] + _NOTES.get(concerns[0], ())
    visits = []
    for number, (started, ratings) in enumerate(
        zip(starts, _ratings_over(concerns, len(starts), rng), strict=True), 1
    ):
        points = choose_points(catalogue, preset, form.caution_flags, rng)
        forehead = "wrinkles" in concerns and number > 1 and rng.random() < 0.5
        visits.append(
            Visit(
                started=started,
                duration_min=rng.choice((40, 45, 45, 50, 60)),
                points=points,
                ratings=ratings,
                markers=(forehead_line(rng),) if forehead else (),
                reactions=_now_and_then(rng, points, started.date(), today),
                notes=rng.choice(notes) if rng.random() < 0.4 else "",
            )
        )
    if starts:
        intake_at = starts[0] - dt.timedelta(minutes=20)
    else:  # booked by phone a few days before the first visit
        intake_at = dt.datetime.combine(booked - dt.timedelta(days=4), schedule.at)
    reviewed = intake_at.date() if form.caution_flags else None
    return Story(
        form=form._replace(cautions_reviewed_on=reviewed),
        intake_at=intake_at,
        consent_on=intake_at.date() if starts else None,
        course=CourseForm(
            concerns=concerns,
            planned_sessions=PLANNED_SESSIONS,
            interval_days=schedule.interval_days,
            start_date=booked,
        ),
        visits=tuple(visits),
    )


def _ratings_over(concerns: list[str], count: int, rng: random.Random) -> list[dict[str, int]]:
    """The client's rating of each concern at each visit (10 = a great concern): mostly easing, not always."""
    scores = {concern: rng.randint(6, 9) for concern in concerns}
    series = []
    for _ in range(count):
        series.append(dict(scores))
        scores = {c: min(10, max(1, s - rng.choice((-1, 0, 0, 1, 1, 1, 2)))) for c, s in scores.items()}
    return series


def _now_and_then(
    rng: random.Random, points: tuple[tuple[str, str], ...], day: dt.date, today: dt.date
) -> tuple[PlannedReaction, ...]:
    """Now and then a reaction where they happen most, faded a few days later (open if not yet)."""
    if not points or day >= today or rng.random() > 0.22:
        return ()
    kind = rng.choice(("bruising", "redness", "redness", "soreness"))
    prone = [p for p in points if p[0] in BRUISE_PRONE] if kind == "bruising" else []
    faded = day + dt.timedelta(days=rng.randint(3, 7) if kind == "bruising" else rng.randint(0, 2))
    return (
        PlannedReaction(
            kind,
            rng.choices(("mild", "moderate"), weights=(4, 1))[0],
            rng.choice(("during", "after")),
            rng.choice(prone or list(points)),
            "Pressed on removal." if kind == "bruising" else "",
            resolved_on=faded if faded <= today else None,
        ),
    )


# --- the cast's own twists on an ordinary course ------------------------------------------------


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


_TWISTS: dict[str, Callable[[Story, random.Random], Story]] = {
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
