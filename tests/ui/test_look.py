"""Colours and text size: every pair of words and background reads (WCAG AA) in the light, dark and
high-contrast schemes, the practitioner's choice of scheme is remembered and applied at once to every
screen, and a large system font makes the app larger without cutting any words short."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from acuchart.practice import Practice
from ui import theme
from ui.main_window import MainWindow
from ui.preferences import Preferences
from ui.style import apply_style, px

Role = QPalette.ColorRole
Group = QPalette.ColorGroup
SCHEMES = ("light", "dark", "contrast")


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The application, given back with the palette and font it had (other tests see the usual look)."""
    palette, font = qapp.palette(), qapp.font()
    yield qapp
    qapp.setFont(font)
    theme.apply_scheme(qapp, "system")
    qapp.setPalette(palette)
    theme.follow_palette(qapp)


def window_on(qtbot: QtBot, practice: Practice, preferences: Preferences) -> MainWindow:
    window = MainWindow(practice, preferences)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.finish_start()
    return window


def open_latest_session(window: MainWindow, practice: Practice, name: str) -> None:
    client = practice.clients.search(name)[0].id
    session = practice.client_record(client).history[0].id
    window.open_session(session)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_word_on_every_background_of_the_theme_reads(app: QApplication, scheme: str) -> None:
    colours = theme.apply_scheme(app, scheme)
    for pairs, least in ((theme.TEXT_PAIRS, 4.5), (theme.MARK_PAIRS, 3.0)):
        for words, background in pairs:
            ratio = theme.contrast(getattr(colours, words), getattr(colours, background))
            assert ratio >= least, (scheme, words, background, round(ratio, 2))
    palette = app.palette()
    for words, background in (
        (Role.WindowText, Role.Window),
        (Role.Text, Role.Base),
        (Role.ButtonText, Role.Button),
        (Role.HighlightedText, Role.Highlight),
        (Role.ToolTipText, Role.ToolTipBase),
        (Role.PlaceholderText, Role.Base),
        (Role.Link, Role.Base),
    ):
        ratio = theme.contrast(palette.color(words), palette.color(background))
        assert ratio >= 4.5, (scheme, words, background, round(ratio, 2))
    assert colours.dark == (scheme != "light")
    assert colours.high_contrast == (scheme == "contrast")


def test_the_marker_inks_are_the_printed_handouts_on_paper_in_every_scheme(app: QApplication) -> None:
    from acuchart.reports.symbols import SYMBOLS

    for scheme in SCHEMES:
        colours = theme.apply_scheme(app, scheme)
        for symbol in SYMBOLS.values():
            assert theme.contrast(symbol.colour, colours.paper) >= 3.0, (scheme, symbol.key)
        assert colours.paper == ("#ffffff" if scheme != "dark" else colours.paper)
    assert theme.apply_scheme(app, "dark").paper != "#ffffff"  # a dimmer card at night, still light
    assert theme.luminance(theme.current().qcolor("paper")) > 0.7


def _words_read_everywhere(top: QWidget) -> list[str]:
    """Every widget whose own palette puts its words under 4.5:1 on its own background (3:1 for the greyed
    words of a control that is turned off, which WCAG leaves out but a practitioner still reads)."""
    poor = []
    for widget in [top, *top.findChildren(QWidget)]:
        palette = widget.palette()
        groups = (
            ((Group.Active, 4.5), (Group.Inactive, 4.5)) if widget.isEnabled() else ((Group.Disabled, 3.0),)
        )
        for group, least in groups:
            for words, background in ((Role.WindowText, Role.Window), (Role.Text, Role.Base)):
                ratio = theme.contrast(palette.color(group, words), palette.color(group, background))
                if ratio < least:
                    poor.append(
                        f"{type(widget).__name__}#{widget.objectName()} {group.name} {words.name} {ratio:.2f}"
                    )
    return poor


@pytest.mark.parametrize("scheme", ["dark", "contrast"])
def test_the_whole_app_in_a_dark_or_high_contrast_palette_reads(
    qtbot: QtBot, app: QApplication, demo_practice: Practice, preferences: Preferences, scheme: str
) -> None:
    theme.apply_scheme(app, "light")
    window = window_on(qtbot, demo_practice, preferences)
    window.show_client(demo_practice.clients.search("Amelia")[0].id)
    open_latest_session(window, demo_practice, "Noa")
    editor = window.session_editor
    colours = theme.apply_scheme(app, scheme)  # switched while everything is on screen
    poor = _words_read_everywhere(window)
    assert poor == [], "\n".join(poor)
    # Style sheets are filled in again with the new scheme's colours, muted words muted again.
    assert colours.signed_soft in editor.header.signed.styleSheet()
    assert colours.warning in window.sign_panel.reason.styleSheet()
    muted = [w for w in window.findChildren(QLabel) if w.objectName() == "muted"]
    assert muted and all(w.palette().color(Role.WindowText).name() == colours.muted for w in muted)
    # The diagram stays on its light paper card.
    assert editor.current_view.backgroundBrush().color().name() == colours.paper
    qtbot.wait(10)
    picture = window.grab().toImage()
    corner = picture.pixelColor(2, picture.height() - 2)
    assert theme.luminance(corner) < 0.05  # the window itself is dark


def test_colours_chosen_in_the_view_menu_are_applied_and_remembered(
    qtbot: QtBot, app: QApplication, practice: Practice, tmp_path: object
) -> None:
    settings = f"{tmp_path}/prefs.ini"
    preferences = Preferences(QSettings(settings, QSettings.Format.IniFormat))
    theme.apply_scheme(app, "light")
    window = window_on(qtbot, practice, preferences)
    view_menu = window._menus["&View"]
    colours_menu = next(a.menu() for a in view_menu.actions() if a.menu() and "Colours" in a.text())
    dark = next(a for a in colours_menu.actions() if a.text() == "&Dark")
    assert colours_menu.objectName() == "coloursMenu"
    dark.trigger()
    assert theme.current().dark and theme.is_dark(app.palette())
    again = Preferences(QSettings(settings, QSettings.Format.IniFormat))
    assert again.colour_scheme == "dark"
    light = next(a for a in colours_menu.actions() if a.text() == "&Light")
    light.trigger()
    assert not theme.is_dark(app.palette())
    assert Preferences(QSettings(settings, QSettings.Format.IniFormat)).colour_scheme == "light"


def test_the_system_scheme_follows_what_the_platform_said_last(app: QApplication) -> None:
    light = theme.apply_scheme(app, "system", system_dark=False)
    assert not light.dark
    dark = theme.apply_scheme(app, "system", system_dark=True)
    assert dark.dark  # a platform that says dark but gives a light palette gets the dark one


def _cut_short(top: QWidget) -> list[str]:
    """Buttons and one-line labels on screen whose words are wider than the widget shows."""
    cut = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 1:
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            text = widget.text().replace("&", "")
            room = widget.width() - (widget.iconSize().width() if not widget.icon().isNull() else 0)
        elif (
            isinstance(widget, QLabel)
            and not widget.wordWrap()
            and widget.text()
            and "<" not in widget.text()
        ):
            text, room = widget.text(), widget.contentsRect().width()
        else:
            continue
        needed = widget.fontMetrics().horizontalAdvance(text)
        if needed > room + 1:
            cut.append(f"{type(widget).__name__}#{widget.objectName()} {text!r} {needed}>{room}")
    return cut


def test_a_large_system_font_makes_the_app_larger_and_cuts_no_words_short(
    qtbot: QtBot, app: QApplication, demo_practice: Practice, preferences: Preferences
) -> None:
    theme.apply_scheme(app, "light")
    apply_style(app)
    normal = QFont(app.font())
    window = window_on(qtbot, demo_practice, preferences)
    open_latest_session(window, demo_practice, "Priya")
    small = {
        "toolbar": window.session_editor.toolbar.free_tool.sizeHint().height(),
        "title": window.session_editor.header.title.sizeHint().height(),
        "sign": window.sign_panel.sign_button.sizeHint().height(),
        "row": window.session_editor.marks_view.verticalHeader().defaultSectionSize(),
        "search": window.clients.search.sizeHint().height(),
    }
    measure = px(36)

    large = QFont(normal)
    large.setPointSizeF(20)
    app.setFont(large)
    apply_style(app)  # the system's 20 points are kept: larger than the house's least
    assert app.font().pointSizeF() == 20
    big_window = window_on(qtbot, demo_practice, preferences)
    big_window.resize(1900, 1150)
    open_latest_session(big_window, demo_practice, "Priya")
    big_window.show_client(demo_practice.clients.search("Priya")[0].id)
    qtbot.wait(20)
    assert _cut_short(big_window.client_page) == []
    open_latest_session(big_window, demo_practice, "Priya")
    qtbot.wait(20)
    editor = big_window.session_editor
    big = {
        "toolbar": editor.toolbar.free_tool.sizeHint().height(),
        "title": editor.header.title.sizeHint().height(),
        "sign": big_window.sign_panel.sign_button.sizeHint().height(),
        "row": editor.marks_view.verticalHeader().defaultSectionSize(),
        "search": big_window.clients.search.sizeHint().height(),
    }
    for part, height in small.items():
        assert big[part] > height * 1.5, (part, height, big[part])
    assert px(36) > measure * 1.5
    assert not editor.header.title.elided
    assert _cut_short(editor) == []
