"""The command-line face, in the manner of calibre's ``calibredb``: ``python main.py SUBCOMMAND ...``."""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from acuchart import __version__
from acuchart.errors import AcuChartError, NotFoundError, NotSQLiteError, StoreError
from acuchart.i18n import LANGUAGES, _
from acuchart.logs import setup_logging
from acuchart.paths import default_practice_path, log_path

if TYPE_CHECKING:
    from acuchart.practice import Practice

log = logging.getLogger("acuchart.cli")

Command = Callable[[argparse.Namespace], int]
_COMMANDS: dict[str, Command] = {}


def command(name: str) -> Callable[[Command], Command]:
    """Register a subcommand's implementation."""

    def register(fn: Command) -> Command:
        _COMMANDS[name] = fn
        return fn

    return register


_DEFAULT_FILE = "{default practice file}"


class _Parser(argparse.ArgumentParser):
    """An argument parser that works out the default practice file only when help is printed: the
    lookup loads platformdirs, some 15 ms that the app's start should not wait for."""

    def format_help(self) -> str:
        return super().format_help().replace(_DEFAULT_FILE, str(default_practice_path()))


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: GUI options and every subcommand."""
    parser = _Parser(
        prog="acuchart",
        description=_("AcuChart: charting for cosmetic acupuncture. Without a subcommand, opens the app."),
    )
    parser.add_argument(
        "--version", action="version", version=_("AcuChart {version__}").format(version__=__version__)
    )
    parser.add_argument(
        "--db",
        type=Path,
        help=_("the practice file (default: the one last opened in the app, else {DEFAULT_FILE})").format(
            DEFAULT_FILE=_DEFAULT_FILE
        ),
    )
    parser.add_argument(
        "--demo", action="store_true", help=_("open the app on a fresh demo practice in a temporary file")
    )
    sub = parser.add_subparsers(dest="command", title="subcommands", metavar="SUBCOMMAND")

    demo = sub.add_parser("demo", help=_("write a realistic demo practice (fictional clients) to a new file"))
    demo.add_argument("path", type=Path, help="where to write it; must not exist yet")
    demo.add_argument("--clients", type=int, default=14, help=_("how many clients (default 14)"))

    sub.add_parser("check", help=_("check the practice file: integrity, foreign keys and the audit trail"))

    clients = sub.add_parser(
        "clients", help=_("list clients matching a search (name, phone, email, birth date)")
    )
    clients.add_argument("query", nargs="?", default="", help=_("what to search for (empty: everyone)"))
    clients.add_argument("--archived", action="store_true", help=_("include archived clients"))
    lot = sub.add_parser("lot", help=_("every client and session that used a needle lot (for a recall)"))
    lot.add_argument(
        "lot_number", metavar="LOT", help=_("the lot number as printed on the box (any case or spacing)")
    )
    _add_document_parsers(sub)
    from acuchart.open_data_cli import add_parsers  # export, fhir, import-clients

    _COMMANDS.update(add_parsers(sub))
    _add_photo_parsers(sub)
    from acuchart.cli_backup import add_backup_parsers  # backup, backups, restore

    add_backup_parsers(sub)
    return parser


def _add_photo_parsers(sub: argparse._SubParsersAction[_Parser]) -> None:
    """``photo-import`` and ``photos``: bring photos into a session; list a client's photos."""
    from acuchart.models.photos import PHOTO_VIEWS

    photo_import = sub.add_parser(
        "photo-import", help=_("import photos (JPEG, PNG, HEIC) into a session, metadata removed")
    )
    photo_import.add_argument("session", type=int, metavar="SESSION_ID", help=_("the session's number"))
    photo_import.add_argument("files", type=Path, nargs="+", metavar="FILE", help=_("the photo files"))
    photo_import.add_argument(
        "--view", required=True, choices=[key for key, _ in PHOTO_VIEWS], help=_("the view the photos show")
    )
    photo_import.add_argument("--label", default="", help=_("what a close-up shows, e.g. 'left cheek'"))
    photos = sub.add_parser("photos", help=_("list a client's photos: id, session, view, taken at, sha256"))
    photos.add_argument("client", type=int, metavar="CLIENT_ID", help=_("the client's number"))
    photos.add_argument("--hidden", action="store_true", help=_("include photos hidden from the record"))


def _add_document_parsers(sub: argparse._SubParsersAction[_Parser]) -> None:
    """``handout``, ``summary``, ``chart`` and ``consent``: print a document to a PDF file."""
    documents = (
        (
            "handout",
            "SESSION_ID",
            "session",
            _("the handout for a session: points, reactions, aftercare, next visit"),
        ),
        ("summary", "CLIENT_ID", "client", _("a client's course summary: sessions, ratings, reactions")),
        ("chart", "CLIENT_ID", "client", _("a client's whole record for an auditor or another clinician")),
        ("consent", "CLIENT_ID", "client", _("a consent form for the client to read and sign")),
    )
    for name, metavar, what, help_text in documents:
        parser = sub.add_parser(name, help=_("write {help_text} (PDF)").format(help_text=help_text))
        number_help = _("the session's number") if what == "session" else _("the client's number")
        parser.add_argument("id", type=int, metavar=metavar, help=number_help)
        parser.add_argument(
            "-o", "--output", type=Path, required=True, metavar="FILE.pdf", help=_("where to write the PDF")
        )
        parser.add_argument(
            "--language",
            metavar="CODE",
            help=_("the language to print in: {codes} (default: the client's, else the practice's)").format(
                codes=", ".join(LANGUAGES)
            ),
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help=_(
                "replace FILE.pdf even when it is not a PDF (the practice's own files are never replaced)"
            ),
        )
        # Also accepted after the subcommand; SUPPRESS keeps a --db given before it.
        parser.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=_("the practice file"))
        if name == "summary":
            parser.add_argument(
                "--course", type=int, metavar="COURSE_ID", help=_("this course (default: the current one)")
            )
        if name == "chart":
            parser.add_argument("--purpose", default="", help=_("why the record is exported, printed on it"))


def run_command(args: argparse.Namespace) -> int:
    """Run one subcommand; problems go to stderr as plain sentences, details to the log file."""
    setup_logging()
    try:
        return _COMMANDS[args.command](args)
    except AcuChartError as exc:
        print(f"acuchart: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except sqlite3.DatabaseError as exc:
        # A read that met damage or a failing disk: named, never "something unexpected".
        from acuchart.storage.faults import open_failure

        log.warning("Storage error in %s: %s", args.command, exc)
        print(f"acuchart: {open_failure(exc, practice_path(args))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (``check | head``): not an error, and nothing more to say to it.
        sys.stderr.close()
        return 0
    except Exception:
        log.error("Unexpected error in %s\n%s", args.command, traceback.format_exc())
        print(
            f"acuchart: something unexpected went wrong; nothing more was changed. Details: {log_path()}",
            file=sys.stderr,
        )
        return 3


def practice_path(args: argparse.Namespace) -> Path:
    """The practice file a subcommand works on."""
    return Path(args.db) if args.db else default_practice_path()


@command("demo")
def _demo(args: argparse.Namespace) -> int:
    from acuchart.demo import write_demo

    summary = write_demo(args.path, clients=args.clients)
    print(f"Wrote a demo practice to {args.path}: {summary}")
    return 0


@command("check")
def _check(args: argparse.Namespace) -> int:
    from acuchart.check import check_file
    from acuchart.cli_backup import backup_advice

    path = practice_path(args)
    try:
        report = check_file(path)
    except NotSQLiteError as exc:  # another kind of file, or a practice whose header was overwritten
        raise NotSQLiteError(" ".join([str(exc), *backup_advice(path, found_only=True)])) from exc
    if not report.ok:
        report.advice += backup_advice(path)
    print(report.text())
    return 0 if report.ok else 1


@command("backup")
def _backup(args: argparse.Namespace) -> int:
    from acuchart.cli_backup import run_backup

    return run_backup(practice_path(args), args.to)


@command("backups")
def _backups(args: argparse.Namespace) -> int:
    from acuchart.cli_backup import run_backups

    return run_backups(practice_path(args), args.verify)


@command("restore")
def _restore(args: argparse.Namespace) -> int:
    from acuchart.cli_backup import run_restore

    return run_restore(practice_path(args), args.backup, args.yes)


@command("clients")
def _clients(args: argparse.Namespace) -> int:
    practice = _existing_practice(args)
    try:
        found = practice.clients.search(args.query, include_archived=args.archived)
        for client in found:
            born = client.date_of_birth or "          "
            print(f"{client.id:6d}  {born}  {client.display_name}{'  (archived)' if client.archived else ''}")
        if not found:
            archived = "" if args.archived else _(" (add --archived to search archived clients too)")
            print(
                f"No client matches “{args.query}”{archived}." if args.query else "There are no clients yet."
            )
    finally:
        practice.close()
    return 0


@command("lot")
def _lot(args: argparse.Namespace) -> int:
    practice = _existing_practice(args)
    try:
        uses = practice.needle_lots.uses_of(args.lot_number)
    finally:
        practice.close()
    if not uses:
        print(f"No session used a needle lot matching {args.lot_number!r}.")
        return 0
    print(f"{len(uses)} session{'s' if len(uses) != 1 else ''} used {uses[0].lot_title}:")
    for use in uses:
        contact = "  ".join(v for v in (use.phone, use.email) if v)
        print(f"  {use.started_at:%Y-%m-%d %H:%M}  session {use.session_id:<6d} {use.client_name}  {contact}")
    return 0


def _existing_practice(args: argparse.Namespace) -> Practice:
    """The practice file named by ``--db`` (or the default one), which must exist already."""
    from acuchart.practice import Practice

    path = practice_path(args)
    if not path.exists():
        raise StoreError(
            _("There is no practice file at {path}. Name the practice file with --db FILE.").format(path=path)
        )
    return Practice.open(path)


_LARGEST_ID = 2**63 - 1
"""SQLite's largest integer: no record can have an id beyond it."""


def _check_id(number: int | None, what: str) -> None:
    """An id no record can have is simply not found (sqlite3 would take it for an error of ours)."""
    if number is not None and not -_LARGEST_ID - 1 <= number <= _LARGEST_ID:
        raise NotFoundError(
            (
                _("No session with id {number} exists in this practice file.")
                if what == "session"
                else _("No course with id {number} exists in this practice file.")
                if what == "course"
                else _("No client with id {number} exists in this practice file.")
            ).format(number=number)
        )


@command("handout")
@command("summary")
@command("chart")
@command("consent")
def _document(args: argparse.Namespace) -> int:
    from acuchart.reports import documents

    _check_id(args.id, "session" if args.command == "handout" else "client")
    _check_id(getattr(args, "course", None), "course")
    practice = _existing_practice(args)
    protected = practice.protected_places()
    try:
        if args.command == "handout":
            document = documents.handout(practice, args.id, args.language)
        elif args.command == "summary":
            document = documents.course_summary(
                practice, client_id=args.id, course_id=args.course, language=args.language
            )
        elif args.command == "chart":
            document = documents.chart_export(practice, args.id, args.purpose, args.language)
        else:
            document = documents.consent_form(practice, args.id, args.language)
    finally:
        practice.close()
    for note in document.notes:
        print(_("Note: {note}").format(note=note), file=sys.stderr)
    try:
        written = documents.save(document, args.output, protected=protected, replace_other=args.force)
    except documents.NotAPdfError as exc:
        raise documents.NotAPdfError(exc.path, hint=_("Add --force to replace it anyway.")) from None
    print(_("Wrote {title} to {path}").format(title=document.title, path=written))
    return 0


@command("photo-import")
def _photo_import(args: argparse.Namespace) -> int:
    """Each file is its own operation: a bad one is named and skipped, the others are stored."""
    from acuchart.photos.images import PhotoImportError

    practice = _existing_practice(args)
    failed = 0
    try:
        for path in args.files:
            try:
                photo = practice.photos.import_file(args.session, path, args.view, args.label).value
            except PhotoImportError as exc:  # other refusals (no consent, a full disk) stop the import
                print(f"acuchart: {exc}", file=sys.stderr)
                failed += 1
                continue
            print(f"{photo.photo.id:6d}  {path.name}  {photo.photo.view_label}  {photo.photo.sha256}")
    finally:
        practice.close()
    return 2 if failed else 0


@command("photos")
def _photos(args: argparse.Namespace) -> int:
    practice = _existing_practice(args)
    try:
        practice.clients.get(args.client)
        for item in practice.photos.for_client(args.client, include_hidden=args.hidden):
            photo = item.photo
            hidden = (
                _("  (hidden: {hidden_reason})").format(hidden_reason=photo.hidden_reason)
                if photo.hidden
                else ""
            )
            print(
                f"{photo.id:6d}  session {photo.session_id:<6d} {photo.view:<14} "
                f"{photo.taken_at:%Y-%m-%d %H:%M}  {photo.sha256}{hidden}"
            )
    finally:
        practice.close()
    return 0
