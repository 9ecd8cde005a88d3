"""개선 보고서 page, dialog and preview: choices remembered, made off the UI thread, masking
unless a purpose is given, Cancel leaves no file, preview pages and printing."""

import datetime as dt
import io

import pytest
from gui_window import Window
from pypdf import PdfReader
from PySide6.QtCore import Qt
from report_records import add_report_record
from report_world import build_report_world

from panelapp.domain.localtime import today_local
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.dialogs.report_dialog import ReportDialog
from panelapp.gui.dialogs.report_preview import ReportPreviewDialog
from panelapp.gui.pages.reports import EMPTY_TEXT, ReportsPage
from panelapp.services.reporting.history import last_report_options
from panelapp.settings import Settings


@pytest.fixture
def window(qtbot, sqlite_ctx, tmp_path):
    rw = build_report_world(sqlite_ctx)
    w = Window(sqlite_ctx, settings=Settings(tmp_path / "settings.json"))
    w.current_cohort_id = rw.w.cohort_id
    w.rw = rw
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


def _made(qtbot, dlg):
    with qtbot.waitSignal(dlg.op.finished, timeout=20000):
        pass
    return dlg.result_


def test_dialog_defaults_to_the_cohort_term_and_masks(qtbot, window, tmp_path):
    dlg = _dialog(qtbot, window)
    assert dlg.ui.cohortCombo.currentText().startswith("제7기")
    assert (dlg.ui.fromEdit.date().toString("yyyy-MM-dd"), dlg.ui.toEdit.date().toString("yyyy-MM-dd")) == (
        "2026-03-01",
        "2026-12-31",
    )
    assert dlg.ui.facilityList.count() == 3 and not dlg.ui.facilityList.isEnabled()
    options = dlg.options()
    assert options.mask_personal and options.purpose is None and options.facility_ids is None
    assert options.sections == {"summary", "facilities", "proposals", "feedback", "appendix"}
    assert "가립니다" in dlg.ui.privacyHint.text()
    dlg.ui.purposeEdit.setText("운영위원회 보고")
    assert "열람 기록" in dlg.ui.privacyHint.text() and not dlg.options().mask_personal


def test_make_report_previews_and_remembers(qtbot, window, tmp_path):
    page = ReportsPage(window)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.is_stale and not page.is_loading, timeout=5000)
    assert page.stack.currentWidget() is page.empty_label and page.empty_label.text() == EMPTY_TEXT
    dlg = _dialog(qtbot, window)
    target = tmp_path / "out" / "보고서.pdf"
    target.parent.mkdir()
    dlg.ui.pdfPathEdit.setText(str(target))
    dlg.ui.someFacilitiesRadio.setChecked(True)
    dlg.ui.facilityList.item(2).setCheckState(Qt.CheckState.Checked)  # 한빛국민체육센터 (가나다 order)
    dlg.ui.fromEdit.setDate(dlg.ui.fromEdit.date().addMonths(1))
    dlg.ui.appendixCheck.setChecked(False)
    dlg.ui.xlsxCheck.setChecked(True)
    dlg.ui.maxPhotosSpin.setValue(3)
    dlg.generate()
    result = _made(qtbot, dlg)
    assert result.pages >= 4 and target.is_file() and target.with_suffix(".xlsx").is_file()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(target.read_bytes())).pages).replace(
        " ", ""
    )
    assert "한빛국민체육센터" in text and "새봄근린공원" not in text and "부록" not in text
    assert "김영희" not in text
    previews = window.findChildren(ReportPreviewDialog)
    assert len(previews) == 1 and previews[0].doc.count == result.pages
    saved = last_report_options(window.ctx)  # kept in the database the report is made from
    assert saved["facility_ids"] == [window.rw.w.gym] and saved["date_from"] == "2026-04-01"
    assert saved["max_photos"] == 3 and saved["xlsx"] and "appendix" not in saved["sections"]
    assert "purpose" not in saved
    # the report op declared Kind.REPORT: the page reloads
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5000)
    assert page.stack.currentWidget() is page.table
    again = _dialog(qtbot, window)  # the next dialog starts from the last choices
    assert again.ui.someFacilitiesRadio.isChecked() and not again.ui.appendixCheck.isChecked()
    assert (
        again.ui.fromEdit.date().toString("yyyy-MM-dd") == "2026-04-01"
        and again.ui.maxPhotosSpin.value() == 3
    )
    checked = [again.ui.facilityList.item(i).checkState() == Qt.CheckState.Checked for i in range(3)]
    assert checked == [False, False, True]


def test_cancel_leaves_no_file(qtbot, window, tmp_path):
    dlg = _dialog(qtbot, window)
    target = tmp_path / "취소.pdf"
    dlg.ui.pdfPathEdit.setText(str(target))
    dlg.generate()
    dlg.op.cancel()
    _made(qtbot, dlg)
    assert dlg.result_ is None and not target.exists() and dlg.ui.errorLabel.isHidden()
    assert [p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".tmp")] == []
    assert window.findChildren(ReportPreviewDialog) == []


def test_errors_show_in_the_dialog(qtbot, window, tmp_path):
    dlg = _dialog(qtbot, window)
    dlg.ui.pdfPathEdit.setText("")
    dlg.generate()
    assert "파일 이름" in dlg.ui.errorLabel.text()
    dlg.ui.pdfPathEdit.setText(str(tmp_path / "x.pdf"))
    dlg.ui.someFacilitiesRadio.setChecked(True)  # none checked
    dlg.generate()
    _made(qtbot, dlg)
    assert "시설" in dlg.ui.errorLabel.text() and not (tmp_path / "x.pdf").exists()


def test_preview_pages_open_and_print(qtbot, window, tmp_path, monkeypatch):
    from panelapp.domain.report_data import ReportOptions
    from panelapp.reports.improvement_report import render_improvement_report
    from panelapp.services.reporting.query import build_report_data

    pdf, pages = render_improvement_report(
        build_report_data(window.ctx, ReportOptions(window.current_cohort_id))
    )
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    preview = ReportPreviewDialog(window, str(path))
    qtbot.addWidget(preview)
    assert preview.page_spin.suffix() == f" / {pages}" and not preview.prev_button.isEnabled()
    first = preview.page_label.pixmap().toImage()
    preview.next_button.click()
    assert preview.page_spin.value() == 2 and preview.prev_button.isEnabled()
    assert preview.page_label.pixmap().toImage() != first and preview.page_label.pixmap().width() > 500
    opened = []
    monkeypatch.setattr(
        "panelapp.gui.dialogs.report_preview.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()) or True,
    )
    assert preview.open_external() and opened == [str(path)]
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printer.setResolution(150)
    printer.setFromTo(2, 3)
    op = preview.start_printing(printer)
    with qtbot.waitSignal(op.finished, timeout=20000):
        pass
    assert len(PdfReader(str(out)).pages) == 2 and preview.print_button.isEnabled()
    preview.close()
    assert preview.doc._doc is None


def test_report_page_lists_only_existing_files(qtbot, window, tmp_path):
    real = tmp_path / "a.pdf"
    real.write_bytes(b"%PDF-1.4")
    add_report_record(window.ctx, real, pages=8, made_at=dt.datetime(2026, 8, 1, 1, 0, tzinfo=dt.UTC))
    add_report_record(window.ctx, tmp_path / "gone.pdf")  # newer, but its file was deleted
    page = ReportsPage(window)
    qtbot.addWidget(page)
    assert page.table.rowCount() == 0  # hidden: nothing read yet
    page.show()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5000)
    assert page.selected_path() == str(real)
    assert page.table.item(0, 3).text() == "8쪽" and page.preview_button.isEnabled()
    dlg = page.make_report()
    qtbot.waitUntil(lambda: dlg.ui.cohortCombo.count() > 0, timeout=5000)
    dlg.close()
    assert today_local().isoformat() in dlg.ui.pdfPathEdit.text()
