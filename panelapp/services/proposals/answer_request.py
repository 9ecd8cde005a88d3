"""답변 요청서 만들기: one department's proposals awaiting an answer, to a workbook the coordinator
sends to a department that does not use the program (issue 14 item 2; `panelapp answers request`).

The rows are the cohort's proposals of the department still unanswered (접수 or 검토중), nearest
처리 기한 first, each with its facts, the first photos of its findings as thumbnails, and empty
answer cells (io/answer_workbook.py). The workbook stamps the department, the cohort and each
proposal's version, which answer_import.py checks. 제안자 is masked unless a purpose is given
(masking.output_masked); the file is written to the access log either way, in the transaction
that renames it into place.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from panelapp.db.models import (
    Attachment,
    Cohort,
    Department,
    Enrollment,
    Facility,
    Finding,
    Member,
    Proposal,
    proposal_findings,
)
from panelapp.domain.answer_request import MAX_ROWS, Photo, RequestRow, Stamp
from panelapp.domain.enums import FindingCategory, Severity
from panelapp.domain.errors import DomainError, NotFoundError
from panelapp.domain.josa import josa
from panelapp.domain.localtime import now_local, today_local
from panelapp.domain.proposal_rules import UNANSWERED
from panelapp.domain.validation import normalize_text
from panelapp.io.answer_workbook import SHOWN_PHOTOS, write_request
from panelapp.io.workbook import AtomicFile, check_xlsx_path
from panelapp.services import masking
from panelapp.services.audit.log import record
from panelapp.services.context import ServiceContext, reading, transaction
from panelapp.services.exporting import Progress
from panelapp.services.permissions import Permission, writes

TITLE = "답변 요청서"
F_PURPOSE = "내보내기 목적"
F_DEPARTMENT = "담당부서"
THUMB_SIZE = 128  # pixels of the thumbnail embedded (shown at 64: sharp on a high-density screen)
FINDINGS_SHOWN = 5
_SEVERITY_RANK = {s: n for n, s in enumerate(Severity)}
_CATEGORY_ORDER = {c: n for n, c in enumerate(FindingCategory)}


@dataclass(frozen=True)
class AnswerRequestResult:
    path: str
    rows: int
    photos: int  # thumbnails embedded
    department: str
    masked: bool


def department_by_name(ctx: ServiceContext, name: str) -> tuple[int, str]:
    """(id, name) of the live department called `name` (for the command line)."""
    wanted = (name or "").strip()
    with reading(ctx) as s:
        found = s.execute(
            select(Department.id, Department.name).where(
                Department.name == wanted, Department.deleted_at.is_(None)
            )
        ).first()
        if found is None:
            known = s.scalars(
                select(Department.name).where(Department.deleted_at.is_(None)).order_by(Department.name)
            ).all()
            listed = ", ".join(known[:20]) or "등록된 부서 없음"
            raise DomainError(f"--department: '{wanted}' 부서가 없습니다. 등록된 부서: {listed}")
        return int(found[0]), str(found[1])


@writes(Permission.PANEL_WORK)
def make_answer_request(
    ctx: ServiceContext,
    cohort_id: int,
    department_id: int,
    path: str | Path,
    *,
    purpose: str | None = None,
    today: dt.date | None = None,
    token: Progress | None = None,
) -> AnswerRequestResult:
    """Write the department's answer request for the cohort to `path` (.xlsx)."""
    from panelapp.services.org.manage import named_organization

    path = check_xlsx_path(path)
    reason = normalize_text(purpose, F_PURPOSE, 200, required=True) if (purpose or "").strip() else None
    if masking.output_masked(ctx, reason):
        reason = None
    today = today or today_local()
    with transaction(ctx) as s:
        cohort = s.get(Cohort, cohort_id)
        if cohort is None or cohort.deleted_at is not None:
            raise NotFoundError("기수")
        department = s.get(Department, department_id)
        if department is None or department.deleted_at is not None:
            raise NotFoundError(F_DEPARTMENT)
        org = named_organization(s, TITLE)
        found = _proposals(s, cohort_id, department_id)
        if not found:
            raise DomainError(
                f"{cohort.name} {department.name}에 답변을 기다리는 제안(접수·검토중)이 없어 "
                f"{josa(TITLE, '을')} 만들지 않았습니다."
            )
        if len(found) > MAX_ROWS:
            raise DomainError(
                f"답변을 기다리는 제안이 {len(found):,}건이라 한 요청서({MAX_ROWS:,}건까지)에 담을 수 없습니다."
            )
        text = masking.text_masker(s, reason is None)  # members' names in titles and descriptions
        facts = _findings(s, cohort_id, department_id, text)
        photos = _photos(ctx, s, cohort_id, department_id, token)
        rows: list[RequestRow] = []
        proposers: list[int] = []
        for pid, version, title, facility, submitted, due, proposer, member_id, withdrew in found:
            severity, categories, summary = facts.get(pid, (None, None, ""))
            count, shown = photos.get(pid, (0, ()))
            if member_id is not None:
                proposers.append(int(member_id))
            rows.append(
                RequestRow(
                    pid,
                    version,
                    text(title) or "",
                    facility,
                    summary,
                    severity,
                    categories,
                    submitted,
                    due,
                    masking.name(proposer, reason is None or bool(withdrew)),
                    count,
                    shown,
                )
            )
        stamp = Stamp(
            department.id,
            department.name,
            cohort.id,
            cohort.name,
            f"{now_local():%Y-%m-%d %H:%M}",
            org.name,
            {r.proposal_id: r.version for r in rows},
            masked=reason is None,
        )
        if token is not None:
            token.progress(len(rows), len(rows), "엑셀 파일을 쓰는 중…")
        with AtomicFile(path) as out:
            assert out.file is not None
            write_request(out.file, stamp, rows, today)
            record(
                s,
                ctx,
                "export" if reason is None else "export_unmasked",
                members=proposers,
                cohort_id=cohort_id,
                count=len(rows),
                purpose=reason,
                detail=(
                    f"list={TITLE}; cohort_id={cohort_id}; department={department.name}; "
                    f"rows={len(rows)}; file={path.name}"
                ),
            )
            out.commit()  # a failed rename rolls the log entry back
    return AnswerRequestResult(
        str(path), len(rows), sum(len(r.photos) for r in rows), department.name, reason is None
    )


def _where(cohort_id: int, department_id: int) -> list[ColumnElement[bool]]:
    return [
        Proposal.cohort_id == cohort_id,
        Proposal.department_id == department_id,
        Proposal.deleted_at.is_(None),
        Proposal.duplicate_of_id.is_(None),  # a duplicate is nobody's to answer
        Proposal.status.in_(UNANSWERED),
    ]


def _proposals(s: Session, cohort_id: int, department_id: int) -> list[Any]:
    q = (
        select(
            Proposal.id,
            Proposal.version,
            Proposal.title,
            Facility.name,
            Proposal.submitted_on,
            Proposal.due_on,
            Member.name,
            Member.id,
            masking.withdrew_consent(),
        )
        .outerjoin(Facility, Facility.id == Proposal.facility_id)
        .outerjoin(Enrollment, Enrollment.id == Proposal.proposer_enrollment_id)
        .outerjoin(Member, Member.id == Enrollment.member_id)
        .where(*_where(cohort_id, department_id))
        .order_by(Proposal.due_on.is_(None), Proposal.due_on, Proposal.submitted_on, Proposal.id)
    )
    return list(s.execute(q).all())


def _findings(
    s: Session, cohort_id: int, department_id: int, text: Callable[[str | None], str | None]
) -> dict[int, tuple[str | None, str | None, str]]:
    """proposal id → (highest severity, categories, one line per live linked finding)."""
    q = (
        select(
            proposal_findings.c.proposal_id,
            Finding.title,
            Finding.location,
            Finding.description,
            Finding.severity,
            Finding.category,
        )
        .join(Finding, Finding.id == proposal_findings.c.finding_id)
        .join(Proposal, Proposal.id == proposal_findings.c.proposal_id)
        .where(*_where(cohort_id, department_id), Finding.deleted_at.is_(None))
        .order_by(proposal_findings.c.proposal_id, Finding.observed_on, Finding.id)
    )
    lines: dict[int, list[str]] = defaultdict(list)
    worst: dict[int, Severity] = {}
    kinds: dict[int, set[FindingCategory]] = defaultdict(set)
    for pid, title, location, description, severity, category in s.execute(q):
        line = (text(title) or "") + (f" ({text(location)})" if location else "")
        if description:
            said = text(" ".join(description.split())) or ""  # masked before it is cut
            line += f": {said[:120]}…" if len(said) > 120 else f": {said}"
        lines[pid].append(f"· {line}")
        if pid not in worst or _SEVERITY_RANK[severity] > _SEVERITY_RANK[worst[pid]]:
            worst[pid] = severity
        kinds[pid].add(category)
    out: dict[int, tuple[str | None, str | None, str]] = {}
    for pid, found in lines.items():
        shown = found[:FINDINGS_SHOWN]
        if len(found) > FINDINGS_SHOWN:
            shown.append(f"외 {len(found) - FINDINGS_SHOWN}건")
        categories = ", ".join(c.label for c in sorted(kinds[pid], key=_CATEGORY_ORDER.__getitem__))
        out[pid] = (worst[pid].label, categories or None, "\n".join(shown))
    return out


def _photos(
    ctx: ServiceContext, s: Session, cohort_id: int, department_id: int, token: Progress | None
) -> dict[int, tuple[int, tuple[Photo, ...]]]:
    """proposal id → (photos of its live findings, the first few as thumbnails). A photo whose
    file cannot be read is counted and left out of the thumbnails."""
    from panelapp.services.attachments.photos import make_thumbnail

    q = (
        select(proposal_findings.c.proposal_id, Attachment.sha256, Attachment.original_name)
        .join(Finding, Finding.id == proposal_findings.c.finding_id)
        .join(Proposal, Proposal.id == proposal_findings.c.proposal_id)
        .join(Attachment, (Attachment.owner_type == "finding") & (Attachment.owner_id == Finding.id))
        .where(
            *_where(cohort_id, department_id), Finding.deleted_at.is_(None), Attachment.deleted_at.is_(None)
        )
        .order_by(proposal_findings.c.proposal_id, Finding.observed_on, Finding.id, Attachment.id)
    )
    found = s.execute(q).all()
    counts: dict[int, int] = defaultdict(int)
    shown: dict[int, list[Photo]] = defaultdict(list)
    for i, (pid, sha, name) in enumerate(found):
        counts[pid] += 1
        if len(shown[pid]) >= SHOWN_PHOTOS:
            continue
        if token is not None:
            token.check()
            token.progress(i, len(found), "사진 미리보기를 만드는 중…")
        try:
            thumb = make_thumbnail(ctx.db, sha, THUMB_SIZE)
            shown[pid].append(Photo(name, thumb.read_bytes()))
        except (DomainError, OSError, ValueError):
            continue  # the file is gone or unreadable: counted, not shown
        except Exception as exc:  # noqa: BLE001 - Pillow's own errors for a broken image file
            if type(exc).__module__.startswith("PIL"):
                continue
            raise
    return {pid: (n, tuple(shown.get(pid, ()))) for pid, n in counts.items()}
