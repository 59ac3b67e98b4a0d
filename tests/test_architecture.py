"""The house rules, checked by tools rather than memory."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_import_linter_contract_keeps_qt_out_of_the_core() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint_imports)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "KEPT" in result.stdout


def test_no_core_module_imports_qt_even_lazily() -> None:
    offenders = []
    for path in (REPO / "acuchart").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.relative_to(REPO)}: {n}" for n in names if n.split(".")[0] in {"PySide6", "ui"}
            ]
    assert offenders == []


def test_the_ui_writes_no_sql() -> None:
    pattern = re.compile(
        r"\b(insert\s+into|update\s+\w+\s+set|delete\s+from|create\s+table)\b", re.IGNORECASE
    )
    offenders = [
        str(path.relative_to(REPO))
        for path in (REPO / "ui").rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
