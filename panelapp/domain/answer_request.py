"""답변 요청서: the workbook a coordinator sends a department that does not use the program
(issue 14 item 2), as data classes and rules that the writer, the reader and the service share.

The department officer fills one row per proposal: 결과 (채택 / 부분채택 / 불채택), 사유 (the answer
text; for 불채택 the reason), 추진 계획 and 완료 예정일 (for 채택 / 부분채택) and 답변자 (who
answered). A row left blank in all of these is skipped. The workbook carries a stamp (a hidden
sheet): the department and cohort it was made for, and each proposal's version then, so that an
answer to an older state of a proposal is refused rather than saved over what changed since.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from panelapp.domain.enums import ProposalStatus
from panelapp.domain.errors import DomainError

KIND = "panelapp 답변 요청서"
FORMAT = 1
SHEET = "답변 요청"
STAMP_SHEET = "요청 정보"

FACT_COLUMNS: tuple[tuple[str, float], ...] = (
    ("번호", 7),
    ("제목", 28),
    ("시설", 16),
    ("발견사항 요약", 40),
    ("심각도", 9),
    ("분류", 12),
    ("접수일", 11),
    ("답변 기한", 11),
    ("제안자", 9),
    ("사진", 36),
)
C_RESULT, C_REASON, C_PLAN, C_EXPECTED, C_ANSWERER = "결과", "사유", "추진 계획", "완료 예정일", "답변자"
ANSWER_COLUMNS: tuple[tuple[str, float], ...] = (
    (C_RESULT, 11),
    (C_REASON, 36),
    (C_PLAN, 30),
    (C_EXPECTED, 13),
    (C_ANSWERER, 10),
)
HEADERS = tuple(h for h, _w in FACT_COLUMNS + ANSWER_COLUMNS)
RESULTS: dict[str, ProposalStatus] = {
    "채택": ProposalStatus.ACCEPTED,
    "부분채택": ProposalStatus.PARTIAL,
    "불채택": ProposalStatus.DECLINED,
}
HEADER_ROW = 4  # rows 1–3: title, what to do, the reply deadline
FIRST_ROW = HEADER_ROW + 1
MAX_ROWS = 5000  # proposals one workbook asks about (a department's open ones are far fewer)


@dataclass(frozen=True)
class Photo:
    name: str
    jpeg: bytes  # a small thumbnail, upright


@dataclass(frozen=True)
class RequestRow:
    proposal_id: int
    version: int
    title: str
    facility: str | None
    findings: str  # 발견사항 요약: one line per linked finding
    severity: str | None
    categories: str | None
    submitted_on: dt.date
    due_on: dt.date | None
    proposer: str | None  # masked unless the request was made with a purpose
    photo_count: int
    photos: tuple[Photo, ...]  # the first few, embedded as thumbnails


@dataclass(frozen=True)
class Stamp:
    department_id: int
    department: str
    cohort_id: int
    cohort: str
    made_at: str  # local time, "2026-06-20 14:05"
    organization: str
    versions: dict[int, int]  # proposal id → its version when the workbook was made
    masked: bool = True


@dataclass(frozen=True)
class AnswerCells:
    """One filled row as read (values as the cells hold them: text, dates, numbers)."""

    row: int  # as Excel numbers it
    proposal_id: object
    result: object
    reason: object
    plan: object
    expected: object
    answerer: object

    def blank(self) -> bool:
        return all(_empty(v) for v in (self.result, self.reason, self.plan, self.expected, self.answerer))


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"행 {self.row}: {self.column}: {self.message}"


class AnswersRefused(DomainError):
    """The workbook cannot be taken: nothing was saved. `problems` names each row."""

    def __init__(self, file_name: str, problems: list[RowProblem]):
        lines = [str(p) for p in problems]
        head = f"'{file_name}'의 답변을 가져오지 않았습니다. 아래 {len(problems):,}곳을 고친 뒤 다시 가져와 주세요 (아무것도 저장하지 않았습니다)."
        super().__init__("\n".join([head, *lines]))
        self.problems = problems
