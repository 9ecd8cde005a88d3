"""The report dialog's 보고 문서 choice: 한글 문서(.hwpx) and Word(.docx) beside the PDF, made in the
same op; remembered by the database; the 개선 보고서 page opens them in the system's program."""

import zipfile

import pytest
from gui_window import Window
from PySide6.QtGui import QDesktopServices
from report_records import add_report_record
from report_world import build_report_world

from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.dialogs.report_dialog import ReportDialog
from panelapp.gui.dialogs.report_preview import ReportPreviewDialog
from panelapp.gui.pages.reports import ReportsPage
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


def test_dialog_makes_the_hwpx_and_docx_beside_the_pdf(qtbot, window, tmp_path, monkeypatch):
    page = ReportsPage(window)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.is_stale and not page.is_loading, timeout=5000)
    dlg = ReportDialog(window, window.current_cohort_id)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.ui.cohortCombo.count() > 0, timeout=5000)
    assert dlg.ui.hwpxCheck.text() == "한글 문서(.hwpx)" and dlg.ui.docxCheck.text() == "Word(.docx)"
    assert not dlg.ui.hwpxCheck.isChecked() and not dlg.ui.docxCheck.isChecked()
    target = tmp_path / "out" / "보고서.pdf"
    target.parent.mkdir()
    dlg.ui.pdfPathEdit.setText(str(target))
    dlg.ui.hwpxCheck.setChecked(True)
    dlg.ui.docxCheck.setChecked(True)
    dlg.generate()
    with qtbot.waitSignal(dlg.op.finished, timeout=30000):
        pass
    result = dlg.result_
    hwpx, docx = target.with_suffix(".hwpx"), target.with_suffix(".docx")
    assert result.hwpx_path == str(hwpx) and result.docx_path == str(docx)
    assert zipfile.ZipFile(hwpx).read("mimetype") == b"application/hwp+zip"
    assert "word/document.xml" in zipfile.ZipFile(docx).namelist()
    assert sorted(p.name for p in target.parent.iterdir()) == ["보고서.docx", "보고서.hwpx", "보고서.pdf"]
    # the PDF still opens in the built-in preview
    assert len(window.findChildren(ReportPreviewDialog)) == 1
    saved = last_report_options(window.ctx)
    assert saved["hwpx"] and saved["docx"]
    again = ReportDialog(window, window.current_cohort_id)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.ui.cohortCombo.count() > 0, timeout=5000)  # the choices come with it
    assert again.ui.hwpxCheck.isChecked() and again.ui.docxCheck.isChecked()
    again.close()
    # the page lists it with its companions and opens the 한글 document in the system's program
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5000)
    assert page.table.item(0, 4).text() == "보고서.pdf (+ 한글, Word)"
    assert page.office_button.isEnabled() and page.selected_office_path() == str(hwpx)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    page.office_button.click()
    assert opened == [str(hwpx)]


def test_office_button_is_off_for_a_report_without_them(qtbot, window, tmp_path):
    real = tmp_path / "a.pdf"
    real.write_bytes(b"%PDF-1.4")
    add_report_record(window.ctx, real, hwpx=tmp_path / "x.hwpx")
    page = ReportsPage(window)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5000)
    assert page.preview_button.isEnabled() and not page.office_button.isEnabled()  # the .hwpx is gone
