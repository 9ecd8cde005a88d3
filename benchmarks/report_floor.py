"""The floor for bench_report, run as its own process: a bare ReportLab document of the same tables
and the same photos, pre-scaled to their drawn size beforehand, written to a file.

    python -m benchmarks.report_floor DATA.pickle OUT.pdf

DATA.pickle holds (ReportData, {photo path: pre-scaled JPEG path}). Prints the page count.
"""

from __future__ import annotations

import pickle
import sys


def bare_story(data, prescaled: dict[str, str] | None = None) -> list:
    """The report's tables as plain Paragraph tables (CJK wrapping, repeated headers, one font), and
    each finding's photos (when `prescaled` maps them) in a row below it, drawn from JPEG files."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, Paragraph, Table, TableStyle

    from panelapp.reports.base import FONT

    cell = ParagraphStyle("bare", fontName=FONT, fontSize=9, leading=12, wordWrap="CJK")
    photo_box = ((101 + 17 + 19 + 22 - 4) * mm / 2 - 3 * mm, 52 * mm)

    def table(rows, widths, spans=()):
        body = [[Paragraph(str(v), cell) if not isinstance(v, Table) else v for v in r] for r in rows]
        t = Table(body, colWidths=widths, repeatRows=1)
        t.setStyle(
            TableStyle(
                [("FONTNAME", (0, 0), (-1, -1), FONT), ("GRID", (0, 0), (-1, -1), 0.4, "grey")] + list(spans)
            )
        )
        return t

    def photos_row(f):
        images = []
        for p in f.photos:
            w, h = p.width or 4, p.height or 3
            scale = min(photo_box[0] / w, photo_box[1] / h)
            # lazy=2: opened when drawn and let go, as ReportLab offers for documents of many images
            images.append(Image(prescaled[p.path], width=w * scale, height=h * scale, lazy=2))
        return Table([images], colWidths=[photo_box[0] + 3 * mm] * len(images), hAlign="LEFT")

    story = []
    for fac in data.facilities:
        rows: list[list] = [["번호", "발견사항", "유형", "심각도", "관련 제안"]]
        spans = []
        for n, f in enumerate(fac.findings, 1):
            rows.append(
                [
                    n,
                    f"{f.title} {f.observed_on} {f.location or ''} {f.description or ''}",
                    f.category,
                    f.severity.label,
                    ",".join(map(str, f.proposal_ids)),
                ]
            )
            if prescaled is not None and f.photos:
                rows.append(["", photos_row(f), "", "", ""])
                spans.append(("SPAN", (1, len(rows) - 1), (-1, len(rows) - 1)))
        story.append(table(rows, [11 * mm, 101 * mm, 17 * mm, 19 * mm, 22 * mm], spans))
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
    return story


def bare_pdf(data, out, prescaled: dict[str, str] | None = None) -> int:
    """Build the bare document into `out` (a path or a binary file); returns its page count."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    doc = BaseDocTemplate(
        out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=22 * mm, bottomMargin=20 * mm
    )
    doc.addPageTemplates(
        [PageTemplate(frames=[Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height)])]
    )
    doc.build(bare_story(data, prescaled))
    return doc.page


def main(argv: list[str]) -> int:
    with open(argv[0], "rb") as fh:
        data, prescaled = pickle.load(fh)
    print(bare_pdf(data, argv[1], prescaled))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
