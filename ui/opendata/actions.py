"""The open-data actions of the main window: File → Import clients… and Export practice…, View → Where
reactions happen, and the client page's Documents → FHIR record for another clinician….

This module knows nothing of the window: it is given the practice, the preferences, the window that
owns its dialogs, and how to find the client on screen and tell the practitioner something.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from acuchart.errors import AcuChartError
from acuchart.i18n import _
from acuchart.practice import Practice
from ui.actions import menu_action
from ui.messages import warn
from ui.preferences import Preferences

FHIR_FOLDER_KEY = "export/fhir_folder"


class OpenDataActions:
    """Makes and keeps the open-data actions and the windows they open.

    Args:
        practice: the open practice.
        preferences: remembered folders and choices.
        parent: the window that owns the dialogs.
        client_id: the client on screen, if any.
        status: shows a short note in the status bar.
    """

    def __init__(
        self,
        practice: Practice,
        preferences: Preferences,
        parent: QWidget,
        client_id: Callable[[], int | None],
        status: Callable[[str], None],
    ) -> None:
        self._practice = practice
        self._preferences = preferences
        self._parent = parent
        self._client_id = client_id
        self._status = status
        self._map_window: QWidget | None = None
        self.import_clients = menu_action(
            parent,
            _("&Import clients…"),
            None,
            self.open_import,
            _("Add clients from another system's CSV file"),
        )
        self.import_clients.setObjectName("importClients")
        self.export_practice = menu_action(
            parent,
            _("&Export practice…"),
            None,
            self.open_export,
            _("Every record as CSV and JSON files, with a README"),
        )
        self.export_practice.setObjectName("exportPractice")
        self.fhir = menu_action(
            parent,
            _("&FHIR record for another clinician…"),
            None,
            self.save_fhir,
            _("The client's record as FHIR R4B (JSON)"),
        )
        self.fhir.setObjectName("fhirRecord")
        self.reaction_map = menu_action(
            parent,
            _("Where &reactions happen"),
            "Ctrl+Shift+R",
            self.show_reaction_map,
            _("How often each kind of reaction followed needling at each point, across the practice"),
        )
        self.reaction_map.setObjectName("reactionMap")

    def open_export(self) -> None:
        """Ask where, then export the whole practice with a progress bar."""
        from ui.opendata.export_dialog import ExportDialog

        dialog = ExportDialog(self._practice, self._preferences, self._parent)
        if dialog.exec() and dialog.summary is not None:
            self._status(dialog.summary.text())

    def open_import(self) -> None:
        """Choose a CSV file, then map, check and import it."""
        from ui.opendata.import_dialog import ImportDialog, choose_csv

        path = choose_csv(self._parent, self._preferences)
        if path is None:
            return
        dialog = ImportDialog(self._practice, self._preferences, path, self._parent)
        if dialog.table is not None:
            dialog.exec()

    def save_fhir(self) -> Path | None:
        """Save the client on screen as a FHIR R4B bundle where the practitioner chooses."""
        from acuchart.export.fhir import bundle_file_name, write_bundle

        client_id = self._client_id()
        if client_id is None:
            return None
        folder = self._preferences.text(FHIR_FOLDER_KEY) or str(Path.home())
        try:
            suggested = Path(folder) / bundle_file_name(self._practice, client_id)
        except AcuChartError as exc:
            warn(self._parent, str(exc))
            return None
        chosen, _filter = QFileDialog.getSaveFileName(
            self._parent, _("Save the FHIR record"), str(suggested), _("FHIR JSON (*.json)")
        )
        if not chosen:
            return None
        path = Path(chosen) if chosen.lower().endswith(".json") else Path(chosen + ".json")
        try:
            written = write_bundle(self._practice, client_id, path, overwrite=True)
        except AcuChartError as exc:
            warn(self._parent, str(exc))
            return None
        self._preferences.set_text(FHIR_FOLDER_KEY, str(written.parent))
        self._status(
            _("Saved the FHIR record as {name} in {parent}.").format(name=written.name, parent=written.parent)
        )
        return written

    def show_reaction_map(self) -> QWidget:
        """Show (or bring forward) the practice-wide reaction map."""
        from ui.opendata.reaction_map_window import ReactionMapWindow

        if self._map_window is None:
            self._map_window = ReactionMapWindow(self._practice, self._preferences, self._parent)
        self._map_window.show()
        self._map_window.raise_()
        self._map_window.activateWindow()
        return self._map_window
