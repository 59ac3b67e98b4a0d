"""The advice texts a practice prints on handouts and consent forms: templates it may edit, one set per
language.

Each text is a small Markdown file in ``resources/handouts`` (``what_to_expect.md``, ``aftercare.md``,
``lifestyle.md``, ``course_note.md``, ``consent.md``), keyed by its name without the suffix; the same
texts in another language are in a folder named by its code (``resources/handouts/es/aftercare.md``).
The practice's edited versions, kept in its settings per language, override the files. How they are drawn
on paper is :mod:`acuchart.reports.texts`'s business; the settings service only needs to know which
texts exist.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from acuchart.i18n import LANGUAGES, N_, SOURCE_LANGUAGE, _
from acuchart.resources import RESOURCES

HANDOUT_TEXTS = RESOURCES / "handouts"
TEXT_KEYS: tuple[str, ...] = ("what_to_expect", "aftercare", "lifestyle", "course_note", "consent")
"""The texts a handout or consent form uses, in the order the settings screen lists them."""
TEXT_TITLES: dict[str, str] = {
    "what_to_expect": N_("What to expect"),
    "aftercare": N_("Aftercare"),
    "lifestyle": N_("Skin and lifestyle"),
    "course_note": N_("Course summary note"),
    "consent": N_("Consent form"),
}
"""Each text's name, as the practitioner reads it (translate with ``_()``)."""


def _folder(language: str) -> list[Path]:
    folders = [HANDOUT_TEXTS / language] if language != SOURCE_LANGUAGE else []
    return [*folders, HANDOUT_TEXTS]


def file_text(key: str, language: str = SOURCE_LANGUAGE) -> str:
    """The text ``key`` as AcuChart ships it in ``language`` (English where that language lacks it)."""
    for folder in _folder(language):
        path = folder / f"{key}.md"
        if path.exists():
            return path.read_text(encoding="utf-8")
    return ""


def load_texts(overrides: Mapping[str, str] | None = None, language: str = SOURCE_LANGUAGE) -> dict[str, str]:
    """Every template in ``language``, by key, with the practice's edits in ``overrides`` applied.

    An override that is empty or only whitespace counts as "not edited", so the file's text is used.
    """
    texts = {key: file_text(key, language) for key in TEXT_KEYS}
    for key, text in (overrides or {}).items():
        if text.strip():
            texts[key] = text
    return texts


def text_for(texts: Mapping[str, str], key: str) -> str:
    """The text ``key`` from ``texts``, or the file's text when ``texts`` lacks it."""
    text = texts.get(key, "")
    if text.strip():
        return text
    return file_text(key)


def document_texts(
    edited: Mapping[str, Mapping[str, str]], language: str, practice_language: str = SOURCE_LANGUAGE
) -> tuple[dict[str, str], list[str]]:
    """The texts a document in ``language`` prints, and a note to the practitioner for each text that
    could not be in that language.

    ``edited`` holds the practice's own texts by language. A text the practice wrote in ``language``
    is used; one it wrote only in another language (its own language first, then English) is used as
    written, in that language, rather than silently replaced by AcuChart's stock wording, and the note
    says so; otherwise AcuChart's own text in ``language`` is used.
    """
    texts: dict[str, str] = {}
    notes: list[str] = []
    own = edited.get(language, {})
    for key in TEXT_KEYS:
        if own.get(key, "").strip():
            texts[key] = own[key]
            continue
        other = next(
            (
                code
                for code in dict.fromkeys((practice_language, SOURCE_LANGUAGE, *LANGUAGES))
                if code != language and edited.get(code, {}).get(key, "").strip()
            ),
            None,
        )
        if other is None:
            texts[key] = file_text(key, language)
            continue
        texts[key] = edited[other][key]
        notes.append(
            _(
                "The practice's own “{text}” text has no {language} version yet, so it prints in {other} "
                "as you wrote it. Write it in {language} in Print → Handout texts…"
            ).format(text=_(TEXT_TITLES[key]), language=LANGUAGES[language], other=LANGUAGES[other])
        )
    return texts, notes
