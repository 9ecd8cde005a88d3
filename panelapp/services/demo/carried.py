"""The demo's 차년도 업무계획 (issue 14 item 8): 제6기, ended before the cohort in progress, carried
four adopted proposals it had not finished into next year's plan, so the current 제7기 shows them
as 이월 과제 (제6기에서) on 개선제안, the desk and the dashboard. One of them the department has
finished since (완료), the others are still 채택 · 부분채택 · 추진중.

Deterministic without the demo's random generator (the rest of the demo is the same with or
without it); dated by the demo's calendar. Each proposal has its dated history, the carry entry
at the end of 제6기 included, as `services/proposals/next_year.save_plan` writes it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from panelapp.db.models import PlanItem, Proposal, ProposalEvent, User
from panelapp.domain.enums import ProposalStatus as PS
from panelapp.domain.localtime import KST
from panelapp.domain.next_year_plan import EVENT_KIND, HISTORY_NOTE, Quarter
from panelapp.services.demo import data as demo_data
from panelapp.services.demo.calendar import working_day
from panelapp.services.org.deadlines import due_for_findings

NUMBER = 6
# (facility, title, proposal, final status, submitted (material date), 예상 비용, target (material
# date in the quarter), 비고, done (material date) or None)
CARRIED = (
    (
        "한빛호수공원",
        "호수 둘레길 데크 보수",
        "썩은 데크 판재를 교체하고 미끄럼 방지 처리를 합니다.",
        PS.IN_PROGRESS,
        (2025, 9, 16),
        48_000_000,
        (2026, 5, 1),
        "1차 구간(북측 300m) 완료, 남측은 차년도 예산으로",
        None,
    ),
    (
        "중앙실내수영장",
        "탈의실 환기 설비 교체",
        "탈의실 습기와 냄새를 줄이도록 환기 설비를 교체합니다.",
        PS.ACCEPTED,
        (2025, 10, 14),
        60_000_000,
        (2026, 8, 1),
        "휴장 기간(8월)에 공사",
        None,
    ),
    (
        "한빛문화예술회관",
        "공연장 객석 통로 안내 조명",
        "어두운 객석 통로에 바닥 안내등을 설치합니다.",
        PS.PARTIAL,
        (2025, 11, 4),
        12_500_000,
        (2026, 4, 1),
        "1층 객석 먼저, 2층은 검토",
        None,
    ),
    (
        "공단 본관 민원실",
        "번호표 안내 화면 교체",
        "대기 번호가 잘 보이도록 안내 화면을 큰 것으로 바꿉니다.",
        PS.IN_PROGRESS,
        (2025, 11, 25),
        8_000_000,
        (2026, 3, 1),
        None,
        (2026, 3, 20),
    ),
)


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), KST).astimezone(dt.UTC)


def build_carried_plan(d: Any) -> None:
    cohort = d.cohorts[NUMBER]
    users = list(
        d.s.scalars(select(User.id).where(User.name.in_([n for n, _r in demo_data.USERS])).order_by(User.id))
    )
    who = users[0] if users else None
    facilities = {f.name: f for f in d.facilities}
    end = cohort.term_end
    for place, title, proposal, final, submitted_on, cost, target, note, done_on in CARRIED:
        facility = facilities[place]
        submitted = working_day(d.cal.on(*submitted_on))
        answered = submitted + dt.timedelta(days=9)
        decided = PS.PARTIAL if final == PS.PARTIAL else PS.ACCEPTED
        expected = d.cal.on(*target) + dt.timedelta(days=30)
        p = Proposal(
            cohort_id=cohort.id,
            facility_id=facility.id,
            department_id=facility.department_id,
            title=title,
            proposal=proposal,
            status=PS.SUBMITTED,
            submitted_on=submitted,
            due_on=due_for_findings(d.s, submitted, []),  # the institution's 답변 기한
            answer=f"{proposal} 예산을 확보해 추진하겠습니다.",
            answered_on=answered,
            plan_text=f"{proposal} 예산을 확보한 뒤 추진합니다.",
            expected_on=expected,
        )
        d.s.add(p)
        d.s.flush()
        steps: list[tuple[PS | None, PS, dt.date, str, str | None]] = [
            (None, PS.SUBMITTED, submitted, "제안 접수", None),
            (PS.SUBMITTED, PS.REVIEWING, submitted + dt.timedelta(days=2), "담당부서에 전달", None),
            (PS.REVIEWING, decided, answered, f"부서 답변: {p.answer}", None),
        ]
        if final == PS.IN_PROGRESS:
            steps.append((decided, PS.IN_PROGRESS, answered + dt.timedelta(days=20), "부서 조치 착수", None))
        quarter = Quarter.of(d.cal.on(*target))
        steps.append((final, final, end, f"{HISTORY_NOTE} (제{NUMBER}기 → {quarter.label})", EVENT_KIND))
        if done_on is not None:
            day = min(d.cal.on(*done_on), d.cal.now)
            steps.append((final, PS.DONE, day, "조치 완료: 큰 안내 화면으로 교체했습니다.", None))
            p.completed_on, p.result_text = day, "조치 완료: 대기 번호 안내 화면을 55인치로 교체했습니다."
        for n, (before, after, day, text, kind) in enumerate(steps):
            d.s.add(
                ProposalEvent(
                    proposal_id=p.id,
                    at=_at(day, 10 + n % 6),
                    user_id=who,
                    from_status=before,
                    to_status=after,
                    note=text,
                    kind=kind,
                )
            )
        if final == PS.IN_PROGRESS and done_on is None:  # a 진행 상황 update on the way
            day = answered + dt.timedelta(days=45)
            d.s.add(
                ProposalEvent(
                    proposal_id=p.id,
                    at=_at(day, 15),
                    user_id=who,
                    from_status=final,
                    to_status=final,
                    note="북측 구간 데크 교체를 마쳤습니다.",
                    happened_on=day,
                    progress=40,
                )
            )
        p.status = PS.DONE if done_on is not None else final
        d.s.add(
            PlanItem(
                cohort_id=cohort.id,
                proposal_id=p.id,
                department_id=facility.department_id,
                estimated_cost=cost,
                target_year=quarter.year,
                target_quarter=quarter.quarter,
                note=note,
                created_by_id=who,
                updated_by_id=who,
            )
        )


def summary_line() -> str:
    done = sum(1 for row in CARRIED if row[8] is not None)
    return (
        f"제{NUMBER}기 차년도 업무계획: 이월 과제 {len(CARRIED)}건(그 뒤 완료 {done}건) — 제7기 개선제안의 "
        f"'이월 과제 (제{NUMBER}기에서)'에서 봅니다."
    )
