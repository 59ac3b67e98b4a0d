"""File → Backups…: how often, the second place (with a folder chooser), how many to keep, and how each
place is doing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from acuchart import clock
from acuchart.backup.recovery import ago
from acuchart.backup.settings import INTERVAL_RANGE, KEEP_LIMITS, BackupSettings, Keep
from acuchart.backup.status import PlaceStatus
from acuchart.dates import short_moment
from acuchart.errors import ValidationError
from acuchart.i18n import N_, _, ngettext
from acuchart.practice import Practice
from ui.accessibility import accessible
from ui.operations import Operations
from ui.records.forms import FieldMessages
from ui.style import mute


def status_text(status: PlaceStatus) -> str:
    """One place in a line: where, how many good backups, the newest, or what is wrong."""
    where = status.place.folder if not status.place.second else status.place.root
    place = _(status.place.label)
    if status.missing:
        return _("<b>{place}</b>: {where}: <b>not there</b> (is the drive plugged in?)").format(
            place=place, where=where
        )
    if status.newest is None:
        return _("<b>{place}</b>: {where}: no backup yet").format(place=place, where=where)
    newest = status.newest.created
    state = f" ⚠ {status.warning}" if status.warning else " ✓"
    line = ngettext(
        "<b>{place}</b>: {where}: {count} verified backup, the newest {when} ({ago})",
        "<b>{place}</b>: {where}: {count} verified backups, the newest {when} ({ago})",
        status.good,
    ).format(
        place=place, where=where, count=status.good, when=short_moment(newest), ago=ago(clock.now() - newest)
    )
    return line + state


class BackupSettingsDialog(QDialog):
    """Edit the backup settings; each problem shows beside its field and nothing is half-saved."""

    back_up_requested = Signal()
    """The practitioner asked for a backup now (or chose a new second place, which should get one at once)."""

    def __init__(
        self, practice: Practice, statuses: list[PlaceStatus], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self.setWindowTitle(_("Backups"))
        self.setMinimumWidth(640)
        self.messages = FieldMessages()
        settings = practice.backups.settings()
        self._before = settings
        form = QFormLayout()
        self.interval = QSpinBox()
        self.interval.setRange(*INTERVAL_RANGE)
        self.interval.valueChanged.connect(
            lambda minutes: self.interval.setSuffix(ngettext(" minute", " minutes", minutes))
        )
        self.interval.setSuffix(ngettext(" minute", " minutes", self.interval.value()))
        self.interval.setValue(settings.interval_minutes)
        self.interval.setToolTip(_("After changes; AcuChart also backs up on quitting and before a restore"))
        interval_row = QWidget()
        interval_line = QHBoxLayout(interval_row)
        interval_line.setContentsMargins(0, 0, 0, 0)
        interval_line.addWidget(self.interval)
        interval_line.addWidget(QLabel(_("when something changed, and on quitting")))
        interval_line.addStretch(1)
        self.messages.add_row(form, "interval_minutes", _("Back up every"), interval_row)
        self.second_place = QLineEdit(settings.second_place)
        self.second_place.setPlaceholderText(_("None: backups stay on this computer only"))
        choose = QPushButton(_("Choose…"))
        choose.setToolTip(_("A USB drive, or a folder a cloud service keeps in sync"))
        choose.clicked.connect(self.choose_second_place)
        clear = QPushButton(_("None"))
        clear.clicked.connect(self.second_place.clear)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.second_place, 1)
        line.addWidget(choose)
        line.addWidget(clear)
        self.messages.add_row(form, "second_place", _("Second place"), row)
        self.keep: dict[str, QSpinBox] = {}
        keep_row = QWidget()
        keep_line = QHBoxLayout(keep_row)
        keep_line.setContentsMargins(0, 0, 0, 0)
        for name, words in (
            ("recent_days", N_("all from the last")),
            ("daily", N_("days, then")),
            ("weekly", N_("daily,")),
        ):
            keep_line.addWidget(QLabel(_(words)))
            keep_line.addWidget(self._keep_box(name, settings.keep))
        keep_line.addWidget(QLabel(_("weekly,")))
        keep_line.addWidget(self._keep_box("monthly", settings.keep))
        keep_line.addWidget(QLabel(_("monthly")))
        keep_line.addStretch(1)
        self.messages.add_row(form, "keep", _("Keep"), keep_row)
        hint = QLabel(
            _(
                "A backup is made only when something changed, checked (SQLite's integrity check, the audit "
                "trail, the counts) and only then counted. The live practice file never goes to the second "
                "place: only finished backups do."
            )
        )
        hint.setWordWrap(True)
        mute(hint)
        self.places = QLabel(
            "<br>".join(status_text(s) for s in statuses) or _("Looking at the backup places…")
        )
        self.places.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        back_up = QPushButton(_("Back up now"))
        buttons.addButton(back_up, QDialogButtonBox.ButtonRole.ActionRole)
        back_up.clicked.connect(self.back_up_requested)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.places)
        layout.addWidget(self.messages.general)
        layout.addWidget(buttons)

    def _keep_box(self, name: str, keep: Keep) -> QSpinBox:
        low, high, label = KEEP_LIMITS[name]
        box = QSpinBox()
        box.setRange(low, high)
        box.setValue(getattr(keep, name))
        box.setToolTip(_(label))
        accessible(box, label)  # no label beside it names it: the tooltip's words
        self.keep[name] = box
        return box

    def show_statuses(self, statuses: list[PlaceStatus]) -> None:
        """Show the places' states (they are looked at in the background)."""
        self.places.setText("<br>".join(status_text(s) for s in statuses))

    def choose_second_place(self) -> None:
        """Pick the second place's folder."""
        start = self.second_place.text() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, _("Choose the second place for backups"), start)
        if chosen:
            self.second_place.setText(chosen)

    def save(self) -> None:
        """Store the settings, or show what is wrong beside each field and save nothing."""
        self.messages.clear()
        try:
            saved = Operations.of(self._practice).apply(
                lambda: self._practice.backups.update_settings(
                    interval_minutes=self.interval.value(),
                    second_place=self.second_place.text(),
                    keep={name: box.value() for name, box in self.keep.items()},
                ),
                self,
            )
        except ValidationError as exc:
            problems = dict(exc.problems)
            keep = [problems.pop(k) for k in list(problems) if k.startswith("keep_")]
            if keep:
                problems["keep"] = " ".join(keep)
            self.messages.show(problems)
            return
        if saved.second_place and saved.second_place != self._before.second_place:
            self.back_up_requested.emit()  # the new place gets its first backup at once
        self.accept()

    @property
    def settings(self) -> BackupSettings:
        """The settings as stored now."""
        return self._practice.backups.settings()
