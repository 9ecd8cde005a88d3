"""Roster export: masked by default, formula injection neutralised, phones as text, access log."""

import csv
import datetime as dt

import openpyxl
import pytest
from sqlalchemy import select

from panelapp.db.models import AccessLog
from panelapp.domain.errors import DomainError, NotFoundError, ValidationError
from panelapp.io.roster_columns import IMPORT_COLUMNS
from panelapp.io.roster_export import neutralize, write_table, write_template
from panelapp.services.cohorts.manage import CohortInput, create_cohort
from panelapp.services.context import reading
from panelapp.services.people.members import ConsentInput, MemberInput, enroll_member
from panelapp.services.roster_io.export import HEADER, export_roster, mask_email
from panelapp.services.roster_io.importing import commit_import, preview_import

D = dt.date


@pytest.fixture
def cohort_with_members(ctx):
    c = create_cohort(ctx, CohortInput(7, "제7기", D(2026, 3, 1), D(2026, 12, 31)))
    for name, phone, district, email in (
        ("홍길동", "010-2111-5678", '=HYPERLINK("http://x")', "hong@example.kr"),
        ("김철", "010-2222-1234", "-1+2", None),
    ):
        enroll_member(
            ctx,
            c.id,
            MemberInput(
                name, phone, email=email, district=district, team_id=c.teams[0].id, joined_on=D(2026, 3, 1)
            ),
            ConsentInput("2026-1", D(2026, 3, 2), agreed=True),
        )
    return c


def logs(ctx):
    with reading(ctx) as s:
        return [(a.action, a.purpose, a.detail) for a in s.scalars(select(AccessLog))]


def test_masked_csv_has_bom_and_no_live_formulas(ctx, cohort_with_members, tmp_path):
    path = tmp_path / "명단.csv"
    result = export_roster(ctx, cohort_with_members.id, path)
    assert result.rows == 2 and result.masked
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows[0] == list(HEADER)
    assert rows[1][:3] == ["김*", "010-****-1234", ""] and rows[2][:3] == [
        "홍*동",
        "010-****-5678",
        "h***@example.kr",
    ]
    assert rows[1][3] == "'-1+2" and rows[2][3] == '\'=HYPERLINK("http://x")'
    assert rows[2][6:9] == ["정책동행단", "단원", "2026-03-02"]
    ((action, purpose, _detail),) = logs(ctx)  # a masked export is logged too, without a purpose
    assert (action, purpose) == ("roster_export", "")


def test_xlsx_keeps_phones_as_text_and_can_be_imported_again(ctx, cohort_with_members, tmp_path):
    path = tmp_path / "명단.xlsx"
    export_roster(ctx, cohort_with_members.id, path, unmasked=True, purpose="  문자 발송 ")
    ws = openpyxl.load_workbook(path).active
    assert [c.value for c in ws[1]] == list(HEADER)
    phone = ws.cell(row=3, column=2)
    assert phone.value == "010-2111-5678" and phone.number_format == "@" and phone.data_type == "s"
    assert ws.cell(row=3, column=4).value.startswith("'=")
    assert logs(ctx) == [
        ("export_unmasked", "문자 발송", f"cohort_id={cohort_with_members.id}; rows=2; file=명단.xlsx")
    ]
    other = create_cohort(ctx, CohortInput(8, "제8기", D(2026, 3, 1), D(2026, 12, 31)))
    preview = preview_import(ctx, other.id, path)
    assert preview.can_import and set(preview.unknown_columns) == {
        "상태",
        "활동 시작일",
        "탈퇴일",
        "활동 시간",
        "출석률",
    }
    assert commit_import(ctx, other.id, preview).reused == 2


def test_unmasked_needs_a_purpose_and_failures_log_nothing(ctx, cohort_with_members, tmp_path):
    with pytest.raises(ValidationError):
        export_roster(ctx, cohort_with_members.id, tmp_path / "a.csv", unmasked=True, purpose=" ")
    with pytest.raises(DomainError, match="폴더"):
        export_roster(ctx, cohort_with_members.id, tmp_path / "no" / "a.csv", unmasked=True, purpose="x")
    with pytest.raises(DomainError, match=".xlsx 또는 .csv"):
        export_roster(ctx, cohort_with_members.id, tmp_path / "a.pdf", unmasked=True, purpose="x")
    with pytest.raises(NotFoundError):
        export_roster(ctx, 999, tmp_path / "a.csv")
    assert not (tmp_path / "a.csv").exists() and logs(ctx) == []


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=1+1", "'=1+1"),
        ("+82", "'+82"),
        ("-x", "'-x"),
        ("@SUM", "'@SUM"),
        ("\tA", "'\tA"),
        ("\rA", "'\rA"),
        ("홍길동", "홍길동"),
        (1985, 1985),
        (None, None),
        ("a=b", "a=b"),
    ],
)
def test_neutralize(value, expected):
    assert neutralize(value) == expected


def test_write_table_csv_neutralises_numbers_as_text(tmp_path):
    path = tmp_path / "t.csv"
    assert write_table(path, ["a", "b"], [["=cmd|' /C calc'!A0", 5], [None, "@x"]]) == 2
    assert path.read_text(encoding="utf-8-sig").splitlines() == ["a,b", "'=cmd|' /C calc'!A0,5", ",'@x"]


def test_mask_email():
    assert mask_email("hong.gildong@example.kr") == "h***@example.kr" and mask_email(None) is None


def test_template_has_headers_and_guide_with_the_example_apart(tmp_path):
    path = tmp_path / "서식.xlsx"
    write_template(path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["단원 명단", "작성 안내"]
    sheet = wb["단원 명단"]
    assert [c.value for c in sheet[1]] == [c.label for c in IMPORT_COLUMNS]
    assert all(c.value is None for c in sheet[2])  # no example person to be imported by mistake
    assert (
        sheet.cell(row=2, column=2).number_format == "@" and sheet.cell(row=50, column=2).number_format == "@"
    )
    guide = [
        [c.value for c in row]
        for row in wb["작성 안내"].iter_rows(min_row=2, max_row=len(IMPORT_COLUMNS) + 1)
    ]
    assert [(g[0], g[1], g[4]) for g in guide] == [
        (c.label, "필수" if c.required else "선택", c.key) for c in IMPORT_COLUMNS
    ]
    assert all(g[2] for g in guide)
    rows = [[c.value for c in row] for row in wb["작성 안내"].iter_rows()]
    at = rows.index([c.label for c in IMPORT_COLUMNS] + [None] * (len(rows[0]) - len(IMPORT_COLUMNS)))
    assert rows[at + 1][: len(IMPORT_COLUMNS)] == [c.example for c in IMPORT_COLUMNS]
    assert "불러오지 않습니다" in rows[at - 1][0]
    with pytest.raises(DomainError):
        write_template(tmp_path / "서식.csv")


def test_the_template_imports_nothing_and_an_old_templates_example_row_is_skipped(ctx, tmp_path):
    c = create_cohort(ctx, CohortInput(7, "제7기", D(2026, 3, 1), D(2026, 12, 31)))
    write_template(tmp_path / "서식.xlsx")
    preview = preview_import(ctx, c.id, tmp_path / "서식.xlsx")
    assert len(preview.rows) == 0 and not preview.can_import  # the formatted empty rows are not rows
    assert "'단원 명단' 시트를 읽었습니다" in preview.notes[0]  # of the two visible sheets
    # a template of an older version, filled in below its example row (row 2)
    wb = openpyxl.load_workbook(tmp_path / "서식.xlsx")
    ws = wb["단원 명단"]
    for col, column in enumerate(IMPORT_COLUMNS, 1):
        ws.cell(row=2, column=col, value=column.example)
    ws.cell(row=3, column=1, value="김가람")
    ws.cell(row=3, column=2, value="010-2111-0001")
    consent_col = [c.key for c in IMPORT_COLUMNS].index("consent_date") + 1
    ws.cell(row=3, column=consent_col, value="2026-03-02")
    wb.save(tmp_path / "옛 서식.xlsx")
    preview = preview_import(ctx, c.id, tmp_path / "옛 서식.xlsx")
    assert preview.can_import and [r.row for r in preview.rows] == [3]
    assert any("예시 행(2행" in n and "건너뛰었습니다" in n for n in preview.notes)
