"""The note's side of the session editor: SOAP templates, TCM findings, boxes of needles, techniques, skin.

A part of :class:`ui.chart.session_editor.SessionEditor` (it supplies ``chart``, ``practice``,
``chart_ops``, ``push``, ``report`` and the panels); each change is one undoable command.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QWidget

from acuchart.errors import ValidationError
from acuchart.i18n import _
from acuchart.models.tcm import ADJUNCT_LABELS
from ui.chart.note import commands
from ui.operations import Operations

if TYPE_CHECKING:
    from acuchart.models import SessionChart
    from acuchart.practice import Practice
    from ui.chart.commands import ChartOps, ServiceCommand
    from ui.chart.note.skin_panel import SkinPanel
    from ui.chart.note.soap_panel import SoapPanel
    from ui.chart.note.tcm_panel import TcmPanel
    from ui.chart.note.techniques_panel import TechniquesPanel


class NoteActions:
    """Findings, techniques, boxes of needles and skin measures, each turned into one undoable command."""

    chart: SessionChart | None
    practice: Practice
    chart_ops: ChartOps
    soap: SoapPanel
    tcm: TcmPanel
    techniques: TechniquesPanel
    skin: SkinPanel

    def push(self, command: ServiceCommand) -> bool:  # implemented by the editor
        raise NotImplementedError

    def report(self, message: str) -> None:  # implemented by the editor
        raise NotImplementedError

    def _parent_widget(self) -> QWidget:
        return self  # type: ignore[return-value]

    def connect_note(self) -> None:
        """Wire the note's panels to their actions (once, when the editor is built)."""
        self.tcm.edited.connect(self.edit_findings)
        self.tcm.carry_over_requested.connect(self.carry_over_findings)
        self.techniques.lots_chosen.connect(self.choose_lots)
        self.techniques.new_lot_requested.connect(self.new_lot)
        self.techniques.lot_used_up.connect(self.lot_used_up)
        self.techniques.adjunct_requested.connect(self.add_adjunct)
        self.techniques.adjunct_removal_requested.connect(self.remove_adjunct)
        self.techniques.adjunct_reaction_requested.connect(self.adjunct_reaction)
        self.skin.save_requested.connect(self.save_skin)

    def show_note(self) -> None:
        """Show the session's findings, boxes, techniques, skin measures and templates as stored."""
        if self.chart is None:
            return
        session = self.chart.session
        practice = self.practice
        editable = not session.signed
        self.tcm.show_findings(
            practice.assessment.findings(session.id), practice.assessment.previous(session.id), editable
        )
        lots = practice.needle_lots
        self.techniques.show_session(
            lots.open_lots(),
            lots.lots_for_session(session.id),
            practice.adjuncts.for_session(session.id),
            editable,
        )
        self.skin.show_measure(practice.skin.for_session(session.id), editable)
        concerns = practice.ratings.rating_concerns(session.id)
        self.soap.set_templates(practice.note_templates.for_concerns(concerns))

    # --- TCM findings ------------------------------------------------------------------------------
    def edit_findings(self, changed: dict[str, Any]) -> None:
        """Some findings changed on the TCM tab."""
        if self.chart is not None and changed:
            session_id = self.chart.session.id
            before = self.practice.assessment.findings(session_id)
            self.push(commands.FindingsCommand(self.chart_ops, session_id, before, changed))

    def carry_over_findings(self) -> None:
        """Start from the previous session's findings."""
        if self.chart is not None:
            session_id = self.chart.session.id
            before = self.practice.assessment.findings(session_id)
            self.push(commands.CarryOverCommand(self.chart_ops, session_id, before))

    # --- boxes of needles ----------------------------------------------------------------------
    def choose_lots(self, lot_ids: list[int]) -> None:
        """The boxes ticked for this session changed."""
        if self.chart is not None:
            session_id = self.chart.session.id
            old = [lot.id for lot in self.practice.needle_lots.lots_for_session(session_id)]
            self.push(commands.SessionLotsCommand(self.chart_ops, session_id, old, lot_ids))

    def new_lot(self) -> None:
        """Enter a new box of needles; it is ticked for this session and used by the next ones."""
        from ui.chart.note.techniques_panel import NewLotDialog

        dialog = NewLotDialog(self._parent_widget())
        ops = Operations.of(self.practice)
        lots = self.practice.needle_lots
        while dialog.exec() == QDialog.DialogCode.Accepted:
            entered = partial(lots.open_lot, **dialog.fields())
            try:
                lot = ops.apply(entered, self)
            except ValidationError as exc:
                dialog.messages.show(exc.problems)
                continue
            if self.chart is not None and not self.chart.session.signed:
                session_id = self.chart.session.id
                old = [used.id for used in self.practice.needle_lots.lots_for_session(session_id)]
                self.push(commands.SessionLotsCommand(self.chart_ops, session_id, old, [*old, lot.id]))
            return

    def lot_used_up(self, lot_id: int) -> None:
        """A box is used up: new sessions stop taking it."""
        done = Operations.of(self.practice).run(
            lambda: self.practice.needle_lots.finish_lot(lot_id), self._parent_widget(), self
        )
        if done is not None:
            self.report(
                _("{title} is used up: new sessions will not take it.").format(title=done.value.title)
            )

    # --- adjunct techniques --------------------------------------------------------------------
    def add_adjunct(self, fields: dict[str, Any]) -> None:
        """Record an adjunct technique done in this session."""
        if self.chart is not None:
            title = str(ADJUNCT_LABELS.get(fields["kind"], fields["kind"])).lower()
            command = commands.AddAdjunctCommand(self.chart_ops, self.chart.session.id, fields, title)
            if self.push(command):
                self.techniques.clear_entry()

    def remove_adjunct(self, adjunct_id: int) -> None:
        """Remove a technique recorded in error (its reactions go with it, and come back on undo)."""
        found = (
            next(
                (a for a in self.practice.adjuncts.for_session(self.chart.session.id) if a.id == adjunct_id),
                None,
            )
            if self.chart
            else None
        )
        if found is not None:
            self.push(commands.RemoveAdjunctCommand(self.chart_ops, found))

    def adjunct_reaction(self, adjunct_id: int) -> None:
        """Record a reaction at a technique (cupping marks, say)."""
        from ui.chart.commands import AddReactionCommand
        from ui.chart.reaction_menu import ReactionDialog

        if self.chart is None:
            return
        found = next(
            (a for a in self.practice.adjuncts.for_session(self.chart.session.id) if a.id == adjunct_id), None
        )
        if found is None:
            return
        dialog = ReactionDialog(
            True, _("after {lower}").format(lower=found.label.lower()), None, self._parent_widget()
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        fields = {**dialog.fields(), "adjunct_id": adjunct_id}
        self.push(AddReactionCommand(self.chart_ops, self.chart.session.id, None, fields))

    # --- skin measures -------------------------------------------------------------------------
    def save_skin(self, values: dict[str, Any]) -> None:
        """Store the skin measures taken at this session."""
        if self.chart is None:
            return
        session = self.chart.session
        done = Operations.of(self.practice).run(
            lambda: self.practice.skin.record(session.client_id, session.id, **values),
            self._parent_widget(),
            self,
        )
        if done is not None:
            self.report(_("Skin measures saved."))
