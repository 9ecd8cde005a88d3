"""What the improvement report (개선 보고서) shows: options in, frozen dataclasses out.

The PDF and the .xlsx are drawn from the same `ReportData`, so both always agree, and the
tests compare every summary figure here with a direct count in the database.
Built by `build_report_data` (panelapp/services/reporting/query.py); pure data, so reports/ and io/ take it without the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from panelapp.domain import participation
from panelapp.domain.enums import ProposalStatus, Severity
from panelapp.domain.next_year_plan import PlanData
from panelapp.domain.proposal_progress import ProgressFigures

# Sections a user may leave out; the cover is always there.
SECTIONS: dict[str, str] = {
    "summary": "요약",
    "facilities": "시설별 점검 결과",
    "proposals": "개선제안 목록",
    "feedback": "좋아요·아쉬워요",
    "appendix": "부록: 활동·출석",
}


@dataclass(frozen=True)
class ReportOptions:
    cohort_id: int
    date_from: dt.date | None = None  # None: the cohort's term start
    date_to: dt.date | None = None  # None: the cohort's term end
    facility_ids: tuple[int, ...] | None = None  # None: every facility
    sections: frozenset[str] = frozenset(SECTIONS)
    photos: bool = True
    max_photos_per_finding: int = 2
    mask_personal: bool = True
    purpose: str | None = None  # required when mask_personal is False; recorded in the access log
    report_date: dt.date | None = None  # None: today (KST); "overdue" is measured against it


@dataclass(frozen=True)
class Tally:
    """One bar of a chart / one row of a count table."""

    label: str
    count: int


@dataclass(frozen=True)
class Summary:
    inspections_completed: int
    inspections_by_status: tuple[Tally, ...]
    inspections_by_month: tuple[Tally, ...]  # completed visits per month of the period
    facilities_inspected: int
    findings: int
    findings_by_severity: tuple[Tally, ...]
    findings_by_category: tuple[Tally, ...]
    proposals: int
    proposals_by_status: tuple[Tally, ...]
    accepted: int  # 채택·부분채택 and what followed them (추진중, 완료)
    declined: int
    acceptance_rate: float | None  # accepted / (accepted + declined); None before any decision
    answered: int
    median_days_to_answer: float | None
    overdue: int
    members: int  # enrolments active at some point of the period (등록 단원; those who left included)
    participants: int  # of them, present at one event of the period at least
    events_held: int
    attendance_hours: float
    withdrawn: int = 0  # of the members, those who have left (탈퇴): the dashboard counts them out
    # 완료 as the departments claim it, and of those the ones a later visit confirmed (개선 확인,
    # services/results/verifications.py): the report counts them apart
    done: int = 0
    verified: int = 0
    # not done any more: a visit found the work 미흡 and moved it back to 추진중 (counted apart, as
    # it is no longer among the 완료)
    insufficient: int = 0

    @property
    def verification_text(self) -> str:
        """ "완료 5건 중 현장 확인 3건(확인 전 2건), 현장 확인 미흡 1건(다시 추진중)": the one
        wording of the PDF, HWPX and DOCX."""
        waiting = self.done - self.verified
        text = f"완료 {self.done:,}건 중 현장 확인 {self.verified:,}건" + (
            f"(확인 전 {waiting:,}건)" if waiting else ""
        )
        if self.insufficient:
            text += f", 현장 확인 미흡 {self.insufficient:,}건(다시 추진중)"
        return text

    @property
    def participation_rate(self) -> float | None:
        return None if self.members == 0 else self.participants / self.members


@dataclass(frozen=True)
class SectionScore:
    title: str
    answered: int  # scored answers (예/아니오 and 1–5; 해당없음 and text are not scored)
    score: float | None  # 0–100


@dataclass(frozen=True)
class Photo:
    path: str
    caption: str | None
    width: int | None
    height: int | None


@dataclass(frozen=True)
class FindingRow:
    id: int
    facility_id: int
    observed_on: dt.date
    title: str
    category: str
    severity: Severity
    location: str | None
    description: str | None
    photos: tuple[Photo, ...]
    photo_count: int  # all the finding's photos, even those left out of the report
    proposal_ids: tuple[int, ...]


@dataclass(frozen=True)
class ProposalRow:
    id: int
    facility_id: int | None
    facility_name: str | None
    title: str
    proposal: str | None
    department: str | None
    proposer: str | None  # masked unless unmasked with a purpose
    status: ProposalStatus
    submitted_on: dt.date
    due_on: dt.date | None
    answered_on: dt.date | None
    answer: str | None
    decline_reason: str | None
    completed_on: dt.date | None
    days_to_answer: int | None
    overdue: bool
    finding_ids: tuple[int, ...]
    result_text: str | None = None  # 완료 내용, given at 완료 처리
    # a done proposal's evidence, at most a few of each: its findings' photos and its own after
    # photos (attachments "proposal_after"); empty when the report leaves photos out
    before_photos: tuple[Photo, ...] = ()
    after_photos: tuple[Photo, ...] = ()
    before_photo_count: int = 0  # all of them, even those left out of the report
    after_photo_count: int = 0
    verified_on: dt.date | None = None  # a done proposal's 개선 확인: the day of the visit that confirmed it
    # 확인 결과 as `panelapp proposals export` writes it (the visits up to the period's end)
    check: str | None = None
    reopened: bool = False  # its latest check was 미흡 and it is not done again (back to 추진중)
    # 진행률 by domain/proposal_progress.py (as of the report date); None when not adopted
    progress: int | None = None


@dataclass(frozen=True)
class FacilitySection:
    id: int
    name: str
    type_name: str | None
    address: str | None
    department: str | None
    visit_dates: tuple[dt.date, ...]  # completed inspections of the period
    scores: tuple[SectionScore, ...]
    overall_score: float | None
    findings: tuple[FindingRow, ...]
    proposals: tuple[ProposalRow, ...]


@dataclass(frozen=True)
class EventRow:
    event_date: dt.date
    kind: str
    title: str
    hours: float
    present: int
    held: bool  # False: still to come at the report date, or a visit not completed


@dataclass(frozen=True)
class ParticipationRow:
    name: str
    team: str | None
    role: str
    status: str
    attended: int
    held: int  # held events the member was expected at (domain/participation.py)
    hours: float

    @property
    def rate(self) -> float | None:
        return participation.attendance_rate(self.attended, self.held)


@dataclass(frozen=True)
class FeedbackTally:
    """좋아요·아쉬워요 about one facility in the period (facility_id None: about no facility)."""

    facility_id: int | None
    facility: str
    likes: int
    dislikes: int
    answered: int  # notes answered or marked handled
    to_proposals: int  # notes linked to a proposal (not deleted)

    @property
    def total(self) -> int:
        return self.likes + self.dislikes


@dataclass(frozen=True)
class FeedbackProposal:
    """A proposal that notes of the period led to, with how many of each kind."""

    proposal_id: int
    title: str
    facility: str | None
    status: ProposalStatus
    submitted_on: dt.date
    likes: int
    dislikes: int


@dataclass(frozen=True)
class FeedbackSummary:
    """The 좋아요·아쉬워요 section: counts per facility and kind, and the proposals they led to.
    No personal data: a note stores no author, and its text is not printed."""

    likes: int = 0
    dislikes: int = 0
    answered: int = 0
    to_proposals: int = 0
    by_facility: tuple[FeedbackTally, ...] = ()
    proposals: tuple[FeedbackProposal, ...] = ()

    @property
    def total(self) -> int:
        return self.likes + self.dislikes


NO_FEEDBACK = FeedbackSummary()


@dataclass(frozen=True)
class DepartmentSla:
    """One department's answers (부서별 답변 처리): the dashboard section, the report's table and
    `panelapp departments sla` print these figures (services/reporting/sla.py computes them).

    received: live proposals; answered: those with an answer date; median / p90: working days
    from 접수 to the answer (domain/working_days.py) over the answered ones, the 90th percentile by
    nearest rank (the smallest value at least 90 % of the answers took no longer than);
    on_time: answered on or before their due date, out of `with_deadline` answered ones that had
    a due date; overdue: unanswered now and past their due date (proposal_rules.is_overdue)."""

    department_id: int | None  # None: proposals without a department (미지정), or the total row
    department: str
    received: int
    answered: int
    median_days: float | None
    p90_days: int | None
    on_time: int
    with_deadline: int
    overdue: int
    total: bool = False  # the 전체 row

    @property
    def on_time_rate(self) -> float | None:
        return None if self.with_deadline == 0 else self.on_time / self.with_deadline

    def cells(self) -> tuple[str, ...]:
        """The row as every output prints it, in SLA_HEADERS' order."""
        from panelapp.domain.formatting import format_rate

        return (
            self.department,
            f"{self.received:,}",
            f"{self.answered:,}",
            days_text(self.median_days),
            days_text(self.p90_days),
            format_rate(self.on_time_rate),
            f"{self.overdue:,}",
        )


SLA_HEADERS = (
    "담당부서",
    "접수",
    "답변",
    "답변 소요 중앙값(근무일)",
    "답변 소요 90%(근무일)",
    "기한 내 답변 비율",
    "기한 경과",
)
NO_DEPARTMENT = "미지정"


def days_text(value: float | None) -> str:
    """3 → "3일", 2.5 → "2.5일", None → "–" (working days)."""
    if value is None:
        return "–"
    return f"{value:.0f}일" if value == int(value) else f"{value:.1f}일"


@dataclass(frozen=True)
class ReportData:
    organization: str
    logo_png: bytes | None
    cohort_name: str
    date_from: dt.date
    date_to: dt.date
    generated_on: dt.date
    prepared_by: str
    masked: bool
    sections: frozenset[str]
    photos: bool
    summary: Summary
    facilities: tuple[FacilitySection, ...]
    proposals: tuple[ProposalRow, ...]
    events: tuple[EventRow, ...]
    participation: tuple[ParticipationRow, ...]
    facility_filter: tuple[str, ...] | None = field(default=None)  # names, when only some were chosen
    # the institution's 결재란, left to right ("담당", "팀장", "부장", "이사장"); () draws none
    signoff: tuple[str, ...] = ()
    feedback: FeedbackSummary = NO_FEEDBACK  # filled when the "feedback" section is chosen
    # 부서별 답변 처리 of the period's proposals (with the "proposals" section), 전체 last
    departments: tuple[DepartmentSla, ...] = ()
    # 추진 현황 of the report's adopted proposals (채택 N건 중 완료 M건, 평균 진행률), None before any
    progress: ProgressFigures | None = None
    # 차년도 업무계획 (issue 14 item 8): the cohort's carried items, the report's closing section
    # when there are any (None: none carried)
    next_year_plan: PlanData | None = None

    @property
    def period_text(self) -> str:
        from panelapp.domain.formatting import dotted_date

        return f"{dotted_date(self.date_from)} ~ {dotted_date(self.date_to)}"
