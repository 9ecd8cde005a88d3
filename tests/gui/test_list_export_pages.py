"""엑셀로 내보내기 on every list page: the file holds exactly the rows the page shows under its
filter and sort, cell for cell, with personal data masked unless a purpose was given (and then
logged); the buttons are there and the default file name names the list, the cohort and the day.

Each test drives the real window on the demo: set a filter and a sort, press the button with the
file dialog (and the masking question) answered, read the workbook back and compare it with the
page's own cells (gui models' text)."""

from __future__ import annotations

import openpyxl
import pytest
from conftest import page_settled
from PySide6.QtCore import Qt
from sqlalchemy import select

from panelapp.db.models import AccessLog
from panelapp.domain.localtime import today_local
from panelapp.domain.validation import mask_name
from panelapp.gui.operations import list_export
from panelapp.io.tabular import cell_text

WAIT = 20000


def shown(qtbot, w, key: str):
    w.show_page(key)
    page = w.page(key)
    qtbot.waitUntil(lambda: page_settled(page), timeout=WAIT)
    return page


def settle(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page_settled(page), timeout=WAIT)


def sort_by(qtbot, page, model, header: str, descending: bool) -> None:
    column = next(n for n, c in enumerate(model.columns) if c.header == header)
    model.sort(column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
    settle(qtbot, page)


def page_cells(model) -> list[list[str]]:
    return [
        [model.data(model.index(r, c)) or "" for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def shown_text(cell) -> str:
    """A cell as the page shows it: dates as 2026-05-12, counts with their thousands comma, and
    the figures, which are numbers in the file (Excel sums them), as the page prints them:
    hours (#,##0.0) as "29.5시간", rates (0.0%) as "86.7%"."""
    from panelapp.domain.formatting import format_hours, format_rate
    from panelapp.io.workbook import HOURS_FORMAT, PERCENT_FORMAT

    value = getattr(cell, "value", None)
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if number and cell.number_format == HOURS_FORMAT:
        return format_hours(value)
    if number and cell.number_format == PERCENT_FORMAT:
        return format_rate(value)
    if isinstance(value, int) and not isinstance(value, bool) and cell.number_format == "#,##0":
        return f"{value:,}"
    return cell_text(value)


def workbook_rows(path) -> tuple[list[str], list[list[str]]]:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = [[shown_text(c) for c in row] for row in wb.worksheets[0].iter_rows()]
    finally:
        wb.close()
    width = len(rows[0])  # a row whose last cells are empty ends early: pad it
    return rows[0], [r + [""] * (width - len(r)) for r in rows[1:]]


def info_sheet(path) -> dict[str, str]:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return {a: cell_text(b) for a, b in wb.worksheets[1].iter_rows(values_only=True)}
    finally:
        wb.close()


@pytest.fixture
def answer(monkeypatch, tmp_path):
    """Answer the questions the export asks: where to save (offered name kept), and the purpose
    (None: masked). Returns the record of what was offered."""
    seen: dict = {"names": [], "purpose": None, "asked": 0}

    def ask_path(_parent, _title, name):
        seen["names"].append(name)
        return str(tmp_path / name)

    def ask_purpose(_parent, _title, _what):
        seen["asked"] += 1
        return True, seen["purpose"]

    from PySide6.QtWidgets import QMessageBox

    for box in ("critical", "warning"):  # a failure fails the test instead of waiting on a box
        monkeypatch.setattr(QMessageBox, box, lambda *a: seen.setdefault("errors", []).append(a[2]))
    monkeypatch.setattr(list_export, "ask_path", ask_path)
    monkeypatch.setattr(list_export, "ask_purpose", ask_purpose)
    return seen


def run_export(qtbot, start):
    op = start()
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=60000) as blocker:
        pass
    result, exc = blocker.args
    assert exc is None, exc
    return result


def assert_button(page, button, method: str = "export_excel") -> None:
    """The page has the button, labelled as every list's is, and it runs the page's export."""
    assert button.text() == "엑셀로 내보내기" and button.isVisibleTo(page)
    calls = []
    real = getattr(page, method)
    setattr(page, method, lambda: calls.append(1))
    try:
        button.click()
    finally:
        setattr(page, method, real)
    assert calls == [1]


def access_logs(ctx) -> list[AccessLog]:
    with ctx.db.session_factory() as s:
        return list(s.scalars(select(AccessLog).where(AccessLog.action == "export_unmasked")))


def test_findings_export_is_the_filtered_sorted_list(qtbot, main_window, answer, tmp_path):
    from panelapp.domain.enums import Severity

    page = shown(qtbot, main_window, "findings")
    page.severity_combo.setCurrentIndex(page.severity_combo.findData(Severity.MEDIUM))
    settle(qtbot, page)
    sort_by(qtbot, page, page.model, "제목", False)
    assert 0 < page.register.row_count() < 33  # a filtered list, not the whole cohort
    assert_button(page, page.export_button)
    result = run_export(qtbot, page.export_excel)
    name = answer["names"][0]
    # its title and place are free text that may name a member: masked unless a purpose is given
    assert name == f"발견사항_제7기_{today_local().isoformat()}.xlsx" and answer["asked"] == 1
    header, rows = workbook_rows(tmp_path / name)
    assert header == [c.header for c in page.model.columns]
    assert rows == page_cells(page.model) and result.rows == len(rows)
    info = info_sheet(tmp_path / name)
    assert info["심각도"] == "보통" and info["정렬"] == "제목 오름차순" and info["행 수"] == str(len(rows))
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def masked_like(page_rows, columns: dict[int, object]) -> list[list[str]]:
    """The page's rows with the personal columns masked as the export masks them."""
    return [[columns[c](v) if c in columns and v else v for c, v in enumerate(row)] for row in page_rows]


def names(text: str) -> str:
    return ", ".join(mask_name(n) for n in text.split(", "))


def test_proposals_export_masks_the_proposer_unless_a_purpose(qtbot, main_window, answer, tmp_path):
    page = shown(qtbot, main_window, "proposals")
    sort_by(qtbot, page, page.model, "제목", False)
    assert_button(page, page.export_button)
    masked = run_export(qtbot, page.export_excel)
    assert masked.masked and masked.personal and answer["asked"] == 1
    path = tmp_path / answer["names"][0]
    header, rows = workbook_rows(path)
    assert header == [c.header for c in page.model.columns] + ["제안자"]
    assert [r[:-1] for r in rows] == page_cells(page.model)
    assert access_logs(main_window.ctx) == []
    answer["purpose"] = "운영위원회 자료"
    path.unlink()
    full = run_export(qtbot, page.export_excel)
    assert not full.masked
    _header, full_rows = workbook_rows(path)
    proposers = [r[-1] for r in full_rows]
    assert any(proposers) and not any("*" in p for p in proposers)
    assert [r[-1] for r in rows] == [mask_name(p) if p else "" for p in proposers]
    (log,) = access_logs(main_window.ctx)
    assert log.purpose == "운영위원회 자료" and "list=개선제안" in log.detail
    assert f"rows={len(rows)}" in log.detail and path.name in log.detail and log.host


def test_schedule_list_export_masks_the_lead_and_members(qtbot, main_window, answer, tmp_path):
    from panelapp.domain.enums import InspectionStatus
    from panelapp.gui.pages.schedule import LIST

    page = shown(qtbot, main_window, "schedule")
    page.show_view(LIST)
    settle(qtbot, page)
    combo = page.list.status_combo
    combo.setCurrentIndex(combo.findData(InspectionStatus.COMPLETED))
    settle(qtbot, page)
    sort_by(qtbot, page, page.list.model, "시설", True)
    assert page.list.row_count() > 1
    assert_button(page, page.list.export_button)
    run_export(qtbot, page.export_excel)
    path = tmp_path / answer["names"][0]
    assert answer["names"][0].startswith("점검_일정_제7기_")
    header, rows = workbook_rows(path)
    shown_rows = page_cells(page.list.model)
    assert header == [c.header for c in page.list.model.columns]
    assert rows == masked_like(shown_rows, {4: mask_name, 5: names})
    assert any(r[5] for r in rows) and rows != shown_rows
    info = info_sheet(path)
    assert info["상태"] == "완료" and info["정렬"] == "시설 내림차순" and "가림" in info["개인정보"]
    answer["purpose"] = "현장 배치 확인"
    run_export(qtbot, page.export_excel)
    assert workbook_rows(path)[1] == shown_rows


def test_feedback_export(qtbot, main_window, answer, tmp_path):
    page = shown(qtbot, main_window, "feedback")
    page.kind_filter.setCurrentIndex(1)
    settle(qtbot, page)
    sort_by(qtbot, page, page.model, "시설", False)
    assert page.register.row_count() > 1
    assert_button(page, page.export_button)
    result = run_export(qtbot, page.export_excel)
    assert result.personal and answer["asked"] == 1  # a note may name a member
    header, rows = workbook_rows(tmp_path / answer["names"][0])
    assert header == [c.header for c in page.model.columns] and rows == page_cells(page.model)


def test_content_export_masks_the_author(qtbot, main_window, answer, tmp_path):
    page = shown(qtbot, main_window, "content")
    sort_by(qtbot, page, page.model, "작성자", False)
    assert page.register.row_count() > 1
    assert_button(page, page.export_button)
    run_export(qtbot, page.export_excel)
    path = tmp_path / answer["names"][0]
    header, rows = workbook_rows(path)
    shown_rows = page_cells(page.model)
    assert header == [c.header for c in page.model.columns]
    assert rows == masked_like(shown_rows, {2: mask_name}) != shown_rows
    answer["purpose"] = "우수 콘텐츠 시상"
    run_export(qtbot, page.export_excel)
    assert workbook_rows(path)[1] == shown_rows


def all_painted(qtbot, model) -> list[list[str]]:
    """The cells once the late figures (hours, counts: fetched on a worker) have arrived."""
    from panelapp.gui.models.late_stats import PENDING

    qtbot.waitUntil(lambda: all(PENDING not in r for r in page_cells(model)), timeout=WAIT)
    return page_cells(model)


def test_activities_exports_the_events_and_the_attendance(qtbot, main_window, answer, tmp_path):
    page = shown(qtbot, main_window, "activities")
    qtbot.waitUntil(lambda: page.current_event() is not None, timeout=WAIT)
    assert_button(page, page.events_export_button, "export_events")
    assert_button(page, page.attendance_export_button, "export_attendance")
    run_export(qtbot, page.export_events)
    header, rows = workbook_rows(tmp_path / answer["names"][0])
    assert header == [c.header for c in page.events.model_.columns]
    assert rows == all_painted(qtbot, page.events.model_) and len(rows) == page.summary.total
    run_export(qtbot, page.export_attendance)
    event = page.current_event()
    name = answer["names"][1]
    assert name.startswith(f"출석_제7기_{event.event_date:%Y-%m-%d}_")
    header, rows = workbook_rows(tmp_path / name)
    shown_rows = all_painted(qtbot, page.grid.model_)
    # the grid's tick box is a check state, not text: the file says 출석 for a ticked member
    ticks = [
        "출석" if page.grid.model_.saved(page.grid.model_.id_at(r)) else ""
        for r in range(page.grid.model_.rowCount())
    ]
    expected = [[t, *row[1:]] for t, row in zip(ticks, masked_like(shown_rows, {1: mask_name}), strict=True)]
    assert header == list(page.grid.model_.columns[i].header for i in range(len(header)))
    assert rows == expected and "출석" in ticks
    info = info_sheet(tmp_path / name)
    assert event.title in info["행사"]


def test_attendance_export_waits_for_unsaved_ticks(qtbot, main_window, answer, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    page = shown(qtbot, main_window, "activities")
    qtbot.waitUntil(lambda: page.current_event() is not None, timeout=WAIT)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    page.grid.pending = {page.grid.model_.id_at(0): True}
    assert page.export_attendance() is None and "저장하지 않은" in told[0] and answer["names"] == []
    page.grid.pending = {}


def test_facilities_and_departments_exports(qtbot, main_window, answer, tmp_path):
    page = shown(qtbot, main_window, "facilities")
    sort_by(qtbot, page, page.model, "주소", True)
    assert_button(page, page.export_button)
    run_export(qtbot, page.export_excel)
    header, rows = workbook_rows(tmp_path / answer["names"][0])
    assert answer["names"][0] == f"시설_{today_local().isoformat()}.xlsx"
    assert header == [c.header for c in page.model.columns] and rows == page_cells(page.model)
    tab = page.departments_tab
    page.tabs.setCurrentWidget(tab)
    assert_button(tab, tab.export_button)
    run_export(qtbot, tab.export_excel)
    path = tmp_path / answer["names"][1]
    header, rows = workbook_rows(path)
    # the page's "3곳" is the number 3 in the file (a count Excel sums)
    shown_rows = [[*r[:4], r[4].removesuffix("곳"), *r[5:]] for r in page_cells(tab.model)]
    assert header[4] == "시설" and any(r[4] for r in rows)
    from panelapp.services.exporting import mask_email, mask_office_phone

    assert header == [c.header for c in tab.model.columns]
    assert rows == masked_like(shown_rows, {1: mask_name, 2: mask_office_phone, 3: mask_email})
    assert any(r[1] for r in rows) and rows != shown_rows
    answer["purpose"] = "부서 협조 요청"
    run_export(qtbot, tab.export_excel)
    assert workbook_rows(path)[1] == shown_rows


def test_roster_prints_a_sign_in_sheet_for_an_event(qtbot, main_window, tmp_path, monkeypatch):
    from pypdf import PdfReader
    from shiboken6 import isValid

    from panelapp.gui.dialogs.report_preview import ReportPreviewDialog
    from panelapp.gui.dialogs.signin_sheet_dialog import SignInSheetDialog

    page = shown(qtbot, main_window, "roster")
    assert page.signin_button.text() == "서명부 인쇄…" and page.signin_button.isEnabled()
    page.signin_button.click()
    (dialog,) = [d for d in main_window.findChildren(SignInSheetDialog) if d.isVisible()]
    qtbot.waitUntil(lambda: dialog.event_combo.count() > 0, timeout=WAIT)
    launch = next(i for i in range(dialog.event_combo.count()) if "발대식" in dialog.event_combo.itemText(i))
    dialog.event_combo.setCurrentIndex(launch)
    assert dialog.full_radio.isChecked() and dialog.purpose_edit.isEnabled()
    offered = []
    monkeypatch.setattr(dialog, "ask_path", lambda name: offered.append(name) or str(tmp_path / name))
    dialog.ok_button.click()  # full names without a purpose: asked for, nothing written
    assert "출력 목적" in dialog.error_label.text() and offered == []
    dialog.purpose_edit.setText("발대식 출석 확인")
    op = dialog.make()
    with qtbot.waitSignal(op.finished, timeout=WAIT):
        pass
    assert offered[0].startswith("서명부_제7기_2026-03-") and offered[0].endswith("_발대식.pdf")
    qtbot.waitUntil(lambda: not isValid(dialog), timeout=WAIT)  # closed and deleted
    previews = [p for p in main_window.findChildren(ReportPreviewDialog) if p.isVisible()]
    assert len(previews) == 1
    text = "".join(p.extract_text() for p in PdfReader(str(tmp_path / offered[0])).pages)
    assert "서명" in text and "*" not in text  # names in full
    (log,) = [a for a in _all_logs(main_window.ctx) if a.action == "print_unmasked"]
    assert log.purpose == "발대식 출석 확인" and offered[0] in log.detail
    previews[0].close()


def _all_logs(ctx) -> list[AccessLog]:
    with ctx.db.session_factory() as s:
        return list(s.scalars(select(AccessLog)))
