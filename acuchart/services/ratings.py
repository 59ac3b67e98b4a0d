"""Progress: at each session the client rates each concern of the course from 0 to 10.

A signed session's ratings are never changed in place; an amendment carries the new score, and
everything read here shows the scores with their amendments applied.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from acuchart.changes import Changes, OpResult
from acuchart.errors import SignedSessionError
from acuchart.i18n import N_, _
from acuchart.models import CONCERN_LABELS, RATING_MAX, RATING_MIN, RatingSeries
from acuchart.services.record_rules import raise_if, whole_number
from acuchart.storage import records as rows
from acuchart.storage.store import Store

RATING_MESSAGE = f"A rating is a whole number from {RATING_MIN} to {RATING_MAX}."
SIGNED_RATING_MESSAGE = N_("This session is signed. Change a rating with Amend… and give the reason.")


def check_rating(problems: dict[str, str], concern: str, score: object) -> int:
    """A concern the practice knows and a score from 0 to 10 (the checks an amendment shares)."""
    if concern not in CONCERN_LABELS:
        problems["concern"] = _("{concern!r} is not one of the practice's concerns.").format(concern=concern)
    return whole_number(problems, "score", score, RATING_MIN, RATING_MAX, RATING_MESSAGE)


def apply_rating_amendments(scores: dict[tuple[int, str], int], amendments: Iterable[dict[str, Any]]) -> None:
    """Replace scores by the amended ones, oldest amendment first; an empty new value removes the score."""
    for amendment in amendments:
        key = (int(amendment["session_id"]), str(amendment["field"]))
        if amendment["new_value"] in (None, ""):
            scores.pop(key, None)
        else:
            scores[key] = int(amendment["new_value"])


class RatingService:
    """Entering and reading the client's ratings."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def set_rating(self, session_id: int, concern: str, score: int | None) -> OpResult[None]:
        """Record the client's rating of a concern at a session (None clears it).

        Raises:
            SignedSessionError: the session is signed (amend it instead).
            ValidationError: an unknown concern or a score outside 0–10.
        """
        session = rows.session(self._store, session_id)
        if session["signed_at"]:
            raise SignedSessionError(_(SIGNED_RATING_MESSAGE))
        problems: dict[str, str] = {}
        value = check_rating(problems, concern, RATING_MIN if score is None else score)
        raise_if(problems)
        existing = next((r for r in rows.ratings(self._store, session_id) if r["concern"] == concern), None)
        with self._store.write() as writer:
            if score is None:
                if existing is not None:
                    writer.delete("ratings", existing["id"])
            elif existing is None:
                writer.insert("ratings", {"session_id": session_id, "concern": concern, "score": value})
            else:
                writer.update("ratings", existing["id"], {"score": value})
        return OpResult(None, Changes(ratings=True, session_id=session_id, client_id=session["client_id"]))

    def ratings_for(self, session_id: int) -> dict[str, int]:
        """A session's ratings by concern, with any amendments applied."""
        scores = {(session_id, r["concern"]): int(r["score"]) for r in rows.ratings(self._store, session_id)}
        apply_rating_amendments(
            scores, (a for a in rows.amendments(self._store, session_id) if a["entity"] == "ratings")
        )
        return {concern: score for (_, concern), score in scores.items()}

    def rating_concerns(self, session_id: int) -> tuple[str, ...]:
        """The concerns to rate at a session: its course's (else the client's intake), and any already rated."""
        concerns: list[str] = []
        for text in rows.session_concerns(self._store, session_id):
            concerns = [c for c in json.loads(text) if c in CONCERN_LABELS]
            if concerns:
                break
        rated = [c for c in self.ratings_for(session_id) if c not in concerns]
        return tuple(concerns + sorted(rated))

    def progress_series(self, course_id: int) -> list[RatingSeries]:
        """Each concern's ratings over a course, by session number, amendments applied.

        Concerns of the course come first, in the course's order, even before any rating exists.
        """
        course = rows.course(self._store, course_id)
        numbers = {
            row["id"]: i for i, row in enumerate(rows.course_sessions(self._store, course_id), start=1)
        }
        scores = {
            (r["session_id"], r["concern"]): int(r["score"])
            for r in rows.course_ratings(self._store, course_id)
        }
        apply_rating_amendments(scores, rows.course_rating_amendments(self._store, course_id))
        concerns = list(dict.fromkeys([*json.loads(course["concerns"]), *sorted({c for _, c in scores})]))
        series = []
        for concern in concerns:
            points = sorted(
                (numbers[sid], score) for (sid, c), score in scores.items() if c == concern and sid in numbers
            )
            series.append(RatingSeries(concern, tuple(points)))
        return series
