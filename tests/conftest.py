"""Shared test setup: Qt offscreen, remembered choices kept out of the user's profile, fresh practices."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Headless by default: set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
# One language for every test, whatever the machine's: British English, as the documents were checked in
# (a test of another language asks for it, and the fixture below puts English back after it).
os.environ.update(LANGUAGE="en_GB:en", LANG="en_GB.UTF-8", LC_ALL="")
os.environ.pop("LC_ALL")
os.environ.pop("LC_MESSAGES", None)

from acuchart.i18n import set_app_language
from acuchart.practice import Practice


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """Every test starts in English (British dates), and one that switched language leaves English behind."""
    set_app_language("en", ["en-GB"])
    yield
    set_app_language("en", ["en-GB"])


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the log file, data folder and QSettings of every test in a temporary home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))


@pytest.fixture
def practice() -> Iterator[Practice]:
    """An empty practice in memory (storage and service tests)."""
    opened = Practice.open(":memory:")
    yield opened
    opened.close()


@pytest.fixture
def practice_path(tmp_path: Path) -> Path:
    """Where a practice file on disk would go (not created yet)."""
    return tmp_path / "practice.acuchart"


@pytest.fixture
def practice_file(practice_path: Path) -> Iterator[Practice]:
    """An empty practice in a real SQLite file on disk."""
    opened = Practice.open(practice_path)
    yield opened
    opened.close()
