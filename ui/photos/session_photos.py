"""The session's photos, beside its chart: import (files, a folder, dropped files, the camera), say
which view each shows, line one up with the first session's, compare, and hide or remove one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acuchart.changes import Changes
from acuchart.dates import short_moment
from acuchart.errors import AcuChartError
from acuchart.i18n import N_, _, ngettext
from acuchart.models import PHOTO_VIEWS, SessionPhoto
from acuchart.practice import Practice
from ui.accessibility import accessible
from ui.messages import warn
from ui.operations import Operations
from ui.photos.frames import decode
from ui.photos.importer import IN_ORDER, PHOTO_SUFFIXES, PhotoImporter
from ui.preferences import Preferences
from ui.style import mute

ICON = QSize(132, 132)
VIEW_KEY = "photos/next_view"
DROP_HINT = N_("Drop photos here, or onto the chart, to add them to this session.")


class SessionPhotos(QWidget):
    """The photos of the session on screen, and the ways to add to them.

    Args:
        practice: the open practice.
        preferences: where the last folder and view are remembered (None: not remembered).
        drop_target: a widget that also accepts photo files dropped on it (the whole session editor).
    """

    def __init__(
        self,
        practice: Practice,
        preferences: Preferences | None = None,
        drop_target: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sessionPhotos")
        self._practice = practice
        self._preferences = preferences
        self.session_id: int | None = None
        self.photos: list[SessionPhoto] = []
        self.importer = PhotoImporter(practice, preferences, self)
        self.view_box = QComboBox()
        self.view_box.setObjectName("photoView")
        self.view_box.addItem(_("Standard set, in order"), IN_ORDER)
        self.view_box.setItemData(
            0,
            _(
                "Several photos taken in the standard order: front, left oblique, right oblique, left profile, "
                "right profile (by file name)"
            ),
            Qt.ItemDataRole.ToolTipRole,
        )
        self.view_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.view_box.setMinimumContentsLength(14)
        for key, label in PHOTO_VIEWS:
            self.view_box.addItem(label, key)
        remembered = preferences.text(VIEW_KEY) if preferences else ""
        if remembered:
            self.view_box.setCurrentIndex(max(0, self.view_box.findData(remembered)))
        self.view_box.currentIndexChanged.connect(self._remember_view)
        self.view_box.setToolTip(_("The view the next photos show (sides are the client's)"))
        self.import_button = QPushButton(_("Import…"))
        self.import_button.setToolTip(_("Import photo files (JPEG, PNG, HEIC); several at once"))
        self.folder_button = QPushButton(_("Folder…"))
        self.folder_button.setToolTip(_("Import every photo in a folder, such as a phone's export"))
        self.camera_button = QPushButton(_("Camera…"))
        self.grid = QListWidget()
        self.grid.setObjectName("sessionPhotoGrid")
        accessible(
            self.grid,
            "Photos of this session",
            _("The menu key opens a photo's menu: line up, compare, hide"),
        )
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setIconSize(ICON)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setSpacing(6)
        self.grid.setWordWrap(True)
        self.grid.setMinimumHeight(330)
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._menu)
        self.grid.itemActivated.connect(lambda item: self.compare(int(item.data(Qt.ItemDataRole.UserRole))))
        self.hint = QLabel(_(DROP_HINT))
        self.hint.setWordWrap(True)
        mute(self.hint)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("View:")))
        row.addWidget(self.view_box, 1)
        row.addWidget(self.import_button)
        row.addWidget(self.folder_button)
        row.addWidget(self.camera_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.hint)
        self.import_button.clicked.connect(self.import_files)
        self.folder_button.clicked.connect(self.import_folder)
        self.camera_button.clicked.connect(self.capture)
        self.setAcceptDrops(True)
        self._drop_filter = _DropFilter(self)
        if drop_target is not None:
            # The editor and every part of it that takes drops itself (the diagrams' viewports), so a
            # photo dropped anywhere on the session lands here.
            drop_target.setAcceptDrops(True)
            for widget in (drop_target, *drop_target.findChildren(QWidget)):
                if widget.acceptDrops():
                    widget.installEventFilter(self._drop_filter)
        Operations.of(practice).subscribe(self._on_changes, self)

    # --- showing -------------------------------------------------------------------------------
    @property
    def view(self) -> str:
        """The view chosen for the next import."""
        return str(self.view_box.currentData())

    def set_session(self, session_id: int) -> None:
        """Show this session's photos."""
        self.session_id = session_id
        self.refresh()

    def refresh(self) -> None:
        """Redraw from what is stored."""
        self.grid.clear()
        if self.session_id is None:
            return
        self.photos = self._practice.photos.for_session(self.session_id)
        for item in self.photos:
            entry = QListWidgetItem(item.photo.view_label)
            entry.setData(Qt.ItemDataRole.UserRole, item.photo.id)
            entry.setToolTip(
                _("{view_label}\nTaken {taken_at}\n{original_name}\nSHA-256 {value}…").format(
                    view_label=item.photo.view_label,
                    taken_at=short_moment(item.photo.taken_at),
                    original_name=item.photo.original_name,
                    value=item.photo.sha256[:16],
                )
            )
            thumb = decode(self._practice.photos.thumbnail(item.photo.id))
            entry.setIcon(QIcon(QPixmap.fromImage(thumb)))
            self.grid.addItem(entry)
        count = len(self.photos)
        self.hint.setText(
            _(DROP_HINT)
            if not count
            else ngettext("{count} photo.", "{count} photos.", count).format(count=count) + " " + _(DROP_HINT)
        )

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if self.session_id is not None and changes.photos and changes.session_id in (None, self.session_id):
            self.refresh()

    def _remember_view(self) -> None:
        if self._preferences is not None:
            self._preferences.set_text(VIEW_KEY, self.view)

    # --- adding --------------------------------------------------------------------------------
    def _close_up_label(self) -> str | None:
        if self.view != "close_up":
            return ""
        label, ok = QInputDialog.getText(
            self, _("Close-up"), _("What does the close-up show? (e.g. left cheek)")
        )
        return label if ok else None

    def import_files(self) -> None:
        """Choose photo files to import into this session."""
        label = self._close_up_label()
        if self.session_id is not None and label is not None:
            self.importer.choose_files(self.session_id, self.view, label)

    def import_folder(self) -> None:
        """Import every photo in a chosen folder."""
        label = self._close_up_label()
        if self.session_id is not None and label is not None:
            self.importer.choose_folder(self.session_id, self.view, label)

    def import_dropped(self, paths: list[Path]) -> None:
        """Photos dropped onto the session."""
        files = [p for p in paths if p.suffix.lower() in PHOTO_SUFFIXES or p.is_dir()]
        expanded: list[Path] = []
        for path in files:
            if path.is_dir():
                from ui.photos.importer import photo_files_in

                expanded += photo_files_in(path)
            else:
                expanded.append(path)
        label = self._close_up_label()
        if self.session_id is not None and expanded and label is not None:
            self.importer.import_files(self.session_id, expanded, self.view, label)

    def capture(self) -> None:
        """Take a photo with a camera attached to the computer (when camera support is installed)."""
        from ui.photos.camera import capture_photo

        label = self._close_up_label()
        if self.session_id is not None and label is not None:
            view = "front" if self.view == IN_ORDER else self.view  # one photo: the first of the set
            capture_photo(self._practice, self.session_id, view, label, self)

    # --- one photo -----------------------------------------------------------------------------
    def photo(self, photo_id: int) -> SessionPhoto | None:
        """A photo shown here, by id."""
        return next((p for p in self.photos if p.photo.id == photo_id), None)

    def _menu(self, pos: QPoint) -> None:
        item = self.grid.itemAt(pos)
        if item is None:
            return
        photo = self.photo(int(item.data(Qt.ItemDataRole.UserRole)))
        if photo is not None:
            self.photo_menu(photo).popup(self.grid.viewport().mapToGlobal(pos))

    def photo_menu(self, photo: SessionPhoto) -> QMenu:
        """What can be done with one photo."""
        menu = QMenu(self)
        views = menu.addMenu(_("View"))
        for key, label in PHOTO_VIEWS:
            action = views.addAction(label)
            action.setCheckable(True)
            action.setChecked(key == photo.photo.view)
            action.triggered.connect(lambda _=False, k=key: self.set_view(photo, k))
        menu.addAction(_("Line up with the first session…")).triggered.connect(
            lambda: self.align(photo.photo.id)
        )
        menu.addAction(_("Compare…")).triggered.connect(lambda: self.compare(photo.photo.id))
        menu.addSeparator()
        text = _("Hide from the record…") if photo.session_signed else _("Remove from the session")
        menu.addAction(text).triggered.connect(lambda: self.remove(photo))
        return menu

    def _reason(self, title: str, question: str, default: str = "") -> str | None:
        reason, ok = QInputDialog.getText(self, title, question, text=default)
        return reason if ok else None

    def set_view(self, photo: SessionPhoto, view: str) -> None:
        """Say which view a photo shows (an amendment, with a reason, once the session is signed)."""
        label = ""
        if view == "close_up":
            label = self._reason(_("Close-up"), _("What does the close-up show?"), photo.photo.label) or ""
        reason = ""
        if photo.session_signed:
            found = self._reason(_("Amend a signed session"), _("Why is the photo's view being corrected?"))
            if found is None:
                return
            reason = found
        Operations.of(self._practice).run(
            lambda: self._practice.photos.set_view(photo.photo.id, view, label, reason), self
        )

    def remove(self, photo: SessionPhoto) -> None:
        """Remove a photo from an unsigned session, or hide one of a signed session with a reason."""
        reason = ""
        if photo.session_signed:
            found = self._reason(
                _("Hide a photo of a signed session"),
                _("The photo is kept in the record, hidden. Why is it being hidden?"),
            )
            if found is None:
                return
            reason = found
        Operations.of(self._practice).run(lambda: self._practice.photos.remove(photo.photo.id, reason), self)

    def align(self, photo_id: int) -> None:
        """Line a photo up with the same view from the client's first session."""
        from ui.photos.align import AlignDialog

        try:
            dialog = AlignDialog(self._practice, photo_id, self)
        except AcuChartError as exc:  # the original (or the first session's) is missing from the photo folder
            warn(self, str(exc))
            return
        dialog.exec()

    def compare(self, photo_id: int) -> None:
        """Compare this photo's view across two sessions."""
        from ui.photos.compare import CompareDialog

        photo = self._practice.photos.get(photo_id)
        CompareDialog.for_photo(self._practice, photo, self).exec()

    # --- dropping ------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._drop_filter.accept_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._drop_filter.drop(event)


class _DropFilter(QObject):
    """Accepts photo files dragged onto the session editor (or the panel itself) and imports them."""

    def __init__(self, panel: SessionPhotos) -> None:
        super().__init__(panel)
        self._panel = panel

    @staticmethod
    def _paths(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> list[Path]:
        data = event.mimeData()
        return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()] if data.hasUrls() else []

    def accept_drag(self, event: QDragEnterEvent | QDragMoveEvent) -> None:
        paths = self._paths(event)
        if self._panel.session_id is not None and any(
            p.suffix.lower() in PHOTO_SUFFIXES or p.is_dir() for p in paths
        ):
            event.acceptProposedAction()

    def drop(self, event: QDropEvent) -> None:
        paths = self._paths(event)
        if paths:
            event.acceptProposedAction()
            self._panel.import_dropped(paths)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
            event, (QDragEnterEvent, QDragMoveEvent)
        ):
            event.ignore()
            self.accept_drag(event)
            return event.isAccepted()
        if event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            self.drop(event)
            return True
        return super().eventFilter(watched, event)
