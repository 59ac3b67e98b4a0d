"""Nothing lost: a mark made at the chair survives the app being killed a moment later."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from acuchart.practice import Practice

ROOT = Path(__file__).resolve().parents[2]

# The real main window, offscreen: a session started through it, ST2 clicked on the client's left
# side of the face, a mild bruise recorded there from the context menu's first entry. Then it
# prints "ready" and waits in the event loop to be killed.
CHAIR = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from acuchart import clock
    from acuchart.practice import Practice
    from acuchart.services.clients import ClientForm
    from ui.app import create_application
    from ui.main_window import MainWindow
    from ui.preferences import Preferences

    app = create_application()
    practice = Practice.open(sys.argv[1])
    client = practice.clients.create(ClientForm(first_name="Sofía", last_name="Domínguez")).value
    window = MainWindow(practice, Preferences(QSettings(sys.argv[2], QSettings.Format.IniFormat)))
    window.resize(1400, 900)
    window.show()
    session = practice.sessions.create(client.id, consent_override="Verbal consent, form to follow").value
    window.open_session(session.id)
    view = window.session_editor.views["face"]
    view.fit()
    st2 = practice.catalogue.get("ST2")
    point = view.mapFromScene(view.to_scene(1 - st2.x, st2.y))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    mark = window.session_editor.chart.marks[0]
    window.session_editor.mark_menu(mark).actions()[0].trigger()
    print("ready", session.id, flush=True)
    app.exec()
    """
)


@pytest.mark.slow
def test_bruise_at_left_st2_survives_the_app_being_killed(tmp_path: Path) -> None:
    path = tmp_path / "practice.acuchart"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    chair = subprocess.Popen(
        [sys.executable, "-c", CHAIR, str(path), str(tmp_path / "prefs.ini")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert chair.stdout is not None
        line = chair.stdout.readline()
        assert line.startswith("ready"), chair.stderr.read() if chair.stderr else line
        session_id = int(line.split()[1])
        chair.send_signal(signal.SIGKILL)
        chair.wait(timeout=10)
    finally:
        if chair.poll() is None:
            chair.kill()
            chair.wait(timeout=10)
        for stream in (chair.stdout, chair.stderr):
            if stream is not None:
                stream.close()
    assert chair.returncode == -signal.SIGKILL

    reopened = Practice.open(path)
    try:
        chart = reopened.sessions.load(session_id)
        assert [(m.code, m.side) for m in chart.marks] == [("ST2", "left")]
        (bruise,) = chart.reactions
        assert (bruise.kind, bruise.severity, bruise.mark_id) == ("bruising", "mild", chart.marks[0].id)
        assert reopened.verify_audit().ok
    finally:
        reopened.close()
