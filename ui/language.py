"""The app's language on this computer: the practitioner's choice (remembered), else the system's.

The core translates the app's own words (:mod:`acuchart.i18n`); Qt's own words on standard buttons and
dialogs ("Cancel", "Save", the file chooser) come from the translations that ship with Qt, loaded here
for the same language. Nothing is loaded for English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from acuchart.i18n import SOURCE_LANGUAGE, Language, UnknownLanguageError, set_app_language
from ui.preferences import Preferences

_installed: list[QTranslator] = []


def system_languages() -> list[str]:
    """The languages the computer's settings ask for, most wanted first ("es-MX", "es", "en")."""
    return [name for name in QLocale.system().uiLanguages() if name]


def use_app_language(preferences: Preferences) -> Language:
    """Speak the remembered language, else the system's; Qt's standard buttons follow."""
    system = system_languages()
    formats = QLocale.system().name()  # the country dates are written for ("en_GB" under LANGUAGE=en)
    try:
        chosen = set_app_language(preferences.language or None, system, formats)
    except UnknownLanguageError:  # a language this version no longer has: the system's instead
        chosen = set_app_language(None, system, formats)
    _install_qt_translations(chosen.code)
    return chosen


def _install_qt_translations(code: str) -> None:
    app = QCoreApplication.instance()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if code == SOURCE_LANGUAGE or app is None:
        return
    from PySide6.QtCore import QLibraryInfo

    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase", "qt"):
        translator = QTranslator(app)
        if translator.load(f"{name}_{code}", folder):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
            break
