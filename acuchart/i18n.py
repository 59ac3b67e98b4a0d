"""Translations for the whole of AcuChart: the app's screens, the command line and every printed document.

One mechanism, GNU gettext catalogues (``resources/locale/<code>/LC_MESSAGES/acuchart.po``, compiled to
``.mo`` by ``make``), serves the core and the ui alike, because the core, which never imports Qt, writes
the PDFs and the command line's messages. Two languages are in play at once:

- the **app's language**, the practitioner's (:func:`app_language`): what the screens and messages say.
  It follows the computer's language unless the practitioner chose another one (the ui remembers that);
  :func:`_` and :func:`ngettext` translate into it.
- a **document's language**, the client's: a report takes a :class:`Language` (:func:`language`) and says
  everything through it, never through the app's language, so a practitioner working in English prints a
  handout in Spanish.

Strings are marked where they are written: ``_("Save")`` translates now; ``N_("Bruising")`` only marks a
string kept in a table, translated where it is shown (``_(label)`` or ``language.gettext(label)``).
Nothing is read from disk until a language other than English is first asked for.
"""

from __future__ import annotations

import gettext as _gettext
import io
import os
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Generic, TypeVar, overload

from acuchart.errors import AcuChartError

SOURCE_LANGUAGE = "en"
"""The language the strings are written in; it needs no catalogue."""

LANGUAGES: dict[str, str] = {"en": "English", "es": "Español", "fr": "Français"}
"""Every language AcuChart speaks, by code (ISO 639-1, as BCP-47 uses it), named in itself."""

DOMAIN = "acuchart"
"""The catalogues' file name: ``acuchart.po`` and ``acuchart.mo``."""


def locale_dir() -> Path:
    """The folder holding the catalogues: ``resources/locale`` in a checkout."""
    from acuchart.resources import RESOURCES

    return RESOURCES / "locale"


class UnknownLanguageError(AcuChartError):
    """A language code AcuChart has no translation for; the message lists those it has."""

    def __init__(self, code: str) -> None:
        self.code = code
        available = ", ".join(f"{c} ({name})" for c, name in LANGUAGES.items())
        super().__init__(
            _("AcuChart has no language with the code “{code}”. Use one of: {available}.").format(
                code=code, available=available
            )
        )


def language_code(text: str | None) -> str | None:
    """The code AcuChart knows for a locale or language name such as ``es_MX.UTF-8``, ``fr-CA`` or ``en``.

    None when ``text`` is empty or names a language without a translation.
    """
    if not text:
        return None
    base = text.replace("-", "_").split(".")[0].split("@")[0].split("_")[0].strip().lower()
    return base if base in LANGUAGES else None


def locale_name(text: str | None) -> str:
    """A locale name as Babel writes it (``es_MX``) from ``es_MX.UTF-8``, ``es-MX`` or Qt's ``es-Latn-MX``
    (the script is left out: every language AcuChart speaks has one); empty for "C"."""
    if not text or text in ("C", "POSIX"):
        return ""
    parts = text.replace("-", "_").split(".")[0].split("@")[0].split("_")
    countries = [p.upper() for p in parts[1:] if len(p) == 2 or (len(p) == 3 and p.isdigit())]
    return "_".join([parts[0].lower(), *countries[:1]])


class Language:
    """One language's translations, and the locale its dates and numbers are written in.

    Attributes:
        code: the language, as :data:`LANGUAGES` names it ("es").
        locale: the Babel locale for dates ("es", "en_GB", "fr_CA"): the language with the practice's
            country where there is one.
    """

    def __init__(self, code: str, locale: str, translations: _gettext.NullTranslations) -> None:
        self.code = code
        self.locale = locale
        self._translations = translations

    def __repr__(self) -> str:
        return f"Language({self.code!r}, locale={self.locale!r})"

    @property
    def name(self) -> str:
        """The language named in itself: "Español"."""
        return LANGUAGES[self.code]

    def gettext(self, message: str) -> str:
        """``message`` in this language (itself when the catalogue lacks it)."""
        return self._translations.gettext(message) if message else message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The form of ``singular``/``plural`` this language uses for ``count``."""
        return self._translations.ngettext(singular, plural, count)

    def pgettext(self, context: str, message: str) -> str:
        """``message`` in this language, where ``context`` tells apart two uses of one English word."""
        return self._translations.pgettext(context, message)


ENGLISH = Language(SOURCE_LANGUAGE, "en_GB", _gettext.NullTranslations())
"""English as the documents have always printed it ("7 October 2026"): a document's language when no
other is given."""

_lock = threading.Lock()
_catalogues: dict[str, _gettext.NullTranslations] = {}
_app: Language | None = None


def _load_catalogue(code: str) -> _gettext.NullTranslations:
    """The compiled catalogue of ``code``; the ``.po`` source is compiled in memory when the ``.mo`` is
    missing or older (a checkout where ``make`` has not run since the catalogue changed)."""
    if code == SOURCE_LANGUAGE:
        return _gettext.NullTranslations()
    folder = locale_dir() / code / "LC_MESSAGES"
    mo, po = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
    try:
        if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
            with mo.open("rb") as fp:
                return _gettext.GNUTranslations(fp)
        if po.is_file():
            return _gettext.GNUTranslations(io.BytesIO(compile_catalogue(po)))
    except (OSError, ValueError) as exc:  # a damaged catalogue: the app still runs, in English
        import logging

        logging.getLogger("acuchart").warning("Could not read the %s catalogue: %s", code, exc)
    return _gettext.NullTranslations()


def compile_catalogue(po: Path) -> bytes:
    """A ``.po`` catalogue compiled to ``.mo`` bytes, fuzzy entries left out (as ``pybabel compile`` does)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fp:
        catalogue = read_po(fp)
    out = io.BytesIO()
    write_mo(out, catalogue)
    return out.getvalue()


def _catalogue(code: str) -> _gettext.NullTranslations:
    with _lock:
        if code not in _catalogues:
            _catalogues[code] = _load_catalogue(code)
        return _catalogues[code]


def language(code: str | None = None, territory: str | None = None) -> Language:
    """The language ``code`` (None: the app's). Its dates are written for ``territory`` (default: the
    app's country) where Babel has that locale, so a Spanish handout printed in Mexico City reads as
    Mexican Spanish; the app's own language keeps the app's locale.

    Raises:
        UnknownLanguageError: AcuChart has no translation for ``code``.
    """
    app = app_language()
    if code is None:
        return app
    known = language_code(code)
    if known is None:
        raise UnknownLanguageError(code)
    if known == app.code and territory is None:
        return app
    country = app.locale.partition("_")[2] if territory is None else territory
    return Language(known, _locale_for(known, country), _catalogue(known))


def _locale_for(code: str, territory: str) -> str:
    """``code_TERRITORY`` when Babel has that locale, else the language's own default."""
    if territory:
        from babel import localedata

        if localedata.exists(f"{code}_{territory}"):
            return f"{code}_{territory}"
    return _DEFAULT_LOCALES.get(code, code)


_DEFAULT_LOCALES = {"en": "en_GB"}
"""English with no country is written as the documents always were: "7 October 2026", "10:30"."""


def system_locales() -> list[str]:
    """The locales the computer's settings ask for, most wanted first (``LANGUAGE``, ``LC_ALL``,
    ``LC_MESSAGES``, ``LANG``, as gettext reads them); the ui adds Qt's view of the system before these."""
    found: list[str] = []
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        found += [part for part in value.split(":") if part and part not in ("C", "POSIX")]
    return found


def choose_language(wanted: Iterable[str | None]) -> tuple[str, str]:
    """The first language of ``wanted`` (codes or locale names, most wanted first) that AcuChart speaks,
    and the locale its dates are written in; English when none is known."""
    locales = [w for w in wanted if w]
    for item in locales:
        code = language_code(item)
        if code is not None:
            name = locale_name(item)
            return code, name if "_" in name else _DEFAULT_LOCALES.get(code, code)
    first = locale_name(locales[0]) if locales else ""
    return SOURCE_LANGUAGE, first if first.startswith("en_") else _DEFAULT_LOCALES[SOURCE_LANGUAGE]


def set_app_language(
    code: str | None = None, system: Iterable[str] = (), formats: str | None = None
) -> Language:
    """Make ``code`` the app's language (None: the first language of ``system``, then of the environment,
    that AcuChart speaks). Dates keep the computer's country when the language is the computer's:
    ``formats`` is the locale the computer writes dates in ("en_GB"; the ui passes Qt's, and without
    ``system`` the environment's ``LC_ALL``, ``LC_TIME`` or ``LANG`` is used), which can name a country
    that the list of languages does not ("en" with British dates).

    Raises:
        UnknownLanguageError: ``code`` is given and AcuChart has no translation for it.
    """
    global _app
    system = list(system)
    if formats is None and not system:
        formats = next((v for v in map(os.environ.get, ("LC_ALL", "LC_TIME", "LANG")) if v), None)
    wanted = [*system, *system_locales()]
    if code is None:
        chosen, locale = choose_language(wanted)
    else:
        known = language_code(code)
        if known is None:
            raise UnknownLanguageError(code)
        chosen, locale = choose_language([w for w in wanted if language_code(w) == known] or [known])
    written = locale_name(formats)
    if "_" in written and language_code(written) == chosen:
        locale = _locale_for(chosen, written.partition("_")[2])
    _app = Language(chosen, locale, _catalogue(chosen))
    return _app


def app_language() -> Language:
    """The language the app speaks now (the environment's, until :func:`set_app_language` says otherwise)."""
    if _app is None:
        return set_app_language()
    return _app


def _(message: str) -> str:
    """``message`` in the app's language."""
    return app_language().gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it (a label kept in a table)."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of ``singular``/``plural`` the app's language uses for ``count``."""
    return app_language().ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` in the app's language, where ``context`` tells apart two uses of one English word."""
    return app_language().pgettext(context, message)


def available_languages() -> dict[str, str]:
    """Every language AcuChart can speak, by code, named in itself."""
    return dict(LANGUAGES)


K = TypeVar("K", str, int)


class Labels(Sequence[tuple[K, str]], Generic[K]):
    """A table of stable keys and the words a reader sees for them, marked for translation where it is
    written (``Labels(("bruising", N_("Bruising")), ...)``).

    Read as a sequence of ``(key, label)`` pairs, or through :meth:`by_key`, it speaks the app's language
    at the moment it is read; a document asks :meth:`label` with its own :class:`Language`. The keys are
    what the record stores, so they never change with the language.
    """

    def __init__(self, *pairs: tuple[K, str]) -> None:
        self._pairs: tuple[tuple[K, str], ...] = tuple(pairs)
        self._source: dict[K, str] = dict(self._pairs)

    def __len__(self) -> int:
        return len(self._pairs)

    @overload
    def __getitem__(self, index: int) -> tuple[K, str]: ...

    @overload
    def __getitem__(self, index: slice) -> Labels[K]: ...

    def __getitem__(self, index: int | slice) -> tuple[K, str] | Labels[K]:
        if isinstance(index, slice):
            return Labels(*self._pairs[index])
        key, label = self._pairs[index]
        return key, _(label)

    def __add__(self, other: Labels[K]) -> Labels[K]:
        return Labels(*self._pairs, *(p for p in other._pairs if p[0] not in self._source))

    def __repr__(self) -> str:
        return f"Labels{self._pairs!r}"

    def codes(self) -> tuple[K, ...]:
        """The keys, in order."""
        return tuple(key for key, _label in self._pairs)

    def source(self, key: K) -> str:
        """The English label of ``key`` (the key itself when the table lacks it): what exports write."""
        return self._source.get(key, str(key))

    def label(self, key: K, language: Language | None = None) -> str:
        """The label of ``key`` in ``language`` (None: the app's); a key the table lacks is shown as it is."""
        if key not in self._source:
            return str(key)
        return (language or app_language()).gettext(self._source[key])

    def by_key(self, language: Language | None = None) -> LabelMap[K]:
        """The table as a mapping from key to label, read in ``language`` (None: the app's, when read)."""
        return LabelMap(self, language)


class LabelMap(Mapping[K, str], Generic[K]):
    """A :class:`Labels` table looked up by key; each label is translated when it is read."""

    def __init__(self, labels: Labels[K], language: Language | None = None) -> None:
        self._labels: Labels[K] = labels
        self._language = language

    def __getitem__(self, key: K) -> str:
        if key not in self._labels.codes():
            raise KeyError(key)
        return self._labels.label(key, self._language)

    def __iter__(self) -> Iterator[K]:
        return iter(self._labels.codes())

    def __len__(self) -> int:
        return len(self._labels)
