"""Accessible names: what a screen reader says for each control, set in one place.

Every control that takes the keyboard focus or a click has an accessible name, the words a screen
reader speaks for it, and a description where the name alone leaves the practitioner guessing (an
icon-only button, the diagram, the legend). Names are set through :func:`accessible` only. A name
written as a literal in the call is found there by the translation tools (``make messages`` extracts
``accessible``'s second argument) and translated by :func:`accessible` itself; a name built from other
words is built from translated ones, and a description is passed translated (``_("...")``).

**The rule** (checked by ``tests/ui/test_accessible_names.py`` over every window, dialog and page the app
can show): a widget that can take the keyboard focus, or that acts on a click (buttons, boxes, lists,
tables, sliders, the diagram, the photo views), must have a name that Qt's accessibility gives a screen
reader (``QAccessibleInterface.text(Name)``) and that name must contain a letter. Qt finds a name, in
this order, in the widget's accessible name, its own text (a button's "Save", a check box's words),
and the label it is the buddy of (a ``QFormLayout`` row's label, ``QLabel.setBuddy``). A button
showing only "✓", "…" or "✕" therefore fails until it is named. Labels that only show words, and
the scroll bars and viewports Qt adds inside a view, are not controls: a screen reader reads their
text or skips them.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

from acuchart.i18n import _

W = TypeVar("W", bound=QWidget)


def accessible(widget: W, name: str, description: str = "") -> W:
    """Give ``widget`` the accessible ``name`` a screen reader says for it and, when the name alone is
    not enough, a ``description`` (what it does, how to use it). Returns the widget.

    Qt tells an active screen reader when either changes, so a control whose meaning changes (the
    diagram, as the keyboard moves between points) calls this again with the new words."""
    name = _(name) if name else name  # a literal name is a catalogue entry; built ones pass through
    if widget.accessibleName() != name:
        widget.setAccessibleName(name)
    if widget.accessibleDescription() != description:
        widget.setAccessibleDescription(description)
    return widget
