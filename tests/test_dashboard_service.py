"""Dashboard figures equal what the database holds."""

import datetime as dt

import pytest
from dashboard_world import TODAY, build_dashboard_world

from panelapp.db.models import Proposal, proposal_findings
from panelapp.domain.enums import FindingCategory, InspectionStatus, Severity
from panelapp.domain.enums import ProposalStatus as PS
from panelapp.domain.errors import NotFoundError
from panelapp.services.context import transaction
from panelapp.services.reporting.dashboard import load_dashboard


def test_every_figure(ctx):
    w, ids = build_dashboard_world(ctx)
    d = load_dashboard(ctx, w.cohort_id, TODAY)
    assert d.cohort_name == "제7기 시민참여단"
    assert d.inspections == {
        InspectionStatus.PLANNED: 2,
        InspectionStatus.COMPLETED: 2,
        InspectionStatus.POSTPONED: 1,
        InspectionStatus.CANCELLED: 1,
    }
    assert d.findings_by_severity == {
        Severity.LOW: 1,
        Severity.MEDIUM: 0,
        Severity.HIGH: 2,
        Severity.URGENT: 2,
    }
    assert d.findings_by_category[FindingCategory.SAFETY] == 2 and d.findings_total == 5
    assert sum(d.findings_by_category.values()) == 5
    assert d.proposals_by_status == {
        PS.SUBMITTED: 2,
        PS.REVIEWING: 1,
        PS.ACCEPTED: 1,
        PS.PARTIAL: 1,
        PS.DECLINED: 1,
        PS.IN_PROGRESS: 0,
        PS.DONE: 1,
    }
    # adopted: 채택, 부분채택 and 완료 (it followed an adoption); decided adds 불채택
    assert (d.adopted, d.declined) == (3, 1) and d.acceptance_rate == pytest.approx(0.75)
    assert d.answered == 4 and d.median_days_to_answer == pytest.approx(3.0)
    # working days (근무일): 1, 1, 5, 9 (5/25 is the substitute holiday of 부처님오신날); 1, 3, 7, 14 calendar
    assert d.overdue == 1  # due 6/3 unanswered; due today is still on time; answered never overdue
    assert d.active_members == 4
    assert d.mean_hours == pytest.approx(1.0)  # 2 + 2 + 0 + 0 over four members
    assert d.mean_attendance_rate == pytest.approx(2 / 3)  # 박서연 joined after the event: left out
    assert [u.id for u in d.upcoming] == [ids["soon"]] and d.upcoming[0].facility_name == "시청 공영주차장"
    assert [u.id for u in d.urgent_without_proposal] == [ids["urgent"]]


def test_urgent_finding_leaves_once_a_proposal_covers_it(ctx):
    w, ids = build_dashboard_world(ctx)
    with transaction(ctx) as s:
        p = Proposal(cohort_id=w.cohort_id, title="미끄럼 방지", submitted_on=dt.date(2026, 6, 9))
        s.add(p)
        s.flush()
        s.execute(proposal_findings.insert().values(proposal_id=p.id, finding_id=ids["urgent"]))
        pid = p.id
    assert load_dashboard(ctx, w.cohort_id, TODAY).urgent_without_proposal == ()
    with transaction(ctx) as s:  # the proposal goes to the trash: the finding is uncovered again
        s.get(Proposal, pid).deleted_at = dt.datetime.now(dt.UTC)
    assert [u.id for u in load_dashboard(ctx, w.cohort_id, TODAY).urgent_without_proposal] == [ids["urgent"]]


def test_empty_cohort_and_missing_cohort(ctx):
    from schedule_world import build_world

    w = build_world(ctx)
    d = load_dashboard(ctx, w.cohort_id, TODAY)
    assert d.findings_total == 0 and d.proposals_total == 0 and d.acceptance_rate is None
    assert d.median_days_to_answer is None and d.mean_attendance_rate is None and d.overdue == 0
    with pytest.raises(NotFoundError):
        load_dashboard(ctx, 999, TODAY)


def test_median_from_the_day_histogram():
    from panelapp.services.reporting.dashboard import _median

    assert _median([]) is None
    assert _median([(3, 1)]) == 3
    assert _median([(1, 1), (3, 1), (7, 1), (14, 1)]) == 5.0
    assert _median([(2, 3), (9, 1)]) == 2.0  # 2, 2, 2, 9
    assert _median([(0, 1), (4, 2), (10, 2)]) == 4.0  # 0, 4, 4, 10, 10


def test_the_page_parts_add_up_to_the_whole(ctx):
    from panelapp.services.reporting.dashboard import load_findings, load_overview, load_participation

    w, ids = build_dashboard_world(ctx)
    whole = load_dashboard(ctx, w.cohort_id, TODAY)
    o, f = load_overview(ctx, w.cohort_id, TODAY), load_findings(ctx, w.cohort_id)
    p = load_participation(ctx, w.cohort_id, TODAY)
    assert (o.inspections, o.proposals_by_status, o.overdue, o.answered) == (
        whole.inspections,
        whole.proposals_by_status,
        whole.overdue,
        whole.answered,
    )
    assert (o.median_days_to_answer, o.acceptance_rate, o.upcoming) == (
        whole.median_days_to_answer,
        whole.acceptance_rate,
        whole.upcoming,
    )
    assert (f.by_severity, f.by_category, f.total) == (
        whole.findings_by_severity,
        whole.findings_by_category,
        whole.findings_total,
    )
    assert f.urgent == whole.urgent_without_proposal and f.urgent_count == whole.urgent_count == 1
    assert (p.active_members, p.mean_hours, p.mean_attendance_rate) == (
        o.active_members,
        whole.mean_hours,
        whole.mean_attendance_rate,
    )


def test_the_urgent_banner_lists_the_oldest_and_counts_all(ctx, monkeypatch):
    from panelapp.db.models import Finding, Inspection
    from panelapp.services.reporting import dashboard

    w, ids = build_dashboard_world(ctx)
    with transaction(ctx) as s:
        visit = s.get(Finding, ids["urgent"]).inspection_id
        facility = s.get(Inspection, visit).facility_id
        for day in (3, 1, 2):
            s.add(
                Finding(
                    inspection_id=visit,
                    facility_id=facility,
                    title=f"추가 긴급 {day}",
                    severity=Severity.URGENT,
                    category=FindingCategory.SAFETY,
                    observed_on=dt.date(2026, 5, day),
                )
            )
    monkeypatch.setattr(dashboard, "URGENT_SHOWN", 2)
    d = load_dashboard(ctx, w.cohort_id, TODAY)
    assert d.urgent_count == 4
    assert [u.title for u in d.urgent_without_proposal] == ["추가 긴급 1", "추가 긴급 2"]
