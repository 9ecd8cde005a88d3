"""부서별 답변 처리 (issue 14 item 3): one service for the dashboard, the report and the command
line; figures in working days, on SQLite and PostgreSQL."""

import io

import pytest
from conftest import with_admin_account
from openpyxl import load_workbook
from pypdf import PdfReader
from sla_world import TODAY, build_sla_world

from panelapp.cli import main
from panelapp.db.models import User
from panelapp.domain.enums import UserRole
from panelapp.domain.report_data import SLA_HEADERS, ReportOptions
from panelapp.reports.improvement_report import render_improvement_report
from panelapp.reports.report_xlsx import report_xlsx_bytes
from panelapp.services.context import ServiceContext, transaction
from panelapp.services.reporting.query import build
from panelapp.services.reporting.sla import department_sla, median, percentile
from panelapp.services.system.bootstrap import open_app


def test_the_table_per_department(ctx):
    w, dept = build_sla_world(ctx)
    rows = department_sla(ctx, w.cohort_id, TODAY)
    assert [r.department for r in rows] == ["공원녹지과", "체육사업부", "미지정", "전체"]
    parks, sports, none, total = rows
    assert (sports.department_id, sports.received, sports.answered, sports.overdue) == (
        dept["sports"],
        5,
        3,
        1,
    )
    assert (sports.median_days, sports.p90_days) == (1, 3)  # 1, 1, 3 working days
    assert (sports.on_time, sports.with_deadline) == (2, 3)
    assert sports.cells() == ("체육사업부", "5", "3", "1일", "3일", "66.7%", "1")
    assert (parks.received, parks.answered, parks.median_days, parks.p90_days) == (1, 1, 10, 10)
    assert parks.on_time_rate is None and parks.cells()[5] == "–"  # answered, but had no due date
    assert (none.department_id, none.received, none.overdue, none.median_days) == (None, 1, 1, None)
    assert total.total and (total.received, total.answered, total.overdue) == (7, 4, 2)
    assert (total.median_days, total.p90_days) == (2, 10)  # 1, 1, 3, 10
    assert total.cells()[3] == "2일"


def test_a_department_account_sees_its_own_row(ctx):
    w, dept = build_sla_world(ctx)
    with transaction(ctx) as s:
        user = User(name="체육담당", role=UserRole.DEPARTMENT, department_id=dept["sports"])
        s.add(user)
        s.flush()
        uid = user.id
    scoped = ServiceContext(db=ctx.db, user_id=uid, user_name="체육담당", role=UserRole.DEPARTMENT)
    rows = department_sla(scoped, w.cohort_id, TODAY)
    assert [r.department for r in rows] == ["체육사업부", "전체"] and rows[-1].received == 5


def test_median_and_nearest_rank_percentile():
    ten = [(v, 1) for v in range(1, 11)]
    assert percentile(ten, 90) == 9  # not 10: 0.9 * 10 in floats is 9.000000000000002
    assert median(ten) == 5.5
    assert percentile([(2, 1)], 90) == 2 and percentile([], 90) is None and median([]) is None
    assert percentile([(1, 9), (30, 1)], 90) == 1 and percentile([(1, 8), (30, 2)], 90) == 30


def test_the_report_prints_the_same_table(ctx):
    w, _dept = build_sla_world(ctx)
    data = build(ctx, ReportOptions(w.cohort_id, report_date=TODAY, photos=False))
    assert data.departments == department_sla(ctx, w.cohort_id, TODAY)
    pdf, _pages = render_improvement_report(data)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    flat = text.replace(" ", "").replace("\n", "")
    assert "부서별답변처리" in flat
    assert "체육사업부53" in flat and "66.7%" in flat
    sheet = load_workbook(io.BytesIO(report_xlsx_bytes(data)))["부서별 답변 처리"]
    assert next(sheet.iter_rows(values_only=True)) == SLA_HEADERS
    without = build(
        ctx, ReportOptions(w.cohort_id, report_date=TODAY, photos=False, sections=frozenset({"summary"}))
    )
    assert without.departments == ()


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "panel.db"
    ctx = open_app(str(path))
    build_sla_world(ctx)
    ctx.db.dispose()
    with_admin_account(path)
    return path


def test_cli_prints_the_table_and_writes_the_workbook(db_file, tmp_path, capsys, monkeypatch):
    import panelapp.services.reporting.sla as sla

    monkeypatch.setattr(sla, "today_local", lambda: TODAY)
    out_file = tmp_path / "부서별.xlsx"
    assert main(["--db", str(db_file), "departments", "sla", "--cohort", "7", "-o", str(out_file)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert "담당부서" in lines[1] and "답변 소요 90%(근무일)" in lines[1]
    sports = next(line for line in lines if line.startswith("체육사업부"))
    assert sports.split() == ["체육사업부", "5", "3", "1일", "3일", "66.7%", "1"]
    assert lines[-2].split()[0] == "전체" and "저장했습니다" in lines[-1]
    sheet = load_workbook(out_file).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == SLA_HEADERS
    assert rows[2] == ("체육사업부", 5, 3, 1, 3, 0.667, 1)
    assert sheet.cell(3, 6).number_format == "0.0%"


def test_cli_refuses_a_missing_cohort_and_a_wrong_suffix(db_file, tmp_path, capsys):
    assert main(["--db", str(db_file), "departments", "sla", "--cohort", "9"]) == 1
    assert "제9기가 없습니다" in capsys.readouterr().err
    assert (
        main(["--db", str(db_file), "departments", "sla", "--cohort", "7", "-o", str(tmp_path / "a.csv")])
        == 1
    )
    assert ".xlsx" in capsys.readouterr().err
