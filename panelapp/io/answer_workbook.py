"""답변 요청서 (.xlsx) written and read back with openpyxl (issue 14 item 2).

The sheet 답변 요청 is what the department officer sees: a title, what to do, then one row per
proposal with its facts (grey, locked) and the answer cells (yellow, unlocked). The sheet is
protected, so only the answer cells take input; 결과 is a drop-down (채택 / 부분채택 / 불채택),
완료 예정일 takes a date from today on, the texts have their length limits. Each row shows the
first photos of its findings as small embedded thumbnails (Excel, LibreOffice and Hangul Office
show them without any file beside the workbook), with the number of photos in the cell.

The sheet 요청 정보 is very hidden (Excel's 숨기기 취소 does not list it) and the workbook's
structure is locked: it stamps the department, the cohort and each row's proposal with its
version, also given as defined names (panelapp_department_id, panelapp_cohort_id). The
protection's password (`PASSWORD`) only keeps a careless edit out: the reader never trusts the
facts, it checks each row's 번호 against the stamp and takes only the answer cells.

Text that would start a formula is kept as text (roster_export.neutralize), as in every other
workbook the program writes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from panelapp.domain.answer_request import (
    ANSWER_COLUMNS,
    FACT_COLUMNS,
    FIRST_ROW,
    FORMAT,
    HEADER_ROW,
    HEADERS,
    KIND,
    MAX_ROWS,
    RESULTS,
    SHEET,
    STAMP_SHEET,
    AnswerCells,
    RequestRow,
    Stamp,
)
from panelapp.domain.errors import DomainError
from panelapp.domain.josa import josa, quoted
from panelapp.io.roster_export import neutralize
from panelapp.io.xlsx_rows import Limits, Refused, check_package

PASSWORD = "panelapp-answer"
THUMB_BOX = 64  # pixels: the longer side of a thumbnail as shown
SHOWN_PHOTOS = 3
ROW_HEIGHT = 66  # points (88 pixels): the photo count, a thumbnail below it and a margin
FACT_FILL, ANSWER_FILL, HEAD_FILL = "FFF2F2F2", "FFFFF2CC", "FFDDEBF7"
OVERDUE, OVERDUE_FONT = "(기한 지남)", "FFC00000"  # the 답변 기한 of an overdue proposal
_STAMP_KEYS = ("종류", "형식", "부서 번호", "부서", "기수 번호", "기수", "만든 때", "기관", "제안자 이름")
_TABLE_HEAD = ("행", "번호", "버전")


def write_request(out: IO[bytes], stamp: Stamp, rows: Sequence[RequestRow], today: dt.date) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.workbook.protection import WorkbookProtection

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    width = len(HEADERS)
    last = get_column_letter(width)
    ws["A1"] = neutralize(f"{stamp.organization} {stamp.cohort} 개선제안 답변 요청 — {stamp.department}")
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells(f"A1:{last}1")
    ws["A2"] = (
        "노란 칸(결과~답변자)에만 적을 수 있습니다. 결과는 목록에서 고르고(채택·부분채택·불채택), 사유에는 "
        "부서의 답변을(불채택이면 그 사유를) 적습니다. 추진 계획과 완료 예정일은 채택·부분채택일 때 적고, "
        "답변자에는 답한 분의 이름을 적습니다. 아직 답하지 않을 제안의 행은 비워 두세요."
    )
    ws["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(f"A2:{last}2")
    ws.row_dimensions[2].height = 36
    who = "가리지 않음" if not stamp.masked else "일부 가림"
    ws["A3"] = neutralize(
        f"{stamp.department} 앞 · 제안 {len(rows):,}건 · 만든 때 {stamp.made_at} · 제안자 이름 {who} · "
        f"이 파일은 {stamp.department}의 답변으로만 가져올 수 있습니다."
    )
    ws["A3"].font = Font(color="FF595959")
    ws.merge_cells(f"A3:{last}3")

    head_fill = PatternFill("solid", fgColor=HEAD_FILL)
    for c, (header, w) in enumerate(FACT_COLUMNS + ANSWER_COLUMNS, 1):
        cell = ws.cell(HEADER_ROW, c, header)
        cell.font = Font(bold=True)
        cell.fill = head_fill if c <= len(FACT_COLUMNS) else PatternFill("solid", fgColor="FFFFE699")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(c)].width = w
    fact_fill, answer_fill = (
        PatternFill("solid", fgColor=FACT_FILL),
        PatternFill("solid", fgColor=ANSWER_FILL),
    )
    unlocked = Protection(locked=False)
    wrap = Alignment(wrap_text=True, vertical="top")
    centered = Alignment(horizontal="center", vertical="top")
    photo_col = [h for h, _w in FACT_COLUMNS].index("사진") + 1
    due_col = [h for h, _w in FACT_COLUMNS].index("답변 기한") + 1
    for i, r in enumerate(rows):
        n = FIRST_ROW + i
        facts: list[Any] = [
            r.proposal_id,
            r.title,
            r.facility,
            r.findings or None,
            r.severity,
            r.categories,
            r.submitted_on,
            r.due_on,
            r.proposer,
            _photo_text(r),
        ]
        for c, value in enumerate(facts, 1):
            cell = ws.cell(n, c, neutralize(value))
            cell.fill, cell.alignment = fact_fill, (centered if c == 1 else wrap)
            if isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
        if r.due_on is not None and r.due_on < today:  # every row awaits an answer: past due is overdue
            due = ws.cell(n, due_col)
            due.number_format = f'yyyy-mm-dd" {OVERDUE}"'
            due.font = Font(color=OVERDUE_FONT, bold=True)
        for c in range(len(FACT_COLUMNS) + 1, width + 1):
            cell = ws.cell(n, c)
            cell.fill, cell.protection, cell.alignment = answer_fill, unlocked, wrap
        expected_col = len(FACT_COLUMNS) + [h for h, _w in ANSWER_COLUMNS].index("완료 예정일") + 1
        ws.cell(n, expected_col).number_format = "yyyy-mm-dd"
        ws.row_dimensions[n].height = ROW_HEIGHT
        _thumbnails(ws, r, n, photo_col)
    _validations(ws, len(rows), today)
    ws.freeze_panes = f"C{FIRST_ROW}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.protection.formatColumns = False  # widths and heights may be changed
    ws.protection.formatRows = False
    ws.protection.set_password(PASSWORD)
    ws.protection.sheet = True

    _stamp_sheet(wb, stamp, rows)
    wb.security = WorkbookProtection(workbookPassword=PASSWORD, lockStructure=True)
    wb.active = 0
    wb.save(out)


def _photo_text(r: RequestRow) -> str | None:
    if not r.photo_count:
        return None
    if r.photo_count > len(r.photos):
        return f"사진 {r.photo_count}장 (앞의 {len(r.photos)}장)"
    return f"사진 {r.photo_count}장"


def _thumbnails(ws, r: RequestRow, row: int, col: int) -> None:
    from openpyxl.drawing.image import Image
    from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, OneCellAnchor
    from openpyxl.drawing.xdr import XDRPositiveSize2D
    from openpyxl.utils.units import pixels_to_EMU

    x = 4
    for photo in r.photos[:SHOWN_PHOTOS]:
        img = Image(io.BytesIO(photo.jpeg))
        scale = THUMB_BOX / max(img.width, img.height, 1)
        w, h = max(int(img.width * scale), 1), max(int(img.height * scale), 1)
        img.width, img.height = w, h
        marker = AnchorMarker(col=col - 1, colOff=pixels_to_EMU(x), row=row - 1, rowOff=pixels_to_EMU(20))
        img.anchor = OneCellAnchor(_from=marker, ext=XDRPositiveSize2D(pixels_to_EMU(w), pixels_to_EMU(h)))
        ws.add_image(img)
        x += w + 6


def _validations(ws, count: int, today: dt.date) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    if not count:
        return
    first, last = FIRST_ROW, FIRST_ROW + count - 1
    base = len(FACT_COLUMNS)
    names = [h for h, _w in ANSWER_COLUMNS]

    def rng(header: str) -> str:
        letter = get_column_letter(base + names.index(header) + 1)
        return f"{letter}{first}:{letter}{last}"

    choices = ",".join(RESULTS)
    result = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
    result.error, result.errorTitle = "채택, 부분채택, 불채택 가운데 하나를 목록에서 고르세요.", "결과"
    result.prompt, result.promptTitle = "채택 · 부분채택 · 불채택", "결과"
    serial = (today - dt.date(1899, 12, 30)).days
    expected = DataValidation(
        type="date", operator="greaterThanOrEqual", formula1=str(serial), allow_blank=True
    )
    made = f"{today:%Y-%m-%d}"
    expected.error = (
        f"완료 예정일은 요청서를 만든 날({made})보다 앞설 수 없습니다. {made} 이후의 날짜로 적어 주세요 "
        f"(예: {today:%Y}-12-31)."
    )
    expected.errorTitle = "완료 예정일"
    expected.prompt = f"요청서를 만든 날({made}) 이후의 날짜 (예: {today:%Y}-12-31)"
    expected.promptTitle = "완료 예정일"
    checks = [(result, "결과"), (expected, "완료 예정일")]
    for header, limit in (("사유", 2000), ("추진 계획", 4000), ("답변자", 50)):
        v = DataValidation(
            type="textLength", operator="lessThanOrEqual", formula1=str(limit), allow_blank=True
        )
        v.error, v.errorTitle = f"{josa(header, '은')} {limit:,}자까지 적을 수 있습니다.", header
        checks.append((v, header))
    for v, header in checks:
        v.showErrorMessage = True
        v.showInputMessage = header in ("결과", "완료 예정일")
        v.add(rng(header))
        ws.add_data_validation(v)


def _stamp_sheet(wb, stamp: Stamp, rows: Sequence[RequestRow]) -> None:
    from openpyxl.workbook.defined_name import DefinedName

    ws = wb.create_sheet(STAMP_SHEET)
    values = (
        KIND,
        FORMAT,
        stamp.department_id,
        stamp.department,
        stamp.cohort_id,
        stamp.cohort,
        stamp.made_at,
        stamp.organization,
        "가림" if stamp.masked else "가리지 않음",
    )
    for i, (key, value) in enumerate(zip(_STAMP_KEYS, values, strict=True), 1):
        ws.cell(i, 1, key)
        ws.cell(i, 2, neutralize(value))
    top = len(_STAMP_KEYS) + 2
    for c, h in enumerate(_TABLE_HEAD, 1):
        ws.cell(top, c, h)
    for i, r in enumerate(rows):
        ws.cell(top + 1 + i, 1, FIRST_ROW + i)
        ws.cell(top + 1 + i, 2, r.proposal_id)
        ws.cell(top + 1 + i, 3, r.version)
    ws.sheet_state = "veryHidden"
    ws.protection.set_password(PASSWORD)
    ws.protection.sheet = True
    quoted = STAMP_SHEET.replace("'", "''")
    for name, key in (("panelapp_department_id", "부서 번호"), ("panelapp_cohort_id", "기수 번호")):
        ref = f"'{quoted}'!$B${_STAMP_KEYS.index(key) + 1}"
        wb.defined_names[name] = DefinedName(name, attr_text=ref)


# ----- reading back ------------------------------------------------------------------------------
def read_answers(
    path: str | Path, limits: Limits | None = None
) -> tuple[Stamp, dict[int, int], list[AnswerCells]]:
    """(the stamp, row → proposal id as stamped, the rows of the answer sheet that hold a value).

    Refuses, with a sentence naming the file, what is not a 답변 요청서 of this program."""
    path = Path(path)
    name = path.name
    try:
        with zipfile.ZipFile(path) as z:
            check_package(z, limits or Limits())
    except Refused as exc:
        raise DomainError(f"'{name}': {exc}") from None
    except FileNotFoundError:
        raise DomainError(f"'{path}' 파일이 없습니다.") from None
    except IsADirectoryError:
        raise DomainError(f"'{path}'는 폴더입니다. 답변 요청서 파일을 골라 주세요.") from None
    except (zipfile.BadZipFile, OSError):
        raise DomainError(f"{quoted(name, '은')} 엑셀(.xlsx) 파일이 아니거나 손상되었습니다.") from None
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any parse failure of a foreign file is one sentence
        raise DomainError(
            f"{quoted(name, '을')} 엑셀 파일로 읽을 수 없습니다. 손상되었을 수 있습니다."
        ) from None
    try:
        if STAMP_SHEET not in wb.sheetnames or SHEET not in wb.sheetnames:
            raise DomainError(
                f"{quoted(name, '은')} 이 프로그램이 만든 답변 요청서가 아닙니다. 답변 요청서 만들기로 만든 파일에 "
                "답을 적어 가져와 주세요."
            )
        stamp, rows = _read_stamp(wb[STAMP_SHEET], name)
        cells = _read_sheet(wb[SHEET], name, max(rows) if rows else FIRST_ROW)
    finally:
        wb.close()
    return stamp, rows, cells


def _broken(name: str) -> DomainError:
    return DomainError(
        f"'{name}'의 요청 정보가 손상되어 어느 부서·제안의 답변인지 알 수 없습니다. 새 답변 요청서를 만들어 주세요."
    )


def _read_stamp(ws, name: str) -> tuple[Stamp, dict[int, int]]:
    cells = list(
        ws.iter_rows(min_row=1, max_row=len(_STAMP_KEYS) + 2 + MAX_ROWS, max_col=3, values_only=True)
    )
    head = {str(r[0]): r[1] for r in cells[: len(_STAMP_KEYS)] if r and r[0] is not None}
    if head.get("종류") != KIND:
        raise DomainError(f"{quoted(name, '은')} 이 프로그램이 만든 답변 요청서가 아닙니다.")
    if head.get("형식") != FORMAT:
        raise DomainError(
            f"{quoted(name, '은')} 다른 판의 프로그램이 만든 답변 요청서입니다. 새로 만들어 주세요."
        )
    try:
        department_id, cohort_id = int(head["부서 번호"]), int(head["기수 번호"])  # type: ignore[arg-type]
    except (KeyError, TypeError, ValueError):
        raise _broken(name) from None
    versions: dict[int, int] = {}
    rows: dict[int, int] = {}
    for r in cells[len(_STAMP_KEYS) + 2 :]:
        if not r or r[0] is None:
            break
        try:
            row, pid, version = int(r[0]), int(r[1]), int(r[2])  # type: ignore[arg-type]
        except (TypeError, ValueError, IndexError):
            raise _broken(name) from None
        rows[row], versions[pid] = pid, version
    stamp = Stamp(
        department_id,
        str(head.get("부서") or ""),
        cohort_id,
        str(head.get("기수") or ""),
        str(head.get("만든 때") or ""),
        str(head.get("기관") or ""),
        versions,
        head.get("제안자 이름") != "가리지 않음",
    )
    return stamp, rows


def _read_sheet(ws, name: str, last_row: int) -> list[AnswerCells]:
    header = next(ws.iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW, values_only=True), ())
    if tuple(str(v).strip() if v is not None else "" for v in header[: len(HEADERS)]) != HEADERS:
        raise DomainError(
            f"'{name}'의 '{SHEET}' 시트 {HEADER_ROW}행의 열 이름이 요청서를 만들 때와 다릅니다. 열을 옮기거나 "
            "지우지 말고 노란 칸에만 답을 적어 주세요."
        )
    base = len(FACT_COLUMNS)
    out: list[AnswerCells] = []
    limit = max(last_row, FIRST_ROW) + 200  # answers typed below the last row are reported too
    for n, values in enumerate(
        ws.iter_rows(min_row=FIRST_ROW, max_row=limit, max_col=len(HEADERS), values_only=True), FIRST_ROW
    ):
        v = list(values) + [None] * (len(HEADERS) - len(values))
        cells = AnswerCells(n, v[0], *v[base : base + len(ANSWER_COLUMNS)])
        if v[0] is not None or not cells.blank():
            out.append(cells)
    return out
