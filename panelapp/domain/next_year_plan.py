"""차년도 업무계획 (issue 14 item 8): at the end of a cohort, the adopted proposals not yet done
are carried into a list of next year's work, one item per proposal with its department, the
estimated cost in 원, the target quarter and a note, beside the proposal's own facts.

Pure rules and the data classes the PDF, the workbook and the report take
(services/proposals/next_year.py builds them; reports/next_year_plan.py draws them).

Counting (docs/architecture.md, "Carried proposals count once"): a carried proposal stays in the
cohort that received it. Every figure of a cohort (dashboard, report, SLA, lists) counts the
proposals whose `cohort_id` is that cohort, so a carried one never counts in the next cohort's
figures; the next cohort shows it apart, as 이월 과제 (제N기에서), with its own count.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from panelapp.domain.errors import ValidationError

TITLE = "차년도 업무계획"
HISTORY_NOTE = "차년도 업무계획으로 이월"
HISTORY_REMOVED = "차년도 업무계획에서 뺌"
EVENT_KIND = "plan_carry"  # proposal_events.kind of the history entry
EVENT_KIND_REMOVED = "plan_remove"
EVENT_LABELS = {EVENT_KIND: HISTORY_NOTE, EVENT_KIND_REMOVED: HISTORY_REMOVED}
F_DEPARTMENT, F_COST, F_QUARTER, F_NOTE = "담당부서", "예상 비용", "목표 분기", "비고"
MAX_COST = 10**13  # 10조 원: more is a typing slip
QUARTER_YEARS = 10  # a target quarter further than this from the cohort's end is a typing slip
# the workbook's header row, in order (번호: the proposal's, as the window and the command line show it)
HEADERS = (
    "번호",
    "담당부서",
    "제목",
    "시설",
    "상태",
    "진행률",
    "완료 예정일",
    "예상 비용",
    "목표 분기",
    "비고",
)

_QUARTER = re.compile(
    r"^\s*(?P<year>\d{2}|\d{4})\s*(?:년|[-./]|\s)\s*(?:(?P<q>[1-4])\s*(?:분기|q)?|q(?P<q2>[1-4]))\s*$",
    re.IGNORECASE,
)
_QFIRST = re.compile(r"^\s*(?P<year>\d{4})\s*q(?P<q>[1-4])\s*$", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    quarter: int  # 1-4

    @property
    def label(self) -> str:
        return f"{self.year}년 {self.quarter}분기"

    @classmethod
    def of(cls, day: dt.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def last_day(self) -> dt.date:
        month = self.quarter * 3
        nxt = dt.date(self.year + (month == 12), month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)


def parse_quarter(text: str | None, around: int | None = None) -> Quarter:
    """ "2027년 2분기", "2027 2", "2027-2", "27년 2분기", "2027Q2" → Quarter(2027, 2); anything else
    is a sentence naming the field. `around`: the year the quarter must lie within QUARTER_YEARS of."""
    raw = (text or "").strip()
    if not raw:
        raise ValidationError(F_QUARTER, "목표 분기를 '2027년 2분기'처럼 적어 주세요.")
    m = _QUARTER.match(raw) or _QFIRST.match(raw)
    if m is None:
        raise ValidationError(
            F_QUARTER, f"'{raw}'는 분기로 읽을 수 없습니다. '2027년 2분기'처럼 적어 주세요."
        )
    year = int(m.group("year"))
    if year < 100:
        year += 2000
    q = int(m.group("q") or m.groupdict().get("q2") or 0)
    quarter = Quarter(year, q)
    if around is not None and abs(year - around) > QUARTER_YEARS:
        raise ValidationError(
            F_QUARTER,
            f"{quarter.label}는 기수 종료 연도({around}년)에서 {QUARTER_YEARS}년 넘게 떨어져 있습니다.",
        )
    return quarter


def check_not_past(quarter: Quarter, today: dt.date) -> Quarter:
    """A next-year plan's target quarter may not have ended already (before today's quarter)."""
    if quarter < Quarter.of(today):
        raise ValidationError(
            F_QUARTER,
            f"{quarter.label}는 이미 지났습니다. 차년도 업무계획의 목표 분기는 "
            f"{Quarter.of(today).label} 이후로 적어 주세요.",
        )
    return quarter


def check_cost(cost: int | None) -> int | None:
    """예상 비용 in 원: a whole number from 0, or None (not estimated)."""
    if cost is None:
        return None
    if isinstance(cost, bool) or not isinstance(cost, int):
        raise ValidationError(F_COST, "예상 비용은 원 단위 정수로 적어 주세요.")
    if cost < 0:
        raise ValidationError(F_COST, "예상 비용은 0원 이상이어야 합니다.")
    if cost > MAX_COST:
        raise ValidationError(F_COST, "예상 비용이 너무 큽니다(10조 원 이하로 적어 주세요).")
    return cost


def parse_cost(text: str | None) -> int | None:
    """What a person types: "1,200,000", "120만", "3억 5천만", "1200000원"; blank → None."""
    raw = (text or "").strip().replace(",", "").replace(" ", "")
    if raw.endswith("원"):
        raw = raw[:-1]
    if not raw:
        return None
    if raw.isdigit():
        return check_cost(int(raw))
    total, rest = 0, raw
    for unit, factor in (("조", 10**12), ("억", 10**8), ("만", 10**4)):
        if unit in rest:
            head, rest = rest.split(unit, 1)
            total += _small(head, raw) * factor
    if rest:
        total += _small(rest, raw)
    return check_cost(total)


def _small(text: str, raw: str) -> int:
    """ "3천5백" → 3500, "12" → 12 (below 만)."""
    if text.isdigit():
        return int(text)
    value, rest = 0, text
    for unit, factor in (("천", 1000), ("백", 100), ("십", 10)):
        if unit in rest:
            head, rest = rest.split(unit, 1)
            value += (int(head) if head.isdigit() else 1 if head == "" else _bad(raw)) * factor
    if rest:
        value += int(rest) if rest.isdigit() else _bad(raw)
    return value


def _bad(raw: str) -> int:
    raise ValidationError(F_COST, f"'{raw}'는 금액으로 읽을 수 없습니다. 1200000 또는 120만처럼 적어 주세요.")


def cost_text(cost: int | None) -> str:
    return "" if cost is None else f"{cost:,}원"


UNSET = "미정"


def costs_text(rows: tuple[PlanRow, ...] | list[PlanRow]) -> str:
    """The sum of the rows' 예상 비용: "미정" when none is set, "128,500,000원 (미정 2건 제외)" when
    some are not, else "4,700,000원"."""
    unset = sum(1 for r in rows if r.estimated_cost is None)
    if rows and unset == len(rows):
        return UNSET
    total = f"{sum(r.estimated_cost or 0 for r in rows):,}원"
    return total + (f" ({UNSET} {unset:,}건 제외)" if unset else "")


def default_quarter(
    term_start: dt.date, term_end: dt.date, expected_on: dt.date | None, today: dt.date | None = None
) -> Quarter:
    """The quarter an item is first proposed for: 차년도 is the year after the one the cohort
    started in (a term of 2026-03 to 2027-01 plans for 2027), from its first quarter, or from the
    quarter the term ends in when that is later; its 완료 예정일's quarter when that is later still;
    never a quarter that has ended by `today` (a plan carried late would be refused by its own
    defaults, check_not_past)."""
    first = max(Quarter(term_start.year + 1, 1), Quarter.of(term_end))
    if expected_on is not None and Quarter.of(expected_on) > first:
        first = Quarter.of(expected_on)
    if today is not None and Quarter.of(today) > first:
        first = Quarter.of(today)
    return first


@dataclass(frozen=True)
class PlanRow:
    """One item of the plan as every output shows it (no person on it)."""

    item_id: int | None  # None: a candidate not carried yet
    proposal_id: int
    title: str
    facility: str | None
    department_id: int | None
    department: str  # the item's 담당부서 (미지정 when none)
    status: str  # the proposal's status label now (완료 once done)
    done: bool
    progress: int | None  # % (100 once done)
    expected_on: dt.date | None  # 완료 예정일
    estimated_cost: int | None
    quarter: Quarter
    note: str | None
    version: int | None = None  # the item's (None: a candidate)

    @property
    def progress_text(self) -> str:
        return "" if self.progress is None else f"{self.progress}%"


@dataclass(frozen=True)
class DepartmentPlan:
    department: str
    rows: tuple[PlanRow, ...]

    @property
    def total_cost(self) -> int:
        return sum(r.estimated_cost or 0 for r in self.rows)

    @property
    def cost_label(self) -> str:
        return costs_text(self.rows)


@dataclass(frozen=True)
class PlanData:
    """The plan of one cohort (the one that carried its proposals)."""

    organization: str
    cohort: str  # "제6기 …"
    cohort_number: int
    made_on: dt.date
    rows: tuple[PlanRow, ...]  # by department (가나다, 미지정 last), then target quarter, then title

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def done(self) -> int:
        return sum(1 for r in self.rows if r.done)

    @property
    def total_cost(self) -> int:
        return sum(r.estimated_cost or 0 for r in self.rows)

    @property
    def cost_label(self) -> str:
        return costs_text(self.rows)

    @property
    def departments(self) -> tuple[DepartmentPlan, ...]:
        out: dict[str, list[PlanRow]] = {}
        for r in self.rows:
            out.setdefault(r.department, []).append(r)
        return tuple(DepartmentPlan(k, tuple(v)) for k, v in out.items())

    @property
    def summary(self) -> str:
        """ "12건, 예상 비용 합계 340,000,000원 (완료 2건)": the one wording of every output."""
        text = f"{self.count:,}건, 예상 비용 합계 {self.cost_label}"
        return text + (f" (이월 후 완료 {self.done:,}건)" if self.done else "")
