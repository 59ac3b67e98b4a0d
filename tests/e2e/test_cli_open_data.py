"""The open-data subcommands as real processes: export, fhir and import-clients, with plain errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.imports_helpers import messy_csv

REPO = Path(__file__).resolve().parents[2]


def acuchart(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=REPO, capture_output=True, text=True, timeout=180
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.acuchart"
    assert acuchart("demo", str(path)).returncode == 0
    return path


def test_help_lists_the_open_data_subcommands() -> None:
    result = acuchart("--help")
    for name in ("export", "fhir", "import-clients"):
        assert name in result.stdout


def test_export_writes_the_folder_and_refuses_to_write_over_it(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "out"
    first = acuchart("--db", str(demo), "export", str(target))
    assert first.returncode == 0, first.stderr
    assert "Exported the practice" in first.stdout and "14 clients" in first.stdout
    assert (target / "csv" / "reactions.csv").exists() and (target / "README.md").exists()
    again = acuchart("--db", str(demo), "export", str(target))
    assert again.returncode == 2 and "already exists" in again.stderr and "Traceback" not in again.stderr


def test_fhir_writes_a_bundle_and_names_an_unknown_client(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "record.json"
    result = acuchart("--db", str(demo), "fhir", "3", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["type"] == "collection"
    missing = acuchart("--db", str(demo), "fhir", "999", "-o", str(tmp_path / "x.json"))
    assert missing.returncode == 2 and "No client with id 999" in missing.stderr
    onto = acuchart("--db", str(demo), "fhir", "3", "-o", str(demo), "--overwrite")
    assert onto.returncode == 2 and "practice file itself" in onto.stderr


def test_import_asks_for_the_date_order_checks_dry_and_then_imports(demo: Path, tmp_path: Path) -> None:
    practice = tmp_path / "practice.acuchart"
    practice.write_bytes(demo.read_bytes())
    csv_file = tmp_path / "old system.csv"
    csv_file.write_bytes(messy_csv(200, ambiguous=True))
    asked = acuchart("--db", str(practice), "import-clients", str(csv_file))
    assert asked.returncode == 2 and "--date-format DMY" in asked.stderr
    dry = acuchart(
        "--db", str(practice), "import-clients", str(csv_file), "--date-format", "DMY", "--dry-run"
    )
    assert dry.returncode == 1  # some rows would be skipped
    assert (
        "Would add 185 clients; skipped 15." in dry.stdout and "Dry run: nothing was imported." in dry.stdout
    )
    assert "row 41: Eva Peña: skipped. Date of birth: '31/02/1973'" in dry.stdout
    strict = acuchart(
        "--db", str(practice), "import-clients", str(csv_file), "--date-format", "DMY", "--all-or-nothing"
    )
    assert strict.returncode == 1 and "Nothing was imported (--all-or-nothing)" in strict.stdout
    listed = acuchart("--db", str(practice), "clients")
    assert len(listed.stdout.splitlines()) == 14
    done = acuchart(
        "--db",
        str(practice),
        "import-clients",
        str(csv_file),
        "--date-format",
        "DMY",
        "--map",
        "Medical history=skip",
    )
    assert "Added 185 clients; skipped 15." in done.stdout
    assert len(acuchart("--db", str(practice), "clients").stdout.splitlines()) == 199
    bad_map = acuchart("--db", str(practice), "import-clients", str(csv_file), "--map", "Nope=email")
    assert bad_map.returncode == 2 and "no column 'Nope'" in bad_map.stderr
