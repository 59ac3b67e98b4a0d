"""One QUndoCommand per change to the acupuncturist's note: findings, techniques, boxes of needles, skin."""

from __future__ import annotations

from typing import Any

from acuchart.i18n import N_, _
from acuchart.models.tcm import Adjunct, TcmFindings
from acuchart.services.adjuncts import AdjunctSnapshot
from ui.chart.commands import ChartOps, ServiceCommand

FINDING_NAMES = {
    "tongue": N_("tongue"),
    "pulse": N_("pulse"),
    "principles": N_("eight principles"),
    "patterns": N_("pattern"),
    "treatment_principle": N_("treatment principle"),
}


def findings_fields(findings: TcmFindings) -> dict[str, Any]:
    """A session's findings as the keyword arguments that would record them again."""
    return {
        "tongue": findings.tongue,
        "pulse": findings.pulse,
        "principles": list(findings.principles),
        "patterns": list(findings.patterns),
        "treatment_principle": findings.treatment_principle,
    }


class FindingsCommand(ServiceCommand):
    """Some TCM findings changed ("Record tongue"); undo puts back what they were."""

    def __init__(self, ops: ChartOps, session_id: int, before: TcmFindings, new: dict[str, Any]) -> None:
        names = _(" and ").join(_(FINDING_NAMES.get(key, key)) for key in new)
        super().__init__(ops, _("Record {names}").format(names=names))
        self.session_id = session_id
        self.new = new
        every = findings_fields(before)
        self.old = {key: every[key] for key in new}

    def do(self) -> None:
        self.perform(lambda: self.ops.practice.assessment.record(self.session_id, **self.new))

    def revert(self) -> None:
        self.perform(lambda: self.ops.practice.assessment.record(self.session_id, **self.old))


class CarryOverCommand(ServiceCommand):
    """The previous session's findings taken as this session's; undo puts back what was there."""

    def __init__(self, ops: ChartOps, session_id: int, before: TcmFindings) -> None:
        super().__init__(ops, _("Carry over last session's findings"))
        self.session_id = session_id
        self.old = findings_fields(before)

    def do(self) -> None:
        self.perform(lambda: self.ops.practice.assessment.carry_over(self.session_id))

    def revert(self) -> None:
        self.perform(lambda: self.ops.practice.assessment.record(self.session_id, **self.old))


class AddAdjunctCommand(ServiceCommand):
    """An adjunct technique recorded ("Add facial cupping"); undo removes it, redo puts the same one back."""

    def __init__(self, ops: ChartOps, session_id: int, fields: dict[str, Any], title: str) -> None:
        super().__init__(ops, _("Add {title}").format(title=title))
        self.session_id = session_id
        self.fields = fields
        self.adjunct: Adjunct | None = None
        self._snapshot: AdjunctSnapshot | None = None

    def do(self) -> None:
        adjuncts = self.ops.practice.adjuncts
        if self._snapshot is None:
            self.adjunct = self.perform(lambda: adjuncts.add(self.session_id, **self.fields))
        else:
            snapshot = self._snapshot
            self.perform(lambda: adjuncts.restore(snapshot))

    def revert(self) -> None:
        if self.adjunct is not None:
            adjunct_id = self.adjunct.id
            self._snapshot = self.perform(lambda: self.ops.practice.adjuncts.remove(adjunct_id))


class RemoveAdjunctCommand(ServiceCommand):
    """An adjunct technique removed with its reactions; undo puts them back."""

    def __init__(self, ops: ChartOps, adjunct: Adjunct) -> None:
        super().__init__(ops, _("Remove {label}").format(label=adjunct.label))
        self.adjunct_id = adjunct.id
        self._snapshot: AdjunctSnapshot | None = None

    def do(self) -> None:
        self._snapshot = self.perform(lambda: self.ops.practice.adjuncts.remove(self.adjunct_id))

    def revert(self) -> None:
        snapshot = self._snapshot
        if snapshot is not None:
            self.perform(lambda: self.ops.practice.adjuncts.restore(snapshot))


class SessionLotsCommand(ServiceCommand):
    """The boxes of needles a session used changed."""

    def __init__(self, ops: ChartOps, session_id: int, old: list[int], new: list[int]) -> None:
        super().__init__(ops, _("Change the boxes of needles used"))
        self.session_id, self.old, self.new = session_id, old, new

    def do(self) -> None:
        self.perform(lambda: self.ops.practice.needle_lots.set_session_lots(self.session_id, self.new))

    def revert(self) -> None:
        self.perform(lambda: self.ops.practice.needle_lots.set_session_lots(self.session_id, self.old))
