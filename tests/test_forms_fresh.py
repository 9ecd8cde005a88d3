"""Generated form modules match their Designer forms (DESIGN.md principle 8)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from panelapp.gui.forms import compile as forms

UI_FILES = sorted(forms.UI_DIR.glob("*.ui"))


def test_there_are_forms_to_check():
    assert UI_FILES, f"no Designer forms found in {forms.UI_DIR}"


@pytest.mark.parametrize("ui_file", UI_FILES, ids=lambda p: p.name)
def test_generated_form_is_fresh(ui_file: Path, tmp_path):
    committed = forms.target_for(ui_file)
    assert committed.is_file(), f"{committed.name} is missing: run `make forms`"
    fresh = tmp_path / committed.name
    forms.compile_form(ui_file, fresh)
    assert forms.normalized(fresh.read_text(encoding="utf-8")) == forms.normalized(
        committed.read_text(encoding="utf-8")
    ), f"{committed.name} is stale: run `make forms`"


def test_header_with_qt_version_is_ignored():
    body = "from PySide6.QtCore import Qt\n\nclass Ui_X(object):\n    pass\n"
    a = (
        "# -*- coding: utf-8 -*-\n\n####\n## Created by: Qt User Interface Compiler version 6.7.0\n####\n\n"
        + body
    )
    b = a.replace("6.7.0", "6.12.0")
    assert forms.normalized(a) == forms.normalized(b) == body
    assert forms.normalized(a) != forms.normalized(a.replace("pass", "x = 1"))


@pytest.fixture
def form_dirs(tmp_path):
    ui_dir, forms_dir = tmp_path / "ui", tmp_path / "forms"
    ui_dir.mkdir()
    forms_dir.mkdir()
    shutil.copy(UI_FILES[0], ui_dir / "sample.ui")
    return ui_dir, forms_dir


def test_check_reports_missing_then_passes_after_compiling(form_dirs, capsys):
    ui_dir, forms_dir = form_dirs
    args = ["--ui-dir", str(ui_dir), "--forms-dir", str(forms_dir)]
    assert forms.main(["--check", *args]) == 1
    assert "sample.ui" in capsys.readouterr().out
    assert forms.main(args) == 0
    assert (forms_dir / "ui_sample.py").is_file()
    assert forms.main(["--check", *args]) == 0


def test_check_reports_a_stale_form(form_dirs, capsys):
    ui_dir, forms_dir = form_dirs
    forms.compile_all(ui_dir, forms_dir)
    ui = ui_dir / "sample.ui"
    ui.write_text(ui.read_text(encoding="utf-8").replace("<string>", "<string>x", 1), encoding="utf-8")
    assert forms.stale_forms(ui_dir, forms_dir) == ["sample.ui: ui_sample.py 오래됨 (stale)"]
    assert forms.main(["--check", "--ui-dir", str(ui_dir), "--forms-dir", str(forms_dir)]) == 1
    assert "ui_sample.py" in capsys.readouterr().out
