"""Where the project's data lives: diagrams, the point catalogue, protocols, handout texts, fonts, icons.

This module is the one place that knows. The ``resources/`` folder travels as the import package
``acuchart_resources`` (pyproject.toml maps the name to the folder), so it is found the same way from a
source checkout (an editable install), an installed wheel, a PyInstaller bundle (which collects the
package's files beside it) and a zip archive on ``sys.path`` (whose files are extracted once into the
user cache folder, since reportlab and Qt want real files).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from acuchart import __version__

PACKAGE = "acuchart_resources"
"""The import name the ``resources/`` folder is installed under."""

_CHECKOUT = Path(__file__).resolve().parent.parent / "resources"
_MARKER = "points.csv"
"""A file every copy of the resources has: a folder without it is not the resources."""


def find_resources() -> Path:
    """The folder holding the resources, wherever AcuChart was installed or unpacked.

    Found without importing anything slow: this runs while the app starts.
    """
    spec = importlib.util.find_spec(PACKAGE)
    for location in (spec.submodule_search_locations or ()) if spec is not None else ():
        if (Path(location) / _MARKER).is_file():
            return Path(location)
    frozen = getattr(sys, "_MEIPASS", None)  # a PyInstaller bundle's own folder
    if frozen is not None and (Path(frozen) / PACKAGE / _MARKER).is_file():
        return Path(frozen) / PACKAGE
    if spec is not None:
        return _extracted()
    # Run from a checkout that was never installed (``python main.py`` with the folder on sys.path).
    return _CHECKOUT


def _extracted() -> Path:
    """The resources copied out of a zip archive into the cache folder, once per version."""
    import importlib.resources
    from importlib.resources.abc import Traversable

    import platformdirs

    target = Path(platformdirs.user_cache_dir("AcuChart", appauthor=False)) / f"resources-{__version__}"
    if (target / _MARKER).is_file():
        return target
    staging = target.with_name(target.name + ".partial")

    def copy(source: Traversable, into: Path) -> None:
        into.mkdir(parents=True, exist_ok=True)
        for entry in source.iterdir():
            if entry.is_dir():
                copy(entry, into / entry.name)
            elif not entry.name.endswith((".py", ".pyc")):
                (into / entry.name).write_bytes(entry.read_bytes())

    import shutil

    shutil.rmtree(staging, ignore_errors=True)
    copy(importlib.resources.files(PACKAGE), staging)
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)  # whole or not at all: a half-copied folder never passes as the resources
    return target


RESOURCES: Path = find_resources()
"""The resources folder (``resources/`` in a checkout)."""
