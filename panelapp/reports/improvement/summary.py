"""The one-page summary: key figures as tiles, four bar charts, and how the figures are defined."""

from __future__ import annotations

import math

from reportlab.graphics import shapes
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer, Table

from panelapp.domain.formatting import format_hours, format_rate
from panelapp.domain.report_data import ReportData, Summary, Tally
from panelapp.reports.base import ACCENT, FONT, FONT_BOLD, INK, MUTED, RULE, para
from panelapp.reports.improvement.layout import BAR, SOFT, WIDTH, table_style
from panelapp.reports.improvement.progress import completion_text

# renderPDF starts every drawing in STATE_DEFAULTS' font, fixed when reportlab.graphics was first
# imported (Helvetica if that was before panelapp.reports.base): it would land unembedded in the PDF.
shapes.STATE_DEFAULTS["fontName"] = FONT
CHART_W, CHART_H = (WIDTH - 6 * mm) / 2, 54 * mm


def _days(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.0f}근무일" if value == int(value) else f"{value:.1f}근무일"


def kpis(s: Summary) -> list[tuple[str, str]]:
    """(figure, label) in tile order; the tests read these figures back from the PDF."""
    return [
        (f"{s.inspections_completed:,}회", "완료된 점검"),
        (f"{s.facilities_inspected:,}곳", "점검한 시설"),
        (f"{s.findings:,}건", "발견사항"),
        (f"{s.proposals:,}건", "개선제안"),
        (format_rate(s.acceptance_rate), f"채택률 ({s.accepted}/{s.accepted + s.declined})"),
        (_days(s.median_days_to_answer), f"답변 소요 중앙값(근무일) ({s.answered}건)"),
        (f"{s.overdue:,}건", "답변 기한 경과"),
        (f"{s.participants}/{s.members}명", f"참여 단원/등록 단원 ({format_rate(s.participation_rate)})"),
    ]


def _tiles(s: Summary) -> Table:
    cells = [[para(v, "ir_kpi"), para(label, "ir_kpi_label")] for v, label in kpis(s)]
    rows = []
    for r in range(2):
        quad = cells[r * 4 : (r + 1) * 4]
        rows += [[c[0] for c in quad], [c[1] for c in quad]]
    t = Table(rows, colWidths=[WIDTH / 4] * 4, rowHeights=[10 * mm, 6 * mm] * 2)
    t.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), SOFT),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEAFTER", (0, 0), (-2, -1), 1.5, colors.white),
                ("LINEBELOW", (0, 1), (-1, 1), 3, colors.white),
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, ACCENT),
                ("LINEBELOW", (0, -1), (-1, -1), 1.2, ACCENT),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return t


def _axis_max(values: list[int]) -> tuple[int, int]:
    """(axis maximum, step): whole numbers, with headroom above the longest bar for its label."""
    top = max(values + [1])
    raw = top / 5
    magnitude = 10 ** max(0, math.floor(math.log10(raw))) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return step * (top // step + 1), step


def chart(
    title: str,
    tallies: tuple[Tally, ...],
    horizontal: bool = False,
    color=BAR,
    width: float = CHART_W,
    height: float = CHART_H,
) -> Drawing:
    d = Drawing(width, height)
    d.add(String(0, height - 11, title, fontName=FONT_BOLD, fontSize=10, fillColor=ACCENT))
    values = [t.count for t in tallies]
    c = HorizontalBarChart() if horizontal else VerticalBarChart()
    left = 20 * mm if horizontal else 9 * mm
    c.x, c.y = left, 9 * mm if not horizontal else 5 * mm
    c.width, c.height = width - left - 8 * mm, height - c.y - 19
    c.data = [values]
    c.categoryAxis.categoryNames = [t.label for t in tallies]
    top, step = _axis_max(values)
    c.valueAxis.valueMin, c.valueAxis.valueMax, c.valueAxis.valueStep = 0, top, step
    for labels in (c.categoryAxis.labels, c.valueAxis.labels, c.barLabels):
        labels.fontName, labels.fontSize, labels.fillColor = FONT, 7.5, INK
    c.valueAxis.labels.fillColor = MUTED
    c.valueAxis.labelTextFormat = "%d"
    c.valueAxis.strokeColor = c.categoryAxis.strokeColor = RULE
    c.valueAxis.visibleGrid, c.valueAxis.gridStrokeColor, c.valueAxis.gridStrokeWidth = 1, SOFT, 0.6
    c.bars[0].fillColor, c.bars[0].strokeColor = color, None
    c.barLabelFormat = "%d"
    c.barLabels.nudge = 6
    c.barWidth = 6
    if horizontal:
        c.categoryAxis.labels.boxAnchor = "e"
        c.categoryAxis.labels.dx = -3
        c.categoryAxis.reverseDirection = 1
    else:
        c.categoryAxis.labels.boxAnchor = "n"
        c.categoryAxis.labels.dy = -2
    d.add(c)
    return d


def summary(data: ReportData) -> list:
    s = data.summary
    scope = "전체 시설" if data.facility_filter is None else f"선택한 시설 {len(data.facility_filter)}곳"
    charts = Table(
        [
            [chart("월별 점검 실시 (완료된 점검)", s.inspections_by_month, width=WIDTH, height=44 * mm), ""],
            [
                chart(
                    "점검 — 상태별",
                    s.inspections_by_status,
                    horizontal=True,
                    color=colors.HexColor("#5b6f8a"),
                ),
                chart(
                    "개선제안 — 처리 상태별",
                    s.proposals_by_status,
                    horizontal=True,
                    color=colors.HexColor("#2f7a6b"),
                ),
            ],
            [
                chart(
                    "발견사항 — 심각도별",
                    s.findings_by_severity,
                    horizontal=True,
                    color=colors.HexColor("#c4570c"),
                ),
                chart("발견사항 — 유형별", s.findings_by_category, horizontal=True),
            ],
        ],
        colWidths=[CHART_W + 3 * mm] * 2,
    )
    charts.setStyle(
        table_style(
            [
                ("SPAN", (0, 0), (1, 0)),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    held = f"활동 {s.events_held}회 · 참여 단원 활동 시간 합계 {format_hours(s.attendance_hours)}"
    return [
        para("요약", "ir_chapter"),
        para(f"{data.period_text} · {scope} · {held}", "ir_sub"),
        Spacer(WIDTH, 4 * mm),
        _tiles(s),
        Spacer(WIDTH, 2 * mm),
        para(
            f"개선제안 {s.verification_text} — 다음 점검에서 개선이 확인된 제안만 현장 확인으로 셉니다."
            + (
                " 미흡은 점검에서 고쳐지지 않았다고 보아 다시 추진중으로 돌린 제안입니다."
                if s.insufficient
                else ""
            ),
            "ir_sub",
        ),
        para(f"채택 과제 추진 현황: {completion_text(data)}", "ir_sub"),
        Spacer(WIDTH, 3 * mm),
        charts,
        Spacer(WIDTH, 3 * mm),
        para(
            "채택률 = 채택·부분채택(이후 추진중·완료 포함) ÷ (그 수 + 불채택). 답변 소요 = 접수 다음 근무일부터 답변일까지의 "
            "근무일(주말·공휴일 제외), 답변된 제안의 중앙값. 답변 기한 경과 = 작성일 기준 기한이 지났으나 아직 접수·검토중인 제안. "
            f"참여 단원 = 기간 중 활동에 한 번 이상 참석한 단원. 등록 단원 = 기간 중 등록되어 있던 단원"
            f"(탈퇴 {s.withdrawn}명 포함; 대시보드의 '활동 중인 단원'은 지금 활동 중인 단원만 셉니다).",
            "ir_note",
        ),
        PageBreak(),
    ]
