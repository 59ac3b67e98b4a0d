"""View → Where reactions happen: the practice's diagrams as a heat map, filterable by period, by the
clients' cautions and by protocol, with the points ranked beside it, how ratings changed over courses,
and the same as a printed page.
"""

from __future__ import annotations

import datetime as dt
import time

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from acuchart import clock
from acuchart.catalogue import VIEWS
from acuchart.changes import Changes
from acuchart.i18n import N_, _, app_language
from acuchart.models.insights import (
    MAP_KINDS,
    MIN_NEEDLINGS,
    NO_CAUTION,
    NO_PROTOCOL,
    OUTCOME_NOTE,
    MapFilter,
    ReactionMap,
    percent,
    signed_change,
)
from acuchart.models.practice import CAUTION_FLAGS
from acuchart.practice import Practice
from acuchart.reports.heat_scale import BINS, OUTLINE
from ui import theme
from ui.accessibility import accessible
from ui.opendata.heat_view import HeatMapView
from ui.opendata.rows_model import RowsModel, rows_view
from ui.operations import Operations
from ui.preferences import Preferences
from ui.style import mute

PERIODS = (N_("All time"), N_("Last 12 months"), N_("This year"), N_("Last year"), N_("Between dates…"))
_RECORD_CHANGES = (
    "sessions",
    "marks",
    "reactions",
    "clients",
    "ratings",
    "amendments",
    "protocols",
    "courses",
)


def _combo(name: str, items: list[tuple[str, object]], width: int = 0) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    if width:  # long entries (the cautions, the protocols' names) must not push the bar off the screen
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(width)
    for label, data in items:
        combo.addItem(label, data)
    return combo


def _day(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())


def _legend() -> QLabel:
    swatches = " ".join(
        f'<span style="background:{step.fill}; color:{step.ink}; border:1px solid {OUTLINE};">&nbsp;{step.label}&nbsp;</span>'
        for step in BINS
    )
    few = _(
        '<span style="color:{TOO_FEW};">◌ needled under {MIN_NEEDLINGS} times: too few to say</span>'
    ).format(TOO_FEW=theme.current().muted, MIN_NEEDLINGS=MIN_NEEDLINGS)
    label = QLabel(
        _("{swatches} &nbsp; {few} &nbsp; Hover a point for its counts.").format(swatches=swatches, few=few)
    )
    label.setObjectName("heatLegend")
    return label


class ReactionMapWindow(QWidget):
    """The practice-wide reaction map in a window of its own, beside the chart."""

    def __init__(self, practice: Practice, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("reactionMapWindow")
        self.setWindowTitle(_("Where reactions happen — {title}").format(title=practice.title))
        self._practice = practice
        self._preferences = preferences
        self._documents: object | None = None
        self._stale = True
        self.figures: ReactionMap | None = None
        self.last_ms = 0.0
        service = practice.reaction_map
        self.kind = _combo("mapKind", [(label, key) for key, label in MAP_KINDS])
        self.kind.setCurrentIndex(self.kind.findData("bruising"))
        self.period = _combo("mapPeriod", [(_(label), label) for label in PERIODS])
        self.start = QDateEdit(QDate.currentDate().addYears(-1))
        self.end = QDateEdit(QDate.currentDate())
        accessible(self.start, "From")
        accessible(self.end, "To")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.hide()
        self.caution = _combo(
            "mapCaution",
            [
                (_("Every client"), None),
                (_("Clients with no caution"), NO_CAUTION),
                *((label, key) for key, label in CAUTION_FLAGS),
            ],
            24,
        )
        self.protocol = _combo(
            "mapProtocol",
            [
                (_("Any protocol"), None),
                *((c.name, c.key) for c in service.protocols()),
                (_("Following no protocol"), NO_PROTOCOL),
            ],
            22,
        )
        self.print_button = QPushButton(_("Print or save as PDF…"))
        self.print_button.setObjectName("mapPrint")
        self.print_button.clicked.connect(self.preview)
        bar = QHBoxLayout()
        for label, widget in ((_("Reaction"), self.kind), (_("Period"), self.period)):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addWidget(self.start)
        bar.addWidget(self.end)
        for label, widget in ((_("Clients"), self.caution), (_("Protocol"), self.protocol)):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.print_button)

        self.views = [HeatMapView(info, practice.catalogue) for info in VIEWS.values()]
        diagrams = QWidget()
        row = QHBoxLayout(diagrams)
        row.setContentsMargins(0, 0, 0, 0)
        for view in self.views:
            column = QVBoxLayout()
            title = QLabel(f"<b>{_(view.info.title)}</b>")
            title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            column.addWidget(title)
            column.addWidget(view, 1)
            row.addLayout(column, int(100 * view.info.width / view.info.height))
        self.points = RowsModel((_("Point"), _("Rate"), _("Count"), _("95% interval")))
        self.outcomes = RowsModel(
            (
                _("Concern"),
                _("Protocol followed"),
                _("Courses"),
                _("Median change"),
                _("Middle half"),
                _("All"),
            )
        )
        outcomes = QWidget()
        outcome_column = QVBoxLayout(outcomes)
        outcome_column.setContentsMargins(0, 0, 0, 0)
        note = QLabel(_(OUTCOME_NOTE))
        note.setWordWrap(True)
        mute(note)
        outcome_column.addWidget(note)
        outcomes_view = accessible(rows_view(self.outcomes, "mapOutcomes"), "Ratings over a course")
        # Long names elide; the numbers stay in view.
        outcomes_view.horizontalHeader().setMaximumSectionSize(170)
        outcome_column.addWidget(outcomes_view, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(accessible(rows_view(self.points, "mapPoints"), "Points ranked"), _("Points"))
        self.tabs.addTab(outcomes, _("Ratings over a course"))
        splitter = QSplitter()
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(diagrams, 1)
        left_column.addWidget(_legend())
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([780, 500])
        self.status = QLabel()
        self.status.setObjectName("mapStatus")
        mute(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        for combo in (self.kind, self.period, self.caution, self.protocol):
            combo.currentIndexChanged.connect(self.refresh)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self.refresh)
        QShortcut(QKeySequence.StandardKey.Print, self, self.preview)
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)
        Operations.of(practice).subscribe(self._on_changes, self)
        self.resize(1280, 800)

    # --- the filter ----------------------------------------------------------------------------
    def current_filter(self) -> MapFilter:
        """The sessions the controls choose."""
        today = clock.today()
        period = self.period.currentText()
        start: dt.date | None = None
        end: dt.date | None = None
        if period == "Last 12 months":
            start = today - dt.timedelta(days=365)
        elif period == "This year":
            start = dt.date(today.year, 1, 1)
        elif period == "Last year":
            start, end = dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
        elif period == "Between dates…":
            start, end = _day(self.start.date()), _day(self.end.date())
        return MapFilter(start, end, self.caution.currentData(), self.protocol.currentData())

    @property
    def kind_key(self) -> str:
        """The kind of reaction shown."""
        return str(self.kind.currentData())

    # --- showing -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Count again for the controls' choices and redraw."""
        custom = self.period.currentText() == "Between dates…"
        self.start.setVisible(custom)
        self.end.setVisible(custom)
        began = time.perf_counter()
        wanted = self.current_filter()
        service = self._practice.reaction_map
        figures = service.reaction_map(wanted)
        kind = self.kind_key
        for view in self.views:
            needled = view.show_map(figures, kind)
            view.setToolTip("" if needled else _("No point on this diagram was needled in these sessions."))
        ranked = figures.ranked(kind)
        self.points.set_rows(
            [
                (
                    f"{r.code} {self._pinyin(r.code)}",
                    percent(r.reactions / r.needlings) if r.enough else _("too few to say"),
                    _("{reactions} of {needlings}").format(reactions=r.reactions, needlings=r.needlings),
                    r.interval_text().removeprefix(_("95% interval ")) if r.enough else "",
                )
                for r in ranked
            ]
        )
        rows = []
        for outcome in service.outcomes(wanted):
            if outcome.enough:
                low, middle, high = outcome.quartiles()
                numbers = (
                    signed_change(middle),
                    _("{signed_change} to {signed_change2}").format(
                        signed_change=signed_change(low), signed_change2=signed_change(high)
                    ),
                    _("{signed_change} to {signed_change2}").format(
                        signed_change=signed_change(min(outcome.changes)),
                        signed_change2=signed_change(max(outcome.changes)),
                    ),
                )
            else:
                numbers = (_("too few to say"), "", "")
            rows.append((outcome.concern_label, outcome.protocol_name, outcome.courses, *numbers))
        self.outcomes.set_rows(rows)
        self.figures = figures
        self._stale = False
        self.last_ms = (time.perf_counter() - began) * 1000
        names = service.protocol_names()
        self.status.setText(
            _(
                "{sessions:,} sessions, {needlings:,} needlings · {describe} · a session follows a protocol when it marks three quarters of its points or more"
            ).format(sessions=figures.sessions, needlings=figures.needlings, describe=wanted.describe(names))
        )

    def _pinyin(self, code: str) -> str:
        point = self._practice.catalogue.find(code)
        return point.pinyin if point else ""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        """Count again now if this window is the one in use, else when it next is (at a large practice
        reading the records again takes a moment, which charting in the main window should not wait for)."""
        if any(getattr(changes, name) for name in _RECORD_CHANGES):
            self._stale = True
            if self.isActiveWindow():
                self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and self._stale:
            self.refresh()

    def preview(self) -> None:
        """The map as a printed page, to print or save."""
        from acuchart.reports.reaction_map_page import reaction_map_document
        from ui.printing.documents import DocumentActions

        if self._documents is None:
            self._documents = DocumentActions(self._practice, self._preferences, self)
        assert isinstance(self._documents, DocumentActions)
        wanted, kind = self.current_filter(), self.kind_key
        self._documents.preview(lambda: reaction_map_document(self._practice, wanted, kind, app_language()))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stale = True
        super().closeEvent(event)
