"""활동확인서: a one-page A4 activity certificate for one member of one cohort."""

from __future__ import annotations

from collections import defaultdict

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from panelapp.domain.certificate_data import CertificateData
from panelapp.domain.enums import EnrollmentStatus
from panelapp.domain.formatting import dotted_date, format_hours, korean_date
from panelapp.reports.base import ACCENT, FONT_BOLD, HEAD_BG, MARGIN, RULE, build_pdf, data_table, para

TITLE = "활동확인서"
DETAIL_LIMIT = 15  # more rows than this cannot share the page with the rest: summarise by kind
FOOTER = "이 확인서는 시민참여단 출석·활동 기록을 바탕으로 발급되었습니다."


class _Title(Flowable):
    """The title drawn letter-spaced (one text run, so it still extracts as "활동확인서")."""

    def __init__(self, text: str, size: float = 27):
        super().__init__()
        self.text, self.size = text, size

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        return avail_width, self.size * 1.5

    def draw(self):
        space = self.size * 0.55
        canv = self.canv
        canv.setFont(FONT_BOLD, self.size)
        canv.setFillColor(ACCENT)
        width = canv.stringWidth(self.text, FONT_BOLD, self.size) + space * (len(self.text) - 1)
        canv.drawString((self.width - width) / 2, self.size * 0.3, self.text, charSpace=space)


class _PushDown(Flowable):
    """Takes the free height above what follows, so the closing block sits at the page foot."""

    def __init__(self, following: list[Flowable]):
        super().__init__()
        self.following = following

    def wrap(self, avail_width, avail_height):
        needed = sum(
            f.wrap(avail_width, avail_height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
            for f in self.following
        )
        return avail_width, max(0.0, avail_height - needed - 1)

    def draw(self):
        pass


def _border(canv, _doc) -> None:
    width, height = A4
    canv.setStrokeColor(ACCENT)
    canv.setLineWidth(2)
    canv.rect(9 * mm, 9 * mm, width - 18 * mm, height - 18 * mm)
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.6)
    canv.rect(11 * mm, 11 * mm, width - 22 * mm, height - 22 * mm)


def _period(data: CertificateData) -> str:
    text = f"{dotted_date(data.period_start)} ~ {dotted_date(data.period_end)}"
    if data.ongoing:
        return text + " (발급일 현재 활동 중)"
    if data.status == EnrollmentStatus.COMPLETED:
        return text + " (수료)"
    return text


def _record(data: CertificateData) -> str:
    text = f"총 {data.hours_text}"
    if data.held:
        text += f" · 출석 {data.attended}회 / {data.held}회 (출석률 {data.rate_text})"
    return text


def _info_table(data: CertificateData):
    rows = [
        ("성명", data.member_name),
        ("소속", data.affiliation),
        ("역할", data.role_label),
        ("활동 기간", _period(data)),
        ("활동 실적", _record(data)),
    ]
    body = [[para(label, "label"), para(value, "body")] for label, value in rows]
    body[0][1] = para(data.member_name, "heading")
    width = A4[0] - 2 * MARGIN
    return data_table(
        body,
        [34 * mm, width - 34 * mm],
        header_rows=0,
        zebra=False,
        extra=[
            ("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LEFTPADDING", (1, 0), (1, -1), 10),
        ],
    )


def _activity_table(data: CertificateData, summarise: bool):
    width = A4[0] - 2 * MARGIN
    total_style = [("BACKGROUND", (0, -1), (-1, -1), HEAD_BG)]
    hours = para(data.hours_text, "cell_total")
    if not summarise:
        rows = [["날짜", "구분", "내용", "시간"]]
        rows += [[dotted_date(a.date), a.kind_label, a.title, format_hours(a.hours)] for a in data.activities]
        rows.append([para("합계", "cell_head"), "", "", hours])
        return data_table(
            rows,
            [27 * mm, 24 * mm, width - 73 * mm, 22 * mm],
            zebra=False,
            aligns=["center", "center", "left", "right"],
            extra=total_style + [("SPAN", (0, -1), (2, -1))],
        )
    groups: dict[str, list] = defaultdict(list)
    for a in data.activities:
        groups[a.kind_label].append(a)
    rows = [["구분", "횟수", "기간", "시간"]]
    for label, items in sorted(groups.items(), key=lambda kv: min(a.date for a in kv[1])):
        first, last = min(a.date for a in items), max(a.date for a in items)
        span = dotted_date(first) if first == last else f"{dotted_date(first)} ~ {dotted_date(last)}"
        rows.append([label, f"{len(items)}회", span, format_hours(sum(a.hours for a in items))])
    rows.append([para("합계", "cell_head"), para(f"{len(data.activities)}회", "cell_head"), "", hours])
    return data_table(
        rows,
        [30 * mm, 22 * mm, width - 76 * mm, 24 * mm],
        zebra=False,
        aligns=["center", "center", "center", "right"],
        extra=total_style,
    )


def _story(data: CertificateData, summarise: bool) -> list:
    org = data.organization_name
    story = [
        para(f"발급번호  {data.certificate_number}", "small"),
        Spacer(0, 7 * mm),
        _Title(TITLE),
        Spacer(0, 8 * mm),
        _info_table(data),
        Spacer(0, 5 * mm),
        para("활동 내역", "heading"),
    ]
    if not data.activities:
        story.append(para("기록된 활동이 없습니다.", "body"))
    else:
        story.append(_activity_table(data, summarise))
        if summarise:
            story += [
                Spacer(0, 2 * mm),
                para(
                    f"활동 {len(data.activities)}건을 구분별로 합산하여 적었습니다. "
                    "건별 내역은 발급 기관의 출석 기록에 있습니다.",
                    "small",
                ),
            ]
    closing = [
        Spacer(0, 6 * mm),
        para(
            f"위 사람은 {org + ' ' if org else ''}{data.panel_title} 활동에 참여하였음을 확인합니다.",
            "statement",
        ),
        Spacer(0, 7 * mm),
        para(korean_date(data.issued_on), "date"),
        Spacer(0, 9 * mm),
        para(data.issuer, "issuer"),
        Spacer(0, 3 * mm),
    ]
    return story + [_PushDown(closing)] + closing


def render_certificate(data: CertificateData) -> bytes:
    """PDF bytes of exactly one page: activities listed, or summarised by kind when many."""
    kwargs = dict(
        title=f"{TITLE} - {data.member_name}",
        organization=data.organization_name,
        header=False,
        footer_note=FOOTER,
        top=24 * mm,
        bottom=24 * mm,
        decorate=_border,
    )
    summarise = len(data.activities) > DETAIL_LIMIT
    pdf, pages = build_pdf(_story(data, summarise), **kwargs)
    if pages > 1 and not summarise:  # long titles wrapped onto more lines than expected
        pdf, pages = build_pdf(_story(data, True), **kwargs)
    return pdf
