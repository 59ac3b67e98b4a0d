"""The backup settings: how often, where the second copy goes, and how many old backups to keep.

They are kept in the practice file's settings (so the app and the command line agree), under the keys
below; ``acuchart.services.backups`` changes them, audited like every other setting.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from acuchart.i18n import N_, _
from acuchart.text import clean

INTERVAL_KEY = "backup_interval_minutes"
SECOND_PLACE_KEY = "backup_second_place"
KEEP_KEY = "backup_keep"
KEYS = (INTERVAL_KEY, SECOND_PLACE_KEY, KEEP_KEY)

INTERVAL_RANGE = (1, 24 * 60)
"""Minutes between automatic backups: from one minute to a day."""
STALE_DAYS = 7
"""The second place is called out of date after this many days without a good backup."""


class Keep(NamedTuple):
    """How many old backups thinning keeps (Anki's scheme): every backup of the last ``recent_days``
    days, then one a day for ``daily`` more days, one a week for ``weekly`` weeks, one a month for
    ``monthly`` months."""

    recent_days: int = 2
    daily: int = 12
    weekly: int = 10
    monthly: int = 9


KEEP_LIMITS: dict[str, tuple[int, int, str]] = {
    "recent_days": (1, 30, N_("Every backup of the last … days")),
    "daily": (0, 90, N_("Daily backups")),
    "weekly": (0, 104, N_("Weekly backups")),
    "monthly": (0, 240, N_("Monthly backups")),
}


class BackupSettings(NamedTuple):
    """The practice's backup settings, with defaults for anything never set."""

    interval_minutes: int = 30
    second_place: str = ""
    """The folder the practitioner chose for the second copy (a USB drive, a synced folder); '' for none."""
    keep: Keep = Keep()

    @property
    def second_folder(self) -> Path | None:
        """The second place as a path, or None when none is chosen."""
        return Path(self.second_place) if self.second_place else None

    @classmethod
    def from_stored(cls, stored: Mapping[str, Any]) -> BackupSettings:
        """Read from stored settings; anything missing or malformed takes its default."""
        interval = stored.get(INTERVAL_KEY)
        place = stored.get(SECOND_PLACE_KEY)
        keep = stored.get(KEEP_KEY)
        low, high = INTERVAL_RANGE
        return cls(
            interval_minutes=interval if isinstance(interval, int) and low <= interval <= high else 30,
            second_place=place if isinstance(place, str) else "",
            keep=Keep(**{k: v for k, v in keep.items() if k in Keep._fields and isinstance(v, int)})
            if isinstance(keep, dict)
            else Keep(),
        )


def validate(
    practice_path: Path | None,
    interval_minutes: int | None = None,
    second_place: str | Path | None = None,
    keep: Keep | Mapping[str, int] | None = None,
) -> tuple[dict[str, Any], dict[str, str]]:
    """Check new backup settings; returns the values to store (by key) and the problems (by field).

    The second place must be an existing folder that can be written, and not the folder the backups
    already go to by default or the practice file's own folder (the second copy is meant to be
    somewhere else).
    """
    values: dict[str, Any] = {}
    problems: dict[str, str] = {}
    if interval_minutes is not None:
        low, high = INTERVAL_RANGE
        if not isinstance(interval_minutes, int) or not low <= interval_minutes <= high:
            problems["interval_minutes"] = _("Enter a number of minutes from {low} to {high}.").format(
                low=low, high=f"{high:,}"
            )
        values[INTERVAL_KEY] = interval_minutes
    if second_place is not None:
        text = clean(str(second_place))
        problem = _second_place_problem(practice_path, Path(text)) if text else ""
        if problem:
            problems["second_place"] = problem
        values[SECOND_PLACE_KEY] = str(Path(text).absolute()) if text else ""
    if keep is not None:
        numbers = dict(keep._asdict() if isinstance(keep, Keep) else keep)
        for name, (low, high, label) in KEEP_LIMITS.items():
            value = numbers.get(name, getattr(Keep(), name))
            if not isinstance(value, int) or not low <= value <= high:
                problems[f"keep_{name}"] = _("{label}: enter a number from {low} to {high}.").format(
                    label=_(label), low=low, high=high
                )
            numbers[name] = value
        values[KEEP_KEY] = {name: numbers[name] for name in Keep._fields}
    return values, problems


def _second_place_problem(practice_path: Path | None, folder: Path) -> str:
    """Why ``folder`` cannot be the second place ('' when it can)."""
    from acuchart.backup.places import default_folder  # places reads these settings too
    from acuchart.paths import is_writable

    if not folder.is_absolute():
        return _("Choose the folder with the Choose… button (a full path, such as /media/usb/Backups).")
    if not folder.is_dir():
        return _(
            "{folder} is not a folder that exists now. Plug the drive in, or choose another folder."
        ).format(folder=folder)
    if not is_writable(folder):
        return _("{folder} cannot be written to. Choose a folder you can write to.").format(folder=folder)
    if practice_path is not None:
        here, default = folder.resolve(), default_folder(practice_path).resolve()
        if here == default or default in here.parents:
            return _(
                "That is where backups already go on this computer. Choose another drive or a synced folder."
            )
        if here == practice_path.resolve().parent:
            return _(
                "That is the practice file's own folder: a second copy there is lost with the file. "
                "Choose another drive or a synced folder."
            )
    return ""
