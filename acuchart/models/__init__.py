"""The practice's records as plain, typed values. Services hand these out; nothing here touches storage.

``from acuchart.models import Client`` works for every name in the submodules, which load on first
use: opening the client list needs only :mod:`acuchart.models.practice`, so the charting and
record types stay out of the start-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from acuchart.i18n import _

if TYPE_CHECKING:
    from acuchart.models.audit import *  # noqa: F403
    from acuchart.models.charting import *  # noqa: F403
    from acuchart.models.photos import *  # noqa: F403
    from acuchart.models.practice import *  # noqa: F403
    from acuchart.models.record import *  # noqa: F403
    from acuchart.models.tcm import *  # noqa: F403

_SUBMODULES = ("practice", "record", "charting", "audit", "tcm", "photos")


def __getattr__(name: str) -> Any:
    """Find ``name`` in the submodules, importing them in order until one has it."""
    if not name.startswith("_"):
        for submodule in _SUBMODULES:
            module = importlib.import_module(f"acuchart.models.{submodule}")
            if name in vars(module):
                value = vars(module)[name]
                globals()[name] = value
                return value
    raise AttributeError(_("module 'acuchart.models' has no attribute {name!r}").format(name=name))
