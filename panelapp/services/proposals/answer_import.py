"""답변 요청서 가져오기: the answers a department wrote into its answer request, all or nothing
(issue 14 item 2; `panelapp answers import FILE`).

Every filled row is checked first and every problem is named as `행 N: 열: 메시지`; one bad row
saves nothing. A row left blank is skipped. The workbook is refused as a whole when it was made
for another department than the one chosen (`department_id`, the command's --department or the
window's choice) or than a 부서 담당자's own; a row is refused when its proposal does not belong
(now) to that department (the stamp is only protected by a known password, so it is never trusted
for whose proposal a row answers), when it changed since the workbook was made (its version then,
stamped in the workbook, is not its version now) or was deleted.

A row whose answer is already the proposal's state, saved by an earlier import of an answer
request for the same department and 답변자, is not refused as changed: it is skipped and named
(`행 N: 이 답변은 이미 가져왔습니다 (날짜).`); a file whose every filled row is such is refused with
one sentence saying it was already imported.

Each answer goes through the department desk's own workflow step (manage.move_in: the same rules,
fields and history as 채택 / 부분채택 / 불채택 in the window), in one transaction for the whole
file. A proposal still 접수 is first put 검토중. The history entries say the department answered,
through which file and who (답변자); the acting account is the one that imported.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from panelapp.db.models import Department, Proposal, ProposalEvent
from panelapp.domain.answer_request import (
    C_ANSWERER,
    C_EXPECTED,
    C_PLAN,
    C_REASON,
    C_RESULT,
    HEADERS,
    RESULTS,
    AnswerCells,
    AnswersRefused,
    RowProblem,
)
from panelapp.domain.date_input import parse_date_input
from panelapp.domain.enums import ProposalStatus
from panelapp.domain.errors import DomainError, ValidationError, ValidationErrors
from panelapp.domain.josa import josa, quoted
from panelapp.domain.localtime import to_local, today_local
from panelapp.domain.validation import normalize_text
from panelapp.io.answer_workbook import read_answers
from panelapp.services.context import ServiceContext, transaction
from panelapp.services.exporting import Progress
from panelapp.services.permissions import Permission, PermissionDenied, department_scope, writes
from panelapp.services.proposals import manage

# the workflow's field names (manage.F_*) → the workbook's column that holds them
_COLUMN_OF = {
    manage.F_ANSWER: C_REASON,
    manage.F_REASON: C_REASON,
    manage.F_PLAN: C_PLAN,
    manage.F_EXPECTED: C_EXPECTED,
    manage.F_ANSWERED_ON: C_RESULT,
}


_ORDER = {h: i for i, h in enumerate(HEADERS)}
ANSWER_MISSING = "부서의 답변을 적어 주세요 (불채택이면 그 사유)."


@dataclass(frozen=True)
class AnswerImportResult:
    department: str
    answered: int
    skipped: int  # rows left blank
    proposal_ids: tuple[int, ...]
    already: tuple[str, ...] = ()  # `행 N: 이 답변은 이미 가져왔습니다 (날짜).`, rows skipped as such


@dataclass(frozen=True)
class _Already:
    row: int
    on: dt.date

    def __str__(self) -> str:
        return f"행 {self.row}: 이 답변은 이미 가져왔습니다 ({self.on:%Y-%m-%d})."


@dataclass(frozen=True)
class _Answer:
    row: int
    proposal: Proposal
    to_status: ProposalStatus
    reason: str | None
    plan: str | None
    expected_on: dt.date | None
    answerer: str


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _date(value: object, today: dt.date) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        found = parse_date_input(value.strip(), today)
        if found is not None:
            return found
    raise ValueError(value)


def _number(value: object) -> int | None:
    try:
        number = float(value) if isinstance(value, int | float | str) else None
    except ValueError:
        return None
    return int(number) if number is not None and number.is_integer() else None


@writes(Permission.PROPOSAL_ANSWER)
def import_answers(
    ctx: ServiceContext,
    path: str | Path,
    *,
    department_id: int | None = None,
    today: dt.date | None = None,
    token: Progress | None = None,
) -> AnswerImportResult:
    """Save every answer of the workbook at `path`, or none (AnswersRefused names each row)."""
    path = Path(path)
    today = today or today_local()
    stamp, stamped, cells = read_answers(path)
    with transaction(ctx) as s:
        department = s.get(Department, stamp.department_id)
        if department is None or department.deleted_at is not None:
            raise DomainError(
                f"{quoted(path.name, '은')} {josa(stamp.department or '삭제된 부서', '을')} 위해 만든 답변 요청서인데 "
                "그 부서가 지금은 없습니다."
            )
        scope = department_scope(ctx, s)
        wanted = department_id if department_id is not None else scope
        if wanted is not None and wanted != stamp.department_id:
            chosen = s.get(Department, wanted)
            name = chosen.name if chosen is not None else "고른 부서"
            raise DomainError(
                f"{quoted(path.name, '은')} {stamp.department} 앞으로 만든 답변 요청서라 {name}의 답변으로 "
                f"가져올 수 없습니다. {name}의 요청서를 고르거나 부서를 {josa(stamp.department, '으로')} 바꿔 주세요."
            )
        problems: list[RowProblem] = []
        answers: list[_Answer] = []
        already: list[_Already] = []
        skipped = 0
        for cell in cells:
            if token is not None:
                token.check()
            if cell.row not in stamped:
                if not cell.blank():
                    problems.append(
                        RowProblem(
                            cell.row,
                            "번호",
                            "요청서에 없던 행입니다. 요청서에 있던 행의 노란 칸에만 답을 적어 주세요.",
                        )
                    )
                continue
            pid = stamped[cell.row]
            if _number(cell.proposal_id) != pid:
                problems.append(
                    RowProblem(
                        cell.row,
                        "번호",
                        f"요청서를 만들 때의 번호({pid})와 다릅니다. 행을 옮기거나 번호를 고치지 마세요.",
                    )
                )
                continue
            if cell.blank():
                skipped += 1
                continue
            found = _check_row(
                s, cell, pid, stamp.versions.get(pid), stamp.made_at, stamp.cohort_id, department, today
            )
            if isinstance(found, list):
                problems.extend(found)
            elif isinstance(found, _Already):
                already.append(found)
            else:
                answers.append(found)
        for i, answer in enumerate(answers):
            if token is not None:
                token.progress(i, len(answers), "답변을 저장하는 중…")
            problems.extend(_apply(ctx, s, answer, department.name, path.name, today))
        if problems:
            problems.sort(key=lambda p: (p.row, _ORDER.get(p.column, 0)))
            raise AnswersRefused(path.name, problems)  # the transaction rolls every row back
        if not answers and already:
            days = sorted({a.on for a in already})
            when = ", ".join(f"{d:%Y-%m-%d}" for d in days)
            raise DomainError(
                f"'{path.name}'의 답변 {len(already):,}건은 이미 가져온 것이라({when}) 새로 저장할 것이 없습니다."
            )
        if not answers:
            raise DomainError(
                f"'{path.name}'에 답이 적힌 행이 없습니다. 노란 칸(결과~답변자)에 답을 적어 저장한 뒤 가져와 주세요."
            )
        return AnswerImportResult(
            department.name,
            len(answers),
            skipped,
            tuple(a.proposal.id for a in answers),
            tuple(str(a) for a in already),
        )


def _check_row(
    s: Session,
    cell: AnswerCells,
    pid: int,
    version: int | None,
    made_at: str,
    cohort_id: int,
    department: Department,
    today: dt.date,
) -> _Answer | _Already | list[RowProblem]:
    problems: list[RowProblem] = []

    def problem(column: str, message: str) -> None:
        problems.append(RowProblem(cell.row, column, message))

    p = s.get(Proposal, pid)
    if p is None or p.deleted_at is not None:
        problem("번호", f"제안 {pid}번이 삭제되어 답을 저장할 수 없습니다.")
        return problems
    if p.department_id != department.id:
        owner = s.get(Department, p.department_id) if p.department_id is not None else None
        now = f"지금 {owner.name} 제안" if owner is not None else "지금 담당 부서가 없는 제안"
        problem(
            "번호",
            f"제안 {pid}번은 {department.name} 제안이 아닙니다({now}). {department.name}의 답변으로 "
            "저장하지 않습니다. 그 부서 앞으로 새 답변 요청서를 만들어 받아 주세요.",
        )
        return problems
    stale = version is None or p.version != version or p.cohort_id != cohort_id
    result = (_text(cell.result) or "").strip().replace(" ", "")
    to_status = RESULTS.get(result)
    if to_status is None:
        problem(
            C_RESULT,
            "채택, 부분채택, 불채택 가운데 하나를 골라 주세요."
            if not result
            else f"{quoted(result, '은')} 고를 수 있는 결과가 아닙니다. 채택, 부분채택, 불채택 가운데 하나를 골라 주세요.",
        )
    reason = _text(cell.reason)
    plan = _text(cell.plan)
    if to_status is not None and not (reason or "").strip():
        problem(C_REASON, ANSWER_MISSING)
    try:
        answerer = normalize_text(_text(cell.answerer), C_ANSWERER, 50, required=True) or ""
    except ValidationError as e:
        problem(C_ANSWERER, e.detail if _text(cell.answerer) else "답한 분의 이름을 적어 주세요.")
        answerer = ""
    try:
        expected = _date(cell.expected, today)
    except ValueError:
        problem(C_EXPECTED, f"날짜로 적어 주세요 (예: {today:%Y}-12-31).")
        expected = None
    if to_status is ProposalStatus.DECLINED:
        if (plan or "").strip():
            problem(C_PLAN, "불채택에는 추진 계획을 적지 않습니다. 지우거나 결과를 바꿔 주세요.")
        if expected is not None:
            problem(C_EXPECTED, "불채택에는 완료 예정일을 적지 않습니다. 지우거나 결과를 바꿔 주세요.")
    answer = (
        None
        if problems or to_status is None
        else _Answer(cell.row, p, to_status, reason, plan, expected, answerer)
    )
    if stale:
        on = _imported_on(s, answer, department.name) if answer is not None else None
        if on is not None:
            return _Already(cell.row, on)
        return [
            RowProblem(
                cell.row,
                "번호",
                f"요청서를 만든 뒤({made_at}) 제안 {pid}번이 바뀌었습니다(지금 '{p.status.label}'). 이 행의 답은 "
                "예전 내용에 대한 것이라 가져오지 않습니다. 새 답변 요청서를 만들어 다시 받아 주세요.",
            )
        ]
    # the desk's date rule (manage._expected_errors), worded for the department: no 처리일 here
    if answer is not None and expected is not None and to_status is not ProposalStatus.DECLINED:
        if expected < today:
            problem(
                C_EXPECTED,
                f"완료 예정일은 답변을 가져오는 오늘({today:%Y-%m-%d})보다 앞설 수 없습니다. 날짜를 고쳐 주세요.",
            )
        elif (expected - today).days > 366 * manage.EXPECTED_YEARS:
            problem(
                C_EXPECTED,
                f"완료 예정일이 오늘부터 {manage.EXPECTED_YEARS}년이 넘습니다. 날짜를 확인해 주세요.",
            )
    if problems or answer is None:
        return problems
    return answer


def _clean(text: str | None) -> str | None:
    try:
        return normalize_text(text, C_REASON, 100_000)
    except ValidationError:
        return None


def _imported_on(s: Session, a: _Answer, department: str) -> dt.date | None:
    """The day `a` was saved by an earlier answer-request import, when the proposal's state is
    still exactly what `a` answers and its latest step to that state came from such an import
    for the same department and 답변자; None otherwise."""
    p = a.proposal
    if p.status is not a.to_status or p.answer != _clean(a.reason):
        return None
    if a.to_status is ProposalStatus.DECLINED:
        if p.decline_reason != _clean(a.reason):
            return None
    elif p.plan_text != _clean(a.plan) or p.expected_on != a.expected_on:
        return None
    event = s.scalars(
        select(ProposalEvent)
        .where(ProposalEvent.proposal_id == p.id, ProposalEvent.to_status == p.status)
        .order_by(ProposalEvent.id.desc())
        .limit(1)
    ).first()
    if event is None or not event.note:
        return None
    head = event.note.split("\n", 1)[0]
    if not (
        head.startswith(f"{department} 답변 (답변 요청서 '") and head.endswith(f", 답변자 {a.answerer})")
    ):
        return None
    return p.answered_on or to_local(event.at).date()


def _apply(
    ctx: ServiceContext, s: Session, a: _Answer, department: str, file_name: str, today: dt.date
) -> list[RowProblem]:
    """The department desk's step (manage.move_in) for one row; its refusals as row problems.
    Nothing is committed here: a problem anywhere rolls the whole file back."""
    via = f"{department} 답변 (답변 요청서 '{file_name}', 답변자 {a.answerer})"
    declined = a.to_status is ProposalStatus.DECLINED
    try:
        if a.proposal.status is ProposalStatus.SUBMITTED:
            manage.move_in(ctx, s, a.proposal, ProposalStatus.REVIEWING, today=today, via=via)
        manage.move_in(
            ctx,
            s,
            a.proposal,
            a.to_status,
            answer=a.reason,
            decline_reason=a.reason if declined else None,
            plan=None if declined else a.plan,
            expected_on=None if declined else a.expected_on,
            today=today,
            via=via,
        )
    except ValidationErrors as e:
        return _problems(a.row, e.errors)
    except ValidationError as e:
        return _problems(a.row, [e])
    except PermissionDenied:
        raise
    except DomainError as e:
        return [RowProblem(a.row, C_RESULT, e.message)]
    return []


def _problems(row: int, errors: list[ValidationError]) -> list[RowProblem]:
    out: list[RowProblem] = []
    seen: set[tuple[str, str]] = set()
    for e in errors:
        column = _COLUMN_OF.get(e.field, e.field)
        detail = ANSWER_MISSING if column == C_REASON and "이내로" not in e.detail else e.detail
        if (column, detail) not in seen:  # 불채택's answer and reason are the same cell
            seen.add((column, detail))
            out.append(RowProblem(row, column, detail))
    return out
