"""Roster import: read a file, show every problem, then write all rows or none.

    preview = preview_import(ctx, cohort_id, "지원자.xlsx")   # nothing written
    if preview.can_import:
        commit_import(ctx, cohort_id, preview, token)          # one transaction

`commit_import` checks the rows again inside its transaction, writes them in bulk
(three multi-row INSERTs per chunk, no query per row) and looks at `token` between
chunks and just before the commit: a Cancel raises there and nothing is kept.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import insert, select

from panelapp.db.models import Consent, Enrollment, Member
from panelapp.db.planner import BULK_ROWS, refresh_statistics
from panelapp.domain.enums import EnrollmentStatus, MemberRole
from panelapp.domain.errors import DomainError
from panelapp.io.roster_columns import is_template_example, map_header
from panelapp.io.tabular import read_table
from panelapp.services.audit.log import record
from panelapp.services.cohorts.team_leaders import sync_from_enrollment
from panelapp.services.context import ServiceContext, reading, transaction
from panelapp.services.locks import write_lock
from panelapp.services.people.member_rules import add_months, find_notice
from panelapp.services.permissions import Permission, writes
from panelapp.services.roster_io.rows import (
    KEYS,
    CleanRow,
    Problem,
    check_row,
    known_members,
    load_facts,
)
from panelapp.services.search.index import index_new_documents

__all__ = [
    "Problem",
    "ImportRow",
    "ImportPreview",
    "ImportResult",
    "ImportRefused",
    "preview_import",
    "commit_import",
    "cohort_id_by_number",
]
_CHUNK = 500
_PERSON = ("name", "phone", "email", "district", "birth_year", "gender")


@dataclass(frozen=True)
class ImportRow:
    row: int
    values: tuple[str, ...]  # the cell texts in KEYS order ("" where the file has no column)
    problems: tuple[Problem, ...]
    checked: bool = True  # False: a file problem (a missing required column) stopped the checks

    @property
    def ok(self) -> bool:
        """Checked and without a problem: a row of a file that cannot be read is never 정상."""
        return self.checked and not self.problems

    def value(self, key: str) -> str:
        return self.values[KEYS.index(key)]


@dataclass(frozen=True)
class ImportPreview:
    cohort_id: int
    file_name: str
    encoding: str
    columns: tuple[str, ...]  # field keys found in the header
    unknown_columns: tuple[str, ...]  # ignored, but shown
    file_errors: tuple[str, ...]  # the header itself is unusable
    rows: tuple[ImportRow, ...]
    reused: int = 0  # rows that are people known from another cohort
    timings: dict = field(default_factory=dict, compare=False)
    memo: dict = field(default_factory=dict, compare=False, repr=False)  # check_row's verdicts
    notes: tuple[str, ...] = ()  # what was read and skipped: the sheet of several, the example row

    @property
    def problems(self) -> list[Problem]:
        return [p for r in self.rows for p in r.problems]

    @property
    def ok_count(self) -> int:
        return sum(1 for r in self.rows if r.ok)

    @property
    def error_count(self) -> int:
        """Rows checked and found wrong (rows left unchecked by a file problem are not counted)."""
        return sum(1 for r in self.rows if r.problems)

    @property
    def unchecked_count(self) -> int:
        return sum(1 for r in self.rows if not r.checked)

    @property
    def can_import(self) -> bool:
        return not self.file_errors and bool(self.rows) and self.error_count == 0


@dataclass(frozen=True)
class ImportResult:
    imported: int
    reused: int
    enrollment_ids: tuple[int, ...]
    timings: dict = field(default_factory=dict, compare=False)  # recheck_s, write_s (incl. commit)


class ImportRefused(DomainError):
    """Some row failed (perhaps only now, at commit time): nothing was written."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len({p.row for p in problems})}개 행에 문제가 있어 아무것도 저장하지 않았습니다.")
        self.problems = problems


def cohort_id_by_number(ctx: ServiceContext, number: int) -> int:
    from panelapp.db.models import Cohort

    with reading(ctx) as s:
        found = s.scalar(select(Cohort.id).where(Cohort.number == number, Cohort.deleted_at.is_(None)))
    if found is None:
        raise DomainError(f"제{number}기를 찾을 수 없습니다. 기수 번호를 확인해 주세요.")
    return found


@contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """Python's cycle collector, triggered by every few hundred new containers, walks all the
    rows read so far again and again: 1.5 s of a 100,000-row import. Rows hold no cycles."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def preview_import(ctx: ServiceContext, cohort_id: int, path: str | Path) -> ImportPreview:
    """Read and check the file; writes nothing. File-level failures raise FileReadError."""
    with _no_gc_pauses():
        return _preview(ctx, cohort_id, path)


def _preview(ctx: ServiceContext, cohort_id: int, path: str | Path) -> ImportPreview:
    started = time.perf_counter()
    table = read_table(path)
    header = map_header(table.header)
    parsed = time.perf_counter()
    values = [
        (
            number,
            tuple(
                cells[header.index[k]] if k in header.index and header.index[k] < len(cells) else ""
                for k in KEYS
            ),
        )
        for number, cells in table.rows
    ]
    notes = [table.sheet_note] if table.sheet_note else []
    name_at, phone_at = KEYS.index("name"), KEYS.index("phone")
    examples = [n for n, cells in values if is_template_example(cells[name_at], cells[phone_at])]
    if examples:
        values = [v for v in values if v[0] not in examples]
        at = ", ".join(f"{n}행" for n in examples)
        notes.append(f"서식의 예시 행({at}: 홍길동, 010-1234-5678)은 단원이 아니므로 건너뛰었습니다.")
    rows: list[ImportRow] = []
    reused = 0
    memo: dict = {}
    with reading(ctx) as s:
        facts = load_facts(s, cohort_id)
        if not header.errors:
            seen: dict[str, int] = {}
            clean: list[CleanRow] = []
            for number, cells in values:
                good, problems = check_row(number, cells, facts, seen, memo)
                rows.append(ImportRow(number, cells, tuple(problems)))
                if good is not None:
                    clean.append(good)
            reused = len(known_members(s, [c.member["phone"] for c in clean]))
        else:
            rows = [ImportRow(number, cells, (), checked=False) for number, cells in values]
    errors = header.errors + (
        () if values or header.errors else ("불러올 행이 없습니다. 첫 행 아래에 단원을 적어 주세요.",)
    )
    checked = time.perf_counter()
    return ImportPreview(
        cohort_id,
        Path(path).name,
        table.encoding,
        tuple(header.index),
        header.unknown,
        tuple(errors),
        tuple(rows),
        reused,
        {"parse_s": parsed - started, "validate_s": checked - parsed},
        memo,
        tuple(notes),
    )


@writes(Permission.PANEL_WORK)
def commit_import(ctx: ServiceContext, cohort_id: int, preview: ImportPreview, token=None) -> ImportResult:
    """All rows of the preview or none: re-checked, written, committed only if not cancelled."""
    with _no_gc_pauses():
        return _commit(ctx, cohort_id, preview, token)


def _commit(ctx: ServiceContext, cohort_id: int, preview: ImportPreview, token) -> ImportResult:
    if preview.file_errors or not preview.rows:
        raise DomainError(preview.file_errors[0] if preview.file_errors else "불러올 행이 없습니다.")
    total = len(preview.rows)
    started = time.perf_counter()
    with transaction(ctx) as s:
        # Before the re-check: another import of the same rows waits here, then sees them taken
        # (one cohort) or reuses the people it made (another cohort). See services/locks.py.
        write_lock(s, cohort_id)
        facts = load_facts(s, cohort_id)
        seen: dict[str, int] = {}
        clean: list[CleanRow] = []
        problems: list[Problem] = []
        for r in preview.rows:
            good, bad = check_row(r.row, r.values, facts, seen, preview.memo)
            problems.extend(bad)
            if good is not None:
                clean.append(good)
        if problems:
            raise ImportRefused(problems)
        checked = time.perf_counter()
        _step(token, 0, total)
        notice = find_notice(s, None, facts.today)
        retention = add_months(facts.cohort.term_end, notice.retention_months)
        known = known_members(s, [c.member["phone"] for c in clean])
        reused = len(known)
        _update_known(s, known, clean)
        enrollment_ids: list[int] = []
        for start in range(0, total, _CHUNK):
            chunk = clean[start : start + _CHUNK]
            enrollment_ids.extend(_write_chunk(s, ctx.user_id, cohort_id, chunk, known, notice.id, retention))
            _step(token, start + len(chunk), total)
        _lead_teams(s, clean, enrollment_ids)
        _step(token, total, total, "저장을 마무리하는 중…")
        # whose: one range query (under the cohort's lock every enrolment in the range is new)
        people = s.scalars(
            select(Enrollment.member_id).where(
                Enrollment.cohort_id == cohort_id,
                Enrollment.id.between(min(enrollment_ids), max(enrollment_ids)),
            )
        )
        record(
            s,
            ctx,
            "import",
            members=people,
            detail=f"cohort_id={cohort_id}; rows={total}; file={preview.file_name}",
        )
    if total >= BULK_ROWS:  # the roster's figures are planned from fresh statistics (db/planner.py)
        refresh_statistics(ctx.db.engine, ("members", "enrollments", "consents"))
    return ImportResult(
        total,
        reused,
        tuple(enrollment_ids),
        {"recheck_s": checked - started, "write_s": time.perf_counter() - checked},
    )


def _step(token, done: int, total: int, text: str = "") -> None:
    if token is not None:
        token.check()  # raising here leaves the transaction: rollback, nothing written
        token.progress(done, total, text or f"단원을 저장하는 중… {done:,} / {total:,}")


def _lead_teams(s, clean: list[CleanRow], enrollment_ids: list[int]) -> None:
    """An imported 단장 leads their team, as when enrolled through the member form."""
    for row, enrollment_id in zip(clean, enrollment_ids):
        if row.role == MemberRole.CHIEF and row.team_id is not None:
            sync_from_enrollment(s, s.get(Enrollment, enrollment_id))


def _stamp(user_id: int | None) -> dict:
    return {"created_by_id": user_id, "updated_by_id": user_id}


def _update_known(s, known: dict[str, int], clean: list[CleanRow]) -> None:
    """People from earlier cohorts: refresh what the file gives, keep what it leaves blank."""
    by_phone = {c.member["phone"]: c.member for c in clean if c.member["phone"] in known}
    ids = list(known.values())
    for start in range(0, len(ids), 900):
        for person in s.scalars(select(Member).where(Member.id.in_(ids[start : start + 900]))):
            data = by_phone[person.phone]
            for key in _PERSON:
                if data[key] is not None:
                    setattr(person, key, data[key])
    s.flush()


def _write_chunk(
    s, user_id, cohort_id, chunk: list[CleanRow], known: dict[str, int], notice_id: int, retention
) -> list[int]:
    # Core inserts on the session's connection: the ORM's bulk path cost more than SQLite's work.
    # Each RETURNs its row's key with the id rather than using `sort_by_parameter_order`, which
    # SQLite honours only one row per statement: phones are distinct among the new people (the
    # checks refuse a file repeating one), and so are the members of one chunk's enrolments.
    conn = s.connection()
    members, enrollments = Member.__table__, Enrollment.__table__
    new = [c for c in chunk if c.member["phone"] not in known]
    if new:
        got = dict(
            conn.execute(
                insert(members).returning(members.c.phone, members.c.id),
                [{**{k: c.member[k] for k in _PERSON}, **_stamp(user_id)} for c in new],
            ).all()
        )
        known.update(got)
        # not through the ORM, so the search index's listener does not see them
        index_new_documents(s, Member, {got[c.member["phone"]]: c.member for c in new})
    member_ids = [known[c.member["phone"]] for c in chunk]
    enrolled = dict(
        conn.execute(
            insert(enrollments).returning(enrollments.c.member_id, enrollments.c.id),
            [
                {
                    "member_id": mid,
                    "cohort_id": cohort_id,
                    "team_id": c.team_id,
                    "role": c.role,
                    "joined_on": c.member["joined_on"],
                    "status": EnrollmentStatus.ACTIVE,
                    **_stamp(user_id),
                }
                for c, mid in zip(chunk, member_ids)
            ],
        ).all()
    )
    enrollment_ids = [enrolled[mid] for mid in member_ids]
    conn.execute(
        insert(Consent.__table__),
        [
            {
                "member_id": mid,
                "enrollment_id": eid,
                "notice_id": notice_id,
                "consented_on": c.consented_on,
                "retention_until": retention,
                **_stamp(user_id),
            }
            for c, mid, eid in zip(chunk, member_ids, enrollment_ids)
        ],
    )
    return enrollment_ids
