"""The Qt binding itself: a release that leaks references to None aborts the app after a long session."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_calls_into_qt_do_not_drop_references_to_none() -> None:
    holder = QObject()
    before = sys.getrefcount(None)
    for _ in range(2000):
        holder.setObjectName("chair")
    # A leaking binding (PySide6 6.12.0 on Python 3.11) loses exactly one reference per call.
    assert sys.getrefcount(None) - before > -100
