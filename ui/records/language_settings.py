"""Practice settings → Language: the language the practice's documents print in, and the app's own
language on this computer."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from acuchart.i18n import LANGUAGES, _, app_language
from ui.preferences import Preferences


def language_box(first: tuple[str, str] | None = None) -> QComboBox:
    """A list of the languages AcuChart speaks, each named in itself (data: its code), after ``first``
    (its words and data) when given."""
    box = QComboBox()
    if first is not None:
        box.addItem(*first)
    for code, name in LANGUAGES.items():
        box.addItem(name, code)
    return box


class LanguagePage(QWidget):
    """Which language documents print in for a client without one of their own (a practice setting),
    and which language the app speaks on this computer (remembered here, used from the next start)."""

    def __init__(self, practice_language: str, preferences: Preferences | None) -> None:
        super().__init__()
        self._preferences = preferences
        form = QFormLayout(self)
        self.documents = language_box()
        self.documents.setObjectName("practiceLanguage")
        self.documents.setCurrentIndex(max(0, self.documents.findData(practice_language)))
        form.addRow(_("Documents print in"), self.documents)
        hint = QLabel(
            _(
                "For clients without a language of their own. A client's own language (on their Identity "
                "tab) always comes first."
            )
        )
        hint.setWordWrap(True)
        form.addRow("", hint)
        self.app = language_box((_("The system's language ({name})").format(name=app_language().name), ""))
        self.app.setObjectName("appLanguage")
        chosen = preferences.language if preferences is not None else ""
        self.app.setCurrentIndex(max(0, self.app.findData(chosen)))
        self.app.setEnabled(preferences is not None)
        form.addRow(_("AcuChart's language on this computer"), self.app)
        self.restart_note = QLabel(_("AcuChart speaks the new language from its next start."))
        self.restart_note.setWordWrap(True)
        self.restart_note.setVisible(False)
        self.app.currentIndexChanged.connect(lambda _index: self.restart_note.setVisible(self.app_changed))
        form.addRow("", self.restart_note)

    @property
    def practice_language(self) -> str:
        """The code chosen for documents."""
        return str(self.documents.currentData())

    @property
    def app_changed(self) -> bool:
        """True when the app's language chosen differs from the one remembered."""
        remembered = self._preferences.language if self._preferences is not None else ""
        return str(self.app.currentData() or "") != remembered

    def remember(self) -> None:
        """Keep the app's language chosen for the next start."""
        if self._preferences is not None and self.app_changed:
            self._preferences.language = str(self.app.currentData() or "")
