"""One entry point per printed document: gather its data from the practice, draw it, write it safely.

The app and the command line both come through here, so they print the same thing. A document is
made in memory first (:class:`Document`); :func:`save` writes it to a temporary file beside the
target and renames it into place, so a failed or interrupted write never leaves half a PDF behind;
the PDF is readable by its owner only (a client's record on paper is as private as in the file). It
never writes over the practice (see :mod:`acuchart.output_guard`), and replaces only a PDF unless told
otherwise.
"""

from __future__ import annotations

import errno
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from acuchart.errors import AcuChartError
from acuchart.handout_texts import TEXT_TITLES
from acuchart.i18n import _, app_language
from acuchart.output_guard import (
    ProtectedPlaces,
    existing_kind,
    locked_file,
    refuse_protected,
    replace_problem,
)
from acuchart.paths import is_writable
from acuchart.practice import Practice
from acuchart.protection.files import replacing
from acuchart.reports.chart_export import build_chart_export
from acuchart.reports.consent_form import build_consent_form
from acuchart.reports.gather import course_summary_data, document_language, handout_data, text_notes
from acuchart.reports.gather_record import chart_export_data, consent_form_data
from acuchart.reports.handout import build_handout
from acuchart.reports.summary import build_course_summary
from acuchart.reports.wording import date_text


class DocumentWriteError(AcuChartError):
    """A document could not be written where asked; the message says why and what to do."""


class NotAPdfError(DocumentWriteError):
    """The file a document was to replace is not a PDF; it was left as it was."""

    def __init__(self, path: Path, hint: str = "") -> None:
        hint = hint or _("Give the document another file name.")
        self.path = path
        super().__init__(
            _(
                "{path} already exists and is not a PDF, so AcuChart left it as it was. {hint} Nothing was saved."
            ).format(path=path, hint=hint)
        )


@dataclass(frozen=True)
class Document:
    """A printed document, made and ready to show, print or save.

    Attributes:
        kind: "handout", "summary", "chart" or "consent".
        title: what it is, for a window title or a print job: "Session handout: Sofía Domínguez, 5 March 2026".
        file_name: a sensible name to save it under: "Handout Sofía Domínguez 2026-03-05.pdf".
        pdf: the PDF itself.
        language: the language it is printed in.
        notes: what the practitioner should know about it (shown, never printed).
    """

    kind: str
    title: str
    file_name: str
    pdf: bytes
    language: str = "en"
    """The language it is printed in (a code: "es")."""
    notes: tuple[str, ...] = ()
    """What the practitioner should know before handing it over (a text not yet in the client's
    language): shown beside the preview, and on the command line's standard error."""


def _pdf(builder: Callable[[Any, BinaryIO], None], data: object) -> bytes:
    out = io.BytesIO()
    builder(data, out)
    return out.getvalue()


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def safe_file_name(*parts: str) -> str:
    """A file name from ``parts`` that every system accepts: "Handout Zoë Lefèvre 2026-03-05.pdf"."""
    name = " ".join(" ".join(_UNSAFE.sub(" ", part).split()) for part in parts if part.strip())
    return f"{name.strip(' .') or _('AcuChart document')}.pdf"


def handout(practice: Practice, session_id: int, language: str | None = None) -> Document:
    """The session handout for the client, in ``language`` (a code; default: the client's own, else the
    practice's).

    Raises:
        UnknownLanguageError: no translation for ``language``.
    """
    client_id = practice.sessions.load(session_id).session.client_id
    tr = document_language(practice, client_id, language)
    data = handout_data(practice, session_id, tr=tr)
    day = f"{data.session_date:%Y-%m-%d}"
    return Document(
        "handout",
        _("Session handout: {client_name}, {date}").format(
            client_name=data.client_name, date=date_text(data.session_date, app_language())
        ),
        safe_file_name(tr.gettext("Handout"), data.client_name, day),
        _pdf(build_handout, data),
        tr.code,
        tuple(text_notes(practice, tr)),
    )


def course_summary(
    practice: Practice,
    client_id: int | None = None,
    course_id: int | None = None,
    language: str | None = None,
) -> Document:
    """The course summary: ``course_id``, or the client's current (else latest) course, in ``language``
    (default: the client's own, else the practice's)."""
    owner = practice.courses.course(course_id).client_id if course_id is not None else client_id
    tr = document_language(practice, owner, language)
    data = course_summary_data(practice, client_id=client_id, course_id=course_id, tr=tr)
    printed = f"{data.printed_on:%Y-%m-%d}" if data.printed_on else ""
    return Document(
        "summary",
        _("Course summary: {client_name}").format(client_name=data.client_name),
        safe_file_name(tr.gettext("Course summary"), data.client_name, printed),
        _pdf(build_course_summary, data),
        tr.code,
        tuple(text_notes(practice, tr)),
    )


def chart_export(
    practice: Practice, client_id: int, purpose: str = "", language: str | None = None
) -> Document:
    """The client's whole record, with the audit trail checked, in ``language`` (default: the practice's:
    the record is the practice's, for an auditor or another clinician, not a document for the client)."""
    practice.clients.get(client_id)  # NotFoundError for an unknown client, before anything is gathered
    tr = document_language(practice, None, language)
    data = chart_export_data(practice, client_id, purpose, tr=tr)
    return Document(
        "chart",
        _("Clinical record: {full_name}").format(full_name=data.client.full_name),
        safe_file_name(tr.gettext("Clinical record"), data.client.full_name, f"{data.generated_at:%Y-%m-%d}"),
        _pdf(build_chart_export, data),
        tr.code,
    )


def consent_form(practice: Practice, client_id: int, language: str | None = None) -> Document:
    """The consent form for the client to sign, in ``language`` (default: the client's own, else the
    practice's)."""
    tr = document_language(practice, client_id, language)
    data = consent_form_data(practice, client_id, tr=tr)
    notes = [note for note in text_notes(practice, tr) if _(TEXT_TITLES["consent"]) in note]
    return Document(
        "consent",
        _("Consent form: {client_name}").format(client_name=data.client_name),
        safe_file_name(tr.gettext("Consent form"), data.client_name),
        _pdf(build_consent_form, data),
        tr.code,
        tuple(notes),
    )


def recovery_key_page(
    practice: Practice, recovery_key: str, key_id: str, language: str | None = None
) -> Document:
    """The one-page recovery key of ``practice``, printed once when its protection is turned on, in
    ``language`` (default: the practice's, as the clinical record: the page is the practice's, not a client's).
    """
    from acuchart import clock
    from acuchart.reports.gather import practice_header
    from acuchart.reports.recovery_key import RecoveryKeyData, build_recovery_key

    path = practice.path
    name = path.name if path is not None else "practice"
    tr = document_language(practice, None, language)
    data = RecoveryKeyData(
        practice=practice_header(practice),
        file_name=name,
        folder=str(path.parent) if path is not None else "",
        recovery_key=recovery_key,
        key_id=key_id,
        made_on=clock.today(),
        language=tr,
    )
    return Document(
        kind="recovery key",
        title=_("Recovery key: {file}").format(file=name),
        file_name=safe_file_name(tr.gettext("Recovery key"), name),
        pdf=_pdf(build_recovery_key, data),
        language=tr.code,
    )


def _write_problem(path: Path, exc: OSError) -> DocumentWriteError:
    folder = path.parent
    if exc.errno == errno.ENOENT and folder.is_dir():
        text = _(
            "AcuChart cannot create files in {folder}. Choose another folder, such as your Documents."
        ).format(folder=folder)
    elif exc.errno == errno.ENOENT:
        text = _(
            "The folder {folder} does not exist. Choose a folder that exists, or create it first."
        ).format(folder=folder)
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        text = _("AcuChart may not write to {folder}. Choose another folder, such as your Documents.").format(
            folder=folder
        )
    elif exc.errno == errno.ENOSPC:
        text = _(
            "There is no room left on the disk holding {folder}. Free some space or choose another disk."
        ).format(folder=folder)
    elif exc.errno == errno.ENOTDIR:
        text = _("{folder} is a file, not a folder. Choose a folder to save the PDF in.").format(
            folder=folder
        )
    elif exc.errno == errno.EISDIR:
        text = _("{path} is a folder. Give a file name ending in .pdf.").format(path=path)
    else:
        text = _("{path} could not be written ({value}). Choose another folder or file name.").format(
            path=path, value=exc.strerror or exc
        )
    return DocumentWriteError(text + _(" Nothing was saved."))


def save(
    document: Document, path: Path | str, *, protected: ProtectedPlaces, replace_other: bool = False
) -> Path:
    """Write ``document`` to ``path`` atomically, owner-only: a temporary file beside it, renamed into place.

    ``protected`` are the open practice's places (:meth:`acuchart.practice.Practice.protected_places`),
    never written over. An existing PDF (or empty file) at ``path`` is replaced; any other file only
    with ``replace_other`` (after the person was asked, or told the command line ``--force``).

    Raises:
        OutputRefusedError: ``path`` is the practice file, one of its journal files, or inside a folder
            the practice keeps its own files in, under any spelling.
        NotAPdfError: ``path`` holds a file that is not a PDF and ``replace_other`` is False.
        DocumentWriteError: the folder is missing or not writable, the file is locked, the disk is
            full, or ``path`` is a folder; nothing is left behind.
    """
    target = Path(path).expanduser()
    refuse_protected(target, protected)
    kind = existing_kind(target)
    if kind == "folder":
        raise DocumentWriteError(
            _("{target} is a folder. Give a file name ending in .pdf. Nothing was saved.").format(
                target=target
            )
        )
    if kind == "other" and not replace_other:
        raise NotAPdfError(target)
    if target.parent.is_dir() and not is_writable(target.parent):
        raise _write_problem(target, OSError(errno.EACCES, _("read-only folder")))
    if kind != "none" and not is_writable(target):
        raise DocumentWriteError(
            _("{locked_file} Nothing was saved.").format(locked_file=locked_file(target))
        )
    try:
        with replacing(target, suffix=".part") as temp:
            temp.write_bytes(document.pdf)
    except OSError as exc:
        blamed = replace_problem(target, exc)
        if blamed is not None:
            raise DocumentWriteError(_("{blamed} Nothing was saved.").format(blamed=blamed)) from exc
        raise _write_problem(target, exc) from exc
    return target
