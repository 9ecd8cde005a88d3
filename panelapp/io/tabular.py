"""Read a spreadsheet (.xlsx) or a CSV file into a header and rows of strings.

CSV files come from Korean Excel (CP949), from web forms (UTF-8, often with a BOM) and
from everything in between; anything else is refused with a sentence that says how to
save the file instead of being read as mojibake.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from panelapp.domain.errors import DomainError

MAX_ROWS = 200_000
_SAVE_AS = "Excel에서 [다른 이름으로 저장] → 'Excel 통합 문서(*.xlsx)' 또는 'CSV UTF-8'로 저장한 뒤 다시 불러와 주세요."


class FileReadError(DomainError):
    """The file cannot be read as a table at all (wrong type, encoding, damaged)."""


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    # (data row number, cells): 1 is the first row below the header; blank rows are skipped
    # but keep their number, so "행 N" is the spreadsheet's row N + 1.
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    encoding: str  # "xlsx", "utf-8", "utf-8-sig" or "cp949"


def read_table(path: str | Path) -> Table:
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise FileReadError(f"파일 '{path.name}'을(를) 찾을 수 없습니다.")
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        text, encoding = decode_csv(path.read_bytes())
        return _table(csv.reader(io.StringIO(text, newline=""), _dialect(text)), encoding)
    if suffix == ".xls":
        raise FileReadError("Excel 97-2003 통합 문서(.xls)는 읽을 수 없습니다. " + _SAVE_AS)
    raise FileReadError(
        f"'{path.suffix or path.name}' 파일은 불러올 수 없습니다. .xlsx 또는 .csv 파일을 골라 주세요."
    )


def decode_csv(data: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM) first, then CP949; refuse anything that is neither."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4096]:
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


def _table(rows, encoding: str) -> Table:
    header: tuple[str, ...] | None = None
    out: list[tuple[int, tuple[str, ...]]] = []
    number = 0
    for raw in rows:
        cells = tuple(cell_text(v) for v in raw)
        if header is None:
            if any(cells):  # blank lines above the header are skipped
                header = cells
            continue
        number += 1
        if any(cells):
            out.append((number, cells))
            if len(out) > MAX_ROWS:
                raise FileReadError(f"한 번에 {MAX_ROWS:,}행까지 불러올 수 있습니다. 파일을 나누어 주세요.")
    if header is None:
        raise FileReadError("빈 파일입니다. 첫 행에 열 이름(이름, 휴대전화...)이 있어야 합니다.")
    return Table(header, tuple(out), encoding)


def _read_xlsx(path: Path) -> Table:
    from zipfile import BadZipFile

    import openpyxl

    from panelapp.io.xlsx_rows import Unsupported, read_rows

    try:
        return _table(read_rows(path), "xlsx")  # four times faster than openpyxl (xlsx_rows.py)
    except FileReadError:
        raise
    except (Unsupported, BadZipFile, OSError, KeyError, ValueError, IndexError, SyntaxError):
        pass  # openpyxl reads it, or says what is wrong with it

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        raise FileReadError(
            f"Excel 파일 '{path.name}'을(를) 열 수 없습니다(손상되었거나 암호가 걸려 있습니다). "
            f"({type(exc).__name__})"
        ) from None
    try:
        sheet = wb.worksheets[0]
        return _table(sheet.iter_rows(values_only=True), "xlsx")
    finally:
        wb.close()


def cell_text(value) -> str:
    """A cell as the text a person would type: 1012345678.0 → "1012345678", dates ISO."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()
