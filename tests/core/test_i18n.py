"""Languages: the app's and a document's apart, dates as each country writes them, the client's language
on paper, and the practice's own texts never silently replaced."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from acuchart import dates
from acuchart.errors import ValidationError
from acuchart.handout_texts import document_texts, file_text
from acuchart.i18n import (
    ENGLISH,
    N_,
    Labels,
    UnknownLanguageError,
    _,
    app_language,
    choose_language,
    language,
    locale_name,
    set_app_language,
)
from acuchart.models import CONCERN_LABELS, CONCERNS
from acuchart.practice import Practice
from acuchart.services.clients import ClientForm
from acuchart.text import DateDoesNotExistError, parse_date

DAY = dt.date(2026, 10, 7)
MOMENT = dt.datetime(2026, 10, 7, 10, 30)


def test_the_app_speaks_the_systems_language_and_keeps_its_country() -> None:
    assert choose_language(["es-MX", "en"]) == ("es", "es_MX")
    assert choose_language(["de_DE.UTF-8", "fr_CA.UTF-8"]) == ("fr", "fr_CA")
    assert choose_language(["de_DE"]) == ("en", "en_GB")  # no German yet: English, as documents were
    assert choose_language(["en_US.UTF-8"]) == ("en", "en_US")
    spoken = set_app_language(None, ["fr-FR"])
    assert spoken.code == "fr" and _("Save as PDF") == "Enregistrer en PDF"


def test_qts_language_names_and_the_computers_date_format_give_the_country() -> None:
    # Qt names the system's languages with their script ("en-Latn-US"), and under LANGUAGE=en it puts
    # the United States first even when the computer writes dates the British way (LANG=en_GB).
    qt_says = ["en-Latn-US", "en-US", "en-Latn", "en"]
    assert locale_name("es-Latn-MX") == "es_MX" and locale_name("en-Latn") == "en"
    assert set_app_language(None, qt_says, "en_GB").locale == "en_GB"
    assert dates.short_date(DAY, set_app_language(None, qt_says, "en_GB")) == "7 Oct 2026"
    assert set_app_language(None, qt_says, "en_US").locale == "en_US"
    # a language other than the computer's keeps its own country, not the date format's
    assert set_app_language(None, ["fr-Latn-FR", "fr-FR"], "en_GB").locale == "fr_FR"
    assert set_app_language("es", ["es-Latn-MX", "es-MX"], "es_MX").locale == "es_MX"


def test_a_document_speaks_its_own_language_whatever_the_app_speaks() -> None:
    set_app_language("en", ["en-GB"])
    spanish = language("es")
    assert spanish.gettext("Points treated today") == "Puntos tratados hoy"
    assert _("Points treated today") == "Points treated today"
    assert spanish.ngettext("{count} needle", "{count} needles", 3).format(count=3) == "3 agujas"
    assert spanish.ngettext("{count} needle", "{count} needles", 1).format(count=1) == "1 aguja"


def test_an_unknown_language_is_refused_with_the_ones_there_are() -> None:
    with pytest.raises(UnknownLanguageError) as refused:
        language("de")
    assert "de" in str(refused.value) and "es (Español)" in str(refused.value)
    with pytest.raises(UnknownLanguageError):
        set_app_language("xx")


def test_a_label_table_is_read_in_the_language_asked_for() -> None:
    set_app_language("fr", ["fr-FR"])
    assert CONCERN_LABELS["wrinkles"] == "Rides et ridules"  # the app's language, when read
    assert CONCERNS.label("wrinkles", language("es")) == "Arrugas y líneas finas"
    assert CONCERNS.label("wrinkles", ENGLISH) == "Wrinkles and fine lines"
    assert CONCERNS.source("wrinkles") == "Wrinkles and fine lines"  # what exports write
    assert dict(CONCERNS)["scars"] == "Cicatrices"
    assert CONCERNS.label("not-a-concern") == "not-a-concern"
    table = Labels(("a", N_("Other")))
    assert table.by_key(language("es"))["a"] == "Otra"


@pytest.mark.parametrize(
    ("locale", "long", "short", "clock"),
    [
        ("en_GB", "7 October 2026", "7 Oct 2026", "10:30"),
        ("en_US", "October 7, 2026", "Oct 7, 2026", "10:30\u202fAM"),
        ("es", "7 de octubre de 2026", "7 oct 2026", "10:30"),
        ("fr", "7 octobre 2026", "7 oct. 2026", "10:30"),
    ],
)
def test_one_formatter_writes_dates_as_each_country_does(
    locale: str, long: str, short: str, clock: str
) -> None:
    code = locale.split("_")[0]
    territory = locale.partition("_")[2]
    reader = language(code, territory) if code != "en" else set_app_language("en", [locale])
    assert dates.long_date(DAY, reader) == long
    assert dates.short_date(DAY, reader) == short
    assert dates.clock_time(MOMENT, reader).replace(" ", "\u202f") == clock


def test_the_date_field_takes_the_countrys_order() -> None:
    assert dates.date_pattern(set_app_language("en", ["en-US"])) == "M/d/yyyy"
    assert dates.date_pattern(set_app_language("en", ["en-GB"])) == "dd/MM/yyyy"
    assert dates.date_pattern(language("fr", "FR")) == "dd/MM/yyyy"


def test_typed_dates_are_never_read_day_or_month_first_by_guess() -> None:
    assert parse_date("1984-03-05") == dt.date(1984, 3, 5)
    with pytest.raises(ValueError) as guessed:
        parse_date("03/05/1984")
    assert not isinstance(guessed.value, DateDoesNotExistError)
    with pytest.raises(DateDoesNotExistError):
        parse_date("1985-02-30")


def test_an_impossible_birth_date_says_the_day_does_not_exist(tmp_path: Path) -> None:
    practice = Practice.open(tmp_path / "p.acuchart")
    try:
        with pytest.raises(ValidationError) as refused:
            practice.clients.create(
                ClientForm(first_name="Ana", last_name="Ruiz", date_of_birth="1985-02-30")
            )
        message = refused.value.problems["date_of_birth"]
        assert "30 February 1985 does not exist" in message
        assert "YYYY-MM-DD" not in message
        with pytest.raises(ValidationError) as refused:
            practice.clients.create(
                ClientForm(first_name="Ana", last_name="Ruiz", date_of_birth="05/03/1985")
            )
        assert "YYYY-MM-DD" in refused.value.problems["date_of_birth"]
    finally:
        practice.close()


def test_a_clients_language_is_kept_checked_and_audited(tmp_path: Path) -> None:
    practice = Practice.open(tmp_path / "p.acuchart")
    try:
        client = practice.clients.create(
            ClientForm(first_name="Sofía", last_name="Domínguez", language="es")
        ).value
        assert practice.clients.get(client.id).language == "es"
        with pytest.raises(ValidationError) as refused:
            practice.clients.update(
                client.id, ClientForm(first_name="Sofía", last_name="Domínguez", language="de")
            )
        assert "Español" in refused.value.problems["language"]
        assert practice.clients.get(client.id).language == "es"  # nothing half-saved
        practice.clients.update(
            client.id, ClientForm(first_name="Sofía", last_name="Domínguez", language="fr")
        )
        entries = practice.store.db.execute(
            "select count(*) from audit where entity = 'clients' and entity_id = ?", [client.id]
        ).fetchone()[0]
        assert entries == 2 and practice.clients.get(client.id).language == "fr"
    finally:
        practice.close()


def test_a_text_the_practice_wrote_only_in_english_prints_as_written_and_says_so() -> None:
    set_app_language("en", ["en-GB"])
    edited = {"en": {"aftercare": "# Aftercare\n\nOur own words.\n"}}
    texts, notes = document_texts(edited, "es")
    assert texts["aftercare"] == "# Aftercare\n\nOur own words.\n"  # not silently AcuChart's Spanish
    assert texts["what_to_expect"] == file_text("what_to_expect", "es")
    assert texts["what_to_expect"].startswith("# Qué esperar")
    assert len(notes) == 1 and "Aftercare" in notes[0] and "Español" in notes[0]
    texts, notes = document_texts({**edited, "es": {"aftercare": "# Cuidados\n\nLo nuestro.\n"}}, "es")
    assert texts["aftercare"].startswith("# Cuidados") and notes == []


def test_the_app_language_starts_as_the_environments(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "fr_FR:en")
    assert set_app_language().code == "fr"
    assert app_language().locale == "fr_FR"
