"""엑셀로 내보내기 of a list page: exactly the rows its filter and sort show, streamed to .xlsx.

Each feature package says what its list is (`<feature>/export.py`): the columns, and two
functions it already has for the page — the ids the page's query gives (`*_ids`, filter and
ORDER BY in SQL) and the rows of a block of ids (`*_rows`). `export_list` reads the ids, then the
rows a block at a time, and writes them through io/workbook.py (atomic, formula-safe), so a
million findings never sit in memory at once and the file holds the same rows, in the same
order, as the page.

Personal data (members' names in assignments, proposers, authors; contact names, phones and
e-mail addresses) is masked by the one masking rule (services/masking.py)
unless a purpose is given. An export of a list with personal data, masked or not, is recorded in
the access log (services/audit/log.record: who, which host, why if unmasked, which list, how many
rows, which file) in the same transaction that renames the finished file into place: if the file
cannot be saved, no log entry claims it was.

A second sheet, 내보내기 정보, says when, what list, which filters and whether names are masked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from panelapp.domain.localtime import now_local
from panelapp.domain.validation import normalize_text
from panelapp.io.workbook import AtomicFile, Sheet, SheetColumn, check_xlsx_path, write_workbook
from panelapp.services import masking
from panelapp.services.audit.log import record
from panelapp.services.context import ServiceContext, reading, transaction
from panelapp.services.permissions import Permission, writes

BLOCK = 500  # rows fetched per query: one primary-key IN-list that never grows with the list
F_PURPOSE = "내보내기 목적"


class Progress(Protocol):
    """What an op's token offers: Cancel (raises) and progress."""

    def check(self) -> None: ...

    def progress(self, done: int, total: int, text: str = "") -> None: ...


# The one masking rule (services/masking.py), under the names the list exports use.
mask_name = masking.name
mask_names = masking.names
mask_email = masking.email
mask_office_phone = masking.phone


@dataclass(frozen=True)
class ExportColumn:
    """A column as the page shows it: header, the value of a row (text as on screen; dates,
    counts, hours and rates as real dates and numbers, the last two with their `number_format`),
    and, for personal data, how it is masked."""

    header: str
    value: Callable[[Any], object]
    width: float = 14
    mask: Callable[[Any], Any] | None = None  # personal data: applied unless a purpose is given
    # free text (a title, a description, a note) that may name members: their names in it are
    # masked by the same rule (services/masking.text_masker)
    free_text: bool = False
    text: bool = False  # always a text cell (phone numbers)
    number_format: str | None = None  # a column of figures: io.workbook.HOURS_FORMAT / PERCENT_FORMAT

    @property
    def personal(self) -> bool:
        return self.mask is not None or self.free_text


@dataclass(frozen=True)
class ListExport:
    """One page's list: `ids()` gives the ids its query shows, in order; `rows(block)` the rows
    of a block of them, in any order (ids gone meanwhile are skipped)."""

    title: str  # "발견사항": the sheet, the access log and the progress text name it
    columns: Sequence[ExportColumn]
    ids: Callable[[], Sequence[int]]
    rows: Callable[[list[int]], Iterable[Any]]
    row_id: Callable[[Any], int] = field(default=lambda row: row.id)
    subject: str = ""  # for the access log: whose data, e.g. "cohort_id=3"

    @property
    def personal(self) -> bool:
        return any(c.personal for c in self.columns)


@dataclass(frozen=True)
class ExportResult:
    path: str
    rows: int
    personal: bool  # the list has personal data at all
    masked: bool  # …and it was masked (False only with a purpose)


@writes(Permission.PANEL_WORK)
def export_list(
    ctx: ServiceContext,
    spec: ListExport,
    path: str | Path,
    *,
    purpose: str | None = None,
    conditions: Sequence[tuple[str, str]] = (),
    token: Progress | None = None,
    block: int = BLOCK,
) -> ExportResult:
    """Write what the page lists to `path` (.xlsx). `purpose` unmasks personal data (logged);
    `conditions` are the page's filters as it names them ("심각도", "긴급"), for the info sheet."""
    path = check_xlsx_path(path)
    unmasked = spec.personal and not masking.output_masked(ctx, purpose)
    reason = normalize_text(purpose, F_PURPOSE, 200, required=True) if unmasked else None
    if token is not None:
        token.progress(0, 0, f"{spec.title} 목록을 읽는 중…")
    ids = spec.ids()
    if token is not None:
        token.check()
    if not unmasked and conditions:
        # the page's filters as it names them may quote a text naming a member (an event's title)
        with reading(ctx) as s:
            shown = masking.text_masker(s, True)
        conditions = [(label, shown(value) or value) for label, value in conditions]
    made = now_local()
    counted: list[int] = []
    data = Sheet(
        spec.title,
        [SheetColumn(c.header, c.width, c.text, c.number_format) for c in spec.columns],
        _rows(spec, ids, not unmasked, token, block, counted, _text_mask(ctx, spec, not unmasked)),
    )
    info = Sheet(
        "내보내기 정보",
        [SheetColumn("항목", 16), SheetColumn("내용", 60)],
        _info(spec, made, conditions, reason, counted),
    )
    with AtomicFile(path) as out:
        assert out.file is not None
        write_workbook(out.file, [data, info])
        rows = counted[0] if counted else 0
        if token is not None:
            token.check()
            token.progress(len(ids), len(ids), "파일을 저장하는 중…")
        if not spec.personal:
            out.commit()
        else:
            with transaction(ctx) as s:
                record(
                    s,
                    ctx,
                    "export" if reason is None else "export_unmasked",
                    count=rows,
                    purpose=reason,
                    detail=f"list={spec.title}; {spec.subject + '; ' if spec.subject else ''}"
                    f"rows={rows}; file={path.name}",
                )
                out.commit()  # a failed rename rolls the log entry back
    return ExportResult(str(path), rows, spec.personal, not unmasked)


def _rows(
    spec: ListExport,
    ids: Sequence[int],
    masked: bool,
    token: Progress | None,
    block: int,
    counted: list[int],
    text_mask: Callable[[Any], Any] | None = None,
) -> Iterator[list[object]]:
    columns = [(c.value, (text_mask if c.free_text else c.mask) if masked else None) for c in spec.columns]
    total, written = len(ids), 0
    for start in range(0, total, block):
        if token is not None:
            token.check()
            token.progress(start, total, f"{spec.title} {start:,} / {total:,}행을 쓰는 중…")
        chunk = list(ids[start : start + block])
        found = {spec.row_id(r): r for r in spec.rows(chunk)}
        for row_id in chunk:
            row = found.get(row_id)
            if row is None:
                continue  # deleted since the list was read
            out: list[object] = []
            for value, mask in columns:
                v = value(row)
                out.append(mask(v) if mask is not None and v is not None else v)
            written += 1
            yield out
    counted.append(written)


def _text_mask(ctx: ServiceContext, spec: ListExport, masked: bool) -> Callable[[Any], Any] | None:
    """Members' names in the free-text columns, masked (the names read once for the export)."""
    if not masked or not any(c.free_text for c in spec.columns):
        return None
    with reading(ctx) as s:
        return masking.text_masker(s, True)


def _info(
    spec: ListExport,
    made: Any,
    conditions: Sequence[tuple[str, str]],
    purpose: str | None,
    counted: list[int],
) -> Iterator[list[object]]:
    # Written after the list: the row count is known by then.
    yield ["목록", spec.title]
    yield ["내보낸 때", made.strftime("%Y-%m-%d %H:%M") + " (한국 시간)"]
    yield ["행 수", counted[0] if counted else 0]
    for label, value in conditions:
        yield [label, value]
    if spec.personal:
        yield [
            "개인정보",
            "이름·연락처를 가리지 않음 (목적: " + purpose + ", 접근 기록에 남김)"
            if purpose is not None
            else "이름·연락처 일부를 가림 (예: 김*희, 010-****-5678)",
        ]
