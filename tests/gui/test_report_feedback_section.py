"""The report dialog offers 좋아요·아쉬워요 under 수록 내용: ticked by default and for options
saved before the section existed, left out when unticked (and remembered so), and the PDF then
has no such chapter."""

import io

import pytest
from gui_window import Window
from pypdf import PdfReader
from report_records import add_report_record
from report_world import build_report_world

from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.dialogs.report_dialog import ReportDialog
from panelapp.gui.dialogs.report_preview import ReportPreviewDialog
from panelapp.services.reporting.history import last_report_options
from panelapp.settings import Settings


@pytest.fixture
def window(qtbot, sqlite_ctx, tmp_path):
    rw = build_report_world(sqlite_ctx)
    w = Window(sqlite_ctx, settings=Settings(tmp_path / "settings.json"))
    w.current_cohort_id = rw.w.cohort_id
    qtbot.addWidget(w)
    yield w
    wait_for_all()
    for widget in w.findChildren(ReportPreviewDialog):
        widget.close()


def _dialog(qtbot, window) -> ReportDialog:
    dlg = ReportDialog(window, window.current_cohort_id)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.ui.cohortCombo.count() > 0, timeout=5000)
    return dlg


def _text(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages).replace(" ", "")


def test_feedback_section_is_offered_ticked_and_can_be_left_out(qtbot, window, tmp_path):
    add_report_record(window.ctx, options={"sections": ["summary", "proposals"]})  # made before it existed
    dlg = _dialog(qtbot, window)
    assert dlg.ui.feedbackCheck.isChecked() and dlg.ui.feedbackCheck.text().startswith("좋아요·아쉬워요")
    assert not dlg.ui.appendixCheck.isChecked() and not dlg.ui.facilitiesCheck.isChecked()
    assert dlg.options().sections == {"summary", "proposals", "feedback"}
    target = tmp_path / "with.pdf"
    dlg.ui.pdfPathEdit.setText(str(target))
    dlg.generate()
    with qtbot.waitSignal(dlg.op.finished, timeout=20000):
        pass
    assert "시민의견:좋아요·아쉬워요" in _text(target)
    assert "feedback" in last_report_options(window.ctx)["sections_offered"]

    again = _dialog(qtbot, window)
    assert again.ui.feedbackCheck.isChecked()
    again.ui.feedbackCheck.setChecked(False)
    bare = tmp_path / "without.pdf"
    again.ui.pdfPathEdit.setText(str(bare))
    again.generate()
    with qtbot.waitSignal(again.op.finished, timeout=20000):
        pass
    assert "시민의견" not in _text(bare)
    assert "feedback" not in last_report_options(window.ctx)["sections"]
    assert not _dialog(qtbot, window).ui.feedbackCheck.isChecked()  # unticked stays unticked
