"""The command line's open-data subcommands: ``export``, ``fhir`` and ``import-clients``.

Kept apart from :mod:`acuchart.cli`, which calls :func:`add_parsers` and runs the commands it returns.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from acuchart.errors import StoreError
from acuchart.i18n import _
from acuchart.paths import default_practice_path

if TYPE_CHECKING:
    from acuchart.imports.mapping import ColumnMapping
    from acuchart.imports.sniff import CsvTable
    from acuchart.practice import Practice

Command = Callable[[argparse.Namespace], int]
_COMMANDS: dict[str, Command] = {}
_DELIMITER_WORDS = {"comma": ",", "semicolon": ";", "tab": "\t", "pipe": "|", "bar": "|"}


def command(name: str) -> Callable[[Command], Command]:
    """Register one of this module's subcommands."""

    def register(fn: Command) -> Command:
        _COMMANDS[name] = fn
        return fn

    return register


def _existing_practice(args: argparse.Namespace) -> Practice:
    """The practice file named by ``--db`` (or the default one), which must exist already."""
    from acuchart.practice import Practice

    path = Path(args.db) if getattr(args, "db", None) else default_practice_path()
    if not path.exists():
        raise StoreError(
            _("There is no practice file at {path}. Name the practice file with --db FILE.").format(path=path)
        )
    return Practice.open(path)


def add_parsers(sub: argparse._SubParsersAction[Any]) -> dict[str, Command]:
    """Add ``export``, ``fhir`` and ``import-clients`` to the command line; return what runs each."""
    export = sub.add_parser(
        "export", help=_("export every record to open formats: a CSV and a JSON file per kind, with a README")
    )
    export.add_argument(
        "destination", type=Path, metavar="DIR", help=_("a new folder (or a name ending in .zip)")
    )
    export.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=_("the practice file"))

    fhir = sub.add_parser(
        "fhir", help=_("write a client's record as a FHIR R4B bundle (JSON) for another clinician")
    )
    fhir.add_argument("id", type=int, metavar="CLIENT_ID", help=_("the client's number"))
    fhir.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE.json", help="where to write it"
    )
    fhir.add_argument("--overwrite", action="store_true", help=_("replace FILE.json if it exists"))
    fhir.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=_("the practice file"))

    imports = sub.add_parser(
        "import-clients",
        help=_("add clients from another system's CSV file (shows what it would do with --dry-run)"),
        description=_(
            "Add clients from a CSV file. Columns are matched by their names (First name, Surname, "
            "DOB, Email...); say what a column holds with --map. Duplicates (same name and date of birth) and rows "
            "with problems are skipped and listed; the rest are added in one go, or nothing is."
        ),
    )
    imports.add_argument("file", type=Path, metavar="FILE.csv", help=_("the CSV file"))
    imports.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=_("the practice file"))
    imports.add_argument("--dry-run", action="store_true", help=_("check every row and report; add nothing"))
    imports.add_argument(
        "--map",
        action="append",
        default=[],
        metavar=_("COLUMN=FIELD"),
        help="what a column holds (by its name or number from 1): first_name, last_name, full_name, preferred_name, "
        "date_of_birth, phone, email, address, skin_notes, goals, caution_notes, or skip; may be repeated",
    )
    imports.add_argument(
        "--date-format",
        metavar="ORDER",
        help="the order of the dates: DMY (day first), MDY (month first) or YMD; needed when the file does not say",
    )
    imports.add_argument(
        "--encoding", help=_("the file's encoding: utf-8, utf-8-sig, utf-16, cp1252 or latin-1")
    )
    imports.add_argument(
        "--delimiter", help=_("the separator: comma, semicolon, tab or pipe (or the character)")
    )
    header = imports.add_mutually_exclusive_group()
    header.add_argument(
        "--header",
        dest="header",
        action="store_true",
        default=None,
        help=_("the first row names the columns"),
    )
    header.add_argument(
        "--no-header", dest="header", action="store_false", help=_("the first row is a client")
    )
    imports.add_argument("--include-duplicates", action="store_true", help=_("add duplicates too"))
    imports.add_argument(
        "--all-or-nothing", action="store_true", help=_("add nothing unless every row can be added")
    )
    return _COMMANDS


@command("export")
def _export(args: argparse.Namespace) -> int:
    from acuchart.export.practice_export import export_practice

    practice = _existing_practice(args)
    try:
        summary = export_practice(practice, args.destination, progress=_progress_printer())
    finally:
        practice.close()
    print(file=sys.stderr)
    print(f"{summary.text()} ({summary.seconds:.1f} s)")
    return 0


def _progress_printer() -> Any:
    shown = [-1]

    def show(done: int, total: int) -> None:
        percent = 100 if not total else done * 100 // total
        if percent != shown[0] and sys.stderr.isatty():
            shown[0] = percent
            print(f"\rExporting… {percent}%", end="", file=sys.stderr, flush=True)

    return show


@command("fhir")
def _fhir(args: argparse.Namespace) -> int:
    from acuchart.export.fhir import write_bundle

    practice = _existing_practice(args)
    try:
        written = write_bundle(practice, args.id, args.output, overwrite=args.overwrite)
    finally:
        practice.close()
    print(f"Wrote the FHIR R4B record of client {args.id} to {written}")
    return 0


def _mapping(table: CsvTable, pairs: list[str]) -> ColumnMapping:
    from acuchart.errors import AcuChartError
    from acuchart.imports.mapping import FIELD_LABELS, SKIP, guess_mapping

    mapping = guess_mapping(table.columns, [cells for _, cells in table.rows], table.has_header)
    names = {name.casefold(): index for index, name in enumerate(table.columns)}
    for pair in pairs:
        column, _sep, field = pair.partition("=")
        field = field.strip().lower().replace(" ", "_").replace("-", "_")
        field = SKIP if field in ("skip", "none", "") else field
        if field not in FIELD_LABELS:
            raise AcuChartError(
                _("--map {pair}: {field!r} is not a field. Use one of: {join} or skip.").format(
                    pair=pair, field=field, join=", ".join(k for k in FIELD_LABELS if k)
                )
            )
        key = column.strip()
        if key.isdigit() and 1 <= int(key) <= len(table.columns):
            index = int(key) - 1
        elif key.casefold() in names:
            index = names[key.casefold()]
        else:
            raise AcuChartError(
                _("--map {pair}: the file has no column {key!r}. Its columns: {join}.").format(
                    pair=pair, key=key, join=", ".join(table.columns)
                )
            )
        mapping[index] = field
    return mapping


@command("import-clients")
def _import_clients(args: argparse.Namespace) -> int:
    from acuchart.errors import AcuChartError
    from acuchart.imports.dates import order_from_text
    from acuchart.imports.plan import AmbiguousDatesError, plan_import, run_import
    from acuchart.imports.sniff import ENCODINGS, read_table

    if args.encoding and args.encoding.lower() not in ENCODINGS:
        raise AcuChartError(
            _("--encoding {encoding}: use one of {join}.").format(
                encoding=args.encoding, join=", ".join(ENCODINGS)
            )
        )
    delimiter = _DELIMITER_WORDS.get((args.delimiter or "").lower(), args.delimiter)
    try:
        order = order_from_text(args.date_format) if args.date_format else None
    except ValueError as exc:
        raise AcuChartError(
            _("--date-format {date_format}: use DMY (day first), MDY (month first) or YMD.").format(
                date_format=args.date_format
            )
        ) from exc
    table = read_table(
        args.file, args.encoding.lower() if args.encoding else None, delimiter or None, args.header
    )
    practice = _existing_practice(args)
    try:
        try:
            plan = plan_import(practice, table, _mapping(table, args.map), order)
        except AmbiguousDatesError as exc:
            raise AcuChartError(
                _("{exc} Say which: --date-format DMY (day first) or --date-format MDY.").format(exc=exc)
            ) from exc
        print(
            f"{args.file.name}: {len(table.rows):,} rows, {table.encoding}, "
            f"{'header row' if table.has_header else 'no header row'}; dates read as {plan.date_order}. {plan.summary()}."
        )
        addable = len(plan.with_status("ready")) + (
            len(plan.with_status("duplicate")) if args.include_duplicates else 0
        )
        if args.all_or_nothing and addable != len(plan.rows):
            report = run_import(practice, plan, args.include_duplicates, dry_run=True).value
            print(report.text())
            print("Nothing was imported (--all-or-nothing): fix the rows above, then import again.")
            return 1
        report = run_import(practice, plan, args.include_duplicates, dry_run=args.dry_run).value
    finally:
        practice.close()
    print(report.text())
    if args.dry_run:
        print("Dry run: nothing was imported.")
    return 0 if not report.skipped else 1
