"""The demo practice's record: consent, courses, ratings and signatures, and something to follow up."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from acuchart.demo import write_demo
from acuchart.demo_records import add_demo_records
from acuchart.practice import Practice


def test_the_demo_record_has_a_story_to_tell_and_an_intact_audit_trail(tmp_path: Path) -> None:
    path = tmp_path / "demo.acuchart"
    write_demo(path)
    practice = Practice.open(path)
    try:
        today = dt.date.today()
        add_demo_records(practice, random.Random(8), today)
        records = practice.records
        clients = practice.clients.search("")
        without_consent = [c.display_name for c in clients if not records.has_consent(c.id)]
        assert without_consent == ["Moreau, Rosa"]
        assert all(records.courses_for(c.id) for c in clients)
        history = [s for c in clients for s in records.client_history(c.id)]
        assert all(s.signed for s in history if s.started_at.date() < today)
        assert all(s.number is not None for s in history)
        found = records.followups(today)
        assert "Rosa Moreau" in [c.client_name for c in found.overdue_courses]
        assert [c.client_name for c in found.due_maintenance] == ["Eva Lindqvist"]
        assert 0 < len(found.open_reactions) < 10
        first = min(clients, key=lambda c: c.id)
        amended = [s for s in records.client_history(first.id) if s.amendments]
        assert amended and records.amendments_for(amended[0].id)[-1].reason.startswith("Client said")
        eva = next(c for c in clients if c.last_name == "Lindqvist")
        (series, *_) = records.progress_series(records.courses_for(eva.id)[0].id)
        scores = [score for _, score in series.points]
        assert len(scores) == 8 and scores[-1] < scores[0]
        assert practice.verify_audit().ok
    finally:
        practice.close()
