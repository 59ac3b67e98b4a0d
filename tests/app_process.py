"""Running AcuChart as a practitioner's computer would, away from this checkout: a clean environment (no
PYTHONPATH, no virtual environment of ours), a home of its own, a folder outside the checkout."""

from __future__ import annotations

import io
import os
import subprocess
import time
from pathlib import Path

from pypdf import PdfReader

from tests.core.reports.pdfcheck import ink_fraction, rendered_pages

ROOT = Path(__file__).resolve().parents[1]
DEMO_PRACTICE = "Willow Lane Facial Acupuncture"


def clean_env(home: Path) -> dict[str, str]:
    """The environment of a fresh login: this checkout nowhere on the path, Qt offscreen."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def run(command: list[str], where: Path, home: Path, timeout: int = 180) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in ``where``; fail with its output when it fails."""
    result = subprocess.run(
        command, cwd=where, env=clean_env(home), capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, f"{command} failed:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    return result


def prints_a_demo_handout(acuchart: list[str], where: Path, home: Path) -> None:
    """``acuchart demo``, then ``acuchart handout``: the PDF names the demo practice and has its diagram."""
    run([*acuchart, "demo", "demo.acuchart"], where, home)
    run([*acuchart, "--db", "demo.acuchart", "handout", "1", "-o", "handout.pdf"], where, home)
    pdf = (where / "handout.pdf").read_bytes()
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert DEMO_PRACTICE in text
    assert "Your acupuncture session" in text
    assert ink_fraction(rendered_pages(pdf, scale=0.3)[0]) > 0.02  # the face diagram and points drawn


def opens_the_window(acuchart: list[str], practice: Path, where: Path, home: Path) -> None:
    """The app started on ``practice`` gets as far as its running window: it remembers the file when the
    window is made, and starts its log file in the first idle moment after the window appears."""
    log = home / "state" / "AcuChart" / "log" / "acuchart.log"
    log.unlink(missing_ok=True)  # the command line may have started one
    app = subprocess.Popen(
        [*acuchart, "--db", str(practice)],
        cwd=where,
        env=clean_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while not log.exists() and app.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1)
        assert app.poll() is None, app.communicate()[1][-3000:]
        assert log.exists(), "the window never reached its first idle moment"
    finally:
        app.terminate()
        _out, err = app.communicate(timeout=30)
    assert "Traceback" not in err, err[-3000:]
    assert "Unexpected error" not in log.read_text(encoding="utf-8")
    settings = (home / "config" / "AcuChart" / "AcuChart.conf").read_text(encoding="utf-8")
    assert f"last={practice.absolute()}" in settings
