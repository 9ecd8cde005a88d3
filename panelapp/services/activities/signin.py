"""출석 서명부 of one event: who is expected there, as a PDF to print and sign.

The sheet lists the members the one definition of participation (domain/participation.py)
expects at the event: for a visit (점검), the members assigned to it; for every other event, the
cohort's members whose enrolment covers the event's day. Sheet order: team, then name.

Names: a member signs beside their own name, so the sheet normally carries names in full. That
is personal data leaving the program on paper, so a sheet in full names needs a purpose, which
goes to the access log (who, which host, which event, how many names, which file) in the
transaction that renames the finished PDF into place. Without a purpose the names are masked
(김*희) like every other output. Only the name and the team are printed: no phone, no e-mail.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import and_, case, or_, select
from sqlalchemy.orm import Session

from panelapp.db.models import (
    ActivityEvent,
    Cohort,
    Enrollment,
    InspectionAssignment,
    Member,
    Team,
)
from panelapp.domain.enums import EventKind
from panelapp.domain.errors import DomainError
from panelapp.domain.localtime import today_local
from panelapp.domain.signin_sheet_data import SignInRow, SignInSheetData
from panelapp.domain.validation import normalize_text
from panelapp.io.workbook import AtomicFile
from panelapp.services import masking
from panelapp.services.activities.event_rules import load_event
from panelapp.services.audit.log import record
from panelapp.services.context import ServiceContext, reading, transaction
from panelapp.services.org.manage import named_organization
from panelapp.services.permissions import Permission, writes

F_PURPOSE = "출력 목적"
WEEKDAYS = "월화수목금토일"


@dataclass(frozen=True)
class EventChoice:
    id: int
    label: str  # "2026-05-12 (화) 발대식 · 제7기 발대식"
    event_date: dt.date


@dataclass(frozen=True)
class SignInResult:
    path: str
    pages: int
    names: int
    masked: bool


def signin_event_choices(ctx: ServiceContext, cohort_id: int) -> tuple[list[EventChoice], int | None]:
    """The cohort's live events, newest first, and the one to offer: the next event from today
    (a sheet is printed before the event), else the latest one."""
    today = today_local()
    stmt = (
        select(
            ActivityEvent.id,
            ActivityEvent.event_date,
            ActivityEvent.start_time,
            ActivityEvent.kind,
            ActivityEvent.title,
        )
        .where(ActivityEvent.cohort_id == cohort_id, ActivityEvent.deleted_at.is_(None))
        .order_by(ActivityEvent.event_date.desc(), ActivityEvent.start_time.desc(), ActivityEvent.id.desc())
    )
    with reading(ctx) as s:
        rows = s.execute(stmt).all()
        shown = masking.text_masker(s, masking.personal_masked(ctx))  # a title may name a member
    choices = [
        EventChoice(
            eid,
            f"{day:%Y-%m-%d} ({WEEKDAYS[day.weekday()]})"
            + (f" {start:%H:%M}" if start else "")
            + f" {kind.label} · {shown(title)}",
            day,
        )
        for eid, day, start, kind, title in rows
    ]
    upcoming = [c for c in choices if c.event_date >= today]
    default = upcoming[-1].id if upcoming else (choices[0].id if choices else None)
    return choices, default


def _expected(s: Session, event: ActivityEvent) -> list[tuple[int, str, str | None]]:
    """(member id, name, team) of the members expected at the event, by team then name."""
    no_team_last = case((Team.id.is_(None), 1), else_=0)
    stmt = (
        select(Member.id, Member.name, Team.name)
        .select_from(Enrollment)
        .join(Member, Member.id == Enrollment.member_id)
        .outerjoin(Team, (Team.id == Enrollment.team_id) & Team.deleted_at.is_(None))
        .where(
            Enrollment.cohort_id == event.cohort_id,
            Enrollment.deleted_at.is_(None),
            Member.deleted_at.is_(None),
        )
        .order_by(no_team_last, Team.sort_order, Member.name, Enrollment.id)
    )
    if event.inspection_id is not None or event.kind == EventKind.INSPECTION:
        assigned = select(InspectionAssignment.enrollment_id).where(
            InspectionAssignment.inspection_id == event.inspection_id
        )
        stmt = stmt.where(Enrollment.id.in_(assigned))
    else:
        day = event.event_date
        stmt = stmt.where(
            and_(Enrollment.joined_on <= day, or_(Enrollment.left_on.is_(None), Enrollment.left_on >= day))
        )
    return [(member_id, name, team) for member_id, name, team in s.execute(stmt)]


def signin_sheet_data(ctx: ServiceContext, event_id: int, masked: bool = True) -> SignInSheetData:
    masked = masked or masking.personal_masked(ctx)  # a preview follows the one masking rule
    with reading(ctx) as s:
        return _data(s, event_id, masked)


def _data(s: Session, event_id: int, masked: bool, people: list[int] | None = None) -> SignInSheetData:
    """The sheet; `people` (when given) receives the member ids on it, for the access log."""
    event = load_event(s, event_id)
    org = named_organization(s, "출석 서명부").name
    cohort = s.get(Cohort, event.cohort_id)
    cohort_name = cohort.name if cohort is not None else ""
    if cohort is not None and f"제{cohort.number}기" not in cohort_name:
        cohort_name = f"제{cohort.number}기 {cohort_name}"
    expected = _expected(s, event)
    if people is not None:
        people.extend(member_id for member_id, _name, _team in expected)
    rows = tuple(
        SignInRow(n, masking.name(name, masked), team) for n, (_id, name, team) in enumerate(expected, 1)
    )
    return SignInSheetData(
        org,
        cohort_name,
        masking.text_masker(s, masked)(event.title) or "",
        event.kind.label,
        event.event_date,
        f"{event.start_time:%H:%M}" if event.start_time else "",
        event.location,
        masked,
        rows,
        today_local(),
    )


@writes(Permission.PANEL_WORK)
def write_signin_sheet(
    ctx: ServiceContext,
    event_id: int,
    path: str | Path,
    *,
    masked: bool = True,
    purpose: str | None = None,
) -> SignInResult:
    """Write the event's sign-in sheet to `path` (.pdf). Names in full (`masked=False`) need a
    purpose, which is logged; the default masks them."""
    from panelapp.reports.signin_sheet import render_signin_sheet

    path = Path(path)
    if path.suffix.lower() != ".pdf":
        raise DomainError("서명부 파일 이름은 .pdf로 끝나야 합니다.")
    reason = None if masked else normalize_text(purpose, F_PURPOSE, 200, required=True)
    people: list[int] = []
    with reading(ctx) as s:
        data = _data(s, event_id, masked, people)
    pdf, pages = render_signin_sheet(data)
    with AtomicFile(path) as out:
        assert out.file is not None
        out.file.write(pdf)
        with transaction(ctx) as s:
            record(
                s,
                ctx,
                "print" if reason is None else "print_unmasked",
                members=people,
                purpose=reason,
                detail=f"list=출석 서명부; event_id={event_id}; names={len(data.rows)}; file={path.name}",
            )
            out.commit()  # a failed rename rolls the log entry back
    return SignInResult(str(path), pages, len(data.rows), masked)
