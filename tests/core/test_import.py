"""Importing clients from another system's CSV: any encoding, separator and column order, dates in the file's
own order (asked when it does not say), duplicates found first, problems named per row, one transaction."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest

from acuchart.imports.dates import parse, read_column
from acuchart.imports.mapping import SKIP, guess_mapping, mapping_problem, split_full_name
from acuchart.imports.plan import AmbiguousDatesError, plan_import, run_import
from acuchart.imports.sniff import ImportFileError, detect_encoding, parse_table, read_table
from acuchart.practice import Practice
from acuchart.services.clients import ClientForm
from acuchart.storage.database import read_only
from tests.imports_helpers import messy_csv

TODAY = dt.date(2026, 11, 21)
SIMPLE = "Nom;Prénom;Date de naissance;Courriel\nLefèvre;Chloé;24/03/1986;chloe@example.com\nDurand;Zoë;13/11/1979;\n"


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("cp1252", "cp1252"),
        ("latin-1", "cp1252"),
        ("utf-16", "utf-16"),
    ],
)
def test_a_file_in_any_common_encoding_reads_its_accents(encoding: str, expected: str) -> None:
    data = SIMPLE.encode(encoding)
    assert detect_encoding(data) == expected
    table = parse_table(data, "clients.csv")
    assert table.delimiter == ";" and table.has_header
    assert table.columns[1] == "Prénom"
    assert [cells[1] for _, cells in table.rows] == ["Chloé", "Zoë"]


def test_windows_1252_quotes_and_the_euro_sign_are_told_from_latin_1() -> None:
    data = "Name,Note\nAnna Kowalski,“Fillers” cost 300€\n".encode("cp1252")
    assert detect_encoding(data) == "cp1252"
    assert parse_table(data).rows[0][1][1] == "“Fillers” cost 300€"
    assert detect_encoding(b"Name\n\x81bad\n") == "latin-1"


def test_a_file_that_is_not_text_or_not_in_the_chosen_encoding_is_refused_plainly(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="not a text file"):
        parse_table(b"PK\x03\x04\x00\x00binary", "clients.xlsx")
    with pytest.raises(ImportFileError, match="line 2 holds bytes"):
        parse_table("a,b\nÉ,1\n".encode("cp1252"), "c.csv", encoding="utf-8")
    with pytest.raises(ImportFileError, match="no rows"):
        parse_table(b"\n\n", "empty.csv")
    with pytest.raises(ImportFileError, match="There is no file"):
        read_table(tmp_path / "missing.csv")


def test_without_a_header_the_columns_are_guessed_from_what_they_hold() -> None:
    data = b"Amelia,Hartley,19/03/1978,amelia@example.com,07700 900123\nSofia,Dominguez,02/10/1994,,07700 900456\n"
    table = parse_table(data)
    assert not table.has_header
    mapping = guess_mapping(table.columns, [c for _, c in table.rows], False)
    assert mapping == {0: "first_name", 1: "last_name", 2: "date_of_birth", 3: "email", 4: "phone"}


def test_known_column_names_in_several_languages_are_mapped() -> None:
    columns = ("Surname", "Given name", "DOB", "E-mail", "Mobile", "Street", "Town", "Notes")
    mapping = guess_mapping(columns, [], True)
    assert [mapping[i] for i in range(8)] == [
        "last_name",
        "first_name",
        "date_of_birth",
        "email",
        "phone",
        "address",
        "address",
        SKIP,
    ]
    assert mapping_problem({0: "email"}) is not None
    assert mapping_problem({0: "full_name"}) is None
    assert mapping_problem({0: "first_name", 1: "last_name", 2: "email", 3: "email"}) is not None
    assert split_full_name("Hartley, Amelia") == ("Amelia", "Hartley")
    assert split_full_name("Mary Anne Smith") == ("Mary Anne", "Smith")
    assert split_full_name("Cher") is None


def test_day_and_month_are_never_guessed_when_the_file_does_not_say() -> None:
    assert read_column(["03/04/1980", "12/11/1975"], TODAY).ambiguous
    assert read_column(["03/04/1980", "25/11/1975"], TODAY).order == "DMY"
    assert read_column(["03/04/1980", "11/25/1975"], TODAY).order == "MDY"
    assert read_column(["1980-04-03", "05/05/1980"], TODAY).order is not None  # no value reads two ways
    assert parse("3 April 1980", None, TODAY) == dt.date(1980, 4, 3)
    assert parse("Apr 3, 1980", None, TODAY) == dt.date(1980, 4, 3)
    assert parse("03.04.84", "DMY", TODAY) == dt.date(1984, 4, 3)
    assert parse("03.04.05", "DMY", TODAY) == dt.date(2005, 4, 3)
    assert parse("1980-04-03T00:00:00", "MDY", TODAY) == dt.date(1980, 4, 3)
    assert parse("31/02/1980", "DMY", TODAY) is None


def test_ambiguous_dates_stop_the_plan_until_the_order_is_chosen(practice: Practice) -> None:
    table = parse_table(b"First,Last,Born\nAna,Diaz,03/04/1980\nBea,Ruiz,12/11/1975\n")
    mapping = {0: "first_name", 1: "last_name", 2: "date_of_birth"}
    with pytest.raises(AmbiguousDatesError, match="day first or month first"):
        plan_import(practice, table, mapping)
    plan = plan_import(practice, table, mapping, "MDY")
    assert [r.form.date_of_birth for r in plan.rows if r.form] == [dt.date(1980, 3, 4), dt.date(1975, 12, 11)]


def test_a_messy_file_gets_a_message_per_row_and_the_rest_is_added_in_one_go(practice: Practice) -> None:
    practice.clients.create(ClientForm(first_name="Anna", last_name="Weiß", date_of_birth="1998-10-29"))
    table = parse_table(messy_csv(200), "messy.csv")
    assert table.encoding == "cp1252" and table.delimiter == ";" and len(table.rows) == 200
    plan = plan_import(practice, table, guess_mapping(table.columns, [], True))
    statuses = {s: len(plan.with_status(s)) for s in ("ready", "duplicate", "problem")}
    assert statuses["problem"] == 12 and statuses["duplicate"] >= 3 and sum(statuses.values()) == 200
    email = next(r for r in plan.with_status("problem") if r.row == 26)
    assert "Email" in email.reason and " at " in email.reason
    date = next(r for r in plan.with_status("problem") if r.row == 41)
    assert "'31/02/1973' is not a date read as day/month/year" in date.reason
    already = next(r for r in plan.with_status("duplicate") if r.row == 2)
    assert already.duplicate.startswith("Already in the practice: #1 Anna Weiß, born 1998-10-29")
    before = practice.clients.count()
    dry = run_import(practice, plan, dry_run=True).value
    assert practice.clients.count() == before and dry.dry_run and len(dry.added) == statuses["ready"]
    done = run_import(practice, plan)
    assert done.changes.clients
    assert practice.clients.count() == before + statuses["ready"]
    assert len(done.value.skipped) == statuses["problem"] + statuses["duplicate"]
    found = practice.clients.search("Nørgaard")
    assert found and all("nørgaard" in client.email for client in found)


def test_the_same_file_imported_twice_adds_no_one_the_second_time(practice: Practice) -> None:
    table = parse_table(messy_csv(60), "messy.csv")
    mapping = guess_mapping(table.columns, [], True)
    run_import(practice, plan_import(practice, table, mapping))
    again = plan_import(practice, table, mapping)
    assert again.with_status("ready") == []
    report = run_import(practice, again).value
    assert report.added == () and not report.dry_run


def test_a_failure_while_writing_leaves_nothing_half_imported(practice_file: Practice) -> None:
    table = parse_table(messy_csv(300), "messy.csv")
    plan = plan_import(practice_file, table, guess_mapping(table.columns, [], True))
    victim = plan.with_status("ready")[150].form
    assert victim is not None
    quoted = victim.email.replace("'", "''")
    practice_file.store.conn.execute(
        f"create temp trigger fail_midway before insert on clients when new.email = '{quoted}' "
        "begin select raise(abort, 'disk I/O error'); end"
    )
    from acuchart.imports.sniff import ImportFileError as Problem

    with pytest.raises(Problem, match="Nothing was imported"):
        run_import(practice_file, plan)
    assert practice_file.clients.count() == 0
    assert practice_file.verify_audit().ok


@pytest.mark.slow
def test_fifty_thousand_rows_are_checked_and_imported_in_one_transaction(practice_file: Practice) -> None:
    table = parse_table(messy_csv(50_000, seed=11), "big.csv")
    plan = plan_import(practice_file, table, guess_mapping(table.columns, [], True))
    ready = len(plan.with_status("ready"))
    assert ready > 45_000 and len(plan.with_status("problem")) > 1_000
    changes_before = practice_file.store.conn.total_changes
    run_import(practice_file, plan)
    assert practice_file.clients.count() == ready
    assert practice_file.store.conn.total_changes > changes_before
    assert practice_file.path is not None
    with read_only(practice_file.path) as conn:  # what another reader sees (plain or encrypted): all of it
        assert conn.execute("select count(*) from clients").fetchone()[0] == ready


def test_a_utf8_file_with_a_byte_order_mark_keeps_its_first_column_name() -> None:
    table = parse_table(codecs.BOM_UTF8 + b"Email,First,Last\na@b.co,Ana,Diaz\n")
    assert table.columns[0] == "Email"
    assert guess_mapping(table.columns, [], True)[0] == "email"


def test_a_row_with_more_values_than_columns_is_named_not_shifted(practice: Practice) -> None:
    table = parse_table(b"First,Last,Address\nAna,Diaz,1 High St, Bristol\nBea,Ruiz,2 Low Rd\n")
    plan = plan_import(practice, table, {0: "first_name", 1: "last_name", 2: "address"})
    bad = plan.with_status("problem")
    assert [r.row for r in bad] == [2] and "4 values" in bad[0].reason
