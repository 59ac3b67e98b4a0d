"""An import, planned before anything is written: each row checked, duplicates found, then one transaction.

:func:`plan_import` reads every row through the mapping, checks it exactly as the new-client form
would, and looks for people the practice has already (same name and date of birth) or that the file
holds twice. Nothing is written: the plan is the dry run. :func:`run_import` then adds the rows that
are ready, in one transaction through :meth:`ClientService.create_many`, so an import is whole or
not at all; rows with a problem and duplicates are skipped, each with its reason, in the report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Literal, NamedTuple

from acuchart import clock
from acuchart.changes import Changes, OpResult
from acuchart.errors import AcuChartError, ValidationError
from acuchart.i18n import N_, _, ngettext
from acuchart.imports.dates import DateReading, Order, describe, parse, read_column
from acuchart.imports.mapping import ColumnMapping, gather, mapping_problem, split_full_name
from acuchart.imports.sniff import CsvTable, ImportFileError
from acuchart.practice import Practice
from acuchart.services.clients import ClientForm
from acuchart.storage import open_data
from acuchart.storage.cipher import database_errors
from acuchart.text import fold

Status = Literal["ready", "duplicate", "problem"]
Progress = Callable[[int, int], None]

_FORM_LABELS = {
    "first_name": N_("First name"),
    "last_name": N_("Last name"),
    "preferred_name": N_("Preferred name"),
    "date_of_birth": N_("Date of birth"),
    "phone": N_("Phone"),
    "email": N_("Email"),
    "address": N_("Address"),
    "skin_notes": N_("Skin notes"),
    "goals": N_("Goals"),
    "caution_notes": N_("Caution notes"),
}


class AmbiguousDatesError(ImportFileError):
    """The dates could be day first or month first; the practitioner must say which."""

    def __init__(self, column: str, reading: DateReading) -> None:
        self.column = column
        self.reading = reading
        example = next((text for text, _ in reading.examples), "")
        shown = _(" (for example {example})").format(example=example) if example else ""
        super().__init__(
            _(
                "The dates in the column {column!r}{shown} could be day first or month first, and the file does not say which. Choose the order the other program wrote them in. Nothing was imported."
            ).format(column=column, shown=shown)
        )


class RowOutcome(NamedTuple):
    """What the import makes of one row of the file."""

    row: int
    name: str
    form: ClientForm | None
    problems: tuple[str, ...] = ()
    duplicate: str = ""

    @property
    def status(self) -> Status:
        """ready (will be added), duplicate (skipped unless asked for) or problem (skipped)."""
        if self.problems:
            return "problem"
        return "duplicate" if self.duplicate else "ready"

    @property
    def reason(self) -> str:
        """Why the row is skipped, in words (empty for a ready row)."""
        return " ".join(self.problems) or self.duplicate


class ImportPlan(NamedTuple):
    """Every row of the file and what becomes of it; nothing written yet."""

    table: CsvTable
    mapping: ColumnMapping
    date_order: Order | None
    rows: tuple[RowOutcome, ...]

    def with_status(self, status: Status) -> list[RowOutcome]:
        """The rows of one status, in file order."""
        return [row for row in self.rows if row.status == status]

    def summary(self) -> str:
        """``187 clients to add, 8 duplicates, 5 rows with problems``."""
        ready, dupes, bad = (len(self.with_status(s)) for s in ("ready", "duplicate", "problem"))
        return ", ".join(
            (
                ngettext("{count:,} client to add", "{count:,} clients to add", ready).format(count=ready),
                ngettext("{count:,} duplicate", "{count:,} duplicates", dupes).format(count=dupes),
                ngettext("{count:,} row with problems", "{count:,} rows with problems", bad).format(
                    count=bad
                ),
            )
        )


class ImportReport(NamedTuple):
    """What an import did (or, for a dry run, would do)."""

    added: tuple[tuple[int, int | None, str], ...]
    skipped: tuple[tuple[int, str, str], ...]
    dry_run: bool = False

    def text(self) -> str:
        """The report as lines for the command line."""
        added, skipped = len(self.added), len(self.skipped)
        if self.dry_run:
            head = ngettext(
                "Would add {count:,} client; skipped {skipped:,}.",
                "Would add {count:,} clients; skipped {skipped:,}.",
                added,
            )
        else:
            head = ngettext(
                "Added {count:,} client; skipped {skipped:,}.",
                "Added {count:,} clients; skipped {skipped:,}.",
                added,
            )
        lines = [head.format(count=added, skipped=skipped)]
        lines += [
            _("  row {row}: {name}: skipped. {why}").format(row=row, name=name, why=why)
            for row, name, why in self.skipped
        ]
        return "\n".join(lines)


def date_column(table: CsvTable, mapping: Mapping[int, str]) -> int | None:
    """The column mapped to the date of birth, if any."""
    return next((index for index, key in mapping.items() if key == "date_of_birth"), None)


def read_dates(
    table: CsvTable, mapping: Mapping[int, str], today: dt.date | None = None
) -> DateReading | None:
    """How the date-of-birth column reads (None when no column is mapped to it)."""
    index = date_column(table, mapping)
    if index is None:
        return None
    return read_column((cells[index] for _, cells in table.rows), today or clock.today())


def _names(values: dict[str, str]) -> tuple[str, str, str | None]:
    first, last = values.get("first_name", ""), values.get("last_name", "")
    full = values.get("full_name", "")
    if full and not (first and last):
        split = split_full_name(full)
        if split is None:
            return (
                first,
                last,
                _("The full name {full!r} has one word only; give a first and a last name.").format(
                    full=full
                ),
            )
        first, last = first or split[0], last or split[1]
    return first, last, None


class _People:
    """People by name, to find duplicates: those with a date of birth by it, and those without one."""

    def __init__(self) -> None:
        self._dated: dict[tuple[str, str], dict[str, str]] = {}
        self._undated: dict[tuple[str, str], str] = {}

    def add(self, key: tuple[str, str], born: str | None, who: str) -> None:
        """Remember someone (the first of a name and date of birth is the one named)."""
        if born:
            self._dated.setdefault(key, {}).setdefault(born, who)
        else:
            self._undated.setdefault(key, who)

    def match(self, key: tuple[str, str], born: str | None, where: str) -> str:
        """Why someone of this name and date of birth looks like a duplicate, or ""."""
        dated = self._dated.get(key, {})
        if born and born in dated:
            return _("{where} {who}, born {born}.").format(where=where, who=dated[born], born=born)
        other = self._undated.get(key) or (next(iter(dated.values())) if dated and not born else None)
        if other:
            return _("Possibly: {where} {other} (same name; no date of birth to compare).").format(
                where=where, other=other
            )
        return ""


def _known(practice: Practice) -> _People:
    people = _People()
    for client_id, first, last, born in open_data.client_identities(practice.store):
        people.add((fold(first).strip(), fold(last).strip()), born, f"#{client_id} {first} {last}")
    return people


def plan_import(
    practice: Practice,
    table: CsvTable,
    mapping: ColumnMapping,
    date_order: Order | None = None,
    progress: Progress | None = None,
) -> ImportPlan:
    """Check every row and find duplicates; nothing is written.

    Raises:
        ImportFileError: the mapping names no first and last name (or full name), or a field twice.
        AmbiguousDatesError: ``date_order`` is None and the dates could be day or month first.
    """
    problem = mapping_problem(mapping)
    if problem:
        raise ImportFileError(problem + _(" Nothing was imported."))
    today = clock.today()
    if date_order is None:
        reading = read_dates(table, mapping, today)
        if reading is not None and reading.ambiguous:
            index = date_column(table, mapping)
            raise AmbiguousDatesError(table.columns[index or 0], reading)
        date_order = reading.order if reading is not None and reading.order else "DMY"
    known = _known(practice)
    in_file = _People()
    outcomes = []
    total = len(table.rows)
    for done, (number, cells) in enumerate(table.rows, 1):
        outcomes.append(_row(practice, table, mapping, date_order, today, number, cells, known, in_file))
        if progress is not None and done % 2000 == 0:
            progress(done, total)
    return ImportPlan(table, mapping, date_order, tuple(outcomes))


def _row(
    practice: Practice,
    table: CsvTable,
    mapping: ColumnMapping,
    order: Order,
    today: dt.date,
    number: int,
    cells: tuple[str, ...],
    known: _People,
    in_file: _People,
) -> RowOutcome:
    values = gather(mapping, cells)
    first, last, name_problem = _names(values)
    name = f"{first} {last}".strip() or _("(no name)")
    problems: list[str] = []
    if len(cells) > len(table.columns):
        problems.append(
            f"It has {len(cells)} values where the file has {len(table.columns)} columns "
            "(a comma or semicolon inside a value that is not in quotes?)."
        )
    if name_problem:
        problems.append(name_problem)
    born: dt.date | None = None
    written = values.get("date_of_birth", "")
    if written:
        born = parse(written, order, today)
        if born is None:
            problems.append(
                _("Date of birth: {written!r} is not a date read as {describe}.").format(
                    written=written, describe=describe(order)
                )
            )
    form = ClientForm(
        first_name=first,
        last_name=last,
        preferred_name=values.get("preferred_name", ""),
        date_of_birth=born,
        phone=values.get("phone", ""),
        email=values.get("email", ""),
        address=values.get("address", ""),
        skin_notes=values.get("skin_notes", ""),
        goals=values.get("goals", ""),
        caution_notes=values.get("caution_notes", ""),
    )
    try:
        practice.clients.validate(form)
    except ValidationError as exc:
        problems += [
            _row_message(field, message, values)
            for field, message in exc.problems.items()
            if not (field == "date_of_birth" and written and born is None)
        ]
    if problems:
        return RowOutcome(number, name, None, tuple(problems))
    key = (fold(first).strip(), fold(last).strip())
    birth = born.isoformat() if born else None
    duplicate = known.match(key, birth, "Already in the practice:") or in_file.match(
        key, birth, "The same person as"
    )
    in_file.add(key, birth, _("row {number}").format(number=number))
    return RowOutcome(number, name, form, (), duplicate)


def _row_message(field: str, message: str, values: dict[str, str]) -> str:
    """A form's message about a field, naming the value the file holds: ``Email 'a at b.com': …``."""
    label = _(_FORM_LABELS.get(field, field))
    value = values.get(field, "")
    shown = f" {value!r}" if value and field in ("email", "phone") else ""
    return f"{label}{shown}: {message}"


def run_import(
    practice: Practice, plan: ImportPlan, include_duplicates: bool = False, dry_run: bool = False
) -> OpResult[ImportReport]:
    """Add the plan's ready rows (and duplicates, if asked) in one transaction; report every row.

    Raises:
        ImportFileError: the practice file could not be written; nothing was added.
        BackupError: the practice could not be backed up first; nothing was added.
    """
    chosen = [
        row
        for row in plan.rows
        if row.status == "ready" or (include_duplicates and row.status == "duplicate")
    ]
    numbers = {row.row for row in chosen}
    skipped = tuple((row.row, row.name, row.reason) for row in plan.rows if row.row not in numbers)
    if dry_run or not chosen:
        return OpResult(
            ImportReport(tuple((r.row, None, r.name) for r in chosen), skipped, dry_run), Changes()
        )
    forms = [row.form for row in chosen if row.form is not None]
    if practice.path is not None:  # a risky change: the practice as it was is backed up first
        from acuchart.backup.make import BEFORE_IMPORTING, back_up_before

        back_up_before(
            practice.path,
            BEFORE_IMPORTING,
            ngettext("importing {count} client", "importing {count} clients", len(forms)).format(
                count=f"{len(forms):,}"
            ),
        )
    try:
        done = practice.clients.create_many(forms)
    except AcuChartError as exc:
        raise ImportFileError(_("The import stopped: {exc} Nothing was imported.").format(exc=exc)) from exc
    except database_errors() as exc:
        full = "full" in str(exc).lower()
        why = (
            _("the disk holding the practice file is full")
            if full
            else _("the practice file could not be written ({exc})").format(exc=exc)
        )
        raise ImportFileError(_("The import stopped: {why}. Nothing was imported.").format(why=why)) from exc
    added = tuple((row.row, client_id, row.name) for row, client_id in zip(chosen, done.value, strict=True))
    return OpResult(ImportReport(added, skipped), done.changes)
