"""The client page's photo box: where photo consent stands (record it, withdraw a use), and the
client's photos over time; double-click one to compare it with another session."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from acuchart.i18n import N_, _
from acuchart.models import PHOTO_USES
from acuchart.practice import Practice
from ui.photos.consent_dialog import PhotoConsentDialog, consent_summary, withdraw_use
from ui.photos.timeline import PhotoTimeline, PhotoTimelineModel
from ui.style import mute

NO_PHOTOS = N_("No photos yet. Add them in a session, on its Photos tab (or drop them onto the chart).")


class ClientPhotos(QGroupBox):
    """Photo consent and the photo timeline of the client on the page."""

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(_("Photos"), parent)
        self.setObjectName("clientPhotos")
        self._practice = practice
        self.client_id: int | None = None
        self.consent_line = QLabel()
        self.consent_line.setObjectName("photoConsentLine")
        self.consent_line.setWordWrap(True)
        self.consent_button = QPushButton(_("Photo consent…"))
        self.consent_button.setToolTip(_("Record which uses of photos the client agrees to"))
        self.withdraw_button = QToolButton()
        self.withdraw_button.setText(_("Withdraw…"))
        self.withdraw_button.setObjectName("withdrawPhotoConsent")
        self.withdraw_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.withdraw_button.setMenu(QMenu(self.withdraw_button))
        self.compare_button = QPushButton(_("Compare…"))
        self.compare_button.setToolTip(_("The same view at two sessions, side by side or with a slider"))
        self.model = PhotoTimelineModel(practice.photos.thumbnail, self)
        self.timeline = PhotoTimeline(self.model)
        self.empty = QLabel(_(NO_PHOTOS))
        mute(self.empty)
        top = QHBoxLayout()
        top.addWidget(self.consent_line, 1)
        top.addWidget(self.consent_button)
        top.addWidget(self.withdraw_button)
        top.addWidget(self.compare_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.timeline)
        layout.addWidget(self.empty)
        self.consent_button.clicked.connect(self.record_consent)
        self.compare_button.clicked.connect(lambda: self.compare(None))
        self.timeline.activated.connect(self.compare)

    def show_client(self, client_id: int) -> None:
        """Show this client's photo consent and photos, as stored now."""
        self.client_id = client_id
        consent = self._practice.photo_consent.consent_of(client_id)
        self.consent_line.setText(_("Photo consent · ") + consent_summary(consent))
        menu = self.withdraw_button.menu()
        menu.clear()
        for use, label in PHOTO_USES:
            if consent.allows(use):
                menu.addAction(label).triggered.connect(lambda _=False, u=use, t=label: self.withdraw(u, t))
        self.withdraw_button.setEnabled(not menu.isEmpty())
        photos = self._practice.photos.for_client(client_id)
        self.model.set_photos(photos)
        self.setTitle(_("Photos ({photos})").format(photos=len(photos)) if photos else _("Photos"))
        self.timeline.setVisible(bool(photos))
        self.empty.setVisible(not photos)
        self.compare_button.setEnabled(bool(photos))

    def record_consent(self) -> None:
        """Record photo consent for the client."""
        if self.client_id is not None:
            PhotoConsentDialog(self._practice, self.client_id, self).exec()

    def withdraw(self, use: str, label: str) -> None:
        """The client withdraws one use, from today."""
        if self.client_id is not None:
            withdraw_use(self._practice, self.client_id, use, label, self)

    def compare(self, index: QModelIndex | None) -> None:
        """Compare a photo's view across sessions (the first photo's when none is chosen)."""
        from ui.photos.compare import CompareDialog

        chosen = self.model.photo_at(index.row()) if index is not None else self.model.photo_at(0)
        if chosen is not None:
            CompareDialog.for_photo(self._practice, chosen, self).exec()
