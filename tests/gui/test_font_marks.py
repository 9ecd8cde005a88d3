"""Every mark and every piece of text the program draws is in the bundled NanumGothic: a
character the font lacks falls back to a system font, and an office PC without an emoji font
draws an empty box (issue 10 item 7: the severity marks were 🔴🟠🟡⚪)."""

from __future__ import annotations

import ast
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtGui import QRawFont

import panelapp
from panelapp.domain.enums import Severity
from panelapp.domain.marks import DONE_MARK, SEVERITY_MARKS, WARNING_MARK, severity_mark
from panelapp.paths import resource

PACKAGE = Path(panelapp.__file__).parent
DRAWN = ("gui", "reports", "services", "domain")  # what reaches a screen or a page (cli: a terminal)


@pytest.fixture(scope="module")
def fonts(qapp):
    out = [QRawFont(str(resource("fonts", name)), 12) for name in ("NanumGothic.ttf", "NanumGothicBold.ttf")]
    assert all(f.isValid() for f in out)
    return out


def _missing(fonts, text: str) -> set[str]:
    # supportsCharacter(str) misreads non-ASCII in PySide6: ask by code point
    return {
        ch
        for ch in text
        if unicodedata.category(ch)[0] != "C" and not ch.isspace()
        for f in fonts
        if not f.supportsCharacter(ord(ch))
    }


def test_every_severity_mark_is_in_the_bundled_font(fonts):
    assert set(SEVERITY_MARKS) == set(Severity)
    assert len(set(SEVERITY_MARKS.values())) == len(Severity)  # each severity its own shape
    for severity in Severity:
        text = severity_mark(severity)
        assert text.endswith(f"[{severity.label}]")
        assert not _missing(fonts, text), (severity, text)
    assert not _missing(fonts, WARNING_MARK + DONE_MARK)


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def test_every_text_the_program_draws_is_in_the_bundled_font(fonts):
    """String literals of the drawing layers (not docstrings, not comments, not the generated
    forms, whose texts come from ui/*.ui and are read below)."""
    problems = []
    for layer in DRAWN:
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            if "forms" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            skip = _docstrings(tree)
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                    missing = _missing(fonts, node.value)
                    if missing:
                        problems.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {sorted(missing)}")
    for path in sorted((PACKAGE.parent / "ui").glob("*.ui")):
        missing = _missing(fonts, path.read_text(encoding="utf-8"))
        if missing:
            problems.append(f"{path.name}: {sorted(missing)}")
    assert not problems, "\n".join(problems)
