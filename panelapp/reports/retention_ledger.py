"""파기 관리대장: the printed ledger of every destruction of personal data.

Each destruction is one block (관리번호, 일시, 인원 and the members' numbers, 파기 항목, 방법,
승인자 and the computer, 사유, 백업 처리), kept together on a page; a summary table first, the
reviewer's signature line last. The ledger names members only by number: after the destruction
there is no name left to print.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from panelapp.domain.localtime import format_local
from panelapp.domain.retention_data import LedgerData, LedgerEntry
from panelapp.reports.base import FONT_BOLD, HEAD_BG, MARGIN, build_pdf, data_table, para

TITLE = "개인정보 파기 관리대장"
WIDTH = 210 * mm - 2 * MARGIN
NOTE = "개인정보 보호법 제21조에 따른 파기 기록입니다. 파기한 개인정보는 복원할 수 없습니다."


def _numbers(entry: LedgerEntry) -> str:
    shown = ", ".join(f"#{i}" for i in entry.member_ids[:60])
    more = len(entry.member_ids) - 60
    return shown + (f" 외 {more}명" if more > 0 else "")


def _summary(data: LedgerData):
    rows: list[list] = [["관리번호", "파기 일시", "인원", "승인자", "사유"]]
    for e in data.entries:
        rows.append([str(e.number), format_local(e.at), f"{e.count:,}명", e.approver, e.reason])
    return data_table(
        rows,
        [18 * mm, 34 * mm, 16 * mm, 28 * mm, WIDTH - 96 * mm],
        aligns=["center", "center", "right", "left", "left"],
    )


def _block(entry: LedgerEntry):
    approver = entry.approver + (f" (컴퓨터: {entry.host})" if entry.host else "")
    facts = [
        ["관리번호", str(entry.number)],
        ["파기 일시", format_local(entry.at)],
        ["파기 인원", f"{entry.count:,}명 — 단원 번호 {_numbers(entry)}"],
        ["파기 항목", entry.items],
        ["파기 방법", entry.method],
        ["승인자", approver],
        ["파기 사유", entry.reason],
        ["백업 처리", entry.backups],
    ]
    body = [[para(k, "cell"), para(v, "cell")] for k, v in facts]
    return data_table(
        body,
        [24 * mm, WIDTH - 24 * mm],
        header_rows=0,
        zebra=False,
        extra=[("BACKGROUND", (0, 0), (0, -1), HEAD_BG), ("FONTNAME", (0, 0), (0, -1), FONT_BOLD)],
    )


def render_ledger(data: LedgerData) -> tuple[bytes, int]:
    """The PDF bytes and its page count."""
    story: list = [
        para(TITLE, "title"),
        Spacer(1, 3 * mm),
        para(
            f"출력 {format_local(data.printed_at)} · 출력자 {data.printed_by or '–'} · 파기 {len(data.entries):,}건, "
            f"{sum(e.count for e in data.entries):,}명",
            "small",
        ),
        Spacer(1, 3 * mm),
    ]
    if not data.entries:
        story.append(para("아직 파기한 기록이 없습니다.", "body"))
    else:
        story += [_summary(data), Spacer(1, 6 * mm)]
        for entry in data.entries:
            story += [KeepTogether([_block(entry)]), Spacer(1, 4 * mm)]
    story += [
        Spacer(1, 6 * mm),
        KeepTogether(
            [para("확인자: ______________________ (서명)      확인일: ________년 ____월 ____일", "body")]
        ),
    ]
    return build_pdf(story, title=TITLE, organization=data.organization_name, footer_note=NOTE)
