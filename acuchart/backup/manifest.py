"""A backup's manifest: a small JSON file beside it saying what it holds and how it was verified.

A backup counts as good only when its manifest exists and says it was verified: the manifest is
written (atomically) after the checks passed, so a backup cut short by a crash never has one.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

FORMAT = 1
"""The manifest's own format; a manifest of a later format comes from a newer AcuChart."""
SUFFIX = ".json"


@dataclass(frozen=True)
class Manifest:
    """What one backup holds and how it was checked."""

    app_version: str
    created_at: str
    """When the copy was taken (the practice's local time, ISO, to the second)."""
    reason: str
    """Why it was made: "automatic", "on quitting", "by hand", "before restoring", "before updating"…"""
    practice: str
    """The practice file it was copied from."""
    file: str
    """The backup file's name (in the same folder as the manifest)."""
    size: int
    sha256: str
    schema: tuple[str, ...]
    """The migrations the copy's schema has had."""
    counts: dict[str, int]
    """Rows per table, as the practice held them at the moment of the copy."""
    audit_entries: int
    audit_head: str
    """The hash of the newest audit entry: the trail's fingerprint at that moment."""
    verified_at: str = ""
    """When the checks passed; '' for a backup that failed them."""
    checks: dict[str, str] = field(default_factory=dict)
    """What each check found, in words ("integrity": "ok", "audit": "1,656 entries intact", …)."""
    problem: str = ""
    """Why verification failed ('' for a good backup)."""
    pinned: bool = False
    """Kept through thinning: the copy of the practice taken just before a restore replaced it."""
    photos: dict[str, str] = field(default_factory=dict)
    """The hashes of the photos the backup covers, by photo (filled once the practice keeps photos)."""
    format: int = FORMAT

    @property
    def created(self) -> dt.datetime:
        """When the copy was taken."""
        return dt.datetime.fromisoformat(self.created_at)

    @property
    def clients(self) -> int:
        """How many clients the backup holds."""
        return self.counts.get("clients", 0)

    @property
    def sessions(self) -> int:
        """How many sessions the backup holds."""
        return self.counts.get("sessions", 0)

    @property
    def verified(self) -> bool:
        """True when every check passed."""
        return bool(self.verified_at) and not self.problem

    def to_json(self) -> bytes:
        """The manifest as UTF-8 JSON, keys in a stable order."""
        data = asdict(self)
        data["schema"] = list(self.schema)
        return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, text: bytes | str) -> Manifest:
        """Read a manifest; fields this version does not know are ignored.

        Raises:
            ValueError: the text is not a manifest (not JSON, or a field missing or of the wrong kind).
        """
        data: Any = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("a manifest is a JSON object")
        known = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        try:
            known["schema"] = tuple(str(name) for name in known.get("schema", ()))
            manifest = cls(**known)
            manifest.created  # noqa: B018 - checks the time reads
        except (TypeError, ValueError) as exc:
            raise ValueError(f"not a backup manifest ({exc})") from exc
        return manifest


def manifest_path(backup: Path) -> Path:
    """Where the manifest of the backup file ``backup`` is kept."""
    return backup.with_name(backup.name + SUFFIX)


def read_manifest(backup: Path) -> Manifest | None:
    """The manifest of ``backup``, or None when it has none (or an unreadable one)."""
    try:
        return Manifest.from_json(manifest_path(backup).read_bytes())
    except (OSError, ValueError):
        return None
