"""Photo consent, apart from consent to treatment: which uses the client allows, and since when.

Three uses are asked about separately: the clinical record (needed before any photo is taken or
imported), teaching, and marketing (both opt-in; refusing them changes nothing about treatment).
Each decision is a row of its own, never changed: the latest decision for a use is the one in force,
so withdrawing a use is one more row, in force from that moment on every screen and document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from acuchart import clock
from acuchart.changes import Changes, OpResult
from acuchart.dates import short_date
from acuchart.errors import AcuChartError
from acuchart.i18n import _
from acuchart.models import (
    CONSENT_METHOD_LABELS,
    PHOTO_USE_LABELS,
    Client,
    PhotoConsent,
    PhotoConsentDecision,
)
from acuchart.services.record_rules import raise_if
from acuchart.services.settings import SettingsService
from acuchart.storage import clients as client_rows
from acuchart.storage import photos as rows
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


class PhotoConsentMissingError(AcuChartError):
    """A photo was about to be stored for a client who has not consented to photos in the clinical record."""


class PhotoConsentService:
    """Recording, withdrawing and reading photo consent.

    Args:
        store: the open practice file.
        settings: the practice settings (the consent text's version; who records it).
    """

    def __init__(self, store: Store, settings: SettingsService) -> None:
        self._store = store
        self._settings = settings

    def consent_of(self, client_id: int) -> PhotoConsent:
        """Where the client's photo consent stands, with every decision."""
        return PhotoConsent(
            client_id,
            tuple(PhotoConsentDecision.from_row(r) for r in rows.consent_decisions(self._store, client_id)),
        )

    def may_use(self, client_id: int, use: str) -> tuple[bool, str]:
        """``(True, "")`` when the client allows photos to be used for ``use``, else ``(False, why)``."""
        consent = self.consent_of(client_id)
        if consent.allows(use):
            return True, ""
        label = _phrase(use)
        latest = consent.latest(use)
        if latest is None:
            return False, _("The client has not been asked about photos for {label}.").format(label=label)
        when = short_date(latest.decided_on)
        return False, _("The client {decision} consent to photos for {label} on {when}.").format(
            decision=latest.decision, label=label, when=when
        )

    def require_clinical(self, client_id: int) -> None:
        """Raise :class:`PhotoConsentMissingError` unless photos for the clinical record are allowed."""
        allowed, why = self.may_use(client_id, "clinical")
        if not allowed:
            raise PhotoConsentMissingError(
                _(
                    "No photo can be stored: {why} Record the client's photo consent first (client page → Photo consent…)."
                ).format(why=why)
            )

    def require(self, client_id: int, use: str) -> None:
        """Raise :class:`PhotoConsentMissingError` unless the client allows photos to be used for ``use``."""
        allowed, why = self.may_use(client_id, use)
        if not allowed:
            label = _phrase(use)
            raise PhotoConsentMissingError(
                _("The photos cannot be used for {label}: {why} Nothing was saved.").format(
                    label=label, why=why
                )
            )

    def record(
        self,
        client_id: int,
        choices: Mapping[str, bool],
        given_on: dt.date | str | None,
        method: str,
        text_version: str | None = None,
        note: str = "",
    ) -> OpResult[PhotoConsent]:
        """Record the client's answer for each use in ``choices`` (True: given, False: refused), in one go.

        Raises:
            ValidationError: naming each bad field (no use chosen, a date in the future, ...).
            NotFoundError: the client does not exist.
        """
        client = Client.from_row(client_rows.get(self._store, client_id))
        problems: dict[str, str] = {}
        if not choices:
            problems["uses"] = _("Say, for at least one use, whether the client agrees.")
        for use in choices:
            if use not in PHOTO_USE_LABELS:
                problems["uses"] = _("Photo consent covers {lower}.").format(
                    lower=", ".join(PHOTO_USE_LABELS.values()).lower()
                )
        day = self._day(problems, "given_on", given_on, client)
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
            for use, given in choices.items():
                writer.insert(
                    "photo_consents",
                    {
                        "client_id": client_id,
                        "use": use,
                        "decision": "given" if given else "refused",
                        "decided_on": day.isoformat(),
                        "text_version": version,
                        "method": method,
                        "note": cleaned_note,
                        "recorded_at": clock.stamp(),
                        "recorded_by": self._settings.get().practitioner_name,
                    },
                )
        return OpResult(self.consent_of(client_id), _changes(client_id))

    def withdraw(
        self, client_id: int, use: str, on: dt.date | str | None = None, note: str = ""
    ) -> OpResult[PhotoConsent]:
        """The client withdraws consent to one use, from ``on`` (today by default): in force at once.

        Raises:
            ValidationError: the use is not one the client has consented to, or the date is wrong.
        """
        client = Client.from_row(client_rows.get(self._store, client_id))
        consent = self.consent_of(client_id)
        problems: dict[str, str] = {}
        if not consent.allows(use):
            problems["use"] = _("There is no consent to photos for {phrase} to withdraw.").format(
                phrase=_phrase(use)
            )
        day = self._day(problems, "withdrawn_on", on if on is not None else clock.today(), client)
        latest = consent.latest(use)
        if day is not None and latest is not None and day < latest.decided_on:
            problems["withdrawn_on"] = _("Consent cannot be withdrawn before the day it was given.")
        cleaned_note = clean(note)
        check_length(problems, "note", cleaned_note, LONG_TEXT, _("The note"))
        raise_if(problems)
        assert day is not None and latest is not None
        with self._store.write() as writer:
            writer.insert(
                "photo_consents",
                {
                    "client_id": client_id,
                    "use": use,
                    "decision": "withdrawn",
                    "decided_on": day.isoformat(),
                    "text_version": latest.text_version,
                    "method": latest.method,
                    "note": cleaned_note,
                    "recorded_at": clock.stamp(),
                    "recorded_by": self._settings.get().practitioner_name,
                },
            )
        return OpResult(self.consent_of(client_id), _changes(client_id))

    @staticmethod
    def _day(
        problems: dict[str, str], field: str, value: dt.date | str | None, client: Client
    ) -> dt.date | None:
        try:
            day = parse_date(value)
        except DateDoesNotExistError as error:
            problems[field] = date_problem(_("The date"), error)
            return None
        except ValueError:
            problems[field] = _("Write the date as YYYY-MM-DD, for example 2026-03-05.")
            return None
        if day is None:
            problems[field] = _("Enter the date.")
        elif day > clock.today():
            problems[field] = _("The date is in the future. Enter the day the client said so.")
        elif client.date_of_birth and day < client.date_of_birth:
            problems[field] = _("The date is before the client was born. Check the year.")
        return day


def _changes(client_id: int) -> Changes:
    # Photos too: every screen and document that shows them must hear that what is allowed changed.
    return Changes(consents=True, photos=True, client_id=client_id)


def _phrase(use: str) -> str:
    """The use as it reads after "photos for": "the clinical record", "teaching", "marketing"."""
    return _("the clinical record") if use == "clinical" else PHOTO_USE_LABELS.get(use, use).lower()
