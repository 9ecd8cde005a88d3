"""Several proposals answered or moved at once (issue 14 item 5): one step, one text, one
transaction, one history entry per proposal.

Each proposal goes through the desk's own workflow step (manage.move_in), so every rule is the
single proposal's. All or nothing: a proposal a rule refuses is named by its 번호 and nothing is
saved; so is every proposal someone else changed since the list was read (the versions the
caller read are compared first).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from panelapp.db.models import Proposal
from panelapp.domain.enums import ProposalStatus
from panelapp.domain.errors import DomainError, ValidationError, ValidationErrors
from panelapp.domain.josa import josa
from panelapp.domain.localtime import today_local
from panelapp.services.context import ServiceContext, transaction
from panelapp.services.permissions import Permission, PermissionDenied, writes
from panelapp.services.proposals.manage import move_in

MAX_PROPOSALS = 500  # one dialog's worth; a bigger selection is refused before anything is read


@dataclass(frozen=True)
class BulkItem:
    proposal_id: int
    version: int  # as the list showed it


@dataclass(frozen=True)
class BulkResult:
    to_status: ProposalStatus
    proposal_ids: tuple[int, ...]


class BulkRefused(DomainError):
    """One proposal of the batch was refused: nothing was saved. `proposal_id` names it."""

    def __init__(self, proposal_id: int, message: str):
        super().__init__(message)
        self.proposal_id = proposal_id


class BulkStale(DomainError):
    """Proposals changed (or deleted) since the list was read: nothing was saved."""

    def __init__(self, proposal_ids: Sequence[int]):
        self.proposal_ids = tuple(proposal_ids)
        names = ", ".join(f"{pid}번" for pid in self.proposal_ids)
        super().__init__(
            f"목록을 읽은 뒤 다른 사용자가 {josa(f'제안 {names}', '을')} 바꾸거나 삭제했습니다. 아무것도 저장하지 "
            "않았습니다. 목록을 다시 불러와 확인한 뒤 다시 처리해 주세요."
        )


@writes(Permission.PROPOSAL_ANSWER)
def move_many(
    ctx: ServiceContext,
    items: Sequence[BulkItem],
    to_status: ProposalStatus,
    *,
    answer: str | None = None,
    decline_reason: str | None = None,
    note: str | None = None,
    on: dt.date | None = None,
    result: str | None = None,
    plan: str | None = None,
    expected_on: dt.date | None = None,
    today: dt.date | None = None,
) -> BulkResult:
    """Move every proposal of `items` to `to_status` with the same texts, all or nothing."""
    today = today or today_local()
    to_status = ProposalStatus(to_status)  # a form's combo may hand back the plain value
    ids = list(dict.fromkeys(i.proposal_id for i in items))
    if not ids:
        raise DomainError("처리할 제안을 목록에서 하나 이상 골라 주세요.")
    if len(ids) > MAX_PROPOSALS:
        raise DomainError(
            f"한 번에 {MAX_PROPOSALS:,}건까지 처리할 수 있습니다. {len(ids):,}건을 나누어 처리해 주세요."
        )
    seen = {i.proposal_id: i.version for i in items}
    with transaction(ctx) as s:
        found = {
            p.id: p
            for p in s.scalars(
                select(Proposal).where(Proposal.id.in_(ids)).order_by(Proposal.id).with_for_update()
            )
        }
        stale = [
            pid
            for pid in ids
            if pid not in found or found[pid].deleted_at is not None or found[pid].version != seen[pid]
        ]
        if stale:
            raise BulkStale(sorted(stale))
        for pid in sorted(ids):
            p = found[pid]
            try:
                move_in(
                    ctx,
                    s,
                    p,
                    to_status,
                    note=note,
                    answer=answer,
                    decline_reason=decline_reason,
                    on=on,
                    today=today,
                    result=result,
                    plan=plan,
                    expected_on=expected_on,
                )
            except (ValidationErrors, ValidationError) as exc:
                # the form shows each beside its field; the sentence names the proposal
                errors = exc.errors if isinstance(exc, ValidationErrors) else [exc]
                named = [ValidationError(e.field, f"제안 {pid}번('{p.title}'): {e.detail}") for e in errors]
                ValidationErrors.raise_if_any(named)
            except (PermissionDenied, DomainError) as exc:
                raise BulkRefused(
                    pid, f"제안 {pid}번('{p.title}'): {exc.message} 아무것도 저장하지 않았습니다."
                ) from None
        s.flush()
        return BulkResult(to_status, tuple(sorted(ids)))
