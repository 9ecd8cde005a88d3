"""개선 전·후: each done proposal with what was done (완료 내용) and its photos side by side, its
findings' photos (before) on the left and the photos given at 완료 처리 (after) on the right,
every photo fitted into the same fixed box so the pairs read alike on paper."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer, Table

from panelapp.domain.enums import ProposalStatus
from panelapp.domain.formatting import dotted_date
from panelapp.domain.report_data import Photo, ProposalRow, ReportData
from panelapp.reports.base import para
from panelapp.reports.improvement.facility import photo_flowable
from panelapp.reports.improvement.layout import SOFT, WIDTH, table_style

PER_SIDE = 2  # photos per side (services/reporting/query.EVIDENCE_PHOTOS)
HALF = WIDTH / 2
SLOT = HALF / PER_SIDE  # the column each photo stands in
EVIDENCE_BOX = (SLOT - 4 * mm, 30 * mm)  # the fixed box every before/after photo is fitted into
FRAME = colors.HexColor("#eef1f5")


def done_proposals(data: ReportData) -> list[ProposalRow]:
    return [p for p in data.proposals if p.status == ProposalStatus.DONE]


def _side(photos: tuple[Photo, ...], empty: str) -> Table | object:
    if not photos:
        return para(empty, "ir_note")
    width, height = EVIDENCE_BOX
    cells = [[photo_flowable(p, width, height) for p in photos]]
    t = Table(cells, colWidths=[SLOT] * len(photos), rowHeights=[height + 2 * mm], hAlign="LEFT")
    t.setStyle(
        table_style(
            [
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("BACKGROUND", (0, 0), (-1, -1), FRAME),  # every photo in the same visible box
                ("LINEAFTER", (0, 0), (-2, -1), 3, colors.white),
            ]
        )
    )
    return t


def _label(text: str, shown: int, total: int) -> str:
    if total > shown:
        return f"{text} (사진 {total}장 중 {shown}장)"
    return text


def _block(p: ProposalRow, number: int | str, photos: bool) -> Table:
    meta = [x for x in (p.facility_name, p.department) if x]
    if p.completed_on:
        meta.append(f"완료 {dotted_date(p.completed_on)}")
        meta.append(f"접수부터 {(p.completed_on - p.submitted_on).days}일")
    if p.verified_on:
        meta.append(f"현장 확인 {dotted_date(p.verified_on)}")
    rows: list[list] = [
        [para(f"{number}. {p.title}", "ir_cell_bold"), ""],
        [para(" · ".join(meta), "ir_cell_small"), ""],
        [para(f"완료 내용: {p.result_text or '(기록 없음)'}", "cell"), ""],
    ]
    spans = [("SPAN", (0, r), (1, r)) for r in range(3)]
    if photos:
        rows.append(
            [
                para(
                    _label("개선 전 · 발견사항 사진", len(p.before_photos), p.before_photo_count),
                    "ir_cell_small",
                ),
                para(_label("개선 후", len(p.after_photos), p.after_photo_count), "ir_cell_small"),
            ]
        )
        rows.append(
            [
                _side(p.before_photos, "연결된 발견사항에 사진이 없습니다."),
                _side(p.after_photos, "개선 후 사진이 없습니다."),
            ]
        )
    t = Table(rows, colWidths=[HALF, HALF])
    t.setStyle(
        table_style(
            spans
            + [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("BACKGROUND", (0, 0), (-1, 0), SOFT),
                ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#9db4d0")),
            ]
            + ([("LINEBEFORE", (1, 3), (1, 4), 0.4, colors.HexColor("#c9d5e3"))] if photos else [])
        )
    )
    return t


def evidence_story(data: ReportData, numbers: dict[int, int]) -> list:
    """The 개선 전·후 part after the list of proposals; nothing when no proposal is done."""
    done = done_proposals(data)
    if not done:
        return []
    story: list = [
        CondPageBreak(80 * mm),
        para("개선 전·후: 완료된 제안", "heading"),
        para(
            f"완료된 제안 {len(done)}건의 완료 내용과 사진입니다. 왼쪽은 제안의 근거가 된 발견사항 사진, "
            "오른쪽은 완료 처리 때 붙인 사진입니다.",
            "ir_sub",
        ),
        Spacer(WIDTH, 2 * mm),
    ]
    for p in done:
        story += [KeepTogether([_block(p, numbers.get(p.id, "–"), data.photos)]), Spacer(WIDTH, 3 * mm)]
    return story
