"""출석 서명부: the sheet passed round at an event for each member to sign beside their name.

One line per member expected at the event (번호, 이름, 소속 단, 서명), tall enough to sign on,
the header repeated on every page; above it the event, below it the count and the coordinator's
confirmation. The footer says what the sheet is: personal data, to be collected after the event
and destroyed when its keeping period ends.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from panelapp.domain.formatting import korean_date
from panelapp.domain.signin_sheet_data import SignInSheetData
from panelapp.reports.base import FONT_BOLD, HEAD_BG, MARGIN, build_pdf, data_table, para

TITLE = "출석 서명부"
WIDTH = 210 * mm - 2 * MARGIN
ROW_HEIGHT = 11 * mm  # room for a signature
WEEKDAYS = "월화수목금토일"
PRIVACY_NOTE = (
    "개인정보가 담긴 문서입니다. 행사가 끝나면 회수하여 담당자가 보관하고, 보존 기간이 지나면 파기해 주세요."
)


def _facts(data: SignInSheetData):
    day = data.event_date
    when = f"{korean_date(day)} ({WEEKDAYS[day.weekday()]})" + (
        f" {data.time_text}" if data.time_text else ""
    )
    rows = [
        ["행사", f"{data.event_kind} · {data.event_title}", "일시", when],
        ["기수", data.cohort_name, "장소", data.location or "–"],
    ]
    body = [[para(v, "cell") for v in row] for row in rows]
    return data_table(
        body,
        [18 * mm, 70 * mm, 18 * mm, WIDTH - 106 * mm],
        header_rows=0,
        zebra=False,
        extra=[
            ("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
            ("BACKGROUND", (2, 0), (2, -1), HEAD_BG),
            ("FONTNAME", (0, 0), (0, -1), FONT_BOLD),
        ],
    )


def _names(data: SignInSheetData):
    rows: list[list] = [["번호", "이름", "소속 단", "서명"]]
    for row in data.rows:
        rows.append([str(row.number), row.name, row.team or "–", ""])
    table = data_table(
        rows,
        [14 * mm, 40 * mm, 46 * mm, WIDTH - 100 * mm],
        aligns=["center", "left", "left", "left"],
        zebra=False,
    )
    table._argH = [None] + [ROW_HEIGHT] * len(data.rows)  # room to sign by hand
    return table


def render_signin_sheet(data: SignInSheetData) -> tuple[bytes, int]:
    """The PDF bytes and its page count."""
    story: list = [
        para(TITLE, "title"),
        Spacer(1, 4 * mm),
        _facts(data),
        Spacer(1, 3 * mm),
        para(
            f"대상 {len(data.rows):,}명 · "
            + ("이름 일부를 가렸습니다. " if data.masked else "")
            + "본인 이름 옆 서명 칸에 서명해 주세요.",
            "small",
        ),
        Spacer(1, 2 * mm),
    ]
    if data.rows:
        story.append(_names(data))
    else:
        story.append(para("이 행사에 참석할 단원이 없습니다(활동 기간·점검 배정을 확인해 주세요).", "body"))
    story += [
        Spacer(1, 8 * mm),
        KeepTogether(
            [
                para(f"출석 인원: ________명 / 대상 {len(data.rows):,}명", "body"),
                Spacer(1, 4 * mm),
                para("확인자: ______________________ (서명)      확인일: ________년 ____월 ____일", "body"),
            ]
        ),
    ]
    return build_pdf(
        story,
        title=f"{TITLE} — {data.event_title}",
        organization=data.organization_name,
        footer_note=PRIVACY_NOTE,
    )
