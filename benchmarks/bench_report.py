"""Improvement report speed: the demo scaled to 2,000 findings, no photos (about 100 pages).

    python -m benchmarks.bench_report [--findings N]

Target: the whole report (reading the data + drawing the PDF) <= 10 s, and <= 1.5x a bare
ReportLab document holding the same tables (Paragraph cells, CJK wrapping, repeated headers,
no cover, charts, header/footer or page numbers) built in the same run.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sys
import tempfile
import time

TOTAL_S, RATIO = 10.0, 1.5


def build(path: str, findings: int):
    """The demo database, its cohort-7 findings repeated (new dates, titles numbered) up to `findings`,
    a proposal for every fourth new finding."""
    from sqlalchemy import func, select

    from panelapp.db.models import Cohort, Finding, Inspection, Proposal, proposal_findings
    from panelapp.domain.enums import InspectionStatus, ProposalStatus
    from panelapp.services.context import transaction
    from panelapp.services.demo.build import load_demo
    from panelapp.services.system.bootstrap import open_app

    ctx = open_app(path)
    load_demo(ctx)
    rnd = random.Random(7)
    statuses = list(ProposalStatus)
    with transaction(ctx) as s:
        cohort = s.scalar(select(Cohort).where(Cohort.number == 7))
        visits = s.scalars(
            select(Inspection).where(
                Inspection.cohort_id == cohort.id, Inspection.status == InspectionStatus.COMPLETED
            )
        ).all()
        seeds = s.scalars(select(Finding).join(Inspection).where(Inspection.cohort_id == cohort.id)).all()
        have = s.scalar(
            select(func.count(Finding.id)).join(Inspection).where(Inspection.cohort_id == cohort.id)
        )
        for n in range(findings - have):
            seed, visit = seeds[n % len(seeds)], rnd.choice(visits)
            f = Finding(
                inspection_id=visit.id,
                facility_id=visit.facility_id,
                title=f"{seed.title} ({n + 1})",
                category=seed.category,
                severity=seed.severity,
                location=seed.location,
                description=seed.description,
                observed_on=visit.scheduled_date,
            )
            s.add(f)
            if n % 4 == 0:
                s.flush()
                status = rnd.choice(statuses)
                answered = status not in (ProposalStatus.SUBMITTED, ProposalStatus.REVIEWING)
                p = Proposal(
                    cohort_id=cohort.id,
                    facility_id=visit.facility_id,
                    title=f"{seed.title} 개선 ({n + 1})",
                    proposal=seed.description,
                    status=status,
                    submitted_on=visit.scheduled_date,
                    answer="담당부서에서 현장을 확인하고 개선 일정을 정했습니다." if answered else None,
                    answered_on=visit.scheduled_date.replace(day=28) if answered else None,
                )
                s.add(p)
                s.flush()
                s.execute(proposal_findings.insert().values(proposal_id=p.id, finding_id=f.id))
        cohort_id = cohort.id
    return ctx, cohort_id


def bare_pdf(data) -> tuple[bytes, int]:
    """The same tables in a plain ReportLab document: the floor the report is compared with."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Table, TableStyle

    from panelapp.reports.base import FONT

    cell = ParagraphStyle("bare", fontName=FONT, fontSize=9, leading=12, wordWrap="CJK")

    def table(rows, widths):
        t = Table([[Paragraph(str(v), cell) for v in r] for r in rows], colWidths=widths, repeatRows=1)
        t.setStyle(
            TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("GRID", (0, 0), (-1, -1), 0.4, "grey")])
        )
        return t

    story = []
    for fac in data.facilities:
        story.append(
            table(
                [["번호", "발견사항", "유형", "심각도", "관련 제안"]]
                + [
                    [
                        n,
                        f"{f.title} {f.observed_on} {f.location or ''} {f.description or ''}",
                        f.category,
                        f.severity.label,
                        ",".join(map(str, f.proposal_ids)),
                    ]
                    for n, f in enumerate(fac.findings, 1)
                ],
                [11 * mm, 101 * mm, 17 * mm, 19 * mm, 22 * mm],
            )
        )
        story.append(
            table(
                [["연번", "개선제안", "처리 상태", "담당부서 답변"]]
                + [
                    [p.id, f"{p.title} {p.department or ''}", p.status.label, p.answer or ""]
                    for p in fac.proposals
                ],
                [14 * mm, 56 * mm, 20 * mm, 80 * mm],
            )
        )
    story.append(
        table(
            [["연번", "시설", "개선제안", "담당부서", "상태", "접수일", "답변일", "소요"]]
            + [
                [
                    p.id,
                    p.facility_name,
                    p.title,
                    p.department,
                    p.status.label,
                    p.submitted_on,
                    p.answered_on,
                    p.days_to_answer,
                ]
                for p in data.proposals
            ],
            [11 * mm, 27 * mm, 43 * mm, 23 * mm, 16 * mm, 19 * mm, 19 * mm, 12 * mm],
        )
    )
    story.append(
        table(
            [["날짜", "구분", "활동", "시간", "참석"]]
            + [[e.event_date, e.kind, e.title, e.hours, e.present] for e in data.events],
            [24 * mm, 18 * mm, 90 * mm, 19 * mm, 19 * mm],
        )
    )
    story.append(
        table(
            [["이름", "단", "역할", "상태", "참석", "출석률", "시간"]]
            + [[r.name, r.team, r.role, r.status, r.attended, r.rate, r.hours] for r in data.participation],
            [26 * mm, 38 * mm, 16 * mm, 16 * mm, 26 * mm, 22 * mm, 26 * mm],
        )
    )
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=22 * mm, bottomMargin=20 * mm
    )
    doc.addPageTemplates(
        [PageTemplate(frames=[Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height)])]
    )
    doc.build(story)
    return buffer.getvalue(), doc.page


def run(findings: int = 2000, verbose: bool = True) -> dict:
    from panelapp.domain.report_data import ReportOptions
    from panelapp.reports.improvement_report import render_improvement_report
    from panelapp.services.reporting.query import build_report_data

    tmp = tempfile.mkdtemp(prefix="panelapp-bench-report-")
    t = time.perf_counter()
    ctx, cohort_id = build(os.path.join(tmp, "report.db"), findings)
    build_s = time.perf_counter() - t
    options = ReportOptions(cohort_id, photos=False)
    build_report_data(ctx, options)  # warm-up: imports, fonts, SQLite cache

    t = time.perf_counter()
    data = build_report_data(ctx, options)
    data_s = time.perf_counter() - t
    t = time.perf_counter()
    pdf, pages = render_improvement_report(data)
    pdf_s = time.perf_counter() - t
    t = time.perf_counter()
    _bare, bare_pages = bare_pdf(data)
    bare_s = time.perf_counter() - t
    ctx.db.dispose()

    total = data_s + pdf_s
    ratio = total / bare_s
    result = {
        "findings": data.summary.findings,
        "proposals": data.summary.proposals,
        "pages": pages,
        "bare_pages": bare_pages,
        "build_s": round(build_s, 1),
        "data_s": round(data_s, 2),
        "pdf_s": round(pdf_s, 2),
        "total_s": round(total, 2),
        "bare_s": round(bare_s, 2),
        "ratio": round(ratio, 2),
        "pdf_kb": len(pdf) // 1024,
        "passed": total <= TOTAL_S and ratio <= RATIO,
    }
    if verbose:
        print(
            f"개선 보고서: 발견사항 {result['findings']:,}건, 개선제안 {result['proposals']:,}건, {pages}쪽 "
            f"({result['pdf_kb']:,} KB)"
        )
        print(f"  자료 {data_s:.2f}s + PDF {pdf_s:.2f}s = {total:.2f}s (목표 ≤ {TOTAL_S:.0f}s)")
        print(
            f"  같은 표만 담은 ReportLab 문서 {bare_s:.2f}s ({bare_pages}쪽) → 비율 {ratio:.2f}x (목표 ≤ {RATIO}x)"
        )
        print("  통과" if result["passed"] else "  미달")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=2000)
    args = parser.parse_args(argv)
    return 0 if run(args.findings)["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
