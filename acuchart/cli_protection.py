"""``encrypt``, ``decrypt`` and ``change-passphrase`` on the command line, and unlocking a protected practice
for every other subcommand.

The passphrase comes from the environment variable ``ACUCHART_PASSPHRASE`` (for scripts) or is asked for on
the terminal, never echoed; it is never taken as an argument, where other users of the machine could read it.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from acuchart.errors import AcuChartError, StoreError
from acuchart.i18n import _, ngettext

PASSPHRASE_VARIABLE = "ACUCHART_PASSPHRASE"
NEW_PASSPHRASE_VARIABLE = "ACUCHART_NEW_PASSPHRASE"


def add_protection_parsers(sub: argparse._SubParsersAction[Any]) -> None:
    """The subcommands' arguments (their implementations register themselves with ``acuchart.cli``)."""
    encrypt = sub.add_parser(
        "encrypt",
        help=_(
            "protect the practice with a passphrase (encrypted at rest); writes its recovery key page first"
        ),
    )
    encrypt.add_argument(
        "--recovery-key-pdf",
        type=Path,
        required=True,
        metavar="FILE.pdf",
        help=_("where to write the one-page recovery key (print it, keep it safe, then delete the file)"),
    )
    sub.add_parser("decrypt", help=_("remove the passphrase: the practice becomes a plain file again"))
    change = sub.add_parser("change-passphrase", help=_("set a new passphrase for a protected practice"))
    change.add_argument(
        "--recovery-key",
        action="store_true",
        help=_(
            "unlock with the recovery key instead of the old passphrase (asked for, or ACUCHART_RECOVERY_KEY)"
        ),
    )


def ask(prompt: str, variable: str) -> str:
    """A secret from ``variable`` in the environment, or typed at the terminal without echo."""
    value = os.environ.get(variable)
    if value:
        return value
    if not sys.stdin.isatty():
        raise AcuChartError(
            _("{what} is needed. Run this in a terminal, or set {variable}.").format(
                what=prompt.rstrip(": "), variable=variable
            )
        )
    return getpass.getpass(prompt)


def unlock_if_protected(path: Path) -> None:
    """When ``path`` is a protected practice, unlock it for this process (its passphrase from the environment
    or the terminal), so that every subcommand reads it, its backups included, as it would a plain one."""
    from acuchart.protection.keys import key_file_path
    from acuchart.storage import cipher

    if cipher.unlocked_key(path) is not None or not cipher.looks_encrypted(path):
        return
    recovery = os.environ.get("ACUCHART_RECOVERY_KEY", "")
    if not key_file_path(path).exists() and not recovery:
        return  # not a protected practice (or its key file is lost): the subcommand says what it finds
    from acuchart.encryption import unlock_key

    if recovery:
        key = unlock_key(path, recovery_key=recovery)
    else:
        key = unlock_key(
            path, passphrase=ask(_("Passphrase for {name}: ").format(name=path.name), PASSPHRASE_VARIABLE)
        )
    cipher.remember_key(path, key)


def new_passphrase() -> str:
    """A new passphrase: from ``ACUCHART_NEW_PASSPHRASE`` (or ``ACUCHART_PASSPHRASE`` when protecting), or typed
    twice at the terminal."""
    value = os.environ.get(NEW_PASSPHRASE_VARIABLE)
    if value:
        return value
    if not sys.stdin.isatty():
        raise AcuChartError(
            _("A new passphrase is needed. Run this in a terminal, or set {variable}.").format(
                variable=NEW_PASSPHRASE_VARIABLE
            )
        )
    first = getpass.getpass(_("New passphrase (at least 10 characters; a few unrelated words are good): "))
    if getpass.getpass(_("The same passphrase again: ")) != first:
        raise AcuChartError(_("The two passphrases differ. Nothing was changed; run the command again."))
    return first


def run_encrypt(path: Path, pdf: Path) -> int:
    """Protect the practice: the recovery key page is written first; then the file is converted."""
    from acuchart.encryption import new_protection, protect
    from acuchart.practice import Practice
    from acuchart.protection.keys import key_id
    from acuchart.reports.documents import recovery_key_page, save

    if not path.exists():
        raise StoreError(
            _("There is no practice file at {path}. Name the practice file with --db FILE.").format(path=path)
        )
    from acuchart.storage import cipher

    if cipher.looks_encrypted(path):
        return _finish_protecting(path)
    passphrase = (
        os.environ.get(NEW_PASSPHRASE_VARIABLE) or os.environ.get(PASSPHRASE_VARIABLE) or new_passphrase()
    )
    protection = new_protection(passphrase)
    practice = Practice.open(path)
    try:
        if practice.protected:
            raise AcuChartError(_("{name} is already protected. Nothing was changed.").format(name=path.name))
        page = recovery_key_page(practice, protection.recovery_key, key_id(protection.data_key))
        written = save(page, pdf, protected=practice.protected_places())
        actor = practice.store.actor
    finally:
        practice.close()
    print(
        _(
            "Wrote the recovery key page to {path}. Print it and keep it somewhere safe, then delete the file."
        ).format(path=written)
    )
    protect(path, protection, progress=_progress, actor=actor)
    print(
        _(
            "{name} is now protected: it opens only with its passphrase or its recovery key. Without both, "
            "nobody can recover its records. Backups made before today are not encrypted; see README, Protection."
        ).format(name=path.name)
    )
    return 0


def _finish_protecting(path: Path) -> int:
    """``encrypt`` on a protected practice: seal any photo an interrupted run left plain, or say it is done."""
    from acuchart.encryption import seal_photos, unsealed_photos
    from acuchart.storage import cipher

    unlock_if_protected(path)
    key = cipher.unlocked_key(path)
    if key is None:
        raise AcuChartError(
            _("{name} is not an AcuChart practice file, or its key file is missing.").format(name=path.name)
        )
    if not unsealed_photos(path, key):
        raise AcuChartError(
            _("{name} is already protected, its photos too. Nothing was changed.").format(name=path.name)
        )
    sealed = seal_photos(path, key, _progress)
    print(
        ngettext(
            "{name} was protected already; {count} of its photos was still plain and is now encrypted.",
            "{name} was protected already; {count} of its photos were still plain and are now encrypted.",
            sealed,
        ).format(name=path.name, count=sealed)
    )
    return 0


def run_decrypt(path: Path) -> int:
    """Remove the passphrase (the practice's own passphrase confirms it)."""
    from acuchart.encryption import unprotect
    from acuchart.storage import cipher

    unlock_if_protected(path)
    key = cipher.unlocked_key(path)
    if key is None:
        raise AcuChartError(_("{name} is not protected. Nothing was changed.").format(name=path.name))
    unprotect(path, key, progress=_progress)
    print(_("{name} is a plain file again (not encrypted); its key file was removed.").format(name=path.name))
    return 0


def run_change_passphrase(path: Path, with_recovery_key: bool) -> int:
    """A new passphrase, unlocked by the old one or by the recovery key."""
    from acuchart.encryption import change_passphrase, unlock_key
    from acuchart.storage import cipher

    if not cipher.looks_encrypted(path):
        raise AcuChartError(
            _("{name} is not protected; protect it with the encrypt subcommand.").format(name=path.name)
        )
    if with_recovery_key:
        key = unlock_key(path, recovery_key=ask(_("Recovery key: "), "ACUCHART_RECOVERY_KEY"))
    else:
        key = unlock_key(
            path, passphrase=ask(_("Passphrase for {name}: ").format(name=path.name), PASSPHRASE_VARIABLE)
        )
    change_passphrase(path, key, new_passphrase())
    print(
        _("The passphrase of {name} was changed. The recovery key is the same as before.").format(
            name=path.name
        )
    )
    return 0


def _progress(_fraction: float, text: str) -> None:
    print(text, file=sys.stderr)
