"""What the practice's own records show across clients: where reactions follow needling, and how ratings
change over a course. Plain values; :mod:`acuchart.services.reaction_map` computes them.

Rates are given with their counts, and a point needled too few times to say anything is shown as such,
never as 0%. Outcomes are worded as what was recorded, never as what a client may expect.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import NamedTuple

from acuchart.dates import short_date
from acuchart.i18n import N_, Labels, _, ngettext
from acuchart.models.practice import CAUTION_LABELS, CONCERN_LABELS, REACTION_KINDS_AT_POINT

MIN_NEEDLINGS = 30
"""Below this many needlings of a point, its rates are "too few to say": with 30 and no reaction, the
95% interval still reaches about 11%."""
MIN_COURSES = 5
"""Below this many courses, an outcome is "too few to say"."""

ANY_REACTION = "any"
"""The reaction kind that counts a needling followed by a reaction of any kind."""
MAP_KINDS = Labels((ANY_REACTION, N_("Any reaction"))) + REACTION_KINDS_AT_POINT
MAP_KIND_LABELS = MAP_KINDS.by_key()
NO_CAUTION = "none"
"""The caution filter for clients with no caution recorded."""
NO_PROTOCOL = "none"
"""The protocol filter for sessions that follow none of the protocols."""


class MapFilter(NamedTuple):
    """Which sessions the map counts: a period (inclusive), clients with a caution, a protocol."""

    start: dt.date | None = None
    end: dt.date | None = None
    caution: str | None = None
    protocol: str | None = None

    def describe(self, protocol_names: Mapping[str, str] | None = None) -> str:
        """The filter in words, for a page title: ``Clients on anticoagulants · 2026``."""
        parts = []
        if self.start or self.end:
            since = short_date(self.start) if self.start else _("the first session")
            until = short_date(self.end) if self.end else _("today")
            parts.append(_("{since} to {until}").format(since=since, until=until))
        if self.caution == NO_CAUTION:
            parts.append(_("clients with no caution recorded"))
        elif self.caution:
            parts.append(
                _("clients with: {lower}").format(
                    lower=CAUTION_LABELS.get(self.caution, self.caution).lower()
                )
            )
        if self.protocol == NO_PROTOCOL:
            parts.append(_("sessions following none of the protocols"))
        elif self.protocol:
            parts.append(
                _("sessions following {value}").format(
                    value=(protocol_names or {}).get(self.protocol, self.protocol)
                )
            )
        return " · ".join(parts) or _("all sessions")


def wilson(events: int, trials: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson interval of a proportion (as fractions)."""
    if trials == 0:
        return (0.0, 1.0)
    p = events / trials
    centre = p + z * z / (2 * trials)
    spread = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials))
    low = (centre - spread) / (1 + z * z / trials)
    high = (centre + spread) / (1 + z * z / trials)
    return (max(0.0, low), min(1.0, high))


def percent(fraction: float) -> str:
    """``9%``, ``0.4%`` under 1%, ``0%``."""
    value = fraction * 100
    if 0 < value < 0.1:
        return _("under 0.1%")
    if 0 < value < 1:
        return f"{value:.1f}%"
    return f"{value:.0f}%"


class PointRate(NamedTuple):
    """How often one kind of reaction followed needling at one point."""

    code: str
    kind: str
    reactions: int
    needlings: int

    @property
    def enough(self) -> bool:
        """True when the point was needled often enough for a rate to mean something."""
        return self.needlings >= MIN_NEEDLINGS

    @property
    def rate(self) -> float | None:
        """The share of needlings followed by the reaction; None when too few to say."""
        return self.reactions / self.needlings if self.enough else None

    @property
    def interval(self) -> tuple[float, float]:
        """The 95% interval of the rate."""
        return wilson(self.reactions, self.needlings)

    @property
    def kind_label(self) -> str:
        """The reaction in words, lower case."""
        return MAP_KIND_LABELS.get(self.kind, self.kind).lower()

    def text(self) -> str:
        """``ST2 bruising 9% (14 of 160)``, or ``ST2: needled 7 times, too few to say``."""
        if not self.enough:
            times = "once" if self.needlings == 1 else _("{needlings} times").format(needlings=self.needlings)
            return _("{code}: needled {times}, too few to say").format(code=self.code, times=times)
        return _("{code} {kind_label} {percent} ({reactions} of {needlings})").format(
            code=self.code,
            kind_label=self.kind_label,
            percent=percent(self.reactions / self.needlings),
            reactions=self.reactions,
            needlings=self.needlings,
        )

    def interval_text(self) -> str:
        """``95% interval 5–15%``."""
        low, high = self.interval
        return _("95% interval {value}–{percent}").format(
            value=percent(low) if low >= 0.001 else "0%", percent=percent(high)
        )


class PointCounts(NamedTuple):
    """One point's needlings and, per kind of reaction, the needlings followed by one."""

    code: str
    needlings: int
    reactions: Mapping[str, int]

    def rate(self, kind: str) -> PointRate:
        """The rate of one kind (or :data:`ANY_REACTION`)."""
        return PointRate(self.code, kind, self.reactions.get(kind, 0), self.needlings)


class ReactionMap(NamedTuple):
    """Every point's counts for the sessions a filter chose."""

    filter: MapFilter
    sessions: int
    points: Mapping[str, PointCounts]

    def rate(self, code: str, kind: str) -> PointRate:
        """One point's rate of one kind (a point never needled has 0 of 0: too few to say)."""
        found = self.points.get(code)
        return found.rate(kind) if found else PointRate(code, kind, 0, 0)

    def ranked(self, kind: str) -> list[PointRate]:
        """The points needled at all, highest rate first; those with too few needlings last, most needled first."""
        rates = [counts.rate(kind) for counts in self.points.values() if counts.needlings]
        enough = sorted((r for r in rates if r.enough), key=lambda r: (-(r.rate or 0), -r.needlings, r.code))
        few = sorted((r for r in rates if not r.enough), key=lambda r: (-r.needlings, r.code))
        return enough + few

    @property
    def needlings(self) -> int:
        """Needlings counted, all points together."""
        return sum(counts.needlings for counts in self.points.values())


class ConcernOutcome(NamedTuple):
    """How one concern's rating changed over courses following one protocol: first rating to last.

    ``changes`` are last minus first, per course; negative means the client rated the concern lower
    (less of a concern) at the end.
    """

    concern: str
    protocol: str
    protocol_name: str
    changes: tuple[int, ...]

    @property
    def courses(self) -> int:
        """How many courses had the concern rated at two sessions or more."""
        return len(self.changes)

    @property
    def enough(self) -> bool:
        """True when enough courses were rated for a summary to mean something."""
        return self.courses >= MIN_COURSES

    def quartiles(self) -> tuple[float, float, float]:
        """The lower quartile, the median and the upper quartile of the changes."""
        import statistics

        if len(self.changes) == 1:
            only = float(self.changes[0])
            return (only, only, only)
        low, middle, high = statistics.quantiles(self.changes, n=4, method="inclusive")
        return (low, middle, high)

    @property
    def concern_label(self) -> str:
        """The concern in words."""
        return CONCERN_LABELS.get(self.concern, self.concern)

    def text(self) -> str:
        """The outcome in words: what was recorded, never a promise."""
        if not self.enough:
            return ngettext(
                "{count} course rated: too few to say.",
                "{count} courses rated: too few to say.",
                self.courses,
            ).format(count=self.courses)
        low, middle, high = self.quartiles()
        return _(
            "Over {courses} courses the clients' own rating changed by a median of {signed_change} (middle half {signed_change2} to {signed_change3}; all {signed_change4} to {signed_change5})."
        ).format(
            courses=self.courses,
            signed_change=signed_change(middle),
            signed_change2=signed_change(low),
            signed_change3=signed_change(high),
            signed_change4=signed_change(min(self.changes)),
            signed_change5=signed_change(max(self.changes)),
        )


def signed_change(value: float) -> str:
    """A change in rating with its sign: ``−2``, ``+1.5``, ``0``."""
    text = f"{value:+.1f}".replace(".0", "")
    return "0" if text in ("+0", "-0") else text


OUTCOME_NOTE = N_(
    "Ratings run from 0 (no concern) to 10 (a great concern), so a negative change means the client rated "
    "the concern lower at the end of the course. These are this practice's records, not a trial: clients, "
    "courses and ratings differ, results vary, and nothing here says what any one client may expect."
)
