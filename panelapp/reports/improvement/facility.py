"""One section per facility: visits, checklist scores, findings with photos, their proposals."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table

from panelapp.domain.enums import ProposalStatus, Severity
from panelapp.domain.formatting import dotted_date, format_points
from panelapp.domain.report_data import FacilitySection, FindingRow, Photo, ProposalRow
from panelapp.reports.base import CachedParagraph, PagedTable, _style, data_table, para, table_cells
from panelapp.reports.improvement.layout import (
    BODY_HEIGHT,
    OVERDUE_COLOR,
    SEVERITY_COLORS,
    STATUS_COLORS,
    WIDTH,
    Marker,
    ScoreBar,
    table_style,
)
from panelapp.reports.photo import PrintPhoto

PHOTO_H = 52 * mm
FINDING_COLS = [11 * mm, 101 * mm, 17 * mm, 19 * mm, 22 * mm]


@cache
def _colored_style(color: str, bold: bool, size: float = 9) -> ParagraphStyle:
    return _style(
        f"ir_{color}_{bold}_{size}", size, bold=bold, align=TA_CENTER, leading=12, color=HexColor(color)
    )


def _colored(text: str, color: str, bold: bool = False, size: float = 9) -> Paragraph:
    # Plain text in a coloured style, not <font> markup: ReportLab wraps a one-style CJK
    # paragraph several times faster than one with markup (the 2,000-finding benchmark).
    return CachedParagraph(escape(text), _colored_style(color, bold, size))


def severity_cell(severity: Severity) -> Paragraph:
    return _colored(
        severity.label,
        SEVERITY_COLORS[severity].hexval().replace("0x", "#"),
        bold=severity in (Severity.URGENT, Severity.HIGH),
    )


def status_label(status: ProposalStatus) -> Paragraph:
    return _colored(status.label, STATUS_COLORS[status], bold=True)


def status_cell(p: ProposalRow) -> list[Paragraph] | Paragraph:
    cell = status_label(p.status)
    if p.verified_on is not None:
        return [cell, _colored("현장 확인", STATUS_COLORS[p.status], size=7.5)]
    return [cell, _colored("기한 경과", OVERDUE_COLOR, size=7.5)] if p.overdue else cell


def photo_box(n: int) -> tuple[float, float]:
    """Width and height (points) a photo may take when its finding has `n` photos in the report:
    side by side, at most half the row each."""
    slot = (FINDING_COLS[1] + sum(FINDING_COLS[2:]) - 4 * mm) / max(n, 2)
    return slot - 3 * mm, PHOTO_H


PHOTO_BOX = photo_box(2)  # the largest; print copies (services/reporting/photos.py) are made for it


def photo_flowable(photo: Photo, width: float, height: float = PHOTO_H):
    """The photo upright (EXIF orientation applied), scaled into width × height when drawn."""
    path = Path(photo.path)
    if not path.is_file():
        return para(f"(사진 파일을 찾을 수 없습니다: {photo.caption or path.name})", "ir_note")
    try:
        return PrintPhoto(path, photo.width, photo.height, width, height, photo.caption or path.name)
    except Exception:  # noqa: BLE001 - no size recorded and the header unreadable
        return para(f"(사진을 읽을 수 없습니다: {photo.caption or path.name})", "ir_note")


def _photo_row(f: FindingRow) -> Table:
    n = len(f.photos)
    width, height = photo_box(n)
    slot = width + 3 * mm
    cells = [[photo_flowable(p, width, height) for p in f.photos]]
    captions = [[para(p.caption or "", "ir_note") for p in f.photos]]
    t = Table(cells + captions, colWidths=[slot] * n, hAlign="LEFT")
    t.setStyle(
        table_style(
            [
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return t


def _finding_text(f: FindingRow) -> list[Paragraph]:
    meta = [dotted_date(f.observed_on)] + ([f"위치: {f.location}"] if f.location else [])
    if f.photo_count > len(f.photos):
        meta.append(
            f"사진 {f.photo_count}장 중 {len(f.photos)}장 수록" if f.photos else f"사진 {f.photo_count}장"
        )
    out = [para(f.title, "ir_cell_bold"), para(" · ".join(meta), "ir_cell_small")]
    if f.description:
        out.append(para(f.description, "cell"))
    return out


FINDING_ALIGNS = ["center", "left", "center", "center", "center"]


def findings_table(f_rows: tuple[FindingRow, ...], photos: bool, numbers: dict[int, int]) -> PagedTable:
    # cells are made paragraphs once here: each page's part and the measuring reuse them
    header = table_cells([["번호", "발견사항", "유형", "심각도", "관련 제안"]], FINDING_ALIGNS)
    groups = []
    for n, f in enumerate(f_rows, 1):
        rows: list[list] = [
            [
                str(n),
                _finding_text(f),
                f.category,
                severity_cell(f.severity),
                ", ".join(str(numbers[p]) for p in f.proposal_ids if p in numbers) or "–",
            ]
        ]
        extra: list[tuple] = []
        if photos and f.photos:
            rows.append(["", _photo_row(f), "", "", ""])
            extra = [("SPAN", (1, 1), (-1, 1))]  # a finding stays with its photos: one group
        groups.append((table_cells(rows, FINDING_ALIGNS, 0), extra))
    return PagedTable(header, groups, _findings_part, BODY_HEIGHT)


def _findings_part(rows: list[list], extra: list[tuple], header_rows: int) -> Table:
    return data_table(
        rows,
        FINDING_COLS,
        header_rows=header_rows,
        aligns=FINDING_ALIGNS,
        zebra=False,
        extra=extra,
    )


def proposals_table(props: tuple[ProposalRow, ...], numbers: dict[int, int]) -> Table:
    rows: list[list] = [["연번", "개선제안", "처리 상태", "담당부서 답변"]]
    for p in props:
        answer = [
            para(p.answer or ("답변 대기" + (f" (기한 {dotted_date(p.due_on)})" if p.due_on else "")), "cell")
        ]
        if p.status == ProposalStatus.DECLINED and p.decline_reason:
            answer.append(para(f"불채택 사유: {p.decline_reason}", "ir_cell_small"))
        if p.answered_on:
            answer.append(
                para(f"답변 {dotted_date(p.answered_on)} · {p.days_to_answer}근무일 소요", "ir_cell_small")
            )
        if p.status == ProposalStatus.DONE and p.result_text:
            answer.append(para(f"완료 내용: {p.result_text}", "ir_cell_small"))
        title = [para(p.title, "ir_cell_bold")] + (
            [para(p.department, "ir_cell_small")] if p.department else []
        )
        rows.append([str(numbers.get(p.id, "–")), title, status_cell(p), answer])
    return data_table(rows, [14 * mm, 56 * mm, 20 * mm, 80 * mm], aligns=["center", "left", "center", "left"])


def _scores(fac: FacilitySection) -> Table:
    rows: list[list] = [["점검 영역", "응답 문항", "점수 (100점)", ""]]
    for sc in fac.scores:
        rows.append([sc.title, f"{sc.answered}", format_points(sc.score, ""), ScoreBar(sc.score)])
    rows.append(
        [
            para("종합", "ir_cell_bold"),
            f"{sum(s.answered for s in fac.scores)}",
            para(format_points(fac.overall_score, ""), "cell_total"),
            ScoreBar(fac.overall_score),
        ]
    )
    return data_table(rows, [55 * mm, 25 * mm, 30 * mm, 60 * mm], aligns=["left", "right", "right", "left"])


def facility_story(fac: FacilitySection, index: int, photos: bool, numbers: dict[int, int], hook) -> list:
    urgent = sum(1 for f in fac.findings if f.severity == Severity.URGENT)
    info = " · ".join(
        x for x in (fac.type_name, fac.address, f"담당 {fac.department}" if fac.department else None) if x
    )
    visits = (
        (
            f"점검 {len(fac.visit_dates)}회 ({', '.join(dotted_date(d) for d in fac.visit_dates[:6])}"
            + (" 외" if len(fac.visit_dates) > 6 else "")
            + ")"
        )
        if fac.visit_dates
        else "기간 중 완료된 점검 없음"
    )
    facts = (
        f"{visits} · 발견사항 {len(fac.findings)}건"
        + (f" (긴급 {urgent}건)" if urgent else "")
        + f" · 개선제안 {len(fac.proposals)}건"
    )
    # Facilities follow one another (a new page only when little room is left): a page per
    # facility left half-empty pages holding two rows of proposals.
    story: list = [
        CondPageBreak(95 * mm),
        Marker(hook, f"시설별 결과: {fac.name}"),
        para(f"{index}. {fac.name}", "ir_facility"),
        para(info, "ir_sub"),
        para(facts, "ir_sub"),
        Spacer(WIDTH, 3 * mm),
    ]
    if fac.scores:
        story += [CondPageBreak(55 * mm), para("점검표 점수", "heading"), _scores(fac)]
    if fac.findings:
        # room for the header and the first finding with its photos, or the heading moves on too
        first = 40 * mm + (PHOTO_H + 12 * mm if photos and fac.findings[0].photos else 0)
        story += [
            CondPageBreak(first),
            para("발견사항", "heading"),
            findings_table(fac.findings, photos, numbers),
        ]
    if fac.proposals:
        story += [
            CondPageBreak(40 * mm),
            para("개선제안과 담당부서 답변", "heading"),
            proposals_table(fac.proposals, numbers),
        ]
    story.append(Spacer(WIDTH, 8 * mm))
    return story[:1] + [KeepTogether(story[1:6])] + story[6:]
