"""The advice templates: editable by the practice, filled with its details, and never promising results."""

from __future__ import annotations

import re

import pytest

from acuchart.reports.texts import HANDOUT_TEXTS, TEXT_KEYS, blocks, consent_text, fill, load_texts, text_for

# Wording that promises an outcome. Printed records may say "may" and "results vary", never these.
PROMISES = re.compile(
    r"\bwill (improve|reduce|remove|erase|lift|tighten|firm|smooth|restore|rejuvenate|transform|clear|"
    r"make you|give you|look)\b|\bguarantee|\bpermanent\b|\bproven\b|\bcure[sd]?\b|\banti-ageing results\b",
    re.IGNORECASE,
)
KNOWN_PLACEHOLDERS = {
    "practice_name",
    "practitioner_name",
    "licence_number",
    "practice_address",
    "practice_phone",
    "practice_email",
    "client_name",
}


def test_every_text_the_documents_use_is_a_file_in_resources() -> None:
    for key in TEXT_KEYS:
        assert (HANDOUT_TEXTS / f"{key}.md").is_file()
    assert set(TEXT_KEYS) <= set(load_texts())


@pytest.mark.parametrize("key", TEXT_KEYS)
def test_no_template_promises_results(key: str) -> None:
    found = PROMISES.findall(load_texts()[key])
    assert not found, f"{key} promises a result: {found}"


def test_the_promise_check_catches_a_promise() -> None:
    assert PROMISES.search("Your wrinkles will improve after three sessions.")
    assert PROMISES.search("Guaranteed results!")
    assert not PROMISES.search("Results vary; some people may notice a change.")


@pytest.mark.parametrize("key", TEXT_KEYS)
def test_templates_use_only_placeholders_the_documents_fill(key: str) -> None:
    used = set(re.findall(r"\{([a-z_]+)\}", load_texts()[key]))
    assert used <= KNOWN_PLACEHOLDERS


def test_advice_covers_water_diet_exercise_skincare_and_is_no_substitute() -> None:
    lifestyle = load_texts()["lifestyle"].lower()
    for word in ("water", "diet", "exercise", "skincare", "no substitute"):
        assert word in lifestyle


def test_what_to_expect_says_when_to_call_the_practice() -> None:
    text = load_texts()["what_to_expect"]
    assert "bruising" in text.lower()
    assert "{practice_phone}" in text


def test_the_practices_edited_text_overrides_the_file() -> None:
    texts = load_texts({"aftercare": "# Aftercare\n\nRest today.", "lifestyle": "   "})
    assert texts["aftercare"] == "# Aftercare\n\nRest today."
    assert texts["lifestyle"] == (HANDOUT_TEXTS / "lifestyle.md").read_text(encoding="utf-8")
    assert text_for({}, "aftercare") == (HANDOUT_TEXTS / "aftercare.md").read_text(encoding="utf-8")


def test_fill_replaces_known_placeholders_and_leaves_stray_braces_alone() -> None:
    filled = fill("Call {practice_phone} {unknown} {", {"practice_phone": "01273 555 019"})
    assert filled == "Call 01273 555 019 {unknown} {"


def test_consent_text_carries_its_version() -> None:
    version, body = consent_text(load_texts())
    assert version == "2026-1"
    assert not body.lower().startswith("version")
    edited = consent_text({"consent": "Version: 2027-2\n\n# Consent\n\nI agree."})
    assert edited == ("2027-2", "# Consent\n\nI agree.\n")


def test_template_blocks() -> None:
    parsed = blocks("# Title\n\nA paragraph\nover two lines.\n\n## Heading\n- one\n- two\ncontinued\n")
    assert [(b.kind, b.text) for b in parsed] == [
        ("title", "Title"),
        ("paragraph", "A paragraph over two lines."),
        ("heading", "Heading"),
        ("bullet", "one"),
        ("bullet", "two continued"),
    ]
