"""진행률 of an accepted proposal (issue 14 item 4), as one pure rule every output follows.

A proposal has a progress only once it is adopted (채택 · 부분채택 · 추진중 · 완료) and is not
marked as a duplicate; every other one (접수, 검토중, 불채택, a duplicate) has none and stays out of
every roll-up. For an adopted one:

1. 완료 → 100 %.
2. With 추진 단계 (milestones) → the weighted share of the steps done (a 완료일 given), by each
   step's weight (1 unless given), rounded half up to a whole percent.
3. Without milestones → the latest 진행 상황 update's % (the newest entry that gave one).
4. Otherwise 0 %.

Two decisions:
- **Milestones win when present.** A 진행 상황 update's % is typed by hand; the steps say what is
  actually done. The update stays in the history with its %, but once a proposal has steps the
  figure is theirs, so the two can never show different numbers on one screen.
- **100 % means 완료.** Until the proposal is marked done its figure stops at 99 %, even when every
  step is done or an update said 100 %: the department still has to 완료 처리 it (with 완료 내용),
  and a report reading "100 %" beside "추진중" would contradict itself.

`services/proposals/milestones.progress_sql` is this rule in SQL for the roll-ups; the tests hold
both to the same answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from panelapp.domain.enums import ProposalStatus as PS

ADOPTED = (PS.ACCEPTED, PS.PARTIAL, PS.IN_PROGRESS, PS.DONE)
DONE_PERCENT = 100
OPEN_CEILING = 99  # the most an adopted proposal not yet 완료 shows
MAX_WEIGHT = 100


@dataclass(frozen=True)
class MilestoneState:
    """What the rule needs of one step: its weight and whether it is done."""

    weight: int
    done: bool


def weighted_share(milestones: Sequence[MilestoneState]) -> int:
    """Done weight over total weight in whole percent, rounded half up (0 when there is none)."""
    total = sum(m.weight for m in milestones)
    if total <= 0:
        return 0
    done = sum(m.weight for m in milestones if m.done)
    return (200 * done + total) // (2 * total)


def progress_percent(
    status: PS,
    milestones: Sequence[MilestoneState] = (),
    latest_update: int | None = None,
    duplicate: bool = False,
) -> int | None:
    """The proposal's 진행률 in %, or None when it is not in the roll-ups (module docstring)."""
    if duplicate or status not in ADOPTED:
        return None
    if status == PS.DONE:
        return DONE_PERCENT
    if milestones:
        value = weighted_share(milestones)
    elif latest_update is not None:
        value = latest_update
    else:
        value = 0
    return max(0, min(OPEN_CEILING, value))


ALL_STEPS_DONE = "모든 단계를 마쳤습니다. 완료 처리하면 100%가 됩니다."


def all_steps_done_note(status: PS, done: Sequence[bool]) -> str:
    """Why a proposal whose every step is done shows 99 % (rule 2 of the module docstring): the
    sentence to show beside its 진행률, or "" when that is not the case."""
    if status == PS.DONE or status not in ADOPTED or not done or not all(done):
        return ""
    return ALL_STEPS_DONE


def percent_text(value: int | None) -> str:
    """42 → "42%", None (not adopted) → "–"."""
    return "–" if value is None else f"{value}%"


def mean_text(value: float | None) -> str:
    """The mean progress as printed: a whole percent, half up; "–" when nothing is adopted."""
    if value is None:
        return "–"
    from panelapp.domain.formatting import shown

    return f"{int(shown(value, 0))}%"


def is_overdue_milestone(planned_on: dt.date, done_on: dt.date | None, today: dt.date) -> bool:
    """A step not done whose 예정일 is before today (its own day is still on time)."""
    return done_on is None and planned_on < today


@dataclass(frozen=True)
class ProgressFigures:
    """추진 현황 of a group (a cohort, a department, a facility): the adopted proposals, how many
    are 완료, their mean 진행률 and how many steps of the open ones are past their 예정일."""

    label: str
    accepted: int
    done: int
    mean: float | None  # None when nothing is adopted
    overdue_milestones: int = 0
    key: int | None = None  # the department's or facility's id; None for the cohort or 미지정
    total: bool = False  # the 전체 row

    @property
    def mean_text(self) -> str:
        return mean_text(self.mean)

    def cells(self) -> tuple[str, ...]:
        """The row as every output prints it, in PROGRESS_HEADERS' order."""
        return (
            self.label,
            f"{self.accepted:,}",
            f"{self.done:,}",
            self.mean_text,
            f"{self.overdue_milestones:,}",
        )

    @property
    def text(self) -> str:
        """ "채택 12건 중 완료 5건, 평균 진행률 63%": the one wording of every output."""
        if self.accepted == 0:
            return "채택된 제안이 없습니다"
        return f"채택 {self.accepted:,}건 중 완료 {self.done:,}건, 평균 진행률 {self.mean_text}"


def figures_of(label: str, proposals: Iterable[tuple[PS, int | None]]) -> ProgressFigures:
    """The figures of (status, progress) pairs; a progress of None is left out."""
    values = [(status, value) for status, value in proposals if value is not None]
    mean = sum(v for _s, v in values) / len(values) if values else None
    return ProgressFigures(label, len(values), sum(1 for s, _v in values if s == PS.DONE), mean)


# the history entries 추진 단계 writes (proposal_events.kind), told apart from 진행 상황 updates
MILESTONE_ADDED = "milestone_add"
MILESTONE_EDITED = "milestone_edit"
MILESTONE_DONE = "milestone_done"
MILESTONE_UNDONE = "milestone_undone"
MILESTONE_MOVED = "milestone_order"
MILESTONE_DELETED = "milestone_delete"
MILESTONE_EVENT_LABELS = {
    MILESTONE_ADDED: "추진 단계 추가",
    MILESTONE_EDITED: "추진 단계 수정",
    MILESTONE_DONE: "추진 단계 완료",
    MILESTONE_UNDONE: "추진 단계 완료 취소",
    MILESTONE_MOVED: "추진 단계 순서 변경",
    MILESTONE_DELETED: "추진 단계 삭제",
}


def latest_update(updates: Iterable[tuple[dt.date | None, int | None]]) -> int | None:
    """The % of the latest 진행 상황 update that gave one: `updates` are (기준일, %) in the order
    they were posted; the latest 기준일 wins, a later post the tie (an update without 기준일 counts
    as older than any with one)."""
    best: tuple[bool, dt.date, int] | None = None
    value: int | None = None
    for n, (on, percent) in enumerate(updates):
        if percent is None:
            continue
        key = (on is not None, on or dt.date.min, n)
        if best is None or key > best:
            best, value = key, percent
    return value


PROGRESS_HEADERS = ("담당부서", "채택", "완료", "평균 진행률", "예정일 지난 단계")
