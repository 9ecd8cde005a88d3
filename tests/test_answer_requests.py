"""답변 요청서 (issue 14 item 2): a department without the app gets a workbook of its proposals
awaiting an answer, fills the yellow cells, and the coordinator reads it back all or nothing.

Round trip (answers saved through the desk's own workflow step, the history naming the
department and the 답변자), errors per row as `행 N: 열: 메시지`, blank rows skipped, a workbook for
another department or for an older state of a proposal refused, nothing half-applied, and the
file's protection, drop-down, date validation, thumbnails and stamp present."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from PIL import Image
from proposal_world import TODAY, D, build
from sqlalchemy import func, select

from panelapp.db.models import AccessLog, Proposal, ProposalEvent, User
from panelapp.domain.answer_request import FIRST_ROW, HEADERS, SHEET, STAMP_SHEET, AnswersRefused
from panelapp.domain.enums import ProposalStatus as PS
from panelapp.domain.enums import UserRole
from panelapp.domain.errors import DomainError
from panelapp.services.attachments.photos import attach_bytes
from panelapp.services.attachments.store import attachments_root
from panelapp.services.context import ServiceContext, reading, transaction
from panelapp.services.permissions import PermissionDenied
from panelapp.services.proposals.answer_import import import_answers
from panelapp.services.proposals.answer_request import department_by_name, make_answer_request
from panelapp.services.proposals.manage import ProposalInput, create_proposal, get_proposal, move_proposal
from panelapp.services.registers.departments import DepartmentInput, create_department

COL = {h: i + 1 for i, h in enumerate(HEADERS)}


def acting(ctx, name: str, role: UserRole, department_id: int | None = None) -> ServiceContext:
    with transaction(ctx) as s:
        user = User(name=name, role=role, department_id=department_id)
        s.add(user)
        s.flush()
        uid = user.id
    return ServiceContext(db=ctx.db, user_id=uid, user_name=name, role=role)


def jpeg(color=(200, 30, 30), size=(320, 240)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def w(ctx):
    world = build(ctx)
    world.other_dept = create_department(ctx, DepartmentInput("공원녹지과", "박공원", "042-610-2200")).id
    world.desk = acting(ctx, "김부서", UserRole.DEPARTMENT, world.dept_id)
    world.other_desk = acting(ctx, "이공원", UserRole.DEPARTMENT, world.other_dept)
    p1 = _new(world, "탈의실 바닥 개선", D(2026, 6, 5), (world.slippery,), proposer=world.kim)
    p2 = _new(world, "복도 조명 교체", D(2026, 6, 6), (world.lights,))
    p3 = _new(world, "샤워실 배수", D(2026, 6, 7))
    p2 = move_proposal(ctx, p2.id, PS.REVIEWING, p2.version, today=TODAY)  # one 검토중, two 접수
    _new(world, "공원 벤치", D(2026, 6, 5), (world.bench,), dept=world.other_dept)
    with transaction(ctx) as s:
        root = attachments_root(ctx.db)
        for color in ((200, 30, 30), (30, 200, 30), (30, 30, 200), (90, 90, 90)):
            attach_bytes(s, root, "finding", world.slippery, jpeg(color), f"사진{color[0]}.jpg")
    world.ids = [p1.id, p2.id, p3.id]
    return world


def _new(w, title, submitted, findings=(), dept=None, proposer=None):
    return create_proposal(
        w.ctx,
        ProposalInput(
            w.cohort_id,
            title,
            proposal="고쳐 주세요",
            department_id=dept or w.dept_id,
            submitted_on=submitted,
            proposer_enrollment_id=proposer,
            finding_ids=tuple(findings),
        ),
        today=TODAY,
    )[0]


def _request(w, tmp_path, name="요청.xlsx", **kw):
    path = tmp_path / name
    made = make_answer_request(w.ctx, w.cohort_id, w.dept_id, path, today=TODAY, **kw)
    return path, made


def _fill(path, rows: dict[int, dict[str, object]]) -> None:
    """Write answers as a department officer would (by proposal id → column → value)."""
    wb = load_workbook(path)
    ws = wb[SHEET]
    for r in range(FIRST_ROW, ws.max_row + 1):
        pid = ws.cell(r, COL["번호"]).value
        for column, value in rows.get(pid, {}).items():
            ws.cell(r, COL[column]).value = value
    wb.save(path)


def _row_of(path, pid) -> int:
    ws = load_workbook(path)[SHEET]
    return next(r for r in range(FIRST_ROW, ws.max_row + 1) if ws.cell(r, COL["번호"]).value == pid)


def test_round_trip_answers_every_filled_row_and_names_the_department(w, tmp_path):
    path, made = _request(w, tmp_path)
    assert made.rows == 3 and made.department == "체육사업부" and made.masked and made.photos == 3
    p1, p2, p3 = w.ids
    _fill(
        path,
        {
            p1: {
                "결과": "채택",
                "사유": "미끄럼 방지 매트를 깔겠습니다.",
                "추진 계획": "7월 중 설치",
                "완료 예정일": D(2026, 7, 31),
                "답변자": "박주무관",
            },
            p2: {"결과": "불채택", "사유": "내년 리모델링 때 교체합니다.", "답변자": "박주무관"},
            # p3 left blank: skipped
        },
    )
    done = import_answers(w.ctx, path, today=TODAY)
    assert (done.department, done.answered, done.skipped) == ("체육사업부", 2, 1)
    a = get_proposal(w.ctx, p1)
    assert a.status is PS.ACCEPTED and a.answer == "미끄럼 방지 매트를 깔겠습니다."
    assert a.plan_text == "7월 중 설치" and a.expected_on == D(2026, 7, 31) and a.answered_on == TODAY
    # 접수 → 검토중 → 채택, both steps saying who answered through which file
    assert [e.to_status for e in a.events][-2:] == [PS.REVIEWING, PS.ACCEPTED]
    for e in a.events[-2:]:
        assert "체육사업부 답변 (답변 요청서 '요청.xlsx', 답변자 박주무관)" in e.note
    assert "추진 계획: 7월 중 설치" in a.events[-1].note
    b = get_proposal(w.ctx, p2)
    assert b.status is PS.DECLINED and b.decline_reason == "내년 리모델링 때 교체합니다."
    assert get_proposal(w.ctx, p3).status is PS.SUBMITTED


def test_a_department_desk_imports_its_own_and_the_cli_names_it(w, tmp_path):
    path, _made = _request(w, tmp_path)
    _fill(path, {w.ids[2]: {"결과": "부분채택", "사유": "일부 하겠습니다", "답변자": "김부서"}})
    assert department_by_name(w.ctx, " 체육사업부 ") == (w.dept_id, "체육사업부")
    with pytest.raises(DomainError, match="'없는과' 부서가 없습니다"):
        department_by_name(w.ctx, "없는과")
    with pytest.raises(DomainError, match="체육사업부 앞으로 만든 답변 요청서라 공원녹지과의 답변으로"):
        import_answers(w.other_desk, path, today=TODAY)  # a 부서 담당자 of another department
    done = import_answers(w.desk, path, today=TODAY)
    assert done.answered == 1 and get_proposal(w.ctx, w.ids[2]).status is PS.PARTIAL


def test_a_workbook_for_another_department_is_refused(w, tmp_path):
    path, _made = _request(w, tmp_path)
    _fill(path, {w.ids[0]: {"결과": "채택", "사유": "하겠습니다", "답변자": "박주무관"}})
    with pytest.raises(DomainError) as caught:
        import_answers(w.ctx, path, department_id=w.other_dept, today=TODAY)
    assert "체육사업부 앞으로 만든 답변 요청서라 공원녹지과의 답변으로 가져올 수 없습니다" in str(
        caught.value
    )
    assert get_proposal(w.ctx, w.ids[0]).status is PS.SUBMITTED
    assert import_answers(w.ctx, path, department_id=w.dept_id, today=TODAY).answered == 1


def test_errors_name_row_and_column_and_nothing_is_half_applied(w, tmp_path):
    path, _made = _request(w, tmp_path)
    p1, p2, p3 = w.ids
    _fill(
        path,
        {
            p1: {"결과": "채택", "사유": "좋은 제안입니다", "답변자": "박주무관"},  # fine on its own
            p2: {"결과": "보류", "사유": "", "답변자": None},
            p3: {"결과": "불채택", "추진 계획": "없음", "완료 예정일": "언젠가", "답변자": "박주무관"},
        },
    )
    r1, r2, r3 = (_row_of(path, p) for p in (p1, p2, p3))
    with pytest.raises(AnswersRefused) as caught:
        import_answers(w.ctx, path, today=TODAY)
    lines = {str(p) for p in caught.value.problems}
    assert (
        f"행 {r2}: 결과: '보류'는 고를 수 있는 결과가 아닙니다. 채택, 부분채택, 불채택 가운데 하나를 골라 주세요."
        in lines
    )
    assert f"행 {r2}: 답변자: 답한 분의 이름을 적어 주세요." in lines
    assert f"행 {r3}: 완료 예정일: 날짜로 적어 주세요 (예: 2026-12-31)." in lines
    assert f"행 {r3}: 추진 계획: 불채택에는 추진 계획을 적지 않습니다. 지우거나 결과를 바꿔 주세요." in lines
    assert not any(line.startswith(f"행 {r1}:") for line in lines)
    assert "아무것도 저장하지 않았습니다" in str(caught.value)
    for pid, status in ((p1, PS.SUBMITTED), (p2, PS.REVIEWING), (p3, PS.SUBMITTED)):
        assert get_proposal(w.ctx, pid).status is status  # the good row was not saved either
    with reading(w.ctx) as s:
        assert s.scalar(select(ProposalEvent.id).where(ProposalEvent.note.like("%답변 요청서%"))) is None


def test_the_workflow_rules_come_back_as_row_errors(w, tmp_path):
    """What the desk's step refuses (an answer text missing, 완료 예정일 before today) is named by
    the workbook's column, not the form's field."""
    path, _made = _request(w, tmp_path)
    p1, p2, _p3 = w.ids
    _fill(
        path,
        {
            p1: {"결과": "채택", "답변자": "박주무관"},
            p2: {"결과": "부분채택", "사유": "일부", "완료 예정일": D(2026, 6, 1), "답변자": "박주무관"},
        },
    )
    with pytest.raises(AnswersRefused) as caught:
        import_answers(w.ctx, path, today=TODAY)
    lines = [str(p) for p in caught.value.problems]
    assert lines == [
        f"행 {_row_of(path, p1)}: 사유: 부서의 답변을 적어 주세요 (불채택이면 그 사유).",
        f"행 {_row_of(path, p2)}: 완료 예정일: 완료 예정일은 답변을 가져오는 오늘(2026-06-20)보다 앞설 수 "
        "없습니다. 날짜를 고쳐 주세요.",
    ]


def test_an_older_state_of_a_proposal_is_refused_naming_the_row(w, tmp_path):
    path, _made = _request(w, tmp_path)
    p1, p2, _p3 = w.ids
    _fill(
        path,
        {
            p1: {"결과": "채택", "사유": "하겠습니다", "답변자": "박주무관"},
            p2: {"결과": "채택", "사유": "하겠습니다", "답변자": "박주무관"},
        },
    )
    p1_now = get_proposal(w.ctx, p1)
    move_proposal(w.ctx, p1, PS.REVIEWING, p1_now.version, today=TODAY)  # changed since the file was made
    with pytest.raises(AnswersRefused) as caught:
        import_answers(w.ctx, path, today=TODAY)
    [problem] = caught.value.problems
    assert problem.row == _row_of(path, p1) and problem.column == "번호"
    assert (
        f"제안 {p1}번이 바뀌었습니다(지금 '검토중')" in problem.message
        and "새 답변 요청서" in problem.message
    )
    assert get_proposal(w.ctx, p2).status is PS.REVIEWING  # the other row waited too


def test_a_moved_or_tampered_row_and_a_foreign_file_are_refused(w, tmp_path):
    path, _made = _request(w, tmp_path)
    wb = load_workbook(path)
    ws = wb[SHEET]
    ws.cell(FIRST_ROW, COL["번호"]).value = 99999
    last = FIRST_ROW + 3
    ws.cell(last, COL["결과"]).value = "채택"
    wb.save(path)
    with pytest.raises(AnswersRefused) as caught:
        import_answers(w.ctx, path, today=TODAY)
    lines = [str(p) for p in caught.value.problems]
    assert lines[0].startswith(f"행 {FIRST_ROW}: 번호: 요청서를 만들 때의 번호({w.ids[0]})와 다릅니다")
    assert (
        lines[1]
        == f"행 {last}: 번호: 요청서에 없던 행입니다. 요청서에 있던 행의 노란 칸에만 답을 적어 주세요."
    )
    other = tmp_path / "다른.xlsx"
    from openpyxl import Workbook

    Workbook().save(other)
    with pytest.raises(DomainError, match="이 프로그램이 만든 답변 요청서가 아닙니다"):
        import_answers(w.ctx, other, today=TODAY)
    broken = tmp_path / "깨진.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(DomainError, match="엑셀\\(.xlsx\\) 파일이 아니거나 손상되었습니다"):
        import_answers(w.ctx, broken, today=TODAY)


def test_a_workbook_without_answers_saves_nothing_and_says_so(w, tmp_path):
    path, _made = _request(w, tmp_path)
    with pytest.raises(DomainError, match="답이 적힌 행이 없습니다"):
        import_answers(w.ctx, path, today=TODAY)


def test_the_file_is_protected_with_validations_thumbnails_and_a_stamp(w, tmp_path):
    path, made = _request(w, tmp_path)
    wb = load_workbook(path)
    assert wb.active.title == SHEET
    ws = wb[SHEET]
    assert ws.protection.sheet and ws.protection.password
    assert wb.security.lockStructure
    rows = range(FIRST_ROW, FIRST_ROW + made.rows)
    for r in rows:
        for h in HEADERS:
            locked = ws.cell(r, COL[h]).protection.locked
            assert locked is (h not in ("결과", "사유", "추진 계획", "완료 예정일", "답변자")), (r, h)
    checks = {(dv.type, str(dv.sqref)): dv for dv in ws.data_validations.dataValidation}
    letter = get_column_letter(COL["결과"])
    result = checks[("list", f"{letter}{FIRST_ROW}:{letter}{FIRST_ROW + 2}")]
    assert result.formula1 == '"채택,부분채택,불채택"' and result.showErrorMessage
    date_letter = get_column_letter(COL["완료 예정일"])
    date = checks[("date", f"{date_letter}{FIRST_ROW}:{date_letter}{FIRST_ROW + 2}")]
    assert date.operator == "greaterThanOrEqual" and int(date.formula1) == (TODAY - D(1899, 12, 30)).days
    # facts of the first row (nearest due first): its findings, severity and photos
    first = {h: ws.cell(FIRST_ROW, COL[h]).value for h in HEADERS}
    assert first["번호"] == w.ids[0] and first["제목"] == "탈의실 바닥 개선"
    assert "탈의실 바닥 미끄러움 (여자 탈의실): 물기가 남아 미끄럽습니다." in first["발견사항 요약"]
    assert first["심각도"] == "긴급(안전)" and first["분류"] == "안전"
    assert first["사진"] == "사진 4장 (앞의 3장)"
    assert first["제안자"] and "*" in first["제안자"]  # masked without a purpose
    assert len(ws._images) == 3
    stamp = wb[STAMP_SHEET]
    assert stamp.sheet_state == "veryHidden"
    assert wb.defined_names["panelapp_department_id"].attr_text == f"'{STAMP_SHEET}'!$B$3"
    assert stamp["B3"].value == w.dept_id and stamp["B5"].value == w.cohort_id
    versions = {stamp.cell(r, 2).value: stamp.cell(r, 3).value for r in range(12, 15)}
    with reading(w.ctx) as s:
        assert versions == dict(
            s.execute(select(Proposal.id, Proposal.version).where(Proposal.id.in_(w.ids))).all()
        )


def test_the_request_is_logged_and_unmasked_only_with_a_purpose(w, tmp_path):
    path, made = _request(w, tmp_path, "전체.xlsx", purpose="부서 회신 확인")
    assert not made.masked
    ws = load_workbook(path)[SHEET]
    assert "*" not in ws.cell(FIRST_ROW, COL["제안자"]).value
    with reading(w.ctx) as s:
        entry = s.scalars(select(AccessLog).order_by(AccessLog.id.desc())).first()
        assert entry is not None
        action, purpose, detail = entry.action, entry.purpose, entry.detail
    assert action == "export_unmasked" and purpose == "부서 회신 확인"
    assert "list=답변 요청서" in detail and "file=전체.xlsx" in detail


def test_who_may_make_and_import(w, tmp_path):
    with pytest.raises(PermissionDenied):
        make_answer_request(w.desk, w.cohort_id, w.dept_id, tmp_path / "x.xlsx", today=TODAY)
    viewer = acting(w.ctx, "최열람", UserRole.VIEWER)
    path, _made = _request(w, tmp_path)
    with pytest.raises(PermissionDenied):
        import_answers(viewer, path, today=TODAY)
    with pytest.raises(DomainError, match="답변을 기다리는 제안"):
        empty = create_department(w.ctx, DepartmentInput("빈과", "정빈", "042-610-3300")).id
        make_answer_request(w.ctx, w.cohort_id, empty, tmp_path / "y.xlsx", today=TODAY)
    assert not (tmp_path / "y.xlsx").exists()


def test_the_command_line_makes_and_imports(tmp_path, capsys):
    from conftest import with_admin_account

    from panelapp.cli.main import main
    from panelapp.services.cohorts.manage import get_cohort
    from panelapp.services.system.bootstrap import open_app

    path = tmp_path / "panel.db"
    ctx = open_app(str(path))
    w = build(ctx)
    p = _new(w, "탈의실 바닥 개선", D(2026, 6, 5), (w.slippery,))
    number = get_cohort(ctx, w.cohort_id).number
    ctx.db.dispose()
    with_admin_account(path)
    out = tmp_path / "요청.xlsx"
    base = ["--db", str(path), "answers"]
    assert (
        main([*base, "request", "--cohort", str(number), "--department", "체육사업부", "-o", str(out)]) == 0
    )
    assert "체육사업부 제안 1건" in capsys.readouterr().out
    assert main([*base, "request", "--cohort", str(number), "--department", "없는과", "-o", str(out)]) == 1
    assert "'없는과' 부서가 없습니다" in capsys.readouterr().err
    _fill(out, {p.id: {"결과": "채택"}})
    assert main([*base, "import", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"행 {FIRST_ROW}: 사유: 부서의 답변을 적어 주세요" in err and f"행 {FIRST_ROW}: 답변자:" in err
    _fill(out, {p.id: {"결과": "채택", "사유": "하겠습니다", "답변자": "박주무관"}})
    assert main([*base, "import", str(out), "--department", "체육사업부"]) == 0
    assert "체육사업부의 답변 1건을 저장했습니다" in capsys.readouterr().out


def test_a_blank_row_is_skipped_even_when_its_proposal_changed(w, tmp_path):
    path, _made = _request(w, tmp_path)
    p1, _p2, p3 = w.ids
    _fill(path, {p3: {"결과": "채택", "사유": "하겠습니다", "답변자": "박주무관"}})
    changed = get_proposal(w.ctx, p1)
    move_proposal(w.ctx, p1, PS.REVIEWING, changed.version, today=TODAY)  # its row is blank
    done = import_answers(w.ctx, path, today=TODAY)
    assert (done.answered, done.skipped) == (1, 2) and done.proposal_ids == (p3,)


def _tamper_stamp(path, department_id: int, department: str) -> None:
    """What a careless or malicious edit of the hidden stamp does: another department named."""
    wb = load_workbook(path)
    stamp = wb[STAMP_SHEET]
    stamp.sheet_state = "visible"
    stamp["B3"].value, stamp["B4"].value = department_id, department
    stamp.sheet_state = "veryHidden"
    wb.save(path)


def test_a_stamp_edited_to_name_another_department_saves_nothing(w, tmp_path):
    """The stamp is only kept by a known password: whose proposal a row answers is checked
    against the proposal itself, so 공원녹지과 cannot be given 체육사업부's answers (or back)."""
    path, _made = _request(w, tmp_path)
    p1, p2, _p3 = w.ids
    _fill(
        path,
        {
            p1: {"결과": "채택", "사유": "하겠습니다", "답변자": "박주무관"},
            p2: {"결과": "불채택", "사유": "예산이 없습니다", "답변자": "박주무관"},
        },
    )
    _tamper_stamp(path, w.other_dept, "공원녹지과")
    assert load_workbook(path)[STAMP_SHEET]["B3"].value == w.other_dept
    for who, kw in ((w.ctx, {"department_id": w.other_dept}), (w.other_desk, {})):
        with pytest.raises(AnswersRefused) as caught:
            import_answers(who, path, today=TODAY, **kw)
        lines = [str(p) for p in caught.value.problems]
        assert lines == [
            f"행 {_row_of(path, pid)}: 번호: 제안 {pid}번은 공원녹지과 제안이 아닙니다(지금 체육사업부 제안). "
            "공원녹지과의 답변으로 저장하지 않습니다. 그 부서 앞으로 새 답변 요청서를 만들어 받아 주세요."
            for pid in (p1, p2)
        ]
    assert get_proposal(w.ctx, p1).status is PS.SUBMITTED
    assert get_proposal(w.ctx, p2).status is PS.REVIEWING
    with reading(w.ctx) as s:
        assert s.scalar(select(ProposalEvent.id).where(ProposalEvent.note.like("%답변 요청서%"))) is None


def test_importing_the_same_workbook_again_says_it_was_already_imported(w, tmp_path):
    path, _made = _request(w, tmp_path)
    p1, p2, p3 = w.ids
    answers = {
        p1: {
            "결과": "채택",
            "사유": " 미끄럼 방지 매트를 깔겠습니다. ",
            "추진 계획": "7월 중 설치",
            "완료 예정일": D(2026, 7, 31),
            "답변자": "박주무관",
        },
        p2: {"결과": "불채택", "사유": "내년 리모델링 때 교체합니다.", "답변자": "박주무관"},
    }
    _fill(path, answers)
    assert import_answers(w.ctx, path, today=TODAY).answered == 2
    with reading(w.ctx) as s:
        events = s.scalar(select(func.count(ProposalEvent.id)))
    later = D(2026, 8, 3)  # after 완료 예정일 even: the row is recognised, not re-checked
    with pytest.raises(DomainError) as caught:
        import_answers(w.ctx, path, today=later)
    assert not isinstance(caught.value, AnswersRefused)
    assert str(caught.value) == (
        "'요청.xlsx'의 답변 2건은 이미 가져온 것이라(2026-06-20) 새로 저장할 것이 없습니다."
    )
    # the department fills one more row of the same file: that one is saved, the others named
    _fill(path, {p3: {"결과": "부분채택", "사유": "일부 고칩니다", "답변자": "박주무관"}})
    done = import_answers(w.ctx, path, today=later)
    assert (done.answered, done.proposal_ids) == (1, (p3,))
    assert done.already == tuple(
        f"행 {_row_of(path, pid)}: 이 답변은 이미 가져왔습니다 (2026-06-20)." for pid in (p1, p2)
    )
    with reading(w.ctx) as s:
        assert s.scalar(select(func.count(ProposalEvent.id))) == events + 2  # p3: 검토중, 부분채택
    # an answer changed in the file after it was imported is the older state again: refused
    _fill(path, {p2: {"사유": "다른 답입니다"}})
    with pytest.raises(AnswersRefused) as caught:
        import_answers(w.ctx, path, today=later)
    [problem] = caught.value.problems
    assert problem.row == _row_of(path, p2) and f"제안 {p2}번이 바뀌었습니다" in problem.message
    # the same text answered by another hand (not an import of this department) is no repeat
    _fill(path, {p2: {"사유": "내년 리모델링 때 교체합니다.", "답변자": "최주무관"}})
    with pytest.raises(AnswersRefused, match=f"제안 {p2}번이 바뀌었습니다"):
        import_answers(w.ctx, path, today=later)


def test_the_workbook_words_its_rules_for_the_department_and_marks_overdue(w, tmp_path):
    p1, p2, p3 = w.ids
    with transaction(w.ctx) as s:
        s.get(Proposal, p1).due_on = D(2026, 6, 19)  # yesterday: overdue
        s.get(Proposal, p2).due_on = TODAY  # due today: not yet
    path, _made = _request(w, tmp_path)
    ws = load_workbook(path)[SHEET]
    checks = {dv.errorTitle: dv for dv in ws.data_validations.dataValidation}
    assert checks["사유"].error == "사유는 2,000자까지 적을 수 있습니다."
    assert checks["답변자"].error == "답변자는 50자까지 적을 수 있습니다."
    assert checks["추진 계획"].error == "추진 계획은 4,000자까지 적을 수 있습니다."
    date = checks["완료 예정일"]
    assert (
        date.prompt == "요청서를 만든 날(2026-06-20) 이후의 날짜 (예: 2026-12-31)" and date.showInputMessage
    )
    assert date.error.startswith("완료 예정일은 요청서를 만든 날(2026-06-20)보다 앞설 수 없습니다.")
    assert all("처리일" not in (dv.error or "") + (dv.prompt or "") for dv in checks.values())
    due = {ws.cell(_row_of(path, pid), COL["답변 기한"]) for pid in (p1,)}.pop()
    assert due.value.date() == D(2026, 6, 19)
    assert "(기한 지남)" in due.number_format and due.font.color.rgb == "FFC00000"
    today_due = ws.cell(_row_of(path, p2), COL["답변 기한"])
    assert "기한 지남" not in today_due.number_format and not today_due.font.bold
