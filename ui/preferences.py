"""The app's remembered choices (window layout, last file, printer), in one small class over QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from acuchart.paths import APP_NAME
from acuchart.protection.files import make_private


class Preferences:
    """Typed access to the remembered choices; nothing else in the app touches QSettings."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings if settings is not None else QSettings()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _text(self, key: str) -> str:
        value = self._settings.value(key, "")
        return value if isinstance(value, str) else ""

    def _set(self, key: str, value: object) -> None:
        self._settings.setValue(key, value)
        self._settings.sync()
        self._keep_private()

    def _keep_private(self) -> None:
        """The remembered choices name the last practice and its folders: the file (and the folder Qt
        made for it) are the owner's only. Nothing where they are not a file (the Windows registry)."""
        file = Path(self._settings.fileName())
        if file.is_file():
            if file.parent.name == APP_NAME:  # Qt's folder for AcuChart, not a folder someone chose
                make_private(file.parent)
            make_private(file)

    @property
    def window_geometry(self) -> QByteArray | None:
        """The main window's saved geometry."""
        return self._bytes("window/geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._set("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        """The main window's toolbars and docks."""
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._set("window/state", value)

    def splitter_state(self, name: str) -> QByteArray | None:
        """The saved sizes of the named splitter."""
        return self._bytes(f"splitters/{name}")

    def set_splitter_state(self, name: str, value: QByteArray) -> None:
        """Remember the sizes of the named splitter."""
        self._set(f"splitters/{name}", value)

    @property
    def last_practice(self) -> str:
        """The practice file opened last (empty if none)."""
        return self._text("practice/last")

    @last_practice.setter
    def last_practice(self, value: str) -> None:
        self._set("practice/last", value)

    @property
    def printer_name(self) -> str:
        """The printer chosen last time."""
        return self._text("print/printer")

    @printer_name.setter
    def printer_name(self, value: str) -> None:
        self._set("print/printer", value)

    @property
    def show_archived(self) -> bool:
        """Whether the client list shows archived clients."""
        return self._text("clients/show_archived") == "1"

    @show_archived.setter
    def show_archived(self, value: bool) -> None:
        self._set("clients/show_archived", "1" if value else "0")

    @property
    def colour_scheme(self) -> str:
        """The colours chosen under View → Colours: "system" (the default), "light", "dark" or "contrast"."""
        return self._text("look/colour_scheme") or "system"

    @colour_scheme.setter
    def colour_scheme(self, value: str) -> None:
        self._set("look/colour_scheme", value)

    @property
    def system_dark(self) -> bool | None:
        """Whether the system's colour scheme was dark when last asked (None: never asked), so the
        first frame of the next start already has the right colours."""
        value = self._text("look/system_dark")
        return None if not value else value == "1"

    @system_dark.setter
    def system_dark(self, value: bool | None) -> None:
        self._set("look/system_dark", "" if value is None else "1" if value else "0")

    @property
    def language(self) -> str:
        """The app's language chosen on this computer (a code: "es"); empty: the system's."""
        return self._text("app/language")

    @language.setter
    def language(self, value: str) -> None:
        self._set("app/language", value)

    def text(self, key: str) -> str:
        """A remembered text under ``key`` (for small per-widget choices)."""
        return self._text(f"misc/{key}")

    def set_text(self, key: str, value: str) -> None:
        """Remember a text under ``key``."""
        self._set(f"misc/{key}", value)
