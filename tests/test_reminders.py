"""독촉 안내문 (issue 14 item 9): per department, the proposals whose answer is overdue or due
within N working days (default 3), as PDF (read back with pypdf) and .xlsx (read back with
openpyxl), from the service and from `panelapp reminders`."""

from __future__ import annotations

import io

import pytest
from conftest import with_admin_account
from openpyxl import load_workbook
from pypdf import PdfReader
from reminder_world import TODAY, D, build_reminder_world
from sqlalchemy import func, select

from panelapp.cli import main
from panelapp.db.models import AccessLog
from panelapp.domain.enums import UserRole
from panelapp.domain.errors import DomainError
from panelapp.services.context import ServiceContext, reading, transaction
from panelapp.services.permissions import PermissionDenied
from panelapp.services.reminders.sheets import make_reminders, reminder_data, render_pdf
from panelapp.services.system.bootstrap import open_app


@pytest.fixture
def r(ctx):
    return build_reminder_world(ctx)


def _titles(sheet):
    return [(row.title, row.overdue, row.days) for row in sheet.rows]


def test_overdue_and_soon_due_per_department_in_working_days(ctx, r):
    data = reminder_data(ctx, r.cohort_id, today=TODAY)
    assert [d.department for d in data.sheets] == ["체육사업부"]
    assert data.empty == ("공원녹지과",)  # nothing to remind: skipped, and named as such
    sports = data.sheets[0]
    assert sports.contact == "강*호" and sports.email == "sports@example.kr"
    assert _titles(sports) == [
        ("주차 차단기", True, 9),  # 6/2 → 6/16: ten weekdays, less election day 6/3
        ("매점 메뉴", True, 4),
        ("샤워실 온수", False, 0),
        ("수영장 안내", False, 3),
        ("탈의실 사물함", False, 3),  # due on a Saturday: the weekend adds no working day
    ]
    assert (sports.overdue, sports.soon) == (2, 3)
    assert [row.days_text for row in sports.rows] == [
        "9일 경과",
        "4일 경과",
        "오늘까지",
        "3일 남음",
        "3일 남음",
    ]


def test_within_widens_and_narrows_the_soon_due(ctx, r):
    wide = reminder_data(ctx, r.cohort_id, within=4, today=TODAY).sheets[0]
    assert "체육관 조명" in [row.title for row in wide.rows]
    narrow = reminder_data(ctx, r.cohort_id, within=0, today=TODAY).sheets[0]
    assert [row.title for row in narrow.rows] == ["주차 차단기", "매점 메뉴", "샤워실 온수"]
    with pytest.raises(DomainError, match="기한 임박 기준"):
        reminder_data(ctx, r.cohort_id, within=-1, today=TODAY)


def test_one_department_with_nothing_says_so(ctx, r, tmp_path):
    data = reminder_data(ctx, r.cohort_id, r.parks, today=TODAY)
    assert [(d.department, d.rows) for d in data.sheets] == [("공원녹지과", ())]
    text = _pdf_text(render_pdf(data))
    assert "공원녹지과" in text and "독촉할 제안이 없습니다" in text


def _pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_pdf_reads_back_with_each_department_and_no_proposer(ctx, r, tmp_path):
    path = tmp_path / "독촉.pdf"
    data = make_reminders(ctx, r.cohort_id, path, today=TODAY)
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    for expected in (
        "답변 독촉 안내",
        "체육사업부",
        "강*호",
        "주차 차단기",
        "9일 경과",
        "오늘까지",
        "3일 남음",
    ):
        assert expected in text, expected
    assert "2026-06-02" in text and "한빛국민체육센터" in text
    assert "강민호" not in text and "체육관 조명" not in text and "지운 제안" not in text
    assert "중복 제안" not in text
    assert "독촉할 제안이 없는 부서: 공원녹지과" in text
    fonts = {str(f) for page in reader.pages for f in page["/Resources"]["/Font"].values()}
    assert data.rows == 5 and fonts  # fonts embedded (NanumGothic subset)
    assert all("Helvetica" not in str(page["/Resources"]["/Font"]) for page in reader.pages)
    with reading(ctx) as s:
        assert s.scalar(select(func.count()).select_from(AccessLog)) == 0  # no personal data


def test_the_workbook_reads_back(ctx, r, tmp_path):
    path = tmp_path / "독촉.xlsx"
    make_reminders(ctx, r.cohort_id, path, today=TODAY)
    wb = load_workbook(path)
    rows = list(wb["답변 독촉 안내"].iter_rows(values_only=True))
    assert rows[0] == (
        "담당부서", "시민소통관", "번호", "제목", "시설", "접수일", "답변 기한", "구분", "경과 근무일", "남은 근무일",
    )  # fmt: skip
    first = rows[1]
    assert first[:5] == ("체육사업부", "강*호", r.ids["주차 차단기"], "주차 차단기", "한빛국민체육센터")
    assert first[5].date() == D(2026, 6, 1) and first[6].date() == D(2026, 6, 2)
    assert first[7:] == ("기한 경과", 9, None)
    assert rows[3][7:] == ("기한 임박", None, 0)
    assert len(rows) == 6
    info = dict(wb["설명"].iter_rows(values_only=True))
    assert info["독촉할 제안이 없는 부서"] == "공원녹지과"


def test_a_wrong_suffix_and_a_department_account_are_refused(ctx, r, tmp_path):
    with pytest.raises(DomainError, match=r"\.pdf 또는 \.xlsx"):
        make_reminders(ctx, r.cohort_id, tmp_path / "a.csv", today=TODAY)
    with transaction(ctx) as s:
        from panelapp.db.models import User

        user = User(name="김부서", role=UserRole.DEPARTMENT, department_id=r.sports)
        s.add(user)
        s.flush()
        uid = user.id
    desk = ServiceContext(db=ctx.db, user_id=uid, user_name="김부서", role=UserRole.DEPARTMENT)
    with pytest.raises(PermissionDenied):
        reminder_data(desk, r.cohort_id, today=TODAY)


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "panel.db"
    ctx = open_app(str(path))
    build_reminder_world(ctx)
    ctx.db.dispose()
    with_admin_account(path)
    return path


def test_cli_writes_pdf_and_xlsx(db_file, tmp_path, capsys, monkeypatch):
    import panelapp.services.reminders.sheets as sheets

    monkeypatch.setattr(sheets, "today_local", lambda: TODAY)
    pdf = tmp_path / "독촉.pdf"
    assert main(["--db", str(db_file), "reminders", "--cohort", "7", "-o", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert "체육사업부: 기한 경과 2건, 기한 임박 3건" in out and "독촉할 제안이 없는 부서: 공원녹지과" in out
    assert "주차 차단기" in _pdf_text(pdf.read_bytes())
    xlsx = tmp_path / "독촉.xlsx"
    args = ["--db", str(db_file), "reminders", "--cohort", "7", "--department", "체육사업부", "--within", "4"]
    assert main([*args, "-o", str(xlsx)]) == 0
    titles = [row[3] for row in load_workbook(xlsx).active.iter_rows(min_row=2, values_only=True)]
    assert "체육관 조명" in titles and len(titles) == 6


def test_cli_refuses_bad_input_with_a_sentence(db_file, tmp_path, capsys):
    assert main(["--db", str(db_file), "reminders", "--cohort", "7", "-o", str(tmp_path / "a.csv")]) == 1
    assert ".pdf 또는 .xlsx" in capsys.readouterr().err
    args = ["--db", str(db_file), "reminders", "--cohort", "7", "--department", "없는과", "-o"]
    assert main([*args, str(tmp_path / "a.pdf")]) == 1
    assert "'없는과' 부서가 없습니다" in capsys.readouterr().err
    assert main(["--db", str(db_file), "reminders", "--cohort", "9", "-o", str(tmp_path / "a.pdf")]) == 1
    assert "제9기가 없습니다" in capsys.readouterr().err
