"""Reading a CSV file from another system: its encoding, its delimiter, whether it has a header row.

Each guess is a starting point the practitioner sees and can change in the mapping step (or with an
option on the command line); nothing is decided silently. A file that cannot be read as text says so
plainly.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from acuchart.errors import AcuChartError
from acuchart.i18n import N_, _
from acuchart.text import fold

MAX_BYTES = 200 * 1024 * 1024
"""Larger files are refused: a client list is a few megabytes even for a very large practice."""

ENCODINGS: dict[str, str] = {
    "utf-8": "UTF-8",
    "utf-8-sig": N_("UTF-8 with a byte-order mark"),
    "utf-16": "UTF-16",
    "cp1252": N_("Windows-1252 (Western European)"),
    "latin-1": N_("Latin-1 (ISO 8859-1)"),
}
"""The encodings AcuChart reads, with the words the mapping step shows."""

DELIMITERS: dict[str, str] = {
    ",": N_("Comma"),
    ";": N_("Semicolon"),
    "\t": N_("Tab"),
    "|": N_("Vertical bar"),
}

_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
_SAMPLE_LINES = 200


class ImportFileError(AcuChartError):
    """A file to import cannot be read as asked; the message says why and what to do."""


class CsvTable(NamedTuple):
    """A CSV file read into rows.

    Attributes:
        encoding: the encoding used (a key of :data:`ENCODINGS`).
        delimiter: the delimiter used (a key of :data:`DELIMITERS`).
        has_header: whether the first row names the columns.
        columns: the columns' names (from the header, else "Column 1", "Column 2"…).
        rows: the data rows as (row number in the file as a spreadsheet counts it, cells); blank rows
            are left out, and every row has as many cells as there are columns (missing ones empty)
            unless it has more, which the plan reports.
    """

    encoding: str
    delimiter: str
    has_header: bool
    columns: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]


def detect_encoding(data: bytes) -> str:
    """The encoding of ``data``: a byte-order mark says so; else UTF-8 if it decodes as UTF-8; else
    Windows-1252 unless the file uses a byte Windows-1252 leaves undefined (then Latin-1)."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "latin-1" if any(b in _CP1252_UNDEFINED for b in data) else "cp1252"
    return "utf-8"


def decode(data: bytes, encoding: str, name: str = "") -> str:
    """``data`` as text in ``encoding``.

    Raises:
        ImportFileError: it does not decode (the message names the first bad byte's place).
    """
    name = name or _("The file")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFileError(
            _(
                "{name} is not {value}: line {line} holds bytes that are not text in that encoding. Choose another encoding (Windows-1252 suits most files from older Windows programs)."
            ).format(name=name, value=_(ENCODINGS.get(encoding, encoding)), line=line)
        ) from exc
    except LookupError as exc:
        raise ImportFileError(
            _("AcuChart does not know the encoding {encoding!r}.").format(encoding=encoding)
        ) from exc


def detect_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the same number (more than one) of fields most often."""
    sample = "\n".join(text.splitlines()[:_SAMPLE_LINES])
    best, best_score = ",", -1.0
    for delimiter in DELIMITERS:
        counts = Counter(len(row) for row in csv.reader(io.StringIO(sample), delimiter=delimiter) if any(row))
        if not counts:
            continue
        fields, times = counts.most_common(1)[0]
        if fields < 2:
            continue
        score = times / sum(counts.values()) * 10 + fields * 0.01
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _is_header_word(cell: str) -> bool:
    from acuchart.imports.mapping import field_for_name

    return field_for_name(cell) is not None


def looks_like_header(first: Sequence[str], others: Sequence[Sequence[str]]) -> bool:
    """True when the first row names columns: a cell is a known column name (Surname, DOB, Email…),
    or the row has no digits and no "@" where the rows below have them."""
    if any(_is_header_word(cell) for cell in first):
        return True
    if not others or any(any(ch.isdigit() for ch in cell) or "@" in cell for cell in first):
        return False
    for index in range(len(first)):
        below = [row[index] for row in others[:50] if index < len(row) and row[index]]
        if below and sum(any(ch.isdigit() for ch in c) or "@" in c for c in below) > len(below) / 2:
            return True
    return False


def read_table(
    path: Path,
    encoding: str | None = None,
    delimiter: str | None = None,
    has_header: bool | None = None,
) -> CsvTable:
    """Read ``path`` as CSV, detecting whatever is not given.

    Raises:
        ImportFileError: the file is missing, too large, empty, not text, or not CSV.
    """
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportFileError(
                _(
                    "{name} is {value:.0f} MB; AcuChart imports client lists of up to {value2} MB. Split it into smaller files."
                ).format(name=path.name, value=size / 1024 / 1024, value2=MAX_BYTES // 1024 // 1024)
            )
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ImportFileError(
            _("There is no file at {path}. Check the name and try again.").format(path=path)
        ) from exc
    except IsADirectoryError as exc:
        raise ImportFileError(_("{path} is a folder. Choose a CSV file.").format(path=path)) from exc
    except OSError as exc:
        raise ImportFileError(
            _("{path} could not be read ({value}).").format(path=path, value=exc.strerror or exc)
        ) from exc
    return parse_table(data, path.name, encoding, delimiter, has_header)


def parse_table(
    data: bytes,
    name: str = "",
    encoding: str | None = None,
    delimiter: str | None = None,
    has_header: bool | None = None,
) -> CsvTable:
    """Read CSV ``data`` (see :func:`read_table`)."""
    name = name or _("The file")
    utf16 = encoding == "utf-16" or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if b"\x00" in data[:4096] and not utf16:
        raise ImportFileError(
            _(
                "{name} is not a text file (it holds binary data). Export the client list from the other program as CSV (comma- or semicolon-separated text) and choose that file."
            ).format(name=name)
        )
    chosen_encoding = encoding or detect_encoding(data)
    text = decode(data, chosen_encoding, name)
    if chosen_encoding == "utf-8" and text.startswith("\ufeff"):
        text = text[1:]
    chosen_delimiter = delimiter or detect_delimiter(text)
    try:
        records = [
            (number, tuple(cell.strip() for cell in row))
            for number, row in enumerate(
                csv.reader(io.StringIO(text, newline=""), delimiter=chosen_delimiter), 1
            )
        ]
    except csv.Error as exc:
        raise ImportFileError(
            _("{name} is not a CSV file AcuChart can read ({exc}).").format(name=name, exc=exc)
        ) from exc
    records = [(number, row) for number, row in records if any(row)]
    if not records:
        raise ImportFileError(
            _("{name} holds no rows. Choose the file with the client list.").format(name=name)
        )
    first = records[0][1]
    header = looks_like_header(first, [row for _, row in records[1:]]) if has_header is None else has_header
    body = records[1:] if header else records
    width = max([len(first), *(len(row) for _, row in body)]) if not header else len(first)
    columns = (
        tuple(cell or _("Column {i}").format(i=i) for i, cell in enumerate(first, 1))
        if header
        else tuple(_("Column {i}").format(i=i) for i in range(1, width + 1))
    )
    rows = tuple((number, row + ("",) * (len(columns) - len(row))) for number, row in body)
    return CsvTable(chosen_encoding, chosen_delimiter, header, columns, rows)


def column_key(name: str) -> str:
    """A column name as matched against known names: lower case, no accents, letters and digits only."""
    return "".join(ch for ch in fold(name) if ch.isalnum())
