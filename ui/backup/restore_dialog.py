"""File → Restore from backup…: every backup with its date, size, counts and ✓, and Restore.

The newest verified backup is chosen already, so restoring it takes two clicks: the menu item and
Restore. The practice as it is now is backed up first and kept, which the dialog says.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from acuchart import clock
from acuchart.backup.catalog import Backup, judge
from acuchart.backup.places import BACKUP_SUFFIX
from acuchart.backup.recovery import ago
from acuchart.dates import clock_time, weekday_date
from acuchart.i18n import N_, _
from ui import theme
from ui.accessibility import accessible
from ui.style import mute

COLUMNS = (N_("Taken"), N_("Size"), N_("Clients"), N_("Sessions"), N_("Verified"), N_("Why"), N_("Where"))


def size_text(size: int) -> str:
    """A file size in words: 811 KB, 104.5 MB."""
    if size >= 1_000_000:
        return _("{size} MB").format(size=f"{size / 1_000_000:.1f}")
    return _("{size} KB").format(size=max(1, round(size / 1000)))


def verdict_text(backup: Backup) -> str:
    """✓ for a verified backup, ✗ and why not otherwise."""
    return "✓" if backup.good else f"✗ {backup.state}: {backup.note}"


def _reason_text(reason: str, pinned: bool) -> str:
    """Why a backup was made, in the app's language, and "(kept)" when thinning never removes it."""
    reason = _(reason)  # the manifest keeps the English words; an unknown reason shows as written
    return _("{reason} (kept)").format(reason=reason) if pinned else reason


class RestoreDialog(QDialog):
    """Choose a backup to put in place of the practice file; ``chosen`` is it after Restore."""

    def __init__(self, practice_path: Path, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Restore from backup"))
        self.setMinimumSize(820, 420)
        self.practice_path = practice_path
        self.backups = backups
        self.chosen: Backup | None = None
        intro = QLabel(
            _(
                "Choose the backup to put in place of <b>{file}</b>. The practice as it is now is "
                "backed up first and kept (it is listed here afterwards as “before restoring”), so a restore "
                "can itself be undone."
            ).format(file=practice_path.name)
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(backups), len(COLUMNS))
        self.table.setHorizontalHeaderLabels([_(column) for column in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (the arrow keys move in it)
        accessible(self.table, "Backups", _("Enter or a double-click restores the backup chosen"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._fill()
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellDoubleClicked.connect(lambda row, _column: self._restore_row(row))
        self.empty = QLabel(
            _("There are no backups of this practice yet. Use File → Back up now to make one.")
        )
        mute(self.empty)
        self.empty.setVisible(not backups)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton(_("Restore"))
        self.restore_button.setDefault(True)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.file_button = QPushButton(_("Restore a backup file…"))
        self.file_button.setToolTip(
            _("A backup from elsewhere: a USB drive, another computer's backup folder")
        )
        buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(lambda: self._restore_row(self.table.currentRow()))
        self.file_button.clicked.connect(self.choose_file)
        buttons.rejected.connect(self.reject)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        theme.style(self.problem, "color: $alert;")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        newest = next((row for row, b in enumerate(backups) if b.good), None)
        if newest is not None:
            self.table.selectRow(newest)
        self._selection_changed()

    def _fill(self) -> None:
        now = clock.now()
        for row, backup in enumerate(self.backups):
            manifest = backup.manifest
            cells = (
                f"{weekday_date(backup.created)} {clock_time(backup.created)} ({ago(now - backup.created)})",
                size_text(backup.size),
                f"{manifest.clients:,}" if manifest is not None else "",
                f"{manifest.sessions:,}" if manifest is not None else "",
                verdict_text(backup),
                _reason_text(manifest.reason, manifest.pinned) if manifest is not None else "",
                _(backup.place),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(backup.path) if column != 4 else text)
                if column in (1, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if not backup.good:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                self.table.setItem(row, column, item)

    def _selection_changed(self) -> None:
        row = self.table.currentRow()
        ok = 0 <= row < len(self.backups) and self.backups[row].good and bool(self.table.selectedItems())
        self.restore_button.setEnabled(ok)

    def _restore_row(self, row: int) -> None:
        if 0 <= row < len(self.backups) and self.backups[row].good:
            self.chosen = self.backups[row]
            self.accept()

    def choose_file(self) -> None:
        """Restore a backup file from anywhere (a USB drive, another computer's backup folder)."""
        start = self.backups[0].path.parent if self.backups else Path.home()
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            _("Choose a backup file"),
            str(start),
            _("AcuChart backups (*{suffix})").format(suffix=BACKUP_SUFFIX),
        )
        if chosen:
            self.choose_path(Path(chosen))

    def choose_path(self, path: Path) -> None:
        """Restore the backup file at ``path``, or say why it cannot be restored."""
        backup = judge(path, N_("Chosen file"))
        if not backup.good:
            self.problem.setText(
                _("{file} cannot be restored: {why}.").format(file=path.name, why=backup.note)
            )
            return
        self.chosen = backup
        self.accept()
