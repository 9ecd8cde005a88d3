"""독촉 안내문 만들기: the cohort's proposals awaiting an answer (접수·검토중) whose 답변 기한
has passed or falls within `within` working days, per department (`panelapp reminders`, the desk
page's 독촉 안내문 만들기…). Due dates are the proposals' own (set by the deadline rules when they
were received, services/org/deadlines.py); working days are domain/working_days.py's, as the SLA
figures count them (services/reporting/sla.py).

One query for the rows, ordered by department then due date; no IN-list. The sheets carry no
proposer and no member: only the department's 시민소통관, masked, so nothing goes to the access log.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select

from panelapp.atomic import write_bytes
from panelapp.db.models import Cohort, Department, Facility, Proposal
from panelapp.domain.errors import DomainError, NotFoundError
from panelapp.domain.localtime import today_local
from panelapp.domain.proposal_rules import UNANSWERED
from panelapp.domain.reminder_data import (
    DEFAULT_WITHIN,
    HEADERS,
    MAX_WITHIN,
    TITLE,
    DepartmentReminder,
    ReminderData,
    ReminderRow,
)
from panelapp.domain.report_data import NO_DEPARTMENT
from panelapp.domain.working_days import WorkingCalendar, add_working_days
from panelapp.io.workbook import AtomicFile, Sheet, SheetColumn, write_workbook
from panelapp.services import masking
from panelapp.services.context import ServiceContext, reading
from panelapp.services.exporting import Progress
from panelapp.services.permissions import Permission, require
from panelapp.services.proposals.duplicate_marks import live_proposal

F_WITHIN = "기한 임박 기준(근무일)"
PDF, XLSX = ".pdf", ".xlsx"


def check_within(within: int) -> int:
    if not 0 <= int(within) <= MAX_WITHIN:
        raise DomainError(f"{F_WITHIN}: 0부터 {MAX_WITHIN}까지의 근무일 수를 적어 주세요.")
    return int(within)


def check_output(path: str | Path) -> Path:
    target = Path(path)
    if target.suffix.lower() not in (PDF, XLSX):
        raise DomainError(f"'{target.name}': 독촉 안내문은 .pdf 또는 .xlsx 파일로 저장합니다.")
    return target


def reminder_data(
    ctx: ServiceContext,
    cohort_id: int,
    department_id: int | None = None,
    within: int = DEFAULT_WITHIN,
    today: dt.date | None = None,
) -> ReminderData:
    """The sheets of every department with something to remind (가나다, 미지정 last), or of
    `department_id` alone (then its sheet is there even when empty: it says 없음)."""
    from panelapp.services.org.manage import named_organization

    within = check_within(within)
    today = today or today_local()
    with reading(ctx) as s:
        require(ctx, s, Permission.PANEL_WORK)
        cohort = s.get(Cohort, cohort_id)
        if cohort is None or cohort.deleted_at is not None:
            raise NotFoundError("기수")
        org = named_organization(s, TITLE)
        chosen: Department | None = None
        if department_id is not None:
            chosen = s.get(Department, department_id)
            if chosen is None or chosen.deleted_at is not None:
                raise NotFoundError("담당부서")
        limit = add_working_days(today, within)
        # a due date on the weekend after the last working day counts as that working day
        upto = limit + dt.timedelta(days=7)
        q = (
            select(
                Proposal.department_id,
                Proposal.id,
                Proposal.title,
                Facility.name,
                Proposal.submitted_on,
                Proposal.due_on,
            )
            .outerjoin(Facility, Facility.id == Proposal.facility_id)
            .where(
                Proposal.cohort_id == cohort_id,
                live_proposal(),  # neither deleted nor a duplicate (its original is reminded)
                Proposal.status.in_(UNANSWERED),
                Proposal.due_on.is_not(None),
                Proposal.due_on <= upto,
            )
            .order_by(Proposal.department_id, Proposal.due_on, Proposal.submitted_on, Proposal.id)
        )
        if department_id is not None:
            q = q.where(Proposal.department_id == department_id)
        found = s.execute(q).all()
        first = min([today, *(r.due_on for r in found if r.due_on is not None)])
        calendar = WorkingCalendar(first, upto)
        by_department: dict[int | None, list[ReminderRow]] = {}
        shown = masking.text_masker(s, True)  # a sheet for the departments: members' names masked
        for dept, pid, raw_title, facility, submitted, due_on in found:
            title = shown(raw_title) or ""
            due: dt.date = due_on  # type: ignore[assignment]  # not NULL: the query asks for one
            if due < today:
                row = ReminderRow(pid, title, facility, submitted, due, True, calendar.between(due, today))
            else:
                left = calendar.between(today, due)
                if left > within:
                    continue
                row = ReminderRow(pid, title, facility, submitted, due, False, left)
            by_department.setdefault(dept, []).append(row)
        departments = {d.id: d for d in s.scalars(select(Department).where(Department.deleted_at.is_(None)))}
        if chosen is not None:
            departments[chosen.id] = chosen
        sheets: list[DepartmentReminder] = []
        empty: list[str] = []
        for dept_id, d in departments.items():
            if chosen is not None and dept_id != chosen.id:
                continue
            rows = by_department.get(dept_id, [])
            if not rows and chosen is None:
                if d.active:
                    empty.append(d.name)
                continue
            sheets.append(
                DepartmentReminder(d.id, d.name, masking.name(d.contact_person), d.email, tuple(rows))
            )
        sheets.sort(key=lambda r: (r.department, r.department_id or 0))
        if chosen is None:
            # proposals without a (live) department are the coordinator's to chase
            loose = [r for k, rows in by_department.items() if k not in departments for r in rows]
            if loose:
                sheets.append(DepartmentReminder(None, NO_DEPARTMENT, None, None, tuple(loose)))
        return ReminderData(org.name, cohort.name, today, within, tuple(sheets), tuple(sorted(empty)))


def render_pdf(data: ReminderData) -> bytes:
    from panelapp.reports.reminder_sheet import render_reminders

    return render_reminders(data)[0]


def render_xlsx(data: ReminderData, out: IO[bytes]) -> None:
    """One sheet of every row (with its department and contact), and what the figures mean."""
    columns = [
        SheetColumn("담당부서", 18),
        SheetColumn("시민소통관", 10),
        SheetColumn(HEADERS[0], 8),
        SheetColumn(HEADERS[1], 40),
        SheetColumn(HEADERS[2], 22),
        SheetColumn(HEADERS[3], 12),
        SheetColumn(HEADERS[4], 12),
        SheetColumn(HEADERS[5], 10),
        SheetColumn("경과 근무일", 10),
        SheetColumn("남은 근무일", 10),
    ]
    body = [
        [
            d.department,
            d.contact or "",
            r.proposal_id,
            r.title,
            r.facility or "",
            r.submitted_on,
            r.due_on,
            r.kind,
            r.days if r.overdue else None,
            None if r.overdue else r.days,
        ]
        for d in data.sheets
        for r in d.rows
    ]
    info: list[list[Any]] = [
        ["기관", data.organization],
        ["기수", data.cohort],
        ["기준일", data.today],
        [
            "기한 경과",
            "답변 기한이 지났으나 아직 접수·검토중인 제안 (경과 근무일: 기한 다음 근무일부터 기준일까지)",
        ],
        ["기한 임박", f"답변 기한까지 {data.within}근무일 이내로 남은 제안 (0: 오늘까지)"],
        ["근무일", "주말과 공휴일(대체공휴일 포함)을 뺀 날"],
        ["독촉할 제안이 없는 부서", ", ".join(data.empty) or "없음"],
    ]
    if not body:
        info.append(["독촉할 제안", "없음"])
    write_workbook(
        out,
        [
            Sheet(TITLE, columns, body),
            Sheet("설명", [SheetColumn("항목", 22), SheetColumn("내용", 80)], info),
        ],
    )


def write_reminders(data: ReminderData, path: str | Path, token: Progress | None = None) -> Path:
    """The sheets to `path` (.pdf or .xlsx), atomically."""
    target = check_output(path)
    if token is not None:
        token.progress(0, 1, "독촉 안내문을 쓰는 중…")
    if target.suffix.lower() == PDF:
        write_bytes(target, render_pdf(data))
    else:
        with AtomicFile(target) as out:
            assert out.file is not None
            render_xlsx(data, out.file)
            out.commit()
    if token is not None:
        token.progress(1, 1, "")
    return target


def make_reminders(
    ctx: ServiceContext,
    cohort_id: int,
    path: str | Path,
    department_id: int | None = None,
    within: int = DEFAULT_WITHIN,
    today: dt.date | None = None,
    token: Progress | None = None,
) -> ReminderData:
    """Read and write in one call (the command line and the desk page's worker)."""
    check_output(path)
    data = reminder_data(ctx, cohort_id, department_id, within, today)
    write_reminders(data, path, token)
    return data


def summary(data: ReminderData) -> str:
    """One sentence of what the file holds."""
    if not data.rows:
        return f"{data.cohort}에 답변 기한이 지났거나 {data.within}근무일 안에 닥치는 제안이 없습니다(독촉할 제안 없음)."
    overdue = sum(d.overdue for d in data.sheets)
    soon = sum(d.soon for d in data.sheets)
    return f"{data.cohort} 부서 {len(data.sheets):,}곳: 기한 경과 {overdue:,}건, 기한 임박 {soon:,}건."
