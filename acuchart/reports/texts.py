"""The advice texts on paper: placeholders filled, the consent's version read, the Markdown cut into blocks.

Each text is a small Markdown file in ``resources/handouts`` (``what_to_expect.md``, ``aftercare.md``,
``lifestyle.md``, ``course_note.md``, ``consent.md``), keyed by its name without the suffix. The practice's edited versions,
kept by the app in its settings, override the files. The Markdown is a small subset: a ``# title``,
``## headings``, ``- bullets``, paragraphs separated by blank lines and ``**bold**``; ``{placeholders}``
such as ``{practice_phone}`` are filled in when a document is drawn.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from acuchart.handout_texts import HANDOUT_TEXTS, TEXT_KEYS, load_texts, text_for

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_VERSION_LINE = re.compile(r"^\s*version\s*:\s*(\S.*?)\s*$", re.IGNORECASE)


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with each ``{name}`` that ``values`` knows replaced; unknown placeholders stay visible."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def consent_text(texts: Mapping[str, str]) -> tuple[str, str]:
    """The consent template's version (from its ``Version: ...`` line) and its text without that line."""
    version = ""
    lines = text_for(texts, "consent").splitlines()
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        match = _VERSION_LINE.match(line)
        if match:
            version = match.group(1)
            del lines[index]
        break
    return version, "\n".join(lines).strip() + "\n"


BlockKind = Literal["title", "heading", "bullet", "paragraph"]


@dataclass(frozen=True)
class Block:
    """One block of a template: a title, a heading, a bullet or a paragraph (text keeps ``**bold**``)."""

    kind: BlockKind
    text: str


def blocks(text: str) -> list[Block]:
    """The template's blocks in order. Lines of one paragraph or bullet are joined with spaces."""
    result: list[Block] = []
    current: list[str] = []
    kind: BlockKind = "paragraph"

    def flush() -> None:
        if current:
            result.append(Block(kind, " ".join(current)))
            current.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("## "):
            flush()
            result.append(Block("heading", line[3:].strip()))
        elif line.startswith("# "):
            flush()
            result.append(Block("title", line[2:].strip()))
        elif line[:2] in ("- ", "* "):
            flush()
            kind = "bullet"
            current.append(line[2:].strip())
        else:
            if not current:
                kind = "paragraph"
            current.append(line)
    flush()
    return result


__all__ = ["HANDOUT_TEXTS", "TEXT_KEYS", "Block", "blocks", "consent_text", "fill", "load_texts", "text_for"]
