"""The desktop bundle `make dist` builds, run as a practitioner would, without this checkout's Python:
it prints a handout from the demo practice and opens its window (run by `make dist-test`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.app_process import ROOT, opens_the_window, prints_a_demo_handout, run

BUNDLE = ROOT / "dist" / "AcuChart"
EXECUTABLE = BUNDLE / ("AcuChart.exe" if sys.platform == "win32" else "acuchart")

pytestmark = [pytest.mark.bundle, pytest.mark.slow]


@pytest.fixture(scope="module")
def bundle() -> Path:
    assert EXECUTABLE.is_file(), f"{EXECUTABLE} is missing: run `make dist` first (or `make dist-test`)"
    return EXECUTABLE


def test_the_bundle_carries_its_resources_and_desktop_files(bundle: Path) -> None:
    inside = BUNDLE / "_internal" / "acuchart_resources"
    assert (inside / "points.csv").read_bytes() == (ROOT / "resources" / "points.csv").read_bytes()
    assert (inside / "fonts" / "NotoSans-Regular.ttf").is_file()
    share = BUNDLE / "share"
    assert (share / "applications" / "org.acuchart.AcuChart.desktop").is_file()
    assert (share / "metainfo" / "org.acuchart.AcuChart.metainfo.xml").is_file()
    for size in (16, 32, 48, 128, 256, 512):
        assert (
            share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "org.acuchart.AcuChart.png"
        ).is_file()


def test_the_bundle_prints_a_handout_from_the_demo(bundle: Path, tmp_path: Path) -> None:
    home, where = tmp_path / "home", tmp_path / "work"
    where.mkdir()
    assert "handout" in run([str(bundle), "--help"], where, home).stdout
    prints_a_demo_handout([str(bundle)], where, home)


def test_the_bundle_opens_its_window_on_the_demo(bundle: Path, tmp_path: Path) -> None:
    home, where = tmp_path / "home", tmp_path / "work"
    where.mkdir()
    run([str(bundle), "demo", "demo.acuchart"], where, home)
    opens_the_window([str(bundle)], where / "demo.acuchart", where, home)
