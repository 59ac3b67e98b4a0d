"""A damaged practice file at start (or found damaged just after): say so, name the newest verified backup
and its time, say what it may lack, and restore it in one click. The damaged file is moved aside and kept.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from acuchart import clock
from acuchart.backup.recovery import Recovery, ago, move_aside, recovery_for
from acuchart.dates import appointment, clock_time, day_month
from acuchart.errors import AcuChartError, DamagedFileError, StoreError
from acuchart.i18n import _, ngettext
from acuchart.practice import Practice
from ui.backup.progress import run_with_progress
from ui.messages import warn

log = logging.getLogger("acuchart")

RESTORE = "restore"
OTHER_FILE = "other"
START_EMPTY = "empty"
QUIT = "quit"


def what_is_wrong(error: StoreError) -> str:
    """What is wrong in a few plain words, without the advice around it."""
    if isinstance(error, DamagedFileError):
        return error.detail
    return str(error)


def recovery_text(found: Recovery, error: StoreError) -> str:
    """The dialog's words: what is wrong, the newest backup and what it lacks, what restoring does."""
    path = found.path
    head = _("<p><b>{file}</b> cannot be used: {problem}.</p><p>AcuChart has not written to it.</p>").format(
        file=path.name, problem=what_is_wrong(error)
    )
    if found.backup is None or found.backup.manifest is None:
        return head + _(
            "<p>There is no verified backup of this practice on this computer or in its second place. "
            "Keep the file as it is and get help (<tt>main.py check</tt> shows what is wrong), or choose "
            "another file. Starting an empty practice moves the damaged file aside first, under a dated name.</p>"
        )
    taken = found.backup.created
    manifest = found.backup.manifest
    newest = _(
        "<p>The newest verified backup is from <b>{when}</b> ({ago}): {clients}, {sessions}.</p>"
    ).format(
        when=_("{time} on {date}").format(time=clock_time(taken), date=appointment(taken.date())),
        ago=ago(clock.now() - taken),
        clients=ngettext("{count:,} client", "{count:,} clients", manifest.clients).format(
            count=manifest.clients
        ),
        sessions=ngettext("{count:,} session", "{count:,} sessions", manifest.sessions).format(
            count=manifest.sessions
        ),
    )
    restoring = _(
        "<p>Restoring it moves the damaged file aside, keeping it beside the practice as "
        "“{stem} damaged …{suffix}”, and puts the backup in its place.</p>"
    ).format(stem=path.stem, suffix=path.suffix)
    return head + newest + f"<p>{found.lost}</p>" + restoring


def ask_recovery(found: Recovery, error: StoreError, parent: QWidget | None = None) -> str:
    """Ask what to do with a damaged practice file: RESTORE, OTHER_FILE, START_EMPTY or QUIT."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("The practice file is damaged"))
    box.setText(recovery_text(found, error))
    if isinstance(error, DamagedFileError) and error.findings != (error.detail,):
        box.setDetailedText(_("What SQLite found:") + "\n" + "\n".join(error.findings))
    choices: dict[object, str] = {}
    if found.backup is not None:
        restore = box.addButton(
            _("Restore the backup of {time}, {day}").format(
                time=clock_time(found.backup.created), day=day_month(found.backup.created)
            ),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.setDefaultButton(restore)
        choices[restore] = RESTORE
    else:
        choices[box.addButton(_("Start an empty practice"), QMessageBox.ButtonRole.DestructiveRole)] = (
            START_EMPTY
        )
    choices[box.addButton(_("Choose another file…"), QMessageBox.ButtonRole.ActionRole)] = OTHER_FILE
    choices[box.addButton(_("Quit"), QMessageBox.ButtonRole.RejectRole)] = QUIT
    box.exec()
    return choices.get(box.clickedButton(), QUIT)


def recover(path: Path, error: StoreError, parent: QWidget | None = None, choice: str = "") -> Practice | str:
    """Offer the way out of a damaged practice file and take it.

    Returns the practice, open again (restored, or empty in place of the damaged file), or OTHER_FILE or
    QUIT when the practitioner chose that. ``choice`` answers the question in advance (tests).
    """
    found = recovery_for(path, error)
    answer = choice or ask_recovery(found, error, parent)
    if answer == RESTORE and found.backup is not None:
        backup = found.backup
        from acuchart.backup.restore import restore

        try:
            report = run_with_progress(
                parent,
                _("Restoring the backup…"),
                lambda progress: restore(path, backup.path, set_aside_as="damaged", progress=progress),
            )
        except AcuChartError as exc:
            log.warning("Restoring %s over the damaged %s failed: %s", backup.path, path, exc)
            warn(parent, str(exc), _("The backup could not be restored"))
            return OTHER_FILE
        log.info("Restored %s from %s; damaged file kept as %s", path, backup.path, report.moved_aside)
        return Practice.open(path)
    if answer == START_EMPTY:
        kept = move_aside(path, "damaged")
        log.info("Damaged %s moved aside as %s; starting an empty practice", path, kept)
        return Practice.open(path)
    return answer if answer in (OTHER_FILE, QUIT) else QUIT
