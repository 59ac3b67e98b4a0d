"""Running something slow (a restore, a backup before it) in a worker thread behind a progress dialog."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
Progress = Callable[[float, str], None]


class _Bridge(QObject):
    """Carries the worker's news to the screen's thread (queued signals)."""

    progressed = Signal(float, str)
    done = Signal()


def run_with_progress(parent: QWidget | None, title: str, work: Callable[[Progress], T]) -> T:
    """Run ``work`` (given a progress callback) in a worker thread while a progress dialog shows how far it
    is; return its result, or raise what it raised. The screen keeps painting meanwhile."""
    dialog = QProgressDialog(title, "", 0, 100, parent)
    dialog.setWindowTitle("AcuChart")
    dialog.setCancelButton(None)  # PySide accepts None: no cancel button
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setValue(0)
    bridge = _Bridge()
    outcome: dict[str, Any] = {}

    def show(fraction: float, words: str) -> None:
        dialog.setValue(int(fraction * 100))
        dialog.setLabelText(words)

    def run() -> None:
        try:
            outcome["value"] = work(bridge.progressed.emit)
        except BaseException as exc:  # handed back to the screen's thread, raised there
            outcome["error"] = exc
        finally:
            bridge.done.emit()

    loop = QEventLoop()
    bridge.progressed.connect(show)
    bridge.done.connect(loop.quit)
    worker = threading.Thread(target=run, name="acuchart-progress", daemon=True)
    worker.start()
    loop.exec()
    worker.join()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    value: T = outcome["value"]
    return value
