"""Signing a session, and amending it afterwards.

A signed session is never changed in place. A change is an amendment appended to it (who, when,
why, the old and the new value): the session reads as it was signed, with its amendments after
it. A reaction reported after signing is added as a late entry with an amendment saying so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Protocol

from acuchart import clock
from acuchart.changes import Changes, OpResult
from acuchart.errors import SignedSessionError, ValidationError
from acuchart.i18n import N_, _
from acuchart.models import (
    PHOTO_AMENDMENTS,
    REACTION_LABELS,
    AmendableField,
    Amendment,
    Session,
)
from acuchart.services import session_rules as rules
from acuchart.services.amendable import amendable_fields, check_for, mark_title
from acuchart.services.ratings import RatingService
from acuchart.services.record_rules import raise_if
from acuchart.services.settings import SettingsService
from acuchart.storage import records as rows
from acuchart.storage.store import Store
from acuchart.text import LONG_TEXT, check_length, clean

LATE_AFTER = dt.timedelta(hours=24)
NOT_SIGNED_MESSAGE = N_("This session is not signed yet: change it in the session itself.")
ADDED_FIELD = "added"


class SessionChecks(Protocol):
    """The session service's say on whether a session is ready to sign (needle counts and the like)."""

    def can_sign(self, session_id: int) -> tuple[bool, str]:
        """``(True, "")`` when the session may be signed, else ``(False, why)``."""
        ...


class SigningService:
    """Signing sessions and amending signed ones.

    Args:
        store: the open practice file.
        settings: the practice settings (the practitioner's name signs).
        ratings: the ratings, which an amendment may change.
        session_checks: the session service, asked whether a session may be signed.
    """

    def __init__(
        self,
        store: Store,
        settings: SettingsService,
        ratings: RatingService,
        session_checks: SessionChecks | None = None,
    ) -> None:
        self._store = store
        self._settings = settings
        self._ratings = ratings
        self._session_checks = session_checks

    def _practitioner(self) -> str:
        """Who is charting: the practitioner named in the practice settings."""
        return self._settings.get().practitioner_name

    # --- signing -----------------------------------------------------------------------------
    def can_sign(self, session_id: int) -> tuple[bool, str]:
        """``(True, "")`` when the session may be signed now, else ``(False, why)`` in plain words."""
        session = rows.session(self._store, session_id)
        if session["signed_at"]:
            return False, _(rules.SIGNED_MESSAGE)
        if not self._practitioner():
            return (
                False,
                _("Enter the practitioner's name in Practice settings (Ctrl+,) so the signature names you."),
            )
        if self._session_checks is not None:
            return self._session_checks.can_sign(session_id)
        return True, ""

    def sign(self, session_id: int) -> OpResult[Session]:
        """Sign the session: time-stamped, signed by the practitioner named in the practice settings.

        A session charted more than 24 hours after it started is marked a late entry.

        Raises:
            SignedSessionError: it is already signed.
            ValidationError: ``can_sign`` says no (the reason is under ``"sign"``).
        """
        ok, why = self.can_sign(session_id)
        if not ok:
            if rows.session(self._store, session_id)["signed_at"]:
                raise SignedSessionError(why)
            raise ValidationError({"sign": why})
        signer = self._practitioner()
        with self._store.write() as writer:
            session = writer.get("sessions", session_id)
            started = dt.datetime.fromisoformat(session["started_at"])
            late = (
                bool(session["late_entry"])
                or dt.datetime.fromisoformat(session["created_at"]) > started + LATE_AFTER
            )
            writer.update(
                "sessions", session_id, {"signed_at": writer.at, "signed_by": signer, "late_entry": int(late)}
            )
            writer.audit("sign", "sessions", session_id, {"signed_by": signer, "late_entry": late})
        signed = Session.from_row(rows.session(self._store, session_id))
        return OpResult(signed, Changes(sessions=True, session_id=session_id, client_id=session["client_id"]))

    # --- amendments --------------------------------------------------------------------------
    def amendable_fields(self, session_id: int) -> list[AmendableField]:
        """What an amendment may change in a session, each with its value as it stands (amendments applied)."""
        return amendable_fields(self._store, session_id, self._ratings.rating_concerns(session_id))

    def amend(
        self,
        session_id: int,
        entity: str,
        entity_id: int | None,
        field: str,
        new_value: object,
        reason: str,
    ) -> OpResult[Amendment]:
        """Append an amendment to a signed session: the old value (as it stood), the new one, and why.

        Args:
            session_id: the signed session.
            entity: ``sessions``, ``marks``, ``reactions`` or ``ratings``.
            entity_id: the row changed (None for a rating; its concern is the ``field``).
            field: what changed, as :meth:`amendable_fields` names it.
            new_value: the new value as typed (an empty value removes a rating).
            reason: why; required.

        Raises:
            ValidationError: under ``field``, ``new_value`` or ``reason``.
        """
        session = rows.session(self._store, session_id)
        if not session["signed_at"]:
            raise ValidationError({"session": _(NOT_SIGNED_MESSAGE)})
        target = next(
            (
                f
                for f in self.amendable_fields(session_id)
                if (f.entity, f.entity_id, f.field) == (entity, entity_id, field)
            ),
            None,
        )
        if target is None:
            raise ValidationError({"field": _("Choose what to amend from the session's own fields.")})
        problems: dict[str, str] = {}
        check = check_for(entity, field)
        new_text = check(problems, new_value, target)
        if not problems and new_text == target.current:
            problems["new_value"] = _("That is the value already on record. Enter the corrected value.")
        why = clean(reason)
        if not why:
            problems["reason"] = _("Say why the signed record is being changed.")
        check_length(problems, "reason", why, LONG_TEXT, _("The reason"))
        raise_if(problems)
        return self._append_amendment(session, entity, entity_id, field, target.current, new_text, why)

    def _append_amendment(
        self,
        session: dict[str, Any],
        entity: str,
        entity_id: int | None,
        field: str,
        old: str | None,
        new: str,
        reason: str,
        writes: Callable[[Any], int | None] | None = None,
    ) -> OpResult[Amendment]:
        with self._store.write() as writer:
            if writes is not None:
                entity_id = writes(writer)
            amendment_id = writer.insert(
                "amendments",
                {
                    "session_id": session["id"],
                    "entity": entity,
                    "entity_id": entity_id,
                    "field": field,
                    "old_value": old,
                    "new_value": new,
                    "reason": reason,
                    "author": self._practitioner() or self._store.actor,
                    "at": writer.at,
                },
            )
            writer.audit("amend", "sessions", session["id"], {"amendment_id": amendment_id, "reason": reason})
        amendment = next(a for a in self.amendments_for(session["id"]) if a.id == amendment_id)
        changes = Changes(
            sessions=True,
            amendments=True,
            ratings=entity == "ratings",
            reactions=entity == "reactions",
            session_id=session["id"],
            client_id=session["client_id"],
        )
        return OpResult(amendment, changes)

    def amendments_for(self, session_id: int) -> list[Amendment]:
        """A session's amendments, oldest first, each with the words of what it changed."""
        stored = rows.amendments(self._store, session_id)
        if not stored:
            return []
        labels = {(f.entity, f.entity_id, f.field): f.label for f in self.amendable_fields(session_id)}
        return [
            Amendment(
                id=row["id"],
                session_id=row["session_id"],
                entity=row["entity"],
                entity_id=row["entity_id"],
                field=row["field"],
                field_label=_("Reaction reported after signing")
                if row["field"] == ADDED_FIELD
                else PHOTO_AMENDMENTS.get(row["field"])
                or str(labels.get((row["entity"], row["entity_id"], row["field"]), row["field"])),
                old_value=row["old_value"],
                new_value=row["new_value"],
                reason=row["reason"],
                author=row["author"],
                at=dt.datetime.fromisoformat(row["at"]),
            )
            for row in stored
        ]

    def add_late_reaction(
        self,
        session_id: int,
        mark_id: int | None,
        kind: str,
        severity: str,
        onset: str = "later",
        note: str = "",
        reason: str | None = None,
    ) -> OpResult[Amendment]:
        """Record a reaction reported after the session was signed: a late entry, with an amendment saying so.

        Raises:
            ValidationError: the session is not signed, the mark is another session's, or a field is wrong.
        """
        session = rows.session(self._store, session_id)
        if not session["signed_at"]:
            raise ValidationError({"session": _(NOT_SIGNED_MESSAGE)})
        problems: dict[str, str] = {}
        row: dict[str, Any] = rules.reaction_fields(
            problems, mark_id is not None, kind, severity, onset, note
        )
        marks = {m["id"]: m for m in rows.marks(self._store, session_id)}
        if mark_id is not None and mark_id not in marks:
            problems["mark"] = _("That mark belongs to another session.")
        why = clean(_("Reported after the session was signed.") if reason is None else reason)
        if not why:
            problems["reason"] = _("Say how the reaction came to be reported.")
        check_length(problems, "reason", why, LONG_TEXT, _("The reason"))
        raise_if(problems)
        row.update(session_id=session_id, mark_id=mark_id, late_entry=1, created_at=clock.stamp())
        where = (
            _(" at {mark_title}").format(mark_title=mark_title(marks[mark_id])) if mark_id is not None else ""
        )
        summary = f"{severity.capitalize()} {REACTION_LABELS[kind].lower()}{where}"
        if row["note"]:
            summary += f": {row['note']}"
        return self._append_amendment(
            session,
            "reactions",
            None,
            ADDED_FIELD,
            None,
            summary,
            why,
            lambda writer: writer.insert("reactions", row),
        )
