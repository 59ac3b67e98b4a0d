"""AcuChart: with no subcommand, the desktop app; with one, the command-line face (``--help`` lists them)."""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the GUI or a subcommand."""
    words = sys.argv[1:] if argv is None else argv
    start = app_start(words)
    if start is not None:
        from ui.app import run

        db, demo = start
        return run(db, demo=demo)
    from acuchart.cli import build_parser, run_command

    args = build_parser().parse_args(words)
    if args.command is None:
        from ui.app import run

        return run(args.db, demo=args.demo)
    return run_command(args)


def app_start(words: list[str]) -> tuple[Path | None, bool] | None:
    """``--db PATH`` and ``--demo`` (the app's own start), read without building the whole command line,
    which takes some 10 ms the window should not wait for; None for anything else (subcommands, help,
    mistakes), which the full parser reads and explains."""
    db: Path | None = None
    demo = False
    rest = list(words)
    while rest:
        word = rest.pop(0)
        if word == "--demo":
            demo = True
        elif word == "--db" and rest and not rest[0].startswith("-"):
            db = Path(rest.pop(0))
        elif word.startswith("--db=") and len(word) > len("--db="):
            db = Path(word.removeprefix("--db="))
        else:
            return None
    return db, demo


if __name__ == "__main__":
    sys.exit(main())
