"""Finding points as the practitioner types: by code (older spellings too), name, hanzi or region.

The words of every point are folded once, when the index is built, so that a search over the whole
atlas (some four hundred points) compares prepared strings only and answers within a keystroke.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from acuchart.point_codes import code_sort_key, fold, normalise_code, words

if TYPE_CHECKING:
    from acuchart.catalogue import CataloguePoint

_CODE_LIKE = re.compile(r"^[A-Z-]+\d*$")


class _Entry:
    """One point's searchable texts, folded once."""

    __slots__ = ("code", "compact", "english", "hanzi", "haystack", "meridian", "pinyin", "point", "region")

    def __init__(self, point: CataloguePoint) -> None:
        self.point = point
        self.code = point.code
        self.compact = point.code.replace("-", "")
        self.pinyin = fold(point.pinyin)
        self.english = fold(point.english)
        self.hanzi = point.hanzi
        self.region = fold(point.region)
        self.meridian = fold(point.meridian)
        self.haystack = " ".join(
            words(" ".join((point.english, point.region, point.location, point.meridian)))
        )


class PointIndex:
    """The catalogue's points prepared for :meth:`search`."""

    def __init__(self, points: Iterable[CataloguePoint]) -> None:
        self._entries = [_Entry(point) for point in points]
        self._sort_keys = {entry.code: code_sort_key(entry.code) for entry in self._entries}

    def search(self, query: str, limit: int = 20) -> list[CataloguePoint]:
        """Points matching ``query``, best first.

        An exact code comes first (any accepted spelling), then an exact pinyin name or hanzi, then
        codes that begin with what was typed, then names that begin with it, names that contain it,
        regions and channels, and last points whose description holds every word typed.
        """
        text = query.strip()
        if not text:
            return []
        code = normalise_code(text)
        folded = fold(text)
        code_prefix = code.replace("-", "") if _CODE_LIKE.match(code) else None
        typed = words(text)
        scored: list[tuple[int, tuple[str, int, str], CataloguePoint]] = []
        for entry in self._entries:
            score = _score(entry, text, code, folded, code_prefix, typed)
            if score is not None:
                scored.append((score, self._sort_keys[entry.code], entry.point))
        scored.sort(key=lambda item: (item[0], item[1]))
        return [point for _, _, point in scored[:limit]]


def _score(
    entry: _Entry, text: str, code: str, folded: str, code_prefix: str | None, typed: list[str]
) -> int | None:
    if entry.code == code:
        return 0
    if entry.pinyin == folded or text == entry.hanzi:
        return 1
    if code_prefix is not None and entry.compact.startswith(code_prefix):
        return 2
    if folded and (entry.pinyin.startswith(folded) or entry.english.startswith(folded)):
        return 3
    if folded and (folded in entry.pinyin or folded in entry.english or text in entry.hanzi):
        return 4
    if folded and (folded in entry.region or folded in entry.meridian):
        return 5
    if typed and all(word in entry.haystack for word in typed):
        return 6
    return None
