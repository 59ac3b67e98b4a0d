"""Demo sessions: weeks of charting replayed through the session service, for the demo practice.

Each client gets one to ten weekly sessions marked from the starting protocol for their first
concern (a few points left out or added, as a practitioner adapts it), intradermal free markers on
some, reactions where they happen most (periorbital bruising, redness), and the needle count.
"""

from __future__ import annotations

import datetime as dt
import random

from acuchart.models import Mark
from acuchart.practice import Practice
from acuchart.protocols import ProtocolPreset, load_presets
from acuchart.storage import sessions as session_rows

_SESSION_HOURS = (9, 10, 11, 13, 14, 15, 16, 17)
_BRUISE_PRONE = ("ST2", "BL1", "ST1", "EX-HN7", "GB1", "EX-HN5")


def add_demo_sessions(practice: Practice, rng: random.Random, today: dt.date) -> None:
    """Give every client in the practice a realistic history of charted sessions.

    The second client (Sofía Domínguez in the demo cast, on aspirin) is sure to have a mild bruise
    at her left ST2 in her latest session.
    """
    presets = load_presets(practice.sessions.catalogue)
    clients = practice.clients.search("")
    for index, summary in enumerate(sorted(clients, key=lambda c: c.id)):
        client = practice.clients.get(summary.id)
        _ensure_consent(practice, client.id, today - dt.timedelta(days=7 * 11))
        preset = _preset_for(presets, client.concerns, rng)
        count = rng.randint(1, 10)
        latest_day = today - dt.timedelta(days=rng.randint(1, 6))
        for number in range(count):
            day = latest_day - dt.timedelta(days=7 * (count - 1 - number) + rng.randint(0, 1))
            started = dt.datetime.combine(
                day, dt.time(rng.choice(_SESSION_HOURS), rng.choice((0, 15, 30, 45)))
            )
            latest = number == count - 1
            _one_session(
                practice, rng, client.id, client.caution_flags, preset, started, bruise=latest and index == 1
            )


def _ensure_consent(practice: Practice, client_id: int, given_on: dt.date) -> None:
    if session_rows.has_consent(practice.store, client_id):
        return
    with practice.store.write() as w:
        w.insert(
            "consents",
            {
                "client_id": client_id,
                "given_on": given_on.isoformat(),
                "text_version": practice.settings.get().consent_text_version,
                "method": "signed paper form",
                "note": "",
                "recorded_at": w.at,
            },
        )


def _preset_for(
    presets: tuple[ProtocolPreset, ...], concerns: tuple[str, ...], rng: random.Random
) -> ProtocolPreset:
    matching = [p for p in presets if concerns and p.concern == concerns[0]]
    return matching[0] if matching else rng.choice(presets)


def _one_session(
    practice: Practice,
    rng: random.Random,
    client_id: int,
    flags: tuple[str, ...],
    preset: ProtocolPreset,
    started: dt.datetime,
    bruise: bool,
) -> None:
    service = practice.sessions
    catalogue = service.catalogue
    session = service.create(client_id, started_at=started, duration_min=rng.choice((40, 45, 45, 50, 60)))
    points = [
        (p.code, p.side)
        for p in preset.points
        if not ("pregnancy" in flags and catalogue.get(p.code).pregnancy_caution) and rng.random() > 0.12
    ]
    if bruise:
        points.append(("ST2", "left"))
    marks: list[Mark] = service.apply_protocol(session.id, points)
    if rng.random() < 0.4:
        x = rng.uniform(0.44, 0.47)
        marks.append(
            service.add_free_marker(
                session.id,
                "face",
                round(x, 3),
                round(rng.uniform(0.19, 0.23), 3),
                "Intradermal, forehead line",
                rng.randint(3, 6),
            )
        )
    if bruise:
        st2 = next(m for m in marks if m.code == "ST2" and m.side == "left")
        service.add_reaction(
            session.id, st2.id, "bruising", "mild", "during", "Pressed for 60 s; small blue mark."
        )
    elif marks and rng.random() < 0.3:
        prone = [m for m in marks if m.code in _BRUISE_PRONE] or marks
        kind = rng.choice(("bruising", "redness", "redness", "soreness"))
        severity = rng.choices(("mild", "moderate", "severe"), weights=(8, 3, 1))[0]
        onset = rng.choice(("during", "after", "later"))
        service.add_reaction(session.id, rng.choice(prone).id, kind, severity, onset)
    if rng.random() < 0.08:
        service.add_reaction(
            session.id, None, rng.choice(("headache", "fatigue", "dizziness")), "mild", "after"
        )
    inserted = sum(m.needles for m in marks)
    if rng.random() < 0.05 and inserted > 1:
        service.set_needles_removed(
            session.id, inserted - 1, "One needle found on the couch cover and disposed of."
        )
    else:
        service.set_needles_removed(session.id, inserted)
    if rng.random() < 0.5:
        service.update_details(session.id, notes=rng.choice(_NOTES))


_NOTES = (
    "Client relaxed quickly; skin a little dry around the eyes.",
    "Finer needles at the periorbital points today; pressed on removal.",
    "Client reports sleeping better since the last visit.",
    "Forehead lines look softer to the client; photos not taken.",
    "Slight redness on the cheeks at the start, settled by the end.",
)
