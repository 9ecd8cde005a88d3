"""개선 보고서: the improvement report for board meetings, as PDF bytes.

Cover, one-page summary with charts, a section per facility (scores, findings with photos,
proposals with the department's answer), all proposals with the done ones' before/after photos,
citizens' 좋아요·아쉬워요 per facility and the proposals they led to, an appendix of
activities and attendance, and, when the cohort carried any, its 차년도 업무계획 to close. The parts live in panelapp/reports/improvement/.

`progress(done, total, text)` is called as layout reaches each section; it may raise (Cancel)
to stop the build, and nothing is returned then.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import PageBreak

from panelapp.domain.report_data import ReportData
from panelapp.reports.base import para
from panelapp.reports.improvement.cover import cover
from panelapp.reports.improvement.facility import facility_story
from panelapp.reports.improvement.feedback import feedback_story
from panelapp.reports.improvement.layout import TITLE, Marker, render
from panelapp.reports.improvement.next_year import next_year_story
from panelapp.reports.improvement.summary import summary
from panelapp.reports.improvement.tables import appendix_story, proposals_story

__all__ = ["TITLE", "render_improvement_report", "section_count", "write_improvement_report"]

Progress = Callable[[int, int, str], None]


def section_count(data: ReportData) -> int:
    """How many progress steps the build reports (cover and summary count as one each)."""
    n = 1 + sum(key in data.sections for key in ("summary", "proposals", "feedback", "appendix"))
    n += 1 if data.next_year_plan is not None and data.next_year_plan.rows else 0
    return n + (len(data.facilities) + 1 if "facilities" in data.sections else 0)


def render_improvement_report(data: ReportData, progress: Progress | None = None) -> tuple[bytes, int]:
    """The PDF bytes and its page count."""
    pdf, pages = _render(data, progress, None)
    assert pdf is not None
    return pdf, pages


def write_improvement_report(data: ReportData, out, progress: Progress | None = None) -> int:
    """Draw the PDF into `out` (a binary file open for writing); returns the page count."""
    return _render(data, progress, out)[1]


def _render(data: ReportData, progress: Progress | None, out) -> tuple[bytes | None, int]:
    total, state = section_count(data), {"done": 0}

    def hook(text: str) -> None:
        if progress is not None:
            progress(state["done"], total, f"보고서 그리는 중: {text}")
        state["done"] += 1

    numbers = {p.id: n for n, p in enumerate(data.proposals, 1)}
    story: list = [Marker(hook, "표지")] + cover(data)
    if "summary" in data.sections:
        story += [Marker(hook, "요약")] + summary(data)
    if "facilities" in data.sections:
        story += [Marker(hook, "시설별 결과"), para("시설별 점검 결과", "ir_chapter")]
        if not data.facilities:
            story.append(para("보고 기간에 점검·발견사항·개선제안이 있는 시설이 없습니다.", "body"))
        for index, fac in enumerate(data.facilities, 1):
            story += facility_story(fac, index, data.photos, numbers, hook)
        story.append(PageBreak())
    if "proposals" in data.sections:
        story += proposals_story(data, numbers, hook)
    if "feedback" in data.sections:
        if story and isinstance(story[-1], PageBreak):
            story.pop()  # citizens' notes follow on the same page when room is left
        story += feedback_story(data, numbers, hook)
    if "appendix" in data.sections:
        story += appendix_story(data, hook)
    closing = next_year_story(data, hook)
    if closing:
        if story and not isinstance(story[-1], PageBreak):
            story.append(PageBreak())
        story += closing
    while story and isinstance(story[-1], PageBreak):
        story.pop()  # no blank last page
    pdf, pages = render(story, data.organization, data.logo_png, out)
    if progress is not None:
        progress(total, total, "보고서를 마무리하는 중…")
    return pdf, pages
