"""Clients: validated forms, type-ahead search, archive instead of delete, an audit entry for each change."""

from __future__ import annotations

import datetime as dt

import pytest

from acuchart.errors import NotFoundError, ValidationError
from acuchart.practice import Practice
from acuchart.services.clients import ClientForm


def add(practice: Practice, first: str, last: str, **extra: object) -> int:
    return practice.clients.create(ClientForm(first_name=first, last_name=last, **extra)).value.id  # type: ignore[arg-type]


def test_type_ahead_finds_a_client_by_two_letters_of_the_name_without_accents(practice: Practice) -> None:
    add(practice, "Chloé", "Lefèvre")
    add(practice, "Amelia", "Hartley")
    assert [c.last_name for c in practice.clients.search("le")] == ["Lefèvre"]
    assert [c.last_name for c in practice.clients.search("chloe lef")] == ["Lefèvre"]


def test_type_ahead_finds_a_client_by_phone_email_or_birth_date(practice: Practice) -> None:
    add(
        practice,
        "Grace",
        "Okonkwo",
        phone="+44 (0)7700 900123",
        email="grace@example.com",
        date_of_birth="1984-03-25",
    )
    add(practice, "Ingrid", "Solberg", phone="0117 496 0000")
    assert [c.first_name for c in practice.clients.search("900123")] == ["Grace"]
    assert [c.first_name for c in practice.clients.search("grace@ex")] == ["Grace"]
    assert [c.first_name for c in practice.clients.search("25/03/1984")] == ["Grace"]
    assert [c.first_name for c in practice.clients.search("1984-03")] == ["Grace"]


def test_search_treats_percent_and_underscore_as_plain_characters(practice: Practice) -> None:
    add(practice, "Ana", "Smith")
    assert practice.clients.search("%") == []
    assert practice.clients.search("_") == []


def test_every_bad_field_gets_its_own_message_and_nothing_is_saved(practice: Practice) -> None:
    form = ClientForm(
        first_name="",
        last_name="Hartley",
        date_of_birth=dt.date.today() + dt.timedelta(days=3),
        email="amelia.example.com",
        phone="call me",
        skin_notes="x" * 10_000_000,
    )
    with pytest.raises(ValidationError) as caught:
        practice.clients.create(form)
    problems = caught.value.problems
    assert set(problems) == {"first_name", "date_of_birth", "email", "phone", "skin_notes"}
    assert "future" in problems["date_of_birth"]
    assert practice.clients.count() == 0
    assert practice.verify_audit().entries == 0


def test_a_badly_written_birth_date_says_how_to_write_it(practice: Practice) -> None:
    with pytest.raises(ValidationError) as caught:
        practice.clients.create(ClientForm(first_name="A", last_name="B", date_of_birth="March 5th"))
    assert "YYYY-MM-DD" in caught.value.problems["date_of_birth"]


def test_names_in_any_script_are_stored_intact(practice: Practice) -> None:
    client_id = add(practice, "נועה", "Ben-David", preferred_name="林美 🌸")
    client = practice.clients.get(client_id)
    assert client.first_name == "נועה"
    assert client.preferred_name == "林美 🌸"
    assert [c.id for c in practice.clients.search("נועה")] == [client_id]


def test_archiving_hides_a_client_from_the_list_but_keeps_the_record(practice: Practice) -> None:
    client_id = add(practice, "Elena", "Petrova")
    practice.clients.set_archived(client_id, True)
    assert practice.clients.search("petrova") == []
    assert [c.id for c in practice.clients.search("petrova", include_archived=True)] == [client_id]
    assert practice.clients.get(client_id).archived


def test_each_change_writes_one_audit_entry_and_names_what_it_changed(practice: Practice) -> None:
    created = practice.clients.create(ClientForm(first_name="Priya", last_name="Raman"))
    client_id = created.value.id
    updated = practice.clients.update(
        client_id, ClientForm(first_name="Priya", last_name="Raman", caution_flags=["diabetes"])
    )
    report = practice.verify_audit()
    assert report.ok
    assert report.entries == 2  # the insert and the update
    assert [(c.clients, c.client_id) for c in (created.changes, updated.changes)] == [(True, client_id)] * 2
    assert updated.value.caution_flags == ("diabetes",)


def test_an_unknown_client_id_says_so(practice: Practice) -> None:
    with pytest.raises(NotFoundError, match="No client with id 42"):
        practice.clients.get(42)
