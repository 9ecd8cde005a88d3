"""The report's figures, each defined once: checklist scores, acceptance, time to answer, overdue.

Pure functions over plain values, so the summary page, the .xlsx and the tests agree.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable

from panelapp.domain.enums import ChecklistItemKind, ProposalStatus

# 추진중 and 완료 come only after 채택 or 부분채택, so they count as accepted.
ACCEPTED = frozenset({ProposalStatus.ACCEPTED, ProposalStatus.PARTIAL, ProposalStatus.IN_PROGRESS,
                      ProposalStatus.DONE})
DECLINED = frozenset({ProposalStatus.DECLINED})
OPEN = frozenset({ProposalStatus.SUBMITTED, ProposalStatus.REVIEWING})


def item_points(kind: ChecklistItemKind, value: str | None) -> float | None:
    """One answer on a 0–1 scale: 예 1, 아니오 0; score k of 1–5 → (k−1)/4. Unscored: None."""
    if value is None:
        return None
    value = value.strip().lower()
    if kind == ChecklistItemKind.YES_NO:
        return {"yes": 1.0, "no": 0.0}.get(value)
    if kind == ChecklistItemKind.SCORE and value in {"1", "2", "3", "4", "5"}:
        return (int(value) - 1) / 4
    return None


def score_100(points: Iterable[float]) -> float | None:
    """Mean of scored answers on a 100-point scale; None when nothing was scored."""
    values = list(points)
    return None if not values else round(100 * sum(values) / len(values), 1)


def acceptance_rate(statuses: Iterable[ProposalStatus]) -> tuple[int, int, float | None]:
    """(accepted, declined, accepted / decided); None while nothing was decided."""
    statuses = list(statuses)
    accepted = sum(1 for s in statuses if s in ACCEPTED)
    declined = sum(1 for s in statuses if s in DECLINED)
    decided = accepted + declined
    return accepted, declined, (None if decided == 0 else accepted / decided)


def days_to_answer(submitted_on: dt.date, answered_on: dt.date | None) -> int | None:
    return None if answered_on is None else (answered_on - submitted_on).days


def median_days(days: Iterable[int | None]) -> float | None:
    values = [d for d in days if d is not None]
    return None if not values else float(statistics.median(values))


def is_overdue(status: ProposalStatus, due_on: dt.date | None, answered_on: dt.date | None,
               today: dt.date) -> bool:
    """Past its due date and still waiting for an answer (접수 or 검토중)."""
    return due_on is not None and due_on < today and answered_on is None and status in OPEN
