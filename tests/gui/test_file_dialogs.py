"""File choosers start where that kind of file was last taken or put (gui/file_dialogs.py), in
the Documents folder the first time, never in the program's working folder; every chooser in
gui/ goes through the helper."""

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from panelapp.gui import file_dialogs
from panelapp.gui.file_dialogs import (
    KINDS,
    documents_folder,
    open_file,
    open_files,
    save_file,
    save_file_and_filter,
    start_folder,
)
from panelapp.settings import DEFAULTS, Settings

GUI = Path(file_dialogs.__file__).parent


class Owner(QWidget):
    """A widget with settings, as the main window has."""

    def __init__(self, settings):
        super().__init__()
        self.settings = settings


@pytest.fixture
def owner(qtbot, tmp_path):
    widget = Owner(Settings(tmp_path / "settings.json"))
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def chooser(monkeypatch):
    """Answers the choosers with the next path queued; records the folder each opened in."""
    record = {"starts": [], "answers": []}

    def answer(_parent, _title, start, filters="", **_options):
        record["starts"].append(start)
        return record["answers"].pop(0), "PDF 문서 (*.pdf)"

    def answer_many(_parent, _title, start, filters=""):
        record["starts"].append(start)
        return record["answers"].pop(0), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", answer_many)
    return record


def test_every_kind_has_its_setting():
    assert set(KINDS) == {"import", "export", "report", "photo", "database"}
    assert all(key in DEFAULTS and DEFAULTS[key] == "" for key in KINDS.values())


def test_the_first_chooser_opens_in_documents(owner, chooser, tmp_path):
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    expected = Path(docs) if docs and Path(docs).is_dir() else Path.home()
    assert documents_folder() == expected
    for kind in KINDS:
        assert start_folder(owner.settings, kind) == expected
    chooser["answers"].append("")
    assert save_file(owner, "report", "보고서 저장", "보고서.pdf", "PDF 문서 (*.pdf)") is None
    assert chooser["starts"] == [str(expected / "보고서.pdf")]
    assert Path(chooser["starts"][0]).parent != Path.cwd() or expected == Path.cwd()
    assert owner.settings.get("report_dir") == ""  # cancelled: nothing remembered


def test_each_kind_remembers_its_own_folder(owner, chooser, tmp_path):
    reports, photos = tmp_path / "보고서", tmp_path / "사진"
    reports.mkdir()
    photos.mkdir()
    chooser["answers"].append(str(reports / "개선보고서"))
    path = save_file(owner, "report", "보고서 저장", "a.pdf", "PDF 문서 (*.pdf)", suffix=".pdf")
    assert path == str(reports / "개선보고서.pdf")
    chooser["answers"].append([str(photos / "1.jpg"), str(photos / "2.jpg")])
    assert open_files(owner, "photo", "사진 추가", "그림 (*.jpg)") == [
        str(photos / "1.jpg"),
        str(photos / "2.jpg"),
    ]
    assert owner.settings.get("report_dir") == str(reports)
    assert owner.settings.get("photo_dir") == str(photos)
    # kept in the settings file: the next start opens there too
    again = Settings(owner.settings.path)
    assert start_folder(again, "report") == reports and start_folder(again, "photo") == photos
    chooser["answers"] += ["", "", ""]
    save_file(owner, "report", "보고서 저장", "b.pdf", "PDF 문서 (*.pdf)")
    open_file(owner, "photo", "로고", "그림 (*.png)")
    open_file(owner, "import", "명단", "Excel (*.xlsx)")
    assert chooser["starts"][2:] == [str(reports / "b.pdf"), str(photos), str(documents_folder())]


def test_a_folder_that_is_gone_falls_back_to_documents(owner, chooser, tmp_path):
    owner.settings.set("export_dir", str(tmp_path / "USB"))  # the stick was pulled out
    assert start_folder(owner.settings, "export") == documents_folder()


def test_a_suggested_path_keeps_its_own_folder(owner, chooser, tmp_path):
    """The report dialog's path field already names a folder: the chooser opens there."""
    owner.settings.set("report_dir", str(tmp_path))
    elsewhere = tmp_path / "다른곳"
    elsewhere.mkdir()
    chooser["answers"].append("x")
    save_file_and_filter(owner, "report", "보고서 저장", str(elsewhere / "보고서.pdf"), "PDF 문서 (*.pdf)")
    assert chooser["starts"] == [str(elsewhere / "보고서.pdf")]


def test_a_dialog_finds_the_window_settings(qtbot, owner, chooser, tmp_path):
    """Dialogs hold the window as `window_` or as their parent: both reach its settings."""
    from PySide6.QtWidgets import QDialog

    child = QDialog(owner)
    holder = QWidget()
    qtbot.addWidget(holder)
    holder.window_ = owner
    chooser["answers"] += [str(tmp_path / "a.xlsx"), str(tmp_path / "b.xlsx")]
    open_file(child, "import", "명단", "Excel (*.xlsx)")
    assert owner.settings.get("import_dir") == str(tmp_path)
    save_file(holder, "export", "명단 저장", "명단.xlsx", "Excel (*.xlsx)")
    assert owner.settings.get("export_dir") == str(tmp_path)


def test_no_chooser_outside_the_helper():
    """Every QFileDialog chooser in gui/ goes through gui/file_dialogs.py."""
    static = re.compile(r"QFileDialog\.get(Open|Save|Existing)")
    offenders = [
        str(path.relative_to(GUI))
        for path in GUI.rglob("*.py")
        if path.name != "file_dialogs.py" and static.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_roster_import_dialog_opens_where_the_last_roster_came_from(
    qtbot, chooser, tmp_path, monkeypatch
):
    from panelapp.gui.dialogs import import_dialog

    settings = Settings(tmp_path / "settings.json")
    folder = tmp_path / "명단"
    folder.mkdir()
    settings.set("import_dir", str(folder))
    chooser["answers"].append("")

    class Fake:
        pass

    fake = Fake()
    fake.window_ = Owner(settings)
    qtbot.addWidget(fake.window_)
    import_dialog.ImportDialog.choose_file(fake)  # only the chooser part of the dialog
    assert chooser["starts"] == [str(folder)]
