"""UI test setup: remembered choices go to a throwaway INI file, never the user's settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from acuchart.practice import Practice
from ui.preferences import Preferences


@pytest.fixture
def preferences(tmp_path: Path) -> Preferences:
    """Preferences stored in a temporary INI file."""
    return Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def demo_practice(tmp_path: Path) -> Iterator[Practice]:
    """The demo practice, written to a real file and opened."""
    from acuchart.demo import write_demo

    path = tmp_path / "demo.acuchart"
    write_demo(path)
    opened = Practice.open(path)
    yield opened
    opened.close()
