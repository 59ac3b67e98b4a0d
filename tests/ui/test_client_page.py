"""The client page as the practitioner reads it: course progress, the review prompt, consent, follow-up, history;
and the record widgets the session editor hosts: ratings and the sign panel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from acuchart import clock
from acuchart.models import Session
from acuchart.practice import Practice
from acuchart.services.clients import ClientForm
from acuchart.services.courses import CourseForm
from tests.records_helpers import NOW, PRACTITIONER, TODAY, chart_session, client_with_course
from tests.ui.elsewhere import elsewhere
from ui.client_dialog import ClientDialog
from ui.client_page import ClientPage
from ui.records.amend_dialog import AmendDialog, LateReactionDialog
from ui.records.consent_dialog import ConsentDialog
from ui.records.course_dialog import CompleteCourseDialog, CourseDialog
from ui.records.item_models import CoursesDueModel, ReactionsModel, SessionHistoryModel
from ui.records.ratings_widget import RatingsWidget
from ui.records.sign_panel import SignPanel

SEP_1 = dt.datetime(2026, 9, 1, 10, 0)


@pytest.fixture(autouse=True)
def _today_is_21_november_2026() -> Iterator[None]:
    with clock.frozen_at(NOW):
        yield


def weekly(n: int) -> dt.datetime:
    return SEP_1 + dt.timedelta(days=7 * n)


def charted(practice: Practice, sessions: int = 4) -> tuple[int, int, list[Session]]:
    """Amelia with a course from 1 Sep, ``sessions`` weekly sessions charted, the first ones signed and rated."""
    client, course = client_with_course(practice)
    made = []
    for n in range(sessions):
        with clock.frozen_at(weekly(n)):
            session = chart_session(practice, client.id, course.id, weekly(n))
            practice.ratings.set_rating(session.id, "wrinkles", 8 - n)
            practice.ratings.set_rating(session.id, "radiance", 7 - n // 2)
            if n < sessions - 1:
                practice.signing.sign(session.id)
        made.append(session)
    return client.id, course.id, made


def page_for(qtbot: QtBot, practice: Practice, client_id: int) -> ClientPage:
    page = ClientPage(practice)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    page.show_client(client_id)
    return page


def test_the_page_reads_session_4_of_10_with_the_next_date_and_marks_it_overdue(
    qtbot: QtBot, practice: Practice
) -> None:
    client_id, _, _ = charted(practice)
    page = page_for(qtbot, practice, client_id)
    panel = page.course_panel
    assert panel.progress.text() == "Session 4 of 10"
    assert panel.due.text() == "Next session due Tue, 29 Sept 2026 · 53 days overdue"
    assert panel.overdue.isVisible() and panel.overdue.text() == "OVERDUE"
    assert [s.label for s in panel.chart.series] == [
        "Wrinkles and fine lines",
        "Skin radiance and complexion",
    ]
    assert panel.chart.series[0].points == ((1, 8), (2, 7), (3, 6), (4, 5))
    assert not panel.chart.grab().isNull()


def test_the_progress_chart_names_a_maintenance_visit_m1_as_the_history_does(
    qtbot: QtBot, practice: Practice
) -> None:
    # A course closed early, after 8 of its 10 sessions: the next visit is maintenance visit 1.
    client_id, course_id, sessions = charted(practice, sessions=8)
    practice.signing.sign(sessions[-1].id)
    practice.courses.complete_course(course_id, 3, on=weekly(7).date())
    with clock.frozen_at(weekly(12)):
        visit = chart_session(practice, client_id, course_id, weekly(12))
        practice.ratings.set_rating(visit.id, "wrinkles", 1)
    page = page_for(qtbot, practice, client_id)
    chart = page.course_panel.chart
    assert chart.series[0].points[-1] == (9, 1)
    assert [chart.axis_label(n) for n in (1, 8, 9)] == ["1", "8", "M1"]
    assert not chart.grab().isNull()


def test_the_history_lists_sessions_newest_first_and_a_double_click_opens_one(
    qtbot: QtBot, practice: Practice, qtmodeltester
) -> None:
    client_id, _, sessions = charted(practice)
    page = page_for(qtbot, practice, client_id)
    model = page.history_model
    qtmodeltester.check(model)
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == ["4", "3", "2", "1"]
    assert model.index(0, 4).data() == "Not signed"
    assert model.index(1, 4).data() == "✓ signed"
    with qtbot.waitSignal(page.session_requested) as opened:
        rect = page.history_table.visualRect(model.index(1, 0))
        qtbot.mouseClick(page.history_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(page.history_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [sessions[2].id]


def test_new_session_is_one_prominent_button(qtbot: QtBot, practice: Practice) -> None:
    client_id, _, _ = charted(practice, sessions=1)
    page = page_for(qtbot, practice, client_id)
    with qtbot.waitSignal(page.new_session_requested) as started:
        qtbot.mouseClick(page.new_session_button, Qt.MouseButton.LeftButton)
    assert started.args == [client_id]


def test_cautions_older_than_six_months_prompt_a_review_that_stamps_today(
    qtbot: QtBot, practice: Practice, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = practice.clients.create(
        ClientForm(
            first_name="Margaret",
            last_name="Osei",
            caution_flags=["anticoagulants"],
            caution_notes="Warfarin; INR checked monthly.",
            cautions_reviewed_on="2026-03-10",
        )
    ).value
    page = page_for(qtbot, practice, client.id)
    assert page.review.isVisible()
    assert page.review.text.text() == "Cautions last reviewed 8 months ago — review now"
    opened: list[ClientDialog] = []

    def review(dialog: ClientDialog) -> int:
        opened.append(dialog)
        dialog.save()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(ClientDialog, "exec", review)
    qtbot.mouseClick(page.review.button, Qt.MouseButton.LeftButton)
    (dialog,) = opened
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Cautions"
    assert practice.clients.get(client.id).cautions_reviewed_on == TODAY
    assert not page.review.isVisible()
    assert "reviewed 21 Nov 2026" in page.cautions.text()


def test_no_consent_is_plain_to_see_and_recording_it_shows_at_once(
    qtbot: QtBot, practice: Practice, monkeypatch: pytest.MonkeyPatch
) -> None:
    client, _ = client_with_course(practice, consent=False)
    page = page_for(qtbot, practice, client.id)
    assert page.consent.text.text().startswith("✗ No consent on file")

    def record(dialog: ConsentDialog) -> int:
        dialog.method.setCurrentIndex(dialog.method.findData("verbal"))
        dialog.note.setPlainText("Witnessed by reception 🙂")
        dialog.save()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(ConsentDialog, "exec", record)
    qtbot.mouseClick(page.consent.button, Qt.MouseButton.LeftButton)
    assert page.consent.text.text() == (
        "✓ Consent on file: verbal, noted in the chart, given 21 Nov 2026 (consent text 2026-1)"
    )
    assert practice.consent.consents_for(client.id)[0].note == "Witnessed by reception 🙂"


def test_a_consent_dated_tomorrow_is_refused_beside_the_date(qtbot: QtBot, practice: Practice) -> None:
    client, _ = client_with_course(practice, consent=False)
    dialog = ConsentDialog(practice, client.id)
    qtbot.addWidget(dialog)
    dialog.given_on.setDate(TODAY + dt.timedelta(days=1))
    dialog.save()
    assert "in the future" in dialog.messages.message("given_on")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not practice.consent.has_consent(client.id)


def test_resolved_today_is_one_click_and_can_be_reopened(
    qtbot: QtBot, practice: Practice, qtmodeltester
) -> None:
    client_id, _, sessions = charted(practice)
    practice.charting.add_reaction(sessions[-1].id, None, "headache", "mild", "after", "Gone by evening")
    page = page_for(qtbot, practice, client_id)
    model = page.reactions_model
    qtmodeltester.check(model)
    assert page.reactions_box.title() == "Follow up (1 open)"
    assert model.index(0, 2).data() == "Mild headache"
    assert model.index(0, ReactionsModel.ACTION_COLUMN).data() == "Resolved today"
    rect = page.reactions_table.visualRect(model.index(0, ReactionsModel.ACTION_COLUMN))
    qtbot.mouseClick(page.reactions_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert practice.followups.reactions_for_client(client_id)[0].resolved_on == TODAY
    assert page.reactions_box.title() == "Follow up"
    assert model.index(0, ReactionsModel.ACTION_COLUMN).data() == "Reopen"
    rect = page.reactions_table.visualRect(model.index(0, ReactionsModel.ACTION_COLUMN))
    qtbot.mouseClick(page.reactions_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert practice.followups.reactions_for_client(client_id)[0].is_open


def test_the_course_dialog_explains_an_interval_outside_1_to_60_days_and_saves_nothing(
    qtbot: QtBot, practice: Practice
) -> None:
    client, _ = client_with_course(practice)
    dialog = CourseDialog(practice, client.id)
    qtbot.addWidget(dialog)
    assert dialog.planned.value() == 10 and dialog.interval.value() == 7
    dialog.interval.setValue(90)
    dialog.save()
    assert dialog.messages.message("interval_days") == "Sessions are 1 to 60 days apart (typically 7 to 14)."
    assert len(practice.courses.courses_for(client.id)) == 1
    dialog.interval.setValue(14)
    dialog.save()
    assert dialog.saved is not None and dialog.saved.interval_days == 14


def test_completing_a_course_proposes_maintenance_visits(qtbot: QtBot, practice: Practice) -> None:
    _, course_id, _ = charted(practice)
    dialog = CompleteCourseDialog(practice, practice.courses.course(course_id))
    qtbot.addWidget(dialog)
    assert dialog.preview.text() == "Sun, 21 Feb 2027  ·  Fri, 21 May 2027  ·  Sat, 21 Aug 2027"
    dialog.months.setValue(2)
    assert dialog.preview.text().startswith("Thu, 21 Jan 2027")
    dialog.complete()
    assert practice.courses.course(course_id).status == "maintenance"
    assert dialog.proposed[0] == dt.date(2027, 1, 21)


def test_the_follow_up_models_pass_the_model_tester(qtmodeltester, practice: Practice) -> None:
    charted(practice)
    found = practice.followups.followups()
    for model, rows in (
        (CoursesDueModel(), found.overdue_courses),
        (ReactionsModel(clock.today), found.open_reactions),
        (SessionHistoryModel(), ()),
    ):
        model.set_rows(rows)  # type: ignore[attr-defined]
        qtmodeltester.check(model)


# --- the widgets the session editor hosts --------------------------------------------------------


def test_a_rating_is_one_tap_and_a_second_tap_clears_it(qtbot: QtBot, practice: Practice) -> None:
    _client_id, _, sessions = charted(practice)
    unsigned = sessions[-1]
    widget = RatingsWidget(practice, unsigned.id)
    qtbot.addWidget(widget)
    assert list(widget.buttons) == ["wrinkles", "radiance"]
    assert [len(b) for b in widget.buttons.values()] == [11, 11]
    assert widget.buttons["wrinkles"][5].isChecked()
    qtbot.mouseClick(widget.buttons["wrinkles"][3], Qt.MouseButton.LeftButton)
    assert practice.ratings.ratings_for(unsigned.id)["wrinkles"] == 3
    assert widget.buttons["wrinkles"][3].isChecked() and not widget.buttons["wrinkles"][5].isChecked()
    qtbot.mouseClick(widget.buttons["wrinkles"][3], Qt.MouseButton.LeftButton)
    assert "wrinkles" not in practice.ratings.ratings_for(unsigned.id)
    widget.set_session(sessions[0].id)
    assert not widget.buttons["wrinkles"][8].isEnabled()
    assert widget.buttons["wrinkles"][8].isChecked()
    assert "Amend" in widget.hint.text()


def test_the_sign_button_waits_for_the_needle_count_and_says_why(qtbot: QtBot, practice: Practice) -> None:
    client, course = client_with_course(practice)
    session = chart_session(practice, client.id, course.id, NOW - dt.timedelta(minutes=50), counted=False)
    panel = SignPanel(practice, session.id)
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.sign_button.isEnabled()
    assert panel.reason.text() == "Confirm how many needles were removed before signing."
    assert panel.balance.text() == "Needles: 2 in · removed not yet confirmed"
    elsewhere(practice, lambda: practice.sessions.set_needles_removed(session.id, 2))
    assert panel.sign_button.isEnabled() and not panel.reason.isVisible()
    assert panel.balance.text() == "Needles: 2 in · 2 out ✓"


def test_signing_then_amending_shows_the_signature_and_old_to_new_values(
    qtbot: QtBot, practice: Practice, monkeypatch: pytest.MonkeyPatch
) -> None:
    _client_id, _, sessions = charted(practice)
    session = sessions[-1]
    panel = SignPanel(practice, session.id)
    qtbot.addWidget(panel)
    panel.show()
    monkeypatch.setattr(SignPanel, "confirm_sign", lambda self: True)
    qtbot.mouseClick(panel.sign_button, Qt.MouseButton.LeftButton)
    assert panel.signature.text() == f"Signed 21 Nov 2026, 14:05 by {PRACTITIONER}"
    assert not panel.sign_button.isVisible() and panel.amend_button.isVisible()
    assert not panel.late.isVisible()  # charted at the chair, signed the same day

    dialog = AmendDialog(practice, session.id, panel)
    qtbot.addWidget(dialog)
    dialog.select("ratings", None, "wrinkles")
    assert dialog.current.text() == "5"
    dialog.set_new_value("4")
    dialog.save()
    assert dialog.messages.message("reason") == "Say why the signed record is being changed."
    dialog.reason.setPlainText("Client misread the scale (10 = a great concern).")
    dialog.save()
    assert dialog.saved is not None
    assert "5 → 4" in panel.amendments.text()
    assert "Client misread the scale" in panel.amendments.text()
    assert panel.amendments.isVisible()


def test_a_reaction_reported_after_signing_is_added_as_a_late_entry(qtbot: QtBot, practice: Practice) -> None:
    client_id, _, sessions = charted(practice)
    dialog = LateReactionDialog(practice, sessions[0].id)
    qtbot.addWidget(dialog)
    dialog.where.setCurrentIndex(1)  # the first mark: left ST2
    dialog.kind.setCurrentIndex(dialog.kind.findData("bruising"))
    dialog.note.setPlainText("Phoned the next day")
    dialog.save()
    assert dialog.saved is not None
    (reaction,) = practice.followups.reactions_for_client(client_id)
    assert reaction.late_entry and reaction.label == "Mild bruising at left ST2"


def test_course_notes_keep_right_to_left_and_emoji_text(qtbot: QtBot, practice: Practice) -> None:
    client, course = client_with_course(practice)
    dialog = CourseDialog(practice, client.id, practice.courses.course(course.id))
    qtbot.addWidget(dialog)
    dialog.notes.setPlainText("نועה 🙂 — متابعة")
    dialog.save()
    assert practice.courses.course(course.id).notes == "نועה 🙂 — متابعة"
    assert practice.courses.update_course(course.id, CourseForm(concerns=["acne"])).value.concerns == (
        "acne",
    )


def test_the_screen_chart_draws_each_concern_as_the_printed_summary_does(qtbot: QtBot) -> None:
    from acuchart.models import RatingSeries
    from acuchart.progress_styles import series_style
    from acuchart.reports import plot
    from ui.records import progress_chart
    from ui.records.progress_chart import ProgressChart

    assert progress_chart.series_style is plot.series_style is series_style  # one source for both
    chart = ProgressChart()
    qtbot.addWidget(chart)
    chart.resize(560, 300)
    concerns = ("wrinkles", "radiance", "sagging", "acne")
    chart.set_series([RatingSeries(c, ((1, 2 + i), (3, 6 + i))) for i, c in enumerate(concerns)], 3)
    image = chart.grab().toImage()
    for index in range(len(concerns)):
        centre = chart.point_at(1, 2 + index).toPoint()
        assert image.pixelColor(centre).name() == series_style(index).colour.lower(), index
