"""The advice texts a practice prints on handouts and consent forms: templates it may edit.

Each text is a small Markdown file in ``resources/handouts`` (``what_to_expect.md``, ``aftercare.md``,
``lifestyle.md``, ``course_note.md``, ``consent.md``), keyed by its name without the suffix. The
practice's edited versions, kept in its settings, override the files. How they are drawn on paper is
:mod:`acuchart.reports.texts`'s business; the settings service only needs to know which texts exist.
"""

from __future__ import annotations

from collections.abc import Mapping

from acuchart.resources import RESOURCES

HANDOUT_TEXTS = RESOURCES / "handouts"
TEXT_KEYS: tuple[str, ...] = ("what_to_expect", "aftercare", "lifestyle", "course_note", "consent")
"""The texts a handout or consent form uses, in the order the settings screen lists them."""


def load_texts(overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """Every template, by key, with the practice's edits in ``overrides`` applied.

    An override that is empty or only whitespace counts as "not edited", so the file's text is used.
    """
    texts = {path.stem: path.read_text(encoding="utf-8") for path in sorted(HANDOUT_TEXTS.glob("*.md"))}
    for key, text in (overrides or {}).items():
        if text.strip():
            texts[key] = text
    return texts


def text_for(texts: Mapping[str, str], key: str) -> str:
    """The text ``key`` from ``texts``, or the file's text when ``texts`` lacks it."""
    text = texts.get(key, "")
    if text.strip():
        return text
    path = HANDOUT_TEXTS / f"{key}.md"
    return path.read_text(encoding="utf-8") if path.exists() else ""
