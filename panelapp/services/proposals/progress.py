"""진행 상황: a department's dated progress note on an adopted proposal, kept in its history.

An update is a ProposalEvent that changes no status (from_status == to_status) and carries the
day it reports on (`happened_on`) and, when given, how far the work is in percent. Like every
history entry it is never rewritten; the proposal's version moves on, so a dialog opened on an
older state is refused rather than writing over what another desk just posted.
"""

from __future__ import annotations

import datetime as dt

from panelapp.db.base import utcnow
from panelapp.db.models import ProposalEvent
from panelapp.domain.errors import DomainError, ValidationError, ValidationErrors
from panelapp.domain.localtime import today_local
from panelapp.domain.proposal_rules import PLANNED
from panelapp.domain.validation import normalize_text
from panelapp.services.context import ServiceContext, check_version, transaction
from panelapp.services.permissions import Permission, require_own_department, writes
from panelapp.services.proposals.manage import _load
from panelapp.services.proposals.queries import ProposalDetail, detail_in, shown_detail

F_NOTE, F_PROGRESS, F_ON = "진행 상황", "진행률", "기준일"


def _checked_progress(progress: int | None) -> int | None:
    if progress is None:
        return None
    if isinstance(progress, bool) or not isinstance(progress, int) or not 0 <= progress <= 100:
        raise ValidationError(F_PROGRESS, "진행률은 0부터 100 사이의 정수(%)로 적어 주세요.")
    return progress


@writes(Permission.PROPOSAL_ANSWER)
def post_progress(
    ctx: ServiceContext,
    proposal_id: int,
    version: int,
    note: str,
    progress: int | None = None,
    on: dt.date | None = None,
    today: dt.date | None = None,
) -> ProposalDetail:
    """A 진행 상황 update on a 채택 / 부분채택 / 추진중 proposal; `on` (기준일) defaults to today
    and lies between the answer and today."""
    today = today or today_local()
    with transaction(ctx) as s:
        p = _load(s, proposal_id)
        require_own_department(ctx, s, p.department_id)
        check_version(p, version)
        if p.status not in PLANNED:
            raise DomainError(
                "진행 상황은 채택·부분채택·추진중인 제안에만 남길 수 있습니다. "
                f"이 제안의 지금 상태는 '{p.status.label}'입니다."
            )
        errors: list[ValidationError] = []
        text: str | None = None
        try:
            text = normalize_text(note, F_NOTE, 2000, required=True)
        except ValidationError as e:
            errors.append(e)
        try:
            progress = _checked_progress(progress)
        except ValidationError as e:
            errors.append(e)
        day = on or today
        start = p.answered_on or p.submitted_on
        if day > today:
            errors.append(ValidationError(F_ON, "기준일은 오늘 이후일 수 없습니다."))
        elif day < start:
            errors.append(ValidationError(F_ON, f"기준일은 답변일({start:%Y-%m-%d})보다 앞설 수 없습니다."))
        ValidationErrors.raise_if_any(errors)
        s.add(
            ProposalEvent(
                proposal_id=p.id,
                user_id=ctx.user_id,
                from_status=p.status,
                to_status=p.status,
                note=text,
                happened_on=day,
                progress=progress,
            )
        )
        p.updated_at = utcnow()  # the version moves on
        s.flush()
        return shown_detail(ctx, s, detail_in(s, p.id, today))
