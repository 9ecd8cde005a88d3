"""Architecture held by a test: only panelapp/gui imports PySide6; gui never imports sqlalchemy."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "panelapp"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _files(sub: str = ""):
    return sorted((ROOT / sub).rglob("*.py"))


def test_only_gui_imports_pyside6():
    offenders = [
        str(p.relative_to(ROOT))
        for p in _files()
        if "PySide6" in _imports(p) and p.relative_to(ROOT).parts[0] != "gui"
    ]
    assert offenders == []


def test_gui_never_imports_sqlalchemy():
    offenders = [str(p.relative_to(ROOT)) for p in _files("gui") if "sqlalchemy" in _imports(p)]
    assert offenders == []


def test_only_db_and_services_touch_sessions():
    allowed = {"db", "services"}
    offenders = [
        str(p.relative_to(ROOT))
        for p in _files()
        if "sqlalchemy" in _imports(p) and p.relative_to(ROOT).parts[0] not in allowed
    ]
    assert offenders == []


def test_the_checker_sees_imports(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("import PySide6.QtWidgets\nfrom sqlalchemy import select\n")
    assert {"PySide6", "sqlalchemy"} <= _imports(sample)
