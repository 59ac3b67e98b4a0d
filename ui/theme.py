"""The app's colours: taken from the palette, with the few colours that carry a meaning (signed green,
warning amber, alert red, the reaction severities) in a light and a dark variant.

Everything on screen takes its colours from :func:`current` (or from the palette itself), never from a
literal, so a dark palette, a high-contrast palette or the practitioner's choice under View → Colours
reads well everywhere. A test checks every pair of text and background named here for WCAG AA contrast
(4.5:1 for text, 3:1 for marks and outlines) in every scheme.

Diagrams, the ratings chart and the photo pages stay on **paper**: a light card whatever the scheme.
Their line art, skin tone and marker symbols are the printed handout's, tuned and checked on white, and
the practitioner compares the screen with the page the client takes home. In a dark scheme the card is
a little dimmer than white, so it does not glare at night; every marker colour is checked against it.

Widgets that need a colour in a style sheet register it with :func:`style` (a template with ``$name``
for the theme's colours), and anything drawn keeps a theme-dependent cache only through
:func:`on_change`: when the scheme changes, every registered style sheet is filled in again, muted
words are muted again, and the callbacks run.

Nothing here touches Qt's ``Qt`` enum namespace: :func:`apply_scheme` runs before the first frame (see
``tests/ui/test_startup_path.py``); what the platform says about its colour scheme and contrast is read
just after it (:func:`follow_system`).
"""

from __future__ import annotations

import copy
import weakref
from collections.abc import Callable
from string import Template
from typing import NamedTuple

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

SCHEMES = ("system", "light", "dark", "contrast")
"""The colour schemes a practitioner can choose (View → Colours): follow the system, light, dark, or
high contrast (white on black)."""

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


def luminance(colour: QColor) -> float:
    """The relative luminance of a colour (WCAG 2.x), 0 for black to 1 for white."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())
    )


def contrast(one: QColor | str, other: QColor | str) -> float:
    """The WCAG contrast ratio between two colours, from 1 (the same) to 21 (black on white)."""
    # (QColor(a QColor) is avoided: weighing its overloads loads Qt's enum namespace before the first frame.)
    a = luminance(one if isinstance(one, QColor) else QColor(one))
    b = luminance(other if isinstance(other, QColor) else QColor(other))
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def mix(one: QColor, other: QColor, share: float) -> QColor:
    """``share`` of ``other`` blended into ``one`` (0 gives ``one``, 1 gives ``other``)."""
    keep = 1.0 - share
    return QColor.fromRgbF(
        one.redF() * keep + other.redF() * share,
        one.greenF() * keep + other.greenF() * share,
        one.blueF() * keep + other.blueF() * share,
    )


def readable(colour: QColor, background: QColor, ratio: float = 4.5) -> QColor:
    """``colour``, moved toward the background's opposite just enough to reach ``ratio`` against it."""
    target = QColor("#000000") if luminance(background) > 0.18 else QColor("#ffffff")
    found = colour
    share = 0.0
    while contrast(found, background) < ratio + 0.05 and share < 1.0:  # room for rounding to #rrggbb
        share = min(1.0, share + 0.05)
        found = mix(colour, target, share)
    return found


class Theme(NamedTuple):
    """The colours of one scheme, as ``#rrggbb`` names (text, backgrounds, and the colours that mean
    something). ``paper*`` are the diagram card's; the rest sit on the window or on the base of lists."""

    dark: bool
    high_contrast: bool
    window: str
    text: str
    base: str
    muted: str
    border: str
    control: str
    hover: str
    checked: str
    disabled_text: str
    accent: str
    accent_hover: str
    on_accent: str
    accent_soft: str
    ink: str
    signed: str
    signed_fill: str
    on_signed: str
    signed_soft: str
    warning: str
    caution_fill: str
    caution_border: str
    on_caution: str
    alert: str
    alert_fill: str
    on_alert: str
    notice_fill: str
    notice_border: str
    on_notice: str
    focus: str
    paper: str
    paper_text: str
    paper_muted: str
    paper_grid: str
    point_ink: str
    caution_mark: str
    caution_words: str
    preview_backdrop: str
    mild: str
    moderate: str
    severe: str
    needle: str
    photo_backdrop: str
    photo_frame: str
    photo_line: str
    photo_guide: str

    def qcolor(self, name: str) -> QColor:
        """One of the theme's colours by name, as a QColor."""
        return QColor(getattr(self, name))

    def severity(self, severity: str) -> str:
        """The ink of a reaction severity ("mild", "moderate", "severe") on the diagram's paper."""
        return str(getattr(self, severity, self.severe))


# The meaning colours in each scheme. Light ones are the app's colours as they were; dark ones are the
# same hues lightened for text on a dark window, or kept deep where white text sits on them.
_LIGHT = {
    "signed": "#1b6e3a",
    "signed_fill": "#1b6e3a",
    "on_signed": "#ffffff",
    "signed_soft": "#e8f3ec",
    "warning": "#8a5a00",
    "caution_fill": "#fff4e5",
    "caution_border": "#e0a040",
    "on_caution": "#5c4300",
    "alert": "#b3261e",
    "alert_fill": "#b3261e",
    "on_alert": "#ffffff",
    "notice_fill": "#fdecea",
    "notice_border": "#c0392b",
    "on_notice": "#5c1a12",
    "accent": "#2f6f8f",
    "accent_hover": "#285f7a",
    "on_accent": "#ffffff",
    "ink": "#1f4e79",
    "paper": "#ffffff",
    "preview_backdrop": "#e6eaed",
}
_DARK = {
    "signed": "#7bd69b",
    "signed_fill": "#1f6b3b",
    "on_signed": "#ffffff",
    "signed_soft": "#1d3526",
    "warning": "#f0c060",
    "caution_fill": "#3d3016",
    "caution_border": "#a57a25",
    "on_caution": "#ffe1a3",
    "alert": "#ff8a80",
    "alert_fill": "#b3261e",
    "on_alert": "#ffffff",
    "notice_fill": "#3e1f1c",
    "notice_border": "#c0392b",
    "on_notice": "#ffcdc7",
    "accent": "#2f6f8f",
    "accent_hover": "#2a6480",
    "on_accent": "#ffffff",
    "ink": "#9cc3e8",
    "paper": "#ece9e4",
    "preview_backdrop": "#1b1c1e",
}
_CONTRAST = {
    "signed": "#7dff9e",
    "signed_fill": "#000000",
    "on_signed": "#ffffff",
    "signed_soft": "#000000",
    "warning": "#ffd75e",
    "caution_fill": "#000000",
    "caution_border": "#ffd75e",
    "on_caution": "#ffffff",
    "alert": "#ff9e9e",
    "alert_fill": "#000000",
    "on_alert": "#ffffff",
    "notice_fill": "#000000",
    "notice_border": "#ff9e9e",
    "on_notice": "#ffffff",
    "accent": "#1aebff",
    "accent_hover": "#7ff3ff",
    "on_accent": "#000000",
    "ink": "#ffffff",
    "paper": "#ffffff",
    "preview_backdrop": "#000000",
}
# On the paper card (the diagram, the chart): the handout's inks, the same in every scheme.
_PAPER = {
    "paper_text": "#202124",
    "paper_muted": "#5f6368",
    "paper_grid": "#d9dde2",
    "point_ink": "#6e574c",
    "caution_mark": "#b8660b",
    "mild": "#b8660b",
    "moderate": "#c4441a",
    "severe": "#9b1b30",
    "needle": "#1f4e79",
    "focus": "#0b5cad",
}
# Around photos: a neutral grey in every scheme, so skin tones are judged against the same surround.
_PHOTO = {
    "photo_backdrop": "#282828",
    "photo_frame": "#808080",
    "photo_line": "#ffffff",
    "photo_guide": "#00c8ff",
}


TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "window"),
    ("text", "base"),
    ("text", "control"),
    ("text", "hover"),
    ("text", "checked"),
    ("text", "accent_soft"),
    ("muted", "window"),
    ("muted", "base"),
    ("signed", "window"),
    ("signed", "base"),
    ("signed", "signed_soft"),
    ("warning", "window"),
    ("warning", "base"),
    ("alert", "window"),
    ("alert", "base"),
    ("caution_words", "base"),
    ("on_signed", "signed_fill"),
    ("on_caution", "caution_fill"),
    ("on_alert", "alert_fill"),
    ("on_notice", "notice_fill"),
    ("on_accent", "accent"),
    ("on_accent", "accent_hover"),
    ("paper_text", "paper"),
    ("paper_muted", "paper"),
)
"""Words and what they are written on: each pair must reach 4.5:1 (WCAG AA for text) in every scheme."""

MARK_PAIRS: tuple[tuple[str, str], ...] = (
    ("point_ink", "paper"),
    ("mild", "paper"),
    ("moderate", "paper"),
    ("severe", "paper"),
    ("needle", "paper"),
    ("caution_mark", "paper"),
    ("focus", "paper"),
    ("ink", "control"),
    ("ink", "window"),
)
"""Marks, rings and icons and what they are drawn on: 3:1 (WCAG AA for graphics) in every scheme."""


def is_dark(palette: QPalette) -> bool:
    """Whether a palette draws light words on a dark window."""
    return luminance(palette.color(Role.Window)) < luminance(palette.color(Role.WindowText))


HIGH_CONTRAST = 19.5
"""Words and window this far apart (black on white is 21:1) make a high-contrast palette; Fusion's own
light palette, black on light grey, is 18.1:1."""


def is_high_contrast(palette: QPalette) -> bool:
    """Whether a palette is a high-contrast one (black and white, or nearly)."""
    return contrast(palette.color(Role.Window), palette.color(Role.WindowText)) >= HIGH_CONTRAST


def theme_for(palette: QPalette, high_contrast: bool | None = None) -> Theme:
    """The theme that goes with ``palette``: its own text and backgrounds, the meaning colours of its
    lightness, and greys worked out to stay readable on it."""
    contrasting = is_high_contrast(palette) if high_contrast is None else high_contrast
    dark = is_dark(palette)
    meaning = dict(_CONTRAST if contrasting and dark else _DARK if dark else _LIGHT)
    window = palette.color(Role.Window)
    text = palette.color(Role.WindowText)
    base = palette.color(Role.Base)
    # Secondary words: grey, but never under 4.5:1 on the window or on a list's base.
    muted = text if contrasting else readable(readable(mix(text, window, 0.42), window), base)
    button = palette.color(Role.Button)
    border = text if contrasting else readable(mix(button, text, 0.28), button, 1.6)
    disabled = palette.color(Group.Disabled, Role.WindowText)
    if contrast(disabled, window) < 3.0:
        disabled = readable(disabled, window, 3.0)
    return Theme(
        dark=dark,
        high_contrast=contrasting,
        window=window.name(),
        text=text.name(),
        base=base.name(),
        muted=muted.name(),
        border=border.name(),
        control=button.name(),
        hover=mix(button, palette.color(Role.Highlight), 0.12).name(),
        checked=mix(button, palette.color(Role.Highlight), 0.28 if dark else 0.18).name(),
        disabled_text=disabled.name(),
        accent_soft=mix(button, QColor(meaning["accent"]), 0.10).name(),
        caution_words=readable(QColor(_PAPER["caution_mark"]), base).name(),
        **meaning,
        **_PAPER,
        **_PHOTO,
    )


_current: Theme | None = None
_styled: weakref.WeakKeyDictionary[QWidget, Template] = weakref.WeakKeyDictionary()
_listeners: list[tuple[weakref.ref[QWidget] | None, Callable[[Theme], None]]] = []


def current() -> Theme:
    """The theme of the application's palette now."""
    global _current
    if _current is None:
        _current = theme_for(QGuiApplication.palette())
    return _current


def style(widget: QWidget, template: str) -> None:
    """Give ``widget`` a style sheet with the theme's colours put in for ``$name`` (``$alert``,
    ``$muted``…), filled in again whenever the scheme changes."""
    found = Template(template)
    _styled[widget] = found
    widget.setStyleSheet(found.substitute(current()._asdict()))


def on_change(callback: Callable[[Theme], None], owner: QWidget | None = None) -> None:
    """Call ``callback`` with the new theme whenever the scheme changes (while ``owner`` lives)."""
    _listeners.append((weakref.ref(owner) if owner is not None else None, callback))


def light_palette(app: QApplication) -> QPalette:
    """The style's own light palette, with the house selection colour."""
    palette = app.style().standardPalette()
    if is_dark(palette):  # a style that defaults to dark: build the light one from the dark's roles
        palette = _built({**_LIGHT_ROLES})
    palette.setColor(Role.Highlight, QColor(_LIGHT["accent"]))
    palette.setColor(Role.HighlightedText, QColor("#ffffff"))
    return palette


_LIGHT_ROLES = {
    Role.Window: "#efefef",
    Role.WindowText: "#202124",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#f5f6f7",
    Role.ToolTipBase: "#ffffdc",
    Role.ToolTipText: "#202124",
    Role.PlaceholderText: "#6b7075",
    Role.Text: "#202124",
    Role.Button: "#efefef",
    Role.ButtonText: "#202124",
    Role.BrightText: "#ffffff",
    Role.Light: "#ffffff",
    Role.Midlight: "#e3e3e3",
    Role.Mid: "#b8b8b8",
    Role.Dark: "#9f9f9f",
    Role.Shadow: "#767676",
    Role.Link: "#1f5fa8",
    Role.LinkVisited: "#6a3d9a",
}
_DARK_ROLES = {
    Role.Window: "#2b2d30",
    Role.WindowText: "#e8eaed",
    Role.Base: "#1f2023",
    Role.AlternateBase: "#27292c",
    Role.ToolTipBase: "#3c4043",
    Role.ToolTipText: "#e8eaed",
    Role.PlaceholderText: "#a4a9ae",
    Role.Text: "#e8eaed",
    Role.Button: "#35373b",
    Role.ButtonText: "#e8eaed",
    Role.BrightText: "#ffffff",
    Role.Light: "#4a4d52",
    Role.Midlight: "#3f4246",
    Role.Mid: "#2a2c2f",
    Role.Dark: "#18191b",
    Role.Shadow: "#000000",
    Role.Link: "#8ab4f8",
    Role.LinkVisited: "#c58af9",
    Role.Highlight: _DARK["accent"],
    Role.HighlightedText: "#ffffff",
}
_CONTRAST_ROLES = {
    Role.Window: "#000000",
    Role.WindowText: "#ffffff",
    Role.Base: "#000000",
    Role.AlternateBase: "#000000",
    Role.ToolTipBase: "#000000",
    Role.ToolTipText: "#ffffff",
    Role.PlaceholderText: "#d0d0d0",
    Role.Text: "#ffffff",
    Role.Button: "#000000",
    Role.ButtonText: "#ffffff",
    Role.BrightText: "#ffffff",
    Role.Light: "#ffffff",
    Role.Midlight: "#ffffff",
    Role.Mid: "#ffffff",
    Role.Dark: "#ffffff",
    Role.Shadow: "#ffffff",
    Role.Link: "#ffff00",
    Role.LinkVisited: "#ff9eff",
    Role.Highlight: _CONTRAST["accent"],
    Role.HighlightedText: "#000000",
}
_DISABLED = {"dark": "#8c9196", "contrast": "#b0b0b0"}


def _built(roles: dict[QPalette.ColorRole, str], disabled: str | None = None) -> QPalette:
    palette = QPalette()
    for role, name in roles.items():
        palette.setColor(role, QColor(name))
    if disabled is not None:
        for role in (Role.WindowText, Role.Text, Role.ButtonText):
            palette.setColor(Group.Disabled, role, QColor(disabled))
    return palette


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style: light grey words on charcoal, the house selection colour."""
    return _built(_DARK_ROLES, _DISABLED["dark"])


def contrast_palette() -> QPalette:
    """High contrast: white words on black, cyan selection with black words."""
    return _built(_CONTRAST_ROLES, _DISABLED["contrast"])


_system_palette: QPalette | None = None
"""The palette the platform gave the application, before any scheme was applied."""


def palette_for(app: QApplication, scheme: str, system_dark: bool | None = None) -> QPalette:
    """The palette of a scheme. "system" keeps the platform's palette (with the house selection colour
    when it is an ordinary light one), or the dark palette when the platform says it is dark but gave
    a light palette."""
    global _system_palette
    if _system_palette is None:
        _system_palette = app.palette()
    if scheme == "dark":
        return dark_palette()
    if scheme == "contrast":
        return contrast_palette()
    if scheme == "light":
        return light_palette(app)
    system = copy.copy(_system_palette)  # (QPalette(...) would load Qt's enum namespace: see above)
    if is_high_contrast(system):
        return system  # the platform's own high-contrast colours, untouched
    if system_dark and not is_dark(system):
        return dark_palette()
    if system_dark is False and is_dark(system):
        return light_palette(app)
    if not is_dark(system):
        system.setColor(Role.Highlight, QColor(_LIGHT["accent"]))
        system.setColor(Role.HighlightedText, QColor("#ffffff"))
    return system


def apply_scheme(app: QApplication, scheme: str, system_dark: bool | None = None) -> Theme:
    """Give the application the palette of ``scheme`` (one of :data:`SCHEMES`) and bring every themed
    widget along. ``system_dark`` is what the platform says of its colour scheme (None: not asked yet)."""
    global _current
    palette = palette_for(app, scheme if scheme in SCHEMES else "system", system_dark)
    changed = _current is not None
    app.setPalette(palette)
    _current = theme_for(palette, True if scheme == "contrast" else None)
    if changed:
        _restyle(_current)
    return _current


def follow_palette(app: QApplication) -> Theme:
    """Take the theme from the application's palette as it is now (set by the platform, or by hand), and
    bring every themed widget along."""
    global _current
    _current = theme_for(app.palette())
    _restyle(_current)
    return _current


def mute(widget: QWidget) -> None:
    """Set ``widget``'s words in the quiet grey of secondary information (hints, counts, dates).

    The grey is the theme's, readable on the window in every scheme; a change of scheme mutes the widget
    again."""
    widget.setObjectName("muted")
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(current().muted))
    widget.setPalette(palette)


def _restyle(theme: Theme) -> None:
    from shiboken6 import isValid

    app = QApplication.instance()
    if isinstance(app, QApplication) and app.styleSheet():
        # Style sheets read palette() colours when set; setting the sheet again also gives every widget
        # back the palette it had before, so this comes first and the muted words are muted after it.
        sheet = app.styleSheet()
        app.setStyleSheet("")
        app.setStyleSheet(sheet)
    values = theme._asdict()
    for widget, template in list(_styled.items()):
        if isValid(widget):
            widget.setStyleSheet(template.substitute(values))
        else:
            del _styled[widget]
    for widget in QApplication.allWidgets():
        if widget.objectName() == "muted":
            mute(widget)
    for owner, callback in list(_listeners):
        owned = owner() if owner is not None else None
        if owner is not None and (owned is None or not isValid(owned)):
            _listeners.remove((owner, callback))
        else:
            callback(theme)
