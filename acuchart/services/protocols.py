"""The practitioner's own protocols: named sets of points with sides, kept in the practice file."""

from __future__ import annotations

import json
from collections.abc import Iterable

from acuchart import clock
from acuchart.catalogue import Catalogue
from acuchart.changes import Changes, OpResult
from acuchart.errors import ValidationError
from acuchart.i18n import _
from acuchart.models import SavedProtocol
from acuchart.services import session_rules as rules
from acuchart.storage import sessions as rows
from acuchart.storage.store import Store


class ProtocolService:
    """Saving, listing and deleting the practitioner's protocols (the ``protocols`` table)."""

    def __init__(self, store: Store, catalogue: Catalogue) -> None:
        self._store = store
        self._catalogue = catalogue

    def save(self, name: str, note: str, points: Iterable[tuple[str, str]]) -> OpResult[SavedProtocol]:
        """Save a named set of points with sides.

        Raises:
            ValidationError: no name, a name already taken, no points, or an unknown code or side.
        """
        problems: dict[str, str] = {}
        clean_name = rules.text(problems, "name", name, "The name", 200)
        if not clean_name:
            problems["name"] = _("Give the protocol a name.")
        elif rows.protocol_by_name(self._store, clean_name):
            problems["name"] = _(
                "A protocol called {clean_name!r} already exists. Choose another name."
            ).format(clean_name=clean_name)
        checked = [rules.point_and_side(problems, self._catalogue, c, s) for c, s in points]
        if not checked:
            problems["points"] = _("Mark at least one point before saving a protocol.")
        row = {
            "name": clean_name,
            "note": rules.text(problems, "note", note, "The note"),
            "points": json.dumps([{"code": p.code, "side": s} for p, s in checked if p is not None]),
            "created_at": clock.stamp(),
        }
        if problems:
            raise ValidationError(problems)
        with self._store.write() as w:
            protocol_id = w.insert("protocols", row)
        saved = SavedProtocol.from_row(self._store.get("protocols", protocol_id))
        return OpResult(saved, Changes(protocols=True))

    def list(self) -> list[SavedProtocol]:
        """Every saved protocol, by name."""
        return [SavedProtocol.from_row(row) for row in rows.protocols(self._store)]

    def delete(self, protocol_id: int) -> OpResult[SavedProtocol]:
        """Remove a protocol (sessions it was applied to keep their marks)."""
        with self._store.write() as w:
            old = SavedProtocol.from_row(w.delete("protocols", protocol_id))
        return OpResult(old, Changes(protocols=True))
