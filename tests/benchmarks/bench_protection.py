"""A protected practice's cost (``python -m tests.benchmarks protection``; not a timed test).

On a 10,000-client / 150,000-session practice, a plain copy and a protected copy of the same file:

- Opening the protected practice, the passphrase's key derivation included: <= 1 s.
- Opening (without the key derivation), type-ahead, the client count, the client list's first page, a
  client's sessions and one saved change: each within 1.3x of the same on the plain copy, the two
  interleaved in the same run.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.benchmarks.harness import interleaved_ms, median, show

OPEN_BUDGET_S = 1.0
RATIO_BUDGET = 1.3
PASSPHRASE = "benchmark passphrase here"
ROUNDS = 15


def run() -> dict[str, float]:
    from acuchart.encryption import new_protection, protect, unlock_key
    from acuchart.practice import Practice
    from acuchart.storage import cipher
    from tests.benchmarks.practices import build

    folder = Path(tempfile.mkdtemp(prefix="acuchart-bench-protect-"))
    try:
        plain = folder / "plain.acuchart"
        built = build(plain, 10_000)
        protected = folder / "protected.acuchart"
        shutil.copy(plain, protected)
        protect(protected, new_protection(PASSPHRASE))
        cipher.forget_key(protected)

        opens = []
        for _ in range(5):
            begin = time.perf_counter()
            practice = Practice.open(protected, passphrase=PASSPHRASE)
            practice.clients.search("har")
            opens.append(time.perf_counter() - begin)
            practice.close()
        figures: dict[str, float] = {"open_with_passphrase_s": median(opens)}
        show("open a protected 10,000-client practice, key derivation included", median(opens) * 1000, "ms")

        key = unlock_key(protected, passphrase=PASSPHRASE)
        _compare(
            figures,
            "open (no key derivation)",
            {
                "plain": lambda: Practice.open(plain).close(),
                "protected": lambda: Practice.open(protected, key=key).close(),
            },
        )
        practices = {"plain": Practice.open(plain), "protected": Practice.open(protected, key=key)}
        try:
            for name, work in _work(practices, built.big_client_id).items():
                _compare(figures, name, work)
        finally:
            for practice in practices.values():
                practice.close()
        return figures
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _compare(figures: dict[str, float], name: str, work: dict[str, Callable[[], object]]) -> None:
    timed = interleaved_ms(work, ROUNDS)
    ratio = median(timed["protected"]) / max(median(timed["plain"]), 1e-6)
    figures[f"{name}_ratio"] = ratio
    show(
        f"{name}: protected {median(timed['protected']):.2f} ms vs plain {median(timed['plain']):.2f} ms",
        ratio,
        "x",
    )


def _work(practices: dict[str, object], client_id: int) -> dict[str, dict[str, Callable[[], object]]]:
    from acuchart.practice import Practice
    from acuchart.services.clients import ClientForm

    def each(fn: Callable[[Practice], object]) -> dict[str, Callable[[], object]]:
        return {name: (lambda p=practice: fn(p)) for name, practice in practices.items()}  # type: ignore[misc]

    return {
        "type-ahead 'har'": each(lambda p: p.clients.search("har")),
        "client count": each(lambda p: p.clients.count()),
        "a client's sessions": each(lambda p: p.sessions.sessions_for_client(client_id)),
        "one saved change": each(lambda p: p.settings.update(phone=f"0{time.perf_counter_ns() % 10**9}")),
        "import 200 clients in one go": each(
            lambda p: p.clients.create_many(
                [
                    ClientForm(first_name="Bulk", last_name=f"Import-{time.perf_counter_ns()}-{i}")
                    for i in range(200)
                ]
            )
        ),
    }


def verdicts(figures: dict[str, float]) -> dict[str, bool]:
    found = {f"open with passphrase <= {OPEN_BUDGET_S} s": figures["open_with_passphrase_s"] <= OPEN_BUDGET_S}
    for name, value in figures.items():
        if name.endswith("_ratio"):
            found[f"{name[:-6]} within {RATIO_BUDGET}x of plain"] = value <= RATIO_BUDGET
    return found
