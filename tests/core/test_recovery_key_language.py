"""The recovery key page prints in the practice's document language, as the clinical record does."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from pypdf import PdfReader

from acuchart.encryption import new_protection
from acuchart.practice import Practice
from acuchart.protection.keys import key_id
from acuchart.reports.documents import recovery_key_page


def _page_text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_recovery_key_page_speaks_the_practices_language_unless_another_is_asked_for(
    tmp_path: Path,
) -> None:
    protection = new_protection("correct horse battery staple")
    with Practice.open(tmp_path / "practice.acuchart") as practice:
        english = recovery_key_page(practice, protection.recovery_key, key_id(protection.data_key))
        practice.settings.update(language="es")
        spanish = recovery_key_page(practice, protection.recovery_key, key_id(protection.data_key))
        french = recovery_key_page(practice, protection.recovery_key, key_id(protection.data_key), "fr")
        today = dt.date.today()

    assert (english.language, spanish.language, french.language) == ("en", "es", "fr")
    assert "Recovery key" in _page_text(english.pdf)
    text = _page_text(spanish.pdf)
    assert "Clave de recuperación" in text and "Recovery key" not in text
    assert "frase de contraseña" in text
    assert f"{today.year}" in text and "Made" not in text
    assert spanish.file_name.startswith("Clave de recuperación")
    text = _page_text(french.pdf)
    assert "Clé de récupération" in text and "phrase secrète" in text and "Recovery key" not in text
    for document in (english, spanish, french):  # the key itself is printed the same in every language
        groups = protection.recovery_key.split("-")
        assert all(group in _page_text(document.pdf) for group in groups)
