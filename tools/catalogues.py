"""Compile a translation catalogue: ``python -m tools.catalogues SOURCE.po TARGET.mo`` (``make`` runs it).

The messages are ``str.format`` templates, so ``pybabel compile``'s %-format check does not apply to
them ("10% or more" is no %-format); the placeholders are checked by tests/test_translations.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

from acuchart.i18n import compile_catalogue


def main(source: str, target: str) -> int:
    """Write ``target`` (.mo) from ``source`` (.po), whole or not at all."""
    out = Path(target)
    partial = out.with_suffix(".mo.partial")
    partial.write_bytes(compile_catalogue(Path(source)))
    partial.replace(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
