"""Exporting the whole practice: read back as a spreadsheet and a program would, whole or not at all, never
onto the practice file."""

from __future__ import annotations

import csv
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from acuchart.demo import write_demo
from acuchart.export.files import ExportError
from acuchart.export.kinds import INTERNAL_TABLE_PREFIXES, KINDS, NOT_EXPORTED
from acuchart.export.practice_export import ExportCancelledError, export_practice
from acuchart.paths import photo_store_path
from acuchart.practice import Practice

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.acuchart"
    write_demo(path)
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Practice]:
    copy = tmp_path / "practice.acuchart"
    copy.write_bytes(demo_file.read_bytes())
    shutil.copytree(photo_store_path(demo_file), photo_store_path(copy))  # a practice moves with its photos
    practice = Practice.open(copy)
    yield practice
    practice.close()


def read_csv(path: Path) -> list[dict[str, str]]:
    """As a spreadsheet reads it: the byte-order mark says UTF-8, the first row names the columns."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_export_reads_back_with_the_same_records_as_the_practice(demo: Practice, tmp_path: Path) -> None:
    summary = export_practice(demo, tmp_path / "export")
    folder = summary.destination
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    conn = demo.store.conn
    for kind in KINDS:
        stored = conn.execute(f"select count(*) from [{kind.table}]").fetchone()[0]
        rows = read_csv(folder / "csv" / f"{kind.name}.csv")
        records = json.loads((folder / "json" / f"{kind.name}.json").read_text(encoding="utf-8"))
        assert len(rows) == len(records) == stored == summary.counts[kind.name], kind.name
        assert next(k for k in manifest["kinds"] if k["name"] == kind.name)["records"] == stored
        if rows:
            assert list(rows[0]) == [c.name for c in kind.columns]
            assert list(records[0]) == [c.name for c in kind.columns]
    assert summary.counts["clients"] == 14 and summary.counts["reactions"] > 0


def test_a_rebuilt_database_from_the_csv_files_holds_the_same_records(demo: Practice, tmp_path: Path) -> None:
    folder = export_practice(demo, tmp_path / "export").destination
    rebuilt = sqlite3.connect(":memory:")
    for kind in KINDS:
        names = [c.name for c in kind.columns]
        rebuilt.execute(f"create table [{kind.name}] ({', '.join(f'[{n}]' for n in names)})")
        rows = read_csv(folder / "csv" / f"{kind.name}.csv")
        rebuilt.executemany(
            f"insert into [{kind.name}] values ({', '.join('?' for _ in names)})",
            [[row[n] or None for n in names] for row in rows],
        )
    conn = demo.store.conn
    for question in (
        "select count(*) from reactions where mark_id is not null",
        "select count(distinct client_id) from sessions",
        "select count(*) from marks where code = 'ST2' and side = 'left'",
        "select sum(score) from ratings",
    ):
        assert rebuilt.execute(question).fetchone()[0] in (
            conn.execute(question).fetchone()[0],
            str(conn.execute(question).fetchone()[0]),
        )
    # The audit chain can be checked from the export alone.
    from acuchart.storage.audit import entry_hash

    previous = "0" * 64
    for row in read_csv(folder / "csv" / "audit.csv"):
        entity_id = int(row["entity_id"]) if row["entity_id"] else None
        args = (int(row["id"]), row["at"], row["actor"], row["action"], row["entity"], entity_id, row["data"])
        assert row["prev_hash"] == previous
        assert entry_hash(previous, *args) == row["hash"]
        previous = row["hash"]


def test_words_dates_and_lists_read_as_a_person_writes_them(demo: Practice, tmp_path: Path) -> None:
    folder = export_practice(demo, tmp_path / "export").destination
    clients = {row["last_name"]: row for row in read_csv(folder / "csv" / "clients.csv")}
    assert clients["Lefèvre"]["first_name"] == "Chloé"
    assert clients["Lin"]["preferred_name"] == "林美"
    assert clients["Hartley"]["concerns"] == "wrinkles; radiance"
    assert clients["Hartley"]["caution_flags"] == "anticoagulants"
    assert len(clients["Hartley"]["date_of_birth"]) == 10 and clients["Hartley"]["date_of_birth"][4] == "-"
    records = json.loads((folder / "json" / "clients.json").read_text(encoding="utf-8"))
    hartley = next(r for r in records if r["last_name"] == "Hartley")
    assert hartley["concerns"] == ["wrinkles", "radiance"] and hartley["archived"] is False
    audit = json.loads((folder / "json" / "audit.json").read_text(encoding="utf-8"))
    assert isinstance(audit[0]["data"], dict)
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for kind in KINDS:
        assert f"csv/{kind.name}.csv" in readme
        for column in kind.columns:
            assert f"`{column.name}`" in readme


def test_every_table_and_column_of_the_practice_is_exported_or_left_out_on_purpose(demo: Practice) -> None:
    conn = demo.store.conn
    tables = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")]
    exported = {kind.table: kind for kind in KINDS}
    for table in tables:
        if table.startswith(INTERNAL_TABLE_PREFIXES):
            continue
        assert table in exported, (
            f"{table} is neither exported nor internal: add it to acuchart/export/kinds.py"
        )
        columns = {row[1] for row in conn.execute(f"pragma table_info([{table}])")}
        described = {c.name for c in exported[table].columns}
        left_out = {key.split(".", 1)[1] for key in NOT_EXPORTED if key.startswith(table + ".")}
        assert columns == described | left_out, table


def test_a_zip_export_holds_the_same_files_under_one_folder(demo: Practice, tmp_path: Path) -> None:
    summary = export_practice(demo, tmp_path / "practice.zip")
    with zipfile.ZipFile(summary.destination) as archive:
        names = archive.namelist()
        assert "practice/README.md" in names and "practice/manifest.json" in names
        clients = archive.read("practice/csv/clients.csv").decode("utf-8-sig")
    assert clients.count("\n") == summary.counts["clients"] + 1
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_an_export_never_writes_over_anything(demo: Practice, tmp_path: Path) -> None:
    taken = tmp_path / "export"
    taken.mkdir()
    (taken / "mine.txt").write_text("keep me")
    with pytest.raises(ExportError, match="already exists"):
        export_practice(demo, taken)
    assert [p.name for p in taken.iterdir()] == ["mine.txt"]
    (tmp_path / "old.zip").write_bytes(b"an older export")
    with pytest.raises(ExportError, match="already exists"):
        export_practice(demo, tmp_path / "old.zip")
    assert (tmp_path / "old.zip").read_bytes() == b"an older export"


def test_the_practice_file_and_its_sidecars_are_never_an_export_or_a_bundle(
    demo: Practice, tmp_path: Path
) -> None:
    from acuchart.export.fhir import write_bundle

    assert demo.path is not None
    before = demo.path.read_bytes()
    link = tmp_path / "innocent.json"
    link.symlink_to(demo.path)
    for target in (
        demo.path,
        demo.path.with_name(demo.path.name + "-wal"),
        tmp_path / ".." / tmp_path.name / demo.path.name,
    ):
        with pytest.raises(ExportError, match="practice file itself"):
            export_practice(demo, target)
        with pytest.raises(ExportError, match="practice file itself"):
            write_bundle(demo, 1, target, overwrite=True)
    with pytest.raises(ExportError, match="practice file itself"):
        write_bundle(demo, 1, link, overwrite=True)
    assert demo.path.read_bytes() == before


def test_a_read_only_folder_gets_a_plain_message_and_nothing(demo: Practice, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="may not write"):
            export_practice(demo, locked / "export")
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)


def test_a_stopped_export_leaves_nothing_behind(demo: Practice, tmp_path: Path) -> None:
    told: list[int] = []
    with pytest.raises(ExportCancelledError, match="Nothing was exported"):
        export_practice(
            demo, tmp_path / "export", lambda done, _total: told.append(done), lambda: len(told) > 1
        )
    assert len(told) == 2
    assert not [p for p in tmp_path.iterdir() if "export" in p.name]


FULL_DISK = """
import json, sys
from pathlib import Path
from acuchart.export.files import ExportError
from acuchart.export.practice_export import export_practice
from acuchart.practice import Practice
practice = Practice.open(sys.argv[1])
disk = Path(sys.argv[2])
try:
    export_practice(practice, disk / "export")
    outcome = "exported"
except ExportError as exc:
    outcome = str(exc)
print(json.dumps({"outcome": outcome, "left": sorted(p.name for p in disk.iterdir())}))
"""


def _mount_namespaces() -> bool:
    try:
        return (
            subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "true"], timeout=10).returncode
            == 0
        )
    except (OSError, subprocess.SubprocessError):
        return False


@pytest.mark.skipif(
    not _mount_namespaces(), reason="no unprivileged mount namespace to mount a real small disk"
)
def test_on_a_real_full_disk_the_export_says_so_and_leaves_no_partial_folder(
    demo_file: Path, tmp_path: Path
) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    script = tmp_path / "full.py"
    script.write_text(FULL_DISK)
    command = (
        f"mount -t tmpfs -o size=200k tmpfs '{disk}' && '{sys.executable}' '{script}' '{demo_file}' '{disk}'"
    )
    result = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", command],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert "no room left on the disk" in found["outcome"] and "no partial copy" in found["outcome"]
    assert found["left"] == []


def test_commas_quotes_and_line_breaks_survive_the_csv_exactly(
    practice_file: Practice, tmp_path: Path
) -> None:
    from acuchart.services.clients import ClientForm

    tricky = ClientForm(
        first_name='Anne "Nan"',
        last_name="O'Brien, Jr",
        address="12 Rue des Lilas, Lyon\n2nd floor\r\nbell 3",
        goals="Less frown; more sleep, maybe",
        caution_notes="",
    )
    practice_file.clients.create(tricky)
    folder = export_practice(practice_file, tmp_path / "export").destination
    (row,) = read_csv(folder / "csv" / "clients.csv")
    stored = practice_file.store.conn.execute(
        "select first_name, last_name, address, goals from clients"
    ).fetchone()
    assert (row["first_name"], row["last_name"], row["address"], row["goals"]) == stored
    assert row["caution_notes"] == "" and row["date_of_birth"] == ""
    (record,) = json.loads((folder / "json" / "clients.json").read_text(encoding="utf-8"))
    assert record["address"] == stored[2] and record["date_of_birth"] is None


def test_the_export_carries_every_photos_original_unchanged(demo: Practice, tmp_path: Path) -> None:
    import hashlib

    summary = export_practice(demo, tmp_path / "export")
    rows = read_csv(summary.destination / "csv" / "photos.csv")
    assert rows
    for row in rows:
        original = summary.destination / "photos" / f"{row['sha256']}.{row['extension']}"
        assert hashlib.sha256(original.read_bytes()).hexdigest() == row["sha256"]
