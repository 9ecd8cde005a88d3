"""The list exports below the GUI (services/exporting.py, io/workbook.py, each feature's export):
formula-like text stays text, the file appears whole or not at all (Cancel, a failure, a file
held open), rows stream in blocks in the list's order and spill onto more sheets past Excel's
limit, memory stays flat, and an unmasked export is logged only when the file was saved.
Runs on SQLite and, with PANELAPP_TEST_PG_URL, on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import gc
import tracemalloc
from types import SimpleNamespace

import openpyxl
import pytest
from schedule_world import build_world
from sqlalchemy import select

from panelapp.db.models import AccessLog
from panelapp.domain.enums import FeedbackKind
from panelapp.domain.errors import DomainError, ValidationError
from panelapp.io import workbook
from panelapp.services.context import reading
from panelapp.services.engagement.export import export_feedback
from panelapp.services.engagement.feedback import FeedbackInput, FeedbackQuery, create_feedback
from panelapp.services.exporting import ExportColumn, ListExport, export_list
from panelapp.services.registers.export import export_departments

D = dt.date
FORMULAS = ('=HYPERLINK("http://evil.example","열기")', "@SUM(A1:A9)", "+82-10", "-1+2", "=1+2")


class Cancel(Exception):
    pass


class Token:
    """An op's token: counts progress; cancels when told (at the n-th check)."""

    def __init__(self, cancel_at: int | None = None):
        self.checks, self.cancel_at, self.seen = 0, cancel_at, []

    def check(self) -> None:
        self.checks += 1
        if self.cancel_at is not None and self.checks >= self.cancel_at:
            raise Cancel()

    def progress(self, done: int, total: int, text: str = "") -> None:
        self.seen.append((done, total))


@pytest.fixture
def world(ctx):
    return build_world(ctx)


def logs(ctx) -> list[SimpleNamespace]:
    with reading(ctx) as s:
        return [
            SimpleNamespace(action=a.action, purpose=a.purpose, user_id=a.user_id, detail=a.detail)
            for a in s.scalars(select(AccessLog))
        ]


def sheet(path, index: int = 0):
    wb = openpyxl.load_workbook(path)
    return wb, wb.worksheets[index]


def test_formula_like_text_is_written_as_text(ctx, world, tmp_path):
    for text in FORMULAS:
        create_feedback(ctx, FeedbackInput(world.cohort_id, FeedbackKind.DISLIKE, text, D(2026, 5, 1)))
    path = tmp_path / "좋아요.xlsx"
    result = export_feedback(ctx, FeedbackQuery(world.cohort_id), "received", True, path)
    assert result.rows == len(FORMULAS) and result.personal  # a note's text may name a member
    wb, ws = sheet(path)
    texts = [row[3] for row in ws.iter_rows(min_row=2)]
    assert all(c.data_type == "s" for c in texts)  # no cell is a formula
    assert sorted(c.value for c in texts) == sorted("'" + t for t in FORMULAS)
    wb.close()


def test_department_contacts_are_masked_unless_a_purpose(ctx, world, tmp_path):
    path = tmp_path / "부서.xlsx"
    result = export_departments(ctx, "name", False, path)
    assert result.masked and result.personal
    wb, ws = sheet(path)
    row = [c.value for c in next(ws.iter_rows(min_row=2))]
    assert row[:3] == ["체육사업부", "강*호", "042-***-1210"]
    assert ws.cell(2, 3).number_format == "@"  # a phone number is a text cell
    wb.close()
    (masked,) = logs(ctx)  # a masked export of personal data is logged too, without a purpose
    assert (masked.action, masked.purpose, masked.user_id) == ("export", "", ctx.user_id)
    export_departments(ctx, "name", False, path, purpose="  부서 협조 요청 ")
    wb, ws = sheet(path)
    assert [c.value for c in next(ws.iter_rows(min_row=2))][:3] == ["체육사업부", "강민호", "042-610-1210"]
    wb.close()
    (_masked, log) = logs(ctx)
    assert (log.action, log.purpose, log.user_id) == ("export_unmasked", "부서 협조 요청", ctx.user_id)
    assert "list=담당부서" in log.detail and "rows=1" in log.detail and "file=부서.xlsx" in log.detail


def test_a_purpose_too_long_is_refused_by_name(ctx, world, tmp_path):
    with pytest.raises(ValidationError) as err:
        export_departments(ctx, "name", False, tmp_path / "x.xlsx", purpose="가" * 201)
    assert err.value.field == "내보내기 목적"
    assert not (tmp_path / "x.xlsx").exists() and logs(ctx) == []


def test_only_xlsx_names_and_existing_folders(ctx, world, tmp_path):
    with pytest.raises(DomainError, match=r"\.xlsx"):
        export_departments(ctx, "name", False, tmp_path / "x.csv")
    with pytest.raises(DomainError, match="폴더"):
        export_departments(ctx, "name", False, tmp_path / "없는 폴더" / "x.xlsx")


# ----- streaming and atomic writing, on a list made up here ---------------------------------------
def made_up(n: int, calls: list | None = None, fail_at: int | None = None) -> ListExport:
    """n rows of eight short texts, rows made when asked for (nothing held)."""

    def rows(block):
        if calls is not None:
            calls.append(list(block))
        if fail_at is not None and block[0] >= fail_at:
            raise RuntimeError("the database went away")
        return [SimpleNamespace(id=i, name=f"홍길동{i % 97}") for i in reversed(block)]

    columns = [
        ExportColumn("번호", lambda r: r.id),
        ExportColumn("이름", lambda r: r.name, mask=lambda v: v[0] + "*"),
    ]
    columns += [ExportColumn(f"열{k}", lambda r, k=k: f"값 {r.id}-{k}") for k in range(6)]
    return ListExport("목록", columns, lambda: range(n), rows)


def test_rows_come_in_blocks_in_the_lists_order(ctx, tmp_path):
    calls: list = []
    token = Token()
    path = tmp_path / "목록.xlsx"
    result = export_list(ctx, made_up(1200, calls), path, token=token, block=500)
    assert result.rows == 1200 and result.masked
    assert [len(c) for c in calls] == [500, 500, 200] and calls[0][0] == 0
    wb, ws = sheet(path)
    assert [r[0] for r in ws.iter_rows(min_row=2, values_only=True)] == list(range(1200))  # not reversed
    assert ws.cell(2, 2).value == "홍*"
    assert wb.sheetnames == ["목록", "내보내기 정보"]
    info = dict(wb.worksheets[1].iter_rows(min_row=2, values_only=True))
    assert info["행 수"] == 1200 and "가림" in info["개인정보"]
    wb.close()
    assert token.seen[-1] == (1200, 1200) and (500, 1200) in token.seen


def test_a_list_longer_than_a_sheet_goes_on_on_the_next(ctx, tmp_path, monkeypatch):
    monkeypatch.setattr(workbook, "EXCEL_ROWS", 5)  # 4 rows a sheet below the header
    path = tmp_path / "긴 목록.xlsx"
    assert export_list(ctx, made_up(10), path).rows == 10
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["목록", "목록 (2)", "목록 (3)", "내보내기 정보"]
    sheets = [list(ws.iter_rows(values_only=True)) for ws in wb.worksheets[:3]]
    assert all(s[0][0] == "번호" for s in sheets)  # the header on each
    assert [r[0] for s in sheets for r in s[1:]] == list(range(10))
    wb.close()


def test_cancel_or_a_failure_leaves_the_old_file_and_no_temp(ctx, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "목록.xlsx"
    path.write_bytes(b"the file from last week")
    with pytest.raises(Cancel):
        export_list(ctx, made_up(2000), path, token=Token(cancel_at=3), block=500)
    assert path.read_bytes() == b"the file from last week"
    with pytest.raises(RuntimeError):
        export_list(ctx, made_up(2000, fail_at=1000), path, block=500)
    assert path.read_bytes() == b"the file from last week"
    assert sorted(p.name for p in folder.iterdir()) == ["목록.xlsx"]
    export_list(ctx, made_up(3), path)
    assert path.read_bytes().startswith(b"PK")  # now the new workbook, whole


def test_a_file_held_open_is_a_sentence_and_the_log_is_rolled_back(ctx, tmp_path, monkeypatch):
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "목록.xlsx"

    def held_open(_src, _dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(workbook.os, "replace", held_open)
    with pytest.raises(DomainError, match="열려 있으면 닫고"):
        export_list(ctx, made_up(3), path, purpose="확인")
    assert logs(ctx) == [] and list(folder.iterdir()) == []


def test_the_written_file_is_fsynced_before_the_rename(ctx, tmp_path, monkeypatch):
    """The file's bytes reach the disk before the rename, and the folder (the rename itself) after."""
    import stat

    order = []
    real_fsync, real_replace = workbook.os.fsync, workbook.os.replace

    def fsync(fd):
        order.append("fsync folder" if stat.S_ISDIR(workbook.os.fstat(fd).st_mode) else "fsync file")
        return real_fsync(fd)

    monkeypatch.setattr(workbook.os, "fsync", fsync)
    monkeypatch.setattr(
        workbook.os,
        "replace",
        lambda a, b: (order.append(("replace", a.name.startswith("."))), real_replace(a, b))[1],
    )
    export_list(ctx, made_up(3), tmp_path / "목록.xlsx")
    assert order == ["fsync file", ("replace", True), "fsync folder"]


def test_memory_stays_flat_however_long_the_list(ctx, tmp_path):
    """Rows are written as they come: 10,000 rows peak no higher than 1,000 do, give or take 1 MB."""

    def peak(n: int) -> int:
        gc.collect()
        tracemalloc.start()
        export_list(ctx, made_up(n), tmp_path / f"{n}.xlsx")
        _now, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top

    small, large = peak(1_000), peak(10_000)
    assert large < small + 1_000_000, (small, large)  # holding the rows would cost ~8 MB more
