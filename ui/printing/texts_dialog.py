"""Handout texts (File → Handout texts…): the practice's own words for the advice a handout prints.

One tab per template, each with the placeholders it may use and a "Restore default" button; saving
stores the edited texts in the practice settings, and a text left as the default stays the default
(so a better default in a later version reaches the practice).
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from acuchart.errors import ValidationError
from acuchart.handout_texts import TEXT_TITLES
from acuchart.i18n import LANGUAGES, N_, _
from acuchart.practice import Practice
from acuchart.reports.data import PracticeHeader
from acuchart.reports.texts import TEXT_KEYS, consent_text, load_texts
from ui.accessibility import accessible
from ui.messages import confirm
from ui.operations import Operations
from ui.records.language_settings import language_box
from ui.style import mute

WHERE_PRINTED: dict[str, str] = {
    "what_to_expect": N_("Printed on every session handout, after the points and reactions."),
    "aftercare": N_("Printed on every session handout, after What to expect."),
    "lifestyle": N_("Printed on every session handout, before the next appointment."),
    "course_note": N_("Printed at the end of every course summary."),
    "consent": N_("The text of the consent form the client signs."),
}
FORMAT_HELP = N_(
    "Write plain text. A line starting with <b>#</b> is the title, <b>##</b> a heading, <b>-</b> a bullet; "
    "a blank line starts a new paragraph; <b>**bold**</b> prints in bold."
)


def placeholders() -> list[str]:
    """The ``{names}`` a text may use, filled in when a document is printed."""
    empty = PracticeHeader(practice_name="", practitioner_name="", licence_number="")
    return [*(f"{{{name}}}" for name in empty.placeholders), "{client_name}"]


class TextTab(QWidget):
    """One template: its text, where it prints, the placeholders, and a way back to the default."""

    def __init__(self, key: str, text: str, default: str, note: str = "") -> None:
        super().__init__()
        self.key = key
        self.default = default
        self.editor = QPlainTextEdit()
        self.editor.setObjectName(f"text_{key}")
        self.editor.setPlainText(text)
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        self.restore_button = QPushButton(_("Restore default"))
        self.restore_button.setToolTip(_("Put back the text AcuChart comes with (saved when you press Save)"))
        self.restore_button.clicked.connect(self.restore_default)
        where = QLabel(_(WHERE_PRINTED.get(key, "")))
        mute(where)
        names = QLabel(_("Placeholders: ") + "  ".join(f"<code>{name}</code>" for name in placeholders()))
        names.setWordWrap(True)
        names.setToolTip(_("Typed as shown, each is replaced by the practice's details or the client's name"))
        row = QHBoxLayout()
        row.addWidget(names, 1)
        row.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        if note:
            extra = QLabel(note)
            extra.setWordWrap(True)
            layout.addWidget(extra)
        layout.addWidget(self.editor, 1)
        layout.addLayout(row)

    @property
    def text(self) -> str:
        """The text as edited."""
        return self.editor.toPlainText()

    @property
    def is_default(self) -> bool:
        """True when the text is the default one (ignoring white space at the ends)."""
        return self.text.strip() == self.default.strip()

    def restore_default(self) -> None:
        """Replace the text with the default."""
        self.editor.setPlainText(self.default)


class HandoutTextsDialog(QDialog):
    """Edit the handout texts; Save stores them all in one change, Cancel leaves them as they were."""

    def __init__(
        self, practice: Practice, parent: QWidget | None = None, language: str | None = None
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self.setWindowTitle(_("Handout texts"))
        self.resize(760, 640)
        self.language = language_box()
        self.language.setObjectName("textsLanguage")
        self.language.setToolTip(
            _("The practice's texts exist per language: each client's documents use theirs")
        )
        self._code = language or practice.settings.language()
        self.language.setCurrentIndex(max(0, self.language.findData(self._code)))
        self.language.currentIndexChanged.connect(self._language_chosen)
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(_("Texts in")))
        chooser.addWidget(self.language)
        chooser.addStretch(1)
        self.tabs = QTabWidget()
        self.text_tabs: dict[str, TextTab] = {}
        self._load(self._code)
        help_label = QLabel(_(FORMAT_HELP))
        help_label.setWordWrap(True)
        mute(help_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(help_label)
        layout.addWidget(buttons)

    def _load(self, code: str) -> None:
        """Show the texts in ``code``: the practice's own where it wrote them, else AcuChart's."""
        defaults = load_texts(language=code)
        current = load_texts(self._practice.settings.handout_texts(code), language=code)
        version = self._practice.settings.get().consent_text_version
        self.tabs.clear()
        self.text_tabs = {}
        for key in TEXT_KEYS:
            text, default, note = current.get(key, ""), defaults.get(key, ""), ""
            if key == "consent":
                # The version printed is the practice's setting, not a line of the text: one place to change it.
                text, default = consent_text({key: text})[1], consent_text({key: default})[1]
                note = _(
                    "The form prints the consent text version from Practice settings (now <b>{version}</b>). When you change what the client agrees to, give the new text a new version there too."
                ).format(version=version)
            tab = TextTab(key, text, default, note)
            self.text_tabs[key] = tab
            self.tabs.addTab(tab, _(TEXT_TITLES.get(key, key)))
            where = WHERE_PRINTED.get(key)
            accessible(tab.editor, TEXT_TITLES.get(key, key), _(where) if where else "")  # the tab's title
        self._loaded = {key: tab.text for key, tab in self.text_tabs.items()}

    def _language_chosen(self) -> None:
        code = str(self.language.currentData())
        changed = any(tab.text != self._loaded[key] for key, tab in self.text_tabs.items())
        if changed and not confirm(
            self,
            _("Handout texts"),
            _("Leave the changes to the {language} texts unsaved?").format(language=LANGUAGES[self._code]),
        ):
            self.language.blockSignals(True)
            self.language.setCurrentIndex(self.language.findData(self._code))
            self.language.blockSignals(False)
            return
        self._code = code
        self._load(code)

    def edited(self) -> dict[str, str]:
        """The texts that differ from the defaults, by key."""
        return {key: tab.text for key, tab in self.text_tabs.items() if not tab.is_default}

    def save(self) -> None:
        """Store the edited texts and close; a problem is shown and nothing is saved."""
        try:
            edited = self.edited()
            Operations.of(self._practice).apply(
                lambda: self._practice.settings.set_handout_texts(edited, self._code), self
            )
        except ValidationError as exc:
            for key in exc.problems:
                if key in self.text_tabs:
                    self.tabs.setCurrentWidget(self.text_tabs[key])
                    break
            QMessageBox.warning(self, _("Handout texts"), str(exc))
            return
        self.accept()
