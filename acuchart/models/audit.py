"""What walking the audit trail found, as a value the screens and the printouts can show."""

from __future__ import annotations

from typing import NamedTuple

from acuchart.i18n import _


class AuditReport(NamedTuple):
    """The result of walking the chain, and whether the append-only guard is still in place."""

    entries: int
    first_broken: int | None
    problem: str
    guard_removed: bool = False

    @property
    def ok(self) -> bool:
        """True when every entry is intact and in order and the guard is in place."""
        return self.first_broken is None and not self.problem and not self.guard_removed

    @property
    def findings(self) -> list[str]:
        """What is wrong, one sentence each (empty when all is well)."""
        found = []
        if self.problem:
            where = (
                _("broken at entry {first_broken}: ").format(first_broken=self.first_broken)
                if self.first_broken is not None
                else ""
            )
            found.append(_("audit trail {where}{problem}").format(where=where, problem=self.problem))
        if self.guard_removed:
            found.append(
                _("the audit trail's append-only guard was removed: the file was edited outside AcuChart")
            )
        return found

    @property
    def summary(self) -> str:
        """The most serious finding as one sentence for a warning bar or a printout (empty when all is
        well): a broken chain first, otherwise a removed guard. ``main.py check`` lists them all."""
        if self.problem:
            where = (
                _(" at entry {first_broken}").format(first_broken=self.first_broken)
                if self.first_broken is not None
                else ""
            )
            return _("The audit trail is broken{where}: {problem}").format(where=where, problem=self.problem)
        if self.guard_removed:
            return _("The audit trail's append-only guard was removed: the file was edited outside AcuChart")
        return ""
