"""Issue 11 item 7, imports: the active visible sheet is read (and named when there are
several); limits are checked before the work (file size, unpacked part sizes, shared strings,
rows, cell length, columns), each with a sentence; a cell with an invisible character is named
by row and column; NFD Hangul is stored NFC; consent dates before 2000 or in the future and
starts before the cohort's term are refused; a control character stored by an older version no
longer breaks the .xlsx export. Every hostile file is built here."""

from __future__ import annotations

import datetime as dt
import time
import unicodedata
import zipfile

import openpyxl
import pytest
from sqlalchemy import select, update

from panelapp.db.models import Member
from panelapp.domain.localtime import today_local
from panelapp.io import tabular, xlsx_rows
from panelapp.io.tabular import FileReadError, read_table
from panelapp.services.cohorts.manage import CohortInput, create_cohort
from panelapp.services.context import reading, transaction
from panelapp.services.people.members import ConsentInput, MemberInput, enroll_member
from panelapp.services.roster_io.export import export_roster
from panelapp.services.roster_io.importing import commit_import, preview_import
from panelapp.services.search.query import search

D = dt.date
HEADER = "이름,휴대전화,개인정보동의일"


def cohort(ctx):
    return create_cohort(ctx, CohortInput(7, "제7기", D(2026, 3, 1), D(2026, 12, 31)))


def csv_file(tmp_path, body: str, header: str = HEADER):
    path = tmp_path / "in.csv"
    path.write_text(header + "\n" + body, encoding="utf-8")
    return path


def workbook(path, sheets):
    """sheets: (title, state, rows); the active tab is the first visible one unless said."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, state, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        ws.sheet_state = state
    wb.active = next(i for i, (_t, state, _r) in enumerate(sheets) if state == "visible")
    wb.save(path)
    return path


ROWS = [["이름", "휴대전화", "개인정보동의일"], ["김보임", "010-2111-0001", "2026-03-02"]]


# ----- which sheet ---------------------------------------------------------------------------------
def test_a_hidden_first_sheet_is_not_read_and_the_sheet_read_is_named(tmp_path):
    path = workbook(
        tmp_path / "숨김.xlsx",
        [
            ("옛 명단", "hidden", [ROWS[0], ["박숨김", "010-2111-0009", "2026-03-02"]]),
            ("명단", "visible", ROWS),
        ],
    )
    table = read_table(path)
    assert [cells[0] for _n, cells in table.rows] == ["김보임"]
    assert table.sheet_note == "'명단' 시트를 읽었습니다. 숨겨진 시트('옛 명단')는 읽지 않았습니다."


def test_of_several_visible_sheets_the_active_one_is_read(tmp_path):
    path = tmp_path / "여러.xlsx"
    workbook(path, [("안내", "visible", [["읽지 마세요"]]), ("명단", "visible", ROWS)])
    wb = openpyxl.load_workbook(path)
    wb.active = 1  # Excel opens on the second tab
    wb.save(path)
    table = read_table(path)
    assert table.header == ("이름", "휴대전화", "개인정보동의일") and table.rows[0][1][0] == "김보임"
    assert "'명단' 시트를 읽었습니다(보이는 시트 2개 중" in table.sheet_note


def test_the_openpyxl_fallback_reads_the_same_visible_sheet(tmp_path, monkeypatch):
    path = workbook(tmp_path / "숨김.xlsx", [("옛", "hidden", [["비밀"]]), ("명단", "visible", ROWS)])
    fast = read_table(path)

    def unsupported(*_a, **_k):
        raise xlsx_rows.Unsupported("test")

    monkeypatch.setattr(xlsx_rows, "open_sheet", unsupported)
    slow = read_table(path)
    assert slow.rows == fast.rows and slow.sheet_note == fast.sheet_note


def test_a_workbook_with_only_hidden_sheets_is_a_sentence(tmp_path):
    path = tmp_path / "h.xlsx"
    workbook(path, [("명단", "visible", ROWS)])
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b'state="visible"', b'state="hidden"')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)
    with pytest.raises(FileReadError, match="보이는 시트가 없습니다"):
        read_table(path)


# ----- limits, each with a sentence, before the work is done ---------------------------------------
def test_a_cell_over_128_kb_is_a_sentence_naming_row_and_column(tmp_path):
    path = workbook(
        tmp_path / "긴칸.xlsx", [("명단", "visible", [*ROWS, ["이긴칸", "PLACEHOLDER", "2026-03-02"]])]
    )
    with zipfile.ZipFile(path) as z:  # openpyxl cuts a cell at 32,767 characters; Excel's files need not
        sheet = z.read("xl/worksheets/sheet1.xml")
    _with_part(path, "xl/worksheets/sheet1.xml", sheet.replace(b"PLACEHOLDER", ("가" * 140_000).encode()))
    assert len(("가" * 140_000).encode()) > 128 * 1024
    with pytest.raises(FileReadError) as err:
        read_table(path)
    assert "3행 B열 칸의 글자가 140,000자로 너무 깁니다" in str(err.value)
    csv_path = tmp_path / "긴칸.csv"
    csv_path.write_text(f"{HEADER}\n이긴칸,{'나' * 140_000},2026-03-02\n", encoding="utf-8")
    with pytest.raises(FileReadError, match="2행"):  # the csv module's own limit: still a sentence
        read_table(csv_path)
    csv_path.write_text(f"{HEADER}\n이긴칸,{'나' * 40_000},2026-03-02\n", encoding="utf-8")
    with pytest.raises(FileReadError, match="2행 B열 칸의 글자가 40,000자로"):
        read_table(csv_path)


def test_too_many_rows_is_a_sentence(tmp_path, monkeypatch):
    monkeypatch.setattr(tabular, "MAX_ROWS", 5)
    rows = [ROWS[0]] + [[f"단원{i}", f"010-2111-{i:04d}", "2026-03-02"] for i in range(7)]
    with pytest.raises(FileReadError, match="한 번에 5행까지 불러올 수 있습니다"):
        read_table(workbook(tmp_path / "많음.xlsx", [("명단", "visible", rows)]))
    body = "".join(f"단원{i},010-2111-{i:04d},2026-03-02\n" for i in range(7))
    with pytest.raises(FileReadError, match="한 번에 5행까지"):
        read_table(csv_file(tmp_path, body))


def test_a_file_too_big_is_refused_by_its_size_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(tabular, "MAX_FILE_BYTES", 1024)
    path = csv_file(tmp_path, "가,010-2111-0001,2026-03-02\n" * 100)
    with pytest.raises(FileReadError, match=r"'in.csv'는 0MB로 너무 큽니다"):
        read_table(path)


def _with_part(path, name: str, data: bytes):
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts[name] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, body in parts.items():
            z.writestr(n, body)
    return path


def test_a_zip_bomb_of_shared_strings_is_refused_before_it_is_parsed(tmp_path):
    path = workbook(tmp_path / "폭탄.xlsx", [("명단", "visible", ROWS)])
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    bomb = f'<sst xmlns="{ns}">'.encode() + b"<si><t>a</t></si>" * 3_000_000 + b"</sst>"  # 51 MB
    _with_part(path, "xl/sharedStrings.xml", bomb)
    assert path.stat().st_size < 1_000_000
    started = time.perf_counter()
    with pytest.raises(FileReadError) as err:
        read_table(path)
    assert time.perf_counter() - started < 2  # the zip directory says it all
    assert "'폭탄.xlsx'는 불러올 수 없습니다" in str(err.value)
    assert "'xl/sharedStrings.xml' 부분이 압축 전 49MB로 비정상적으로 큽니다" in str(err.value)


def test_too_many_shared_strings_is_refused(tmp_path):
    path = workbook(tmp_path / "문자열.xlsx", [("명단", "visible", ROWS)])
    with zipfile.ZipFile(path) as z:  # openpyxl writes inline strings: name a shared-strings part
        rels = z.read("xl/_rels/workbook.xml.rels")
    shared = (
        b'<Relationship Id="rId99" Target="sharedStrings.xml" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/sharedStrings"/></Relationships>'
    )
    _with_part(path, "xl/_rels/workbook.xml.rels", rels.replace(b"</Relationships>", shared))
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    declared = f'<sst xmlns="{ns}" count="3000000" uniqueCount="3000000"><si><t>a</t></si></sst>'
    _with_part(path, "xl/sharedStrings.xml", declared.encode())
    with pytest.raises(FileReadError, match="문자열이 3,000,000개로 너무 많습니다"):
        read_table(path)
    counted = f'<sst xmlns="{ns}">' + "<si><t>a</t></si>" * 25 + "</sst>"  # no count declared
    _with_part(path, "xl/sharedStrings.xml", counted.encode())
    with pytest.raises(xlsx_rows.Refused, match="21개로 너무 많습니다"):
        list(xlsx_rows.read_rows(path, xlsx_rows.Limits(shared_strings=20)))


def test_the_unpacked_size_and_a_far_column_are_limits(tmp_path):
    path = workbook(tmp_path / "큼.xlsx", [("명단", "visible", ROWS)])
    with pytest.raises(xlsx_rows.Refused, match="압축을 풀면"):
        xlsx_rows.read_rows(path, xlsx_rows.Limits(unpacked_bytes=1000))
    wb = openpyxl.load_workbook(path)
    wb.active["ALM5"] = "먼 칸"  # column 1,001
    wb.save(path)
    with pytest.raises(FileReadError, match="ALM5칸\\(5행 1,001번째 열\\)에 값이 있습니다.*1,000열까지"):
        read_table(path)


def test_a_forged_dimension_does_not_pad_rows(tmp_path):
    """A stray value in XFD1048576 costs one row, not a padded sheet of a million rows."""
    path = workbook(tmp_path / "먼칸.xlsx", [("명단", "visible", ROWS)])
    wb = openpyxl.load_workbook(path)
    wb.active["Z1000000"] = "x"
    wb.save(path)
    started = time.perf_counter()
    rows = list(xlsx_rows.read_rows(path))
    assert time.perf_counter() - started < 2
    assert [n for n, _ in rows] == [1, 2, 1000000] and len(rows[-1][1]) == 26


# ----- invisible characters and NFC ----------------------------------------------------------------
@pytest.mark.parametrize(
    "bad, said",
    [("\x00", "NUL 문자(U+0000)"), ("\u200b", "폭 없는 문자(U+200B)"), ("\u202e", "방향 제어 문자(U+202E)")],
)
def test_an_invisible_character_in_a_name_is_refused_naming_row_and_column(ctx, tmp_path, bad, said):
    c = cohort(ctx)
    path = csv_file(tmp_path, f"김정상,010-2111-0001,2026-03-02\n홍{bad}길동,010-2111-0002,2026-03-02\n")
    preview = preview_import(ctx, c.id, path)
    assert not preview.can_import
    assert [(p.row, p.column) for p in preview.problems] == [(3, "이름")]
    assert said in preview.problems[0].message and "다시 입력해 주세요" in preview.problems[0].message


def test_an_invisible_character_in_an_xlsx_cell_is_named_too(ctx, tmp_path):
    c = cohort(ctx)
    path = workbook(
        tmp_path / "x.xlsx", [("명단", "visible", [*ROWS, ["이정상", "010-2111-0002\u2066", "2026-03-02"]])]
    )
    preview = preview_import(ctx, c.id, path)
    assert [(p.row, p.column) for p in preview.problems] == [(3, "휴대전화")]


def test_nfd_hangul_in_a_file_is_stored_nfc_and_found_by_search(ctx, tmp_path):
    c = cohort(ctx)
    typed_on_a_mac = unicodedata.normalize("NFD", "한글빛")
    path = csv_file(tmp_path, f"{typed_on_a_mac},010-2111-0001,2026-03-02\n")
    commit_import(ctx, c.id, preview_import(ctx, c.id, path))
    with reading(ctx) as s:
        assert list(s.scalars(select(Member.name))) == ["한글빛"]
    assert [h.kind for h in search(ctx, typed_on_a_mac)] == ["member"]


def test_a_stored_control_character_no_longer_breaks_the_xlsx_export(ctx, tmp_path):
    c = cohort(ctx)
    enroll_member(
        ctx,
        c.id,
        MemberInput("홍길동", "010-2111-0001", joined_on=D(2026, 3, 1)),
        ConsentInput("2026-1", D(2026, 3, 1), agreed=True),
    )
    with transaction(ctx) as s:  # as an older version stored it
        s.execute(update(Member).values(name="홍\x01길동"))
    export_roster(ctx, c.id, tmp_path / "명단.xlsx", unmasked=True, purpose="확인")
    ws = openpyxl.load_workbook(tmp_path / "명단.xlsx").active
    assert ws.cell(row=2, column=1).value == "홍 길동"


# ----- consent dates and starts ----------------------------------------------------------------------
def test_consent_dates_before_2000_or_in_the_future_are_refused_row_by_row(ctx, tmp_path):
    tomorrow = today_local() + dt.timedelta(days=1)
    c = cohort(ctx)
    path = csv_file(tmp_path, f"가,010-2111-0001,1999-12-31\n나,010-2111-0002,{tomorrow}\n")
    problems = preview_import(ctx, c.id, path).problems
    assert [(p.row, p.column) for p in problems] == [(2, "개인정보동의일"), (3, "개인정보동의일")]
    assert "2000년 이후" in problems[0].message and "오늘 이후" in problems[1].message


def test_a_start_before_the_cohorts_term_is_refused(ctx, tmp_path):
    c = cohort(ctx)
    path = csv_file(tmp_path, "가,010-2111-0001,2026-02-20,2026-02-28\n", header=HEADER + ",활동시작일")
    problems = preview_import(ctx, c.id, path).problems
    assert [(p.row, p.column) for p in problems] == [(2, "활동시작일")]
    assert "기수 활동 시작일(2026-03-01)보다 이를 수 없습니다" in problems[0].message
