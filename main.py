"""AcuChart: with no subcommand, the desktop app; with one, the command-line face (``--help`` lists them)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the GUI or a subcommand."""
    from acuchart.cli import build_parser, run_command

    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.command is None:
        from ui.app import run

        return run(args.db, demo=args.demo)
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
