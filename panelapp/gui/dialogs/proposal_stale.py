"""What another desktop did to a proposal while one of its step dialogs was open (a workflow
step, its linked findings, a progress note): the rows gui/core/stale_step shows."""

from __future__ import annotations

from panelapp.gui.core.stale_step import StepRow


def last_event_text(detail) -> str:
    """ "검토중 → 채택 · 김담당 · 12-03" for the proposal's latest history entry."""
    if not detail.events:
        return ""
    e = detail.events[-1]
    if e.kind is not None:
        from panelapp.domain.duplicates import EVENT_LABELS
        from panelapp.domain.proposal_progress import MILESTONE_EVENT_LABELS

        label = EVENT_LABELS.get(e.kind) or MILESTONE_EVENT_LABELS.get(e.kind, e.kind)
        return " · ".join(p for p in (label, e.user_name or "", e.note or "") if p)
    step = f"진행 상황 {e.progress}%" if e.is_progress and e.progress is not None else (
        "진행 상황" if e.is_progress else f"{e.from_status.label + ' → ' if e.from_status else ''}{e.to_status.label}"
    )  # fmt: skip
    parts = [step, e.user_name or "", e.note or ""]
    return " · ".join(p for p in parts if p)


def proposal_rows(before, now, mine_status: str | None = None) -> list[StepRow]:
    """The proposal's status and latest history entry, as opened and as saved now."""
    return [
        StepRow("상태", before.status.label, now.status.label, mine_status),
        StepRow("최근 처리", last_event_text(before), last_event_text(now), None),
    ]


def fetch_proposal(window, proposal_id: int):
    from panelapp.services.proposals.queries import get_proposal

    return get_proposal(window.ctx, proposal_id)
