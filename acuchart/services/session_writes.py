"""The rows a session's records are stored as, and the transaction that guards a signed session."""

from __future__ import annotations

from typing import Any

from acuchart.errors import SignedSessionError
from acuchart.i18n import _
from acuchart.models import Mark, Reaction, SessionChart
from acuchart.services.session_rules import SIGNED_MESSAGE, NeedleBalance
from acuchart.storage.store import Row, Store, Writer


class SessionWrite:
    """``store.write()`` that first refuses a signed session (inside the same transaction)."""

    def __init__(self, store: Store, session_id: int) -> None:
        self._context = store.write()
        self._session_id = session_id

    def __enter__(self) -> Writer:
        writer = self._context.__enter__()
        try:
            if writer.get("sessions", self._session_id)["signed_at"] is not None:
                raise SignedSessionError(_(SIGNED_MESSAGE))
        except BaseException as exc:
            self._context.__exit__(type(exc), exc, exc.__traceback__)
            raise
        return writer

    def __exit__(self, *exc_info: Any) -> bool | None:
        return self._context.__exit__(*exc_info)


def balance(chart: SessionChart) -> NeedleBalance:
    """Needles in (from the marks), out (confirmed) and the difference."""
    inserted = chart.needles_inserted
    removed = chart.session.needles_removed
    return NeedleBalance(inserted, removed, None if removed is None else inserted - removed)


def mark_row(mark: Mark, at: str) -> Row:
    """The stored row of a mark, id included (an undo puts it back as it was)."""
    return {
        "id": mark.id,
        "session_id": mark.session_id,
        "code": mark.code,
        "side": mark.side,
        "view": mark.view,
        "x": mark.x,
        "y": mark.y,
        "label": mark.label,
        "needles": mark.needles,
        "technique": mark.technique,
        "caution_warning": mark.caution_warning,
        "angle": mark.angle,
        "depth_mm": mark.depth_mm,
        "stimulation": mark.stimulation,
        "retention_min": mark.retention_min,
        "created_at": at,
    }


def free_copy(mark: Mark, session_id: int, at: str) -> Row:
    """A new row for a free marker copied from another session."""
    row = mark_row(mark, at)
    del row["id"]
    row.update(session_id=session_id, caution_warning="")
    return row


def reaction_row(reaction: Reaction, at: str) -> Row:
    """The stored row of a reaction, id included."""
    return {
        "id": reaction.id,
        "session_id": reaction.session_id,
        "mark_id": reaction.mark_id,
        "kind": reaction.kind,
        "severity": reaction.severity,
        "onset": reaction.onset,
        "note": reaction.note,
        "note_shown_to_client": int(reaction.note_shown_to_client),
        "resolved_on": reaction.resolved_on.isoformat() if reaction.resolved_on else None,
        "adjunct_id": reaction.adjunct_id,
        "created_at": at,
    }
