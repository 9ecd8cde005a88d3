"""The table of all proposals, and the appendix of activities and attendance."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak, Spacer

from panelapp.domain.formatting import dotted_date, format_hours, format_rate
from panelapp.domain.participation import count_text, hours_text, rate_text
from panelapp.domain.report_data import ReportData
from panelapp.reports.base import data_table, para
from panelapp.reports.improvement.evidence import evidence_story
from panelapp.reports.improvement.facility import status_cell
from panelapp.reports.improvement.layout import WIDTH, Marker
from panelapp.reports.improvement.progress import progress_story
from panelapp.reports.improvement.sla import sla_story


def _d(day) -> str:
    return dotted_date(day) if day else "–"


def _short(day) -> str:
    """2026.04.09: fits a narrow date column on one line."""
    return f"{day.year}.{day.month:02d}.{day.day:02d}" if day else "–"


def proposals_story(data: ReportData, numbers: dict[int, int], hook) -> list:
    s = data.summary
    rows: list[list] = [
        [
            "연번",
            "시설",
            "개선제안",
            "담당부서",
            "상태",
            "접수일",
            "답변일",
            [para("소요", "cell_head"), para("(근무일)", "cell_head")],
        ]
    ]
    for p in data.proposals:
        title = [para(p.title, "ir_cell_bold")]
        if p.proposer:
            title.append(para(f"제안자 {p.proposer}", "ir_cell_small"))
        due = p.due_on and not p.answered_on
        rows.append(
            [
                str(numbers[p.id]),
                p.facility_name or "–",
                title,
                p.department or "–",
                status_cell(p),
                para(_short(p.submitted_on), "ir_date"),
                para(_short(p.answered_on), "ir_date")
                if not due
                else [para("기한", "ir_date"), para(_short(p.due_on), "ir_date")],
                "–" if p.days_to_answer is None else f"{p.days_to_answer}",
            ]
        )
    intro = (
        f"개선제안 {s.proposals}건 · 답변 {s.answered}건 · 채택률 {format_rate(s.acceptance_rate)} · "
        f"답변 기한 경과 {s.overdue}건"
    )
    story = [
        Marker(hook, "개선제안 목록"),
        para("개선제안 목록", "ir_chapter"),
        para(intro, "ir_sub"),
        Spacer(WIDTH, 3 * mm),
        *sla_story(data),
    ]
    if data.proposals:
        if data.departments:
            story.append(para("제안별 처리", "heading"))
        story.append(
            data_table(
                rows,
                [10 * mm, 27 * mm, 38 * mm, 22 * mm, 17 * mm, 20 * mm, 22 * mm, 14 * mm],
                aligns=["center", "left", "left", "left", "center", "center", "center", "right"],
            )
        )
    else:
        story.append(para("보고 기간에 접수된 개선제안이 없습니다.", "body"))
    story += progress_story(data, numbers)  # 채택 과제 추진 현황 (issue 14 item 4)
    return story + evidence_story(data, numbers) + [PageBreak()]


def appendix_story(data: ReportData, hook) -> list:
    s = data.summary
    story = [
        Marker(hook, "부록: 활동·출석"),
        para("부록. 활동 및 출석", "ir_chapter"),
        para(
            f"활동 {len(data.events)}회 (이 중 작성일까지 {s.events_held}회 실시) · 참여 단원/등록 단원 "
            f"{s.participants}/{s.members}명 (탈퇴 {s.withdrawn}명 포함) · 활동 시간 합계 {format_hours(s.attendance_hours)}",
            "ir_sub",
        ),
        Spacer(WIDTH, 2 * mm),
        para("활동별 참석", "heading"),
    ]
    if data.events:
        rows: list[list] = [["날짜", "구분", "활동", "시간", "참석"]]
        for e in data.events:
            rows.append(
                [
                    _d(e.event_date),
                    e.kind,
                    e.title,
                    format_hours(e.hours),
                    f"{e.present}명" if e.held else "예정" if e.event_date > data.generated_on else "미완료",
                ]
            )
        story.append(
            data_table(
                rows,
                [24 * mm, 18 * mm, 90 * mm, 19 * mm, 19 * mm],
                aligns=["center", "center", "left", "right", "right"],
            )
        )
    else:
        story.append(para("보고 기간에 등록된 활동이 없습니다.", "body"))
    story += [CondPageBreak(50 * mm), para("단원별 참여", "heading")]
    if data.masked:
        story.append(para("개인정보 보호를 위해 이름의 일부를 가렸습니다.", "ir_note"))
    if data.participation:
        rows = [["이름", "단", "역할", "상태", "참석 / 대상", "출석률", "활동 시간"]]
        for r in data.participation:
            rows.append(
                [
                    r.name,
                    r.team or "–",
                    r.role,
                    r.status,
                    count_text(r.attended, r.held),
                    rate_text(r.attended, r.held),
                    hours_text(r.hours),
                ]
            )
        story.append(
            data_table(
                rows,
                [26 * mm, 38 * mm, 16 * mm, 16 * mm, 26 * mm, 22 * mm, 26 * mm],
                aligns=["center", "left", "center", "center", "right", "right", "right"],
            )
        )
    else:
        story.append(para("보고 기간에 활동한 단원이 없습니다.", "body"))
    return story
