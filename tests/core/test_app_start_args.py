"""The app's own start (``--db``, ``--demo``) is read without the full command line, and reads the same
as the full parser would; anything else goes to the full parser, which explains mistakes."""

from __future__ import annotations

from pathlib import Path

import pytest

from acuchart.cli import build_parser
from main import app_start


@pytest.mark.parametrize(
    "words",
    [
        [],
        ["--demo"],
        ["--db", "clinic.acuchart"],
        ["--db=clinic.acuchart", "--demo"],
        ["--demo", "--db", "a b"],
    ],
)
def test_the_apps_start_reads_as_the_full_parser_does(words: list[str]) -> None:
    start = app_start(words)
    full = build_parser().parse_args(words)
    assert start is not None
    assert full.command is None
    assert start == (full.db, full.demo)


@pytest.mark.parametrize(
    "words",
    [
        ["check"],
        ["--help"],
        ["--version"],
        ["--db"],
        ["--db", "--demo"],
        ["--db="],
        ["clients", "ha"],
        ["-x"],
    ],
)
def test_anything_else_goes_to_the_full_parser(words: list[str]) -> None:
    assert app_start(words) is None


def test_a_practice_file_named_like_an_option_is_still_a_path() -> None:
    assert app_start(["--db=-odd.acuchart"]) == (Path("-odd.acuchart"), False)
