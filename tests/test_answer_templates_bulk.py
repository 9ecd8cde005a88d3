"""Answer templates and bulk work (issue 14 item 5): templates per department and category, the
ones that fit a proposal, a 부서 담당자 keeping only their own department's; several proposals
answered or moved at once through the desk's own step, one history entry each, all or nothing
(a refused proposal and a stale one are named by 번호, nothing saved), department-scoped."""

import pytest
from proposal_world import TODAY, D, build
from test_department_desk import acting

from panelapp.db.models import AnswerTemplate, ProposalEvent
from panelapp.domain.enums import FindingCategory, UserRole
from panelapp.domain.enums import ProposalStatus as PS
from panelapp.domain.errors import NotFoundError, ValidationError, ValidationErrors
from panelapp.services.changes import Kind, collecting
from panelapp.services.context import reading, transaction
from panelapp.services.permissions import PermissionDenied
from panelapp.services.proposals.bulk import BulkItem, BulkRefused, BulkStale, move_many
from panelapp.services.proposals.manage import ProposalInput, create_proposal, get_proposal, move_proposal
from panelapp.services.proposals.templates import (
    TemplateInput,
    create_template,
    delete_template,
    list_templates,
    templates_for_proposal,
    update_template,
)
from panelapp.services.registers.departments import DepartmentInput, create_department
from panelapp.services.trash.manage import list_trash, restore


@pytest.fixture
def w(ctx):
    world = build(ctx)
    world.other_dept = create_department(ctx, DepartmentInput("공원녹지과", "박공원", "042-610-2200")).id
    world.desk = acting(ctx, "김부서", UserRole.DEPARTMENT, world.dept_id)
    world.other_desk = acting(ctx, "이공원", UserRole.DEPARTMENT, world.other_dept)
    world.viewer = acting(ctx, "최열람", UserRole.VIEWER)
    return world


def _reviewing(w, title, dept=None, findings=()):
    p = create_proposal(
        w.ctx,
        ProposalInput(
            w.cohort_id,
            title,
            proposal="고쳐 주세요",
            department_id=dept or w.dept_id,
            submitted_on=D(2026, 6, 1),
            finding_ids=tuple(findings),
        ),
        today=TODAY,
    )[0]
    return move_proposal(w.ctx, p.id, PS.REVIEWING, p.version, today=TODAY)


def _events(w, pid):
    with reading(w.ctx) as s:
        return s.query(ProposalEvent).filter_by(proposal_id=pid).count()


# ----- templates --------------------------------------------------------------------------------
def test_templates_fit_a_proposal_by_department_and_category(w):
    common = create_template(w.ctx, TemplateInput("일반 채택", "검토 후 반영하겠습니다."))
    safety = create_template(
        w.ctx, TemplateInput("안전 채택", "즉시 보수하겠습니다.", w.dept_id, FindingCategory.SAFETY)
    )
    ours = create_template(w.ctx, TemplateInput("우리 부서", "부서에서 처리합니다.", w.dept_id))
    park = create_template(w.ctx, TemplateInput("공원 답변", "공원에서 처리합니다.", w.other_dept))
    signage = create_template(
        w.ctx, TemplateInput("안내판", "안내판을 바꾸겠습니다.", None, FindingCategory.SIGNAGE)
    )
    p = _reviewing(w, "탈의실 바닥", findings=[w.slippery])  # a safety finding
    # the department's own first (the category's before any), then the common ones
    assert [t.id for t in templates_for_proposal(w.ctx, p.id)] == [safety.id, ours.id, common.id]
    assert safety.scope_text == f"{safety.department_name} · 안전"
    assert common.scope_text == "모든 부서 · 모든 분류"
    # without findings: no category, so only the templates for any category
    bare = _reviewing(w, "제목만")
    assert [t.id for t in templates_for_proposal(w.ctx, bare.id)] == [ours.id, common.id]
    assert {t.id for t in list_templates(w.ctx)} == {common.id, safety.id, ours.id, park.id, signage.id}
    assert [t.id for t in list_templates(w.ctx, w.other_dept, FindingCategory.SIGNAGE)] == [
        park.id,
        signage.id,
        common.id,
    ]


def test_a_department_desk_reads_and_keeps_only_its_own_templates(w):
    common = create_template(w.ctx, TemplateInput("일반", "검토하겠습니다."))
    park = create_template(w.ctx, TemplateInput("공원", "공원에서 처리합니다.", w.other_dept))
    assert {t.id for t in list_templates(w.desk)} == {common.id}
    own = create_template(w.desk, TemplateInput("우리 부서", "처리합니다.", w.dept_id))
    assert {t.id for t in list_templates(w.desk)} == {common.id, own.id}
    with pytest.raises(PermissionDenied, match="체육사업부의 답변 템플릿만"):
        create_template(w.desk, TemplateInput("모두", "모든 부서", None))
    with pytest.raises(PermissionDenied):
        update_template(w.desk, park.id, TemplateInput("공원", "바꿈", w.other_dept), park.version)
    with pytest.raises(PermissionDenied):
        delete_template(w.desk, common.id, common.version)
    with pytest.raises(PermissionDenied):  # moving their own to every department is refused too
        update_template(w.desk, own.id, TemplateInput("우리 부서", "처리", None), own.version)
    with pytest.raises(PermissionDenied):
        create_template(w.viewer, TemplateInput("열람", "못 씀"))
    park_p = _reviewing(w, "공원 제안", w.other_dept)
    with pytest.raises(PermissionDenied):
        templates_for_proposal(w.desk, park_p.id)


def test_template_edit_delete_to_the_trash_and_back(w):
    with pytest.raises(ValidationErrors) as bad:
        create_template(w.ctx, TemplateInput(" ", ""))
    assert {e.field for e in bad.value.errors} == {"템플릿 이름", "답변 내용"}
    with collecting() as bag:
        t = create_template(w.ctx, TemplateInput("채택", "반영하겠습니다."))
    assert bag.changes.ids_of(Kind.ANSWER_TEMPLATE) == {t.id}
    t2 = update_template(w.ctx, t.id, TemplateInput("채택 답변", "곧 반영하겠습니다."), t.version)
    assert (t2.title, t2.text) == ("채택 답변", "곧 반영하겠습니다.")
    with pytest.raises(Exception, match="다른 사용자가 먼저 수정했습니다"):
        update_template(w.ctx, t.id, TemplateInput("옛", "옛 내용"), t.version)
    assert delete_template(w.ctx, t.id, t2.version) == "채택 답변"
    assert list_templates(w.ctx) == []
    with pytest.raises(NotFoundError):
        delete_template(w.ctx, t.id)
    items = [i for i in list_trash(w.ctx) if i.kind == "answer_template"]
    assert [(i.id, i.label) for i in items] == [(t.id, "채택 답변 (모든 부서 · 모든 분류)")]
    restore(w.ctx, "answer_template", t.id)
    assert [x.id for x in list_templates(w.ctx)] == [t.id]


# ----- bulk ---------------------------------------------------------------------------------------
def test_bulk_answer_moves_every_proposal_with_one_history_entry_each(w):
    a, b, c = (_reviewing(w, f"제안 {n}") for n in "가나다")
    before = {p.id: _events(w, p.id) for p in (a, b, c)}
    with collecting() as bag:
        done = move_many(
            w.desk,
            [BulkItem(p.id, p.version) for p in (a, b, c)],
            PS.ACCEPTED,
            answer="검토 후 반영하겠습니다.",
            plan="하반기 보수",
            expected_on=D(2026, 9, 30),
            today=TODAY,
        )
    assert done.proposal_ids == tuple(sorted([a.id, b.id, c.id]))
    assert bag.changes.ids_of(Kind.PROPOSAL) >= {a.id, b.id, c.id}
    for p in (a, b, c):
        d = get_proposal(w.ctx, p.id)
        assert d.status is PS.ACCEPTED and d.answer == "검토 후 반영하겠습니다."
        assert d.expected_on == D(2026, 9, 30)
        assert _events(w, p.id) == before[p.id] + 1
        assert d.events[-1].user_name == "김부서"


def test_bulk_is_refused_whole_when_a_rule_refuses_one(w):
    a, b = _reviewing(w, "검토중 하나"), _reviewing(w, "검토중 둘")
    accepted = move_proposal(w.ctx, b.id, PS.ACCEPTED, b.version, answer="반영", today=TODAY)
    with pytest.raises(BulkRefused) as refused:
        move_many(
            w.ctx,
            [BulkItem(a.id, a.version), BulkItem(accepted.id, accepted.version)],
            PS.DECLINED,
            answer="어렵습니다",
            decline_reason="예산 부족",
            today=TODAY,
        )
    assert refused.value.proposal_id == accepted.id
    assert f"제안 {accepted.id}번('검토중 둘')" in str(refused.value)
    assert "아무것도 저장하지 않았습니다" in str(refused.value)
    assert get_proposal(w.ctx, a.id).status is PS.REVIEWING  # the first one was rolled back
    assert get_proposal(w.ctx, a.id).version == a.version
    # a missing answer: beside its field, naming the proposal
    with pytest.raises(ValidationError) as bad:
        move_many(w.ctx, [BulkItem(a.id, a.version)], PS.ACCEPTED, answer=" ", today=TODAY)
    assert bad.value.field == "부서 답변" and f"제안 {a.id}번" in bad.value.detail


def test_bulk_refuses_proposals_changed_since_the_list_was_read(w):
    a, b, c = (_reviewing(w, f"제안 {n}") for n in "가나다")
    changed = move_proposal(w.ctx, b.id, PS.ACCEPTED, b.version, answer="먼저 답함", today=TODAY)
    with transaction(w.ctx) as s:  # and one deleted meanwhile
        from panelapp.db.base import utcnow
        from panelapp.db.models import Proposal

        s.get(Proposal, c.id).deleted_at = utcnow()
    with pytest.raises(BulkStale) as stale:
        move_many(
            w.ctx,
            [BulkItem(p.id, p.version) for p in (a, b, c)],
            PS.PARTIAL,
            answer="일부 반영",
            today=TODAY,
        )
    assert stale.value.proposal_ids == (b.id, c.id)
    assert f"제안 {b.id}번, {c.id}번" in str(stale.value)
    assert get_proposal(w.ctx, a.id).status is PS.REVIEWING
    assert get_proposal(w.ctx, b.id).answer == "먼저 답함" and changed.status is PS.ACCEPTED


def test_bulk_keeps_a_department_desk_to_its_own_department(w):
    ours = _reviewing(w, "우리 제안")
    park = _reviewing(w, "공원 제안", w.other_dept)
    with pytest.raises(BulkRefused) as refused:
        move_many(
            w.desk,
            [BulkItem(ours.id, ours.version), BulkItem(park.id, park.version)],
            PS.ACCEPTED,
            answer="반영",
            today=TODAY,
        )
    assert refused.value.proposal_id == park.id and "다른 부서의 제안" in str(refused.value)
    assert get_proposal(w.ctx, ours.id).status is PS.REVIEWING
    with pytest.raises(PermissionDenied):
        move_many(w.viewer, [BulkItem(ours.id, ours.version)], PS.ACCEPTED, answer="반영", today=TODAY)
    with pytest.raises(Exception, match="하나 이상"):
        move_many(w.ctx, [], PS.ACCEPTED, answer="반영", today=TODAY)


def test_the_template_table_is_soft_deleted(w):
    t = create_template(w.ctx, TemplateInput("채택", "반영"))
    delete_template(w.ctx, t.id)
    with reading(w.ctx) as s:
        assert s.get(AnswerTemplate, t.id).deleted_at is not None


def test_the_command_line_lists_adds_and_deletes_templates(tmp_path, capsys):
    from conftest import with_admin_account

    from panelapp.cli.main import main
    from panelapp.services.system.bootstrap import open_app

    path = tmp_path / "panel.db"
    ctx = open_app(str(path))
    build(ctx)
    ctx.db.dispose()
    with_admin_account(path)
    base = ["--db", str(path), "answers", "templates"]
    assert main([*base, "list"]) == 0
    assert "답변 템플릿이 없습니다" in capsys.readouterr().out
    assert (
        main(
            [
                *base,
                "add",
                "--title",
                "안전 채택",
                "--text",
                "즉시 보수하겠습니다.",
                "--department",
                "체육사업부",
                "--category",
                "안전",
            ]
        )
        == 0
    )
    assert "'안전 채택'을 추가했습니다 (체육사업부 · 안전)" in capsys.readouterr().out
    assert main([*base, "add", "--title", "일반", "--text", "검토하겠습니다."]) == 0
    capsys.readouterr()
    assert main([*base, "add", "--title", "틀림", "--text", "x", "--category", "없는분류"]) == 1
    assert "'없는분류'는 분류가 아닙니다" in capsys.readouterr().err
    assert main([*base, "list", "--category", "청결"]) == 0
    out = capsys.readouterr().out
    assert "일반" in out and "안전 채택" not in out
    assert main([*base, "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[1:3] for line in lines] == [
        ["체육사업부 · 안전", "안전 채택"],
        ["모든 부서 · 모든 분류", "일반"],
    ]
    first = lines[0].split("\t")[0]
    assert main([*base, "delete", first]) == 0
    assert "휴지통으로 보냈습니다" in capsys.readouterr().out
    assert main([*base, "delete", first]) == 1
    assert "답변 템플릿을 찾을 수 없습니다" in capsys.readouterr().err
