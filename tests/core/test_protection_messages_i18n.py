"""The protection's and the backups' messages reach the screens in the app's language (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

from acuchart.backup.settings import validate
from acuchart.i18n import set_app_language
from acuchart.protection.keys import (
    KdfParameters,
    KeyFile,
    KeyFileError,
    WrongPassphraseError,
    check_passphrase,
    read_key_file,
)
from acuchart.protection.recovery import RecoveryKeyError, parse_recovery_key

FAST = KdfParameters(iterations=1, memory_kib=8, lanes=1)


def test_a_weak_passphrase_is_refused_in_spanish_and_french() -> None:
    set_app_language("es")
    assert "Una frase de contraseña tiene al menos" in str(check_passphrase("abc"))
    set_app_language("fr")
    assert "ne peut pas commencer ni finir par une espace" in str(check_passphrase(" a long passphrase here"))


def test_a_wrong_passphrase_and_a_mistyped_recovery_key_speak_the_apps_language() -> None:
    sealed = KeyFile.seal(bytes(32), "correct horse battery", FAST)
    set_app_language("fr")
    with pytest.raises(WrongPassphraseError, match="ne déverrouille pas ce cabinet"):
        sealed.open("wrong passphrase here")
    set_app_language("es")
    with pytest.raises(RecoveryKeyError, match="Una clave de recuperación tiene"):
        parse_recovery_key("ABCD-EFGH")


def test_a_missing_key_file_names_the_files_in_french(tmp_path: Path) -> None:
    set_app_language("fr")
    with pytest.raises(
        KeyFileError, match=r"practice\.acuchart est protégé, et son fichier de clé practice\.acuchart\.key"
    ):
        read_key_file(tmp_path / "practice.acuchart")


def test_a_backup_settings_problem_is_in_spanish(tmp_path: Path) -> None:
    set_app_language("es")
    _values, problems = validate(tmp_path / "p.acuchart", interval_minutes=0)
    assert problems["interval_minutes"].startswith("Escriba un número de minutos entre")
