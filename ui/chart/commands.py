"""One QUndoCommand per charting action; ``redo`` and ``undo`` only call the session service.

The first ``redo`` runs when the command is pushed. If the service refuses (a signed session, a
bad value) the command reports the message, makes itself obsolete and so never enters the stack.
Undoing a removal puts records back with their old ids, so later commands still find them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from acuchart.errors import AcuChartError
from acuchart.models import REACTION_LABELS, Mark, MarkSnapshot, Reaction
from acuchart.services.sessions import SessionService

Report = Callable[[str], None]


class ServiceCommand(QUndoCommand):
    """A command that calls the service and turns a refusal into a message instead of a crash."""

    def __init__(self, service: SessionService, report: Report, text: str) -> None:
        super().__init__(text)
        self.service = service
        self.report = report
        self.failed = False

    def redo(self) -> None:
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, step: Callable[[], None]) -> None:
        try:
            step()
        except AcuChartError as exc:
            self.failed = True
            self.report(str(exc))
            self.setObsolete(True)

    def do(self) -> None:
        """Make the change."""
        raise NotImplementedError

    def revert(self) -> None:
        """Take the change back."""
        raise NotImplementedError


class AddMarksCommand(ServiceCommand):
    """Marks made by one action (a point, a free marker, a protocol, repeat last): undo removes them."""

    def __init__(
        self, service: SessionService, report: Report, text: str, make: Callable[[], list[Mark]]
    ) -> None:
        super().__init__(service, report, text)
        self._make = make
        self.marks: list[Mark] = []
        self._snapshots: list[MarkSnapshot] | None = None

    def do(self) -> None:
        if self._snapshots is None:
            self.marks = self._make()
            if not self.marks:
                self.setObsolete(True)
        else:
            self.service.restore_marks(self._snapshots)

    def revert(self) -> None:
        self._snapshots = self.service.remove_marks([m.id for m in self.marks])


def mark_point(
    service: SessionService, report: Report, session_id: int, code: str, side: str
) -> AddMarksCommand:
    """ "Mark ST2 (left)"."""
    title = code if side == "midline" else f"{code} ({side})"
    return AddMarksCommand(
        service, report, f"Mark {title}", lambda: [service.mark_point(session_id, code, side)]
    )


def add_free_marker(
    service: SessionService,
    report: Report,
    session_id: int,
    view: str,
    x: float,
    y: float,
    label: str,
    needles: int,
) -> AddMarksCommand:
    """ "Place free marker"."""
    return AddMarksCommand(
        service,
        report,
        f"Place {label or 'free marker'}",
        lambda: [service.add_free_marker(session_id, view, x, y, label, needles)],
    )


class RemoveMarksCommand(ServiceCommand):
    """Unmark points or delete free markers (with their reactions); undo puts them back."""

    def __init__(self, service: SessionService, report: Report, marks: list[Mark]) -> None:
        names = ", ".join(m.title for m in marks[:3]) + ("…" if len(marks) > 3 else "")
        super().__init__(service, report, f"Unmark {names}")
        self.mark_ids = [m.id for m in marks]
        self._snapshots: list[MarkSnapshot] = []

    def do(self) -> None:
        self._snapshots = self.service.remove_marks(self.mark_ids)

    def revert(self) -> None:
        self.service.restore_marks(self._snapshots)


class MoveMarkerCommand(ServiceCommand):
    """A free marker dragged to a new place, stored on release."""

    def __init__(
        self,
        service: SessionService,
        report: Report,
        mark: Mark,
        old: tuple[float, float],
        new: tuple[float, float],
    ) -> None:
        super().__init__(service, report, f"Move {mark.title}")
        self.mark_id, self.old, self.new = mark.id, old, new

    def do(self) -> None:
        self.service.move_marker(self.mark_id, *self.new)

    def revert(self) -> None:
        self.service.move_marker(self.mark_id, *self.old)


class EditMarkCommand(ServiceCommand):
    """A changed needle count, label or technique."""

    def __init__(
        self, service: SessionService, report: Report, mark: Mark, text: str, new: dict[str, Any]
    ) -> None:
        super().__init__(service, report, text)
        self.mark_id = mark.id
        self.new = new
        self.old = {key: getattr(mark, key) for key in new}

    def do(self) -> None:
        self.service.edit_marker(self.mark_id, **self.new)

    def revert(self) -> None:
        self.service.edit_marker(self.mark_id, **self.old)


class AddReactionCommand(ServiceCommand):
    """ "Bruising — mild at ST2 (left)"; undo deletes it, redo puts the same record back."""

    def __init__(
        self,
        service: SessionService,
        report: Report,
        session_id: int,
        mark: Mark | None,
        fields: dict[str, Any],
    ) -> None:
        where = f" at {mark.title}" if mark else ""
        label = REACTION_LABELS.get(fields["kind"], fields["kind"])
        super().__init__(service, report, f"Record {label} — {fields['severity']}{where}")
        self.session_id = session_id
        self.mark_id = mark.id if mark else None
        self.fields = fields
        self.reaction: Reaction | None = None
        self._done_once = False

    def do(self) -> None:
        if not self._done_once:
            self.reaction = self.service.add_reaction(self.session_id, self.mark_id, **self.fields)
            self._done_once = True
        elif self.reaction is not None:
            self.service.restore_reaction(self.reaction)

    def revert(self) -> None:
        if self.reaction is not None:
            self.service.delete_reaction(self.reaction.id)


class EditReactionCommand(ServiceCommand):
    """A reaction's kind, severity, onset or note changed."""

    def __init__(
        self, service: SessionService, report: Report, reaction: Reaction, new: dict[str, Any]
    ) -> None:
        super().__init__(service, report, f"Edit {reaction.label}")
        self.reaction_id = reaction.id
        self.new = new
        self.old = {key: getattr(reaction, key) for key in new}

    def do(self) -> None:
        self.service.edit_reaction(self.reaction_id, **self.new)

    def revert(self) -> None:
        self.service.edit_reaction(self.reaction_id, **self.old)


class DeleteReactionCommand(ServiceCommand):
    """A reaction recorded in error, removed; undo puts it back."""

    def __init__(self, service: SessionService, report: Report, reaction: Reaction) -> None:
        super().__init__(service, report, f"Delete {reaction.label}")
        self.reaction = reaction

    def do(self) -> None:
        self.reaction = self.service.delete_reaction(self.reaction.id)

    def revert(self) -> None:
        self.service.restore_reaction(self.reaction)


class NeedlesRemovedCommand(ServiceCommand):
    """The count of needles removed confirmed (with a note when it differs)."""

    def __init__(
        self,
        service: SessionService,
        report: Report,
        session_id: int,
        old: tuple[int | None, str],
        new: tuple[int | None, str],
    ) -> None:
        text = "Clear needles removed" if new[0] is None else f"Confirm {new[0]} needles removed"
        super().__init__(service, report, text)
        self.session_id, self.old, self.new = session_id, old, new

    def do(self) -> None:
        self.service.set_needles_removed(self.session_id, *self.new)

    def revert(self) -> None:
        self.service.set_needles_removed(self.session_id, *self.old)


class DetailsCommand(ServiceCommand):
    """When, course, duration or notes changed; consecutive edits of the notes merge into one."""

    NOTES_ID = 4101

    def __init__(
        self,
        service: SessionService,
        report: Report,
        session_id: int,
        text: str,
        old: dict[str, Any],
        new: dict[str, Any],
    ) -> None:
        super().__init__(service, report, text)
        self.session_id, self.old, self.new = session_id, old, new

    def id(self) -> int:
        return self.NOTES_ID if set(self.new) == {"notes"} else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, DetailsCommand)
            or other.session_id != self.session_id
            or other.id() != self.id()
        ):
            return False
        self.new = other.new
        return True

    def do(self) -> None:
        self.service.update_details(self.session_id, **self.new)

    def revert(self) -> None:
        self.service.update_details(self.session_id, **self.old)
