"""A reaction's note is the practitioner's record unless it is marked for the client: the handout and the
course summary print it only then; the chart export always holds it. Notes written before the choice
existed stay off the client's documents."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

from acuchart import clock
from acuchart.practice import Practice
from acuchart.reports import documents
from acuchart.services.clients import ClientForm
from tests.core.reports.pdfcheck import text

PRIVATE = "Client seemed anxious about her husband; pressed for 60 s."
FOR_CLIENT = "Cold compress tonight; it may take a week to fade."
STARTED = dt.datetime(2026, 3, 3, 10, 0)


def chart_two_bruises(practice: Practice) -> tuple[int, int]:
    """A client and a session with two bruises: one note for the record, one for the client."""
    with clock.frozen_at(STARTED):
        practice.settings.update(practitioner_name="Dr. Jane Doe")
        client = practice.clients.create(ClientForm(first_name="Ana", last_name="Silva")).value
        practice.consent.record_consent(client.id, STARTED.date(), "signed_form")
        session = practice.sessions.create(client.id, STARTED).value
        marks = {
            (m.code, m.side): m
            for m in practice.charting.apply_protocol(session.id, [("ST2", "left"), ("ST2", "right")]).value
        }
        practice.charting.add_reaction(
            session.id, marks[("ST2", "left")].id, "bruising", "mild", "during", PRIVATE
        )
        practice.charting.add_reaction(
            session.id,
            marks[("ST2", "right")].id,
            "bruising",
            "mild",
            "during",
            FOR_CLIENT,
            note_shown_to_client=True,
        )
    return client.id, session.id


def test_only_a_note_marked_for_the_client_is_printed_for_the_client(practice: Practice) -> None:
    client_id, session_id = chart_two_bruises(practice)
    for document in (documents.handout(practice, session_id), documents.course_summary(practice, client_id)):
        words = text(document.pdf)
        assert FOR_CLIENT.rstrip(".") in words, document.kind
        assert PRIVATE.rstrip(".") not in words, document.kind
    record = text(documents.chart_export(practice, client_id).pdf)
    assert PRIVATE in record and FOR_CLIENT in record


def test_the_choice_can_be_changed_and_is_off_unless_asked_for(practice: Practice) -> None:
    _client_id, session_id = chart_two_bruises(practice)
    private = next(r for r in practice.sessions.load(session_id).reactions if r.note == PRIVATE)
    assert not private.note_shown_to_client
    shown = practice.charting.edit_reaction(private.id, note_shown_to_client=True).value
    assert shown.note_shown_to_client and shown.note == PRIVATE
    assert PRIVATE.rstrip(".") in text(documents.handout(practice, session_id).pdf)


def test_notes_written_before_the_choice_existed_stay_off_the_handout(tmp_path: Path) -> None:
    path = tmp_path / "older.acuchart"
    practice = Practice.open(path)
    try:
        _client_id, session_id = chart_two_bruises(practice)
    finally:
        practice.close()
    # The file as an AcuChart without the choice left it: no column, the migration not applied.
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("alter table reactions drop column note_shown_to_client")
        conn.execute("delete from _sqlite_migrations where name = 'm003_notes_shown_to_client'")
        conn.commit()
    practice = Practice.open(path)
    try:
        reactions = practice.sessions.load(session_id).reactions
        assert [r.note_shown_to_client for r in reactions] == [False, False]
        words = text(documents.handout(practice, session_id).pdf)
        assert PRIVATE.rstrip(".") not in words and FOR_CLIENT.rstrip(".") not in words
    finally:
        practice.close()
