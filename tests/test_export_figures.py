"""Figures in the .xlsx exports are numbers with a format (Excel sums, sorts and filters them),
not text such as "29.5시간" or "86.7%"; the .csv keeps them as text Excel reads as numbers."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import openpyxl
import pytest

from panelapp.io.roster_export import HOURS_FORMAT, PERCENT_FORMAT, write_table
from panelapp.services.exporting import ExportColumn, ListExport, export_list


def test_roster_table_figures_are_numbers_with_formats(tmp_path):
    header = ["이름", "활동 시간", "출석률"]
    data = [["가", 29.5, 13 / 15], ["나", 0.0, None], ["다", 1234, 1.0]]
    formats = {1: HOURS_FORMAT, 2: PERCENT_FORMAT}
    write_table(tmp_path / "명단.xlsx", header, data, number_formats=formats)
    ws = openpyxl.load_workbook(tmp_path / "명단.xlsx").active
    cells = [[c for c in row] for row in ws.iter_rows(min_row=2)]
    assert [(r[1].value, r[1].number_format) for r in cells] == [
        (29.5, HOURS_FORMAT),
        (0, HOURS_FORMAT),
        (1234, HOURS_FORMAT),
    ]
    assert [r[2].value for r in cells] == [13 / 15, None, 1]
    assert cells[0][2].number_format == PERCENT_FORMAT and ws.cell(row=2, column=1).value == "가"
    write_table(tmp_path / "명단.csv", header, data, number_formats=formats)
    lines = (tmp_path / "명단.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[1:] == ["가,29.5,86.7%", "나,0,", "다,1234,100%"]


def test_list_export_figures_are_numbers(sqlite_ctx, tmp_path):
    items = [SimpleNamespace(id=i, hours=h, rate=r) for i, h, r in ((1, 2.5, 0.5), (2, 10.0, 2 / 3))]
    spec = ListExport(
        "참여",
        [
            ExportColumn("번호", lambda r: r.id),
            ExportColumn("누적 시간", lambda r: r.hours, number_format=HOURS_FORMAT),
            ExportColumn("출석률", lambda r: r.rate, number_format=PERCENT_FORMAT),
            ExportColumn("날짜", lambda r: dt.date(2026, 3, r.id)),
        ],
        lambda: [1, 2],
        lambda block: [i for i in items if i.id in block],
    )
    export_list(sqlite_ctx, spec, tmp_path / "참여.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "참여.xlsx")["참여"]
    got = [[(c.value, c.number_format) for c in row] for row in ws.iter_rows(min_row=2)]
    assert [g[1] for g in got] == [(2.5, HOURS_FORMAT), (10, HOURS_FORMAT)]
    assert [g[2] for g in got] == [(0.5, PERCENT_FORMAT), (2 / 3, PERCENT_FORMAT)]
    assert all(isinstance(g[1][0], int | float) and isinstance(g[2][0], float) for g in got)
    assert got[0][3][0] == dt.datetime(2026, 3, 1)


def test_an_unknown_number_format_is_a_programming_error():
    from panelapp.io.workbook import SheetColumn

    with pytest.raises(ValueError):
        SheetColumn("x", number_format="0.000")
