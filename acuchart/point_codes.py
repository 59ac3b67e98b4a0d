"""Point codes and names as practitioners type them: older spellings, spaces, tone marks.

WHO codes are the stored form (ST2, TE23, EX-HN3); older texts write SJ23, DU20, REN24, LIV3 or
"ST 2", and the Chinese national standard numbers Yintang GV29. Everything typed is brought to the
WHO form before it is looked up.
"""

from __future__ import annotations

import re
import unicodedata

# Older and alternative channel abbreviations, mapped to the WHO ones.
_CHANNEL_ALIASES: dict[str, str] = {
    "SJ": "TE",
    "TH": "TE",
    "TW": "TE",
    "TB": "TE",
    "DU": "GV",
    "GOV": "GV",
    "REN": "CV",
    "CON": "CV",
    "LIV": "LR",
    "LV": "LR",
    "UB": "BL",
    "KID": "KI",
    "K": "KI",
    "P": "PC",
    "HC": "PC",
    "H": "HT",
}
# Points numbered differently in other standards.
_POINT_ALIASES: dict[str, str] = {"GV29": "EX-HN3"}
_EXTRA = re.compile(r"^(EX|AC)(HN|CA|B|UE|LE)(\d+)$")
_CHANNEL = re.compile(r"^([A-Z]+)(\d+)$")
_SEPARATORS = re.compile(r"[\s\-_.]+")


def normalise_code(text: str) -> str:
    """A point code in WHO form, whatever spelling was typed.

    "st 2" -> "ST2", "SJ23" -> "TE23", "DU20" -> "GV20", "REN24" -> "CV24", "LIV3" -> "LR3",
    "GV29" -> "EX-HN3", "EX HN 3" -> "EX-HN3". Text that does not look like a code comes back
    upper-cased without spaces.
    """
    compact = _SEPARATORS.sub("", text.strip().upper())
    extra = _EXTRA.match(compact)
    if extra:
        return f"{extra[1]}-{extra[2]}{int(extra[3])}"
    channel = _CHANNEL.match(compact)
    if channel:
        letters = _CHANNEL_ALIASES.get(channel[1], channel[1])
        code = f"{letters}{int(channel[2])}"
        return _POINT_ALIASES.get(code, code)
    return compact


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Text reduced for matching: lower case, no tone marks or accents, no spaces, hyphens or apostrophes."""
    return re.sub(r"[\s\-'’_.]+", "", _plain(text))


def words(text: str) -> list[str]:
    """The words of a text in lower case without tone marks: "Sìbái, under the eye" -> sibai under the eye."""
    return re.findall(r"[a-z0-9]+", _plain(text))


def code_sort_key(code: str) -> tuple[str, int, str]:
    """Orders codes naturally: ST2 before ST10."""
    match = re.match(r"^(.*?)(\d+)$", code)
    if match:
        return (match[1], int(match[2]), code)
    return (code, 0, code)
