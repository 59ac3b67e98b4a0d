"""The checks a session's records must pass, and the caution warnings a mark carries.

Every function here is pure: it takes what was typed and returns what to store, or adds a message
for the field to ``problems``; the service raises one :class:`ValidationError` with all of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import NamedTuple, cast

from acuchart.catalogue import VIEWS, Catalogue, CataloguePoint, Side
from acuchart.i18n import N_, _
from acuchart.models import ONSETS, REACTION_KINDS_AT_POINT, REACTION_KINDS_SESSION, SEVERITIES
from acuchart.text import LONG_TEXT, SHORT_TEXT, check_length, clean

MAX_NEEDLES = 200
MAX_DURATION_MIN = 600
SIGNED_MESSAGE = N_("This session is signed. Record the change as an amendment instead.")
SIDE_WORDS = ("left", "right", "midline")


class NeedleBalance(NamedTuple):
    """Needles counted in (from the marks) and out (confirmed), and what is unaccounted for.

    ``removed`` and ``difference`` are None until the count removed is confirmed.
    """

    inserted: int
    removed: int | None
    difference: int | None


def text(problems: dict[str, str], field: str, value: str | None, label: str, limit: int = LONG_TEXT) -> str:
    """Cleaned text, with a message when it is too long."""
    cleaned = clean(value)
    check_length(problems, field, cleaned, limit, label)
    return cleaned


def needles(problems: dict[str, str], value: object, field: str = "needles") -> int:
    """A needle count from 0 to :data:`MAX_NEEDLES`."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_NEEDLES:
        problems[field] = _(
            "A needle count is a whole number from 0 to {MAX_NEEDLES}; {value!r} is not."
        ).format(MAX_NEEDLES=MAX_NEEDLES, value=value)
        return 0
    return value


def duration(problems: dict[str, str], value: object) -> int:
    """A session's length in minutes."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_DURATION_MIN:
        problems["duration_min"] = _(
            "The duration is a number of minutes from 1 to {MAX_DURATION_MIN}."
        ).format(MAX_DURATION_MIN=MAX_DURATION_MIN)
        return 45
    return value


def started_at(problems: dict[str, str], value: dt.datetime | str | None, now: dt.datetime) -> str:
    """When the session started, as stored ISO text (now when not given)."""
    if value is None:
        return now.isoformat(timespec="seconds")
    try:
        moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    except ValueError:
        problems["started_at"] = _("Write the session's date and time as YYYY-MM-DD HH:MM.")
        return now.isoformat(timespec="seconds")
    if moment > now + dt.timedelta(days=1):
        problems["started_at"] = _("The session starts more than a day from now. Check the date.")
    return moment.replace(microsecond=0, tzinfo=None).isoformat(timespec="seconds")


def fraction(problems: dict[str, str], field: str, value: object) -> float:
    """A position as a fraction (0..1) of the diagram's width or height."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= float(value) <= 1.0:
        problems[field] = _("A marker's {field} must lie on the diagram (a fraction from 0 to 1).").format(
            field=field
        )
        return 0.5
    return float(value)


def view(problems: dict[str, str], value: str) -> str:
    """One of the catalogue's diagrams."""
    if value not in VIEWS:
        problems["view"] = _("There is no diagram called {value!r}; use one of {join}.").format(
            value=value, join=", ".join(VIEWS)
        )
    return value


def point_and_side(
    problems: dict[str, str], catalogue: Catalogue, code: str, side: str
) -> tuple[CataloguePoint | None, str]:
    """The catalogue point for a code (any spelling) and a side it can be needled on."""
    point = catalogue.find(code)
    if point is None:
        problems["code"] = _(
            "There is no point {code!r} in the catalogue. Search by code, name or region."
        ).format(code=code)
        return None, side
    if side not in point.sides():
        allowed = " or ".join(point.sides())
        problems["side"] = _("{code} is needled on the {allowed} side, not {side!r}.").format(
            code=point.code, allowed=allowed, side=side
        )
    return point, side


def view_of(point: CataloguePoint, side: str, clicked: str | None) -> str:
    """The view a mark of ``point`` on ``side`` is stored with: the one clicked when it shows the point
    there, else the point's home view for that side."""
    checked = cast("Side", side)  # point_and_side has checked it is one of the point's sides
    if clicked is not None and point.shown_on(clicked, checked):
        return clicked
    return point.home_view(checked)


def reaction_fields(
    problems: dict[str, str], at_point: bool, kind: str, severity: str, onset: str, note: str | None
) -> dict[str, str]:
    """Kind, severity, onset and note of a reaction, checked."""
    kinds = dict(REACTION_KINDS_AT_POINT if at_point else REACTION_KINDS_SESSION)
    if kind not in kinds:
        where = _("at a point") if at_point else _("for the whole session")
        problems["kind"] = _("{kind!r} is not a reaction recorded {where}; use one of {join}.").format(
            kind=kind, where=where, join=", ".join(kinds)
        )
    if severity not in SEVERITIES:
        problems["severity"] = _("Severity is mild, moderate or severe, not {severity!r}.").format(
            severity=severity
        )
    if onset not in dict(ONSETS):
        problems["onset"] = _("Onset is during the session, after it, or reported later.")
    return {
        "kind": kind,
        "severity": severity,
        "onset": onset,
        "note": text(problems, "note", note, "The note"),
    }


def choice(
    problems: dict[str, str], field: str, value: str, choices: Sequence[tuple[str, str]], what: str
) -> str:
    """One of ``choices`` (its key), or empty for "not recorded"."""
    if value and value not in dict(choices):
        problems[field] = _("Choose {what}: {join}.").format(
            what=what, join=", ".join((label for _, label in choices))
        )
    return value


MAX_DEPTH_MM = 100.0
MAX_RETENTION_MIN = 120


def depth(problems: dict[str, str], value: float | str | None) -> float | None:
    """How deep the needle went, in millimetres (None: not recorded)."""
    if value in (None, ""):
        return None
    try:
        millimetres = float(str(value).replace(",", ".").strip())
    except ValueError:
        millimetres = -1.0
    if not 0 < millimetres <= MAX_DEPTH_MM:
        problems["depth_mm"] = _(
            "Enter the depth in millimetres, more than 0 and at most {MAX_DEPTH_MM:g}."
        ).format(MAX_DEPTH_MM=MAX_DEPTH_MM)
        return None
    return millimetres


def retention(problems: dict[str, str], value: int | str | None) -> int | None:
    """How long the needle stayed in, in whole minutes (None: not recorded)."""
    if value in (None, ""):
        return None
    try:
        minutes = int(str(value).strip())
    except ValueError:
        minutes = -1
    if not 0 <= minutes <= MAX_RETENTION_MIN:
        problems["retention_min"] = _(
            "Enter the retention in whole minutes, from 0 to {MAX_RETENTION_MIN}."
        ).format(MAX_RETENTION_MIN=MAX_RETENTION_MIN)
        return None
    return minutes


def label(problems: dict[str, str], value: str | None) -> str:
    """A free marker's label."""
    return text(problems, "label", value, "The label", SHORT_TEXT)


def caution_warning(point: CataloguePoint, client_flags: Iterable[str]) -> str:
    """What to tell the practitioner when a point's cautions meet the client's; empty when they do not."""
    flags = set(client_flags)
    warnings = []
    if "pregnancy" in flags and point.pregnancy_caution:
        detail = "; ".join(c for c in point.cautions if "pregnan" in c.lower())
        warnings.append(
            _("The client is pregnant and {code} is a caution point in pregnancy ({detail}).").format(
                code=point.code, detail=detail
            )
        )
    bleeding = [word for word in ("anticoagulants", "bleeding_disorder") if word in flags]
    if bleeding and point.bleeding_risk:
        who = _("takes blood thinners") if "anticoagulants" in bleeding else _("has a bleeding disorder")
        warnings.append(
            _("The client {who} and {code} bruises easily: press firmly after removal.").format(
                who=who, code=point.code
            )
        )
    return " ".join(warnings)
