"""차년도 업무계획 (issue 14 item 8): carrying an ending cohort's adopted, unfinished proposals into
next year's plan, and showing them to the next cohort.

- `plan_sheet` reads what the dialog edits: the cohort's carried items and, ticked by default, its
  proposals that could be carried (채택·부분채택·추진중, live, not carried yet) with their defaults
  (the proposal's department, the quarter its 완료 예정일 falls in or the next year's first).
- `save_plan` carries, edits and takes out items in one transaction: a담당자 or 관리자 only; each
  item's version compared (a stale one is ConcurrencyError, nothing saved); every error named by
  the proposal's 번호 and field; the proposal gets a history entry (차년도 업무계획으로 이월, or 뺌)
  and its version moves on. Carrying what is carried already changes nothing (idempotent): an
  existing item with the same values is left alone, with other values and no version it is stale.
- `plan_data` is the plan as the PDF, the workbook and the report show it (a 부서 담당자's own
  department's items only); `write_plan` writes it (.pdf / .xlsx, atomically).
- `carried_into` tells the next cohort (the next number) what came from the cohort before it.

A carried proposal stays in its own cohort and stays workable: the department answers, posts
진행 상황 and completes it as before (the desk spans every cohort); its plan item then reads 완료.
Counting: domain/next_year_plan.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from panelapp.atomic import write_bytes
from panelapp.db.base import utcnow
from panelapp.db.models import Cohort, Department, Facility, PlanItem, Proposal, ProposalEvent
from panelapp.domain.enums import CohortStatus, ProposalStatus
from panelapp.domain.errors import (
    ConcurrencyError,
    DomainError,
    NotFoundError,
    ValidationError,
    ValidationErrors,
)
from panelapp.domain.localtime import today_local
from panelapp.domain.next_year_plan import (
    EVENT_KIND,
    EVENT_KIND_REMOVED,
    F_DEPARTMENT,
    F_NOTE,
    HEADERS,
    HISTORY_NOTE,
    HISTORY_REMOVED,
    TITLE,
    PlanData,
    PlanRow,
    Quarter,
    check_cost,
    check_not_past,
    default_quarter,
    parse_quarter,
)
from panelapp.domain.proposal_rules import PLANNED
from panelapp.domain.report_data import NO_DEPARTMENT
from panelapp.domain.validation import normalize_text
from panelapp.services import masking
from panelapp.services.context import ServiceContext, reading, transaction
from panelapp.services.exporting import Progress
from panelapp.services.permissions import Permission, department_scope, require, writes
from panelapp.services.proposals.duplicate_marks import live_proposal

PDF, XLSX = ".pdf", ".xlsx"
ENDING_DAYS = 92  # an active cohort this close to its 활동 종료일 may carry already


@dataclass(frozen=True)
class PlanInput:
    """One line of the dialog: a proposal carried (or kept) with its fields."""

    proposal_id: int
    quarter: str | Quarter
    department_id: int | None = None
    estimated_cost: int | None = None
    note: str | None = None
    version: int | None = None  # the item's version when it was carried already; None: new


@dataclass(frozen=True)
class PlanSheet:
    """What the 차년도 업무계획 dialog edits for one cohort."""

    cohort_id: int
    cohort: str
    cohort_number: int
    closed: bool
    term_end: dt.date
    rows: tuple[PlanRow, ...]  # carried items first (item_id set), then candidates
    departments: tuple[tuple[int, str], ...]  # the choices (active ones, and any an item names)

    @property
    def carried(self) -> tuple[PlanRow, ...]:
        return tuple(r for r in self.rows if r.item_id is not None)

    @property
    def candidates(self) -> tuple[PlanRow, ...]:
        return tuple(r for r in self.rows if r.item_id is None)


@dataclass(frozen=True)
class PlanSaved:
    carried: int
    updated: int
    removed: int
    unchanged: int
    proposal_ids: tuple[int, ...] = field(default=())

    @property
    def sentence(self) -> str:
        parts = [
            f"{n:,}건 {w}"
            for n, w in ((self.carried, "이월"), (self.updated, "수정"), (self.removed, "뺌"))
            if n
        ]
        if not parts:
            return "차년도 업무계획에 바뀐 것이 없습니다."
        return "차년도 업무계획: " + ", ".join(parts) + "."


@dataclass(frozen=True)
class CarriedSummary:
    """What the next cohort shows: the items carried from the cohort before it."""

    from_cohort_id: int
    from_number: int
    count: int
    done: int

    @property
    def label(self) -> str:
        return f"이월 과제 (제{self.from_number}기에서)"

    @property
    def text(self) -> str:
        return f"{self.label} {self.count:,}건" + (f" · 완료 {self.done:,}건" if self.done else "")


def _cohort(s: Session, cohort_id: int) -> Cohort:
    cohort = s.get(Cohort, cohort_id)
    if cohort is None or cohort.deleted_at is not None:
        raise NotFoundError("기수")
    return cohort


def may_carry(cohort: Cohort, today: dt.date) -> bool:
    """An ended cohort, or one whose 활동 종료일 is at most ENDING_DAYS away."""
    return cohort.status == CohortStatus.CLOSED or (cohort.term_end - today).days <= ENDING_DAYS


def cohort_label(c: Cohort) -> str:
    """The cohort as outputs name it: its name, with 제N기 before it unless the name has it."""
    prefix = f"제{c.number}기"
    return c.name if c.name.startswith(prefix) else f"{prefix} {c.name}".strip()


def _progress(s: Session, today: dt.date, proposals: Any) -> dict[int, int]:
    """진행률 of the proposals selected by `proposals` (a subquery of ids): the one rule of
    domain/proposal_progress.py (완료 100, the steps' weighted share, else the latest 진행 상황 %)."""
    from panelapp.services.proposals.milestones import progress_by_proposal

    return progress_by_proposal(s, today, Proposal.id.in_(proposals))


def _row(
    p: Proposal,
    facility: str | None,
    department: tuple[int | None, str | None],
    latest: int | None,
    quarter: Quarter,
    item: PlanItem | None,
) -> PlanRow:
    return PlanRow(
        item.id if item is not None else None,
        p.id,
        p.title,
        facility,
        department[0],
        department[1] or NO_DEPARTMENT,
        p.status.label,
        p.status == ProposalStatus.DONE,
        latest,
        p.expected_on,
        item.estimated_cost if item is not None else None,
        quarter,
        item.note if item is not None else None,
        item.version if item is not None else None,
    )


def _sort_key(r: PlanRow) -> tuple[Any, ...]:
    return (r.department == NO_DEPARTMENT, r.department, r.quarter, r.title, r.proposal_id)


def _items(s: Session, cohort_id: int, scope: int | None, today: dt.date) -> list[PlanRow]:
    """The cohort's carried items as rows (a 부서 담당자's department's only)."""
    where: list[ColumnElement[bool]] = [PlanItem.cohort_id == cohort_id, Proposal.deleted_at.is_(None)]
    if scope is not None:
        where.append(PlanItem.department_id == scope)
    found = s.execute(
        select(PlanItem, Proposal, Facility.name, Department.name)
        .join(Proposal, Proposal.id == PlanItem.proposal_id)
        .outerjoin(Facility, Facility.id == Proposal.facility_id)
        .outerjoin(Department, Department.id == PlanItem.department_id)
        .where(*where)
    ).all()
    latest = _progress(s, today, select(PlanItem.proposal_id).where(PlanItem.cohort_id == cohort_id))
    rows = [
        _row(
            p,
            fac,
            (item.department_id, dep),
            latest.get(p.id),
            Quarter(item.target_year, item.target_quarter),
            item,
        )
        for item, p, fac, dep in found
    ]
    return sorted(rows, key=_sort_key)


def _candidate_where(cohort_id: int) -> list[ColumnElement[bool]]:
    carried = select(PlanItem.proposal_id).where(PlanItem.cohort_id == cohort_id)
    return [
        Proposal.cohort_id == cohort_id,
        live_proposal(),
        Proposal.status.in_(PLANNED),
        Proposal.id.not_in(carried),
    ]


def plan_sheet(ctx: ServiceContext, cohort_id: int, today: dt.date | None = None) -> PlanSheet:
    """The dialog's rows: the carried items, then the proposals that could be carried."""
    today = today or today_local()
    with reading(ctx) as s:
        require(ctx, s, Permission.PANEL_WORK)
        cohort = _cohort(s, cohort_id)
        rows = _items(s, cohort_id, None, today)
        where = _candidate_where(cohort_id)
        found = s.execute(
            select(Proposal, Facility.name, Department.name)
            .outerjoin(Facility, Facility.id == Proposal.facility_id)
            .outerjoin(Department, Department.id == Proposal.department_id)
            .where(*where)
        ).all()
        latest = _progress(s, today, select(Proposal.id).where(*where))
        candidates = [
            _row(
                p,
                fac,
                (p.department_id, dep),
                latest.get(p.id),
                default_quarter(cohort.term_start, cohort.term_end, p.expected_on, today),
                None,
            )
            for p, fac, dep in found
        ]
        named = {r.department_id for r in rows + candidates if r.department_id is not None}
        # the active departments, and the few an item or a candidate names (one per department)
        departments = s.execute(
            select(Department.id, Department.name)
            .where(
                Department.deleted_at.is_(None),
                Department.active.is_(True) | Department.id.in_(sorted(named)),
            )
            .order_by(Department.name, Department.id)
        ).all()
        return PlanSheet(
            cohort.id,
            cohort_label(cohort),
            cohort.number,
            cohort.status == CohortStatus.CLOSED,
            cohort.term_end,
            tuple(rows) + tuple(sorted(candidates, key=_sort_key)),
            tuple((int(i), str(n)) for i, n in departments),
        )


def _event(s: Session, ctx: ServiceContext, p: Proposal, kind: str, note: str) -> None:
    s.add(
        ProposalEvent(
            proposal_id=p.id,
            user_id=ctx.user_id,
            from_status=p.status,
            to_status=p.status,
            note=note,
            kind=kind,
        )
    )
    p.updated_at = utcnow()  # the proposal's version moves on, as with any history entry


def _clean(
    s: Session, cohort: Cohort, line: PlanInput, errors: list[ValidationError]
) -> tuple[int | None, int | None, Quarter | None, str | None]:
    where = f"#{line.proposal_id} "
    quarter: Quarter | None = None
    cost = note = None
    try:
        quarter = (
            line.quarter
            if isinstance(line.quarter, Quarter)
            else parse_quarter(line.quarter, around=cohort.term_end.year)
        )
        if quarter.quarter not in (1, 2, 3, 4):
            raise ValidationError("목표 분기", "분기는 1부터 4까지입니다.")
    except ValidationError as e:
        errors.append(ValidationError(where + e.field, e.detail))
    try:
        cost = check_cost(line.estimated_cost)
    except ValidationError as e:
        errors.append(ValidationError(where + e.field, e.detail))
    try:
        note = normalize_text(line.note, F_NOTE, 1000)
    except ValidationError as e:
        errors.append(ValidationError(where + e.field, e.detail))
    if line.department_id is not None:
        d = s.get(Department, line.department_id)
        if d is None or d.deleted_at is not None:
            errors.append(
                ValidationError(
                    where + F_DEPARTMENT, "고른 담당부서가 없습니다. 다른 사용자가 삭제했을 수 있습니다."
                )
            )
    return line.department_id, cost, quarter, note


@writes(Permission.PANEL_WORK, "차년도 업무계획 이월")
def save_plan(
    ctx: ServiceContext,
    cohort_id: int,
    lines: Sequence[PlanInput],
    remove: Sequence[tuple[int, int]] = (),
    today: dt.date | None = None,
) -> PlanSaved:
    """Carry `lines` (new or kept items) and take out `remove` ((item id, version) pairs) in one
    transaction; nothing is saved when one line is wrong or stale."""
    today = today or today_local()
    with transaction(ctx) as s:
        cohort = _cohort(s, cohort_id)
        if not may_carry(cohort, today):
            raise DomainError(
                f"제{cohort.number}기는 아직 활동 중입니다. 차년도 업무계획은 종료된 기수나 활동 종료일이 "
                f"{ENDING_DAYS}일 안으로 다가온 기수에서 만듭니다."
            )
        existing = {
            i.proposal_id: i for i in s.scalars(select(PlanItem).where(PlanItem.cohort_id == cohort_id))
        }
        by_id = {i.id: i for i in existing.values()}
        errors: list[ValidationError] = []
        counts = {"carried": 0, "updated": 0, "removed": 0, "unchanged": 0}
        touched: list[int] = []
        seen: set[int] = set()
        for line in lines:
            if line.proposal_id in seen:
                errors.append(ValidationError(f"#{line.proposal_id}", "같은 제안이 두 번 있습니다."))
                continue
            seen.add(line.proposal_id)
            p = s.get(Proposal, line.proposal_id)
            if p is None or p.deleted_at is not None or p.cohort_id != cohort_id:
                errors.append(
                    ValidationError(
                        f"#{line.proposal_id}",
                        f"제{cohort.number}기의 개선제안이 아닙니다(삭제되었을 수 있습니다).",
                    )
                )
                continue
            department, cost, quarter, note = _clean(s, cohort, line, errors)
            if quarter is None:
                continue
            item = existing.get(p.id)
            values = (department, cost, quarter.year, quarter.quarter, note)
            now = (
                None
                if item is None
                else (
                    item.department_id,
                    item.estimated_cost,
                    item.target_year,
                    item.target_quarter,
                    item.note,
                )
            )
            if now is not None and now == values:
                counts["unchanged"] += 1  # carried already, as asked: idempotent
                continue
            if now is None or now[2:4] != values[2:4]:
                try:  # a quarter set now (not one saved before that has since gone by)
                    check_not_past(quarter, today)
                except ValidationError as e:
                    errors.append(ValidationError(f"#{p.id} {e.field}", e.detail))
                    continue
            if item is not None:
                if line.version is None or line.version != item.version:
                    raise ConcurrencyError()
                item.department_id, item.estimated_cost = department, cost
                item.target_year, item.target_quarter, item.note = quarter.year, quarter.quarter, note
                counts["updated"] += 1
                touched.append(p.id)
                continue
            if line.version is not None:
                raise ConcurrencyError()  # it was carried when the dialog read it: taken out since
            if p.duplicate_of_id is not None or p.status not in PLANNED:
                errors.append(
                    ValidationError(
                        f"#{p.id}",
                        f"'{p.status.label}' 상태의 제안은 이월할 수 없습니다(채택·부분채택·추진중만, 중복 제외).",
                    )
                )
                continue
            s.add(
                PlanItem(
                    cohort_id=cohort_id,
                    proposal_id=p.id,
                    department_id=department,
                    estimated_cost=cost,
                    target_year=quarter.year,
                    target_quarter=quarter.quarter,
                    note=note,
                )
            )
            _event(s, ctx, p, EVENT_KIND, f"{HISTORY_NOTE} (제{cohort.number}기 → {quarter.label})")
            counts["carried"] += 1
            touched.append(p.id)
        for item_id, version in remove:
            item = by_id.get(item_id)
            if item is None or item.version != version:
                raise ConcurrencyError()
            if item.proposal_id in seen:
                errors.append(ValidationError(f"#{item.proposal_id}", "이월하면서 뺄 수는 없습니다."))
                continue
            p = s.get(Proposal, item.proposal_id)
            s.delete(item)
            if p is not None:
                _event(s, ctx, p, EVENT_KIND_REMOVED, f"{HISTORY_REMOVED} (제{cohort.number}기)")
                touched.append(p.id)
            counts["removed"] += 1
        ValidationErrors.raise_if_any(errors)
        s.flush()
        return PlanSaved(**counts, proposal_ids=tuple(touched))


@writes(Permission.PANEL_WORK, "차년도 업무계획 이월")
def carry_all(ctx: ServiceContext, cohort_id: int, today: dt.date | None = None) -> PlanSaved:
    """Carry every candidate with its defaults (`panelapp proposals plan carry`)."""
    sheet = plan_sheet(ctx, cohort_id, today)
    lines = [PlanInput(r.proposal_id, r.quarter, r.department_id) for r in sheet.candidates]
    return save_plan(ctx, cohort_id, lines, today=today)


def plan_data(ctx: ServiceContext, cohort_id: int, today: dt.date | None = None) -> PlanData:
    """The carried items of the cohort, as the outputs print them (no person on them)."""
    from panelapp.services.org.manage import named_organization

    today = today or today_local()
    with reading(ctx) as s:
        cohort = _cohort(s, cohort_id)
        org = named_organization(s, TITLE)
        rows = _items(s, cohort_id, department_scope(ctx, s), today)
        # a print with no purpose asked: members' names in the titles and notes masked
        shown = masking.text_masker(s, True)
        rows = [masking.texts_masked(r, shown, "title", "note") for r in rows]
        return PlanData(org.name, cohort_label(cohort), cohort.number, today, tuple(rows))


def plan_rows_in(s: Session, cohort_id: int, today: dt.date) -> tuple[PlanRow, ...]:
    """The carried items inside a caller's transaction (the improvement report's closing section:
    it masks their titles and notes by its own rule, masking.text_masker)."""
    return tuple(_items(s, cohort_id, None, today))


def _previous(s: Session, cohort: Cohort) -> Cohort | None:
    return s.scalar(
        select(Cohort)
        .where(Cohort.deleted_at.is_(None), Cohort.number < cohort.number)
        .order_by(Cohort.number.desc())
        .limit(1)
    )


def carried_into(ctx: ServiceContext, cohort_id: int | None) -> CarriedSummary | None:
    """The items the cohort before this one (the next lower number) carried; None when none."""
    if cohort_id is None:
        return None
    with reading(ctx) as s:
        return carried_into_in(s, cohort_id, department_scope(ctx, s))


def carried_into_in(s: Session, cohort_id: int, scope: int | None = None) -> CarriedSummary | None:
    cohort = s.get(Cohort, cohort_id)
    if cohort is None:
        return None
    before = _previous(s, cohort)
    if before is None:
        return None
    where: list[ColumnElement[bool]] = [PlanItem.cohort_id == before.id, Proposal.deleted_at.is_(None)]
    if scope is not None:
        where.append(PlanItem.department_id == scope)
    total, done = s.execute(
        select(func.count(), func.count().filter(Proposal.status == ProposalStatus.DONE))
        .select_from(PlanItem)
        .join(Proposal, Proposal.id == PlanItem.proposal_id)
        .where(*where)
    ).one()
    if not total:
        return None
    return CarriedSummary(before.id, before.number, int(total), int(done or 0))


def carried_from_clause(cohort_id: int) -> ColumnElement[bool]:
    """Proposals carried by that cohort's plan (the lists' 이월 과제 filter)."""
    return Proposal.id.in_(select(PlanItem.proposal_id).where(PlanItem.cohort_id == cohort_id))


# ----- files --------------------------------------------------------------------------------
def check_output(path: str | Path) -> Path:
    target = Path(path)
    if target.suffix.lower() not in (PDF, XLSX):
        raise DomainError(f"'{target.name}': 차년도 업무계획은 .pdf 또는 .xlsx 파일로 저장합니다.")
    return target


def render_xlsx(data: PlanData, out: IO[bytes]) -> None:
    from panelapp.io.roster_export import PERCENT_FORMAT
    from panelapp.io.workbook import Sheet, SheetColumn, write_workbook

    widths = (8, 18, 40, 22, 10, 8, 12, 16, 14, 30)
    columns = [
        SheetColumn(h, w, number_format=PERCENT_FORMAT if h == "진행률" else None)
        for h, w in zip(HEADERS, widths, strict=True)
    ]
    body: list[list[Any]] = [
        [
            r.proposal_id,
            r.department,
            r.title,
            r.facility or "",
            r.status,
            None if r.progress is None else r.progress / 100,
            r.expected_on,
            r.estimated_cost,
            r.quarter.label,
            r.note or "",
        ]
        for r in data.rows
    ]
    info: list[list[Any]] = [
        ["기관", data.organization],
        ["기수", data.cohort],
        ["작성일", data.made_on],
        ["합계", data.summary],
        *[[f"부서 소계: {d.department}", f"{len(d.rows):,}건, {d.cost_label}"] for d in data.departments],
        [
            "진행률",
            "완료 100%; 추진 단계가 있으면 완료한 단계의 가중 비율, 없으면 마지막 진행 상황의 % (완료 전 최대 99%)",
        ],
    ]
    write_workbook(
        out,
        [
            Sheet(TITLE, columns, body),
            Sheet("설명", [SheetColumn("항목", 24), SheetColumn("내용", 80)], info),
        ],
    )


def write_plan(data: PlanData, path: str | Path, token: Progress | None = None) -> Path:
    """The plan to `path` (.pdf or .xlsx), atomically."""
    from panelapp.io.workbook import AtomicFile

    target = check_output(path)
    if token is not None:
        token.progress(0, 1, "차년도 업무계획을 쓰는 중…")
    if target.suffix.lower() == PDF:
        from panelapp.reports.next_year_plan import render_plan

        write_bytes(target, render_plan(data)[0])
    else:
        with AtomicFile(target) as out:
            assert out.file is not None
            render_xlsx(data, out.file)
            out.commit()
    if token is not None:
        token.progress(1, 1, "")
    return target


def export_plan(
    ctx: ServiceContext,
    cohort_id: int,
    path: str | Path,
    today: dt.date | None = None,
    token: Progress | None = None,
) -> PlanData:
    """Read and write in one call (the command line and the GUI's worker)."""
    check_output(path)
    data = plan_data(ctx, cohort_id, today)
    write_plan(data, path, token)
    return data
