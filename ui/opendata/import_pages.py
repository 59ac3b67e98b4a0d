"""The pages of File → Import clients…: how the file reads and which column holds what (with a preview of
the first rows and, when the file does not say, the order of its dates); then every row checked before
anything is written; then the report.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from acuchart.dates import long_date, short_date
from acuchart.i18n import _, ngettext
from acuchart.imports.dates import ORDERS, DateReading, Order
from acuchart.imports.mapping import FIELD_LABELS, SKIP, ColumnMapping
from acuchart.imports.plan import ImportPlan, ImportReport
from acuchart.imports.sniff import DELIMITERS, ENCODINGS, CsvTable
from ui import theme
from ui.accessibility import accessible
from ui.opendata.rows_model import RowsModel, rows_view
from ui.style import mute, set_text_size

PREVIEW_ROWS = 8
WARN_STYLE = "color: $alert; font-weight: 600;"
_FIELD_ORDER = [key for key in FIELD_LABELS if key] + [SKIP]


class MappingPage(QWidget):
    """How the file reads (encoding, separator, header), what each column holds, and the dates' order."""

    reading_changed = Signal()
    """The encoding, separator or header choice changed: the file must be read again."""
    mapping_changed = Signal()

    def __init__(self, file_name: str) -> None:
        super().__init__()
        self.setObjectName("importMapping")
        self.title = QLabel()
        set_text_size(self.title, 15 / 13)
        self.encoding = QComboBox()
        self.encoding.setObjectName("importEncoding")
        for key, label in ENCODINGS.items():
            self.encoding.addItem(_(label), key)
        self.delimiter = QComboBox()
        self.delimiter.setObjectName("importDelimiter")
        for key, label in DELIMITERS.items():
            self.delimiter.addItem(_(label), key)
        self.header = QCheckBox(_("The first row names the columns"))
        self.header.setObjectName("importHeader")
        reading = QHBoxLayout()
        for label, widget in ((_("Encoding"), self.encoding), (_("Separator"), self.delimiter)):
            reading.addWidget(QLabel(label))
            reading.addWidget(widget)
        reading.addWidget(self.header)
        reading.addStretch(1)
        explain = QLabel(
            _(
                "Say what each column holds (the first rows are shown below). Columns set to Don't import are left out."
            )
        )
        explain.setWordWrap(True)
        mute(explain)
        self.preview = QTableWidget()
        self.preview.setTabKeyNavigation(
            False
        )  # Tab leaves the table (the arrow keys move in it): no keyboard trap
        self.preview.setObjectName("importPreview")
        accessible(self.preview, "The file's first rows", _("Each column's menu above says what it holds"))
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().setDefaultSectionSize(26)
        self.dates = QComboBox()
        self.dates.setObjectName("importDateOrder")
        self.dates.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.dates_note = QLabel()
        self.dates_note.setWordWrap(True)
        dates_choice = QHBoxLayout()
        dates_choice.addWidget(QLabel(_("Dates of birth are written")))
        dates_choice.addWidget(self.dates)
        dates_choice.addStretch(1)
        dates_row = QVBoxLayout()
        dates_row.addLayout(dates_choice)
        dates_row.addWidget(self.dates_note)
        self.problem = QLabel()
        self.problem.setObjectName("importMappingProblem")
        self.problem.setWordWrap(True)
        theme.style(self.problem, WARN_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(reading)
        layout.addWidget(explain)
        layout.addWidget(self.preview, 1)
        layout.addLayout(dates_row)
        layout.addWidget(self.problem)
        self._file_name = file_name
        self._combos: list[QComboBox] = []
        self._filling = False
        for widget in (self.encoding, self.delimiter):
            widget.currentIndexChanged.connect(self._on_reading)
        self.header.toggled.connect(self._on_reading)
        self.dates.currentIndexChanged.connect(lambda _i: self.mapping_changed.emit())

    def _on_reading(self) -> None:
        if not self._filling:
            self.reading_changed.emit()

    def show_table(self, table: CsvTable, mapping: ColumnMapping) -> None:
        """Show how the file reads and the guessed mapping."""
        self._filling = True
        try:
            self.title.setText(
                ngettext("{file_name}: {rows:,} row", "{file_name}: {rows:,} rows", len(table.rows)).format(
                    file_name=self._file_name, rows=len(table.rows)
                )
            )
            self.encoding.setCurrentIndex(max(0, self.encoding.findData(table.encoding)))
            self.delimiter.setCurrentIndex(max(0, self.delimiter.findData(table.delimiter)))
            self.header.setChecked(table.has_header)
            shown = table.rows[:PREVIEW_ROWS]
            self.preview.clear()
            self.preview.setColumnCount(len(table.columns))
            self.preview.setRowCount(len(shown) + 1)
            self.preview.setHorizontalHeaderLabels(list(table.columns))
            self.preview.setVerticalHeaderLabels([_("Holds"), *(str(number) for number, _ in shown)])
            self._combos = []
            for column in range(len(table.columns)):
                combo = QComboBox()
                combo.setObjectName(f"importColumn{column + 1}")
                combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                combo.setMinimumContentsLength(12)
                for key in _FIELD_ORDER:
                    combo.addItem(_(FIELD_LABELS[key]), key)
                combo.setCurrentIndex(combo.findData(mapping.get(column, SKIP)))
                combo.currentIndexChanged.connect(lambda _i: self.mapping_changed.emit())
                self.preview.setCellWidget(0, column, combo)
                self._combos.append(combo)
                for row, (_number, cells) in enumerate(shown, start=1):
                    self.preview.setItem(
                        row, column, QTableWidgetItem(cells[column] if column < len(cells) else "")
                    )
            self.preview.resizeColumnsToContents()
            for column in range(len(table.columns)):
                width = max(self.preview.columnWidth(column), self._combos[column].sizeHint().width() + 8)
                self.preview.setColumnWidth(column, min(width, 240))
        finally:
            self._filling = False

    def mapping(self) -> ColumnMapping:
        """What the practitioner says each column holds."""
        return {column: str(combo.currentData()) for column, combo in enumerate(self._combos)}

    def set_column(self, column: int, key: str) -> None:
        """Set what a column holds (as a click in its menu would)."""
        combo = self._combos[column]
        combo.setCurrentIndex(combo.findData(key))

    def reading(self) -> tuple[str, str, bool]:
        """The encoding, separator and header choice."""
        return str(self.encoding.currentData()), str(self.delimiter.currentData()), self.header.isChecked()

    def show_dates(self, reading: DateReading | None, column: str) -> None:
        """The dates' order: the one the file reads in, or a question when it does not say."""
        self._filling = True
        chosen = self.date_order()
        self.dates.blockSignals(True)
        try:
            self.dates.clear()
            if reading is None:
                self.dates.addItem(_("(no date of birth column)"), None)
                self.dates.setEnabled(False)
                self.dates_note.setText("")
                return
            self.dates.setEnabled(True)
            if reading.ambiguous:
                self.dates.addItem(_("Choose…"), None)
            for order, label in ORDERS.items():
                self.dates.addItem(_(label), order)
            if chosen is not None and (reading.ambiguous or chosen in reading.readable):
                self.dates.setCurrentIndex(self.dates.findData(chosen))
            elif reading.order is not None:
                self.dates.setCurrentIndex(self.dates.findData(reading.order))
            theme.style(
                self.dates_note, WARN_STYLE if reading.ambiguous and self.date_order() is None else ""
            )
            self.dates_note.setText(_dates_note(reading, column, self.date_order()))
        finally:
            self.dates.blockSignals(False)
            self._filling = False

    def date_order(self) -> Order | None:
        """The order chosen (None: not chosen yet, or no date column)."""
        value = self.dates.currentData()
        return value if value in ORDERS else None


def _dates_note(reading: DateReading, column: str, chosen: Order | None) -> str:
    if reading.ambiguous and chosen is None:
        example, read = reading.examples[0] if reading.examples else ("", {})
        day, month = read.get("DMY"), read.get("MDY")
        if day and month:
            return _(
                "The dates in {column!r} could be day first or month first: {example} is {day} day first, {month} month first. Choose how the other program wrote them."
            ).format(column=column, example=example, day=long_date(day), month=long_date(month))
        return _(
            "The dates in {column!r} could be day first or month first. Choose how the other program wrote them."
        ).format(column=column)
    if not reading.readable:
        return _(
            "No value in {column!r} reads as a date; those rows will be listed with the problem."
        ).format(column=column)
    shown = [
        f"{text} → {short_date(day)}"
        for text, read in reading.examples
        if reading.order and (day := read.get(reading.order)) is not None
    ]
    return _("Read as: ") + "; ".join(shown[:3]) if shown else ""


class ReviewPage(QWidget):
    """Every row checked, nothing written yet: what will be added, the duplicates, the rows with problems."""

    include_duplicates_changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("importReview")
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        set_text_size(self.summary, 15 / 13)
        note = QLabel(
            _(
                "Nothing has been written yet. Check the lists, then import; the import is one step that lands whole or not at all."
            )
        )
        note.setWordWrap(True)
        mute(note)
        self.ready = RowsModel((_("Row"), _("Name"), _("Date of birth"), _("Email"), _("Phone")))
        self.duplicates = RowsModel((_("Row"), _("Name"), _("Why it looks like a duplicate")))
        self.problems = RowsModel(
            (_("Row"), _("Name"), _("What is wrong (fix it in the file and import again)"))
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("importTabs")
        self.include_duplicates = QCheckBox(_("Add the duplicates too"))
        self.include_duplicates.setObjectName("importIncludeDuplicates")
        self.include_duplicates.toggled.connect(self.include_duplicates_changed)
        duplicates = QWidget()
        column = QVBoxLayout(duplicates)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(accessible(rows_view(self.duplicates, "importDuplicates"), "Duplicates"), 1)
        column.addWidget(self.include_duplicates)
        self.tabs.addTab(accessible(rows_view(self.ready, "importReady"), "Rows to add"), _("To add"))
        self.tabs.addTab(duplicates, _("Duplicates"))
        self.tabs.addTab(
            accessible(rows_view(self.problems, "importProblems"), "Rows with problems"),
            _("Rows with problems"),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(note)
        layout.addWidget(self.tabs, 1)

    def show_plan(self, plan: ImportPlan) -> None:
        """Fill the lists from a plan."""
        ready, dupes, bad = (plan.with_status(s) for s in ("ready", "duplicate", "problem"))
        self.summary.setText(plan.summary() + ".")
        self.ready.set_rows(
            [
                (
                    r.row,
                    r.name,
                    r.form.date_of_birth if r.form else "",
                    r.form.email if r.form else "",
                    r.form.phone if r.form else "",
                )
                for r in ready
            ]
        )
        self.duplicates.set_rows([(r.row, r.name, r.duplicate) for r in dupes])
        self.problems.set_rows([(r.row, r.name, r.reason) for r in bad])
        self.tabs.setTabText(0, _("To add ({ready:,})").format(ready=len(ready)))
        self.tabs.setTabText(1, _("Duplicates ({dupes:,})").format(dupes=len(dupes)))
        self.tabs.setTabText(2, _("Rows with problems ({bad:,})").format(bad=len(bad)))
        self.include_duplicates.setEnabled(bool(dupes))
        self.tabs.setCurrentIndex(2 if bad else 1 if dupes else 0)


class ReportPage(QWidget):
    """What the import did: how many were added, and every row skipped with its reason."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("importReport")
        self.summary = QLabel()
        self.summary.setObjectName("importResult")
        self.summary.setWordWrap(True)
        set_text_size(self.summary, 15 / 13)
        self.skipped = RowsModel((_("Row"), _("Name"), _("Skipped because")))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(accessible(rows_view(self.skipped, "importSkipped"), "Rows skipped"), 1)

    def show_report(self, report: ImportReport) -> None:
        """Fill in the report."""
        added = len(report.added)
        text = ngettext("Added {count:,} client.", "Added {count:,} clients.", added).format(count=added)
        if report.skipped:
            skipped = len(report.skipped)
            text += " " + ngettext(
                "Skipped {count:,} row, listed below with the reason.",
                "Skipped {count:,} rows, listed below with the reason.",
                skipped,
            ).format(count=skipped)
        self.summary.setText(text)
        self.skipped.set_rows(report.skipped)
