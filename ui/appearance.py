"""View → Colours: follow the system, light, dark or high contrast; remembered, and followed live.

The remembered scheme is applied before the first frame (:func:`apply_remembered`). What the platform
says of its colour scheme and of contrast is read just after it (:meth:`Appearance.follow_system`:
asking loads Qt's enum namespace, some 25 ms) and followed from then on; what it said is remembered, so
the next start's first frame already has it.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from acuchart.i18n import N_, _
from ui import theme
from ui.preferences import Preferences

SCHEME_LABELS = {
    "system": N_("Follow the &system"),
    "light": N_("&Light"),
    "dark": N_("&Dark"),
    "contrast": N_("&High contrast"),
}
"""The menu's words for each of :data:`ui.theme.SCHEMES`."""


def apply_remembered(app: QApplication, preferences: Preferences) -> theme.Theme:
    """Give the application the colours the practitioner chose (before the first frame)."""
    return theme.apply_scheme(app, preferences.colour_scheme, preferences.system_dark)


class Appearance:
    """The Colours menu and the following of the system's scheme, for one main window."""

    def __init__(self, preferences: Preferences, parent: QWidget) -> None:
        self._preferences = preferences
        self.menu = QMenu(_("&Colours"), parent)
        self.menu.setObjectName("coloursMenu")
        self._group = QActionGroup(self.menu)
        self.actions: dict[str, QAction] = {}
        for scheme in theme.SCHEMES:
            action = self.menu.addAction(_(SCHEME_LABELS[scheme]))
            action.setCheckable(True)
            action.setChecked(scheme == preferences.colour_scheme)
            action.triggered.connect(lambda _checked=False, s=scheme: self.choose(s))
            self._group.addAction(action)
            self.actions[scheme] = action
        self._following = False
        self._high_contrast = False
        self._applied = (preferences.colour_scheme, preferences.system_dark, False)

    def choose(self, scheme: str) -> None:
        """Use ``scheme`` now and from the next start on."""
        self._preferences.colour_scheme = scheme
        self.actions[scheme].setChecked(True)
        self._apply()

    def follow_system(self) -> None:
        """Read the platform's colour scheme and contrast, apply what changed, and follow them."""
        if self._following:
            return
        self._following = True
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(lambda _scheme: self._system_changed())
        hints.accessibility().contrastPreferenceChanged.connect(lambda _preference: self._system_changed())
        self._system_changed()

    def _system_changed(self) -> None:
        dark = system_dark()
        if dark != self._preferences.system_dark:
            self._preferences.system_dark = dark
        self._high_contrast = system_high_contrast()
        self._apply()

    def _apply(self) -> None:
        """Apply the chosen scheme (the system's high contrast, when it asks for it, under "system")."""
        app = QApplication.instance()
        wanted = (self._preferences.colour_scheme, self._preferences.system_dark, self._high_contrast)
        if not isinstance(app, QApplication) or wanted == self._applied:
            return
        self._applied = wanted
        scheme, dark, high_contrast = wanted
        theme.apply_scheme(app, "contrast" if scheme == "system" and high_contrast else scheme, dark)


def system_dark() -> bool | None:
    """What the platform says of its colour scheme: True dark, False light, None it does not say."""
    from PySide6.QtCore import Qt

    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return None


def system_high_contrast() -> bool:
    """Whether the platform asks for high contrast (Qt 6.10 reads it on Windows, macOS and GNOME)."""
    from PySide6.QtCore import Qt

    preference = QGuiApplication.styleHints().accessibility().contrastPreference()
    return preference == Qt.ContrastPreference.HighContrast
