"""The board report (운영위원회·이사회 보고) as an outline of blocks, in government 개조식 style.

One outline, drawn by two writers (hwpx_report.py for 한글, docx_report.py for Word), so the two
documents say the same thing. Everything comes from `ReportData`, the data the PDF is drawn
from: the figures are the PDF summary's own (`kpis`, the summary's tallies), never counted again,
and the names in it are masked exactly as the data was.

Structure: 결재란, title and date, then 1. 개요, 2. 활동 실적 (figures tables), 3. 주요 개선 성과
(the most important completed or accepted proposals with their findings' photos), 4. 부서별 처리
현황 (per department, derived from the report's proposals), 5. 향후 계획 (open and carried-over
items, planned activities), 붙임 and "끝.". Item markers follow the official order
1. → 가. → 1) → 가) → (1).
"""

from __future__ import annotations

import datetime as dt
import io
import statistics
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from panelapp.domain.enums import ProposalStatus, Severity
from panelapp.domain.formatting import dotted_date, format_hours
from panelapp.domain.proposal_progress import figures_of, mean_text
from panelapp.domain.report_data import SLA_HEADERS, FindingRow, ProposalRow, ReportData
from panelapp.reports.improvement.layout import TITLE as PDF_TITLE
from panelapp.reports.improvement.summary import kpis

BODY_FONT = "함초롬바탕"  # both are in Hancom Office's default font set
HEAD_FONT = "함초롬돋움"

# A4 and the margins of Korean official documents (mm)
PAGE_W, PAGE_H = 210.0, 297.0
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 20.0, 15.0, 20.0, 20.0
HEADER_MM, FOOTER_MM = 10.0, 10.0
TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT  # 170 mm

PHOTO_W, PHOTO_H = 64.0, 48.0  # the box of every photo of 3. 주요 개선 성과 (4:3)
MAX_CROP = 0.2  # a photo is cropped to fill its box when that cuts no more than this of it
MAX_HIGHLIGHTS = 3
MAX_PHOTOS = 2  # per highlight
MAX_LISTED = 5  # items of a list in 5. 향후 계획 before "외 N건"
MAX_DEPARTMENT_ROWS = 12

HANGUL_ORDER = "가나다라마바사아자차카타파하"
STATUSES_OPEN = (ProposalStatus.SUBMITTED, ProposalStatus.REVIEWING)
STATUSES_CARRIED = (ProposalStatus.ACCEPTED, ProposalStatus.PARTIAL, ProposalStatus.IN_PROGRESS)
STATUSES_ACHIEVED = (ProposalStatus.DONE, *STATUSES_CARRIED)
SEVERITY_RANK = {Severity.URGENT: 0, Severity.HIGH: 1, Severity.MEDIUM: 2, Severity.LOW: 3}


def marker(level: int, n: int) -> str:
    """The n-th (1-based) item marker of outline level 1–5: 1. 가. 1) 가) (1)."""
    hangul = HANGUL_ORDER[n - 1] if 1 <= n <= len(HANGUL_ORDER) else str(n)
    return {1: f"{n}.", 2: f"{hangul}.", 3: f"{n})", 4: f"{hangul})", 5: f"({n})"}[level]


# ----- blocks ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Text:
    """A paragraph. `style`: title, meta, item (with `level` 1–5 and `marker`), note, attach."""

    text: str
    style: str = "item"
    level: int = 0
    marker: str = ""
    keep: bool = False  # kept on the page of what follows (a heading, the text above a table)

    @property
    def full(self) -> str:
        return f"{self.marker} {self.text}" if self.marker else self.text


@dataclass(frozen=True)
class Table:
    """A table with explicit column widths (mm); the first `header_rows` rows are headings, and
    `total_row` marks the last as a 계 row."""

    widths: tuple[float, ...]
    rows: tuple[tuple[str, ...], ...]
    aligns: tuple[str, ...]  # "left" | "center" | "right" per column
    header_rows: int = 1
    total_row: bool = False
    row_height: float = 7.0  # mm, the least height of a row


@dataclass(frozen=True)
class PhotoCell:
    path: str
    label: str  # "개선 전 1 · 탈의실 바닥"


@dataclass(frozen=True)
class PhotoRow:
    """Photos side by side, each cropped to fill PHOTO_W × PHOTO_H, labelled below."""

    photos: tuple[PhotoCell, ...]


@dataclass(frozen=True)
class Placement:
    """A photo in its box: the drawn size (mm) and the fractions cut from its left, top, right
    and bottom (nothing, or a centred crop that fills the box)."""

    width: float
    height: float
    crop: tuple[float, float, float, float]


@dataclass(frozen=True)
class SignOff:
    titles: tuple[str, ...]


@dataclass(frozen=True)
class Attachments:
    """붙임: the label, and beside it the numbered files one under another; the last line ends
    with "끝.", as an official document with attachments does."""

    lines: tuple[str, ...]


Block = Text | Table | PhotoRow | SignOff | Attachments


@dataclass(frozen=True)
class BoardReport:
    title: str
    organization: str
    date: dt.date
    masked: bool
    blocks: tuple[Block, ...]

    def texts(self) -> list[str]:
        """Every paragraph's text and every table cell's, in order (tests read them back)."""
        out: list[str] = []
        for b in self.blocks:
            if isinstance(b, Text):
                out.append(b.full)
            elif isinstance(b, Table):
                out += [c for row in b.rows for c in row]
            elif isinstance(b, PhotoRow):
                out += [p.label for p in b.photos]
            elif isinstance(b, SignOff):
                out += ["결재", *b.titles]
            elif isinstance(b, Attachments):
                out += ["붙임", *b.lines]
        return out

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def photos(self) -> list[PhotoCell]:
        return [p for b in self.blocks if isinstance(b, PhotoRow) for p in b.photos]


def attachment_names(pdf: bool, xlsx: bool) -> list[str]:
    """The 붙임 lines for the files made with this document."""
    out = []
    if pdf:
        out.append(f"{PDF_TITLE}(PDF) 1부.")
    if xlsx:
        out.append("개선 보고서 자료(엑셀) 1부.")
    return out


# ----- the outline ---------------------------------------------------------------------------------
class _Outline:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.counters = [0] * 6

    def item(self, level: int, text: str, keep: bool = False) -> None:
        self.counters[level] += 1
        for deeper in range(level + 1, 6):
            self.counters[deeper] = 0
        self.blocks.append(Text(text, "item", level, marker(level, self.counters[level]), keep or level == 1))

    def add(self, block: Block) -> None:
        self.blocks.append(block)

    def keep_from(self, start: int) -> None:
        self.blocks[start:] = [
            replace(b, keep=True) if isinstance(b, Text) else b for b in self.blocks[start:]
        ]


def build_board_report(data: ReportData, attachments: list[str] | tuple[str, ...] = ()) -> BoardReport:
    title = f"{data.cohort_name} 활동 결과 보고"
    o = _Outline()
    if data.signoff:
        o.add(SignOff(tuple(data.signoff)))
    o.add(Text(title, "title"))
    meta = f"{dotted_date(data.generated_on)}  {data.organization}"
    if data.prepared_by:
        meta += f" (작성: {data.prepared_by})"
    o.add(Text(meta, "meta"))
    _overview(o, data)
    _figures(o, data)
    _highlights(o, data, pdf_attached=any("(PDF)" in a for a in attachments))
    _departments(o, data)
    _plans(o, data)
    _next_year(o, data)
    _attachments(o, list(attachments))
    return BoardReport(title, data.organization, data.generated_on, data.masked, tuple(o.blocks))


def _overview(o: _Outline, data: ReportData) -> None:
    s = data.summary
    o.item(1, "개요")
    o.item(
        2,
        f"목적: {data.cohort_name}의 보고 기간 활동 실적과 개선 성과를 보고하고, 미처리 과제와 향후 계획을 공유함",
    )
    o.item(2, f"보고 기간: {data.period_text}")
    teams = sorted({r.team for r in data.participation if r.team})
    team_text = f"{len(teams)}개 단({', '.join(teams)}), " if teams else ""
    left = f"(탈퇴 {s.withdrawn:,}명 포함)" if s.withdrawn else ""
    o.item(2, f"구성: {team_text}등록 단원 {s.members:,}명{left}")
    scope = (
        "전체 시설"
        if data.facility_filter is None
        else f"선택한 시설 {len(data.facility_filter)}곳({_names(data.facility_filter, 4)})"
    )
    o.item(2, f"대상: {scope}, 점검한 시설 {s.facilities_inspected:,}곳")
    o.item(
        2,
        f"활동: 활동 {s.events_held:,}회, 참여 단원 활동 시간 합계 {format_hours(s.attendance_hours)}",
    )
    if not data.masked:
        o.add(Text("※ 개인정보: 이름을 가리지 않고 표시함(열람 목적 기록됨)", "note", 2))


def _figures(o: _Outline, data: ReportData) -> None:
    s = data.summary
    o.item(1, "활동 실적")
    o.item(2, "주요 지표", keep=True)
    figures = kpis(s)  # the PDF summary's tiles, figure for figure
    notes = {
        "완료된 점검": " · ".join(f"{t.label} {t.count:,}" for t in s.inspections_by_status),
        "발견사항": " · ".join(f"{t.label} {t.count:,}" for t in reversed(s.findings_by_severity)),
        "개선제안": f"답변 {s.answered:,}건, {s.verification_text}",
    }
    rows = [("구분", "실적", "비고")]
    for value, label in figures:
        key = label.split(" (")[0]
        rows.append((label, value, notes.get(key, "")))
    o.add(Table((54.0, 28.0, 88.0), tuple(rows), ("left", "right", "left")))
    o.item(2, "발견사항 심각도별", keep=True)
    severities = tuple(reversed(s.findings_by_severity))  # 긴급 first, as the official order of gravity
    o.add(_tally_table(severities, s.findings, "건"))
    o.item(2, "개선제안 처리 상태별", keep=True)
    o.add(_tally_table(s.proposals_by_status, s.proposals, "건"))
    o.add(
        Text(
            "※ 채택률 = 채택·부분채택(이후 추진중·완료 포함) ÷ (그 수 + 불채택), 답변 소요 = 접수 다음 근무일부터"
            " 답변일까지의 근무일(주말·공휴일 제외), 그 중앙값, 현장 확인 = 완료 뒤 다음 점검에서 개선이 확인된 제안,"
            " 현장 확인 미흡 = 점검에서 미흡으로 보아 다시 추진중으로 돌린 제안",
            "note",
            2,
        )
    )


def _tally_table(tallies, total: int, unit: str) -> Table:
    labels = tuple(t.label for t in tallies) + ("계",)
    counts = tuple(f"{t.count:,}" for t in tallies) + (f"{total:,}",)
    first = 22.0
    width = (TEXT_W - first) / len(labels)
    return Table(
        (first,) + (width,) * len(labels),
        (("구분",) + labels, (f"건수({unit})",) + counts),
        ("center",) * (len(labels) + 1),
    )


def _findings_of(data: ReportData) -> dict[int, FindingRow]:
    return {f.id: f for fac in data.facilities for f in fac.findings}


def _rank(p: ProposalRow, findings: dict[int, FindingRow]) -> tuple:
    linked = [findings[i] for i in p.finding_ids if i in findings]
    gravest = min((SEVERITY_RANK[f.severity] for f in linked), default=len(SEVERITY_RANK))
    after = bool(p.after_photos)
    photos = after or any(f.photos for f in linked)
    done = p.status == ProposalStatus.DONE
    return (not done, not after, gravest, not photos, p.submitted_on, p.id)


def highlights(data: ReportData) -> list[ProposalRow]:
    """The most important completed or accepted proposals: 완료 first (those with photos after
    the improvement first), then by the gravest finding they answer, those with photos first,
    the earliest first."""
    findings = _findings_of(data)
    chosen = [p for p in data.proposals if p.status in STATUSES_ACHIEVED]
    return sorted(chosen, key=lambda p: _rank(p, findings))[:MAX_HIGHLIGHTS]


def evidence(p: ProposalRow, linked: list[FindingRow]) -> list[PhotoCell]:
    """Up to MAX_PHOTOS photos of a proposal, labelled: one before and one after the improvement
    when it has after photos (the pair the PDF's 개선 전·후 draws), else its findings' photos."""
    before = [(ph, _caption(ph.caption, p.title)) for ph in p.before_photos] or [
        (ph, _caption(ph.caption, f.title)) for f in linked for ph in f.photos
    ]
    after = [(ph, _caption(ph.caption, p.result_text or p.title)) for ph in p.after_photos]
    if after:
        chosen = [("개선 전", *before[0])] if before else []
        chosen += [("개선 후", *shot) for shot in after[: MAX_PHOTOS - len(chosen)]]
    else:
        chosen = [("개선 전", *shot) for shot in before[:MAX_PHOTOS]]
    several = {label for label in ("개선 전", "개선 후") if sum(c[0] == label for c in chosen) > 1}
    counts: dict[str, int] = defaultdict(int)
    out = []
    for label, photo, caption in chosen:
        counts[label] += 1
        name = f"{label} {counts[label]}" if label in several else label
        out.append(PhotoCell(photo.path, f"{name} · {_clip(caption, 24)}"))
    return out


def _caption(caption: str | None, fallback: str) -> str:
    """A photo's caption, unless it only says what the label says ("개선 후")."""
    text = (caption or "").strip()
    return fallback if not text or text.startswith(("개선 전", "개선 후")) else text


def _highlights(o: _Outline, data: ReportData, pdf_attached: bool) -> None:
    o.item(1, "주요 개선 성과")
    findings = _findings_of(data)
    chosen = highlights(data)
    if not chosen:
        o.item(2, "보고 기간에 완료되거나 채택된 개선제안이 없음")
        return
    for p in chosen:
        start = len(o.blocks)
        place = f" ({p.facility_name})" if p.facility_name else ""
        o.item(2, f"{p.title}{place}")
        linked = [findings[i] for i in p.finding_ids if i in findings]
        if linked:
            f = linked[0]
            more = f" 외 {len(linked) - 1}건" if len(linked) > 1 else ""
            o.item(3, f"발견 내용: {f.title}({f.severity.label}, {dotted_date(f.observed_on)}){more}")
        if p.proposal:
            o.item(3, f"제안 내용: {_clip(p.proposal, 160)}")
        result = f"처리 결과: {p.status.label}"
        if p.department:
            result += f", {p.department}"
        if p.completed_on:
            result += f", {dotted_date(p.completed_on)} 완료"
            if p.verified_on:
                result += f", {dotted_date(p.verified_on)} 현장 확인"
        elif p.answered_on:
            result += f", {dotted_date(p.answered_on)} 답변"
        if p.reopened:
            result += ", 현장 확인 결과 미흡"
        if p.days_to_answer is not None:
            result += f"(답변까지 {p.days_to_answer}근무일)"
        o.item(3, result)
        if p.answer:
            o.item(4, f"답변: {_clip(p.answer, 200)}")
        if p.result_text:
            o.item(4, f"완료 내용: {_clip(p.result_text, 200)}")
        if p.proposer:
            o.item(4, f"제안자: {p.proposer}")
        cells = evidence(p, linked) if data.photos else []
        if cells:
            o.keep_from(start)  # the item's lines stay on the page of its photos
            o.add(PhotoRow(tuple(cells)))
    rest = [p for p in data.proposals if p.status in STATUSES_ACHIEVED and p not in chosen]
    if rest:
        done = sum(1 for p in rest if p.status == ProposalStatus.DONE)
        o.add(
            Text(
                f"※ 그 밖에 완료 {done:,}건, 채택·추진 중 {len(rest) - done:,}건"
                + ("(붙임 개선 보고서의 개선제안 목록 참조)" if pdf_attached else ""),
                "note",
                2,
            )
        )


@dataclass(frozen=True)
class DepartmentRow:
    department: str
    proposals: int
    answered: int
    accepted: int
    done: int
    waiting: int
    overdue: int
    median_days: float | None
    progress: float | None = None  # mean 진행률 of its adopted proposals (None: none adopted)


def department_rows(data: ReportData) -> list[DepartmentRow]:
    """Per department, from the report's proposals (the totals are the summary's)."""
    groups: dict[str, list[ProposalRow]] = defaultdict(list)
    for p in data.proposals:
        groups[p.department or "부서 미지정"].append(p)
    rows = []
    for name, props in groups.items():
        days = [p.days_to_answer for p in props if p.days_to_answer is not None]
        rows.append(
            DepartmentRow(
                name,
                len(props),
                len(days),
                sum(1 for p in props if p.status in STATUSES_ACHIEVED),
                sum(1 for p in props if p.status == ProposalStatus.DONE),
                sum(1 for p in props if p.status in STATUSES_OPEN),
                sum(1 for p in props if p.overdue),
                statistics.median(days) if days else None,
                figures_of(name, [(p.status, p.progress) for p in props]).mean,
            )
        )
    return sorted(rows, key=lambda r: (-r.proposals, r.department))


def _days(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.0f}근무일" if value == int(value) else f"{value:.1f}근무일"


def _departments(o: _Outline, data: ReportData) -> None:
    o.item(1, "부서별 처리 현황")
    rows = department_rows(data)
    if not rows:
        o.item(2, "보고 기간에 접수된 개선제안이 없음")
        return
    shown = rows[:MAX_DEPARTMENT_ROWS]
    if len(rows) > len(shown):
        rest = rows[len(shown) :]
        rest_names = {r.department for r in rest}
        shown.append(
            DepartmentRow(
                f"그 밖의 {len(rest)}개 부서",
                sum(r.proposals for r in rest),
                sum(r.answered for r in rest),
                sum(r.accepted for r in rest),
                sum(r.done for r in rest),
                sum(r.waiting for r in rest),
                sum(r.overdue for r in rest),
                None,
                figures_of(
                    "",
                    [
                        (p.status, p.progress)
                        for p in data.proposals
                        if (p.department or "부서 미지정") in rest_names
                    ],
                ).mean,
            )
        )
    s = data.summary
    table = [("담당부서", "제안", "답변", "채택", "완료", "답변 대기", "기한 경과", "답변 소요", "진행률")]
    for r in shown:
        table.append(
            (
                r.department,
                f"{r.proposals:,}",
                f"{r.answered:,}",
                f"{r.accepted:,}",
                f"{r.done:,}",
                f"{r.waiting:,}",
                f"{r.overdue:,}",
                _days(r.median_days),
                mean_text(r.progress),
            )
        )
    done = next((t.count for t in s.proposals_by_status if t.label == ProposalStatus.DONE.label), 0)
    waiting = sum(t.count for t in s.proposals_by_status if t.label in {st.label for st in STATUSES_OPEN})
    table.append(
        (
            "계",
            f"{s.proposals:,}",
            f"{s.answered:,}",
            f"{s.accepted:,}",
            f"{done:,}",
            f"{waiting:,}",
            f"{s.overdue:,}",
            _days(s.median_days_to_answer),
            data.progress.mean_text if data.progress is not None else mean_text(None),
        )
    )
    o.add(
        Table(
            (30.0, 15.0, 15.0, 15.0, 15.0, 20.0, 20.0, 22.0, 18.0),  # 진행률: the adopted ones' mean
            tuple(table),
            ("left",) + ("right",) * 6 + ("center", "right"),
            total_row=True,
        )
    )
    o.add(
        Text(
            "※ 답변 소요는 부서별 중앙값(근무일), 기한 경과는 작성일 기준 기한이 지난 답변 대기 제안",
            "note",
            2,
        )
    )
    _answer_sla(o, data)


SLA_WIDTHS = (40.0, 16.0, 16.0, 26.0, 26.0, 26.0, 20.0)  # mm, as the other tables: 170 in all


def _answer_sla(o: _Outline, data: ReportData) -> None:
    """부서별 답변 처리: the PDF's table (reports/improvement/sla.py), the same rows and headers
    (its note is the PDF's; the board report's four pages leave no room to repeat it)."""
    if not data.departments:
        return
    o.item(2, "부서별 답변 처리(근무일 기준)")
    rows = tuple(tuple(r.cells()) for r in data.departments)
    o.add(
        Table(
            SLA_WIDTHS,
            (tuple(SLA_HEADERS), *rows),
            ("left",) + ("right",) * (len(SLA_HEADERS) - 1),
            total_row=data.departments[-1].total,
        )
    )


def _plans(o: _Outline, data: ReportData) -> None:
    o.item(1, "향후 계획")
    waiting = [p for p in data.proposals if p.status in STATUSES_OPEN]
    overdue = sum(1 for p in waiting if p.overdue)
    text = f"답변 대기 제안 처리: {len(waiting):,}건" + (f"(기한 경과 {overdue:,}건)" if overdue else "")
    o.item(2, text + (", 담당부서에 답변을 요청함" if waiting else ""))
    for p in sorted(waiting, key=lambda p: (not p.overdue, p.due_on or dt.date.max, p.id))[:MAX_LISTED]:
        o.item(3, _open_item(p))
    _more(o, len(waiting))
    carried = [p for p in data.proposals if p.status in STATUSES_CARRIED]
    o.item(
        2,
        f"추진 중 과제 이월 관리: {len(carried):,}건"
        + (", 완료될 때까지 추진 상황을 점검함" if carried else ""),
    )
    for p in sorted(carried, key=lambda p: (p.answered_on or dt.date.max, p.id))[:MAX_LISTED]:
        o.item(3, _open_item(p))
    _more(o, len(carried))
    planned = [e for e in data.events if not e.held and e.event_date > data.generated_on]
    o.item(2, f"예정된 활동: {len(planned):,}건" if planned else "예정된 활동: 보고 기간 안에 남은 활동 없음")
    for e in planned[:MAX_LISTED]:
        o.item(3, f"{dotted_date(e.event_date)} {e.title}({e.kind})")
    _more(o, len(planned))


NEXT_YEAR_WIDTHS = (32.0, 66.0, 24.0, 24.0, 24.0)  # mm: 170 in all
NEXT_YEAR_HEADERS = ("담당부서", "제목", "상태·진행률", "목표 분기", "예상 비용(원)")


def _next_year(o: _Outline, data: ReportData) -> None:
    """차년도 업무계획 (issue 14 item 8): the carried items, per department with its subtotal and
    the total last; only when the cohort carried any."""
    plan = data.next_year_plan
    if plan is None or not plan.rows:
        return
    o.item(1, "차년도 업무계획")
    o.item(2, f"미완료 채택 과제 이월: {plan.summary}")
    rows: list[tuple[str, ...]] = [NEXT_YEAR_HEADERS]
    for d in plan.departments:
        for r in d.rows:
            state = r.status + (f" {r.progress_text}" if r.progress_text else "")
            cost = "–" if r.estimated_cost is None else f"{r.estimated_cost:,}"
            rows.append((d.department, r.title, state, r.quarter.label, cost))
        rows.append((f"{d.department} 소계", f"{len(d.rows):,}건", "", "", f"{d.total_cost:,}"))
    rows.append(("계", f"{plan.count:,}건", "", "", f"{plan.total_cost:,}"))
    o.add(Table(NEXT_YEAR_WIDTHS, tuple(rows), ("left", "left", "center", "center", "right"), total_row=True))


def _open_item(p: ProposalRow) -> str:
    parts = [p.status.label]
    if p.department:
        parts.append(p.department)
    if p.due_on and p.status in STATUSES_OPEN:
        parts.append(f"기한 {dotted_date(p.due_on)}" + (" 경과" if p.overdue else ""))
    place = f"[{p.facility_name}] " if p.facility_name else ""
    return f"{place}{p.title}({', '.join(parts)})"


def _more(o: _Outline, count: int) -> None:
    if count > MAX_LISTED:
        o.add(Text(f"외 {count - MAX_LISTED:,}건", "note", 3))


def _attachments(o: _Outline, names: list[str]) -> None:
    if not names:
        o.add(Text("끝.", "closing"))
        return
    lines = [f"{n}. {name}" for n, name in enumerate(names, 1)]
    lines[-1] += "  끝."
    o.add(Attachments(tuple(lines)))


def _names(names: tuple[str, ...], limit: int) -> str:
    return ", ".join(names[:limit]) + (f" 외 {len(names) - limit}곳" if len(names) > limit else "")


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ----- photos --------------------------------------------------------------------------------------
def image_bytes(path: str) -> tuple[bytes, str, tuple[int, int]] | None:
    """The photo's bytes as embedded, their format ("jpg"/"png") and upright pixel size; None when
    the file cannot be read. A JPEG or PNG stored upright (print copies are) is embedded byte for
    byte; anything else (another format, an EXIF turn, a camera original) is made an upright JPEG
    of at most 1600 px first."""
    from PIL import Image

    from panelapp.io.photo_files import orientation, upright
    from panelapp.reports.photo import flatten

    file = Path(path)
    try:
        raw = file.read_bytes()
        with Image.open(file) as img:
            turned = orientation(img) != 1
            fmt = {"JPEG": "jpg", "PNG": "png"}.get(img.format or "")
            if fmt and not turned and max(img.size) <= 2400 and len(raw) <= 3 * 1024 * 1024:
                return raw, fmt, img.size
            shown = flatten(upright(img))
            shown.thumbnail((1600, 1600))
            out = io.BytesIO()
            shown.save(out, "JPEG", quality=85)
            return out.getvalue(), "jpg", shown.size
    except Exception:  # noqa: BLE001 - an unreadable photo is left out, never stops the document
        return None


def readable_photos(row: PhotoRow) -> list[tuple[PhotoCell, tuple[bytes, str, tuple[int, int]]]]:
    """The row's photos with their bytes, format and size; an unreadable photo is left out."""
    out = []
    for cell in row.photos:
        image = image_bytes(cell.path)
        if image is not None:
            out.append((cell, image))
    return out


def placement(size: tuple[int, int], box: tuple[float, float] = (PHOTO_W, PHOTO_H)) -> Placement:
    """How a photo of `size` pixels takes its box: cropped to fill it, centred, when that cuts
    at most MAX_CROP of the photo (a landscape camera photo into a 4:3 box); otherwise whole,
    as large as fits (a photo taken upright)."""
    w, h = size
    want, have = box[0] / box[1], w / h
    if have >= want:
        cut = 1 - want / have  # of the width
        if cut <= MAX_CROP:
            return Placement(box[0], box[1], (cut / 2, 0.0, cut / 2, 0.0))
        return Placement(box[0], box[0] / have, (0.0, 0.0, 0.0, 0.0))
    cut = 1 - have / want  # of the height
    if cut <= MAX_CROP:
        return Placement(box[0], box[1], (0.0, cut / 2, 0.0, cut / 2))
    return Placement(box[1] * have, box[1], (0.0, 0.0, 0.0, 0.0))


__all__ = [
    "BODY_FONT",
    "HEAD_FONT",
    "Attachments",
    "BoardReport",
    "PhotoCell",
    "PhotoRow",
    "SignOff",
    "Table",
    "Text",
    "attachment_names",
    "build_board_report",
    "department_rows",
    "evidence",
    "placement",
    "readable_photos",
    "highlights",
    "image_bytes",
    "marker",
]


def draw_blocks(report: BoardReport, writer: Any, progress: Any, what: str) -> None:
    """Hand each block of the outline to the writer's method for its kind (text, table, photos,
    signoff, attachments), reporting progress every 8 blocks: the HWPX and DOCX writers share
    this walk and differ only in how they draw a block."""
    total = len(report.blocks)
    for n, block in enumerate(report.blocks):
        if progress is not None and n % 8 == 0:
            progress(n, total, f"{what}를 만드는 중…")
        if isinstance(block, Text):
            writer.text(block)
        elif isinstance(block, Table):
            writer.table(block)
        elif isinstance(block, PhotoRow):
            writer.photos(block)
        elif isinstance(block, SignOff):
            writer.signoff(block)
        elif isinstance(block, Attachments):
            writer.attachments(block)
