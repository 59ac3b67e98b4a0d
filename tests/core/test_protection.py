"""A protected practice: encrypted at rest, opened only with its passphrase or recovery key, converted without
ever leaving a half-done file, its backups encrypted, and every step in the audit trail."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from acuchart.backup.catalog import list_backups
from acuchart.backup.make import BY_HAND, back_up
from acuchart.backup.places import settings_or_default
from acuchart.demo import write_demo
from acuchart.encryption import (
    ProtectionError,
    change_passphrase,
    new_protection,
    protect,
    unlock_key,
    unprotect,
)
from acuchart.errors import ProtectedFileError
from acuchart.paths import photo_store_path
from acuchart.practice import Practice
from acuchart.protection.keys import WrongPassphraseError, key_file_path
from acuchart.protection.recovery import RecoveryKeyError
from acuchart.protection.sealed import is_sealed
from acuchart.storage import cipher

REPO = Path(__file__).resolve().parents[2]
PASSPHRASE = "correct horse battery staple"
NEW_PASSPHRASE = "a different long passphrase"


def _demo(tmp_path: Path) -> Path:
    path = tmp_path / "practice.acuchart"
    write_demo(path)
    return path


def _counts(practice: Practice) -> dict[str, int]:
    return {
        table: int(practice.store.scalar(f"select count(*) from {table}"))
        for table in ("clients", "sessions", "marks", "audit")
    }


def _opens(path: Path, recovery_key: str) -> bool:
    try:
        unlock_key(path, recovery_key=recovery_key)
    except (RecoveryKeyError, ProtectedFileError):
        return False
    return True


def _cli(*args: str, env: dict[str, str] | None = None, **kwargs: object) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=REPO,
        timeout=120,
        **kwargs,  # type: ignore[arg-type]
    )


def test_a_protected_practice_holds_no_readable_record_and_opens_only_with_its_passphrase(
    tmp_path: Path,
) -> None:
    path = _demo(tmp_path)
    with Practice.open(path) as plain:
        before = _counts(plain)
        # Names long enough that random bytes cannot spell them by chance ("Lin" turns up in 1.4 MB of
        # ciphertext about once in twelve files; six letters, once in 200 million).
        names = [c.last_name for c in plain.clients.search("") if len(c.last_name.encode()) >= 6]
    assert any(name.encode() in path.read_bytes() for name in names)  # the check below could fail

    protect(path, new_protection(PASSPHRASE))

    raw = path.read_bytes()
    assert not any(name.encode("utf-8") in raw for name in names)
    assert not raw.startswith(b"SQLite format 3")
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError):  # the plain sqlite3 driver cannot read it
        conn.execute("select count(*) from clients").fetchone()
    conn.close()
    cipher.forget_key(path)  # as a new process finds it
    with pytest.raises(ProtectedFileError, match="protected with a passphrase"):
        Practice.open(path)
    with pytest.raises(WrongPassphraseError, match="does not unlock"):
        Practice.open(path, passphrase="not the passphrase")
    with Practice.open(path, passphrase=PASSPHRASE) as opened:
        assert opened.protected
        assert {**_counts(opened), "audit": 0} == {**before, "audit": 0}
        assert _counts(opened)["audit"] == before["audit"] + 1  # "protection on"
        assert opened.verify_audit().ok
        assert (
            opened.store.rows("select action from audit order by id desc limit 1")[0]["action"]
            == "protection on"
        )
    if os.name == "posix":
        for made in (path, key_file_path(path)):
            assert stat.S_IMODE(made.stat().st_mode) == 0o600, made


def test_a_protected_practices_photos_are_sealed_read_as_photos_and_finished_after_an_interruption(
    tmp_path: Path,
) -> None:
    path = _demo(tmp_path)
    folder = photo_store_path(path)
    originals = {f.name: f.read_bytes() for f in folder.rglob("*.jpg")}
    assert originals and all(data.startswith(b"\xff\xd8") for data in originals.values())
    protect(path, new_protection(PASSPHRASE))

    sealed = {f.name: f.read_bytes() for f in folder.rglob("*.jpg")}
    assert sealed.keys() == originals.keys()
    assert all(is_sealed(data) and data != originals[name] for name, data in sealed.items())
    with Practice.open(path, passphrase=PASSPHRASE) as opened:
        everyone = [p for c in opened.clients.search("") for p in opened.photos.for_client(c.id)]
        assert everyone
        for each in everyone:
            data = opened.photos.original(each.photo)
            assert data.startswith(b"\xff\xd8") and hashlib.sha256(data).hexdigest() == each.photo.sha256
        assert opened.photos.check().ok
    key = unlock_key(path, passphrase=PASSPHRASE)
    one = next(folder.rglob("*.jpg"))  # an interrupted run left one plain
    one.write_bytes(originals[one.name])
    checked = _cli("--db", str(path), "check", env={"ACUCHART_PASSPHRASE": PASSPHRASE})
    assert checked.returncode == 1 and "not encrypted yet" in checked.stdout
    finished = _cli(
        "--db",
        str(path),
        "encrypt",
        "--recovery-key-pdf",
        str(tmp_path / "again.pdf"),
        env={"ACUCHART_PASSPHRASE": PASSPHRASE},
    )
    assert finished.returncode == 0, finished.stderr
    assert "1 of its photos" in finished.stdout and not (tmp_path / "again.pdf").exists()
    assert is_sealed(one.read_bytes())

    unprotect(path, key)
    assert {f.name: f.read_bytes() for f in folder.rglob("*.jpg")} == originals


def test_the_recovery_key_opens_the_practice_without_the_key_file_and_a_new_passphrase_is_set(
    tmp_path: Path,
) -> None:
    path = _demo(tmp_path)
    protection = new_protection(PASSPHRASE)
    protect(path, protection)
    key_file_path(path).unlink()  # lost with the old laptop's home folder

    with pytest.raises(RecoveryKeyError):
        unlock_key(path, recovery_key="0000-1111")
    other = new_protection(PASSPHRASE).recovery_key
    with pytest.raises(ProtectedFileError, match="not the one"):
        unlock_key(path, recovery_key=other)
    typed = protection.recovery_key.lower().replace("-", " ")  # as a person might type it from paper
    key = unlock_key(path, recovery_key=typed)
    change_passphrase(path, key, NEW_PASSPHRASE)
    with Practice.open(path, passphrase=NEW_PASSPHRASE) as opened:
        assert opened.clients.search("")


def test_turning_protection_off_gives_back_the_same_plain_practice(tmp_path: Path) -> None:
    path = _demo(tmp_path)
    with Practice.open(path) as plain:
        before = _counts(plain)
    protect(path, new_protection(PASSPHRASE))
    unprotect(path, unlock_key(path, passphrase=PASSPHRASE))

    assert path.read_bytes().startswith(b"SQLite format 3")
    assert not key_file_path(path).exists()
    with Practice.open(path) as opened:
        assert not opened.protected
        after = _counts(opened)
        assert after["audit"] == before["audit"] + 2
        assert {**after, "audit": 0} == {**before, "audit": 0}
        assert opened.verify_audit().ok
    with pytest.raises(ProtectionError, match="not protected"):
        unprotect(path, bytes(32))


def test_protecting_refuses_a_weak_passphrase_and_an_open_practice_and_changes_nothing(
    tmp_path: Path,
) -> None:
    path = _demo(tmp_path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(ProtectionError):
        new_protection("short")
    with Practice.open(path), pytest.raises(Exception, match="already open"):
        protect(path, new_protection(PASSPHRASE))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert not key_file_path(path).exists()


def test_backups_of_a_protected_practice_are_encrypted_verified_and_restorable(tmp_path: Path) -> None:
    path = _demo(tmp_path)
    protect(path, new_protection(PASSPHRASE))
    report = back_up(path, BY_HAND)
    assert report.made is not None
    made = report.made.path
    assert not made.read_bytes().startswith(b"SQLite format 3")
    assert cipher.key_opens(made, unlock_key(path, passphrase=PASSPHRASE))
    listed = [b for b in list_backups(path, settings_or_default(path)) if b.path == made]
    assert listed and listed[0].good


def test_change_passphrase_killed_at_any_moment_leaves_the_old_or_the_new_passphrase_working(
    tmp_path: Path,
) -> None:
    path = _demo(tmp_path)
    protect(path, new_protection(PASSPHRASE))
    current, other = PASSPHRASE, NEW_PASSPHRASE
    for attempt in range(8):
        process = subprocess.Popen(
            [sys.executable, str(REPO / "main.py"), "--db", str(path), "change-passphrase"],
            env={**os.environ, "ACUCHART_PASSPHRASE": current, "ACUCHART_NEW_PASSPHRASE": other},
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(0.2 + 0.15 * attempt)  # from before the key file is read to after it was replaced
        process.send_signal(signal.SIGKILL)
        process.wait()
        opens = []
        for passphrase in (current, other):
            try:
                unlock_key(path, passphrase=passphrase)
                opens.append(passphrase)
            except WrongPassphraseError:
                pass
        assert len(opens) == 1, f"attempt {attempt}: {len(opens)} passphrases open it"
        if opens[0] == other:
            current, other = other, current
    with Practice.open(path, passphrase=current) as opened:
        assert opened.verify_audit().ok


def test_the_command_line_protects_reads_and_unprotects_with_the_passphrase_from_the_environment(
    tmp_path: Path,
) -> None:
    path = _demo(tmp_path)
    pdf = tmp_path / "recovery.pdf"
    env = {"ACUCHART_PASSPHRASE": PASSPHRASE}
    done = _cli("--db", str(path), "encrypt", "--recovery-key-pdf", str(pdf), env=env)
    assert done.returncode == 0, done.stderr
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Recovery key" in text
    with Practice.open(path, passphrase=PASSPHRASE) as opened:
        assert opened.protected
    groups = re.findall(r"\b[0-9A-HJKMNP-TV-Z]{4}\b", text)
    opening = [
        window
        for start in range(len(groups) - 13)
        if _opens(path, window := "-".join(groups[start : start + 14]))
    ]
    assert opening, "the key printed on the page does not open the practice"

    listed = _cli("--db", str(path), "clients", env=env)
    assert listed.returncode == 0 and "Hartley" in listed.stdout
    checked = _cli("--db", str(path), "check", env=env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "encrypted" in checked.stdout

    wrong = _cli("--db", str(path), "clients", env={"ACUCHART_PASSPHRASE": "wrong wrong wrong"})
    assert wrong.returncode == 2
    assert "does not unlock" in wrong.stderr and "Traceback" not in wrong.stderr
    no_tty = _cli("--db", str(path), "clients", env={"ACUCHART_PASSPHRASE": ""}, stdin=subprocess.DEVNULL)
    assert no_tty.returncode == 2 and "ACUCHART_PASSPHRASE" in no_tty.stderr

    undone = _cli("--db", str(path), "decrypt", env=env)
    assert undone.returncode == 0, undone.stderr
    assert path.read_bytes().startswith(b"SQLite format 3")


def test_one_practice_file_has_one_writer_whatever_its_path_is_called(tmp_path: Path) -> None:
    from acuchart.errors import AlreadyOpenError

    path = tmp_path / "practice.acuchart"
    link = tmp_path / "shortcut.acuchart"
    (tmp_path / "sub").mkdir()
    with Practice.open(path):
        link.symlink_to(path)
        for other in (link, tmp_path / "sub" / ".." / "practice.acuchart"):
            with pytest.raises(AlreadyOpenError):
                Practice.open(other)
    with Practice.open(link) as through_the_link:  # once it is closed, the link opens it
        assert through_the_link.clients.count() == 0
