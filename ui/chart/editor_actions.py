"""What the practitioner can do on the chart, each turned into one undoable command.

A mixin of :class:`ui.chart.session_editor.SessionEditor`: it reads the editor's chart and pushes
commands through its ``push``; it never touches the database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QInputDialog, QMenu

from acuchart.catalogue import CataloguePoint
from acuchart.errors import AcuChartError
from acuchart.i18n import _
from acuchart.models import Mark, Reaction, SessionChart
from ui.chart import commands
from ui.chart.reaction_menu import MarkMenuActions, ReactionDialog, mark_menu

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QWidget

    from acuchart.practice import Practice
    from acuchart.services.charting import ChartingService
    from ui.chart.diagram_view import DiagramView
    from ui.chart.point_filter import PointFilter


class EditorActions(MarkMenuActions):
    """The chart's actions; the editor supplies ``chart``, ``service``, ``push`` and ``report``."""

    chart: SessionChart | None
    practice: Practice
    charting: ChartingService
    chart_ops: commands.ChartOps
    undo_stack: QUndoStack
    views: dict[str, DiagramView]
    point_filter: PointFilter

    @property
    def current_view(self) -> DiagramView:  # implemented by the editor
        """The diagram showing now."""
        raise NotImplementedError

    def push(self, command: commands.ServiceCommand) -> bool:  # implemented by the editor
        raise NotImplementedError

    def report(self, message: str) -> None:  # implemented by the editor
        raise NotImplementedError

    def selected_mark_ids(self) -> list[int]:  # implemented by the editor
        raise NotImplementedError

    def select_marks(self, mark_ids: list[int]) -> None:  # implemented by the editor
        raise NotImplementedError

    def open_mark_editor(self, mark_id: int) -> None:  # implemented by the editor
        raise NotImplementedError

    def show_details(self) -> None:  # implemented by the editor
        raise NotImplementedError

    def repeat_also(self) -> tuple[bool, bool]:  # implemented by the editor
        """Whether Repeat last also carries over the TCM findings, and the adjunct techniques."""
        raise NotImplementedError

    def _widget(self) -> QWidget:
        return self  # type: ignore[return-value]

    # --- points ----------------------------------------------------------------------------
    def toggle_point(self, code: str, side: str, view: str | None = None) -> None:
        """A click on a point (on ``view``): mark it on that side, or unmark it when it is marked."""
        if self.chart is None:
            return
        marked = next((m for m in self.chart.marks if m.code == code and m.side == side), None)
        if marked is not None:
            self.remove_marks([marked.id])
            return
        command = commands.mark_point(self.chart_ops, self.chart.session.id, code, side, view)
        if self.push(command) and command.marks:
            self._after_marking(command.marks)

    def _after_marking(self, marks: list[Mark]) -> None:
        self.point_filter.add(m.code for m in marks if m.code)
        self.select_marks([marks[-1].id])
        cautious = [m for m in marks if m.caution_warning]
        if len(cautious) == 1:
            self.report(cautious[0].caution_warning)
        elif cautious:
            names = ", ".join(dict.fromkeys(m.code or m.title for m in cautious))
            self.report(
                _(
                    "Take care at {names}: these points meet this client's cautions (the ⚠ marks in the list say why)."
                ).format(names=names)
            )

    def mark_found_point(self, point: CataloguePoint) -> None:
        """Enter in the search box: mark the point found, asking the side of a bilateral point."""
        if self.chart is None:
            return
        sides = self.ask_sides(point)
        if not sides:
            return
        session_id = self.chart.session.id
        if len(sides) == 1:
            self.toggle_point(point.code, sides[0], self.current_view.info.name)
            return
        command = commands.AddMarksCommand(
            self.chart_ops,
            _("Mark {code} (both sides)").format(code=point.code),
            lambda: self.charting.apply_protocol(session_id, [(point.code, s) for s in sides]),
        )
        if self.push(command) and command.marks:
            self._after_marking(command.marks)

    def ask_sides(self, point: CataloguePoint) -> list[str]:
        """The sides to mark a point found by search: a midline or one-sided point has one; ask for a
        bilateral one."""
        if not point.bilateral:
            return [point.sides()[0]]  # the midline, or the one side a point like Jinjin is needled on
        choices = [_("Client's left"), _("Client's right"), _("Both sides")]
        choice, ok = QInputDialog.getItem(
            self._widget(), _("Mark {code}").format(code=point.code), _("Which side?"), choices, 0, False
        )
        if not ok:
            return []
        return {"Client's left": ["left"], "Client's right": ["right"]}.get(choice, ["right", "left"])

    def place_free_marker(self, view: str, x: float, y: float, label: str = "", needles: int = 1) -> None:
        """Shift+click or the free marker tool: a free marker with one needle, its label editor open.

        Typing the label, Tab, the count and Enter finishes it; Esc keeps the marker as placed.
        """
        if self.chart is None:
            return
        command = commands.add_free_marker(self.chart_ops, self.chart.session.id, view, x, y, label, needles)
        if self.push(command) and command.marks:
            self.select_marks([command.marks[0].id])
            self.open_mark_editor(command.marks[0].id)

    def remove_marks(self, mark_ids: list[int]) -> None:
        """Unmark points and delete free markers (their reactions go with them, and come back on undo)."""
        marks = [m for m in (self.chart.mark(i) for i in mark_ids) if m is not None] if self.chart else []
        if marks:
            self.push(commands.RemoveMarksCommand(self.chart_ops, marks))

    def remove_selected(self) -> None:
        """Delete or Backspace: remove the selected marks."""
        self.remove_marks(self.selected_mark_ids())

    def set_needles(self, mark_id: int, needles: int) -> None:
        """Change how many needles went in at a mark."""
        mark = self.chart.mark(mark_id) if self.chart else None
        if mark is not None:
            text = _("Set {title} to {needles} needles").format(title=mark.title, needles=needles)
            self.push(commands.EditMarkCommand(self.chart_ops, mark, text, {"needles": needles}))

    def edit_needles(self, mark_id: int) -> None:
        """Edit a mark's needle count (and a free marker's label) beside it on the diagram."""
        self.open_mark_editor(mark_id)

    def store_mark_edit(self, mark_id: int, new: dict[str, object]) -> None:
        """Store what the mark editor changed, as one undoable action."""
        mark = self.chart.mark(mark_id) if self.chart else None
        if mark is not None and new:
            text = (
                _("Label {title}").format(title=mark.title)
                if "label" in new
                else _("Set {title} to {value} needles").format(title=mark.title, value=new["needles"])
            )
            self.push(commands.EditMarkCommand(self.chart_ops, mark, text, new))

    def move_marker(self, mark_id: int, old_x: float, old_y: float, x: float, y: float) -> None:
        """A free marker dragged from (old_x, old_y) to (x, y), stored on release."""
        mark = self.chart.mark(mark_id) if self.chart else None
        if mark is not None:
            self.push(commands.MoveMarkerCommand(self.chart_ops, mark, (old_x, old_y), (x, y)))

    def needling_details(self, mark_id: int) -> None:
        """Angle, depth, stimulation and retention at a mark, and at the other marks selected with it."""
        from ui.chart.note.needling_dialog import NeedlingDialog

        if self.chart is None:
            return
        ids = self.selected_mark_ids()
        ids = ids if mark_id in ids else [mark_id]
        marks = [m for m in (self.chart.mark(i) for i in ids) if m is not None]
        if not marks:
            return
        dialog = NeedlingDialog(marks, self._widget())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        new = dialog.values()
        changing = [m for m in marks if any(getattr(m, key) != value for key, value in new.items())]
        if not changing:
            return
        stack = self.undo_stack
        stack.beginMacro(
            _("Needling details at {join}").format(join=", ".join(m.title for m in changing[:3]))
        )
        try:
            for mark in changing:
                text = _("Needling details at {title}").format(title=mark.title)
                if not self.push(commands.EditMarkCommand(self.chart_ops, mark, text, dict(new))):
                    break
        finally:
            stack.endMacro()

    # --- reactions -------------------------------------------------------------------------
    def mark_menu(self, mark: Mark) -> QMenu:
        """The context menu of a mark; its first entry records a mild bruise."""
        reactions = self.chart.reactions_at(mark.id) if self.chart else ()
        return mark_menu(self._widget(), mark, reactions, self)

    def quick_reaction(self, mark_id: int | None, kind: str, severity: str) -> None:
        """Record a reaction noticed during the session, without a note."""
        self.record_reaction(mark_id, {"kind": kind, "severity": severity, "onset": "during", "note": ""})

    def record_reaction(self, mark_id: int | None, fields: dict[str, Any]) -> None:
        """Record a reaction at a mark, or for the session with ``mark_id`` None."""
        if self.chart is None:
            return
        mark = self.chart.mark(mark_id) if mark_id is not None else None
        self.push(commands.AddReactionCommand(self.chart_ops, self.chart.session.id, mark, fields))

    def reaction_dialog(self, mark_id: int | None, reaction: Reaction | None = None) -> None:
        """Record (or edit) a reaction with its details."""
        if self.chart is None:
            return
        mark = self.chart.mark(mark_id) if mark_id is not None else None
        where = _("at {title}").format(title=mark.title) if mark else _("for the whole session")
        dialog = ReactionDialog(mark is not None, where, reaction, self._widget())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        fields = dialog.fields()
        if reaction is None:
            self.record_reaction(mark_id, fields)
            return
        changed = {k: v for k, v in fields.items() if getattr(reaction, k) != v}
        if changed:
            self.push(commands.EditReactionCommand(self.chart_ops, reaction, changed))

    def reaction_for_selection(self) -> None:
        """R: record a reaction at the selected mark."""
        ids = self.selected_mark_ids()
        if ids:
            self.reaction_dialog(ids[0])

    def delete_reaction(self, reaction: Reaction) -> None:
        """Remove a reaction recorded in error."""
        self.push(commands.DeleteReactionCommand(self.chart_ops, reaction))

    # --- the session's details --------------------------------------------------------------
    def change_details(self, text: str, **new: object) -> None:
        """Store when/course/duration/notes as one undoable action."""
        if self.chart is None:
            return
        session = self.chart.session
        old = {key: getattr(session, key) for key in new}
        command = commands.DetailsCommand(self.chart_ops, session.id, text, old, new)
        if not self.push(command):
            self.show_details()  # the fields go back to what is stored

    # --- needles and protocols ---------------------------------------------------------------
    def confirm_needles(self, count: int, note: str) -> None:
        """The count of needles removed, confirmed."""
        if self.chart is None:
            return
        session = self.chart.session
        old = (session.needles_removed, session.count_note)
        self.push(commands.NeedlesRemovedCommand(self.chart_ops, session.id, old, (count, note)))

    def apply_points(self, name: str, points: list[tuple[str, str]]) -> None:
        """Add a protocol's points; what is already marked stays as it is."""
        if self.chart is None:
            return
        session_id = self.chart.session.id
        command = commands.AddMarksCommand(
            self.chart_ops,
            _("Apply {name}").format(name=name),
            lambda: self.charting.apply_protocol(session_id, points),
        )
        if self.push(command) and command.marks:
            self._after_marking(command.marks)
        elif not command.failed:
            self.report(_("Every point of {name} is already marked.").format(name=name))

    def repeat_last(self) -> None:
        """Mark the points and free markers of the client's previous session."""
        if self.chart is None:
            return
        session_id = self.chart.session.id
        findings, techniques = self.repeat_also()
        command = commands.AddMarksCommand(
            self.chart_ops,
            _("Repeat last session"),
            lambda: self.charting.repeat_last(session_id, assessment=findings, adjuncts=techniques),
        )
        if self.push(command) and command.marks:
            self._after_marking(command.marks)
        elif not command.failed:
            self.report(_("Nothing to repeat: no earlier session has marks that are not already here."))

    def save_as_protocol(self) -> None:
        """Save the marked points as one of the practitioner's protocols."""
        if self.chart is None:
            return
        points = [(m.code, m.side or "midline") for m in self.chart.marks if m.code]
        if not points:
            self.report(_("Mark some points first; free markers are not part of a protocol."))
            return
        name, ok = QInputDialog.getText(
            self._widget(),
            _("Save as protocol"),
            _("Name for these {points} points:").format(points=len(points)),
        )
        if ok:
            try:
                self.chart_ops.perform(lambda: self.practice.protocols.save(name, "", points))
            except AcuChartError as exc:
                self.report(str(exc))
