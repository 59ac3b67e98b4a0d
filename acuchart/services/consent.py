"""Informed consent: recorded with its date, the version of the text agreed to, and how it was obtained."""

from __future__ import annotations

import datetime as dt

from acuchart import clock
from acuchart.changes import Changes, OpResult
from acuchart.i18n import _
from acuchart.models import CONSENT_METHOD_LABELS, Client, Consent
from acuchart.services.record_rules import raise_if
from acuchart.services.settings import SettingsService
from acuchart.storage import clients as client_rows
from acuchart.storage import records as rows
from acuchart.storage import sessions as session_rows
from acuchart.storage.store import Store
from acuchart.text import (
    LONG_TEXT,
    SHORT_TEXT,
    DateDoesNotExistError,
    check_length,
    clean,
    date_problem,
    parse_date,
)


class ConsentService:
    """Recording and reading consent.

    Args:
        store: the open practice file.
        settings: the practice settings (the consent text's version; who records it).
    """

    def __init__(self, store: Store, settings: SettingsService) -> None:
        self._store = store
        self._settings = settings

    def record_consent(
        self,
        client_id: int,
        given_on: dt.date | str | None,
        method: str,
        text_version: str | None = None,
        note: str = "",
    ) -> OpResult[Consent]:
        """Put a client's informed consent on file; nothing is stored if any field is invalid.

        Args:
            client_id: the client who consented.
            given_on: the day consent was given (not in the future).
            method: how it was obtained, a key of :data:`~acuchart.models.CONSENT_METHODS`.
            text_version: the version of the consent text agreed to (the practice's current one if None).
            note: anything worth keeping with it (who witnessed a verbal consent, say).

        Raises:
            ValidationError: naming each bad field.
            NotFoundError: if the client does not exist.
        """
        client = Client.from_row(client_rows.get(self._store, client_id))
        problems: dict[str, str] = {}
        try:
            day = parse_date(given_on)
        except DateDoesNotExistError as error:
            day = None
            problems["given_on"] = date_problem(_("The date consent was given"), error)
        except ValueError:
            day = None
            problems["given_on"] = _(
                "Write the date consent was given as YYYY-MM-DD, for example 2026-03-05."
            )
        if day is None:
            problems.setdefault("given_on", "Enter the date consent was given.")
        elif day > clock.today():
            problems["given_on"] = _(
                "The consent date is in the future. Enter the day the client gave consent."
            )
        elif client.date_of_birth and day < client.date_of_birth:
            problems["given_on"] = _("The consent date is before the client was born. Check the year.")
        if method not in CONSENT_METHOD_LABELS:
            problems["method"] = _("Choose how consent was obtained: {join}.").format(
                join=", ".join(CONSENT_METHOD_LABELS.values())
            )
        version = clean(
            text_version if text_version is not None else self._settings.get().consent_text_version
        )
        if not version:
            problems["text_version"] = _("Enter the version of the consent text the client agreed to.")
        check_length(problems, "text_version", version, SHORT_TEXT, _("The version"))
        cleaned_note = clean(note)
        check_length(problems, "note", cleaned_note, LONG_TEXT, _("The note"))
        raise_if(problems)
        assert day is not None
        with self._store.write() as writer:
            consent_id = writer.insert(
                "consents",
                {
                    "client_id": client_id,
                    "given_on": day.isoformat(),
                    "text_version": version,
                    "method": method,
                    "note": cleaned_note,
                    "recorded_at": clock.stamp(),
                    "recorded_by": self._settings.get().practitioner_name,
                },
            )
        consent = next(c for c in self.consents_for(client_id) if c.id == consent_id)
        return OpResult(consent, Changes(consents=True, client_id=client_id))

    def consents_for(self, client_id: int) -> list[Consent]:
        """A client's consents, the latest first."""
        return [Consent.from_row(row) for row in rows.consents(self._store, client_id)]

    def has_consent(self, client_id: int) -> bool:
        """True when the client has any consent on file."""
        return session_rows.has_consent(self._store, client_id)
