"""Using photos beyond the record (teaching, marketing): only while the client allows it, and the
moment consent is withdrawn the way out closes, on every open screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from acuchart.changes import Changes
from acuchart.errors import AcuChartError
from acuchart.i18n import _
from acuchart.models import PHOTO_USE_LABELS, SessionPhoto
from acuchart.practice import Practice
from ui.messages import warn
from ui.operations import Operations
from ui.photos.consent_dialog import consent_status

SHARED_USES = ("teaching", "marketing")


class SharePanel(QWidget):
    """Where the client's consent to teaching and marketing stands, and a button to save the pair for each."""

    def __init__(self, practice: Practice, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._practice = practice
        self._client_id = client_id
        self._pair: tuple[SessionPhoto, SessionPhoto] | None = None
        self.status = QLabel()
        self.status.setObjectName("shareStatus")
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.status, 1)
        for use in SHARED_USES:
            button = QPushButton(_("Save for {lower}…").format(lower=PHOTO_USE_LABELS[use].lower()))
            button.setObjectName(f"share_{use}")
            button.clicked.connect(lambda _=False, u=use: self.save(u))
            self.buttons[use] = button
            row.addWidget(button)
        Operations.of(practice).subscribe(self._on_changes, self)
        self.refresh()

    def set_pair(self, before: SessionPhoto, after: SessionPhoto) -> None:
        """The two photos a save would write."""
        self._pair = (before, after)

    def refresh(self) -> None:
        """Show what the client allows now, and offer only that."""
        consent = self._practice.photo_consent.consent_of(self._client_id)
        parts = []
        for use in SHARED_USES:
            allowed = consent.allows(use)
            parts.append(f"{PHOTO_USE_LABELS[use]}: {consent_status(consent, use)}")
            button = self.buttons[use]
            button.setEnabled(allowed)
            button.setToolTip(
                _("Save the two photos side by side, aligned, without any metadata")
                if allowed
                else self._practice.photo_consent.may_use(self._client_id, use)[1]
            )
        self.status.setText(_("Photo consent · ") + " · ".join(parts))

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if changes.consents and changes.client_id in (None, self._client_id):
            self.refresh()

    def save(self, use: str) -> None:
        """Ask where, then write the pair for ``use`` (the core checks consent again as it writes)."""
        if self._pair is None:
            return
        before, after = self._pair
        suggested = _("{view} {session_started_at:%Y-%m-%d} and {session_started_at2:%Y-%m-%d}.jpg").format(
            view=before.photo.view,
            session_started_at=before.session_started_at,
            session_started_at2=after.session_started_at,
        )
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save for {use}").format(use=use), str(Path.home() / suggested), _("JPEG (*.jpg)")
        )
        if not name:
            return
        try:
            self._practice.photos.export_pair(before.photo.id, after.photo.id, use, Path(name))
        except AcuChartError as exc:
            warn(self, str(exc))
