"""Messy client lists as other programs write them, for the import tests, the benchmark and a look by hand.

``python -m tests.imports_helpers OUT.csv [ROWS]`` writes one (Windows-1252, semicolons, day-first dates).
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

FIRST = [
    "Amélie",
    "Zoë",
    "François",
    "Siân",
    "Noémie",
    "Laura",
    "Rosa",
    "Anna",
    "Julia",
    "Nina",
    "Clara",
    "Eva",
    "Maya",
    "Léa",
    "Iris",
    "Ruth",
    "Alice",
    "Inès",
    "Chloé",
    "Hélène",
]
LAST = [
    "Durand",
    "Müller",
    "O'Brien",
    "García",
    "Nørgaard",
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
    "Dubois",
    "Lefèvre",
    "Peña",
    "Weiß",
    "Côté",
]
HEADER = [
    "Surname",
    "First name",
    "D.O.B.",
    "Mobile",
    "E-mail",
    "Street",
    "Town",
    "Postcode",
    "Medical history",
]


def messy_rows(count: int, seed: int = 3, ambiguous: bool = False) -> list[list[str]]:
    """``count`` rows of a client list: day-first dates, some with problems a real export has.

    Every 25th row has a malformed email, every 40th an impossible date, every 50th repeats an earlier person.
    ``ambiguous``: every day of the month is 12 or less, so the file does not say whether it is day first.
    """
    rng = random.Random(seed)
    rows: list[list[str]] = []
    for i in range(count):
        if i and i % 50 == 0:
            rows.append(list(rows[i - 7]))
            continue
        first, last = rng.choice(FIRST), rng.choice(LAST)
        born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 50))
        if ambiguous:
            born = born.replace(day=min(born.day, 12))
        email = f"{first[0].lower()}.{last.lower().replace(chr(39), '')}{i}@example.com"
        date = f"{born.day:02d}/{born.month:02d}/{born.year}"
        if i % 25 == 24:
            email = email.replace("@", " at ")
        if i % 40 == 39:
            date = f"31/02/{born.year}"
        rows.append(
            [
                last,
                first,
                date,
                f"07700 9{rng.randint(0, 99999):05d}",
                email,
                f"{rng.randint(1, 99)} Rue des Lilas",
                rng.choice(["Lyon", "Bristol", "Köln"]),
                f"BS{rng.randint(1, 9)} {rng.randint(1, 9)}AB",
                rng.choice(["", "", "Aspirin 75 mg daily", "Allergic to nickel; déjà vu"]),
            ]
        )
    return rows


def messy_csv(
    count: int,
    seed: int = 3,
    header: bool = True,
    encoding: str = "cp1252",
    delimiter: str = ";",
    ambiguous: bool = False,
) -> bytes:
    """The rows as a CSV file's bytes, in ``encoding`` with ``delimiter`` (values quoted where needed)."""
    import csv
    import io

    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    if header:
        writer.writerow(HEADER)
    writer.writerows(messy_rows(count, seed, ambiguous))
    return out.getvalue().encode(encoding)


if __name__ == "__main__":
    target = Path(sys.argv[1])
    target.write_bytes(
        messy_csv(int(sys.argv[2]) if len(sys.argv) > 2 else 200, ambiguous="--ambiguous" in sys.argv)
    )
    print(f"Wrote {target}")
