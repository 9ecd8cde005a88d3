"""The visible worksheet of an .xlsx file as rows of cell values, read straight from its XML.

openpyxl's read-only mode builds a cell object and runs its descriptors for every cell: about
11 s for a 100,000-row roster here, where one pass of ElementTree's C parser over the same XML
takes under 3 s. This reader yields the values `iter_rows(values_only=True)` yields (None for empty
cells, numbers as int or float, date-formatted numbers as datetimes, shared and inline strings,
booleans, error codes as text), but only for rows that hold a value, each with its row number
and cut after its last value: a stray value in cell XFD1048576 costs one row, not a padded
sheet of 16,384 columns by a million rows. It raises `Unsupported` for anything it does not
know, so that the caller can fall back to openpyxl, and `Refused` for a workbook over a limit
(`Limits`: checked from the zip directory before any part is parsed, and while parsing).
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree.ElementTree import iterparse

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_C, _V, _ROW, _IS, _T, _R, _SI = (NS + t for t in ("c", "v", "row", "is", "t", "r", "si"))


class Unsupported(Exception):
    """Something this reader does not handle; openpyxl should read the file instead."""


def _column(ref: str) -> int:
    n = 0
    for ch in ref:
        if "A" <= ch <= "Z":
            n = n * 26 + ord(ch) - 64
        else:
            break
    return n


def _text(el) -> str:
    """A shared or inline string: its own <t>, or its runs' (phonetic guides left out)."""
    t = el.find(_T)
    if t is not None:
        return t.text or ""
    return "".join(r.findtext(_T) or "" for r in el.findall(_R))


@dataclass(frozen=True)
class SheetChoice:
    """The worksheet read: the one Excel opens on (the active tab) if it is visible, else the
    first visible one; never a hidden sheet (openpyxl's worksheets[0] may be one)."""

    name: str
    visible: int  # visible sheets in the workbook
    hidden: tuple[str, ...]  # hidden sheets, never read

    def note(self) -> str:
        """What to tell the user about the choice; "" when the workbook has only that sheet."""
        if self.visible <= 1 and not self.hidden:
            return ""
        said = f"'{self.name}' 시트를 읽었습니다"
        if self.visible > 1:
            said += f"(보이는 시트 {self.visible}개 중 Excel에서 열면 보이는 시트)"
        if self.hidden:
            said += ". 숨겨진 시트(" + ", ".join(f"'{n}'" for n in self.hidden) + ")는 읽지 않았습니다"
        return said + "."


class Refused(Exception):
    """The file breaks a limit: `str()` is the Korean sentence for the user."""


@dataclass(frozen=True)
class Limits:
    unpacked_bytes: int = 512 * 1024 * 1024  # all parts together, as the zip declares them
    part_ratio: int = 200  # uncompressed / compressed, for a part over ratio_from bytes
    ratio_from: int = 16 * 1024 * 1024
    shared_strings: int = 2_000_000
    columns: int = 1000


def check_package(z: zipfile.ZipFile, limits: Limits) -> None:
    """Refuse a package whose parts would take too long or too much memory to read, before any
    of them is parsed: zipfile never gives more bytes than a part's declared size, so the sizes
    in the directory are the most that reading can cost."""
    total = 0
    for info in z.infolist():
        total += info.file_size
        big = info.file_size > limits.ratio_from
        if big and info.file_size > limits.part_ratio * max(info.compress_size, 1):
            raise Refused(
                f"파일 안의 '{info.filename}' 부분이 압축 전 {info.file_size / 2**20:,.0f}MB로 "
                f"비정상적으로 큽니다(압축 {info.compress_size / 2**20:,.1f}MB). 명단만 새 통합 문서에 "
                "붙여 넣어 저장한 뒤 다시 불러와 주세요."
            )
    if total > limits.unpacked_bytes:
        raise Refused(
            f"통합 문서의 압축을 풀면 {total / 2**20:,.0f}MB로 너무 큽니다"
            f"({limits.unpacked_bytes // 2**20:,}MB까지 읽습니다). 파일을 나누어 불러와 주세요."
        )


def _visible_sheet(book) -> tuple[str, SheetChoice]:
    """(relationship id, choice) of the sheet to read."""
    sheets = book.find(NS + "sheets")
    if sheets is None or not len(sheets):
        raise Unsupported("no sheets")
    listed = [(el.get("name", ""), el.get(REL + "id"), el.get("state", "visible")) for el in sheets]
    visible = [i for i, (_n, _r, state) in enumerate(listed) if state == "visible"]
    hidden = tuple(name for name, _r, state in listed if state != "visible")
    if not visible:
        raise Refused("통합 문서에 보이는 시트가 없습니다. Excel에서 명단 시트의 숨기기를 취소해 주세요.")
    view = book.find(f"{NS}bookViews/{NS}workbookView")
    try:
        active = int(view.get("activeTab", "0")) if view is not None else 0
    except ValueError:
        active = 0
    index = active if active in visible else visible[0]
    name, rid, _state = listed[index]
    return rid or "", SheetChoice(name, len(visible), hidden)


def _parts(z: zipfile.ZipFile) -> tuple[str, str | None, bool, SheetChoice]:
    """(chosen sheet's part, shared strings part or None, 1904 date system, the choice)."""
    from xml.etree.ElementTree import fromstring

    book = fromstring(z.read("xl/workbook.xml"))
    rid, choice = _visible_sheet(book)
    pr = book.find(NS + "workbookPr")
    date1904 = pr is not None and pr.get("date1904") in ("1", "true")
    rels = fromstring(z.read("xl/_rels/workbook.xml.rels"))
    sheet, strings = None, None
    for rel in rels.iter(PKG + "Relationship"):
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
        if rel.get("Id") == rid:
            sheet = target
        elif rel.get("Type", "").endswith("/sharedStrings"):
            strings = target
    if sheet is None:
        raise Unsupported("sheet part not found")
    return sheet, strings, date1904, choice


def _shared(z: zipfile.ZipFile, part: str | None, limit: int) -> list[str]:
    if part is None or part not in z.namelist():
        return []
    out: list[str] = []
    with z.open(part) as fh:
        for event, el in iterparse(fh, ("start", "end")):
            if event == "start":
                if el.tag == NS + "sst" and _declared(el) > limit:
                    raise _too_many_strings(_declared(el), limit)
                continue
            if el.tag == _SI:
                out.append(_text(el))
                el.clear()
                if len(out) > limit:
                    raise _too_many_strings(len(out), limit)
    return out


def _declared(sst) -> int:
    try:
        return int(sst.get("uniqueCount") or 0)
    except ValueError:
        return 0


def _too_many_strings(count: int, limit: int) -> Refused:
    return Refused(
        f"통합 문서의 문자열이 {count:,}개로 너무 많습니다({limit:,}개까지 읽습니다). "
        "명단만 새 통합 문서에 붙여 넣어 저장하거나 파일을 나누어 불러와 주세요."
    )


def _date_styles(z: zipfile.ZipFile) -> set[int]:
    """Indices of the cell formats (`s`) whose number format shows a date or time."""
    from xml.etree.ElementTree import fromstring

    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

    if "xl/styles.xml" not in z.namelist():
        return set()
    styles = fromstring(z.read("xl/styles.xml"))
    codes = dict(BUILTIN_FORMATS)
    fmts = styles.find(NS + "numFmts")
    for f in fmts if fmts is not None else ():
        codes[int(f.get("numFmtId") or 0)] = f.get("formatCode", "")
    xfs = styles.find(NS + "cellXfs")
    dates = set()
    for i, xf in enumerate(xfs if xfs is not None else ()):
        code = codes.get(int(xf.get("numFmtId", 0)))
        if code and is_date_format(code):
            dates.add(i)
    return dates


def _number(text: str):
    return float(text) if ("." in text or "E" in text or "e" in text) else int(text)


def open_sheet(path, limits: Limits | None = None) -> tuple[SheetChoice, Iterator[tuple[int, tuple]]]:
    """The sheet chosen (see SheetChoice) and its rows that hold a value, as (row number as
    Excel shows it, cells up to the row's last value). Limits are checked before parsing;
    zipfile and XML errors propagate, as Unsupported does, and Refused says what is too big."""
    limits = limits or Limits()
    z = zipfile.ZipFile(path)
    try:
        check_package(z, limits)
        sheet, strings_part, date1904, choice = _parts(z)
    except BaseException:
        z.close()
        raise
    return choice, _rows(z, sheet, strings_part, date1904, limits)


def read_rows(path, limits: Limits | None = None) -> Iterator[tuple[int, tuple]]:
    """The rows of `open_sheet`, without the choice."""
    return open_sheet(path, limits)[1]


def _rows(z: zipfile.ZipFile, sheet: str, strings_part, date1904: bool, limits: Limits):
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

    with z:
        strings = _shared(z, strings_part, limits.shared_strings)
        dates = _date_styles(z)
        epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
        expected = 1
        with z.open(sheet) as fh:
            for _event, el in iterparse(fh):
                if el.tag != _ROW:
                    continue
                number = int(el.get("r") or expected)
                expected = number + 1
                cells: dict[int, object] = {}
                col = 0
                for c in el.iter(_C):
                    ref = c.get("r")
                    col = _column(ref) if ref else col + 1
                    kind = c.get("t", "n")
                    value: object
                    if kind == "inlineStr":
                        is_ = c.find(_IS)
                        value = _text(is_) if is_ is not None else None
                    else:
                        v = c.findtext(_V)
                        if not v:  # also a formula without a cached value
                            value = None
                        elif kind == "n":
                            value = _number(v)
                            if int(c.get("s", 0)) in dates:
                                value = from_excel(value, epoch)
                        elif kind == "s":
                            value = strings[int(v)]
                        elif kind in ("str", "e"):
                            value = v
                        elif kind == "b":
                            value = v == "1"
                        else:
                            raise Unsupported(f"cell type {kind}")
                    if value is not None:
                        if col > limits.columns:
                            raise Refused(
                                f"{ref or col}칸({number}행 {col:,}번째 열)에 값이 있습니다. 명단은 "
                                f"{limits.columns:,}열까지 읽습니다. 필요 없는 열을 지우고 다시 불러와 주세요."
                            )
                        cells[col] = value
                el.clear()
                if cells:
                    yield number, tuple(cells.get(i) for i in range(1, max(cells) + 1))
