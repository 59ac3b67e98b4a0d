"""Reading practice settings."""

from __future__ import annotations

import json
from typing import Any

from acuchart.storage.audit import HEAD_KEY
from acuchart.storage.store import Store


def all_settings(store: Store) -> dict[str, Any]:
    """Every practice setting, decoded (the audit bookkeeping left out)."""
    rows = store.rows("select key, value from settings where key != ?", [HEAD_KEY])
    return {row["key"]: json.loads(row["value"]) for row in rows}
