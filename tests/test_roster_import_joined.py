"""Roster import: 활동시작일 from the file, else the cohort's term start (never the import day);
the template explains it; a file-level problem leaves no row marked 정상."""

import datetime as dt

import openpyxl
from sqlalchemy import select

from panelapp.db.models import Enrollment
from panelapp.io.roster_columns import IMPORT_COLUMNS, JOINED_ON, map_header
from panelapp.io.roster_export import JOINED_NOTE, write_template
from panelapp.services.cohorts.manage import CohortInput, create_cohort
from panelapp.services.context import reading
from panelapp.services.roster_io.importing import commit_import, preview_import

D = dt.date


def cohort(ctx, start=D(2026, 3, 1), end=D(2026, 12, 31)):
    return create_cohort(ctx, CohortInput(7, "제7기", start, end))


def csv_file(tmp_path, text: str):
    path = tmp_path / "in.csv"
    path.write_text(text, encoding="utf-8")
    return path


def joined_dates(ctx, cohort_id) -> list[dt.date]:
    with reading(ctx) as s:
        return list(
            s.scalars(
                select(Enrollment.joined_on).where(Enrollment.cohort_id == cohort_id).order_by(Enrollment.id)
            )
        )


def test_without_the_column_members_start_with_the_cohort_not_the_import_day(ctx, tmp_path):
    c = cohort(ctx, D(2026, 3, 1))  # today is later than the term start
    path = csv_file(tmp_path, "이름,휴대전화,개인정보동의일\n홍길동,010-2111-0001,2026-02-20\n")
    preview = preview_import(ctx, c.id, path)
    assert preview.can_import
    commit_import(ctx, c.id, preview)
    assert joined_dates(ctx, c.id) == [D(2026, 3, 1)]


def test_the_column_gives_each_members_start_and_empty_cells_the_term_start(ctx, tmp_path):
    c = cohort(ctx)
    path = csv_file(
        tmp_path,
        "이름,휴대전화,개인정보동의일,활동 시작일\n"
        "홍길동,010-2111-0001,2026-02-20,2026-05-12\n"
        "김철수,010-2111-0002,2026-02-20,\n"
        "이영희,010-2111-0003,2026-02-20,2026.6.1\n",
    )
    preview = preview_import(ctx, c.id, path)
    assert preview.can_import and "joined_on" in preview.columns
    commit_import(ctx, c.id, preview)
    assert joined_dates(ctx, c.id) == [D(2026, 5, 12), D(2026, 3, 1), D(2026, 6, 1)]


def test_a_bad_or_too_late_start_is_a_problem_naming_the_column(ctx, tmp_path):
    c = cohort(ctx)
    path = csv_file(
        tmp_path,
        "이름,휴대전화,개인정보동의일,활동시작일\n"
        "홍길동,010-2111-0001,2026-02-20,2026-13-01\n"
        "김철수,010-2111-0002,2026-02-20,2027-01-05\n",
    )
    preview = preview_import(ctx, c.id, path)
    assert not preview.can_import
    assert [(p.row, p.column) for p in preview.problems] == [
        (2, "활동시작일"),
        (3, "활동시작일"),
    ]  # as Excel numbers the rows
    assert "종료일(2026-12-31)" in preview.problems[1].message


def test_an_exported_rosters_own_start_column_is_not_read():
    """An export carries the start in the cohort it came from (with 상태 and 탈퇴일 beside it)."""
    exported = map_header(["이름", "휴대전화", "개인정보동의일", "상태", "활동 시작일", "탈퇴일"])
    assert "joined_on" not in exported.index and "활동 시작일" in exported.unknown
    own = map_header(["이름", "휴대전화", "개인정보동의일", "활동 시작일"])
    assert own.index["joined_on"] == 3


def test_the_template_has_the_column_and_explains_it(tmp_path):
    path = tmp_path / "서식.xlsx"
    write_template(path)
    wb = openpyxl.load_workbook(path)
    sheet = wb["단원 명단"]
    headers = [c.value for c in sheet[1]]
    assert headers == [c.label for c in IMPORT_COLUMNS] and headers[-1] == "활동시작일"
    note = sheet.cell(row=1, column=len(headers)).comment
    assert note is not None and "기수의 활동 시작일" in note.text
    guide = [[c.value for c in row] for row in wb["작성 안내"].iter_rows()]
    assert ["활동시작일", "선택", JOINED_ON.help, JOINED_ON.example, "joined_on"] in [g[:5] for g in guide]
    assert any(row[0] == "활동시작일" and row[2] == JOINED_NOTE for row in guide)
    assert "불러온 날이 아닙니다" in JOINED_NOTE


def test_a_missing_required_column_leaves_every_row_unchecked_not_ok(ctx, tmp_path):
    c = cohort(ctx)
    path = csv_file(tmp_path, "이름,개인정보동의일\n홍길동,2026-02-20\n김철수,2026-02-20\n")
    preview = preview_import(ctx, c.id, path)
    assert preview.file_errors and not preview.can_import
    assert [r.ok for r in preview.rows] == [False, False] and preview.ok_count == 0
    assert preview.unchecked_count == 2 and preview.error_count == 0
