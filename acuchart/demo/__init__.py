"""A realistic demo practice with fictional clients, so a newcomer sees a populated app at once.

Everything goes through the same services the app uses: the demo is a practitioner's first months,
replayed. Each client's story (:mod:`acuchart.demo.stories`) becomes timed steps, and the steps of
all the stories run in time order with the practice clock stopped at each one, so every record and
audit entry carries the moment it would have been made, and a session is charted while it happens.
Dates are relative to today; the stories are the same on every run (a seeded random generator).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import random
import shutil
import tempfile
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from acuchart import clock
from acuchart.demo.photos import photo_steps
from acuchart.demo.stories import demo_stories, story_steps
from acuchart.demo.visits import Step
from acuchart.errors import StoreError
from acuchart.paths import photo_store_path
from acuchart.practice import Practice
from acuchart.services.clients import ClientForm

PRACTICE_OPENED_BEFORE = dt.timedelta(days=3)

# Fictional people. Any resemblance to real persons is coincidental.
_CLIENTS: list[dict[str, object]] = [
    {
        "first_name": "Amelia",
        "last_name": "Hartley",
        "concerns": ["wrinkles", "radiance"],
        "caution_flags": ["anticoagulants"],
        "caution_notes": "Fish oil 1 g daily; keeps taking it (discussed at intake).",
        "goals": "Soften forehead lines.",
    },
    {
        "first_name": "Sofía",
        "language": "es",  # her documents print in Spanish, whatever the practice speaks
        "last_name": "Domínguez",
        "concerns": ["dark_circles", "wrinkles"],
        "caution_flags": ["anticoagulants"],
        "caution_notes": "Low-dose aspirin 75 mg daily (cardiologist).",
    },
    {
        "first_name": "Grace",
        "last_name": "Okonkwo",
        "concerns": ["acne", "scars"],
        "caution_flags": ["keloid"],
    },
    {
        "first_name": "Hannah",
        "last_name": "Whitfield",
        "concerns": ["sagging", "wrinkles"],
        "caution_flags": ["pregnancy"],
        "caution_notes": "Pregnant, 14 weeks. Avoid LI4, SP6, BL60, BL67, GB21.",
    },
    {
        "first_name": "Mei",
        "last_name": "Lin",
        "preferred_name": "林美",
        "concerns": ["radiance", "wellbeing"],
        "caution_flags": [],
    },
    {
        "first_name": "Noa",
        "last_name": "Ben-David",
        "preferred_name": "נועה",
        "concerns": ["muscle_tension"],
        "caution_flags": ["migraine"],
        "caution_notes": "Migraine with aura about once a month.",
    },
    {
        "first_name": "Chloé",
        "language": "fr",
        "last_name": "Lefèvre",
        "concerns": ["wrinkles", "muscle_tension"],
        "caution_flags": ["fillers_botox"],
        "caution_notes": "Botulinum toxin to the glabella 3 weeks ago.",
    },
    {
        "first_name": "Priya",
        "last_name": "Raman",
        "concerns": ["dark_circles", "radiance"],
        "caution_flags": ["diabetes"],
    },
    {
        "first_name": "Ingrid",
        "last_name": "Solberg",
        "concerns": ["sagging"],
        "caution_flags": ["high_blood_pressure"],
    },
    {"first_name": "Fatima", "last_name": "Haddad", "concerns": ["acne", "radiance"], "caution_flags": []},
    {
        "first_name": "Olivia",
        "last_name": "Brennan",
        "concerns": ["wellbeing", "wrinkles"],
        "caution_flags": ["fainting"],
        "caution_notes": "Fainted once at a blood test; treat lying down, go slowly.",
    },
    {"first_name": "Zoë", "last_name": "Nakamura", "concerns": ["scars"], "caution_flags": ["metal_allergy"]},
    {
        "first_name": "Margaret",
        "last_name": "Osei",
        "concerns": ["sagging", "radiance"],
        "caution_flags": ["anticoagulants"],
        "caution_notes": "Warfarin; INR checked monthly.",
    },
    {
        "first_name": "Elena",
        "last_name": "Petrova",
        "concerns": ["wrinkles", "dark_circles"],
        "caution_flags": [],
    },
]

_EXTRA_FIRST = [
    "Laura",
    "Rosa",
    "Anna",
    "Julia",
    "Nina",
    "Clara",
    "Eva",
    "Maya",
    "Lea",
    "Iris",
    "Ruth",
    "Alice",
]
_EXTRA_LAST = [
    "Fischer",
    "Moreau",
    "Kowalski",
    "Santos",
    "Lindqvist",
    "Murphy",
    "Rossi",
    "Novak",
    "Jensen",
    "Byrne",
]


def demo_client_forms(count: int, rng: random.Random, today: dt.date) -> list[ClientForm]:
    """``count`` fictional clients: the named cast first, then generated ones."""
    forms = []
    for i in range(count):
        base = (
            dict(_CLIENTS[i])
            if i < len(_CLIENTS)
            else {
                "first_name": rng.choice(_EXTRA_FIRST),
                "last_name": rng.choice(_EXTRA_LAST),
                "concerns": rng.sample(["wrinkles", "sagging", "radiance", "dark_circles", "acne"], 2),
                "caution_flags": [],
            }
        )
        born = dt.date(today.year - rng.randint(28, 68), 1, 1) + dt.timedelta(days=rng.randint(0, 364))
        first = str(base["first_name"])
        last = str(base["last_name"])
        email_name = "".join(
            ch for ch in f"{first}.{last}".lower() if ch.isascii() and (ch.isalnum() or ch == ".")
        )
        forms.append(
            ClientForm(
                first_name=first,
                last_name=last,
                preferred_name=str(base.get("preferred_name", "")),
                date_of_birth=born,
                phone=f"07700 9{rng.randint(0, 99999):05d}",
                email=f"{email_name}@example.com",
                concerns=list(base["concerns"]),  # type: ignore[call-overload]
                skin_notes=rng.choice(
                    ["Dry, fine texture.", "Combination skin.", "Sensitive; flushes easily.", ""]
                ),
                goals=str(
                    base.get("goals")
                    or rng.choice(
                        ["Look less tired.", "Soften forehead lines.", "A brighter complexion.", ""]
                    )
                ),
                caution_flags=list(base["caution_flags"]),  # type: ignore[call-overload]
                caution_notes=str(base.get("caution_notes", "")),
                language=str(base.get("language", "")),
            )
        )
    return forms


def write_demo(path: Path | str, clients: int = 14, seed: int = 7) -> str:
    """Write a demo practice to a new file and return a one-line summary.

    The demo is written under a temporary name beside ``path`` and takes its name only when complete,
    so a demo that fails part way leaves nothing behind (and does not block the next try).

    Raises:
        StoreError: if the file already exists (a demo never overwrites anything), or the folder
            cannot take a new file.
    """
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise StoreError(f"{path} already exists. Choose a new file name for the demo; nothing was changed.")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise StoreError(
            f"AcuChart cannot create a file in {path.parent} ({exc.strerror or exc}). Choose a folder that "
            "exists and that you may write to; nothing was changed."
        ) from exc
    os.close(handle)
    temp = Path(name)
    try:
        summary = _write_practice(temp, clients, seed)
    except BaseException:
        _remove_with_sidecars(temp)
        raise
    _remove_with_sidecars(temp, keep_file=True)
    photos, final_photos = photo_store_path(temp), photo_store_path(path)
    if photos.exists():  # the photos go with the file: in place before the file takes its name
        if final_photos.exists():
            shutil.rmtree(photos)
            temp.unlink()
            raise StoreError(
                f"{final_photos} already exists. Choose a new file name for the demo; nothing was changed."
            )
        photos.rename(final_photos)
    try:
        _take_name(temp, path)
    except StoreError:
        if final_photos.exists() and not photos.exists():
            shutil.rmtree(final_photos)
        raise
    return summary


def _remove_with_sidecars(path: Path, keep_file: bool = False) -> None:
    """Remove ``path`` (unless ``keep_file``) and the journal and lock files SQLite and the app keep beside it
    (and, with the file, its photo folder)."""
    for suffix in ("-wal", "-shm", "-journal", ".lock", *(() if keep_file else ("",))):
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()
    if not keep_file:
        shutil.rmtree(photo_store_path(path), ignore_errors=True)


def _take_name(temp: Path, path: Path) -> None:
    """Give the finished demo its name; never over a file that appeared there meanwhile."""
    try:
        if path.exists() and path.stat().st_size == 0:
            os.replace(temp, path)  # an empty file was never a practice
            return
        try:
            os.link(temp, path)  # fails if a file took the name meanwhile
        except FileExistsError:
            raise
        except OSError:  # a disk without hard links: the name was free a moment ago
            if path.exists():
                raise FileExistsError(path) from None
            os.replace(temp, path)
            return
        temp.unlink()
    except FileExistsError as exc:
        temp.unlink()
        raise StoreError(
            f"{path} already exists. Choose a new file name for the demo; nothing was changed."
        ) from exc


def _write_practice(path: Path, clients: int, seed: int) -> str:
    """Replay the demo's stories into a new practice file at ``path``; the one-line summary."""
    rng = random.Random(seed)
    now = clock.now()
    practice = Practice.open(path, accept_empty=True)  # the empty file write_demo made for it
    try:
        forms = demo_client_forms(clients, rng, now.date())
        stories = demo_stories(forms, rng, now, practice.catalogue)
        steps = [step for story in stories for step in story_steps(practice, story)]
        steps += photo_steps(practice, stories)
        first = min((moment for moment, _ in steps), default=now)
        opened = dt.datetime.combine(first.date() - PRACTICE_OPENED_BEFORE, dt.time(8, 30))
        halfway = sorted(moment for moment, _ in steps)[len(steps) // 2] if steps else now
        replay(
            [(opened, partial(_set_up_practice, practice)), (halfway, partial(_new_box, practice)), *steps],
            now,
        )
        sessions = sum(len(practice.followups.client_history(c.id)) for c in practice.clients.search(""))
        photos = practice.store.scalar("select count(*) from photos")
        return f"{practice.clients.count()} clients, {sessions} sessions, {photos} photos"
    finally:
        practice.close()


def replay(steps: Iterable[Step], now: dt.datetime) -> None:
    """Run the steps in time order (ties in the order given), each with the clock stopped at its moment.

    A moment after ``now`` (a session still going on) runs at ``now``.
    """
    ordered = sorted(enumerate(steps), key=lambda item: (min(item[1][0], now), item[0]))
    for _, (moment, action) in ordered:
        with clock.frozen_at(min(moment, now)):
            action()


def _new_box(practice: Practice) -> None:
    """Halfway through the demo's weeks the first box of facial needles is used up and a new one opened."""
    used_up = next(lot for lot in practice.needle_lots.open_lots() if lot.lot_number == "22B1187")
    practice.needle_lots.finish_lot(used_up.id)
    practice.needle_lots.open_lot("Seirin J-type", "0.16", "15 mm", "23A0733", expires_on="2030-01-31")


def _set_up_practice(practice: Practice) -> None:
    practice.needle_lots.open_lot("Seirin J-type", "0.16", "15 mm", "22B1187", expires_on="2029-03-31")
    practice.needle_lots.open_lot("Seirin J-type", "0.20", "30 mm", "22C0419", expires_on="2029-05-31")
    practice.note_templates.save(
        "Every visit",
        "",
        "How have you slept since last time?\nAnything new: medicines, fillers, skin products?",
        [],
    )
    practice.note_templates.save(
        "Lines and wrinkles",
        "wrinkles",
        "Which lines bother you most this week?\nSun exposure since last time?",
        ["wrinkles", "glogau"],
    )
    practice.settings.update(
        practice_name="Willow Lane Facial Acupuncture",
        practitioner_name="Dr. Jane Doe, L.Ac.",
        licence_number="AC-104233",
        address="12 Willow Lane, Bristol BS1 4DJ",
        phone="0117 496 0000",
        email="hello@willowlane.example",
    )
