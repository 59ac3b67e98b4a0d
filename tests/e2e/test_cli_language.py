"""The backup and protection subcommands speak the computer's language (issue 17), run as real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.backup_helpers import charted_practice

REPO = Path(__file__).resolve().parents[2]


def acuchart(*args: str, language: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANGUAGE": language, "LC_ALL": "", "LANG": f"{language}.UTF-8"}
    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=REPO, capture_output=True, text=True, timeout=120, env=env
    )


def test_a_restore_refusal_and_a_backup_listing_in_french_and_spanish(tmp_path: Path) -> None:
    path = tmp_path / "practice.acuchart"
    charted_practice(path)
    refused = acuchart(
        "--db", str(path), "restore", str(tmp_path / "nowhere.acuchart"), "--yes", language="fr"
    )
    assert refused.returncode != 0
    assert "Il n'y a pas de fichier de sauvegarde à" in refused.stderr, refused.stderr
    listed = acuchart("--db", str(path), "backups", language="es")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.startswith(f"Copias de seguridad de {path}"), listed.stdout


def test_decrypting_a_plain_practice_is_refused_in_spanish(tmp_path: Path) -> None:
    path = tmp_path / "practice.acuchart"
    charted_practice(path)
    refused = acuchart("--db", str(path), "decrypt", language="es")
    assert refused.returncode != 0
    assert "practice.acuchart no está protegida. No se ha cambiado nada." in refused.stderr, refused.stderr
