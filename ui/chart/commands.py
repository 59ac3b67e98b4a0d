"""One QUndoCommand per charting action; ``redo`` and ``undo`` only run operations of the core.

Each step goes through :class:`ChartOps`, which runs the operation with the front end's one runner
(so every screen hears what changed, once) and names the editor as the one who asked. The first
``redo`` runs when the command is pushed. If the core refuses (a signed session, a bad value) the
command reports the message, makes itself obsolete and so never enters the stack. Undoing a
removal puts records back with their own ids (ids are never reused), so later commands still find
them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from PySide6.QtGui import QUndoCommand

from acuchart.changes import OpResult
from acuchart.errors import AcuChartError
from acuchart.i18n import _
from acuchart.models import REACTION_LABELS, Mark, MarkSnapshot, Reaction
from acuchart.practice import Practice
from acuchart.services.charting import ChartingService
from acuchart.services.sessions import SessionService

T = TypeVar("T")
Report = Callable[[str], None]


class ChartOps(NamedTuple):
    """What a charting command works with: the practice's services, the runner, and where refusals are said."""

    practice: Practice
    perform: Callable[[Callable[[], OpResult[Any]]], Any]
    """Runs one operation through the front end's runner and returns its value (a refusal raises)."""
    report: Report

    @property
    def charting(self) -> ChartingService:
        """Marks and reactions."""
        return self.practice.charting

    @property
    def sessions(self) -> SessionService:
        """The session's details and needle count."""
        return self.practice.sessions


class ServiceCommand(QUndoCommand):
    """A command that runs operations and turns a refusal into a message instead of a crash."""

    def __init__(self, ops: ChartOps, text: str) -> None:
        super().__init__(text)
        self.ops = ops
        self.charting = ops.charting
        self.failed = False

    def perform(self, operation: Callable[[], OpResult[T]]) -> T:
        """Run one operation of the core; its changes are published, a refusal raises."""
        result: T = self.ops.perform(operation)
        return result

    def redo(self) -> None:
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, step: Callable[[], None]) -> None:
        try:
            step()
        except AcuChartError as exc:
            self.failed = True
            self.ops.report(str(exc))
            self.setObsolete(True)

    def do(self) -> None:
        """Make the change."""
        raise NotImplementedError

    def revert(self) -> None:
        """Take the change back."""
        raise NotImplementedError


class AddMarksCommand(ServiceCommand):
    """Marks made by one action (a point, a free marker, a protocol, repeat last): undo removes them."""

    def __init__(self, ops: ChartOps, text: str, make: Callable[[], OpResult[list[Mark]]]) -> None:
        super().__init__(ops, text)
        self._make = make
        self.marks: list[Mark] = []
        self._snapshots: list[MarkSnapshot] | None = None

    def do(self) -> None:
        if self._snapshots is None:
            self.marks = self.perform(self._make)
            if not self.marks:
                self.setObsolete(True)
        else:
            snapshots = self._snapshots
            self.perform(lambda: self.charting.restore_marks(snapshots))

    def revert(self) -> None:
        ids = [m.id for m in self.marks]
        self._snapshots = self.perform(lambda: self.charting.remove_marks(ids))


def _as_list(result: OpResult[Mark]) -> OpResult[list[Mark]]:
    return OpResult([result.value], result.changes)


def mark_point(
    ops: ChartOps, session_id: int, code: str, side: str, view: str | None = None
) -> AddMarksCommand:
    """ "Mark ST2 (left)", charted on ``view``."""
    title = code if side == "midline" else f"{code} ({side})"
    return AddMarksCommand(
        ops,
        _("Mark {title}").format(title=title),
        lambda: _as_list(ops.charting.mark_point(session_id, code, side, view)),
    )


def add_free_marker(
    ops: ChartOps, session_id: int, view: str, x: float, y: float, label: str, needles: int
) -> AddMarksCommand:
    """ "Place free marker"."""
    return AddMarksCommand(
        ops,
        f"Place {label or _('free marker')}",
        lambda: _as_list(ops.charting.add_free_marker(session_id, view, x, y, label, needles)),
    )


class RemoveMarksCommand(ServiceCommand):
    """Unmark points or delete free markers (with their reactions); undo puts them back."""

    def __init__(self, ops: ChartOps, marks: list[Mark]) -> None:
        names = ", ".join(m.title for m in marks[:3]) + ("…" if len(marks) > 3 else "")
        super().__init__(ops, _("Unmark {names}").format(names=names))
        self.mark_ids = [m.id for m in marks]
        self._snapshots: list[MarkSnapshot] = []

    def do(self) -> None:
        self._snapshots = self.perform(lambda: self.charting.remove_marks(self.mark_ids))

    def revert(self) -> None:
        snapshots = self._snapshots
        self.perform(lambda: self.charting.restore_marks(snapshots))


class MoveMarkerCommand(ServiceCommand):
    """A free marker dragged to a new place, stored on release."""

    def __init__(self, ops: ChartOps, mark: Mark, old: tuple[float, float], new: tuple[float, float]) -> None:
        super().__init__(ops, _("Move {title}").format(title=mark.title))
        self.mark_id, self.old, self.new = mark.id, old, new

    def do(self) -> None:
        self.perform(lambda: self.charting.move_marker(self.mark_id, *self.new))

    def revert(self) -> None:
        self.perform(lambda: self.charting.move_marker(self.mark_id, *self.old))


class EditMarkCommand(ServiceCommand):
    """A changed needle count, label or technique."""

    def __init__(self, ops: ChartOps, mark: Mark, text: str, new: dict[str, Any]) -> None:
        super().__init__(ops, text)
        self.mark_id = mark.id
        self.new = new
        self.old = {key: getattr(mark, key) for key in new}

    def do(self) -> None:
        self.perform(lambda: self.charting.edit_marker(self.mark_id, **self.new))

    def revert(self) -> None:
        self.perform(lambda: self.charting.edit_marker(self.mark_id, **self.old))


class AddReactionCommand(ServiceCommand):
    """ "Bruising — mild at ST2 (left)"; undo deletes it, redo puts the same record back."""

    def __init__(self, ops: ChartOps, session_id: int, mark: Mark | None, fields: dict[str, Any]) -> None:
        where = _(" at {title}").format(title=mark.title) if mark else ""
        label = REACTION_LABELS.get(fields["kind"], fields["kind"])
        super().__init__(
            ops,
            _("Record {label} — {value}{where}").format(label=label, value=fields["severity"], where=where),
        )
        self.session_id = session_id
        self.mark_id = mark.id if mark else None
        self.fields = fields
        self.reaction: Reaction | None = None
        self._done_once = False

    def do(self) -> None:
        if not self._done_once:
            self.reaction = self.perform(
                lambda: self.charting.add_reaction(self.session_id, self.mark_id, **self.fields)
            )
            self._done_once = True
        elif self.reaction is not None:
            reaction = self.reaction
            self.perform(lambda: self.charting.restore_reaction(reaction))

    def revert(self) -> None:
        if self.reaction is not None:
            reaction_id = self.reaction.id
            self.perform(lambda: self.charting.delete_reaction(reaction_id))


class EditReactionCommand(ServiceCommand):
    """A reaction's kind, severity, onset or note changed."""

    def __init__(self, ops: ChartOps, reaction: Reaction, new: dict[str, Any]) -> None:
        super().__init__(ops, _("Edit {label}").format(label=reaction.label))
        self.reaction_id = reaction.id
        self.new = new
        self.old = {key: getattr(reaction, key) for key in new}

    def do(self) -> None:
        self.perform(lambda: self.charting.edit_reaction(self.reaction_id, **self.new))

    def revert(self) -> None:
        self.perform(lambda: self.charting.edit_reaction(self.reaction_id, **self.old))


class DeleteReactionCommand(ServiceCommand):
    """A reaction recorded in error, removed; undo puts it back."""

    def __init__(self, ops: ChartOps, reaction: Reaction) -> None:
        super().__init__(ops, _("Delete {label}").format(label=reaction.label))
        self.reaction = reaction

    def do(self) -> None:
        reaction_id = self.reaction.id
        self.reaction = self.perform(lambda: self.charting.delete_reaction(reaction_id))

    def revert(self) -> None:
        reaction = self.reaction
        self.perform(lambda: self.charting.restore_reaction(reaction))


class NeedlesRemovedCommand(ServiceCommand):
    """The count of needles removed confirmed (with a note when it differs)."""

    def __init__(
        self, ops: ChartOps, session_id: int, old: tuple[int | None, str], new: tuple[int | None, str]
    ) -> None:
        text = (
            _("Clear needles removed")
            if new[0] is None
            else _("Confirm {value} needles removed").format(value=new[0])
        )
        super().__init__(ops, text)
        self.session_id, self.old, self.new = session_id, old, new

    def do(self) -> None:
        self.perform(lambda: self.ops.sessions.set_needles_removed(self.session_id, *self.new))

    def revert(self) -> None:
        self.perform(lambda: self.ops.sessions.set_needles_removed(self.session_id, *self.old))


NOTE_FIELDS = frozenset({"subjective", "notes", "assessment", "plan"})
"""The parts of the session's SOAP note: consecutive edits of them merge into one undo step."""


class DetailsCommand(ServiceCommand):
    """When, course, duration or notes changed; consecutive edits of the notes merge into one."""

    NOTES_ID = 4101

    def __init__(
        self, ops: ChartOps, session_id: int, text: str, old: dict[str, Any], new: dict[str, Any]
    ) -> None:
        super().__init__(ops, text)
        self.session_id, self.old, self.new = session_id, old, new

    def id(self) -> int:
        return self.NOTES_ID if set(self.new) <= NOTE_FIELDS else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, DetailsCommand)
            or other.session_id != self.session_id
            or other.id() != self.id()
        ):
            return False
        self.new = {**self.new, **other.new}
        self.old = {**other.old, **self.old}  # each part goes back to what it was before the first edit
        return True

    def do(self) -> None:
        self.perform(lambda: self.ops.sessions.update_details(self.session_id, **self.new))

    def revert(self) -> None:
        self.perform(lambda: self.ops.sessions.update_details(self.session_id, **self.old))
