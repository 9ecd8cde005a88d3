"""Read a spreadsheet (.xlsx) or a CSV file into a header and rows of strings.

CSV files come from Korean Excel (CP949), from web forms (UTF-8, often with a BOM) and
from everything in between; anything else is refused with a sentence that says how to
save the file instead of being read as mojibake.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from panelapp.domain.errors import DomainError
from panelapp.domain.josa import quoted
from panelapp.domain.text_input import nfc
from panelapp.io.xlsx_rows import SheetChoice

MAX_ROWS = 200_000
MAX_FILE_BYTES = 100 * 1024 * 1024  # a 200,000-row roster is ~10 MB as .xlsx, ~25 MB as .csv
MAX_CELL_CHARS = 32_767  # what an Excel cell holds; a roster cell needs at most a few hundred
_SAVE_AS = "Excel에서 [다른 이름으로 저장] → 'Excel 통합 문서(*.xlsx)' 또는 'CSV UTF-8'로 저장한 뒤 다시 불러와 주세요."


class FileReadError(DomainError):
    """The file cannot be read as a table at all (wrong type, encoding, damaged)."""


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    # (row number as Excel shows it, cells): the header is row 1 when nothing is above it;
    # blank rows are skipped but counted, so "행 N" is the row the user sees in Excel.
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    encoding: str  # "xlsx", "utf-8", "utf-8-sig" or "cp949"
    sheet_note: str = ""  # which sheet was read, when the workbook has several


def read_table(path: str | Path) -> Table:
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise FileReadError(f"파일 {quoted(path.name, '을')} 찾을 수 없습니다.")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise FileReadError(
            f"{quoted(path.name, '은')} {size / 2**20:,.0f}MB로 너무 큽니다({MAX_FILE_BYTES // 2**20}MB까지 "
            "불러올 수 있습니다). 파일을 나누어 불러와 주세요."
        )
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        text, encoding = decode_csv(path.read_bytes())
        return _table(_csv_records(text), encoding)
    if suffix == ".xls":
        raise FileReadError("Excel 97-2003 통합 문서(.xls)는 읽을 수 없습니다. " + _SAVE_AS)
    raise FileReadError(
        f"'{path.suffix or path.name}' 파일은 불러올 수 없습니다. .xlsx 또는 .csv 파일을 골라 주세요."
    )


def decode_csv(data: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM) first, then CP949; refuse anything that is neither."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data[:4096]):
        raise FileReadError("UTF-16(유니코드) 형식의 CSV 파일은 읽을 수 없습니다. " + _SAVE_AS)
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            raise _unknown_encoding() from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        raise _unknown_encoding() from None
    if not looks_korean(text):
        raise _unknown_encoding()
    return text, "cp949"


def _looks_utf16(sample: bytes) -> bool:
    """UTF-16 without a BOM: a NUL beside every ASCII character (commas, digits, line ends). A
    few NULs in UTF-8 text are a hostile cell, which the row checks name (text_input.py)."""
    return sample.count(b"\x00") * 10 > len(sample)


def looks_korean(text: str) -> bool:
    """Text decoded as CP949 is believable when most non-ASCII characters are common Hangul.

    Shift-JIS or Big5 bytes often decode as CP949 without error, but into the rare
    syllables only CP949's extension has (밹뭷뫞...); real Korean text uses them seldom
    (똠, 햏), so a majority of them means the guess was wrong.
    """
    rare = common = 0
    for ch in text:
        if ch < "\x80":
            continue
        if len(ch.encode("euc_kr", errors="ignore")) == 2 or ch in "‘’“”·…":
            common += 1
        else:
            rare += 1
    return rare <= common


def _unknown_encoding() -> FileReadError:
    return FileReadError(
        "CSV 파일의 문자 인코딩을 알 수 없습니다. UTF-8, UTF-8(BOM), "
        "CP949(한글 Excel 기본)만 읽을 수 있습니다. " + _SAVE_AS
    )


def _dialect(text: str) -> type[csv.Dialect]:
    first = text.split("\n", 1)[0]
    if first.count("\t") > first.count(",") and first.count("\t") > first.count(";"):
        return csv.excel_tab
    if first.count(";") > first.count(","):

        class Semicolon(csv.excel):
            delimiter = ";"

        return Semicolon
    return csv.excel


def _csv_records(text: str) -> Iterator[tuple[int, Sequence[object]]]:
    """(record number, cells): the number Excel shows for the row when it opens the file."""
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text))
    number = 0
    try:
        for number, raw in enumerate(reader, 1):
            yield number, raw
    except csv.Error:
        # the csv module's own limit (131,072 characters a field), or a broken quote
        raise FileReadError(
            f"{number + 1}행(파일의 {reader.line_num}번째 줄 근처)을 읽을 수 없습니다. 한 칸에 "
            f'{MAX_CELL_CHARS:,}자까지 읽을 수 있고, 따옴표(")는 짝이 맞아야 합니다.'
        ) from None


def _table(rows: Iterable[tuple[int, Sequence[object]]], encoding: str, sheet_note: str = "") -> Table:
    """`rows` are (row number, cells); the first row with a value is the header."""
    header: tuple[str, ...] | None = None
    out: list[tuple[int, tuple[str, ...]]] = []
    for number, raw in rows:
        cells = tuple(cell_text(v) for v in raw)
        for col, cell in enumerate(cells):
            if len(cell) > MAX_CELL_CHARS:
                raise FileReadError(
                    f"{number}행 {column_letter(col)}열 칸의 글자가 {len(cell):,}자로 너무 깁니다"
                    f"(한 칸에 {MAX_CELL_CHARS:,}자까지). 그 칸을 고친 뒤 다시 불러와 주세요."
                )
        if header is None:
            if any(cells):  # blank lines above the header are skipped
                header = cells
            continue
        if any(cells):
            out.append((number, cells))
            if len(out) > MAX_ROWS:
                raise FileReadError(f"한 번에 {MAX_ROWS:,}행까지 불러올 수 있습니다. 파일을 나누어 주세요.")
    if header is None:
        raise FileReadError("빈 파일입니다. 첫 행에 열 이름(이름, 휴대전화...)이 있어야 합니다.")
    return Table(header, tuple(out), encoding, sheet_note)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA (the column as Excel names it)."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _read_xlsx(path: Path) -> Table:
    from zipfile import BadZipFile

    import openpyxl

    from panelapp.io.xlsx_rows import Refused, Unsupported, open_sheet

    try:
        choice, rows = open_sheet(path)  # four times faster than openpyxl (xlsx_rows.py)
        return _table(rows, "xlsx", choice.note())
    except FileReadError:
        raise
    except Refused as exc:  # over a limit: openpyxl would only take longer to fail
        raise FileReadError(f"{quoted(path.name, '은')} 불러올 수 없습니다. {exc}") from None
    except (Unsupported, BadZipFile, OSError, KeyError, ValueError, IndexError, SyntaxError):
        pass  # openpyxl reads it, or says what is wrong with it

    damaged = (BadZipFile, KeyError, OSError, ValueError, IndexError, TypeError, SyntaxError, EOFError)
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except damaged as exc:
        raise _damaged(path, exc) from None
    try:
        shown = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
        if not shown:
            raise FileReadError(
                "통합 문서에 보이는 시트가 없습니다. Excel에서 명단 시트의 숨기기를 취소해 주세요."
            )
        sheet = wb.active if wb.active in shown else shown[0]
        hidden = tuple(ws.title for ws in wb.worksheets if ws not in shown)
        note = SheetChoice(sheet.title, len(shown), hidden).note()
        sheet.reset_dimensions()  # a forged dimension (A1:XFD1048576) would pad every row
        rows = enumerate(sheet.iter_rows(values_only=True), 1)  # read-only rows start at row 1
        return _table(rows, "xlsx", note)
    except damaged as exc:
        raise _damaged(path, exc) from None
    finally:
        wb.close()


def _damaged(path: Path, exc: Exception) -> FileReadError:
    return FileReadError(
        f"Excel 파일 {quoted(path.name, '을')} 열 수 없습니다(손상되었거나 암호가 걸려 있습니다). "
        f"({type(exc).__name__})"
    )


def cell_text(value) -> str:
    """A cell as the text a person would type: 1012345678.0 → "1012345678", dates ISO; text in
    NFC (macOS writes Hangul decomposed), so it is checked and stored as if typed here."""
    if value is None:
        return ""
    if isinstance(value, str):
        return nfc(value).strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return nfc(str(value)).strip()
