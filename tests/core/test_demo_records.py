"""The demo's stories replayed: each step runs at its own moment, so a story charts as the chair would."""

from __future__ import annotations

import datetime as dt

from acuchart import clock
from acuchart.demo import replay
from acuchart.demo.stories import story_steps
from acuchart.demo.story import Story
from acuchart.demo.visits import SIGN_AFTER, PlannedReaction, Visit
from acuchart.practice import Practice
from acuchart.services.clients import ClientForm
from acuchart.services.courses import CourseForm

NOW = dt.datetime(2026, 11, 18, 14, 7)
FIRST = dt.datetime(2026, 11, 2, 10, 0)


def test_replay_runs_steps_in_time_order_with_the_clock_at_each_moment() -> None:
    seen: list[tuple[str, dt.datetime]] = []

    def at(name: str) -> tuple[str, dt.datetime]:
        return name, clock.now()

    replay(
        [
            (FIRST + dt.timedelta(days=1), lambda: seen.append(at("second"))),
            (FIRST, lambda: seen.append(at("first"))),
            (NOW + dt.timedelta(minutes=30), lambda: seen.append(at("still going on"))),
            (FIRST, lambda: seen.append(at("first, then this"))),
        ],
        NOW,
    )
    assert seen == [
        ("first", FIRST),
        ("first, then this", FIRST),
        ("second", FIRST + dt.timedelta(days=1)),
        ("still going on", NOW),
    ]
    assert clock.now() != FIRST  # the real clock is back


def test_a_story_is_charted_as_it_happened_signed_after_each_session_and_followed_up(
    practice: Practice,
) -> None:
    practice.settings.update(practitioner_name="Dr. Jane Doe, L.Ac.")
    bruise = PlannedReaction("bruising", at=("ST2", "left"), resolved_on=FIRST.date() + dt.timedelta(days=4))
    second = FIRST + dt.timedelta(days=7)
    story = Story(
        form=ClientForm(first_name="Amelia", last_name="Hartley", concerns=["wrinkles"]),
        intake_at=FIRST - dt.timedelta(minutes=20),
        consent_on=FIRST.date(),
        course=CourseForm(concerns=["wrinkles"], start_date=FIRST.date()),
        visits=(
            Visit(FIRST, 45, (("ST2", "left"), ("GB14", "right")), {"wrinkles": 8}, reactions=(bruise,)),
            Visit(
                second, 45, (("GB14", "right"),), {"wrinkles": 7}, charted_at=second + dt.timedelta(days=2)
            ),
            Visit(NOW - dt.timedelta(minutes=10), repeat_last=True, ratings={"wrinkles": 6}, finish="chart"),
        ),
    )
    replay(story_steps(practice, story), NOW)

    (client,) = practice.clients.search("")
    assert practice.consent.consents_for(client.id)[0].given_on == FIRST.date()
    first, late, today = reversed(practice.followups.client_history(client.id))
    assert [s.number for s in (first, late, today)] == [1, 2, 3]
    assert first.signed_at == FIRST + dt.timedelta(minutes=45) + SIGN_AFTER and not first.late_entry
    assert late.signed and late.late_entry  # charted two days after the session
    assert not today.signed and practice.sessions.needle_balance(today.id).removed is None
    assert [m.code for m in practice.sessions.load(today.id).marks] == ["GB14"]  # repeat last
    (reaction,) = practice.followups.reactions_for_client(client.id)
    assert (reaction.where, reaction.resolved_on) == ("left ST2", bruise.resolved_on)
    assert practice.ratings.ratings_for(late.id) == {"wrinkles": 7}
    assert practice.verify_audit().ok
