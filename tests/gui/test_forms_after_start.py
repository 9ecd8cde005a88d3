"""After start-up (Qt's Korean catalogue and the gap translator installed) the program's own
texts still come through: a Designer form's labels and buttons are not blank."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

AFTER_START = """
from panelapp.gui.app import create_application
app = create_application()
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QPushButton
from panelapp.gui.forms.ui_organization_dialog import Ui_OrganizationDialog
print("TR", QCoreApplication.translate("OrganizationDialog", "기관명 *", None))
dialog = QDialog()
form = Ui_OrganizationDialog()
form.setupUi(dialog)
print("LABELS", "|".join(w.text() for w in dialog.findChildren(QLabel)))
print("BUTTONS", "|".join(w.text() for w in dialog.findChildren(QPushButton)))
print("GAP", QCoreApplication.translate("QFileDialog", "&Look in:", None))
"""


def test_designer_forms_keep_their_texts_after_start(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PANELAPP_HOME": str(tmp_path), "LANG": "C.UTF-8"}
    env.pop("LANGUAGE", None)
    done = subprocess.run(
        [sys.executable, "-c", AFTER_START], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    out = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert out["TR"] == "기관명 *"
    labels = out["LABELS"].split("|")
    for text in ("기관명 *", "주소", "대표 전화", "결재란"):
        assert text in labels, (text, labels)
    assert "그림 고르기…" in out["BUTTONS"].split("|")
    assert out["GAP"] == "찾는 위치(&L):"  # the gaps still answer
