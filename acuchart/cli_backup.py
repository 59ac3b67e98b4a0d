"""``backup``, ``backups`` and ``restore`` on the command line, and the backup advice ``check`` gives."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from acuchart.errors import BackupError, StoreError
from acuchart.i18n import _, ngettext, pgettext

if TYPE_CHECKING:
    from acuchart.backup.catalog import Backup
    from acuchart.backup.make import BackupReport


def add_backup_parsers(sub: argparse._SubParsersAction[Any]) -> None:
    """The subcommands' arguments (their implementations register themselves with ``acuchart.cli``)."""
    backup = sub.add_parser(
        "backup", help=_("back the practice file up now, verified, to its backup places (or to --to DIR)")
    )
    backup.add_argument(
        "--to", type=Path, metavar="DIR", help=_("put this one backup in DIR instead (an existing folder)")
    )
    backups = sub.add_parser("backups", help=_("list the practice's backups and whether each is verified"))
    backups.add_argument(
        "--verify",
        action="store_true",
        help=_("read every backup through again (slower) to be sure it is intact"),
    )
    restore = sub.add_parser(
        "restore", help=_("put a backup in place of the practice file (the current file is backed up first)")
    )
    restore.add_argument(
        "backup",
        metavar="BACKUP",
        help=_("the backup file to restore, or 'newest' for the newest verified one"),
    )
    restore.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))


def run_backup(path: Path, to: Path | None) -> int:
    """``backup``: back up now and say where each copy went."""
    from acuchart.backup.make import BY_HAND, back_up

    if not path.is_file():
        raise StoreError(
            _("There is no practice file at {path}. Name the practice file with --db FILE.").format(path=path)
        )
    if to is not None and not to.is_dir():
        raise BackupError(
            _("{folder} is not a folder that exists. Create it first, or name another with --to.").format(
                folder=to
            )
        )
    report = back_up(path, BY_HAND, to=to)
    print(_report_text(path, report))
    for problem in report.problems:
        print(f"acuchart: {problem}", file=sys.stderr)
    return 0 if report.ok else 1


def _report_text(path: Path, report: BackupReport) -> str:
    seconds = sum(report.timings.values())
    held = report.snapshot
    what = (
        " ("
        + _("{clients} clients, {sessions} sessions").format(
            clients=f"{held.clients:,}", sessions=f"{held.sessions:,}"
        )
        + ")"
        if held is not None
        else ""
    )
    lines = [
        _("Backed up {path}{what} in {seconds} s:").format(path=path, what=what, seconds=f"{seconds:.2f}")
        if report.made
        else _("No backup of {path} was made:").format(path=path)
    ]
    for outcome in report.outcomes:
        if outcome.backup is not None and outcome.backup.manifest is not None:
            checks = outcome.backup.manifest.checks
            thinned = f"; {outcome.removed} old backup(s) thinned away" if outcome.removed else ""
            lines.append(
                f"  {outcome.place.label}: ✓ {outcome.backup.path} ({_size(outcome.backup.size)}), verified: "
                f"integrity {checks.get('integrity', '?')}, audit trail {checks.get('audit', '?')}{thinned}"
            )
        else:
            lines.append("  " + _("{place}: ✗ not made (see below)").format(place=_(outcome.place.label)))
    return "\n".join(lines)


def run_backups(path: Path, verify: bool) -> int:
    """``backups``: every backup of the practice in every place, with its verification."""
    from acuchart.backup.catalog import DAMAGED, list_aside, list_folder, recheck
    from acuchart.backup.photos import damaged_photos
    from acuchart.backup.places import places, settings_or_default
    from acuchart.storage.cipher import unlocked_key

    settings = settings_or_default(path)
    print(_("Backups of {path}").format(path=path))
    damaged = 0
    for place in places(path, settings):
        if place.second and not place.root.is_dir():
            print(
                "  "
                + _("{place}: {folder} is not there (is the drive plugged in?)").format(
                    place=_(place.label), folder=place.root
                )
            )
            continue
        found = list_folder(place.folder, place.label)
        print(
            "  "
            + _("{place} ({folder}): {count} verified").format(
                place=_(place.label), folder=place.folder, count=sum(b.good for b in found)
            )
        )
        for backup in found:
            photo_problems: list[str] = []
            if verify:
                backup = recheck(backup)
                if backup.good and backup.manifest is not None:
                    photo_problems = damaged_photos(backup.path, backup.manifest.photos, unlocked_key(path))
            damaged += backup.state == DAMAGED or bool(photo_problems)
            print(f"    {_line(backup)}")
            for problem in photo_problems[:5]:
                print(f"      ✗ {problem}")
        aside = list_aside(place.folder, place.label)
        if aside:
            print(
                "    "
                + _("set aside after failing their checks: {count} (in {folder})").format(
                    count=len(aside), folder=aside[0].path.parent
                )
            )
    if verify:
        print(
            _("Every backup was read through again.")
            if not damaged
            else ngettext("{count} backup is damaged.", "{count} backups are damaged.", damaged).format(
                count=damaged
            )
        )
    return 1 if damaged else 0


def _line(backup: Backup) -> str:
    """One backup as a line: ✓ or ✗, time, size, counts, why it was made, file name (or what is wrong)."""
    mark = "✓" if backup.good else "✗"
    when = f"{backup.created:%Y-%m-%d %H:%M}"
    manifest = backup.manifest
    if manifest is None or not backup.good:
        return f"{mark} {when}  {backup.state}: {backup.note}  {backup.path.name}"
    counts = f"{manifest.clients:,} clients  {manifest.sessions:,} sessions"
    if manifest.photos:
        counts += f"  {len(manifest.photos):,} photos"
    pin = "  (kept)" if manifest.pinned else ""
    return f"{mark} {when}  {_size(backup.size):>8}  {counts}  {manifest.reason}{pin}  {backup.path.name}"


def run_restore(path: Path, chosen: str, yes: bool) -> int:
    """``restore``: put a backup in place of the practice file, after confirmation."""
    from acuchart.backup.catalog import judge, newest_good
    from acuchart.backup.places import settings_or_default
    from acuchart.backup.restore import restore

    if chosen == "newest":
        found = newest_good(path, settings_or_default(path))
        if found is None:
            raise BackupError(
                _("There is no verified backup of {path}. Name a backup file to restore.").format(path=path)
            )
        backup_path = found.path
    else:
        backup_path = Path(chosen)
        if not backup_path.is_file():
            raise BackupError(
                _("There is no backup file at {path}. List the backups with: backups").format(
                    path=backup_path
                )
            )
    backup = judge(backup_path)
    if not yes and not _confirm(path, backup):
        print(_("Nothing was changed."))
        return 1
    report = restore(path, backup_path)
    print(
        _("Restored {path} from {backup} (taken {moment}).").format(
            path=path, backup=report.restored.path, moment=f"{report.restored.created:%Y-%m-%d %H:%M}"
        )
    )
    for problem in report.photo_problems:
        print(
            "acuchart: " + _("a photo was not brought back: {problem}").format(problem=problem),
            file=sys.stderr,
        )
    if report.kept is not None:
        print(_("The practice as it was is kept in the backup {path}.").format(path=report.kept.path))
    elif report.moved_aside is not None:
        print(_("The practice file as it was is kept as {path}.").format(path=report.moved_aside))
    return 0


def _confirm(path: Path, backup: Backup) -> bool:
    manifest = backup.manifest
    held = (
        ": "
        + _("{clients} clients, {sessions} sessions").format(
            clients=f"{manifest.clients:,}", sessions=f"{manifest.sessions:,}"
        )
        if manifest is not None
        else ""
    )
    print(
        _(
            "Restore the backup taken {moment}{held}\n  {backup}\nin place of {path}?\n"
            "The practice as it is now is backed up first and kept."
        ).format(moment=f"{backup.created:%Y-%m-%d %H:%M}", held=held, backup=backup.path, path=path)
    )
    try:
        answer = input(_("Restore? [y/N] "))
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", pgettext("answer", "y"), pgettext("answer", "yes"))


def backup_advice(path: Path, found_only: bool = False) -> list[str]:
    """For a practice file that fails ``check``: the newest verified backup and how to restore it (when
    there is none, a word of caution, or nothing if ``found_only``)."""
    from acuchart.backup.recovery import recovery_for

    found = recovery_for(path, "")
    if found.backup is None:
        if found_only:
            return []
        return [
            _(
                "No verified backup of this file was found. Keep the file as it is and get help before changing it."
            )
        ]
    return [
        _("The newest verified backup is {path} (taken {moment}).").format(
            path=found.backup.path, moment=f"{found.backup.created:%Y-%m-%d %H:%M}"
        ),
        found.lost,
        _("To restore it (the damaged file is kept): {command}").format(
            command=f"main.py --db {path} restore newest"
        ),
    ]


def _size(size: int) -> str:
    """A file size in words: 811 KB, 104.5 MB."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(1, round(size / 1000))} KB"
