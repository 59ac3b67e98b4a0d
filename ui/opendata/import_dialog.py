"""File → Import clients…: map the columns, check every row, then import in one step, and report.

Nothing is written until the practitioner presses Import on the review page; the import runs as one
operation (one transaction), so the client list refreshes once and an import that fails leaves the
practice as it was.
"""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from acuchart.errors import AcuChartError
from acuchart.i18n import _, ngettext
from acuchart.imports.mapping import guess_mapping, mapping_problem
from acuchart.imports.plan import (
    AmbiguousDatesError,
    ImportPlan,
    ImportReport,
    date_column,
    plan_import,
    read_dates,
    run_import,
)
from acuchart.imports.sniff import CsvTable, parse_table
from acuchart.practice import Practice
from ui.messages import warn
from ui.opendata.import_pages import MappingPage, ReportPage, ReviewPage
from ui.operations import Operations
from ui.preferences import Preferences

FOLDER_KEY = "import/folder"


def choose_csv(parent: QWidget, preferences: Preferences) -> Path | None:
    """Ask for the CSV file to import (the folder is remembered)."""
    folder = preferences.text(FOLDER_KEY) or str(Path.home())
    chosen, _filter = QFileDialog.getOpenFileName(
        parent, _("Import clients from a CSV file"), folder, _("CSV files (*.csv *.txt);;All files (*)")
    )
    if not chosen:
        return None
    preferences.set_text(FOLDER_KEY, str(Path(chosen).parent))
    return Path(chosen)


class ImportDialog(QDialog):
    """The three steps of an import: mapping, review (the dry run), report.

    ``table`` is None when the file could not be read (the reason was shown already).
    """

    def __init__(
        self, practice: Practice, preferences: Preferences, path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(_("Import clients — {name}").format(name=path.name))
        self._practice = practice
        self._path = path
        self.table: CsvTable | None = None
        self._dates_unanswered = False
        self.plan: ImportPlan | None = None
        self.report: ImportReport | None = None
        self.mapping_page = MappingPage(path.name)
        self.review_page = ReviewPage()
        self.report_page = ReportPage()
        self.pages = QStackedWidget()
        for page in (self.mapping_page, self.review_page, self.report_page):
            self.pages.addWidget(page)
        self.progress = QProgressBar()
        self.progress.hide()
        self.back_button = QPushButton(_("Back"))
        self.cancel_button = QPushButton(_("Cancel"))
        self.next_button = QPushButton(_("Check rows"))
        self.next_button.setObjectName("importNext")
        self.next_button.setDefault(True)
        self.save_button = QPushButton(_("Save report…"))
        self.save_button.setObjectName("importSaveReport")
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)
        for button in (self.save_button, self.back_button, self.cancel_button, self.next_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.back_button.clicked.connect(self.back)
        self.cancel_button.clicked.connect(self.reject)
        self.next_button.clicked.connect(self.next)
        self.save_button.clicked.connect(self.save_report)
        self.mapping_page.reading_changed.connect(self._read_again)
        self.mapping_page.mapping_changed.connect(self._check_mapping)
        self.review_page.include_duplicates_changed.connect(lambda _on: self._update_buttons())
        self.resize(980, 620)
        try:
            self._data = path.read_bytes()
            self._show(parse_table(self._data, path.name))
        except (OSError, AcuChartError) as exc:
            warn(
                parent,
                str(exc)
                if isinstance(exc, AcuChartError)
                else _("{path} could not be read ({exc}).").format(path=path, exc=exc),
            )
            self.table = None
            return
        self._update_buttons()

    # --- the mapping step ----------------------------------------------------------------------
    def _show(self, table: CsvTable) -> None:
        self.table = table
        self.mapping_page.show_table(
            table, guess_mapping(table.columns, [c for _, c in table.rows], table.has_header)
        )
        self._check_mapping()

    def _read_again(self) -> None:
        encoding, delimiter, header = self.mapping_page.reading()
        try:
            self._show(parse_table(self._data, self._path.name, encoding, delimiter, header))
        except AcuChartError as exc:
            self.mapping_page.problem.setText(str(exc))
            self.next_button.setEnabled(False)

    def _check_mapping(self) -> None:
        if self.table is None:
            return
        mapping = self.mapping_page.mapping()
        column = date_column(self.table, mapping)
        reading = read_dates(self.table, mapping)
        self.mapping_page.show_dates(reading, self.table.columns[column] if column is not None else "")
        problem = mapping_problem(mapping)
        if (
            problem is None
            and reading is not None
            and reading.ambiguous
            and self.mapping_page.date_order() is None
        ):
            problem = _("Choose how the dates of birth are written before going on.")
        self.mapping_page.problem.setText(problem or "")
        self._update_buttons()

    # --- moving between steps ------------------------------------------------------------------
    def _update_buttons(self) -> None:
        page = self.pages.currentWidget()
        self.back_button.setVisible(page is self.review_page)
        self.save_button.setVisible(page is self.report_page)
        self.cancel_button.setVisible(page is not self.report_page)
        if page is self.mapping_page:
            self.next_button.setText(_("Check rows"))
            self.next_button.setEnabled(not self.mapping_page.problem.text() and not self._dates_unanswered)
        elif page is self.review_page and self.plan is not None:
            count = len(self.plan.with_status("ready"))
            if self.review_page.include_duplicates.isChecked():
                count += len(self.plan.with_status("duplicate"))
            self.next_button.setText(
                ngettext("Import {count:,} client", "Import {count:,} clients", count).format(count=count)
            )
            self.next_button.setEnabled(count > 0)
        else:
            self.next_button.setText(_("Close"))
            self.next_button.setEnabled(True)

    def next(self) -> None:
        """Go on: check the rows, import them, or close after the report."""
        page = self.pages.currentWidget()
        if page is self.mapping_page:
            self.check_rows()
        elif page is self.review_page:
            self.do_import()
        else:
            self.accept()

    def back(self) -> None:
        """Back to the mapping."""
        self.pages.setCurrentWidget(self.mapping_page)
        self._update_buttons()

    def _step(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def check_rows(self) -> None:
        """The dry run: check every row and find duplicates; nothing is written."""
        if self.table is None:
            return
        self._busy(True)
        try:
            self.plan = plan_import(
                self._practice,
                self.table,
                self.mapping_page.mapping(),
                self.mapping_page.date_order(),
                self._step,
            )
        except AmbiguousDatesError as exc:
            self.mapping_page.problem.setText(str(exc))
            return
        except AcuChartError as exc:
            warn(self, str(exc))
            return
        finally:
            self._busy(False)
        self.review_page.show_plan(self.plan)
        self.pages.setCurrentWidget(self.review_page)
        self._update_buttons()

    def do_import(self) -> None:
        """Add the clients in one operation and show the report."""
        if self.plan is None:
            return
        plan, include = self.plan, self.review_page.include_duplicates.isChecked()
        self._busy(True)
        try:
            result = Operations.of(self._practice).run(
                lambda: run_import(self._practice, plan, include), self, self
            )
        finally:
            self._busy(False)
        if result is None:
            return
        self.report = result.value
        self.report_page.show_report(self.report)
        self.pages.setCurrentWidget(self.report_page)
        self._update_buttons()

    def _busy(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.progress.setRange(0, 0)
        for button in (self.next_button, self.back_button, self.cancel_button):
            button.setEnabled(not on)
        if on:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        else:
            QApplication.restoreOverrideCursor()

    def save_report(self) -> Path | None:
        """Save the report as a CSV file (row, name, result), to fix the skipped rows in the other system."""
        if self.report is None:
            return None
        suggested = self._path.with_name(_("{stem} import report.csv").format(stem=self._path.stem))
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Save the import report"), str(suggested), _("CSV files (*.csv)")
        )
        if not chosen:
            return None
        return write_report(self.report, Path(chosen), self)


def write_report(report: ImportReport, path: Path, parent: QWidget | None = None) -> Path | None:
    """Write an import report as CSV (UTF-8 with a byte-order mark, for spreadsheets)."""
    from acuchart.export.files import file_in_place

    try:
        with (
            file_in_place(path, overwrite=True) as temp,
            temp.open("w", encoding="utf-8-sig", newline="") as out,
        ):
            writer = csv.writer(out)
            writer.writerow(["row", "name", "result", _("client number")])
            writer.writerows((row, name, "added", client_id) for row, client_id, name in report.added)
            writer.writerows(
                (row, name, _("skipped: {why}").format(why=why), "") for row, name, why in report.skipped
            )
    except AcuChartError as exc:
        warn(parent, str(exc))
        return None
    return path
