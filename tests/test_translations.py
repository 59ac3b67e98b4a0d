"""Every word a person reads is marked for translation, and every catalogue translates every marked word.

Three checks, each able to fail on its own:
- an AST scan of ``ui/`` and the documents (``acuchart/reports``) finds the string literals handed to Qt's
  text setters and to the documents' drawing calls, and fails on any that is not marked (``_()``,
  ``N_()``, ``ngettext()``, a document's ``tr.gettext()``);
- the marked strings, extracted as ``make messages`` extracts them, are the committed template's, and the
  Spanish and French catalogues translate each of them (nothing empty, nothing fuzzy, the same ``{fields}``);
- nothing is translated while a module is imported (before the app has chosen its language).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "resources" / "locale"
LANGUAGES = ("es", "fr")
MARKERS = {"_", "N_", "ngettext", "pgettext", "gettext", "accessible"}
KEYWORDS = {
    "_": None,
    "N_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "accessible": (2,),
}
"""What ``make messages`` extracts (babel.cfg and the Makefile's keywords)."""

# Where a reader's words go: the call (its last name) and which positional arguments hold text.
TEXT_ARGUMENTS: dict[str, tuple[int, ...]] = {
    # Qt
    "setText": (0,),
    "setWindowTitle": (0,),
    "setToolTip": (0,),
    "setStatusTip": (0,),
    "setPlaceholderText": (0,),
    "setAccessibleName": (0,),
    "setAccessibleDescription": (0,),
    "setSpecialValueText": (0,),
    "setSuffix": (0,),
    "setTitle": (0,),
    "showMessage": (0,),
    "QLabel": (0,),
    "QPushButton": (0,),
    "QCheckBox": (0,),
    "QRadioButton": (0,),
    "QGroupBox": (0,),
    "QAction": (0, 1),
    "QMenu": (0,),
    "addMenu": (0,),
    "addAction": (0, 1),
    "addTab": (1,),
    "setTabText": (1,),
    "setTabToolTip": (1,),
    "addRow": (0,),
    "addItem": (0,),
    "warning": (1, 2),
    "information": (1, 2),
    "question": (1, 2),
    "critical": (1, 2),
    "warn": (1,),
    "confirm": (1, 2),
    "add_row": (2,),
    "getSaveFileName": (1, 3),
    "getOpenFileName": (1, 3),
    "getOpenFileNames": (1, 3),
    "getExistingDirectory": (1,),
    "getText": (1, 2),
    # the documents (acuchart/reports)
    "para": (0,),
    "cell": (0, 1, 2),
    "bullet": (0,),
    "draw_text": (3,),
}
TEXT_KEYWORDS = {"title", "running_title", "subject", "text", "toolTip", "placeholder"}
NOT_YET_TRANSLATED: tuple[str, ...] = ()
"""Files whose words are not marked yet, so they read in English in every language (none now). A screen that
lands before its words are translated goes here, said in the README's Languages section, until they are."""
PENDING = {
    line
    for line in (ROOT / "tests" / "translations_pending.txt").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
}
"""Marked words not yet in the catalogues (the accessibility work's, which landed after them): English in
every language until translated. Said in the README's Accessibility section."""
SCANNED = [
    path
    for path in [*sorted((ROOT / "ui").rglob("*.py")), *sorted((ROOT / "acuchart" / "reports").rglob("*.py"))]
    if not path.relative_to(ROOT).as_posix().startswith(NOT_YET_TRANSLATED)
]

ALLOWED = {
    "AcuChart",  # the app's name
    "SHA-256",  # a hash's name, the same in every language
    "Fitzpatrick",  # the scales' authors' names
    "Glogau",
}
"""Literals a reader sees that are the same in every language. Anything else is marked."""


def _needs_words(text: str) -> bool:
    """True when ``text`` holds a word (two letters running) outside its placeholders and tags."""
    bare = re.sub(r"\{[^{}]*\}|<[^<>]*>|&\w+;|\*\*", " ", text)
    return bool(re.search(r"[^\W\d_]{2}", bare)) and text.strip() not in ALLOWED


def _marked(node: ast.expr) -> bool:
    """True when ``node`` is a marked string, or ``.format()`` of one."""
    while isinstance(node, ast.Call):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name in MARKERS or name == "ngettext":
            return True
        if name == "format" and isinstance(func, ast.Attribute):
            node = func.value
            continue
        return False
    return False


def _literal_text(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
    if isinstance(node, ast.IfExp):
        parts = [_literal_text(node.body), _literal_text(node.orelse)]
        return " ".join(p for p in parts if p) or None
    return None


def _kept_for_later() -> set[str]:
    """The names of module constants that hold an ``N_()`` string: marked, but translated only where shown."""
    names = set()
    for path in [*(ROOT / "acuchart").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]:
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
            if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "N_":
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


KEPT_FOR_LATER = _kept_for_later()


def _untranslated_constants(node: ast.expr) -> list[str]:
    """``N_()`` constants shown as they are (``QLabel(NOTE)``, ``f"{NOTE}."``, ``.format(note=NOTE)``)."""
    parts: list[ast.expr] = [node]
    if isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.FormattedValue)]
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        parts = [*node.args, *(k.value for k in node.keywords)]
    elif isinstance(node, ast.IfExp):
        return _untranslated_constants(node.body) + _untranslated_constants(node.orelse)
    return [p.id for p in parts if isinstance(p, ast.Name) and p.id in KEPT_FOR_LATER]


def unmarked_texts(path: Path) -> list[str]:
    """Each literal with words handed to a text call in ``path`` without being marked, and each ``N_()``
    constant handed to one without being translated."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name not in TEXT_ARGUMENTS:
            continue
        arguments = [node.args[i] for i in TEXT_ARGUMENTS[name] if i < len(node.args)]
        arguments += [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS]
        for argument in arguments:
            text = _literal_text(argument)
            if text is not None and _needs_words(text) and not _marked(argument):
                found.append(f"{path.relative_to(ROOT)}:{argument.lineno}: {text!r}")
            found += [
                f"{path.relative_to(ROOT)}:{argument.lineno}: {name} (an N_() constant, shown untranslated)"
                for name in _untranslated_constants(argument)
            ]
    return found


def test_every_text_shown_or_printed_is_marked_for_translation() -> None:
    unmarked = [line for path in SCANNED for line in unmarked_texts(path)]
    assert not unmarked, "mark these with _() (ui) or tr.gettext() (documents):\n" + "\n".join(unmarked)


def test_the_scan_finds_an_unmarked_label(tmp_path: Path) -> None:
    sample = ROOT / "ui" / "__sample_for_test.py"
    try:
        sample.write_text(
            "def f(w):\n    w.setText('Save the session')\n    w.setText(_('Saved'))\n    w.setText('—')\n"
            "    w.setText(RATING_SCALE_NOTE)\n    w.setText(_(RATING_SCALE_NOTE))\n",
            encoding="utf-8",
        )
        assert unmarked_texts(sample) == [
            "ui/__sample_for_test.py:2: 'Save the session'",
            "ui/__sample_for_test.py:5: RATING_SCALE_NOTE (an N_() constant, shown untranslated)",
        ]
    finally:
        sample.unlink()


def _extracted() -> dict[str | tuple[str, ...], list[str]]:
    found: dict[str | tuple[str, ...], list[str]] = {}
    method_map = [("acuchart/**.py", "python"), ("ui/**.py", "python"), ("main.py", "python")]
    for filename, _lineno, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, keywords=KEYWORDS
    ):
        if filename.startswith(("acuchart/", "ui/", "main.py")):
            key = message if isinstance(message, str) else tuple(message)
            found.setdefault(key, []).append(filename)
    return found


@pytest.fixture(scope="module")
def extracted() -> dict[str | tuple[str, ...], list[str]]:
    return _extracted()


def _catalogue_ids(path: Path) -> set[str | tuple[str, ...]]:
    with path.open("rb") as handle:
        return {m.id if isinstance(m.id, str) else tuple(m.id) for m in read_po(handle) if m.id}


def test_the_template_holds_every_marked_string(extracted: dict[str | tuple[str, ...], list[str]]) -> None:
    template = _catalogue_ids(LOCALE / "acuchart.pot")
    missing = sorted(str(m) for m in set(extracted) - template - PENDING)
    assert not missing, f"run make messages (and translate): not in acuchart.pot: {missing[:20]}"


def test_the_pending_words_are_still_pending(extracted: dict[str | tuple[str, ...], list[str]]) -> None:
    template = _catalogue_ids(LOCALE / "acuchart.pot")
    stale = sorted(PENDING - (set(extracted) - template))
    assert not stale, f"remove from tests/translations_pending.txt (gone, or in the catalogues now): {stale}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_catalogue_translates_every_marked_string(
    language: str, extracted: dict[str | tuple[str, ...], list[str]]
) -> None:
    with (LOCALE / language / "LC_MESSAGES" / "acuchart.po").open("rb") as handle:
        catalogue = read_po(handle)
    by_id = {m.id if isinstance(m.id, str) else tuple(m.id): m for m in catalogue if m.id}
    problems = []
    fields = re.compile(r"\{[^{}]*\}")
    for message_id in set(extracted) - PENDING:
        message = by_id.get(message_id)
        if message is None:
            problems.append(f"missing: {message_id!r}")
            continue
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        if message.fuzzy or not all(strings):
            problems.append(f"untranslated or fuzzy: {message_id!r}")
            continue
        source = message_id if isinstance(message_id, str) else message_id[-1]
        wanted = set(fields.findall(source))
        for string in strings:
            if set(fields.findall(string)) != wanted:
                problems.append(f"placeholders differ: {message_id!r} -> {string!r}")
    assert not problems, "\n".join(problems[:40])


def _translated_at_import(path: Path) -> list[str]:
    """``_()`` calls that run when ``path`` is imported: at module or class level, or as a default."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []

    def visit(node: ast.AST, at_import: bool) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for default in [*node.args.defaults, *node.args.kw_defaults]:
                if default is not None:
                    visit(default, True)
            for decorator in node.decorator_list:
                visit(decorator, True)
            for child in node.body:
                visit(child, False)
            return
        if isinstance(node, ast.Lambda):
            return
        if (
            at_import
            and isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("_", "ngettext", "pgettext")
        ):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
        for child in ast.iter_child_nodes(node):
            visit(child, at_import)

    visit(tree, True)
    return found


def test_nothing_is_translated_before_the_language_is_chosen() -> None:
    paths = [
        *sorted((ROOT / "acuchart").rglob("*.py")),
        *sorted((ROOT / "ui").rglob("*.py")),
        ROOT / "main.py",
    ]
    early = [line for path in paths for line in _translated_at_import(path)]
    assert not early, "use N_() where these are written and _() where they are shown:\n" + "\n".join(early)


def test_the_place_phrases_module_lists_every_region() -> None:
    from tools.place_words import TARGET, module_text

    assert TARGET.read_text(encoding="utf-8") == module_text(), "run python -m tools.place_words"
