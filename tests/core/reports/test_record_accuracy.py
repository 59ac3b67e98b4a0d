"""The printed record says exactly what the record holds: the demo practice's documents read as an auditor
reads them, each statement checked against the database (late entries, caution warnings, sides,
amendments, dates)."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from acuchart import clock
from acuchart.demo import write_demo
from acuchart.models import CONCERN_LABELS
from acuchart.practice import Practice
from acuchart.reports import documents
from acuchart.reports.gather_record import chart_export_data
from acuchart.reports.wording import clock_time, date_text, moment_text
from tests.core.reports.pdfcheck import text

NOW = dt.datetime(2026, 11, 18, 14, 7)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    clock.set_clock(lambda: NOW)
    path = tmp_path_factory.mktemp("demo") / "demo.acuchart"
    try:
        write_demo(path)
        yield path
    finally:
        clock.set_clock(None)


@pytest.fixture(scope="module")
def demo(demo_path: Path) -> Iterator[Practice]:
    practice = Practice.open(demo_path)
    yield practice
    practice.close()


def rows(path: Path, sql: str, *args: object) -> list[tuple[object, ...]]:
    """What the database itself holds (read beside the app's own connection, as an auditor would)."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return conn.execute(sql, args).fetchall()


def client_id(practice: Practice, last_name: str) -> int:
    (found,) = [c for c in practice.clients.search(last_name) if c.last_name == last_name]
    return found.id


def test_a_reaction_reported_late_is_the_late_entry_not_its_session(demo: Practice, demo_path: Path) -> None:
    noa = client_id(demo, "Ben-David")
    ((started, entered, reaction_at),) = rows(
        demo_path,
        "select s.started_at, s.created_at, r.created_at from reactions r join sessions s "
        "on s.id = r.session_id where s.client_id = ? and r.late_entry",
        noa,
    )
    assert entered == started  # the session was charted while it happened
    data = chart_export_data(demo, noa)
    session = next(s for s in data.sessions if s.started_at == dt.datetime.fromisoformat(str(started)))
    assert not session.late_entry
    (headache,) = session.reactions
    assert headache.late_entry
    assert headache.recorded_at == dt.datetime.fromisoformat(str(reaction_at))
    words = text(documents.chart_export(demo, noa).pdf)
    assert "Entered after the event" not in words  # no session of hers was charted late
    assert f"Late entry, recorded {moment_text(headache.recorded_at)}" in words


def test_a_session_charted_late_says_so_with_the_time_it_was_entered(demo: Practice, demo_path: Path) -> None:
    margaret = client_id(demo, "Osei")
    ((started, entered),) = rows(
        demo_path,
        "select started_at, created_at from sessions where client_id = ? and late_entry",
        margaret,
    )
    words = text(documents.chart_export(demo, margaret).pdf)
    recorded = dt.datetime.fromisoformat(str(entered))
    assert recorded > dt.datetime.fromisoformat(str(started)) + dt.timedelta(days=1)
    assert words.count("Entered after the event") == 1
    assert f"Entered after the event, recorded {moment_text(recorded)}" in words


def test_every_caution_warning_raised_at_the_chair_is_on_the_chart_export(
    demo: Practice, demo_path: Path
) -> None:
    for last_name in ("Hartley", "Osei", "Domínguez"):
        client = client_id(demo, last_name)
        warnings = rows(
            demo_path,
            "select m.caution_warning, m.code, m.side, m.created_at, s.started_at from marks m "
            "join sessions s on s.id = m.session_id where s.client_id = ? and m.caution_warning != ''",
            client,
        )
        assert warnings, last_name
        words = text(documents.chart_export(demo, client).pdf)
        for warning, code, side, marked, started in warnings:
            assert str(warning).rstrip(".") in words
            marked_at = dt.datetime.fromisoformat(str(marked))
            same_day = marked_at.date() == dt.datetime.fromisoformat(str(started)).date()
            when = f"at {clock_time(marked_at)}" if same_day else f"on {moment_text(marked_at)}"
            place = f"{code} ({side})" if side != "midline" else str(code)
            assert f"{place} {when}" in words, (last_name, place, when)


def test_the_forehead_line_is_named_the_same_in_every_session_it_was_placed(
    demo: Practice, demo_path: Path
) -> None:
    amelia = client_id(demo, "Hartley")
    placed = rows(
        demo_path,
        "select m.x from marks m join sessions s on s.id = m.session_id "
        "where s.client_id = ? and m.code is null and m.label like '%forehead line%'",
        amelia,
    )
    assert len(placed) >= 3 and all(abs(float(str(x)) - 0.5) <= 0.03 + 1e-9 for (x,) in placed)
    data = chart_export_data(demo, amelia)
    places = {m.where for s in data.sessions for m in s.marks if m.is_free_marker}
    assert places == {"across the midline of the forehead"}


def test_an_amended_rating_is_marked_where_it_is_printed_and_its_amendment_names_the_session(
    demo: Practice, demo_path: Path
) -> None:
    amelia = client_id(demo, "Hartley")
    ((concern, old, new, started),) = rows(
        demo_path,
        "select a.field, a.old_value, a.new_value, s.started_at from amendments a "
        "join sessions s on s.id = a.session_id where s.client_id = ? and a.entity = 'ratings'",
        amelia,
    )
    data = chart_export_data(demo, amelia)
    session = next(s for s in data.sessions if s.started_at == dt.datetime.fromisoformat(str(started)))
    (amendment,) = session.amendments
    label = CONCERN_LABELS[str(concern)]
    assert session.amended == {f"rating:{label}": (amendment.label,)} and amendment.label == "A1"
    assert dict(session.ratings)[label] == float(str(old))  # printed as signed ...
    words = text(documents.chart_export(demo, amelia).pdf)
    # ... and marked as changed, with a pointer to the amendment that names its session
    assert f"{label}: {old} (amended: see A1)" in words
    heading = f"Session {session.number} · {date_text(session.started_at)} · amendments after signing"
    assert heading in words
    assert f"was: {old} now: {new}" in words


MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_ANY_DATE = re.compile(
    r"\b(\d{1,2})\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\.?\s+(\d{2,4})\b"
)
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def document_set(demo: Practice, last_name: str) -> dict[str, str]:
    """Every document of one client as text: the four kinds, a handout for each session."""
    client = client_id(demo, last_name)
    texts = {
        "summary": text(documents.course_summary(demo, client).pdf),
        "chart": text(documents.chart_export(demo, client).pdf),
        "consent": text(documents.consent_form(demo, client).pdf),
    }
    for summary in demo.followups.client_history(client):
        texts[f"handout {summary.number}"] = text(documents.handout(demo, summary.id).pdf)
    return texts


@pytest.mark.parametrize("last_name", ["Hartley", "Ben-David"])
def test_every_date_of_a_document_set_is_written_one_way(demo: Practice, last_name: str) -> None:
    for kind, words in document_set(demo, last_name).items():
        dates = _ANY_DATE.findall(words)
        assert dates, kind
        assert not _ISO_DATE.search(words), kind
        for day, month, year in dates:
            assert re.fullmatch(MONTHS, month) and not day.startswith("0") and len(year) == 4, (
                kind,
                day,
                month,
                year,
            )
        # A weekday is named only for the appointment still to come.
        for found in _WEEKDAY.finditer(words):
            before = words[max(0, found.start() - 20) : found.start()].lower()
            assert "next appointment" in before, (kind, words[found.start() - 40 : found.end() + 20])


def test_a_completed_course_is_not_summarised_as_so_far_and_lower_ratings_are_better(demo: Practice) -> None:
    amelia = client_id(demo, "Hartley")
    (course,) = demo.courses.courses_for(amelia)
    assert course.status in ("completed", "maintenance")
    words = text(documents.course_summary(demo, amelia).pdf)
    assert "so far" not in words
    assert "the course is complete" in words
    assert "lower is better" in words


def test_a_reaction_phoned_in_the_next_day_settled_a_day_after_its_session(
    demo: Practice, demo_path: Path
) -> None:
    noa = client_id(demo, "Ben-David")
    ((started, resolved),) = rows(
        demo_path,
        "select s.started_at, r.resolved_on from reactions r join sessions s on s.id = r.session_id "
        "where s.client_id = ? and r.late_entry",
        noa,
    )
    days = (dt.date.fromisoformat(str(resolved)) - dt.datetime.fromisoformat(str(started)).date()).days
    assert days == 1
    words = text(documents.course_summary(demo, noa).pdf)
    row = words[words.index("Headache (mild)") :][:160]  # the headache's line of the reactions table
    assert f"Settled by {date_text(dt.date.fromisoformat(str(resolved)))}, after 1 day" in row
    assert "Settled the same day" not in row


def test_a_mark_keeps_its_charted_side_and_code_whatever_the_catalogue_says_now(practice: Practice) -> None:
    from acuchart.reports.gather import handout_data
    from tests.core.reports.test_notes_for_client import STARTED, chart_two_bruises

    _client_id, session_id = chart_two_bruises(practice)
    with practice.store.write() as writer:  # as an older catalogue left them
        writer.insert(
            "marks",
            {
                "session_id": session_id,
                "code": "ST99",
                "side": "left",
                "view": "face",
                "created_at": STARTED.isoformat(),
            },
        )
        writer.insert(
            "marks",
            {
                "session_id": session_id,
                "code": "ST3",
                "side": "midline",
                "view": "face",
                "created_at": STARTED.isoformat(),
            },
        )
    marks = {m.code: m for m in handout_data(practice, session_id).marks}
    assert (marks["ST99"].side, marks["ST99"].where) == ("left", "left")
    assert marks["ST3"].side == "midline"  # as charted, not the catalogue's first side
    words = text(documents.handout(practice, session_id).pdf)
    assert "ST99" in words and "not in the point catalogue" in words


def test_a_reaction_at_a_technique_is_placed_at_it_not_given_to_the_whole_session(
    demo: Practice, demo_path: Path
) -> None:
    amelia = client_id(demo, "Hartley")
    found = rows(
        demo_path,
        "select r.session_id, r.kind, a.kind, a.area from reactions r join adjuncts a on a.id = r.adjunct_id "
        "join sessions s on s.id = r.session_id where s.client_id = ?",
        amelia,
    )
    assert found
    session_id, kind, technique, area = found[0]
    assert (kind, technique, area) == ("redness", "cupping", "cheeks")
    place = f"facial cupping ({area})"
    record = text(documents.chart_export(demo, amelia).pdf)
    assert f"At the {place}: Redness (mild)" in record
    handout = text(documents.handout(demo, int(str(session_id))).pdf)
    assert f"Redness (mild), {place}" in handout
    summary = text(documents.course_summary(demo, amelia).pdf)
    assert f"mild redness, {place}" in summary.lower() and "Facial cupping (cheeks)" in summary
