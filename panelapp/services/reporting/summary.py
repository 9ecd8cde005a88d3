"""The report's summary page figures, counted from the rows the report shows (so they agree)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from panelapp.domain.enums import (
    EnrollmentStatus,
    FindingCategory,
    InspectionStatus,
    ProposalStatus,
    Severity,
)
from panelapp.domain.inspection_info import AWAITING_LABEL, is_awaiting_results
from panelapp.domain.report_data import Summary, Tally
from panelapp.services.reporting import figures as fig


def _months(start: dt.date, end: dt.date) -> list[tuple[int, int]]:
    out, (y, m) = [], (start.year, start.month)
    while (y, m) <= (end.year, end.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _status_tallies(inspections, today: dt.date | None) -> tuple[Tally, ...]:
    """Visits by status, the 예정 whose day had passed by the report's date apart as 결과 미입력
    (as the dashboard and the schedule show them), when there are any."""
    statuses = Counter(r.status for r in inspections)
    late = (
        sum(1 for r in inspections if is_awaiting_results(r.status, r.scheduled_date, today))
        if today is not None
        else 0
    )
    out = []
    for st in InspectionStatus:
        if st == InspectionStatus.PLANNED and late:
            out += [Tally(st.label, statuses[st] - late), Tally(AWAITING_LABEL, late)]
        else:
            out.append(Tally(st.label, statuses[st]))
    return tuple(out)


def summarize(
    inspections,
    completed,
    findings,
    proposals,
    events,
    participation,
    start,
    end,
    today: dt.date | None = None,
) -> Summary:
    months = _months(start, end)
    one_year = months[0][0] == months[-1][0]
    per_month = Counter((r.scheduled_date.year, r.scheduled_date.month) for r in completed)
    severities = Counter(f.severity for f in findings)
    categories = Counter(f.category for f in findings)
    p_status = Counter(p.status for p in proposals)
    accepted, declined, rate = fig.acceptance_rate(p.status for p in proposals)
    days = [p.days_to_answer for p in proposals]
    return Summary(
        inspections_completed=len(completed),
        inspections_by_status=_status_tallies(inspections, today),
        inspections_by_month=tuple(
            Tally(f"{m}월" if one_year else f"{y % 100}.{m}", per_month[(y, m)]) for y, m in months
        ),
        facilities_inspected=len({r.facility_id for r in completed}),
        findings=len(findings),
        findings_by_severity=tuple(Tally(sv.label, severities[sv]) for sv in Severity),
        findings_by_category=tuple(Tally(c.label, categories[c.label]) for c in FindingCategory),
        proposals=len(proposals),
        proposals_by_status=tuple(Tally(st.label, p_status[st]) for st in ProposalStatus),
        accepted=accepted,
        declined=declined,
        acceptance_rate=rate,
        answered=sum(1 for d in days if d is not None),
        median_days_to_answer=fig.median_days(days),
        overdue=sum(1 for p in proposals if p.overdue),
        members=len(participation),
        participants=sum(1 for r in participation if r.attended > 0),
        events_held=sum(1 for e in events if e.held),
        attendance_hours=round(sum(r.hours for r in participation), 1),
        withdrawn=sum(1 for r in participation if r.status == EnrollmentStatus.WITHDRAWN.label),
        done=p_status[ProposalStatus.DONE],
        verified=sum(1 for p in proposals if p.status == ProposalStatus.DONE and p.verified_on is not None),
        insufficient=sum(1 for p in proposals if p.reopened),
    )
