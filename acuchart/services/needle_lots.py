"""Needle lots: each box entered once (brand, gauge × length, lot number), used by every session until it is
used up, and found again in seconds when a manufacturer recalls a lot.

A new session takes the boxes open at that moment (:meth:`acuchart.services.sessions.SessionService.create`
links them in its own transaction); the practitioner can change a session's boxes until it is signed.
A lot number is kept exactly as typed and found whatever its case, spaces or dashes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from acuchart import clock
from acuchart.changes import Changes, OpResult
from acuchart.errors import ValidationError
from acuchart.i18n import _
from acuchart.models.tcm import LotUse, NeedleLot
from acuchart.services import session_writes as writes
from acuchart.services.record_rules import raise_if
from acuchart.storage import note as rows
from acuchart.storage.store import Store
from acuchart.text import SHORT_TEXT, DateDoesNotExistError, check_length, clean, date_problem, parse_date

_NOT_LOT_CHARACTERS = re.compile(r"[\s\-_./]+")


def lot_key(lot_number: str) -> str:
    """A lot number as a recall compares it: case, spaces, dashes, dots and slashes ignored."""
    return _NOT_LOT_CHARACTERS.sub("", lot_number).casefold()


class NeedleLotService:
    """Entering boxes of needles, the boxes a session used, and the recall lookup."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def open_lot(
        self,
        brand: str,
        gauge: str,
        length: str,
        lot_number: str,
        expires_on: dt.date | str | None = None,
        opened_on: dt.date | str | None = None,
    ) -> OpResult[NeedleLot]:
        """Enter a new box: from now on every new session uses it, until it is marked used up.

        Raises:
            ValidationError: a field is missing or too long, or a date cannot be read.
        """
        problems: dict[str, str] = {}
        row = {
            "brand": _required(problems, "brand", brand, _("the brand")),
            "gauge": _required(problems, "gauge", gauge, _("the gauge (for example 0.16)")),
            "length": _required(problems, "length", length, _("the length (for example 15 mm)")),
            "lot_number": _required(
                problems, "lot_number", lot_number, _("the lot number as printed on the box")
            ),
            "opened_on": (_day(problems, "opened_on", opened_on) or clock.today()).isoformat(),
            "expires_on": _iso(_day(problems, "expires_on", expires_on)),
            "created_at": clock.stamp(),
        }
        raise_if(problems)
        with self._store.write() as w:
            lot_id = w.insert("needle_lots", row)
        return OpResult(NeedleLot.from_row(rows.lot(self._store, lot_id)), Changes(sessions=True))

    def finish_lot(self, lot_id: int, on: dt.date | None = None) -> OpResult[NeedleLot]:
        """Mark a box used up: new sessions stop taking it (sessions that used it keep it)."""
        with self._store.write() as w:
            w.update("needle_lots", lot_id, {"finished_on": (on or clock.today()).isoformat()})
        return OpResult(NeedleLot.from_row(rows.lot(self._store, lot_id)), Changes(sessions=True))

    def open_lots(self) -> list[NeedleLot]:
        """The boxes in use now."""
        return [NeedleLot.from_row(row) for row in rows.open_lots(self._store)]

    def all_lots(self) -> list[NeedleLot]:
        """Every box ever entered, the newest first."""
        return [NeedleLot.from_row(row) for row in rows.all_lots(self._store)]

    def lots_for_session(self, session_id: int) -> list[NeedleLot]:
        """The boxes a session's needles came from."""
        return [NeedleLot.from_row(row) for row in rows.session_lots(self._store, session_id)]

    def set_session_lots(self, session_id: int, lot_ids: Iterable[int]) -> OpResult[list[NeedleLot]]:
        """The boxes a session's needles came from, as a whole (adds and removes links).

        Raises:
            SignedSessionError: the session is signed.
            ValidationError: a lot that does not exist.
        """
        wanted = list(dict.fromkeys(lot_ids))
        known = {row["id"] for row in rows.all_lots(self._store)}
        if any(lot_id not in known for lot_id in wanted):
            raise ValidationError({"lots": _("Choose boxes of needles that have been entered.")})
        with writes.SessionWrite(self._store, session_id) as w:
            client_id = w.get("sessions", session_id)["client_id"]
            links = {row["lot_id"]: row["id"] for row in rows.session_lot_links(self._store, session_id)}
            for lot_id, link_id in links.items():
                if lot_id not in wanted:
                    w.delete("session_lots", link_id)
            for lot_id in wanted:
                if lot_id not in links:
                    w.insert("session_lots", {"session_id": session_id, "lot_id": lot_id})
        changes = Changes(sessions=True, client_id=client_id, session_id=session_id)
        return OpResult(self.lots_for_session(session_id), changes)

    def uses_of(self, lot_number: str) -> list[LotUse]:
        """Every session (with its client and how to reach them) that used a lot, newest first.

        The number may be typed in any case, with or without its spaces and dashes.
        """
        key = lot_key(lot_number)
        if not key:
            return []
        ids = [lot_id for lot_id, number in rows.lot_numbers(self._store) if lot_key(number) == key]
        titles: dict[str, str] = {}
        uses = []
        parse = dt.datetime.fromisoformat
        for (
            number,
            brand,
            gauge,
            length,
            session_id,
            started_at,
            client_id,
            name,
            phone,
            email,
        ) in rows.lot_uses(self._store, ids):
            title = titles.get(number) or titles.setdefault(
                number, f"{brand} {gauge} × {length}, lot {number}"
            )
            uses.append(LotUse(number, title, session_id, parse(started_at), client_id, name, phone, email))
        return uses


def _required(problems: dict[str, str], field: str, value: str, what: str) -> str:
    text = clean(value)
    if not text:
        problems[field] = _("Enter {what}.").format(what=what)
    check_length(problems, field, text, SHORT_TEXT, what.capitalize())
    return text


def _day(problems: dict[str, str], field: str, value: dt.date | str | None) -> dt.date | None:
    try:
        return parse_date(value)
    except DateDoesNotExistError as error:
        problems[field] = date_problem(_("The date"), error)
        return None
    except ValueError:
        problems[field] = _("Write the date as YYYY-MM-DD, for example 2027-03-31.")
        return None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
