"""Qt's own texts in Korean (gui/translations.py): message box and button box buttons, the
line-edit context menu and the non-native file chooser, once the application has started;
the catalogue is found in a checkout or wheel (QLibraryInfo) and in a PyInstaller bundle."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from panelapp.gui import translations

ROOT = Path(__file__).resolve().parent.parent.parent

AFTER_START = """
from panelapp.gui.app import create_application
app = create_application()
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QLineEdit, QMessageBox, QPushButton
B = QMessageBox.StandardButton
box = QMessageBox(QMessageBox.Icon.Question, "t", "x", B.Yes | B.No | B.Cancel)
print("BOX", "|".join(box.button(b).text() for b in (B.Yes, B.No, B.Cancel)))
D = QDialogButtonBox.StandardButton
bb = QDialogButtonBox(D.Save | D.Cancel | D.Close | D.Ok)
print("BB", "|".join(bb.button(b).text() for b in (D.Save, D.Cancel, D.Close, D.Ok)))
edit = QLineEdit()
menu = edit.createStandardContextMenu()
print("MENU", "|".join(a.text().split("\\t")[0] for a in menu.actions() if a.text()))
chooser = QFileDialog(None, "열기")
chooser.setOption(QFileDialog.Option.DontUseNativeDialog, True)
chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
labels = [w.text() for w in chooser.findChildren(QLabel) if w.text()]
buttons = [w.text() for w in chooser.findChildren(QPushButton) if w.text()]
print("FILE", "|".join(labels + buttons))
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
printer = QPrinter()
dialog = QPrintDialog(printer)
print("PRINT", "|".join(w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton) if w.text()))
"""


def run_after_start(tmp_path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PANELAPP_HOME": str(tmp_path), "LANG": "C.UTF-8"}
    env.pop("LANGUAGE", None)
    done = subprocess.run(
        [sys.executable, "-c", AFTER_START], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)


def test_after_start_qt_speaks_korean_even_on_an_english_system(tmp_path):
    out = run_after_start(tmp_path)
    assert out["BOX"] == "예(&Y)|아니요(&N)|취소"
    assert out["BB"] == "저장|취소|닫기|확인"
    assert "복사(&C)" in out["MENU"] and "붙여넣기(&P)" in out["MENU"] and "Copy" not in out["MENU"]
    assert not any(word in out["FILE"] for word in ("Look in", "File name", "Files of", "Open", "Cancel"))
    for label in ("찾는 위치(&L):", "파일 이름(&N):", "파일 형식(&T):", "열기(&O)", "취소"):
        assert label in out["FILE"].split("|"), (label, out["FILE"])
    assert "인쇄할 페이지(&S):" in out["PRINT"] and "Page" not in out["PRINT"] and "Print" not in out["PRINT"]


class _NoLibraryInfo:
    class LibraryPath:
        TranslationsPath = 0

    @staticmethod
    def path(_which):
        return "/nonexistent-qt-translations"


def test_a_bundle_finds_the_catalogue_in_its_own_folder(tmp_path, monkeypatch):
    """In the PyInstaller bundle (build.spec keeps PySide6/Qt/translations/*_ko.qm) even when
    Qt's own idea of its translations folder points elsewhere."""
    source = translations.find_catalogue()
    assert source is not None and source.name == "qtbase_ko.qm"
    bundled = tmp_path / "PySide6" / "Qt" / "translations"
    bundled.mkdir(parents=True)
    shutil.copy(source, bundled / "qtbase_ko.qm")
    monkeypatch.setattr(translations, "QLibraryInfo", _NoLibraryInfo)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert translations.find_catalogue() == bundled / "qtbase_ko.qm"


def test_without_any_catalogue_nothing_fails(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(translations, "translation_dirs", lambda: [tmp_path])
    monkeypatch.setattr(translations, "CATALOGUE", "qtbase_xx")
    assert translations.find_catalogue() is None
    assert translations.install_korean(qapp) is None
