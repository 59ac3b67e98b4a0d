"""Creating, editing, finding and archiving clients."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from acuchart import clock
from acuchart.changes import Changes, OpResult
from acuchart.errors import ValidationError
from acuchart.i18n import LANGUAGES, _
from acuchart.models import CAUTION_LABELS, Client, ClientSummary
from acuchart.storage import clients as client_rows
from acuchart.storage.store import Store
from acuchart.text import LONG_TEXT, SHORT_TEXT, check_length, clean, date_problem, fold, parse_date

PAGE_SIZE = client_rows.SEARCH_LIMIT
"""How many clients a search returns at a time; the list reads the next page as it scrolls."""

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[+()0-9 .\-/]*$")


class ClientForm(NamedTuple):
    """What the new/edit client form sends: plain text as typed, checked by :meth:`ClientService.validate`."""

    first_name: str = ""
    last_name: str = ""
    preferred_name: str = ""
    date_of_birth: str | dt.date | None = None
    phone: str = ""
    email: str = ""
    address: str = ""
    concerns: Sequence[str] = ()
    skin_notes: str = ""
    goals: str = ""
    caution_flags: Sequence[str] = ()
    caution_notes: str = ""
    cautions_reviewed_on: str | dt.date | None = None
    language: str = ""
    """The language for the client's documents: a code of :data:`acuchart.i18n.LANGUAGES`, or empty for
    the practice's language."""

    @classmethod
    def from_client(cls, client: Client) -> ClientForm:
        """A form filled with a stored client's values, for editing."""
        return cls(
            first_name=client.first_name,
            last_name=client.last_name,
            preferred_name=client.preferred_name,
            date_of_birth=client.date_of_birth,
            phone=client.phone,
            email=client.email,
            address=client.address,
            concerns=list(client.concerns),
            skin_notes=client.skin_notes,
            goals=client.goals,
            caution_flags=list(client.caution_flags),
            caution_notes=client.caution_notes,
            cautions_reviewed_on=client.cautions_reviewed_on,
            language=client.language,
        )


def search_text(row: dict[str, Any]) -> str:
    """What type-ahead matches against: names without accents, phone digits, email, birth date forms."""
    parts = [
        fold(row.get("first_name", "")),
        fold(row.get("last_name", "")),
        fold(row.get("preferred_name", "")),
    ]
    phone_digits = re.sub(r"\D", "", row.get("phone", ""))
    if phone_digits:
        parts.append(phone_digits)
    if row.get("email"):
        parts.append(row["email"].casefold())
    dob = row.get("date_of_birth")
    if dob:
        born = dt.date.fromisoformat(dob)
        parts += [dob, born.strftime("%d/%m/%Y"), born.strftime("%d.%m.%Y")]
    # A leading space lets a typed word match the start of any word: " le" finds " lefevre".
    return " " + " ".join(p for p in parts if p)


_DATE_LIKE = re.compile(r"^\d{1,4}[-/.]\d{1,2}([-/.]\d{0,4})?$")


def search_tokens(query: str) -> list[str]:
    """Split what the practitioner typed into patterns for the search text.

    Words match at the start of a word (" le" finds Lefèvre, not Hartley); dates match as typed;
    phone numbers match their digits anywhere, however they were spaced.
    """
    tokens = []
    for raw in clean(query).split():
        if any(ch.isalpha() for ch in raw):
            tokens.append(" " + fold(raw))
        elif _DATE_LIKE.match(raw):
            tokens.append(raw)
        else:
            digits = re.sub(r"\D", "", raw)
            tokens.append(digits or fold(raw))
    return tokens


class ClientService:
    """Every change to a client goes through here."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def validate(self, form: ClientForm) -> dict[str, Any]:
        """Check a form; return the row to store or raise :class:`ValidationError` naming each bad field."""
        problems: dict[str, str] = {}
        row: dict[str, Any] = {}
        for name, label, limit in (
            ("first_name", _("First name"), SHORT_TEXT),
            ("last_name", _("Last name"), SHORT_TEXT),
            ("preferred_name", _("Preferred name"), SHORT_TEXT),
            ("phone", _("Phone"), 40),
            ("email", _("Email"), SHORT_TEXT),
            ("address", _("Address"), 1000),
            ("skin_notes", _("Skin notes"), LONG_TEXT),
            ("goals", _("Goals"), LONG_TEXT),
            ("caution_notes", _("Caution notes"), LONG_TEXT),
        ):
            value = clean(getattr(form, name))
            check_length(problems, name, value, limit, label)
            row[name] = value
        if not row["first_name"]:
            problems["first_name"] = _("Enter the client's first name.")
        if not row["last_name"]:
            problems.setdefault("last_name", "Enter the client's last name.")
        if row["email"] and "email" not in problems and not _EMAIL.match(row["email"]):
            problems["email"] = _(
                "This does not look like an email address (name@example.com). Correct it or leave it empty."
            )
        if row["phone"] and "phone" not in problems and not _PHONE.match(row["phone"]):
            problems["phone"] = _("A phone number may hold digits, spaces, +, -, ( and ) only.")
        row["date_of_birth"] = self._date_field(
            problems, "date_of_birth", form.date_of_birth, _("Date of birth")
        )
        born = row["date_of_birth"]
        if born and "date_of_birth" not in problems:
            born_date = dt.date.fromisoformat(born)
            if born_date > clock.today():
                problems["date_of_birth"] = _("The date of birth is in the future. Check the year.")
            elif born_date.year < clock.today().year - 120:
                problems["date_of_birth"] = _("The date of birth is more than 120 years ago. Check the year.")
        row["cautions_reviewed_on"] = self._date_field(
            problems, "cautions_reviewed_on", form.cautions_reviewed_on, _("Review date")
        )
        unknown = [flag for flag in form.caution_flags if flag not in CAUTION_LABELS]
        if unknown:
            problems["caution_flags"] = _("Unknown caution: {join}.").format(join=", ".join(unknown))
        row["caution_flags"] = json.dumps(sorted(set(form.caution_flags)))
        row["concerns"] = json.dumps(list(dict.fromkeys(form.concerns)))
        row["language"] = clean(form.language).lower()
        if row["language"] and row["language"] not in LANGUAGES:
            problems["language"] = _("AcuChart has no documents in “{code}”. Choose one of: {names}.").format(
                code=row["language"], names=", ".join(LANGUAGES.values())
            )
        if problems:
            raise ValidationError(problems)
        row["search_text"] = search_text(row)
        return row

    @staticmethod
    def _date_field(
        problems: dict[str, str], name: str, value: str | dt.date | None, label: str
    ) -> str | None:
        try:
            parsed = parse_date(value)
        except ValueError as error:
            problems[name] = date_problem(label, error)
            return None
        return parsed.isoformat() if parsed else None

    def create(self, form: ClientForm) -> OpResult[Client]:
        """Add a new client; nothing is stored if any field is invalid."""
        row = self.validate(form)
        now = clock.stamp()
        row.update(created_at=now, updated_at=now)
        with self._store.write() as writer:
            client_id = writer.insert("clients", row)
        return OpResult(self.get(client_id), Changes(clients=True, client_id=client_id))

    def create_many(self, forms: list[ClientForm]) -> OpResult[list[int]]:
        """Add many clients in one transaction (an import): all are checked first; any problem saves none.

        Raises:
            ValidationError: naming the first bad form by its position, with its field messages.
        """
        rows = []
        for position, form in enumerate(forms, start=1):
            try:
                rows.append(self.validate(form))
            except ValidationError as exc:
                raise ValidationError(
                    {
                        _("row {position}: {k}").format(position=position, k=k): v
                        for k, v in exc.problems.items()
                    }
                ) from exc
        now = clock.stamp()
        with self._store.write() as writer:
            ids = [writer.insert("clients", {**row, "created_at": now, "updated_at": now}) for row in rows]
        return OpResult(ids, Changes(clients=True))

    def update(self, client_id: int, form: ClientForm) -> OpResult[Client]:
        """Save an edited client; nothing is stored if any field is invalid."""
        row = self.validate(form)
        with self._store.write() as writer:
            old = writer.get("clients", client_id)
            if any(old[key] != value for key, value in row.items()):
                writer.update("clients", client_id, {**row, "updated_at": clock.stamp()})
        return OpResult(self.get(client_id), Changes(clients=True, client_id=client_id))

    def set_archived(self, client_id: int, archived: bool) -> OpResult[Client]:
        """Archive a client (hidden from the list, never deleted) or bring them back."""
        with self._store.write() as writer:
            writer.update("clients", client_id, {"archived": int(archived), "updated_at": clock.stamp()})
        return OpResult(self.get(client_id), Changes(clients=True, client_id=client_id))

    def get(self, client_id: int) -> Client:
        """One client; ``NotFoundError`` if the id is unknown."""
        return Client.from_row(client_rows.get(self._store, client_id))

    def search(
        self, query: str, include_archived: bool = False, after: int | None = None
    ) -> list[ClientSummary]:
        """Type-ahead: clients whose name, phone, email or date of birth contain every word typed, in the
        list's order, at most :data:`~acuchart.storage.clients.SEARCH_LIMIT` at a time.

        Args:
            query: what was typed.
            include_archived: show archived clients too.
            after: the id of the last client already shown, to read the next page (None: from the top).
        """
        rows = client_rows.search(self._store, search_tokens(query), include_archived, after)
        return [ClientSummary._make(row) for row in rows]

    def count(self, include_archived: bool = False) -> int:
        """How many clients the practice has."""
        return client_rows.count(self._store, include_archived)
