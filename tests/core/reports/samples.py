"""Realistic documents to print: a practice, a client mid-course, a bruise at left ST2, and the rest."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

from acuchart.catalogue import load_catalogue
from acuchart.reports.data import (
    ConsentFormData,
    CourseReaction,
    CourseSummaryData,
    HandoutData,
    HandoutMark,
    HandoutReaction,
    PracticeHeader,
    Side,
    SummarySession,
)
from acuchart.reports.data_record import (
    AuditStatus,
    ChartAmendment,
    ChartCautions,
    ChartClient,
    ChartConsent,
    ChartCourse,
    ChartExportData,
    ChartIntake,
    ChartSession,
)
from acuchart.reports.texts import consent_text, load_texts

HEBREW_NAME = "שרה כהן"
ARABIC_NAME = "ليلى حداد"
ACCENTED_NAME = "Zoë Lefèvre-Ørsted"
LICENCE = "AC-204817"

SESSION_AT = dt.datetime(2025, 3, 11, 10, 30)
NEXT_AT = dt.datetime(2025, 3, 25, 10, 30)


def practice(logo: Path | None = None, paper: str = "A4") -> PracticeHeader:
    """A small facial acupuncture practice."""
    return PracticeHeader(
        practice_name="Lotus Facial Acupuncture",
        practitioner_name="Amélie Durand",
        licence_number=LICENCE,
        address="12 Rue des Lilas\nBrighton BN1 4AB",
        phone="01273 555 019",
        email="hello@lotus-acupuncture.example",
        logo_path=logo,
        paper_size="Letter" if paper == "Letter" else "A4",
    )


def point_mark(
    code: str, side: Side, reactions: tuple[HandoutReaction, ...] = (), needles: int = 1
) -> HandoutMark:
    """A mark at a catalogue point, as the gatherer builds it."""
    point = load_catalogue().get(code)
    view = point.home_view(side)
    x, y = point.position(side, view)
    return HandoutMark(
        code=point.code,
        name=point.pinyin,
        area=point.region,
        side=side,
        needles=needles,
        x=x,
        y=y,
        view=view,
        hanzi=point.hanzi,
        english=point.english,
        reactions=reactions,
    )


BRUISE = HandoutReaction(
    kind_label="Bruising",
    severity="mild",
    onset_label="After the session",
    note="Small bruise, cold compress given",
    at_point="under the left eye (ST2)",
)
REDNESS = HandoutReaction(
    kind_label="Redness",
    severity="moderate",
    onset_label="During the session",
    at_point="right cheek (SI18)",
)
FATIGUE = HandoutReaction(kind_label="Fatigue", severity="mild", onset_label="After the session")


def marks() -> tuple[HandoutMark, ...]:
    """A typical facial session: forehead, eyes, cheeks, jaw and chin, and one free marker."""
    intradermal = HandoutMark(
        code=None,
        name="Intradermal needles",
        area="cheek",
        side="right",
        needles=3,
        x=0.34,
        y=0.53,
        view="face",
        label="ID",
    )
    return (
        point_mark("EX-HN3", "midline"),
        point_mark("GB14", "right"),
        point_mark("GB14", "left"),
        point_mark("ST2", "right"),
        point_mark("ST2", "left", (BRUISE,)),
        point_mark("SI18", "right", (REDNESS,)),
        point_mark("SI18", "left"),
        point_mark("ST6", "right"),
        point_mark("ST6", "left"),
        point_mark("CV24", "midline"),
        intradermal,
    )


def body_points() -> tuple[tuple[str, Side], ...]:
    """Body points a session may add for relaxation, on the front and the back."""
    return (
        ("ST36", "right"),
        ("ST36", "left"),
        ("SP6", "left"),
        ("PC6", "right"),
        ("GB20", "right"),
        ("GV14", "midline"),
        ("LI4", "left"),
    )


def big_session_marks() -> tuple[HandoutMark, ...]:
    """35 marks over the face and both sides of the body: :func:`marks`, more of the face, and a
    relaxing body protocol front and back (the session that used to run to three pages)."""
    more_face = (
        ("BL2", "right"),
        ("BL2", "left"),
        ("EX-HN4", "right"),
        ("EX-HN4", "left"),
        ("ST3", "right"),
        ("ST3", "left"),
        ("LI20", "right"),
        ("LI20", "left"),
        ("GV20", "midline"),
    )
    body = (
        ("ST36", "right"),
        ("ST36", "left"),
        ("SP6", "right"),
        ("SP6", "left"),
        ("LI4", "right"),
        ("LI4", "left"),
        ("PC6", "right"),
        ("PC6", "left"),
        ("GB20", "right"),
        ("GB20", "left"),
        ("GB21", "right"),
        ("GB21", "left"),
        ("LR3", "right"),
        ("LR3", "left"),
        ("GV14", "midline"),
    )
    return (*marks(), *(point_mark(code, side) for code, side in (*more_face, *body)))


def handout(**changes: Any) -> HandoutData:
    """Session 3 of 10 for a client with an accented name."""
    data = HandoutData(
        practice=practice(),
        client_name=ACCENTED_NAME,
        session_date=SESSION_AT,
        marks=marks(),
        session_number=3,
        planned_sessions=10,
        session_reactions=(FATIGUE,),
        next_appointment=NEXT_AT,
        texts=load_texts(),
        course_title="Fine lines and radiance",
    )
    return replace(data, **changes)


def summary(**changes: Any) -> CourseSummaryData:
    """Six sessions of a ten-session course, with ratings for three concerns."""
    start = dt.date(2025, 1, 28)
    dates = [start + dt.timedelta(days=14 * i) for i in range(6)]
    sessions = tuple(
        SummarySession(number=i + 1, date=day, points_count=count, reactions=reaction)
        for i, (day, count, reaction) in enumerate(
            zip(
                dates,
                (12, 14, 13, 14, 15, 14),
                ("", "Mild bruising, under the left eye", "", "Moderate redness, right cheek", "", ""),
                strict=True,
            )
        )
    )
    data = CourseSummaryData(
        practice=practice(),
        client_name=HEBREW_NAME,
        course_title="Fine lines and radiance",
        concerns=("Wrinkles and fine lines", "Skin radiance and complexion", "Overall well-being and stress"),
        sessions=sessions,
        ratings={
            "Wrinkles and fine lines": ((1, 7), (2, 7), (3, 6), (4, 6), (5, 5), (6, 5)),
            "Skin radiance and complexion": ((1, 6), (2, 5), (3, 5), (4, 4), (5, 4), (6, 3)),
            "Overall well-being and stress": ((1, 8), (2, 6), (3, 6), (4, 5), (5, 5), (6, 4)),
        },
        reactions=(
            CourseReaction(2, dates[1], replace(BRUISE, resolved_on=dates[1] + dt.timedelta(5))),
            CourseReaction(4, dates[3], replace(REDNESS, resolved_on=dates[3])),
            CourseReaction(5, dates[4], FATIGUE),
        ),
        planned_sessions=10,
        started_on=start,
        status="active",
        rating_note="0 = no concern at all, 10 = a great concern.",
        next_appointment=dt.datetime(2025, 4, 22, 9, 0),
        printed_on=dt.date(2025, 4, 9),
    )
    return replace(data, **changes)


def chart(**changes: Any) -> ChartExportData:
    """The whole record of a client with an Arabic name: intake, cautions, consents, three sessions."""
    signed = SESSION_AT + dt.timedelta(minutes=55)
    first = ChartSession(
        started_at=SESSION_AT - dt.timedelta(days=14),
        number=2,
        course_title="Fine lines and radiance",
        duration_minutes=45,
        marks=(point_mark("EX-HN3", "midline"), point_mark("ST3", "right"), point_mark("ST3", "left")),
        needles_in=3,
        needles_out=3,
        ratings=(("Wrinkles and fine lines", 7), ("Skin radiance and complexion", 5)),
        notes="Client relaxed; slept briefly.",
        signed_at=SESSION_AT - dt.timedelta(days=14) + dt.timedelta(minutes=50),
        signed_by="Amélie Durand",
    )
    second = ChartSession(
        started_at=SESSION_AT,
        number=3,
        course_title="Fine lines and radiance",
        duration_minutes=50,
        marks=marks(),
        reactions=(FATIGUE,),
        needles_in=17,
        needles_out=17,
        count_note="One needle found on the pillow and disposed of in the sharps bin; count reconciled at 17.",
        ratings=(("Wrinkles and fine lines", 6), ("Skin radiance and complexion", 5)),
        notes="Bruise at left ST2 on removal, pressure applied for 2 minutes.",
        signed_at=signed,
        signed_by="Amélie Durand",
        amendments=(
            ChartAmendment(
                field_label="Needles removed",
                old_value="16",
                new_value="17",
                reason="Needle found on the pillow after the client left",
                author="Amélie Durand",
                at=signed + dt.timedelta(hours=2),
                label="A1",
            ),
        ),
    )
    late = ChartSession(
        started_at=SESSION_AT + dt.timedelta(days=14),
        number=4,
        course_title="Fine lines and radiance",
        duration_minutes=40,
        marks=(point_mark("GB14", "right"), point_mark("GB14", "left")),
        needles_in=2,
        needles_out=2,
        late_entry=True,
        recorded_at=SESSION_AT + dt.timedelta(days=15, hours=3),
    )
    data = ChartExportData(
        practice=practice(),
        client=ChartClient(
            full_name=ARABIC_NAME,
            record_id="C-0042",
            preferred_name="Layla",
            date_of_birth=dt.date(1979, 6, 2),
            phone="07700 900 123",
            email="layla@example.org",
            address="4 Harbour Lane\nHove BN3 2XY",
        ),
        intake=ChartIntake(
            concerns=("Wrinkles and fine lines", "Skin radiance and complexion"),
            skin_notes="Combination skin, some sun damage on the cheeks.",
            goals="A fresher look before her daughter's wedding in June.",
        ),
        cautions=ChartCautions(
            flags=("Anticoagulants or antiplatelets (incl. aspirin, fish oil, ginkgo)",),
            notes="Takes fish oil daily; advised that bruising is more likely.",
            reviewed_on=dt.date(2025, 1, 28),
        ),
        consents=(
            ChartConsent(
                given_on=dt.date(2025, 1, 28),
                text_version="2026-1",
                how_obtained="Signed paper form, scanned",
                recorded_by="Amélie Durand",
            ),
        ),
        courses=(
            ChartCourse(
                title="Fine lines and radiance",
                concerns=("Wrinkles and fine lines", "Skin radiance and complexion"),
                planned_sessions=10,
                interval_days=14,
                started_on=dt.date(2025, 1, 28),
                status="active",
            ),
        ),
        sessions=(first, second, late),
        audit=AuditStatus(
            ok=True,
            text="Audit chain intact: every change since the record was opened is present and unaltered.",
            entries=214,
            checked_at=dt.datetime(2025, 4, 9, 16, 5),
        ),
        generated_at=dt.datetime(2025, 4, 9, 16, 5),
        generated_by="Amélie Durand",
        purpose="Requested by the client's GP",
    )
    return replace(data, **changes)


def consent(**changes: Any) -> ConsentFormData:
    """The consent form for a new client with a Hebrew name."""
    version, text = consent_text(load_texts())
    data = ConsentFormData(
        practice=practice(),
        client_name=HEBREW_NAME,
        consent_text=text,
        text_version=version,
        date_of_birth=dt.date(1985, 11, 23),
        printed_on=dt.date(2025, 1, 28),
    )
    return replace(data, **changes)
