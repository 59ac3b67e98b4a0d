"""What the printed documents say about photos, as plain frozen values (as :mod:`acuchart.reports.data`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class PrintedPhoto:
    """One photo as printed: a JPEG the right way up and aligned, with what to write under it."""

    jpeg: bytes
    width: int
    height: int
    caption: str
    """``Session 1 · 3 Mar 2026``."""


@dataclass(frozen=True)
class BeforeAfterPair:
    """The same view at the first and at the latest session."""

    view: str
    first: PrintedPhoto
    latest: PrintedPhoto


@dataclass(frozen=True)
class BeforeAfter:
    """The course summary's photo page: each standard view present at both sessions, side by side."""

    first_session: str
    """``session 1, 3 March 2026``."""
    latest_session: str
    pairs: tuple[BeforeAfterPair, ...]


@dataclass(frozen=True)
class PhotoLine:
    """A photo as the chart export lists it: enough to find it, check it and see what it shows."""

    thumbnail: bytes
    view: str
    taken_at: dt.datetime
    session: str
    """``Session 3 · 17 Mar 2026``."""
    sha256: str
    hidden_reason: str = ""


@dataclass(frozen=True)
class PhotoConsentLine:
    """Where one use of photos stands, for the consent form and the chart export."""

    use: str
    status: str
    """``Given 3 Mar 2026``, ``Refused …``, ``Withdrawn …`` or ``Not asked``."""
    detail: str = ""
    """How obtained and the consent text version, or empty when never asked."""
