"""The improvement report's data as an .xlsx workbook, for staff who rework the figures.

One sheet per section (the facility section gives two: scores and findings; 좋아요·아쉬워요 two:
counts per facility and the proposals the notes led to); a bold, frozen
header row; real dates and numbers; names and free text as text, with anything Excel would
run as a formula neutralised (panelapp/io/roster_export.py).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from panelapp.domain.enums import ProposalStatus
from panelapp.domain.formatting import shown_rate
from panelapp.domain.report_data import SLA_HEADERS, ReportData
from panelapp.io.roster_export import TEXT_FORMAT, neutralize

DATE_FORMAT, PERCENT_FORMAT = "yyyy-mm-dd", "0.0%"


def _progress_rows(data: ReportData) -> list[tuple[str, object]]:
    """채택 과제 추진 현황 in the 요약 sheet: adopted, 완료, mean 진행률 (as the PDF's line)."""
    f = data.progress
    if f is None:
        return [("채택 과제 추진 현황", "보고 기간에 채택된 개선제안이 없습니다.")]
    return [
        ("채택 과제(채택·부분채택·추진중·완료)", f.accepted),
        ("채택 과제 중 완료", f.done),
        ("채택 과제 평균 진행률", f.mean_text),
    ]


def _sheets(data: ReportData) -> list[tuple[str, list[tuple[str, int, str]], list[Sequence]]]:
    """(title, [(header, width, kind)], rows); kind: text / date / num / pct."""
    s, out = data.summary, []
    numbers = {p.id: n for n, p in enumerate(data.proposals, 1)}
    if "summary" in data.sections:
        rows = [
            ("보고 기간", f"{data.date_from} ~ {data.date_to}"),
            ("작성일", data.generated_on),
            ("작성자", data.prepared_by),
            ("완료된 점검", s.inspections_completed),
            ("점검한 시설", s.facilities_inspected),
            ("발견사항", s.findings),
            ("개선제안", s.proposals),
            ("채택(부분채택·추진중·완료 포함)", s.accepted),
            ("불채택", s.declined),
            ("채택률", shown_rate(s.acceptance_rate)),
            ("답변된 제안", s.answered),
            ("답변 소요 중앙값(근무일)", s.median_days_to_answer),
            ("답변 기한 경과", s.overdue),
            ("완료", s.done),
            ("완료 중 현장 확인(다음 점검에서 개선 확인)", s.verified),
            ("현장 확인 미흡(다시 추진중)", s.insufficient),
            ("등록 단원(기간 중, 탈퇴 포함)", s.members),
            ("그중 탈퇴", s.withdrawn),
            ("참여 단원(한 번 이상 참석)", s.participants),
            ("참여율", shown_rate(s.participation_rate)),
            ("실시한 활동", s.events_held),
            ("활동 시간 합계", s.attendance_hours),
            *_progress_rows(data),
        ]
        for group, tallies in (
            ("점검 상태", s.inspections_by_status),
            ("월별 완료 점검", s.inspections_by_month),
            ("발견사항 심각도", s.findings_by_severity),
            ("발견사항 유형", s.findings_by_category),
            ("개선제안 상태", s.proposals_by_status),
        ):
            rows += [(f"{group}: {t.label}", t.count) for t in tallies]
        out.append(("요약", [("항목", 34, "text"), ("값", 24, "auto")], rows))
    if "facilities" in data.sections:
        out.append(
            (
                "시설별 점수",
                [
                    ("시설", 24, "text"),
                    ("점검 영역", 20, "text"),
                    ("응답 문항", 10, "num"),
                    ("점수(100점)", 12, "num"),
                ],
                [(f.name, sc.title, sc.answered, sc.score) for f in data.facilities for sc in f.scores]
                + [
                    (f.name, "종합", sum(x.answered for x in f.scores), f.overall_score)
                    for f in data.facilities
                    if f.scores
                ],
            )
        )
        out.append(
            (
                "발견사항",
                [
                    ("시설", 24, "text"),
                    ("발견일", 12, "date"),
                    ("발견사항", 36, "text"),
                    ("유형", 10, "text"),
                    ("심각도", 10, "text"),
                    ("위치", 16, "text"),
                    ("내용", 60, "text"),
                    ("사진 수", 8, "num"),
                    ("관련 제안 연번", 14, "text"),
                ],
                [
                    (
                        f.name,
                        r.observed_on,
                        r.title,
                        r.category,
                        r.severity.label,
                        r.location,
                        r.description,
                        r.photo_count,
                        ", ".join(str(numbers[p]) for p in r.proposal_ids if p in numbers),
                    )
                    for f in data.facilities
                    for r in f.findings
                ],
            )
        )
    if data.departments:
        out.append(
            (
                "부서별 답변 처리",
                [(SLA_HEADERS[0], 22, "text")]
                + [(h, 12, "num") for h in SLA_HEADERS[1:5]]
                + [(SLA_HEADERS[5], 14, "pct"), (SLA_HEADERS[6], 10, "num")],
                [
                    (
                        d.department,
                        d.received,
                        d.answered,
                        d.median_days,
                        d.p90_days,
                        shown_rate(d.on_time_rate),
                        d.overdue,
                    )
                    for d in data.departments
                ],
            )
        )
    if "proposals" in data.sections:
        out.append(
            (
                "개선제안",
                [
                    ("연번", 6, "num"),
                    ("시설", 22, "text"),
                    ("개선제안", 36, "text"),
                    ("제안 내용", 50, "text"),
                    ("담당부서", 16, "text"),
                    ("제안자", 10, "text"),
                    ("상태", 10, "text"),
                    ("접수일", 12, "date"),
                    ("답변 기한", 12, "date"),
                    ("답변일", 12, "date"),
                    ("소요(근무일)", 10, "num"),
                    ("기한 경과", 9, "text"),
                    ("담당부서 답변", 60, "text"),
                    ("불채택 사유", 30, "text"),
                    ("완료일", 12, "date"),
                    ("완료 내용", 50, "text"),
                    ("확인 결과", 22, "text"),
                    ("진행률", 9, "pct"),
                    ("개선 전 사진 수", 10, "num"),
                    ("개선 후 사진 수", 10, "num"),
                ],
                [
                    (
                        numbers[p.id],
                        p.facility_name,
                        p.title,
                        p.proposal,
                        p.department,
                        p.proposer,
                        p.status.label,
                        p.submitted_on,
                        p.due_on,
                        p.answered_on,
                        p.days_to_answer,
                        "예" if p.overdue else "",
                        p.answer,
                        p.decline_reason,
                        p.completed_on,
                        p.result_text,
                        p.check,
                        None if p.progress is None else p.progress / 100,  # 진행률 (proposal_progress.py)
                        p.before_photo_count if p.status == ProposalStatus.DONE else None,
                        p.after_photo_count if p.status == ProposalStatus.DONE else None,
                    )
                    for p in data.proposals
                ],
            )
        )
    if "feedback" in data.sections:
        out += _feedback_sheets(data, numbers)
    if "appendix" in data.sections:
        out.append(
            (
                "활동",
                [
                    ("날짜", 12, "date"),
                    ("구분", 10, "text"),
                    ("활동", 40, "text"),
                    ("시간", 8, "num"),
                    ("참석 인원", 10, "num"),
                ],
                [
                    (e.event_date, e.kind, e.title, e.hours, e.present if e.held else None)
                    for e in data.events
                ],
            )
        )
        out.append(
            (
                "단원별 참여",
                [
                    ("이름", 12, "text"),
                    ("단", 18, "text"),
                    ("역할", 8, "text"),
                    ("상태", 8, "text"),
                    ("참석", 8, "num"),
                    ("대상 활동", 10, "num"),
                    ("출석률", 10, "pct"),
                    ("활동 시간", 10, "num"),
                ],
                [
                    (r.name, r.team, r.role, r.status, r.attended, r.held, shown_rate(r.rate), r.hours)
                    for r in data.participation
                ],
            )
        )
    out += _next_year_sheets(data)
    return out


def _next_year_sheets(data: ReportData) -> list:
    """차년도 업무계획 (issue 14 item 8): the carried items, closed by the department subtotals and
    the total; only when the cohort carried any."""
    plan = data.next_year_plan
    if plan is None or not plan.rows:
        return []
    rows: list[Sequence] = [
        (
            r.department,
            r.title,
            r.facility,
            r.status,
            None if r.progress is None else r.progress / 100,
            r.expected_on,
            r.estimated_cost,
            r.quarter.label,
            r.note,
        )
        for r in plan.rows
    ]
    rows += [
        (f"소계: {d.department}", f"{len(d.rows):,}건", None, None, None, None, d.total_cost, None, None)
        for d in plan.departments
    ]
    rows.append(("합계", f"{plan.count:,}건", None, None, None, None, plan.total_cost, None, None))
    columns = [
        ("담당부서", 18, "text"),
        ("제목", 40, "text"),
        ("시설", 22, "text"),
        ("상태", 10, "text"),
        ("진행률", 8, "pct"),
        ("완료 예정일", 12, "date"),
        ("예상 비용", 16, "num"),
        ("목표 분기", 14, "text"),
        ("비고", 30, "text"),
    ]
    return [("차년도 업무계획", columns, rows)]


def _feedback_sheets(data: ReportData, numbers: dict[int, int]) -> list:
    """The 좋아요·아쉬워요 section's two tables, row for row as the PDF prints them."""
    fb = data.feedback
    tallies = [(t.facility, t.likes, t.dislikes, t.total, t.answered, t.to_proposals) for t in fb.by_facility]
    return [
        (
            "좋아요·아쉬워요",
            [
                ("시설", 24, "text"),
                ("좋아요", 9, "num"),
                ("아쉬워요", 9, "num"),
                ("합계", 9, "num"),
                ("답변", 9, "num"),
                ("제안으로 이어짐", 14, "num"),
            ],
            tallies + [("합계", fb.likes, fb.dislikes, fb.total, fb.answered, fb.to_proposals)],
        ),
        (
            "의견이 이어진 제안",
            [
                ("연번", 6, "num"),
                ("개선제안", 36, "text"),
                ("시설", 22, "text"),
                ("상태", 10, "text"),
                ("접수일", 12, "date"),
                ("좋아요", 9, "num"),
                ("아쉬워요", 9, "num"),
            ],
            [
                (
                    numbers.get(p.proposal_id),
                    p.title,
                    p.facility,
                    p.status.label,
                    p.submitted_on,
                    p.likes,
                    p.dislikes,
                )
                for p in fb.proposals
            ],
        ),
    ]


def report_xlsx_bytes(data: ReportData) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")
    for title, columns, rows in _sheets(data) or [("표지", [("항목", 20, "text")], [])]:
        ws = wb.create_sheet(title)
        for c, (head, width, _kind) in enumerate(columns, 1):
            cell = ws.cell(row=1, column=c, value=head)
            cell.font, cell.fill = bold, fill
            ws.column_dimensions[get_column_letter(c)].width = width
        ws.freeze_panes = "A2"
        for r, row in enumerate(rows, 2):
            for c, ((_head, width, kind), value) in enumerate(zip(columns, row), 1):
                if kind == "auto":
                    kind = (
                        "pct"
                        if title == "요약" and row[0] in ("채택률", "참여율")
                        else (
                            "date"
                            if hasattr(value, "isoformat")
                            else "num"
                            if isinstance(value, (int, float))
                            else "text"
                        )
                    )
                if kind == "text" and value is not None:
                    value = neutralize(str(value))
                cell = ws.cell(row=r, column=c, value=value)
                if kind == "text":
                    cell.number_format = TEXT_FORMAT
                    if width >= 36:
                        cell.alignment = wrap
                elif kind == "date":
                    cell.number_format = DATE_FORMAT
                elif kind == "pct":
                    cell.number_format = PERCENT_FORMAT
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
