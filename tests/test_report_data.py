"""The improvement report's data: every summary figure equals a direct count in the database."""

import statistics

import pytest
from report_world import REPORT_DATE, build_report_world
from schedule_world import D
from sqlalchemy import func, select

from panelapp.db.models import AccessLog, ActivityEvent, Attendance, Finding, Inspection, Proposal
from panelapp.domain.enums import InspectionStatus, ProposalStatus, Severity
from panelapp.domain.errors import ValidationError
from panelapp.domain.report_data import ReportOptions
from panelapp.domain.working_days import working_days_between
from panelapp.services.context import reading
from panelapp.services.reporting.query import build_report_data


def _count(ctx, stmt) -> int:
    with reading(ctx) as s:
        return s.scalar(stmt)


def test_summary_figures_equal_database_counts(ctx):
    rw = build_report_world(ctx)
    cohort = rw.w.cohort_id
    data = build_report_data(ctx, ReportOptions(cohort, report_date=REPORT_DATE))
    s = data.summary
    live = Inspection.deleted_at.is_(None)
    assert (
        s.inspections_completed
        == _count(
            ctx,
            select(func.count()).where(
                Inspection.cohort_id == cohort, live, Inspection.status == InspectionStatus.COMPLETED
            ),
        )
        == 2
    )
    assert {t.label: t.count for t in s.inspections_by_status} == {"예정": 1, "완료": 2, "연기": 0, "취소": 1}
    assert sum(t.count for t in s.inspections_by_month) == 2
    assert s.facilities_inspected == _count(
        ctx,
        select(func.count(Inspection.facility_id.distinct())).where(
            Inspection.cohort_id == cohort, live, Inspection.status == InspectionStatus.COMPLETED
        ),
    )
    assert s.findings == _count(ctx, select(func.count(Finding.id)).where(Finding.deleted_at.is_(None))) == 6
    for tally, severity in zip(s.findings_by_severity, Severity):
        assert tally.count == _count(ctx, select(func.count(Finding.id)).where(Finding.severity == severity))
    assert (
        s.proposals == _count(ctx, select(func.count(Proposal.id)).where(Proposal.cohort_id == cohort)) == 6
    )
    for tally, status in zip(s.proposals_by_status, ProposalStatus):
        assert tally.label == status.label
        assert tally.count == _count(ctx, select(func.count(Proposal.id)).where(Proposal.status == status))
    # 채택·부분채택·완료 against 불채택
    assert (s.accepted, s.declined, s.acceptance_rate) == (3, 1, 0.75)
    with reading(ctx) as db:
        days = [  # 근무일 (domain/working_days.py), as every output counts them
            working_days_between(b, a)
            for a, b in db.execute(
                select(Proposal.answered_on, Proposal.submitted_on).where(Proposal.answered_on.is_not(None))
            )
        ]
        overdue = db.scalar(
            select(func.count(Proposal.id)).where(
                Proposal.due_on < REPORT_DATE,
                Proposal.answered_on.is_(None),
                Proposal.status.in_([ProposalStatus.SUBMITTED, ProposalStatus.REVIEWING]),
            )
        )
        present = db.scalar(
            select(func.count(Attendance.enrollment_id.distinct()))
            .join(ActivityEvent)
            .where(Attendance.present.is_(True), ActivityEvent.deleted_at.is_(None))
        )
    assert s.answered == len(days) == 4 and s.median_days_to_answer == statistics.median(days) == 13
    assert s.overdue == overdue == 1
    assert (s.members, s.participants) == (4, present) == (4, 3)
    assert s.events_held == 4 and s.attendance_hours == 3 * 3.0 + 2 * 2.0


def test_facility_sections_scores_findings_photos_and_proposals(ctx):
    rw = build_report_world(ctx)
    data = build_report_data(
        ctx, ReportOptions(rw.w.cohort_id, report_date=REPORT_DATE, max_photos_per_finding=2)
    )
    by_name = {f.name: f for f in data.facilities}
    assert list(by_name) == sorted(by_name)
    gym, park, lot = by_name["한빛국민체육센터"], by_name["새봄근린공원"], by_name["시청 공영주차장"]
    assert gym.visit_dates == (D(2026, 5, 12),) and gym.overall_score == 100.0
    assert park.overall_score is not None and park.overall_score < 60 and lot.scores == ()
    assert [sc.title for sc in gym.scores][:2] == ["안전", "청결"]
    ramp = next(f for f in gym.findings if f.id == rw.findings["ramp"])
    assert ramp.photo_count == 3 and len(ramp.photos) == 2 and ramp.photos[0].path == rw.photo_paths[0]
    assert ramp.proposal_ids == (rw.proposals["handrail"],)
    assert {p.id for p in gym.proposals} == {rw.proposals[k] for k in ("handrail", "toilet", "sign")}
    declined = next(p for p in gym.proposals if p.status == ProposalStatus.DECLINED)
    assert (
        declined.decline_reason and declined.answer and declined.days_to_answer == 27
    )  # 근무일 (41 calendar)
    assert [p.id for p in lot.proposals] == [rw.proposals["lot"]]
    no_photos = build_report_data(ctx, ReportOptions(rw.w.cohort_id, photos=False, report_date=REPORT_DATE))
    assert all(f.photos == () for fac in no_photos.facilities for f in fac.findings)


def test_period_and_facility_filters(ctx):
    rw = build_report_world(ctx)
    june = build_report_data(
        ctx, ReportOptions(rw.w.cohort_id, D(2026, 6, 1), D(2026, 6, 30), report_date=REPORT_DATE)
    )
    assert (june.summary.inspections_completed, june.summary.findings, june.summary.proposals) == (1, 2, 2)
    assert [f.name for f in june.facilities] == ["새봄근린공원"] and [e.title for e in june.events] == [
        "새봄근린공원 점검"
    ]
    gym_only = build_report_data(
        ctx, ReportOptions(rw.w.cohort_id, facility_ids=(rw.w.gym,), report_date=REPORT_DATE)
    )
    assert [f.name for f in gym_only.facilities] == ["한빛국민체육센터"]
    assert gym_only.facility_filter == ("한빛국민체육센터",)
    assert gym_only.summary.findings == 4 and gym_only.summary.proposals == 3


def test_names_masked_unless_a_purpose_is_given(ctx):
    rw = build_report_world(ctx)
    data = build_report_data(ctx, ReportOptions(rw.w.cohort_id, report_date=REPORT_DATE))
    names = {r.name for r in data.participation} | {p.proposer for p in data.proposals if p.proposer}
    assert names == {"김*준", "김*희", "이*수", "박*연"} and data.masked
    with pytest.raises(ValidationError) as err:
        build_report_data(ctx, ReportOptions(rw.w.cohort_id, mask_personal=False))
    assert err.value.field == "개인정보 표시 목적"
    plain = build_report_data(
        ctx, ReportOptions(rw.w.cohort_id, mask_personal=False, purpose="운영위원회 보고")
    )
    assert "김영희" in {r.name for r in plain.participation} and not plain.masked
    assert _count(ctx, select(func.count(AccessLog.id))) == 0  # reading alone is not logged; writing is


def test_bad_options_are_refused_in_korean(ctx):
    rw = build_report_world(ctx)
    with pytest.raises(ValidationError, match="시작일"):
        build_report_data(ctx, ReportOptions(rw.w.cohort_id, D(2026, 7, 1), D(2026, 6, 1)))
    with pytest.raises(ValidationError, match="시설"):
        build_report_data(ctx, ReportOptions(rw.w.cohort_id, facility_ids=()))


def test_report_agrees_with_the_dashboard(ctx):
    from panelapp.services.reporting.dashboard import load_dashboard

    rw = build_report_world(ctx)
    dash = load_dashboard(ctx, rw.w.cohort_id, REPORT_DATE)
    s = build_report_data(ctx, ReportOptions(rw.w.cohort_id, report_date=REPORT_DATE)).summary
    assert (s.findings, s.proposals, s.acceptance_rate, s.median_days_to_answer, s.overdue, s.answered) == (
        dash.findings_total,
        dash.proposals_total,
        dash.acceptance_rate,
        dash.median_days_to_answer,
        dash.overdue,
        dash.answered,
    )
    assert {t.label: t.count for t in s.inspections_by_status} == {
        k.label: v for k, v in dash.inspections.items()
    }
