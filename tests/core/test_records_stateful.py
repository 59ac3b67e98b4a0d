"""Random days at the practice: the record always matches what was done, and the audit chain always holds.

A state machine drives the services in random order (clients, consent, courses, sessions, ratings,
signing, amendments, reactions, reopening the file) against a plain model of what should be stored.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, consumes, invariant, multiple, rule

from acuchart import clock
from acuchart.errors import ConsentMissingError, SignedSessionError, ValidationError
from acuchart.models import CONCERNS
from acuchart.practice import Practice
from acuchart.services.clients import ClientForm
from acuchart.services.courses import CourseForm

NOW = dt.datetime(2026, 11, 21, 14, 5)
CONCERN_KEYS = [key for key, _ in CONCERNS]
names = st.text(
    alphabet=st.sampled_from(list("AbcéØñ林美נועהمرحبا🙂 -'")),
    min_size=1,
    max_size=12,
).filter(lambda s: s.strip() != "")


@dataclass
class SessionModel:
    client_id: int
    concerns: tuple[str, ...]
    signed: bool = False
    ratings: dict[str, int] = field(default_factory=dict)
    amendments: int = 0
    mark_id: int = 0


class PracticeDays(RuleBasedStateMachine):
    """A practice file in a temporary folder, and what it should hold."""

    clients = Bundle("clients")
    courses = Bundle("courses")
    sessions = Bundle("sessions")
    reactions = Bundle("reactions")

    def __init__(self) -> None:
        super().__init__()
        clock.set_clock(lambda: NOW)
        self.folder = Path(tempfile.mkdtemp(prefix="acuchart-stateful-"))
        self.path = self.folder / "practice.acuchart"
        self.practice = Practice.open(self.path)
        self.practice.settings.update(practitioner_name="Dr. Jane Doe")
        self.names: dict[int, str] = {}
        self.consented: set[int] = set()
        self.course_client: dict[int, int] = {}
        self.course_concerns: dict[int, tuple[str, ...]] = {}
        self.session_models: dict[int, SessionModel] = {}
        self.open_reactions: dict[int, bool] = {}
        self.audit_entries = self.practice.verify_audit().entries

    def teardown(self) -> None:
        self.practice.close()
        clock.set_clock(None)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _changed(self) -> None:
        """A successful action wrote at least one audit entry."""
        entries = self.practice.verify_audit().entries
        assert entries > self.audit_entries
        self.audit_entries = entries

    def _unchanged(self) -> None:
        assert self.practice.verify_audit().entries == self.audit_entries

    # --- clients and consent ------------------------------------------------------------------
    @rule(target=clients, first=names, last=names)
    def create_client(self, first: str, last: str) -> int:
        client = self.practice.clients.create(ClientForm(first_name=first, last_name=last)).value
        self.names[client.id] = client.full_name
        self._changed()
        return client.id

    @rule(client_id=clients, first=names)
    def rename_client(self, client_id: int, first: str) -> None:
        client = self.practice.clients.get(client_id)
        form = ClientForm(first_name=first, last_name=client.last_name)
        updated = self.practice.clients.update(client_id, form).value
        if updated.full_name != self.names[client_id]:
            self._changed()
        self.names[client_id] = updated.full_name

    @rule(client_id=clients)
    def record_consent(self, client_id: int) -> None:
        self.practice.consent.record_consent(client_id, NOW.date(), "signed_form")
        self.consented.add(client_id)
        self._changed()

    # --- courses ---------------------------------------------------------------------------------
    @rule(
        target=courses,
        client_id=clients,
        concerns=st.lists(st.sampled_from(CONCERN_KEYS), min_size=1, max_size=3, unique=True),
        interval=st.integers(-2, 70),
    )
    def create_course(self, client_id: int, concerns: list[str], interval: int) -> object:
        form = CourseForm(concerns=concerns, interval_days=interval, start_date=NOW.date())
        if not 1 <= interval <= 60:
            try:
                self.practice.courses.create_course(client_id, form)
            except ValidationError as exc:
                assert "interval_days" in exc.problems
            else:
                raise AssertionError("an interval outside 1-60 days was accepted")
            self._unchanged()
            return multiple()
        course = self.practice.courses.create_course(client_id, form).value
        self.course_client[course.id] = client_id
        self.course_concerns[course.id] = tuple(concerns)
        self._changed()
        return course.id

    # --- sessions --------------------------------------------------------------------------------
    @rule(target=sessions, course_id=courses, override=st.booleans())
    def start_session(self, course_id: int, override: bool) -> object:
        client_id = self.course_client[course_id]
        note = "Consent form at home; verbal consent today" if override else ""
        if client_id not in self.consented and not override:
            try:
                self.practice.sessions.create(client_id, course_id=course_id)
            except ConsentMissingError:
                self._unchanged()
                return multiple()
            raise AssertionError("a session started without consent or an override")
        session = self.practice.sessions.create(client_id, course_id=course_id, consent_override=note).value
        mark = self.practice.charting.mark_point(session.id, "ST2", "left").value
        self.practice.sessions.set_needles_removed(session.id, 1)
        self.session_models[session.id] = SessionModel(
            client_id, self.course_concerns[course_id], mark_id=mark.id
        )
        self._changed()
        return session.id

    @rule(session_id=sessions, index=st.integers(0, 2), score=st.integers(-2, 12))
    def rate(self, session_id: int, index: int, score: int) -> None:
        model = self.session_models[session_id]
        concern = model.concerns[index % len(model.concerns)]
        try:
            self.practice.ratings.set_rating(session_id, concern, score)
        except SignedSessionError:
            assert model.signed
        except ValidationError as exc:
            assert "score" in exc.problems and not 0 <= score <= 10
        else:
            assert not model.signed and 0 <= score <= 10
            if model.ratings.get(concern) != score:
                self._changed()
            model.ratings[concern] = score
            return
        self._unchanged()

    @rule(session_id=sessions)
    def sign(self, session_id: int) -> None:
        model = self.session_models[session_id]
        if model.signed:
            try:
                self.practice.signing.sign(session_id)
            except SignedSessionError:
                self._unchanged()
                return
            raise AssertionError("a session was signed twice")
        self.practice.signing.sign(session_id)
        model.signed = True
        self._changed()

    @rule(session_id=sessions, score=st.integers(0, 10), reason=names)
    def amend_rating(self, session_id: int, score: int, reason: str) -> None:
        model = self.session_models[session_id]
        concern = model.concerns[0]
        try:
            self.practice.signing.amend(session_id, "ratings", None, concern, score, reason)
        except ValidationError as exc:
            assert not model.signed or model.ratings.get(concern) == score, exc.problems
            self._unchanged()
            return
        assert model.signed
        model.ratings[concern] = score
        model.amendments += 1
        self._changed()

    # --- reactions -------------------------------------------------------------------------------
    @rule(target=reactions, session_id=sessions)
    def add_reaction(self, session_id: int) -> int:
        model = self.session_models[session_id]
        if model.signed:
            amendment = self.practice.signing.add_late_reaction(
                session_id, model.mark_id, "bruising", "mild"
            ).value
            assert amendment.entity_id is not None
            reaction_id = amendment.entity_id
            model.amendments += 1
        else:
            reaction_id = self.practice.charting.add_reaction(
                session_id, model.mark_id, "redness", "mild"
            ).value.id
        self.open_reactions[reaction_id] = True
        self._changed()
        return reaction_id

    @rule(reaction_id=reactions)
    def resolve(self, reaction_id: int) -> None:
        self.practice.followups.resolve_reaction(reaction_id)
        if self.open_reactions[reaction_id]:
            self._changed()
        self.open_reactions[reaction_id] = False

    @rule(reaction_id=consumes(reactions))
    def reopen(self, reaction_id: int) -> None:
        self.practice.followups.reopen_reaction(reaction_id)
        if not self.open_reactions[reaction_id]:
            self._changed()
        self.open_reactions[reaction_id] = True

    # --- the file --------------------------------------------------------------------------------
    @rule()
    def reopen_the_file(self) -> None:
        self.practice.close()
        self.practice = Practice.open(self.path)
        self._unchanged()

    # --- what must always hold -------------------------------------------------------------------
    @invariant()
    def the_store_matches_the_model(self) -> None:
        for client_id, name in self.names.items():
            assert self.practice.clients.get(client_id).full_name == name
            assert self.practice.consent.has_consent(client_id) == (client_id in self.consented)
        for session_id, model in self.session_models.items():
            assert self.practice.ratings.ratings_for(session_id) == model.ratings
            assert self.practice.sessions.get(session_id).signed == model.signed
            assert len(self.practice.signing.amendments_for(session_id)) == model.amendments
        open_ids = {r.id for r in self.practice.followups.followups().open_reactions}
        assert open_ids == {rid for rid, is_open in self.open_reactions.items() if is_open}

    @invariant()
    def the_audit_chain_holds(self) -> None:
        report = self.practice.verify_audit()
        assert report.ok, report.problem


PracticeDays.TestCase.settings = settings(max_examples=30, stateful_step_count=20, deadline=None)
PracticeDays.TestCase.pytestmark = [pytest.mark.slow]
test_random_days_at_the_practice_keep_the_record_and_its_audit_trail_whole = PracticeDays.TestCase
