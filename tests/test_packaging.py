"""What the wheel and the desktop bundle are made from: every package listed, the resources found from a
zip as from a folder, the desktop entry and AppStream metainfo valid, the icon drawn at every size."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from acuchart import __version__
from acuchart.resources import RESOURCES
from ui.app import DESKTOP_ID
from ui.app_icon import SIZES

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"


def _setuptools() -> dict[str, object]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    found: dict[str, object] = config["tool"]["setuptools"]
    return found


def test_the_wheel_lists_every_package_and_resources_folder() -> None:
    listed = set(_setuptools()["packages"])  # type: ignore[arg-type]
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("acuchart", "ui")
        for init in (ROOT / top).rglob("__init__.py")
    }
    on_disk |= {"acuchart_resources"} | {
        "acuchart_resources." + folder.name
        for folder in (ROOT / "resources").iterdir()
        if folder.is_dir() and folder.name != "__pycache__"
    }
    missing = sorted(on_disk - listed)
    assert not missing, f"add these lines to packages in pyproject.toml [tool.setuptools]: {missing}"
    assert not listed - on_disk, "pyproject.toml lists packages that no longer exist"


def test_the_resources_come_from_the_checkout_here() -> None:
    assert RESOURCES == ROOT / "resources"


ZIPPED = """
import sys
sys.path.insert(0, sys.argv[1])
from acuchart.resources import RESOURCES
print(RESOURCES)
"""


def test_resources_inside_a_zip_are_extracted_once_to_the_cache(tmp_path: Path) -> None:
    archive = tmp_path / "acuchart.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in RESOURCES.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                zipped.write(path, "acuchart_resources/" + path.relative_to(RESOURCES).as_posix())
    cache = tmp_path / "cache"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}

    def resources_seen() -> Path:
        result = subprocess.run(
            [sys.executable, "-c", ZIPPED, str(archive)],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        return Path(result.stdout.strip())

    found = resources_seen()
    assert found == cache / "AcuChart" / f"resources-{__version__}"
    assert (found / "points.csv").read_bytes() == (RESOURCES / "points.csv").read_bytes()
    assert (found / "fonts" / "NotoSans-Regular.ttf").stat().st_size > 100_000
    assert not (found / "__init__.py").exists()
    (found / "points.csv").write_text("kept: not copied again\n", encoding="utf-8")
    assert resources_seen() == found
    assert (found / "points.csv").read_text(encoding="utf-8") == "kept: not copied again\n"


def test_the_icon_is_drawn_at_every_size_the_windows_load() -> None:
    from PIL import Image

    icons = RESOURCES / "icons"
    for size in SIZES:
        with Image.open(icons / f"acuchart-{size}.png") as picture:
            assert picture.size == (size, size)
            assert picture.mode == "RGBA"
            assert picture.getpixel((size // 2, size // 2))[3] == 255  # the face, not transparency
            assert picture.getpixel((0, 0))[3] == 0  # the rounded corner
    with Image.open(icons / "acuchart.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    assert (icons / "acuchart.icns").read_bytes()[:4] == b"icns"
    assert "<svg" in (icons / "acuchart.svg").read_text(encoding="utf-8")


def test_the_desktop_entry_is_valid_and_names_the_app_and_icon() -> None:
    entry = LINUX / f"{DESKTOP_ID}.desktop"
    validator = shutil.which("desktop-file-validate")
    assert validator, "desktop-file-validate is missing: install desktop-file-utils (Debian: apt install)"
    result = subprocess.run([validator, str(entry)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout and "warning" not in result.stdout, result.stdout
    lines = dict(line.split("=", 1) for line in entry.read_text(encoding="utf-8").splitlines() if "=" in line)
    assert lines["Exec"].split()[0] == "acuchart"  # the installed command (and the bundle's on Linux)
    assert lines["Icon"] == DESKTOP_ID


def test_the_appstream_metainfo_describes_this_release() -> None:
    metainfo = LINUX / f"{DESKTOP_ID}.metainfo.xml"
    component = ET.parse(metainfo).getroot()
    assert component.findtext("id") == DESKTOP_ID
    assert component.find("launchable").text == f"{DESKTOP_ID}.desktop"  # type: ignore[union-attr]
    assert next(r.get("version") for r in component.iter("release")) == __version__
    validator = shutil.which("appstreamcli")
    assert validator, "appstreamcli is missing: install appstream (Debian: apt install)"
    result = subprocess.run(
        [validator, "validate", "--no-net", str(metainfo)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_icon_is_what_tools_draw_icon_draws() -> None:
    tools = str(ROOT / "tools")
    sys.path.insert(0, tools)
    try:
        import draw_icon
    finally:
        sys.path.remove(tools)
    assert (RESOURCES / "icons" / "acuchart.svg").read_text(encoding="utf-8") == draw_icon.svg()
    assert draw_icon.SIZES == SIZES
