"""AcuChart's core: the practice's records, their rules and their reports. No Qt here."""

__version__ = "0.1.0"
