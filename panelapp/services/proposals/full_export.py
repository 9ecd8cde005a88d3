"""Every proposal of a cohort to one file, for the institution's own records and analysis
(`panelapp proposals export --cohort N -o FILE.xlsx|.csv`, issue 14 item 10).

Unlike 엑셀로 내보내기 of the 개선제안 page (proposals/export.py: the rows the page's filters
show), this is the whole cohort, with the figures of 부서별 답변 처리 per proposal: working days to
answer (domain/working_days.py), the due date and whether the answer came by it. The .xlsx has
a second sheet, 처리 이력 (every status change with its date, account and note), and a third,
내보내기 정보; a .csv holds the main sheet only.

Columns:
- 번호: the proposal's number (its id, as the window's detail shows it).
- 심각도: the highest severity of its linked findings; 분류: their categories (가나다 order of
  the enum, joined by ", "); both empty for a proposal made without findings.
- 답변 소요(근무일): working days from 접수 to the answer; empty while unanswered.
- 기한 내 답변: 예 when answered on or before the due date, 아니오 when after it; empty while
  unanswered or without a due date.
- 완료 예정일: the date the department gave with its 추진 계획; 완료일: when it was marked done.
- 진행률: the proposal's progress by the one rule (domain/proposal_progress.py): 100 % once done,
  the weighted share of its 추진 단계 done when it has steps, else the latest 진행 상황 update's
  percentage, else 0 %; empty for a proposal not adopted (접수, 검토중, 불채택) or a duplicate.
- 확인 결과: the next visit's check (issue 14 item 7, services/results/verifications.py): the
  latest recorded one, "개선 확인 (2026-06-10)" or "미흡 (2026-06-10)" (with ", 다시 완료·확인 전"
  once completed again); "확인 전" for a done proposal no visit has checked; empty otherwise.
- 중복 원본: for a proposal marked as a duplicate (proposals/duplicate_marks.py), its original's
  번호; such a proposal is listed (it stays on record) but left out of every count.
- 제안자: the proposing member's name, masked (김*희) unless a purpose is given; the export is
  written to the access log either way (services/audit/log.record), with the purpose if unmasked.
A 부서 담당자 exports their department's proposals only (permissions.department_scope).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from panelapp.db.models import (
    Cohort,
    Department,
    Enrollment,
    Facility,
    Finding,
    Member,
    Proposal,
    ProposalEvent,
    User,
    proposal_findings,
)
from panelapp.domain.enums import FindingCategory, Severity
from panelapp.domain.errors import DomainError, NotFoundError
from panelapp.domain.localtime import now_local, to_local, today_local
from panelapp.domain.validation import normalize_text
from panelapp.domain.working_days import WorkingCalendar
from panelapp.io.roster_export import PERCENT_FORMAT, write_table
from panelapp.io.workbook import AtomicFile, Sheet, SheetColumn, write_workbook
from panelapp.services import masking
from panelapp.services.audit.log import record
from panelapp.services.context import ServiceContext, transaction
from panelapp.services.permissions import Permission, department_scope, writes
from panelapp.services.results.verifications import check_text, latest_checks

TITLE = "개선제안 전체"
HISTORY = "처리 이력"
F_PURPOSE = "내보내기 목적"

COLUMNS: tuple[tuple[str, float], ...] = (
    ("번호", 8),
    ("제목", 40),
    ("시설", 22),
    ("담당부서", 16),
    ("상태", 10),
    ("심각도", 10),
    ("분류", 18),
    ("접수일", 12),
    ("답변일", 12),
    ("답변 소요(근무일)", 12),
    ("답변 기한", 12),
    ("기한 내 답변", 10),
    ("완료 예정일", 12),
    ("진행률", 10),
    ("완료일", 12),
    ("확인 결과", 14),
    ("중복 원본", 10),
    ("제안자", 12),
)
HISTORY_COLUMNS: tuple[tuple[str, float], ...] = (
    ("번호", 8),
    ("제목", 40),
    ("일시", 18),
    ("이전 상태", 10),
    ("새 상태", 10),
    ("처리자", 14),
    ("메모", 50),
    ("기준일", 12),
    ("진행률(%)", 9),
)
PROGRESS_COLUMN = [h for h, _w in COLUMNS].index("진행률")
_SEVERITY_RANK = {s: n for n, s in enumerate(Severity)}  # LOW < MEDIUM < HIGH < URGENT
_CATEGORY_ORDER = {c: n for n, c in enumerate(FindingCategory)}


@dataclass(frozen=True)
class FullExportResult:
    path: str
    rows: int
    events: int  # rows of 처리 이력 (0 for a .csv)
    masked: bool


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise DomainError(
            f"'{path.suffix or path.name}' 형식으로는 저장할 수 없습니다. .xlsx 또는 .csv로 저장해 주세요."
        )
    return suffix


@writes(Permission.PANEL_WORK)
def export_all_proposals(
    ctx: ServiceContext,
    cohort_id: int,
    path: str | Path,
    *,
    purpose: str | None = None,
    today: dt.date | None = None,
) -> FullExportResult:
    """Write every live proposal of the cohort (oldest first) to `path` (.xlsx or .csv)."""
    path = Path(path)
    suffix = _suffix(path)
    reason = normalize_text(purpose, F_PURPOSE, 200, required=True) if (purpose or "").strip() else None
    today = today or today_local()
    with transaction(ctx) as s:
        cohort = s.get(Cohort, cohort_id)
        if cohort is None or cohort.deleted_at is not None:
            raise NotFoundError("기수")
        if masking.personal_masked(ctx, s):
            reason = None  # the masked roles get masked files whatever they give (masking.output_masked)
        scope = department_scope(ctx, s)
        shown = masking.text_masker(s, reason is None)  # members' names in titles and notes
        rows = _proposal_rows(s, cohort_id, scope, masked=reason is None, today=today, shown=shown)
        events = 0
        if suffix == ".csv":
            count = write_table(
                path,
                [h for h, _w in COLUMNS],
                rows,
                sheet_title=TITLE,
                number_formats={PROGRESS_COLUMN: PERCENT_FORMAT},
            )
            _record(s, ctx, cohort_id, count, reason, path)
        else:
            history = list(_history_rows(s, cohort_id, scope, shown))
            events = len(history)
            with AtomicFile(path) as out:
                assert out.file is not None
                counts = write_workbook(
                    out.file,
                    [
                        Sheet(
                            TITLE,
                            [
                                SheetColumn(h, w, number_format=PERCENT_FORMAT if h == "진행률" else None)
                                for h, w in COLUMNS
                            ],
                            rows,
                        ),
                        Sheet(HISTORY, [SheetColumn(h, w) for h, w in HISTORY_COLUMNS], history),
                        Sheet(
                            "내보내기 정보",
                            [SheetColumn("항목", 16), SheetColumn("내용", 60)],
                            _info(cohort.name, reason, scope is not None),
                        ),
                    ],
                )
                count = counts[0]
                _record(s, ctx, cohort_id, count, reason, path)
                out.commit()  # a failed rename rolls the log entry back
    return FullExportResult(str(path), count, events, reason is None)


def _record(
    s: Session, ctx: ServiceContext, cohort_id: int, count: int, reason: str | None, path: Path
) -> None:
    record(
        s,
        ctx,
        "export" if reason is None else "export_unmasked",
        count=count,
        purpose=reason,
        detail=f"list={TITLE}; cohort_id={cohort_id}; rows={count}; file={path.name}",
    )


def _info(cohort: str, reason: str | None, scoped: bool) -> Iterator[list[object]]:
    yield ["목록", TITLE]
    yield ["기수", cohort]
    yield ["만든 때", f"{now_local():%Y-%m-%d %H:%M}"]
    yield ["제안자 이름", "가리지 않음 (목적: " + reason + ")" if reason else "가림 (예: 김*희)"]
    if scoped:
        yield ["범위", "내 부서의 개선제안만"]
    yield [
        "진행률",
        "완료 100%; 추진 단계가 있으면 완료한 단계의 비중(가중치), 없으면 마지막 진행 상황의 진행률, "
        "그것도 없으면 0%; 완료 전에는 99%까지; 채택되지 않은 제안은 비움",
    ]
    yield [
        "확인 결과",
        "완료 뒤 다음 점검의 현장 확인 (개선 확인 / 미흡, 점검일); 확인 전: 아직 확인하지 않은 완료",
    ]
    yield ["중복 원본", "중복으로 표시된 제안의 원본 번호 (중복 제안은 집계에서 빠집니다)"]


def _kinds(s: Session, cohort_id: int, scope: int | None) -> dict[int, tuple[Severity | None, str]]:
    """proposal id → (highest severity, "안전, 시설물") of its live linked findings."""
    q = (
        select(proposal_findings.c.proposal_id, Finding.severity, Finding.category)
        .join(Finding, Finding.id == proposal_findings.c.finding_id)
        .join(Proposal, Proposal.id == proposal_findings.c.proposal_id)
        .where(Proposal.cohort_id == cohort_id, Proposal.deleted_at.is_(None), Finding.deleted_at.is_(None))
    )
    if scope is not None:
        q = q.where(Proposal.department_id == scope)
    severities: dict[int, Severity] = {}
    categories: dict[int, set[FindingCategory]] = defaultdict(set)
    for pid, severity, category in s.execute(q):
        if pid not in severities or _SEVERITY_RANK[severity] > _SEVERITY_RANK[severities[pid]]:
            severities[pid] = severity
        categories[pid].add(category)
    return {
        pid: (severities[pid], ", ".join(c.label for c in sorted(cats, key=_CATEGORY_ORDER.__getitem__)))
        for pid, cats in categories.items()
    }


def _progress(s: Session, cohort_id: int, scope: int | None, today: dt.date) -> dict[int, float]:
    """proposal id → 진행률 as a fraction, by the rule's SQL (proposals/milestones.progress_rows)."""
    from panelapp.services.proposals.milestones import progress_by_proposal

    where = [Proposal.cohort_id == cohort_id]
    if scope is not None:
        where.append(Proposal.department_id == scope)
    return {pid: percent / 100 for pid, percent in progress_by_proposal(s, today, *where).items()}


def _proposal_rows(
    s: Session,
    cohort_id: int,
    scope: int | None,
    masked: bool,
    today: dt.date,
    shown: Callable[[str | None], str | None],
) -> list[list[object]]:
    q = (
        select(
            Proposal.id,
            Proposal.title,
            Facility.name,
            Department.name,
            Proposal.status,
            Proposal.submitted_on,
            Proposal.answered_on,
            Proposal.due_on,
            Proposal.expected_on,
            Proposal.completed_on,
            Member.name,
            Proposal.duplicate_of_id,
        )
        .outerjoin(Facility, Facility.id == Proposal.facility_id)
        .outerjoin(Department, Department.id == Proposal.department_id)
        .outerjoin(Enrollment, Enrollment.id == Proposal.proposer_enrollment_id)
        .outerjoin(Member, Member.id == Enrollment.member_id)
        .where(Proposal.cohort_id == cohort_id, Proposal.deleted_at.is_(None))
        .order_by(Proposal.submitted_on, Proposal.id)
    )
    if scope is not None:
        q = q.where(Proposal.department_id == scope)
    found = s.execute(q).all()
    kinds = _kinds(s, cohort_id, scope)
    progress = _progress(s, cohort_id, scope, today)
    checks = latest_checks(s, cohort_id, scope)
    dates = [d for r in found for d in (r.submitted_on, r.answered_on) if d is not None]
    calendar = WorkingCalendar(min(dates), max(dates)) if dates else None
    out: list[list[object]] = []
    for (
        pid,
        title,
        facility,
        department,
        status,
        submitted,
        answered,
        due,
        expected,
        done,
        proposer,
        dup,
    ) in found:
        severity, categories = kinds.get(pid, (None, ""))
        days = calendar.between(submitted, answered) if calendar is not None and answered else None
        on_time = None if answered is None or due is None else ("예" if answered <= due else "아니오")
        name = masking.name(proposer, masked)
        out.append(
            [
                pid,
                shown(title),
                facility,
                department or "미지정",
                status.label,
                severity.label if severity is not None else None,
                categories or None,
                submitted,
                answered,
                days,
                due,
                on_time,
                expected,
                progress.get(pid),
                done,
                check_text(status, checks.get(pid)),
                dup,  # 중복 원본: the original's 번호 when marked as a duplicate
                name,
            ]
        )
    return out


def _history_rows(
    s: Session, cohort_id: int, scope: int | None, shown: Callable[[str | None], str | None]
) -> Iterator[list[object]]:
    q = (
        select(
            Proposal.id,
            Proposal.title,
            ProposalEvent.at,
            ProposalEvent.from_status,
            ProposalEvent.to_status,
            User.name,
            ProposalEvent.note,
            ProposalEvent.happened_on,
            ProposalEvent.progress,
        )
        .join(Proposal, Proposal.id == ProposalEvent.proposal_id)
        .outerjoin(User, User.id == ProposalEvent.user_id)
        .where(Proposal.cohort_id == cohort_id, Proposal.deleted_at.is_(None))
        .order_by(Proposal.submitted_on, Proposal.id, ProposalEvent.at, ProposalEvent.id)
    )
    if scope is not None:
        q = q.where(Proposal.department_id == scope)
    for pid, title, at, before, after, user, note, happened_on, percent in s.execute(q):
        yield [
            pid,
            shown(title),
            f"{to_local(at):%Y-%m-%d %H:%M}",
            before.label if before is not None else None,
            after.label,
            user,
            shown(note),
            happened_on,
            percent,
        ]


def headers() -> Sequence[str]:
    return [h for h, _w in COLUMNS]
