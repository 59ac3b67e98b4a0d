"""AcuChart as `pip install` leaves it: the wheel built from this checkout, installed into a fresh virtual
environment outside it, run from another folder with no path back here. It finds its resources inside the
installed package, prints a handout from the demo and opens its window.

The dependencies come from the package index through pip's own cache (filled by `make`), so the test
needs the index the way `make` does, and takes a minute or so.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from acuchart import __version__
from tests.app_process import ROOT, opens_the_window, prints_a_demo_handout, run

PIP_CACHE = os.environ.get("PIP_CACHE_DIR") or str(Path.home() / ".cache" / "pip")
"""pip's cache as it was before the tests moved HOME (read when this module is collected)."""
SKIPPED = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", "out"
)

WINDOW = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import acuchart.resources, ui.app

def report():
    window = ui.app.PracticeSwitcher.shown
    window.finish_start()
    icon = QApplication.windowIcon()
    print(json.dumps({
        "title": window.windowTitle(),
        "rows": window.clients.model.rowCount(),
        "icon_sizes": sorted(size.width() for size in icon.availableSizes()),
        "resources": str(acuchart.resources.RESOURCES),
    }), flush=True)
    QApplication.instance().quit()

show = ui.app.PracticeSwitcher.show
def shown(switcher, practice):
    show(switcher, practice)
    ui.app.PracticeSwitcher.shown = switcher.window
    QTimer.singleShot(1000, report)
ui.app.PracticeSwitcher.show = shown
sys.exit(ui.app.run(Path(sys.argv[1])))
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel of this checkout installed; its ``bin`` folder."""
    work = tmp_path_factory.mktemp("installed")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=SKIPPED)
    wheels = work / "wheels"
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            wheels,
            source,
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    (wheel,) = wheels.glob("acuchart-*.whl")
    assert wheel.name.startswith(f"acuchart-{__version__}-py3-none-any")
    environment = work / "venv"
    venv.create(environment, with_pip=True)
    bin_folder = environment / ("Scripts" if sys.platform == "win32" else "bin")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PIP_CACHE_DIR"] = PIP_CACHE
    installing = subprocess.run(
        [bin_folder / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check", wheel],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert installing.returncode == 0, installing.stderr[-3000:]
    return bin_folder


@pytest.mark.slow
def test_the_installed_command_lists_its_subcommands_from_anywhere(installed: Path, tmp_path: Path) -> None:
    help_text = run([str(installed / "acuchart"), "--help"], tmp_path, tmp_path / "home").stdout
    for name in ("demo", "handout", "check", "lot"):
        assert name in help_text
    version = run([str(installed / "python"), "-m", "acuchart", "--version"], tmp_path, tmp_path / "home")
    assert __version__ in version.stdout + version.stderr


@pytest.mark.slow
def test_the_installed_app_prints_a_handout_from_the_demo(installed: Path, tmp_path: Path) -> None:
    prints_a_demo_handout([str(installed / "acuchart")], tmp_path, tmp_path / "home")


@pytest.mark.slow
def test_the_installed_app_opens_its_window_with_its_own_resources_and_icon(
    installed: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    run([str(installed / "acuchart"), "demo", "demo.acuchart"], tmp_path, home)
    opens_the_window([str(installed / "acuchart")], tmp_path / "demo.acuchart", tmp_path, home)
    shown = json.loads(
        run([str(installed / "python"), "-c", WINDOW, "demo.acuchart"], tmp_path, home).stdout.splitlines()[
            -1
        ]
    )
    assert shown["title"] == "AcuChart — Willow Lane Facial Acupuncture"
    assert shown["rows"] == 14
    assert shown["icon_sizes"] == [16, 24, 32, 48, 64, 128, 256, 512]
    resources = Path(shown["resources"])
    assert resources.parent.name == "site-packages"  # inside the installed package, not here
    assert ROOT not in resources.parents
