"""One roster file row checked with the member form's rules, and the cohort facts it needs.

Used twice per import: for the preview the user sees, and again inside the write
transaction, so a number enrolled in between is still refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from panelapp.db.models import Cohort, Enrollment, Member, Team
from panelapp.domain.enums import Gender, MemberRole
from panelapp.domain.errors import NotFoundError, ValidationError, ValidationErrors
from panelapp.domain.localtime import today_local
from panelapp.domain.text_input import forbidden_char, invisible_message
from panelapp.domain.validation import check_consent_date
from panelapp.io.roster_columns import (
    BY_KEY,
    IMPORT_COLUMNS,
    parse_date,
    parse_gender,
    parse_optional_date,
    parse_role,
)
from panelapp.services import masking
from panelapp.services.people.member_rules import MemberInput, clean_member

KEYS = tuple(c.key for c in IMPORT_COLUMNS)
_FIELD_TO_COLUMN = {
    "이름": "이름",
    "휴대전화": "휴대전화",
    "이메일": "이메일",
    "거주지": "거주지",
    "출생연도": "출생연도",
    "성별": "성별",
    "역할": "역할",
}
_CHUNK = 900  # bound parameters per IN (...): well under SQLite's and PostgreSQL's limits


@dataclass(frozen=True)
class Problem:
    row: int  # the row number as Excel shows it (the header is row 1; 0: the file as a whole)
    column: str  # the Korean column label
    message: str

    def line(self) -> str:
        return f"행 {self.row}: {self.column}: {self.message}"


@dataclass(frozen=True)
class CleanRow:
    row: int
    member: dict[str, Any]  # clean_member's output
    team_id: int | None
    role: MemberRole
    consented_on: dt.date


@dataclass
class CohortFacts:
    """What the rows are checked against, loaded in a few queries (never one per row)."""

    cohort: Cohort
    joined_on: dt.date  # a row's 활동시작일 when it gives none: the cohort's term start
    teams: dict[str, int]  # name → id
    taken: dict[str, tuple[str, bool]]  # phone → (masked name, in the trash) in this cohort
    today: dt.date
    term_end: dt.date | None = None  # no 활동시작일 after it (the member form's rule)


def load_facts(s: Session, cohort_id: int, today: dt.date | None = None) -> CohortFacts:
    cohort = s.get(Cohort, cohort_id)
    if cohort is None or cohort.deleted_at is not None:
        raise NotFoundError("기수")
    today = today or today_local()
    teams = {
        name: tid
        for tid, name in s.execute(
            select(Team.id, Team.name).where(Team.cohort_id == cohort_id, Team.deleted_at.is_(None))
        )
    }
    taken = {
        phone: (masking.name(name), deleted is not None)
        for phone, name, deleted in s.execute(
            select(Member.phone, Member.name, Enrollment.deleted_at)
            .join(Member, Member.id == Enrollment.member_id)
            .where(Enrollment.cohort_id == cohort_id)
        )
    }
    # Not the import day: members imported in May for a cohort that started in March were
    # then not expected at the March visits ("출석 6명 / 대상 0명").
    return CohortFacts(cohort, cohort.term_start, teams, taken, today, cohort.term_end)


def known_members(s: Session, phones: list[str]) -> dict[str, int]:
    """phone → the person already known from another cohort (reused, as enroll_member does)."""
    known: dict[str, int] = {}
    for start in range(0, len(phones), _CHUNK):
        for phone, member_id in s.execute(
            select(Member.phone, Member.id)
            .where(Member.phone.in_(phones[start : start + _CHUNK]), Member.deleted_at.is_(None))
            .order_by(Member.id)
        ):
            known[phone] = member_id  # the newest record wins, as in enroll_member
    return known


def check_row(
    number: int,
    values: tuple[str, ...],
    facts: CohortFacts,
    seen: dict[str, int],
    memo: dict[Any, Any] | None = None,
) -> tuple[CleanRow | None, list[Problem]]:
    """The row's problems, or its clean values; `seen` maps phones (and each team's 단장) to the
    row that had them first. `memo` keeps the member form's verdict per input (it depends on
    nothing else): the check inside the write transaction reuses the preview's, instead of
    parsing every phone number a second time (a third of a 100,000-row import)."""
    raw = dict(zip(KEYS, values))
    problems: list[Problem] = []
    # A cell with an invisible character gets that one problem (the others are checked as if it
    # were empty, and what they say of it is dropped): every cell of a roster is one line.
    dirty: dict[str, Problem] = {}
    for key, value in raw.items():
        if value and (bad := forbidden_char(value)) is not None:
            label = BY_KEY[key].label
            dirty[label] = Problem(number, label, invisible_message(bad))
            raw[key] = ""

    def fail(error: ValidationError) -> None:
        column = _FIELD_TO_COLUMN.get(error.field, error.field)
        problems.append(Problem(number, column, error.detail))

    gender, role, consented_on, team_id = Gender.UNSPECIFIED, MemberRole.MEMBER, None, None
    joined_on: dt.date | None = facts.joined_on
    joined_label = BY_KEY["joined_on"].label
    for parse in ("gender", "role", "consent", "joined"):
        try:
            if parse == "gender":
                gender = parse_gender(raw["gender"])
            elif parse == "role":
                role = parse_role(raw["role"])
            elif parse == "consent":
                consented_on = parse_date(raw["consent_date"], BY_KEY["consent_date"].label)
            else:
                joined_on = parse_optional_date(raw["joined_on"], joined_label) or facts.joined_on
        except ValidationError as e:
            fail(e)
            if parse == "joined":
                joined_on = None
    if joined_on is not None and facts.term_end is not None and joined_on > facts.term_end:
        problems.append(
            Problem(
                number, joined_label, f"기수 활동 종료일({facts.term_end:%Y-%m-%d})보다 늦을 수 없습니다."
            )
        )
    if joined_on is not None and joined_on < facts.joined_on:
        problems.append(
            Problem(
                number,
                joined_label,
                f"기수 활동 시작일({facts.joined_on:%Y-%m-%d})보다 이를 수 없습니다. "
                "처음부터 활동한 단원이면 비워 두세요.",
            )
        )
    try:
        clean = _clean_member(
            MemberInput(
                raw["name"],
                raw["phone"],
                raw["email"],
                raw["district"],
                raw["birth_year"] or None,
                gender,
                None,
                role,
                joined_on or facts.joined_on,
            ),
            memo,
        )
    except ValidationErrors as e:
        for error in e.errors:
            fail(error)
        clean = None
    except ValidationError as e:
        fail(e)
        clean = None
    if consented_on is not None:
        try:
            check_consent_date(consented_on, BY_KEY["consent_date"].label, facts.today)
        except ValidationError as e:
            fail(e)
            consented_on = None
    if team_name := " ".join(raw["team"].split()):
        team_id = facts.teams.get(team_name)
        if team_id is None:
            names = ", ".join(facts.teams) or "없음"
            problems.append(
                Problem(number, "소속", f"이 기수에 '{team_name}' 단이 없습니다(있는 단: {names}).")
            )
    if role == MemberRole.CHIEF and team_id is not None:
        # A team has one 단장 (the member form makes the newest one leader); two in one file is a typo.
        key = f"chief:{team_id}"
        if key in seen:
            problems.append(
                Problem(number, "역할", f"'{team_name}'의 단장은 한 명입니다(파일의 {seen[key]}행도 단장).")
            )
        else:
            seen[key] = number
    if clean is not None:
        phone = clean["phone"]
        if phone in seen:
            problems.append(Problem(number, "휴대전화", f"파일의 {seen[phone]}행과 번호가 같습니다."))
        else:
            seen[phone] = number
        if phone in facts.taken:
            who, trashed = facts.taken[phone]
            problems.append(
                Problem(
                    number,
                    "휴대전화",
                    f"같은 번호의 단원({who})이 휴지통에 있습니다. 휴지통에서 복원해 주세요."
                    if trashed
                    else f"이 기수에 같은 번호의 단원({who})이 이미 있습니다.",
                )
            )
    if dirty:
        problems = [*dirty.values(), *(p for p in problems if p.column not in dirty)]
    if problems or clean is None or consented_on is None:
        return None, problems
    return CleanRow(number, clean, team_id, role, consented_on), []


def _clean_member(data: MemberInput, memo: dict[Any, Any] | None) -> dict[str, Any]:
    if memo is None:
        return clean_member(data)
    verdict = memo.get(data)
    if verdict is None:
        try:
            verdict = clean_member(data)
        except (ValidationError, ValidationErrors) as e:
            verdict = e
        memo[data] = verdict
    if isinstance(verdict, Exception):
        raise verdict
    return dict(verdict)
