"""``make bench``: run every benchmark and print its figures (``python -m tests.benchmarks [NAME ...] [--skip-largest]``).

``--skip-largest`` (or ``ACUCHART_BENCH_SKIP_LARGEST=1``) leaves the 100,000-client practice out of the growth table.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main(names: list[str]) -> int:
    """Run the named benchmarks (default: all ``bench_*`` modules beside this file)."""
    here = Path(__file__).parent
    modules = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    names = [n for n in names if not n.startswith("--")]  # options are read by the benchmarks themselves
    chosen = [m for m in modules if not names or any(n in m for n in names)]
    failures = 0
    for name in chosen:
        print(f"\n== {name} ==", flush=True)
        module = importlib.import_module(f"tests.benchmarks.{name}")
        figures = module.run()
        for check, ok in getattr(module, "verdicts", lambda f: {})(figures).items():
            print(f"  {'PASS' if ok else 'MISS'}  {check}")
            failures += not ok
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
