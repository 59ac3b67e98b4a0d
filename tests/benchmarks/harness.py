"""Small timing helpers shared by the benchmarks: repeat, take the median and the 95th percentile."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timings_ms(fn: Callable[[], object], repeat: int, warmup: int = 3) -> list[float]:
    """Run ``fn`` ``repeat`` times (after a warm-up) and return each run's duration in milliseconds."""
    for _ in range(warmup):
        fn()
    result = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        result.append((time.perf_counter() - start) * 1000)
    return result


def interleaved_ms(
    fns: dict[str, Callable[[], object]], repeat: int, warmup: int = 3
) -> dict[str, list[float]]:
    """Run each of ``fns`` in turn, ``repeat`` rounds (after a warm-up), and return each one's durations in
    milliseconds: a figure and its baseline measured side by side see the same machine load."""
    for _ in range(warmup):
        for fn in fns.values():
            fn()
    result: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            start = time.perf_counter()
            fn()
            result[name].append((time.perf_counter() - start) * 1000)
    return result


def dispose(*widgets: object) -> None:
    """Close and delete Qt widgets now, while the application still runs: widgets left for the
    interpreter to tear down at exit outlive their application and crash the process."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QWidget

    for widget in widgets:
        if isinstance(widget, QWidget):
            widget.close()
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def p95(values: list[float]) -> float:
    """The 95th percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def median(values: list[float]) -> float:
    """The median."""
    return statistics.median(values)


def show(label: str, value: float, unit: str) -> None:
    """Print one figure, aligned."""
    print(f"  {label:<58} {value:10.2f} {unit}", flush=True)
