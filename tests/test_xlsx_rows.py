"""The fast .xlsx reader gives what openpyxl's read-only values give, and falls back to it."""

import datetime as dt

import openpyxl
import pytest
from openpyxl import Workbook

from panelapp.io import xlsx_rows
from panelapp.io.tabular import read_table


def _openpyxl_rows(path):
    """openpyxl's rows of the first sheet, numbered as Excel numbers them (read-only mode gives
    every row from 1, blank ones too)."""
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return list(enumerate((tuple(r) for r in wb.worksheets[0].iter_rows(values_only=True)), 1))
    finally:
        wb.close()


def _workbook(path, write_only: bool, date1904: bool = False):
    wb = Workbook(write_only=write_only)
    if write_only:
        ws = wb.create_sheet("명단")
    else:
        ws = wb.active
        ws.title = "명단"
    if date1904:
        wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws.append(["이름", "휴대전화", "출생연도", "동의일", "메모", "확인", "비율"])
    ws.append(["김민준", 1012345678, 1985, dt.datetime(2026, 3, 2), "  앞뒤 공백  ", True, 0.5])
    ws.append([None, None, None, None, None, None, None])
    ws.append(["이서연", "010-2345-6789", "1990", dt.datetime(2026, 3, 2, 14, 30), "=1+1", False, 1e-7])
    if not write_only:
        ws["J7"] = "멀리 떨어진 칸"  # a gap of rows and columns
        ws["B7"] = dt.date(2026, 5, 5)
        wb.create_sheet("숨김").sheet_state = "hidden"
    wb.save(path)
    return path


@pytest.mark.parametrize("write_only", [True, False])
@pytest.mark.parametrize("date1904", [False, True])
def test_same_values_as_openpyxl(tmp_path, write_only, date1904):
    path = _workbook(tmp_path / "a.xlsx", write_only, date1904)
    assert list(xlsx_rows.read_rows(path)) == _trimmed(_openpyxl_rows(path))
    assert read_table(path).rows  # and read_table takes them


def _trimmed(rows):
    """The rows that hold a value, with their number, cut after their last value: what the fast
    reader yields (openpyxl pads every row to the sheet's width and yields blank rows too)."""
    out = []
    for number, row in rows:
        row = list(row)
        while row and row[-1] is None:
            row.pop()
        if row:
            out.append((number, tuple(row)))
    return out


def test_rich_text_and_shared_strings(tmp_path):
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    wb = Workbook()
    ws = wb.active
    ws.append(["이름", "메모"])
    ws.append(["박서연", CellRichText(["굵게 ", TextBlock(InlineFont(b=True), "강조"), " 끝"])])
    ws.append(["박서연", "같은 문자열"])
    wb.save(tmp_path / "r.xlsx")
    assert list(xlsx_rows.read_rows(tmp_path / "r.xlsx")) == [
        (1, ("이름", "메모")),
        (2, ("박서연", "굵게 강조 끝")),
        (3, ("박서연", "같은 문자열")),
    ]


def test_read_table_falls_back_to_openpyxl(tmp_path, monkeypatch):
    path = _workbook(tmp_path / "a.xlsx", write_only=False)
    fast = read_table(path)

    def refuse(_path):
        raise xlsx_rows.Unsupported("test")

    monkeypatch.setattr(xlsx_rows, "open_sheet", refuse)
    slow = read_table(path)
    assert [(n, _cut(c)) for n, c in slow.rows] == [(n, _cut(c)) for n, c in fast.rows]
    assert (slow.header, slow.sheet_note) == (fast.header, fast.sheet_note)
    assert [n for n, _ in fast.rows] == [2, 4, 7] and fast.rows[0][1][:2] == ("김민준", "1012345678")
    assert "숨겨진 시트('숨김')는 읽지 않았습니다" in fast.sheet_note


def _cut(cells):
    """openpyxl pads a row to the sheet's width with empty cells, the fast reader does not."""
    cells = list(cells)
    while cells and cells[-1] == "":
        cells.pop()
    return tuple(cells)
