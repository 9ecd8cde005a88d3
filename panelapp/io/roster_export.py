"""Write roster tables to .xlsx or .csv safely, and the import template workbook.

Safe means: CSV in UTF-8 with a BOM (Korean Excel reads it as Hangul, not mojibake);
text that Excel would run as a formula (=, +, -, @, tab, CR first) is prefixed with an
apostrophe; phone numbers are text cells, so Excel neither drops the leading 0 nor shows
1.01E+09.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from panelapp.atomic import atomic_file, atomic_path
from panelapp.domain.errors import DomainError
from panelapp.domain.formatting import format_rate
from panelapp.io.roster_columns import IMPORT_COLUMNS, JOINED_ON

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TEXT_FORMAT = "@"
# Figures are numbers with a format, never text such as "86.7%" or "29.5시간": Excel sums,
# sorts and filters them. Rates are fractions (0.867) shown as 86.7%; hours as 29.5.
HOURS_FORMAT = "#,##0.0"
PERCENT_FORMAT = "0.0%"


def neutralize(value):
    """A text cell that starts like a formula is kept as text by a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_table(
    path: str | Path,
    header: Sequence[str],
    rows: Iterable[Sequence],
    text_columns: Sequence[int] = (),
    sheet_title: str = "명단",
    number_formats: Mapping[int, str] | None = None,
) -> int:
    """Write header + rows; the format follows the suffix (.xlsx or .csv). Returns the row count.
    `number_formats`: column index → HOURS_FORMAT / PERCENT_FORMAT for columns of figures (numbers
    in the .xlsx; in the .csv "29.5" and "86.7%", which Excel reads as numbers too). The file is
    written atomically: a failure leaves the old file, or none, under the name."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise DomainError(
            f"'{path.suffix or path.name}' 형식으로는 저장할 수 없습니다. .xlsx 또는 .csv로 저장해 주세요."
        )
    try:
        if suffix == ".csv":
            return _write_csv(path, header, rows, number_formats or {})
        return _write_xlsx(path, header, rows, set(text_columns), sheet_title, number_formats or {})
    except PermissionError:
        raise DomainError(
            f"'{path.name}'에 저장할 수 없습니다. 파일이 Excel 등 다른 프로그램에서 "
            "열려 있으면 닫고 다시 시도해 주세요."
        ) from None
    except FileNotFoundError:
        raise DomainError(f"저장할 폴더 '{path.parent}'가 없습니다.") from None


def _write_csv(
    path: Path, header: Sequence[str], rows: Iterable[Sequence], number_formats: Mapping[int, str]
) -> int:
    count = 0
    with atomic_file(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for row in rows:
            writer.writerow([_csv_value(v, number_formats.get(i)) for i, v in enumerate(row)])
            count += 1
    return count


def _csv_value(value, number_format: str | None) -> str:
    if value is None:
        return ""
    if number_format == PERCENT_FORMAT and isinstance(value, int | float):
        return format_rate(value)
    if number_format == HOURS_FORMAT and isinstance(value, int | float):
        return f"{value:.1f}".rstrip("0").rstrip(".")
    return neutralize(value if isinstance(value, str) else str(value))


def _write_xlsx(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence],
    text_columns: set[int],
    sheet_title: str,
    number_formats: Mapping[int, str],
) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet_title)
    ws.freeze_panes = "A2"
    for i, title in enumerate(header):
        ws.column_dimensions[_letter(i)].width = max(10, len(title) * 2 + 4)
        if i in text_columns:
            ws.column_dimensions[_letter(i)].width = 16
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    head = []
    for title in header:
        cell = WriteOnlyCell(ws, value=title)
        cell.font, cell.fill = bold, fill
        head.append(cell)
    ws.append(head)
    count = 0
    for row in rows:
        out = []
        for i, value in enumerate(row):
            value = neutralize(_xml_safe(value))
            if i in text_columns:
                cell = WriteOnlyCell(ws, value=None if value is None else str(value))
                cell.number_format = TEXT_FORMAT
                out.append(cell)
            elif i in number_formats and isinstance(value, int | float):
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = number_formats[i]
                out.append(cell)
            else:
                out.append(value)
        ws.append(out)
        count += 1
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return count


# Control characters XML 1.0 cannot hold (openpyxl refuses the whole workbook for one): a name
# stored with one before input was checked must not stop the cohort's export, so it is a space.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(value):
    return _ILLEGAL.sub(" ", value) if isinstance(value, str) else value


def _letter(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i + 1)


JOINED_NOTE = (
    "활동시작일을 비우면(또는 이 열을 지우면) 기수의 활동 시작일로 등록합니다. 불러온 날이 아닙니다. "
    "기수 중간에 들어온 단원만 그 날짜를 적으세요. 출석률과 점검 대상은 이날부터 셉니다."
)


def write_template(path: str | Path) -> None:
    """The import template: the headers, one example row, and a sheet explaining each column
    (활동시작일 also in a comment on its header: it is the one people leave out or misread)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise DomainError("서식 파일은 .xlsx로 저장합니다. 파일 이름을 '...xlsx'로 바꿔 주세요.")
    wb = Workbook()
    ws = wb.active
    ws.title = "단원 명단"
    bold = Font(bold=True)
    required_fill, optional_fill = (
        PatternFill("solid", fgColor="FCE4D6"),
        PatternFill("solid", fgColor="DDEBF7"),
    )
    for i, column in enumerate(IMPORT_COLUMNS, start=1):
        head = ws.cell(row=1, column=i, value=column.label)
        head.font, head.fill = bold, required_fill if column.required else optional_fill
        if column is JOINED_ON:
            head.comment = Comment(JOINED_NOTE, "panelapp", width=300, height=110)
        # no example row here: one left in was imported as a real member (the example is on
        # the 작성 안내 sheet); the rows are empty, text-formatted so phones and dates stay as typed
        for row in range(2, 202):
            ws.cell(row=row, column=i).number_format = TEXT_FORMAT
        ws.column_dimensions[_letter(i - 1)].width = (
            18 if column.key in ("phone", "email", "consent_date", "joined_on") else 12
        )
    ws.freeze_panes = "A2"
    guide = wb.create_sheet("작성 안내")
    guide.append(["열 이름", "필수", "설명", "예시", "영어 열 이름"])
    for cell in guide[1]:
        cell.font, cell.fill = bold, optional_fill
    for column in IMPORT_COLUMNS:
        guide.append(
            [column.label, "필수" if column.required else "선택", column.help, column.example, column.key]
        )
    guide.append([])
    guide.append(
        [
            "참고",
            "",
            "첫 행의 열 이름으로 읽으므로 열 순서는 바꿔도 됩니다. 주황색 열은 필수입니다. "
            "'단원 명단' 시트의 2행부터 한 사람씩 적습니다. 작성 예는 아래에 있습니다(불러오지 않습니다).",
            "",
            "",
        ]
    )
    guide.append(["활동시작일", "", JOINED_NOTE, "", ""])
    guide.append([])
    guide.append(["작성 예 (이 시트는 불러오지 않습니다)"])
    guide.cell(row=guide.max_row, column=1).font = bold
    guide.append([column.label for column in IMPORT_COLUMNS])
    guide.append([column.example for column in IMPORT_COLUMNS])
    for width, letter in zip((16, 8, 70, 18, 14), "ABCDE"):
        guide.column_dimensions[letter].width = width
    for row in guide.iter_rows(min_row=2):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")
    try:
        with atomic_path(path) as tmp:
            wb.save(tmp)
    except PermissionError:
        raise DomainError(
            f"'{path.name}'에 저장할 수 없습니다. 파일이 다른 프로그램에서 열려 있으면 닫아 주세요."
        ) from None
