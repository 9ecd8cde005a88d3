"""The report's figures, each defined once and shared with the screens that show them:
checklist points (panelapp/domain/scoring.py), the proposal workflow's days and overdue
(panelapp/domain/proposal_rules.py); acceptance and the median are the dashboard's.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable

from panelapp.domain.enums import ProposalStatus
from panelapp.domain.proposal_rules import ADOPTED, days_to_answer, is_overdue  # noqa: F401 - re-exported
from panelapp.domain.scoring import Answer, overall_score, section_score  # noqa: F401 - re-exported


def acceptance_rate(statuses: Iterable[ProposalStatus]) -> tuple[int, int, float | None]:
    """(adopted, declined, adopted / (adopted + declined)); None while nothing was decided.
    Adopted = 채택·부분채택 and what only follows them (추진중, 완료)."""
    statuses = list(statuses)
    adopted = sum(1 for s in statuses if s in ADOPTED)
    declined = sum(1 for s in statuses if s == ProposalStatus.DECLINED)
    decided = adopted + declined
    return adopted, declined, (None if decided == 0 else adopted / decided)


def median_days(days: Iterable[int | None]) -> float | None:
    """Median days to answer over the answered proposals."""
    values = [d for d in days if d is not None]
    return None if not values else float(statistics.median(values))
