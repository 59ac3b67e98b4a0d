"""Starting protocols: named sets of points with sides, one TOML file each in ``resources/protocols/``.

A file looks like this::

    name = "Forehead and eye lines"
    concern = "wrinkles"
    note = "A short note for the practitioner. No promises of results."
    points = [
        { code = "GB14", side = "both" },
        { code = "EX-HN3", side = "midline" },
    ]

``side`` is the client's side: "both", "right" or "left" for a bilateral point, "midline" for a
midline point. "both" becomes two protocol points, right and left. The file name (without ``.toml``)
is the preset's stable key. Every code is checked against the point catalogue when presets load.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from acuchart.catalogue import Catalogue, CatalogueError, Side, load_catalogue
from acuchart.i18n import _
from acuchart.models import CONCERNS
from acuchart.resources import RESOURCES

__all__ = ["CONCERNS", "PROTOCOLS", "ProtocolPoint", "ProtocolPreset", "load_presets"]

PROTOCOLS: Path = RESOURCES / "protocols"
_KEYS = {"name", "concern", "note", "points"}
_CONCERN_ORDER = {key: i for i, (key, _) in enumerate(CONCERNS)}


@dataclass(frozen=True)
class ProtocolPoint:
    """One point of a protocol on one of the client's sides."""

    code: str
    side: Side


@dataclass(frozen=True)
class ProtocolPreset:
    """A starting protocol shipped with the app.

    Attributes:
        key: the file name without ``.toml``; stable across releases.
        name: what the practitioner reads in the protocol list.
        concern: one of the keys in :data:`CONCERNS`.
        note: a short practitioner note (technique, cautions); never a promise of results.
        points: the points in order, each bilateral "both" already split into right and left.
    """

    key: str
    name: str
    concern: str
    note: str
    points: tuple[ProtocolPoint, ...]


def _text(path: Path, data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CatalogueError(path, _("{key!r} must be some text.").format(key=key), column=key)
    return value.strip()


def _points(path: Path, entries: object, catalogue: Catalogue) -> tuple[ProtocolPoint, ...]:
    if not isinstance(entries, list) or not entries:
        raise CatalogueError(
            path, _("'points' must be a list of { code = ..., side = ... } entries."), column="points"
        )
    points: list[ProtocolPoint] = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or set(entry) != {"code", "side"}:
            raise CatalogueError(
                path,
                _("point {number} must have exactly a code and a side.").format(number=number),
                column="points",
            )
        code, side = entry["code"], entry["side"]
        point = catalogue.find(code) if isinstance(code, str) else None
        if point is None:
            raise CatalogueError(
                path,
                _("point {number}: {code!r} is not in the point catalogue.").format(number=number, code=code),
                column="code",
            )
        if point.bilateral:
            if side not in ("both", "right", "left"):
                raise CatalogueError(
                    path,
                    f"point {number}: {point.code} is bilateral; its side is both, right or left.",
                    column="side",
                )
            sides: tuple[Side, ...] = ("right", "left") if side == "both" else (side,)
        else:
            only = point.sides()[0]  # the midline, or the one side a point like Jinjin is needled on
            if side != only:
                raise CatalogueError(
                    path,
                    f"point {number}: {point.code} is on the {only}; its side is {only}.",
                    column="side",
                )
            sides = (only,)
        for one in sides:
            candidate = ProtocolPoint(point.code, one)
            if candidate in points:
                raise CatalogueError(
                    path,
                    _("point {number}: {code} {one} is listed twice.").format(
                        number=number, code=point.code, one=one
                    ),
                    column="code",
                )
            points.append(candidate)
    return tuple(points)


def read_preset(path: Path, catalogue: Catalogue) -> ProtocolPreset:
    """Load and check one protocol file.

    Raises:
        CatalogueError: the file is unreadable, malformed, or names a point or side the catalogue
            does not have; the message names the file and the code.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CatalogueError(path, _("cannot be read ({strerror}).").format(strerror=exc.strerror)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(path, _("is not valid TOML: {exc}.").format(exc=exc)) from exc
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise CatalogueError(
            path,
            _("unexpected {join}; a protocol has {join2}.").format(
                join=", ".join(unknown), join2=", ".join(sorted(_KEYS))
            ),
        )
    concern = _text(path, data, "concern")
    if concern not in _CONCERN_ORDER:
        known = ", ".join(key for key, _ in CONCERNS)
        raise CatalogueError(
            path,
            _("unknown concern {concern!r}; use one of {known}.").format(concern=concern, known=known),
            column="concern",
        )
    return ProtocolPreset(
        key=path.stem,
        name=_text(path, data, "name"),
        concern=concern,
        note=_text(path, data, "note"),
        points=_points(path, data.get("points"), catalogue),
    )


def load_presets(
    catalogue: Catalogue | None = None, folder: Path | None = None
) -> tuple[ProtocolPreset, ...]:
    """The starting protocols, in the order of the intake concerns, then by name.

    Args:
        catalogue: the catalogue to check codes against; the shipped one if omitted.
        folder: where the ``*.toml`` files are; ``resources/protocols`` if omitted.

    Raises:
        CatalogueError: a file is wrong; the message names the file and the code.
    """
    catalogue = catalogue if catalogue is not None else load_catalogue()
    presets = [read_preset(path, catalogue) for path in sorted((folder or PROTOCOLS).glob("*.toml"))]
    return tuple(sorted(presets, key=lambda preset: (_CONCERN_ORDER[preset.concern], preset.name)))
