"""A client's story in the demo practice: what happened to their record, as plain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from acuchart.demo.visits import Visit
from acuchart.services.clients import ClientForm
from acuchart.services.courses import CourseForm


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
    """One client's record as it came about: intake, consent, course, visits, and what came after."""

    form: ClientForm
    intake_at: dt.datetime
    consent_on: dt.date | None
    course: CourseForm
    visits: tuple[Visit, ...] = ()
    rating_fixes: tuple[RatingFix, ...] = ()
    own_protocol: OwnProtocol | None = None
    maintenance_from: dt.date | None = None
