"""Write a list to .xlsx: streamed, injection-safe and atomic.

Every list page's 엑셀로 내보내기 goes through here (the roster's writer, io/roster_export.py, keeps
its own CSV twin). Rows arrive as an iterable and are written as they come, each string inline
in the sheet's XML (no shared-string table held in memory), straight into the deflated zip
entry: a million findings cost the memory of a few hundred rows, not of the file. The package
is the few parts Excel needs (content types, workbook, styles, sheets), written here rather
than by openpyxl, whose per-cell objects made a million rows take four minutes (here ~30 s);
openpyxl and LibreOffice read the result back in the tests.

Safe means the same as the roster export: text that Excel would run as a formula (=, +, -, @,
tab, CR first) is kept as text by a leading apostrophe (`neutralize`); dates are real dates;
numbers are numbers; a column marked `text` (phone numbers) is a text cell, so Excel neither
drops a leading 0 nor shows 1.01E+09.

Atomic means: the workbook is written to a temporary file in the target's folder, flushed to
disk (fsync) and renamed over the target only when everything is written (`AtomicFile`), so a
Cancel, a full disk or a kill leaves the old file or the new one, never half of one.
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from panelapp.atomic import Pending
from panelapp.domain.errors import DomainError
from panelapp.domain.josa import quoted
from panelapp.io.roster_export import HOURS_FORMAT, PERCENT_FORMAT, neutralize

DATE_FORMAT = "yyyy-mm-dd"
COUNT_FORMAT = "#,##0"
EXCEL_ROWS = 1_048_576  # rows a worksheet holds, the header included
SHEET_TITLE_MAX = 31


@dataclass(frozen=True)
class SheetColumn:
    header: str
    width: float = 14  # in Excel's character widths
    text: bool = False  # always a text cell (phone numbers, codes)
    # HOURS_FORMAT or PERCENT_FORMAT (io.roster_export): a column of figures, numbers shown so
    number_format: str | None = None

    def __post_init__(self) -> None:
        if self.number_format not in _NUMBER_STYLES:
            raise ValueError(f"unknown number format {self.number_format!r}")


@dataclass(frozen=True)
class Sheet:
    """One list: its columns and its rows (an iterable, consumed once). A list longer than a
    worksheet goes on "제목 (2)", "제목 (3)"… with the header repeated."""

    title: str
    columns: Sequence[SheetColumn]
    rows: Iterable[Sequence[Any]] = field(default=())


class AtomicFile:
    """A binary file written beside `target` and renamed over it by `commit()` (atomic.Pending,
    with the Korean sentences a list export says).

    with AtomicFile(path) as out:
        write_workbook(out.file, sheets)
        out.commit()          # fsync, then rename; leaving without it removes the temp file
    """

    def __init__(self, target: str | Path):
        self.target = Path(target)
        self.pending = Pending(self.target)
        self.temp = self.pending.temp
        self.file: IO[bytes] | None = None

    @property
    def committed(self) -> bool:
        return self.pending.committed

    def __enter__(self) -> AtomicFile:
        if not self.target.parent.is_dir():
            raise DomainError(f"저장할 폴더 '{self.target.parent}'가 없습니다.")
        try:
            self.file = self.pending.open("wb")
        except PermissionError:
            raise DomainError(f"'{self.target.parent}' 폴더에 저장할 권한이 없습니다.") from None
        except OSError as exc:
            raise _os_error(exc, self.target) from None
        return self

    def commit(self) -> None:
        assert self.file is not None
        try:
            self.file.flush()
            os.fsync(self.file.fileno())
            self.file.close()
            self.pending.commit(synced=True)
        except PermissionError:
            raise DomainError(
                f"'{self.target.name}'에 저장할 수 없습니다. 파일이 Excel 등 다른 프로그램에서 "
                "열려 있으면 닫고 다시 시도해 주세요."
            ) from None
        except OSError as exc:
            raise _os_error(exc, self.target) from None

    def __exit__(self, *_exc: object) -> None:
        if self.file is not None and not self.file.closed:
            self.file.close()
        if not self.pending.committed:
            self.pending.discard()


def _os_error(exc: OSError, target: Path) -> DomainError:
    if exc.errno == errno.ENOSPC:
        return DomainError(
            f"디스크 공간이 부족해 {quoted(target.name, '을')} 저장하지 못했습니다. 공간을 비우고 다시 시도해 주세요."
        )
    if exc.errno == errno.EROFS:
        return DomainError(f"'{target.parent}'는 읽기 전용이라 저장할 수 없습니다. 다른 폴더를 골라 주세요.")
    return DomainError(f"{quoted(target.name, '을')} 저장하지 못했습니다: {exc.strerror or exc}")


def check_xlsx_path(path: str | Path) -> Path:
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise DomainError("엑셀 파일 이름은 .xlsx로 끝나야 합니다.")
    return path


def write_workbook(out: IO[bytes] | str | Path, sheets: Sequence[Sheet]) -> list[int]:
    """Write the sheets (the first is the one Excel opens on); returns each sheet's row count."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=_LEVEL) as zf:
        package = _Package(zf)
        counts = [package.add(sheet) for sheet in sheets]
        package.finish()
    return counts


# ----- the package around the sheets (SpreadsheetML: the parts Excel needs and no more) ----------
_LEVEL = 6
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
# cellXfs: 0 plain, 1 header (bold, filled), 2 date, 3 text (@), 4 count (#,##0), 5 date and
# time, 6 hours (#,##0.0), 7 percent (0.0%)
HEADER, DATE, TEXT, COUNT, DATETIME, HOURS, PERCENT = 1, 2, 3, 4, 5, 6, 7
_STYLES = (
    _XML + f'<styleSheet xmlns="{_MAIN}">'
    f'<numFmts count="4"><numFmt numFmtId="164" formatCode="{DATE_FORMAT}"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/>'
    f'<numFmt numFmtId="166" formatCode="{HOURS_FORMAT}"/>'
    f'<numFmt numFmtId="167" formatCode="{PERCENT_FORMAT}"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="맑은 고딕"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="맑은 고딕"/><family val="2"/></font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill>'
    "</fill></fills>"
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)


class _Package:
    """The worksheets written so far (name, filter range) and the parts that list them."""

    def __init__(self, zf: zipfile.ZipFile):
        self.zf = zf
        self.sheets: list[tuple[str, str]] = []

    def add(self, sheet: Sheet) -> int:
        """The sheet's rows, onto as many worksheets as they need; returns how many there were."""
        columns = list(sheet.columns)
        current: _Worksheet | None = None
        count = part = 0
        try:
            for row in sheet.rows:
                if current is None or current.rows == EXCEL_ROWS - 1:
                    if current is not None:
                        self.sheets.append(current.close())
                    part += 1
                    current = self._worksheet(sheet.title, part, columns)
                current.add(row)
                count += 1
            if current is None:
                current = self._worksheet(sheet.title, 1, columns)
            self.sheets.append(current.close())
        except BaseException:
            if current is not None:
                current.abort()  # the zip cannot close over an open part; the file is dropped anyway
            raise
        return count

    def _worksheet(self, title: str, part: int, columns: list[SheetColumn]) -> _Worksheet:
        """A list's second worksheet is "제목 (2)" (a sheet name holds 31 characters at most)."""
        suffix = f" ({part})" if part > 1 else ""
        name = title[: SHEET_TITLE_MAX - len(suffix)] + suffix
        return _Worksheet(self.zf, len(self.sheets) + 1, name, columns)

    def finish(self) -> None:
        n = len(self.sheets)
        self.zf.writestr(
            "[Content_Types].xml",
            _XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            + "".join(
                f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_SHEET_TYPE}"/>'
                for i in range(1, n + 1)
            )
            + "</Types>",
        )
        self.zf.writestr(
            "_rels/.rels",
            _XML + f'<Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>",
        )
        names = "".join(
            f'<sheet name="{_escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
            for i, (name, _ref) in enumerate(self.sheets, 1)
        )
        filters = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
            f"{_escape(_absolute(name, ref))}</definedName>"
            for i, (name, ref) in enumerate(self.sheets)
        )
        self.zf.writestr(
            "xl/workbook.xml",
            _XML + f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews><workbookView activeTab="0"/>'
            f"</bookViews><sheets>{names}</sheets><definedNames>{filters}</definedNames></workbook>",
        )
        rels = "".join(
            f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, n + 1)
        )
        self.zf.writestr(
            "xl/_rels/workbook.xml.rels",
            _XML + f'<Relationships xmlns="{_PKG_REL}">{rels}'
            f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" Target="styles.xml"/></Relationships>',
        )
        self.zf.writestr("xl/styles.xml", _STYLES)


def _absolute(name: str, ref: str) -> str:
    """'발견사항'!$A$1:$H$34"""
    first, last = ref.split(":")
    quoted = name.replace("'", "''")
    return f"'{quoted}'!{_dollars(first)}:{_dollars(last)}"


def _dollars(cell: str) -> str:
    letters = cell.rstrip("0123456789")
    return f"${letters}${cell[len(letters) :]}"


class _Worksheet:
    """One worksheet part, written as rows arrive (500 rows a write)."""

    def __init__(self, zf: zipfile.ZipFile, number: int, title: str, columns: list[SheetColumn]):
        self.title, self.columns, self.rows = title, columns, 0
        self.letters = [_letter(i) for i in range(max(len(columns), 1))]
        self.text = [c.text for c in columns]
        self.numbers = [_NUMBER_STYLES[c.number_format] for c in columns]
        self.raw = zf.open(f"xl/worksheets/sheet{number}.xml", "w", force_zip64=True)
        self.out = io.TextIOWrapper(self.raw, encoding="utf-8", newline="")
        self.buffer: list[str] = []
        self.out.write(_sheet_head(columns))
        self.out.write(_row(1, self.letters, [c.header for c in columns], (), HEADER))

    def add(self, values: Sequence[Any]) -> None:
        self.rows += 1
        self.buffer.append(_row(self.rows + 1, self.letters, values, self.text, numbers=self.numbers))
        if len(self.buffer) >= 500:
            self.out.write("".join(self.buffer))
            self.buffer.clear()

    def close(self) -> tuple[str, str]:
        ref = f"A1:{self.letters[len(self.columns) - 1] if self.columns else 'A'}{self.rows + 1}"
        self.out.write("".join(self.buffer))
        self.out.write(f'</sheetData><autoFilter ref="{ref}"/></worksheet>')
        self.out.flush()
        self.out.detach()
        self.raw.close()
        return self.title, ref

    def abort(self) -> None:
        try:
            self.out.detach()
        except ValueError:
            pass
        self.raw.close()


def _sheet_head(columns: Sequence[SheetColumn]) -> str:
    cols = "".join(
        f'<col min="{i}" max="{i}" width="{c.width}" customWidth="1"/>' for i, c in enumerate(columns, 1)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
        'state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="16.5"/>'
        + (f"<cols>{cols}</cols>" if cols else "")
        + "<sheetData>"
    )


def _row(
    number: int,
    letters: list[str],
    values: Sequence[Any],
    text: Sequence[bool],
    style: int = 0,
    numbers: Sequence[int] = (),
) -> str:
    cells = []
    for i, value in enumerate(values):
        if value is None:
            continue
        ref = f"{letters[i] if i < len(letters) else _letter(i)}{number}"
        cells.append(
            _cell(ref, value, i < len(text) and text[i], style, numbers[i] if i < len(numbers) else 0)
        )
    return f'<row r="{number}">{"".join(cells)}</row>'


_NUMBER_STYLES: dict[str | None, int] = {None: 0, HOURS_FORMAT: HOURS, PERCENT_FORMAT: PERCENT}
_EPOCH = dt.date(1899, 12, 30)  # Excel's day 0 (with its 1900 leap-year bug folded in)


def _cell(ref: str, value: Any, text: bool, style: int = 0, number: int = 0) -> str:
    """`number`: the column's figure style (HOURS, PERCENT), for the numbers in it."""
    if isinstance(value, str) or text:
        s = f' s="{TEXT}"' if text else (f' s="{style}"' if style else "")
        body = _escape(neutralize(value if isinstance(value, str) else str(value)))
        return f'<c r="{ref}" t="inlineStr"{s}><is><t xml:space="preserve">{body}</t></is></c>'
    if isinstance(value, bool):
        return _cell(ref, "예" if value else "아니오", False, style)
    if isinstance(value, dt.datetime):
        local = value.replace(tzinfo=None)
        serial = (local - dt.datetime(1899, 12, 30)).total_seconds() / 86400
        return f'<c r="{ref}" s="{DATETIME}"><v>{serial!r}</v></c>'
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="{DATE}"><v>{(value - _EPOCH).days}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}" s="{number or COUNT}"><v>{value}</v></c>'
    if isinstance(value, float):
        s = f' s="{number}"' if number else ""
        return f'<c r="{ref}"{s}><v>{value!r}</v></c>'
    return _cell(ref, str(value), False, style)


# XML 1.0 allows no control characters but tab, newline and carriage return: a pasted vertical
# tab or form feed would make the whole workbook unreadable, so they become spaces.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _escape(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return _ILLEGAL.sub(" ", text)


def _letter(i: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    name = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        name = chr(65 + rest) + name
    return name
