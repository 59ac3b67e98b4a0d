"""The practice's own details: name, practitioner, licence number, contact, logo, paper size."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from acuchart.changes import Changes, OpResult
from acuchart.errors import ValidationError
from acuchart.i18n import LANGUAGES, SOURCE_LANGUAGE, _
from acuchart.models import PracticeSettings
from acuchart.storage import settings as setting_rows
from acuchart.storage.store import Store
from acuchart.text import LONG_TEXT, SHORT_TEXT, check_length, clean

_FIELDS = set(PracticeSettings._fields) - {"extra"}
HANDOUT_TEXTS_KEY = "handout_texts"
"""The setting that holds the practice's edited handout texts, as {key: Markdown text}."""
LANGUAGE_KEY = "language"
"""The practice's language: what its documents print in for a client without a language of their own
(a code of :data:`acuchart.i18n.LANGUAGES`; absent: English, as every document printed before)."""
BACKUP_SECOND_PLACE_KEY = "backup_second_place"
"""The folder a second copy of each backup goes to (a USB drive, a synced folder): an absolute path, or ''
for none. Asked for at first start; it shows in ``PracticeSettings.extra`` under this name."""


def check_settings(values: Mapping[str, Any], practice_path: Path | None) -> dict[str, Any]:
    """The settings as they would be stored, checked; raises :class:`ValidationError` naming each bad one.

    Callable before the practice file exists (the first-start set-up checks everything before it
    creates the file); ``practice_path`` is where the file is or will be, None for one in memory.
    """
    problems: dict[str, str] = {}
    clean_values: dict[str, Any] = {}
    for key, value in values.items():
        if key == BACKUP_SECOND_PLACE_KEY:
            folder = clean(str(value))
            problem = _second_place_problem(Path(folder), practice_path) if folder else ""
            if problem:
                problems[key] = problem
            clean_values[key] = str(Path(folder).absolute()) if folder else ""
        elif key == LANGUAGE_KEY:
            code = clean(str(value)).lower()
            if code not in LANGUAGES:
                problems[key] = _("AcuChart has no documents in “{code}”. Choose one of: {names}.").format(
                    code=code, names=", ".join(LANGUAGES.values())
                )
            clean_values[key] = code
        elif key not in _FIELDS:
            problems[key] = _("There is no setting called {key}.").format(key=key)
        elif key == "paper_size":
            if value not in ("A4", "Letter"):
                problems[key] = _("Choose A4 or Letter.")
            clean_values[key] = value
        elif key == "caution_review_months":
            if not isinstance(value, int) or not 1 <= value <= 60:
                problems[key] = _("Enter a number of months from 1 to 60.")
            clean_values[key] = value
        else:
            text = clean(value)
            check_length(
                problems,
                key,
                text,
                1000 if key == "address" else SHORT_TEXT,
                key.replace("_", " ").capitalize(),
            )
            if key == "logo_path" and text and not Path(text).is_file():
                problems[key] = _("The logo file {text} does not exist. Choose a PNG or JPEG file.").format(
                    text=text
                )
            clean_values[key] = text
    if problems:
        raise ValidationError(problems)
    return clean_values


def _second_place_problem(folder: Path, practice_path: Path | None) -> str:
    """Why ``folder`` cannot take the second copy of the backups ('' when it can)."""
    from acuchart.paths import is_writable

    if not folder.is_absolute():
        return _("Choose the folder with the Choose… button (a full path, such as /media/usb/Backups).")
    if not folder.is_dir():
        return _(
            "{folder} is not a folder that exists now. Plug the drive in, or choose another folder."
        ).format(folder=folder)
    if not is_writable(folder):
        return _("{folder} cannot be written to. Choose a folder you can write to.").format(folder=folder)
    if practice_path is not None and folder.resolve() == practice_path.absolute().parent.resolve():
        return _(
            "That is the practice file's own folder: a second copy there is lost with the file. "
            "Choose another drive or a synced folder."
        )
    return ""


class SettingsService:
    """Reads and changes the practice settings; every change is one audited transaction."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self) -> PracticeSettings:
        """The practice settings, with defaults for anything never set."""
        stored = setting_rows.all_settings(self._store)
        known = {k: v for k, v in stored.items() if k in _FIELDS}
        extra = {k: v for k, v in stored.items() if k not in _FIELDS}
        return PracticeSettings(**known, extra=extra)

    def update(self, **values: Any) -> OpResult[PracticeSettings]:
        """Change some settings (``backup_second_place`` among them); raises :class:`ValidationError`
        naming each bad one, saving none."""
        clean_values = check_settings(values, self._store.path)
        with self._store.write() as writer:
            for key, value in clean_values.items():
                writer.put_setting(key, value)
        if "practitioner_name" in clean_values:
            self._store.actor = clean_values["practitioner_name"] or "practitioner"
        return OpResult(self.get(), Changes(settings=True))

    def language(self) -> str:
        """The practice's language (a code: "es"): its documents print in it for a client without one of
        their own. English when never set."""
        stored = setting_rows.all_settings(self._store).get(LANGUAGE_KEY)
        return stored if isinstance(stored, str) and stored in LANGUAGES else SOURCE_LANGUAGE

    # --- the handout texts the practice has edited (``handout_texts``, one setting per language) ----
    def handout_texts(self, language: str = SOURCE_LANGUAGE) -> dict[str, str]:
        """The practice's edited handout texts in ``language`` by key ("aftercare", ...); a key left out
        uses the file's text. English edits are kept under ``handout_texts``, the others under
        ``handout_texts.<code>``."""
        stored = setting_rows.all_settings(self._store).get(_texts_key(language)) or {}
        return {k: v for k, v in stored.items() if isinstance(v, str)} if isinstance(stored, dict) else {}

    def edited_texts(self) -> dict[str, dict[str, str]]:
        """Every language's edited handout texts, by language code: what a document needs to tell which
        texts the practice wrote in which language."""
        return {code: texts for code in LANGUAGES if (texts := self.handout_texts(code))}

    def set_handout_texts(
        self, texts: Mapping[str, str], language: str = SOURCE_LANGUAGE
    ) -> OpResult[dict[str, str]]:
        """Replace the edited handout texts in ``language``; a text that is empty, or the same as the
        file's in that language, is not kept.

        Raises:
            ValidationError: an unknown key or language, or a text too long to print.
        """
        from acuchart.handout_texts import TEXT_KEYS, load_texts

        if language not in LANGUAGES:
            raise ValidationError(
                {"language": _("AcuChart has no documents in “{code}”.").format(code=language)}
            )
        defaults = load_texts(language=language)
        problems: dict[str, str] = {}
        kept: dict[str, str] = {}
        for key, value in texts.items():
            if key not in TEXT_KEYS:
                problems[key] = _("There is no handout text called {key}.").format(key=key)
                continue
            text = clean(value)
            check_length(
                problems, key, text, LONG_TEXT, _("The {value} text").format(value=key.replace("_", " "))
            )
            if text and text != clean(defaults.get(key, "")):
                kept[key] = text + "\n"
        if problems:
            raise ValidationError(problems)
        with self._store.write() as writer:
            writer.put_setting(_texts_key(language), kept)
        return OpResult(self.handout_texts(language), Changes(settings=True))


def _texts_key(language: str) -> str:
    return HANDOUT_TEXTS_KEY if language == SOURCE_LANGUAGE else f"{HANDOUT_TEXTS_KEY}.{language}"
