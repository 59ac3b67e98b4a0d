"""Which column of another system's CSV holds what: the fields a client can be imported with, the names
other programs give them, and a first guess the practitioner confirms or changes in the mapping step.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from acuchart.i18n import N_, _
from acuchart.imports.dates import parse


class Field(NamedTuple):
    """A client detail a column can be imported into.

    ``joins``: several columns may feed it (address lines, notes), joined in column order.
    """

    key: str
    label: str
    names: tuple[str, ...]
    joins: bool = False


SKIP = ""
"""The mapping of a column that is not imported."""

FIELDS: tuple[Field, ...] = (
    Field(
        "first_name",
        N_("First name"),
        (
            "firstname",
            "first",
            "givenname",
            "given",
            "forename",
            "forenames",
            "prenom",
            "vorname",
            "nombre",
            "fname",
        ),
    ),
    Field(
        "last_name",
        N_("Last name"),
        (
            "lastname",
            "last",
            "surname",
            "familyname",
            "family",
            "nom",
            "nachname",
            "apellido",
            "apellidos",
            "lname",
        ),
    ),
    Field(
        "full_name",
        N_("Full name (first and last)"),
        (
            "name",
            "fullname",
            "client",
            "clientname",
            "patient",
            "patientname",
            "customer",
            "customername",
            "nomcomplet",
        ),
    ),
    Field(
        "preferred_name",
        N_("Preferred name"),
        ("preferredname", "preferred", "nickname", "knownas", "callname"),
    ),
    Field(
        "date_of_birth",
        N_("Date of birth"),
        (
            "dateofbirth",
            "dob",
            "birthdate",
            "birthday",
            "born",
            "birth",
            "geburtsdatum",
            "datedenaissance",
            "naissance",
            "fechadenacimiento",
            "birthdateddmmyyyy",
        ),
    ),
    Field(
        "phone",
        N_("Phone"),
        (
            "phone",
            "telephone",
            "tel",
            "mobile",
            "cell",
            "cellphone",
            "mobilephone",
            "phonenumber",
            "mobilenumber",
            "homephone",
            "workphone",
            "handy",
            "telefon",
            "portable",
            "telefono",
        ),
    ),
    Field("email", N_("Email"), ("email", "emailaddress", "mail", "courriel", "correo")),
    Field(
        "address",
        N_("Address (several columns are joined)"),
        (
            "address",
            "street",
            "streetaddress",
            "address1",
            "address2",
            "addressline1",
            "addressline2",
            "city",
            "town",
            "postcode",
            "postalcode",
            "zip",
            "zipcode",
            "county",
            "state",
            "country",
            "adresse",
            "ville",
            "strasse",
            "ort",
            "plz",
            "codepostal",
        ),
        joins=True,
    ),
    Field(
        "skin_notes",
        N_("Skin notes (several columns are joined)"),
        ("skinnotes", "skin", "skintype"),
        joins=True,
    ),
    Field("goals", N_("Goals (several columns are joined)"), ("goals", "goal", "objectives"), joins=True),
    Field(
        "caution_notes",
        N_("Caution notes (several columns are joined)"),
        (
            "cautions",
            "caution",
            "medicalhistory",
            "medical",
            "medications",
            "medication",
            "allergies",
            "allergy",
            "conditions",
            "healthnotes",
            "contraindications",
        ),
        joins=True,
    ),
)
FIELD_LABELS: dict[str, str] = {field.key: field.label for field in FIELDS} | {SKIP: N_("Don't import")}
_BY_NAME = {name: field.key for field in FIELDS for name in field.names}
_JOINS = {field.key for field in FIELDS if field.joins}
_EMAIL_LIKE = re.compile(r"^[^@\s]+@[^@\s]+$")
_PHONE_LIKE = re.compile(r"^[+()0-9 .\-/]{7,}$")

ColumnMapping = dict[int, str]
"""Column index -> field key (:data:`SKIP` for a column not imported)."""


def field_for_name(name: str) -> str | None:
    """The field a column called ``name`` holds, by the names other programs use; None if unknown."""
    from acuchart.imports.sniff import column_key

    return _BY_NAME.get(column_key(name))


def guess_mapping(columns: Sequence[str], rows: Sequence[Sequence[str]], has_header: bool) -> ColumnMapping:
    """A first guess: by the columns' names, else (no header) by what the values look like."""
    import datetime as dt

    mapping: ColumnMapping = {}
    taken: set[str] = set()
    for index, name in enumerate(columns):
        key = field_for_name(name) if has_header else None
        if key and (key not in taken or key in _JOINS):
            mapping[index] = key
            taken.add(key)
        else:
            mapping[index] = SKIP
    if has_header:
        return mapping
    today = dt.date.today()
    tests = (
        ("email", lambda v: bool(_EMAIL_LIKE.match(v))),
        ("date_of_birth", lambda v: bool(parse(v, "DMY", today) or parse(v, "MDY", today))),
        ("phone", lambda v: bool(_PHONE_LIKE.match(v))),
    )
    text_columns = []
    for index in range(len(columns)):
        values = [row[index] for row in rows[:200] if index < len(row) and row[index]]
        if not values:
            continue
        for key, test in tests:
            if key not in taken and sum(test(v) for v in values) > len(values) / 2:
                mapping[index] = key
                taken.add(key)
                break
        else:
            if (
                sum(any(ch.isalpha() for ch in v) and not any(ch.isdigit() for ch in v) for v in values)
                > len(values) / 2
            ):
                text_columns.append(index)
    for index, key in zip(text_columns, ("first_name", "last_name"), strict=False):
        mapping[index] = key
    return mapping


def mapping_problem(mapping: Mapping[int, str]) -> str | None:
    """What is missing for an import to make sense, or None."""
    chosen = list(mapping.values())
    has_names = "full_name" in chosen or ("first_name" in chosen and "last_name" in chosen)
    if not has_names:
        return _(
            "Say which column holds the first name and which the last name, or choose one column with the "
            "full name."
        )
    twice = sorted({key for key in chosen if key and key not in _JOINS and chosen.count(key) > 1})
    if twice:
        labels = ", ".join(_(FIELD_LABELS[key]) for key in twice)
        return _(
            "More than one column is set to {labels}. Choose one column for each, or Don't import for the others."
        ).format(labels=labels)
    return None


def split_full_name(text: str) -> tuple[str, str] | None:
    """``Hartley, Amelia`` or ``Amelia Hartley`` as (first, last); None for a single word."""
    if "," in text:
        last, _, first = text.partition(",")
        return (first.strip(), last.strip()) if first.strip() and last.strip() else None
    words = text.split()
    if len(words) < 2:
        return None
    return " ".join(words[:-1]), words[-1]


def gather(mapping: Mapping[int, str], cells: Sequence[str]) -> dict[str, str]:
    """The row's values by field: joined where several columns feed one field, empty cells skipped."""
    found: dict[str, list[str]] = {}
    for index, key in mapping.items():
        if key and index < len(cells) and cells[index]:
            found.setdefault(key, []).append(cells[index])
    return {key: (", " if key == "address" else "\n").join(values) for key, values in found.items()}
