"""The improvement report's 채택 과제 추진 현황 (issue 14 item 4): each adopted proposal carries its
진행률 by the one rule, the report the cohort's completion line; the PDF draws a bar per adopted
proposal with "NN%" and prints the line (summary and section), the xlsx has a 진행률 column and
the 요약 rows, the HWPX/DOCX outline the line and a 진행률 table."""

import io

from openpyxl import load_workbook
from pypdf import PdfReader
from report_world import REPORT_DATE, build_report_world

from panelapp.domain.enums import ProposalStatus as PS
from panelapp.domain.report_data import ReportOptions
from panelapp.reports import board_report as br
from panelapp.reports.improvement.progress import ProgressBar, progress_story
from panelapp.reports.improvement_report import render_improvement_report
from panelapp.reports.report_xlsx import report_xlsx_bytes
from panelapp.services.proposals.manage import get_proposal
from panelapp.services.proposals.milestones import MilestoneInput, add_milestone, set_milestone_done
from panelapp.services.proposals.progress import post_progress
from panelapp.services.reporting.query import build_report_data

D = REPORT_DATE.__class__


def _data(ctx):
    world = build_report_world(ctx)
    handrail, braille = world.proposals["handrail"], world.proposals["braille"]
    p = get_proposal(ctx, handrail)
    for title, weight in (("자재 구매", 1), ("설치", 3)):
        p = add_milestone(
            ctx, p.id, p.version, MilestoneInput(title, D(2026, 7, 1), weight), today=REPORT_DATE
        )
    p = set_milestone_done(ctx, p.milestones[1].id, p.version, D(2026, 7, 10), today=REPORT_DATE)
    b = get_proposal(ctx, braille)
    post_progress(ctx, b.id, b.version, "절반", 30, on=D(2026, 7, 20), today=REPORT_DATE)
    data = build_report_data(ctx, ReportOptions(world.w.cohort_id, report_date=REPORT_DATE))
    return world, data


def test_rows_carry_the_rules_progress_and_the_report_the_completion(ctx):
    world, data = _data(ctx)
    by_id = {p.id: p for p in data.proposals}
    got = {k: by_id[pid].progress for k, pid in world.proposals.items() if pid in by_id}
    assert got["handrail"] == 75 and got["braille"] == 30 and got["lot"] == 100
    assert got["toilet"] is None and got["bench"] is None and got["sign"] is None
    f = data.progress
    assert (f.accepted, f.done) == (3, 1) and f.text == "채택 3건 중 완료 1건, 평균 진행률 68%"  # 205/3


def test_the_pdf_draws_a_bar_per_adopted_proposal_and_prints_the_line(ctx):
    _world, data = _data(ctx)
    numbers = {p.id: n for n, p in enumerate(data.proposals, 1)}
    story = progress_story(data, numbers)
    table = next(x for x in story if hasattr(x, "_cellvalues"))
    bars = [c for row in table._cellvalues for c in row if isinstance(c, ProgressBar)]
    assert len(bars) == 3
    labels = sorted(s.text for b in bars for s in b.contents if hasattr(s, "text"))
    assert labels == ["100%", "30%", "75%"]
    assert all(s.fontName == "NanumGothic" for b in bars for s in b.contents if hasattr(s, "text"))
    pdf, _pages = render_improvement_report(data)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).replace(" ", "")
    assert (
        "채택과제추진현황" in text and text.count("채택3건중완료1건,평균진행률68%") == 2
    )  # summary, section
    assert "75%" in text and "30%" in text


def test_the_xlsx_and_the_board_documents_carry_the_progress(ctx):
    world, data = _data(ctx)
    wb = load_workbook(io.BytesIO(report_xlsx_bytes(data)))
    rows = list(wb["개선제안"].iter_rows(values_only=True))
    column = rows[0].index("진행률")
    by_title = {r[2]: r[column] for r in rows[1:]}
    assert by_title["경사로 손잡이 교체 및 미끄럼 방지"] == 0.75 and by_title["화장실 청소 주기 단축"] is None
    summary = dict(r for r in wb["요약"].iter_rows(values_only=True))
    assert summary["채택 과제 평균 진행률"] == "68%" and summary["채택 과제 중 완료"] == 1
    report = br.build_board_report(data)
    table = next(t for t in report.tables() if t.rows[0][0] == "담당부서" and t.rows[0][-1] == "진행률")
    # the 계 row is the report's completion: 채택 3, 완료 1, 진행률 68%
    total = dict(zip(table.rows[0], table.rows[-1], strict=True))
    assert (total["담당부서"], total["채택"], total["완료"], total["진행률"]) == ("계", "3", "1", "68%")
    assert sum(table.widths) == br.TEXT_W
    rows = {r.department: r.progress for r in br.department_rows(data)}
    by_department: dict = {}
    for p in data.proposals:
        if p.progress is not None:
            by_department.setdefault(p.department or "부서 미지정", []).append(p.progress)
    assert {k: v for k, v in rows.items() if v is not None} == {
        k: sum(v) / len(v) for k, v in by_department.items()
    }
    assert PS.DONE in {p.status for p in data.proposals if p.progress == 100}
