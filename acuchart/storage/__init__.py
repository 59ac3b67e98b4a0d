"""Storage: the only layer that speaks SQL. Services call it; nothing else does."""

from acuchart.storage.store import Store, Writer

__all__ = ["Store", "Writer"]
