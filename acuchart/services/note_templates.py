"""The practice's own note templates, one per concern or purpose: what to ask the client (it goes into the
Subjective part of the note) and which skin scales to record at that session."""

from __future__ import annotations

import builtins
import json
from collections.abc import Iterable

from acuchart import clock
from acuchart.changes import Changes, OpResult
from acuchart.i18n import _
from acuchart.models import CONCERN_LABELS
from acuchart.models.tcm import SCALES, NoteTemplate
from acuchart.services.record_rules import raise_if
from acuchart.storage import note as rows
from acuchart.storage.store import Store
from acuchart.text import LONG_TEXT, SHORT_TEXT, check_length, clean

_SCALES = dict(SCALES)


class NoteTemplateService:
    """Saving, listing and deleting the practice's note templates."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def list(self) -> list[NoteTemplate]:
        """Every template, by name."""
        return [NoteTemplate.from_row(row) for row in rows.note_templates(self._store)]

    def for_concerns(self, concerns: Iterable[str]) -> builtins.list[NoteTemplate]:
        """The templates for any of these concerns first, then the general ones (no concern)."""
        wanted = builtins.list(concerns)
        found = self.list()
        return [t for t in found if t.concern in wanted] + [t for t in found if not t.concern]

    def save(self, name: str, concern: str, prompts: str, scales: Iterable[str]) -> OpResult[NoteTemplate]:
        """Save a new template.

        Raises:
            ValidationError: no name, a name taken, an unknown concern or scale, text too long.
        """
        problems: dict[str, str] = {}
        clean_name = clean(name)
        if not clean_name:
            problems["name"] = _("Give the template a name.")
        elif rows.note_template_by_name(self._store, clean_name):
            problems["name"] = _(
                "A template called {clean_name!r} already exists. Choose another name."
            ).format(clean_name=clean_name)
        check_length(problems, "name", clean_name, SHORT_TEXT, _("The name"))
        if concern and concern not in CONCERN_LABELS:
            problems["concern"] = _("{concern!r} is not one of the practice's concerns.").format(
                concern=concern
            )
        text = clean(prompts)
        check_length(problems, "prompts", text, LONG_TEXT, _("What to ask"))
        chosen = list(dict.fromkeys(scales))
        if any(scale not in _SCALES for scale in chosen):
            problems["scales"] = _("Choose scales from: {join}.").format(join=", ".join(_SCALES.values()))
        raise_if(problems)
        row = {
            "name": clean_name,
            "concern": concern,
            "prompts": text,
            "scales": json.dumps(chosen),
            "created_at": clock.stamp(),
        }
        with self._store.write() as w:
            template_id = w.insert("note_templates", row)
        return OpResult(
            NoteTemplate.from_row(self._store.get("note_templates", template_id)), Changes(settings=True)
        )

    def delete(self, template_id: int) -> OpResult[NoteTemplate]:
        """Remove a template (notes written with it keep their text)."""
        with self._store.write() as w:
            old = NoteTemplate.from_row(w.delete("note_templates", template_id))
        return OpResult(old, Changes(settings=True))
