"""부서별 답변 처리: per department, how many proposals came and were answered, how many working
days the answers took (median and 90th percentile), the share answered by the due date and how
many are overdue now. One computation for the dashboard section, the report's table and
`panelapp departments sla` (the figures are defined in domain/report_data.DepartmentSla).

Two GROUP BYs on the database, portable to SQLite and PostgreSQL: the counts per department, and
the answered proposals per (department, 접수일, 답변일) with their count. Working days are not
SQL (Korean holidays come from Python), so the second is turned into working-day histograms in
Python over one WorkingCalendar spanning the dates: 10,000 proposals cost a few hundred distinct
date pairs, not 10,000 rows.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from panelapp.db.models import Cohort, Department, Proposal
from panelapp.domain.errors import NotFoundError
from panelapp.domain.formatting import shown_rate
from panelapp.domain.localtime import today_local
from panelapp.domain.report_data import NO_DEPARTMENT, SLA_HEADERS, DepartmentSla
from panelapp.domain.working_days import WorkingCalendar
from panelapp.io.roster_export import PERCENT_FORMAT
from panelapp.io.workbook import AtomicFile, Sheet, SheetColumn, check_xlsx_path, write_workbook
from panelapp.services.context import ServiceContext, reading
from panelapp.services.permissions import department_scope
from panelapp.services.proposals.queries import overdue_clause

TOTAL = "전체"


def department_sla(
    ctx: ServiceContext, cohort_id: int, today: dt.date | None = None
) -> tuple[DepartmentSla, ...]:
    """The cohort's table: one row per department with proposals (가나다, 미지정 last), then 전체.
    A 부서 담당자 sees their own department's row only."""
    today = today or today_local()
    with reading(ctx) as s:
        cohort = s.get(Cohort, cohort_id)
        if cohort is None or cohort.deleted_at is not None:
            raise NotFoundError("기수")
        return sla_in(s, cohort_id, today, scope=department_scope(ctx, s))


def sla_in(
    s: Session,
    cohort_id: int,
    today: dt.date,
    start: dt.date | None = None,
    end: dt.date | None = None,
    facility_ids: Sequence[int] | None = None,
    scope: int | None = None,
) -> tuple[DepartmentSla, ...]:
    """The table inside a transaction: proposals received from `start` to `end` (both included;
    None: open), of the chosen facilities (None: all), of one department (`scope`)."""
    where: list[ColumnElement[bool]] = [
        Proposal.cohort_id == cohort_id,
        Proposal.deleted_at.is_(None),
        Proposal.duplicate_of_id.is_(None),  # a duplicate leaves the counts (proposals/duplicate_marks.py)
    ]
    if start is not None:
        where.append(Proposal.submitted_on >= start)
    if end is not None:
        where.append(Proposal.submitted_on <= end)
    if facility_ids is not None:
        where.append(Proposal.facility_id.in_(list(facility_ids)))
    if scope is not None:
        where.append(Proposal.department_id == scope)
    answered = Proposal.answered_on.is_not(None)
    with_due = and_(answered, Proposal.due_on.is_not(None))
    counts = s.execute(
        select(
            Proposal.department_id,
            Department.name,
            func.count(),
            func.count(Proposal.answered_on),
            func.count(case((and_(with_due, Proposal.answered_on <= Proposal.due_on), 1))),
            func.count(case((with_due, 1))),
            func.count(case((overdue_clause(today), 1))),
        )
        .outerjoin(Department, Department.id == Proposal.department_id)
        .where(*where)
        .group_by(Proposal.department_id, Department.name)
    ).all()
    pairs = s.execute(
        select(Proposal.department_id, Proposal.submitted_on, Proposal.answered_on, func.count())
        .where(*where, answered)
        .group_by(Proposal.department_id, Proposal.submitted_on, Proposal.answered_on)
    ).all()
    histograms = _histograms(pairs)
    rows = [
        _row(dept_id, name or NO_DEPARTMENT, histograms.get(dept_id, {}), received, done, on_time, due, late)
        for dept_id, name, received, done, on_time, due, late in counts
    ]
    rows.sort(key=lambda r: (r.department_id is None, r.department, r.department_id or 0))
    everything: dict[int, int] = defaultdict(int)
    for histogram in histograms.values():
        for days, n in histogram.items():
            everything[days] += n
    sums = [sum(int(row[i] or 0) for row in counts) for i in range(2, 7)]
    total = _row(None, TOTAL, everything, sums[0], sums[1], sums[2], sums[3], sums[4], total=True)
    return (*rows, total)


def working_day_histogram(pairs: Sequence[Any]) -> dict[int, int]:
    """(anything, 접수일, 답변일, count) rows → {working days to answer: how many}."""
    everything: dict[int, int] = defaultdict(int)
    for histogram in _histograms(pairs).values():
        for days, n in histogram.items():
            everything[days] += n
    return dict(everything)


def _histograms(pairs: Sequence[Any]) -> dict[int | None, dict[int, int]]:
    """department id → {working days to answer: how many}."""
    if not pairs:
        return {}
    first = min(min(p.submitted_on, p.answered_on) for p in pairs)
    last = max(max(p.submitted_on, p.answered_on) for p in pairs)
    calendar = WorkingCalendar(first, last)
    out: dict[int | None, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for dept_id, submitted, answered, n in pairs:
        out[dept_id][calendar.between(submitted, answered)] += int(n)
    return out


def _row(
    dept_id: int | None,
    name: str,
    histogram: dict[int, int],
    received: int,
    answered: int,
    on_time: int,
    with_deadline: int,
    overdue: int,
    total: bool = False,
) -> DepartmentSla:
    values = sorted(histogram.items())
    return DepartmentSla(
        dept_id,
        name,
        int(received),
        int(answered),
        median(values),
        percentile(values, 90),
        int(on_time),
        int(with_deadline),
        int(overdue),
        total,
    )


def _at(values: list[tuple[int, int]], position: int) -> int:
    """The value at a 0-based position of the multiset given as sorted (value, count) pairs."""
    seen = 0
    for value, n in values:
        seen += n
        if position < seen:
            return value
    raise IndexError(position)


def median(values: list[tuple[int, int]]) -> float | None:
    """The middle value, or the mean of the middle two (as the dashboard's 답변 중앙값)."""
    total = sum(n for _v, n in values)
    if total == 0:
        return None
    return (_at(values, (total - 1) // 2) + _at(values, total // 2)) / 2


def percentile(values: list[tuple[int, int]], percent: int) -> int | None:
    """Nearest rank: the smallest value that at least `percent` % of the multiset does not
    exceed (integer arithmetic: 0.9 * 10 is 9.000000000000002 in floats)."""
    total = sum(n for _v, n in values)
    if total == 0:
        return None
    rank = max(-(-percent * total // 100), 1)
    return _at(values, rank - 1)


def write_sla_workbook(rows: Sequence[DepartmentSla], path: str | Path, cohort_name: str) -> Path:
    """The table to .xlsx (its header row is SLA_HEADERS; figures are numbers, the rate a
    percentage), atomically. No personal data: department names and counts."""
    target = check_xlsx_path(path)
    columns = [
        SheetColumn(SLA_HEADERS[0], 22),
        *(SheetColumn(h, 12) for h in SLA_HEADERS[1:5]),
        SheetColumn(SLA_HEADERS[5], 14, number_format=PERCENT_FORMAT),
        SheetColumn(SLA_HEADERS[6], 10),
    ]
    body = [
        [
            r.department,
            r.received,
            r.answered,
            r.median_days,
            r.p90_days,
            shown_rate(r.on_time_rate),
            r.overdue,
        ]
        for r in rows
    ]
    info = [
        ["기수", cohort_name],
        ["근무일", "주말과 공휴일(대체공휴일 포함)을 뺀 날; 답변 소요 = 접수 다음 근무일부터 답변일까지"],
        ["90%", "답변의 90%가 이 근무일 안에 나왔습니다 (순위 기준)"],
        ["기한 내 답변 비율", "답변 기한까지 답변한 제안 ÷ 기한이 있는 답변된 제안"],
        ["기한 경과", "기한이 지났으나 아직 접수·검토중인 제안"],
    ]
    with AtomicFile(target) as out:
        assert out.file is not None
        write_workbook(
            out.file,
            [
                Sheet("부서별 답변 처리", columns, body),
                Sheet("설명", [SheetColumn("항목", 18), SheetColumn("내용", 70)], info),
            ],
        )
        out.commit()
    return target
