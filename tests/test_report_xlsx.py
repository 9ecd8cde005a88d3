"""The report's .xlsx: one sheet per section, frozen bold header, dates as dates, text as text,
no formula injection, the same figures as the PDF."""

import datetime as dt
import io

from openpyxl import load_workbook
from report_world import REPORT_DATE, build_report_world

from panelapp.db.models import Proposal
from panelapp.domain.report_data import ReportOptions
from panelapp.reports.report_xlsx import report_xlsx_bytes
from panelapp.services.context import transaction
from panelapp.services.reporting.query import build_report_data


def test_workbook_sheets_types_and_injection(sqlite_ctx):
    rw = build_report_world(sqlite_ctx)
    with transaction(sqlite_ctx) as s:
        s.get(Proposal, rw.proposals["sign"]).title = '=HYPERLINK("http://x")'
    data = build_report_data(sqlite_ctx, ReportOptions(rw.w.cohort_id, report_date=REPORT_DATE))
    wb = load_workbook(io.BytesIO(report_xlsx_bytes(data)))
    assert wb.sheetnames == [
        "요약",
        "시설별 점수",
        "발견사항",
        "부서별 답변 처리",  # issue 14 item 3: the table heading the PDF's list of proposals
        "개선제안",
        "좋아요·아쉬워요",
        "의견이 이어진 제안",
        "활동",
        "단원별 참여",
    ]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2" and all(c.font.b for c in ws[1])
        assert ws.column_dimensions["A"].width >= 6
    summary = {r[0]: r[1] for r in wb["요약"].iter_rows(min_row=2, values_only=True)}
    assert summary["완료된 점검"] == 2 and summary["개선제안"] == 6 and summary["채택률"] == 0.75
    assert summary["답변 소요 중앙값(근무일)"] == 13 and summary["발견사항 심각도: 긴급(안전)"] == 1
    assert wb["요약"]["B11"].number_format == "0.0%"
    proposals = wb["개선제안"]
    head = [c.value for c in proposals[1]]
    rows = [dict(zip(head, r)) for r in proposals.iter_rows(min_row=2, values_only=True)]
    assert len(rows) == 6 and rows[0]["접수일"] == dt.datetime(2026, 4, 1)
    assert proposals.cell(row=2, column=head.index("접수일") + 1).number_format == "yyyy-mm-dd"
    injected = next(r for r in rows if "HYPERLINK" in r["개선제안"])
    assert injected["개선제안"].startswith("'=")
    assert {
        r["이름"]
        for r in wb["단원별 참여"].iter_rows(min_row=2, values_only=True)
        for r in [dict(zip([c.value for c in wb["단원별 참여"][1]], r))]
    } == {"김*준", "김*희", "이*수", "박*연"}
    findings = list(wb["발견사항"].iter_rows(min_row=2, values_only=True))
    assert len(findings) == 6 and wb["발견사항"]["C2"].number_format == "@"


def test_workbook_follows_the_chosen_sections(sqlite_ctx):
    rw = build_report_world(sqlite_ctx)
    data = build_report_data(sqlite_ctx, ReportOptions(rw.w.cohort_id, sections=frozenset({"proposals"})))
    assert load_workbook(io.BytesIO(report_xlsx_bytes(data))).sheetnames == ["부서별 답변 처리", "개선제안"]
