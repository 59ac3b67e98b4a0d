"""One session of the chart export, in full, as signed: header, needle count, ratings, notes and signature;
the points needled with their reactions; the caution warnings raised; and the amendments after
signing, labelled A1, A2... with every value they changed marked where it is printed ("amended: see
A1"), so that no value reads as signed when it was changed after.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Table, TableStyle

from acuchart.i18n import ENGLISH, Language
from acuchart.reports.data import HandoutMark, HandoutReaction
from acuchart.reports.data_record import ChartAmendment, ChartSession
from acuchart.reports.layout import ACCENT, BAND, bullet, cell, gap, para
from acuchart.reports.tables import details, grid, table_of
from acuchart.reports.wording import clock_time, date_text, moment_text

TABLE_START = 42 * mm
"""The height of a table's caption, header and first three lines, kept on the page of its heading."""


class RoomFor(CondPageBreak):
    """A page break unless ``flowables`` and ``extra`` points more fit in what is left of the page."""

    def __init__(self, flowables: Sequence[Flowable], extra: float) -> None:
        super().__init__(extra)
        self.flowables = tuple(flowables)
        self.extra = extra

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        needed = sum(
            f.wrapOn(self.canv, availWidth, availHeight)[1] + f.getSpaceBefore() + f.getSpaceAfter()
            for f in self.flowables
        )
        self.height = needed + self.extra
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        return size


def amended_note(labels: Sequence[str], tr: Language = ENGLISH) -> str:
    """What follows a value changed after signing: " (amended: see A1)", "" when unchanged."""
    return tr.gettext(" **(amended: see {join})**").format(join=", ".join(labels)) if labels else ""


def _reaction_text(reaction: HandoutReaction, tr: Language = ENGLISH) -> str:
    text = f"{reaction.kind_label} ({reaction.severity})"
    if reaction.onset_label:
        text += f", {reaction.onset_label[:1].lower()}{reaction.onset_label[1:]}"
    text += "; " + (
        tr.gettext("resolved {date_text}").format(date_text=date_text(reaction.resolved_on, tr))
        if reaction.resolved_on
        else "open"
    )
    if reaction.late_entry:
        recorded = (
            tr.gettext(", recorded {moment_text}").format(moment_text=moment_text(reaction.recorded_at, tr))
            if reaction.recorded_at
            else ""
        )
        text += tr.gettext(". **Late entry{recorded}**").format(recorded=recorded)
    if reaction.note:
        text += f". {reaction.note}"
    return text + amended_note(reaction.amendments, tr=tr)


def _captioned(table: Table) -> Table:
    """``table`` with its first row as a caption naming the session, repeated with the header row on
    every page the table runs onto, so a continued table never reads as the next session's."""
    table.repeatRows = 2
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (-1, 0)),
                ("BACKGROUND", (0, 0), (-1, 0), colors.white),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.white),
                ("TOPPADDING", (0, 0), (-1, 0), 0),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 2),
                ("LEFTPADDING", (0, 0), (-1, 0), 0),
                ("BACKGROUND", (0, 1), (-1, 1), BAND),
                ("LINEBELOW", (0, 1), (-1, 1), 0.9, ACCENT),
            ]
        )
    )
    return table


def _marks_table(marks: Sequence[HandoutMark], width: float, caption: str, tr: Language = ENGLISH) -> Table:
    """The session's marks under ``caption`` (which session; see :func:`_captioned`); a value changed
    after signing is marked with the amendment that changed it."""
    headings = (
        tr.gettext("Point"),
        tr.gettext("Name"),
        "Where (client's side)",
        tr.gettext("Needles"),
        tr.gettext("Reactions"),
    )
    rows: list[list[Flowable | str]] = [
        [cell(caption, style="cell_muted"), "", "", "", ""],
        [cell(h, style="cell_bold") for h in headings],
    ]
    for mark in marks:
        name = mark.name + (f" {mark.hanzi}" if mark.hanzi else "")
        code = mark.code or (
            tr.gettext("Free: {label}").format(label=mark.label) if mark.label else tr.gettext("Free marker")
        )
        rows.append(
            [
                cell(code, style="cell_bold"),
                cell(name, mark.technique),
                cell(mark.where),
                cell(str(mark.needles) + amended_note(mark.amendments, tr=tr)),
                cell("; ".join(_reaction_text(r, tr=tr) for r in mark.reactions) or "—"),
            ]
        )
    return _captioned(grid(rows, [20 * mm, 36 * mm, 38 * mm, 18 * mm, width - 112 * mm]))


def _needle_count(session: ChartSession, tr: Language = ENGLISH) -> str:
    counted_in = "—" if session.needles_in is None else str(session.needles_in)
    counted_out = "—" if session.needles_out is None else str(session.needles_out)
    counted_out += amended_note(session.amended.get("needles_removed", ()), tr=tr)
    verdict = {
        True: tr.gettext("counts match"),
        False: tr.gettext("**MISMATCH: a safety event**"),
        None: tr.gettext("not yet counted"),
    }[session.needle_count_matches]
    return tr.gettext("{counted_in} in, {counted_out} out: {verdict}").format(
        counted_in=counted_in, counted_out=counted_out, verdict=verdict
    )


def session_story(
    session: ChartSession, width: float, lead: Sequence[Flowable] = (), tr: Language = ENGLISH
) -> list[Flowable]:
    """One session in full: its header and details, the points needled, caution warnings, reactions for
    the whole session, and the amendments after signing (each value they changed points to them).

    ``lead`` (the heading of the sessions, before the first) is kept with the session's header."""
    if session.maintenance_visit is not None:
        number = tr.gettext("Maintenance visit {maintenance_visit}").format(
            maintenance_visit=session.maintenance_visit
        )
    else:
        number = (
            tr.gettext("Session {number}").format(number=session.number)
            if session.number is not None
            else tr.gettext("Session")
        )
    heading = f"{number}  ·  {moment_text(session.started_at, tr)}"
    if session.duration_minutes:
        heading += tr.gettext("  ·  {duration_minutes} min").format(
            duration_minutes=session.duration_minutes
        ) + amended_note(session.amended.get("duration_min", ()), tr=tr)
    header = table_of([[para(heading, "h3", spaceBefore=0, spaceAfter=0)]], colWidths=[width])
    header.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), BAND),
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, ACCENT),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    signed = (
        tr.gettext("{moment_text} by {value}").format(
            moment_text=moment_text(session.signed_at, tr), value=session.signed_by or "unknown"
        )
        if session.signed_at
        else tr.gettext("**NOT SIGNED**")
    )
    amended = session.amended
    ratings = ", ".join(
        f"{label}: {score:g}{amended_note(amended.get(f'rating:{label}', ()), tr=tr)}"
        for label, score in session.ratings
    )
    rows = [
        (tr.gettext("Course"), session.course_title),
        (tr.gettext("Needles"), _needle_count(session, tr=tr)),
        (tr.gettext("Count note"), _with_note(session.count_note, amended.get("count_note", ()), tr=tr)),
        (tr.gettext("Ratings (0–10)"), ratings),
        (tr.gettext("Notes"), _with_note(session.notes, amended.get("notes", ()), tr=tr)),
        (tr.gettext("Signed"), signed),
    ]
    if session.late_entry:
        recorded = (
            tr.gettext(", recorded {moment_text}").format(moment_text=moment_text(session.recorded_at, tr))
            if session.recorded_at
            else ""
        )
        rows.insert(
            0,
            (
                tr.gettext("Late entry"),
                tr.gettext("**Entered after the event{recorded}**").format(recorded=recorded),
            ),
        )
    opening = [*lead, header, gap(1.5), details(rows, width)]
    # The session's header and details start a page unless the first lines of its points table fit
    # below them on this one: a header never ends a page parted from what it heads.
    story: list[Flowable] = [RoomFor(opening, TABLE_START), KeepTogether(opening)]
    if session.marks:
        caption = tr.gettext("{number}  ·  {date_text}  ·  points needled").format(
            number=number, date_text=date_text(session.started_at, tr)
        )
        story += [gap(2), _marks_table(session.marks, width, caption, tr=tr)]
    else:
        story.append(para(tr.gettext("No marks recorded."), "small"))
    story += _cautions_raised(session, tr=tr)
    at_techniques = [r for r in session.reactions if r.at_point]
    whole = [r for r in session.reactions if not r.at_point]
    if at_techniques:
        story.append(para(tr.gettext("Reactions at adjunct techniques"), "h3"))
        story += [
            bullet(
                tr.gettext("At the {at_point}: {reaction_text}").format(
                    at_point=r.at_point, reaction_text=_reaction_text(r, tr=tr)
                )
            )
            for r in at_techniques
        ]
    if whole:
        story.append(para(tr.gettext("Reactions for the whole session"), "h3"))
        story += [bullet(_reaction_text(r, tr=tr)) for r in whole]
    if session.amendments:
        caption = tr.gettext("{number}  ·  {date_text}  ·  amendments after signing").format(
            number=number, date_text=date_text(session.started_at, tr)
        )
        story += [
            para(tr.gettext("Amendments after signing"), "h3"),
            _amendments(session.amendments, width, caption, tr=tr),
        ]
    story.append(gap(5))
    return story


def _cautions_raised(session: ChartSession, tr: Language = ENGLISH) -> list[Flowable]:
    """Each caution warning shown while the session was charted: what it said, at which points, when.

    The same warning shown at several points (ST2 on both sides) is one line naming all of them."""
    shown: dict[str, list[str]] = {}
    for mark in session.marks:
        if not mark.caution_warning:
            continue
        place = mark.code or mark.label or tr.gettext("a free marker")
        if mark.code and mark.side != "midline":
            place += f" ({mark.side})"
        if mark.marked_at is not None:
            same_day = mark.marked_at.date() == session.started_at.date()
            place += (
                tr.gettext(" at {clock_time}").format(clock_time=clock_time(mark.marked_at, tr))
                if same_day
                else tr.gettext(" on {moment_text}").format(moment_text=moment_text(mark.marked_at, tr))
            )
        shown.setdefault(mark.caution_warning, []).append(place)
    if not shown:
        return []
    lines = [
        tr.gettext("{rstrip}. Shown when marking {join}.").format(
            rstrip=warning.rstrip("."), join=", ".join(places)
        )
        for warning, places in shown.items()
    ]
    return [
        para(tr.gettext("Caution warnings raised while charting"), "h3"),
        *(bullet(line) for line in lines),
    ]


def _with_note(value: str, labels: Sequence[str], tr: Language = ENGLISH) -> str:
    """A text field of the session, marked when an amendment changed it (even from empty)."""
    return (value or "—") + amended_note(labels, tr=tr) if labels else value


def _amendments(
    amendments: Sequence[ChartAmendment], width: float, caption: str, tr: Language = ENGLISH
) -> Table:
    """Each amendment under ``caption`` (which session; see :func:`_captioned`): its label, when, by
    whom, what changed from what to what, and why (the values get room to be read whole: a reaction
    reported late is a sentence, not a number)."""
    headings = (
        tr.gettext("No."),
        tr.gettext("When"),
        tr.gettext("By"),
        tr.gettext("What changed"),
        tr.gettext("Reason"),
    )
    rows: list[list[Flowable | str]] = [
        [cell(caption, style="cell_muted"), "", "", "", ""],
        [cell(h, style="cell_bold") for h in headings],
    ]
    for amendment in amendments:
        change = (
            f"**{amendment.field_label}**\nwas: {amendment.old_value or tr.gettext('(empty)')}\n"
            f"now: {amendment.new_value or tr.gettext('(empty)')}"
        )
        rows.append(
            [
                cell(amendment.label, style="cell_bold"),
                cell(moment_text(amendment.at, tr)),
                cell(amendment.author),
                cell(change),
                cell(amendment.reason),
            ]
        )
    fixed = 12 * mm + 30 * mm + 28 * mm
    reason_w = (width - fixed) * 0.42
    return _captioned(grid(rows, [12 * mm, 30 * mm, 28 * mm, width - fixed - reason_w, reason_w]))
