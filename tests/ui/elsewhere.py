"""Changes made by another screen: through the one runner, so every screen on the practice hears them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from acuchart.changes import OpResult
from acuchart.practice import Practice
from ui.operations import Operations

T = TypeVar("T")


def elsewhere(practice: Practice, operation: Callable[[], OpResult[T]]) -> T:
    """Run ``operation`` as another screen would (no initiator among those under test); its value."""
    return Operations.of(practice).apply(operation)
