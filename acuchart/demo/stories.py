"""The demo practice's clinical record, client by client: one coherent story each.

A :class:`Story` is a client's record as it came about: intake and consent, a course planned from
their concerns, the visits of that course (:mod:`acuchart.demo.visits`), and what came after (a
corrected rating, a protocol saved, a course completed into maintenance). :func:`demo_stories`
writes the cast's stories and :func:`story_steps` turns one into timed steps for the replay.
The cast's own twists on an ordinary course are :mod:`acuchart.demo.cast`'s.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from acuchart.catalogue import Catalogue
from acuchart.demo.cast import TWISTS
from acuchart.demo.note import visit_note
from acuchart.demo.story import RatingFix, Story
from acuchart.demo.visits import (
    BRUISE_PRONE,
    SIGN_AFTER,
    ChartIds,
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
        twist = TWISTS.get(name)
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
                note=visit_note(concerns, number, len(starts), random.Random(f"{form.last_name}-{number}")),
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
