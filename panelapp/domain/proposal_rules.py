"""The proposal workflow (개선제안), as pure rules: allowed transitions, overdue, day counts.

Workflow:
    접수 → 검토중 → 채택 | 부분채택 | 불채택
    채택 | 부분채택 → 추진중 → 완료
Decisions made here (and shown in the UI):
- 검토중 → 접수 is allowed ("반송"): the department says the proposal is not theirs and the
  coordinator assigns it to another department; the proposal keeps its submitted date.
- 채택 | 부분채택 → 완료 is allowed directly: a fix already made when the department answers
  needs no separate 추진중 step.
- 불채택 and 완료 are final in this table. One step leaves 완료 outside it: the next visit of
  the facility checks the work (services/results/verifications.py), and a 미흡 there moves the
  proposal back to 추진중 with a history entry naming the visit. History is append-only, so a status change is not undone with
  Ctrl+Z; field edits and deletions are.
- 처리 기한 (due_on) is the department's ANSWER deadline. A new proposal's comes from the
  institution's 답변 기한 by its findings' severity and category, in working days
  (domain/answer_deadlines.py: by default 긴급(안전) 1, 높음 5, others 10); proposals made before
  that got 14 calendar days (`default_due`) and keep them; the demo follows the rules too.
  A proposal is overdue when it has a due date, that date is before today (the due day
  itself is still on time) and the department has not answered yet (status 접수 or 검토중).
  Once answered, the proposal is never overdue, whatever happens to its implementation.
"""

from __future__ import annotations

import datetime as dt

from panelapp.domain.enums import ProposalStatus as PS
from panelapp.domain.working_days import working_days_between

DEFAULT_DUE_DAYS = 14

TRANSITIONS: dict[PS, tuple[PS, ...]] = {
    PS.SUBMITTED: (PS.REVIEWING,),
    PS.REVIEWING: (PS.ACCEPTED, PS.PARTIAL, PS.DECLINED, PS.SUBMITTED),
    PS.ACCEPTED: (PS.IN_PROGRESS, PS.DONE),
    PS.PARTIAL: (PS.IN_PROGRESS, PS.DONE),
    PS.DECLINED: (),
    PS.IN_PROGRESS: (PS.DONE,),
    PS.DONE: (),
}
DECISIONS = (PS.ACCEPTED, PS.PARTIAL, PS.DECLINED)
UNANSWERED = (PS.SUBMITTED, PS.REVIEWING)
ANSWERED = (PS.ACCEPTED, PS.PARTIAL, PS.DECLINED, PS.IN_PROGRESS, PS.DONE)
ADOPTED = (PS.ACCEPTED, PS.PARTIAL, PS.IN_PROGRESS, PS.DONE)
# adopted and not done: the steps that take a 추진 계획 / 완료 예정일, the statuses that take
# 진행 상황 updates
PLANNED = (PS.ACCEPTED, PS.PARTIAL, PS.IN_PROGRESS)
OPEN = (PS.SUBMITTED, PS.REVIEWING, PS.ACCEPTED, PS.PARTIAL, PS.IN_PROGRESS)  # the desk's list

# What the button for a transition says (the target status' label unless a verb reads better).
ACTION_LABELS = {
    PS.REVIEWING: "검토 시작",
    PS.ACCEPTED: "채택",
    PS.PARTIAL: "부분채택",
    PS.DECLINED: "불채택",
    PS.IN_PROGRESS: "추진 시작",
    PS.DONE: "완료 처리",
    PS.SUBMITTED: "접수로 반송",
}


def allowed_next(status: PS) -> tuple[PS, ...]:
    return TRANSITIONS[status]


def can_move(from_status: PS, to_status: PS) -> bool:
    return to_status in TRANSITIONS[from_status]


def needs_answer(to_status: PS) -> bool:
    """채택 / 부분채택 / 불채택 record the department's answer text and date."""
    return to_status in DECISIONS


def needs_reason(to_status: PS) -> bool:
    return to_status == PS.DECLINED


def default_due(submitted_on: dt.date) -> dt.date:
    """The old fixed deadline (14 calendar days); new proposals use answer_deadlines.due_date."""
    return submitted_on + dt.timedelta(days=DEFAULT_DUE_DAYS)


def days_between(start: dt.date | None, end: dt.date | None) -> int | None:
    """Whole days from start to end (same day = 0); None when either is missing."""
    if start is None or end is None:
        return None
    return (end - start).days


def days_to_answer(submitted_on: dt.date, answered_on: dt.date | None) -> int | None:
    """Working days (근무일) from 접수 to the answer, as 부서별 답변 처리 counts them
    (domain/working_days.py: a proposal answered the day it came took 0, one received on Friday
    and answered on Monday 1); None while unanswered. Every screen and paper shows this figure."""
    if answered_on is None:
        return None
    return working_days_between(submitted_on, answered_on)


def days_to_completion(submitted_on: dt.date, completed_on: dt.date | None) -> int | None:
    return days_between(submitted_on, completed_on)


def is_overdue(status: PS, due_on: dt.date | None, today: dt.date) -> bool:
    """Unanswered (접수/검토중) with a due date before today. See the module docstring."""
    return status in UNANSWERED and due_on is not None and due_on < today


def days_overdue(status: PS, due_on: dt.date | None, today: dt.date) -> int:
    if due_on is None or not is_overdue(status, due_on, today):
        return 0
    return (today - due_on).days
