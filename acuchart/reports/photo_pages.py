"""The documents' photo parts: the course summary's before/after page, the chart export's list of
photos, and the photo consent section of the consent form.

Nothing here promises a result: the before/after page says that light, angle and expression change
from day to day and that results vary, and shows the photos as they are, side by side.
from acuchart.i18n import N_
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, PageBreak, Table, TableStyle

from acuchart.i18n import ENGLISH, N_, Language
from acuchart.reports.fonts import SANS
from acuchart.reports.layout import INK, RULE, cell, gap, para
from acuchart.reports.photo_data import (
    BeforeAfter,
    BeforeAfterPair,
    PhotoConsentLine,
    PhotoLine,
    PrintedPhoto,
)
from acuchart.reports.tables import grid
from acuchart.reports.wording import moment_text

BEFORE_AFTER_NOTE = N_(
    "These photos were taken at your first and your latest session, in the same standard views. Light, "
    "angle, expression and the time of day change how skin looks from one day to the next, so photos show "
    "only part of the picture. Results vary from person to person."
)
PHOTO_CONSENT_TEXT = N_(
    "Photos of your face may be taken at your sessions. Please tick, for each use, whether you agree. "
    "Photos for your clinical record are needed before any photo is taken; they stay with your record and "
    "are used only for your care. Teaching (to train other practitioners, without your name) and marketing "
    "(the practice's own materials) are up to you: saying no changes nothing about your treatment, and you "
    "may withdraw your consent to any use at any time. Photos are kept without location or device details."
)
THUMB_W = 22 * mm
VIEWS_PER_ROW = 3


def _image(photo: PrintedPhoto | bytes, width: float, height: float) -> Image:
    data = photo.jpeg if isinstance(photo, PrintedPhoto) else photo
    return Image(io.BytesIO(data), width=width, height=height)


def _fit(photo: PrintedPhoto, width: float, height: float) -> tuple[float, float]:
    scale = min(width / photo.width, height / photo.height)
    return photo.width * scale, photo.height * scale


def before_after_story(data: BeforeAfter | None, width: float, tr: Language = ENGLISH) -> list[Flowable]:
    """The before/after page, on a page of its own: a column per view, the first session above the
    latest; nothing when there is no pair to show."""
    if data is None or not data.pairs:
        return []
    story: list[Flowable] = [
        PageBreak(),
        para(tr.gettext("Your photos: first and latest session"), "title"),
        para(
            tr.gettext("{first} and {latest}.").format(first=data.first_session, latest=data.latest_session),
            "lead",
        ),
        para(tr.gettext(BEFORE_AFTER_NOTE), "small"),
        gap(2),
    ]
    for start in range(0, len(data.pairs), VIEWS_PER_ROW):
        story += [_pairs_table(data.pairs[start : start + VIEWS_PER_ROW], width), gap(4)]
    return story


def _pairs_table(pairs: Sequence[BeforeAfterPair], width: float) -> Table:
    column = width / VIEWS_PER_ROW
    box_w, box_h = column - 4 * mm, 78 * mm
    header = [cell(pair.view, style="cell_bold") for pair in pairs]
    rows: list[list[Flowable | str]] = [header]
    for which in ("first", "latest"):
        row: list[Flowable | str] = []
        for pair in pairs:
            photo: PrintedPhoto = getattr(pair, which)
            w, h = _fit(photo, box_w, box_h)
            row.append([_image(photo, w, h), gap(1), cell(photo.caption, style="cell_muted")])
        rows.append(row)
    table = Table(rows, colWidths=[column] * len(pairs))
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
            ]
        )
    )
    return table


def photo_consent_story(
    consent: Sequence[PhotoConsentLine], width: float, tr: Language = ENGLISH
) -> list[Flowable]:
    """The chart export's photo consent: each use, where it stands and how it was obtained (beside the
    consent to treatment)."""
    return [para(tr.gettext("Photo consent"), "h2"), *_consent_table(consent, width, tr=tr)]


def photo_listing_story(lines: Sequence[PhotoLine], width: float, tr: Language = ENGLISH) -> list[Flowable]:
    """The chart export's photos, after the sessions: every photo with its view, date and hash (nothing
    when there are none; the photo consent says where photos stand)."""
    if not lines:
        return []
    story: list[Flowable] = [
        para(tr.gettext("Photos"), "h2"),
        para(
            tr.gettext(
                "{lines} photos, oldest first. The SHA-256 identifies each original file in the practice's photo folder; a changed file would no longer match it."
            ).format(lines=len(lines)),
            "small",
        ),
    ]
    rows: list[list[Flowable | str]] = [
        [
            cell(h, style="cell_bold")
            for h in (tr.gettext("Photo"), tr.gettext("View and session"), tr.gettext("Taken"), "SHA-256")
        ]
    ]
    for line in lines:
        thumb: Flowable | str = ""
        if line.thumbnail:
            thumb = _thumbnail(line.thumbnail)
        status = (
            tr.gettext("HIDDEN: {hidden_reason}").format(hidden_reason=line.hidden_reason)
            if line.hidden_reason
            else ""
        )
        rows.append(
            [
                thumb,
                cell(line.view, line.session, status),
                cell(moment_text(line.taken_at, tr)),
                cell(f"{line.sha256[:32]}\n{line.sha256[32:]}", style="cell_small"),
            ]
        )
    hash_w = 62 * mm
    story.append(grid(rows, [THUMB_W + 8, width - THUMB_W - 8 - 34 * mm - hash_w, 34 * mm, hash_w]))
    return story


def _thumbnail(jpeg: bytes) -> Image:
    from PIL import Image as PILImage

    with PILImage.open(io.BytesIO(jpeg)) as image:
        w, h = image.size
    scale = min(THUMB_W / w, THUMB_W / h)
    return _image(jpeg, w * scale, h * scale)


def _consent_table(
    consent: Sequence[PhotoConsentLine], width: float, tr: Language = ENGLISH
) -> list[Flowable]:
    rows: list[list[Flowable | str]] = [
        [
            cell(h, style="cell_bold")
            for h in (tr.gettext("Photo consent"), tr.gettext("Status"), tr.gettext("How"))
        ]
    ]
    rows += [[cell(line.use), cell(line.status), cell(line.detail or "—")] for line in consent]
    return [grid(rows, [40 * mm, 40 * mm, width - 80 * mm]), gap(2)]


def _tick_box() -> Table:
    box = Table([[""]], colWidths=[4 * mm], rowHeights=[4 * mm])
    # An empty cell is still drawn in a font: name the documents' own, or reportlab falls back to Helvetica.
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, INK), ("FONTNAME", (0, 0), (-1, -1), SANS)]))
    return box


def photo_consent_form_story(
    consent: Sequence[PhotoConsentLine], width: float, tr: Language = ENGLISH
) -> list[Flowable]:
    """The consent form's photo section: what each use means, and a box to tick for each."""
    rows: list[list[Flowable | str]] = [
        [
            cell(h, style="cell_bold")
            for h in (
                tr.gettext("Photos may be used for"),
                tr.gettext("I agree"),
                tr.gettext("I do not agree"),
                tr.gettext("On record"),
            )
        ]
    ]
    for line in consent:
        rows.append([cell(line.use), _tick_box(), _tick_box(), cell(line.status, style="cell_muted")])
    table = grid(rows, [width - 110 * mm, 26 * mm, 30 * mm, 54 * mm])
    table.setStyle(TableStyle([("LINEBELOW", (0, 1), (-1, -1), 0.5, RULE)]))
    return [
        KeepTogether([para(tr.gettext("Photos"), "h2"), para(tr.gettext(PHOTO_CONSENT_TEXT)), gap(1), table]),
        gap(2),
    ]
