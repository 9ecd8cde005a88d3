"""A refusal names what was refused: a 열람자 making a report heard that "참여단 자료 수정" was
not theirs, adding a 추진 단계 that "개선제안 답변" was not (the walk of stop 23)."""

import pytest
from conftest import TEST_PASSWORD

from panelapp.domain.enums import UserRole
from panelapp.services.context import ServiceContext
from panelapp.services.people.accounts import authenticate
from panelapp.services.people.users import create_user
from panelapp.services.permissions import Permission, PermissionDenied, denial_sentence


def test_the_sentence_names_the_action_when_given():
    assert denial_sentence(Permission.PANEL_WORK, "이열람", UserRole.VIEWER, "개선 보고서 만들기") == (
        "개선 보고서 만들기는 관리자·담당자만 할 수 있어 이열람(열람자) 계정으로는 할 수 없습니다."
    )
    assert denial_sentence(Permission.PANEL_WORK, "이열람", UserRole.VIEWER).startswith("참여단 자료 수정은 ")


def test_a_viewer_hears_which_work_was_refused(sqlite_ctx, tmp_path):
    from panelapp.services.proposals import milestones, next_year
    from panelapp.services.reporting import files

    ctx = sqlite_ctx
    create_user(ctx, "이열람", UserRole.VIEWER, password=TEST_PASSWORD)
    viewer = ServiceContext(db=ctx.db)
    authenticate(viewer, "이열람", TEST_PASSWORD)
    cases = [
        (lambda: files.write_report(viewer, None, tmp_path / "r.pdf"), "개선 보고서 만들기는 "),
        (lambda: next_year.carry_all(viewer, 1), "차년도 업무계획 이월은 "),
        (lambda: milestones.add_milestone(viewer, 1, 1, None), "추진 단계 변경은 "),
    ]
    for call, start in cases:
        with pytest.raises(PermissionDenied) as caught:
            call()
        assert str(caught.value).startswith(start), str(caught.value)
        assert "이열람(열람자) 계정으로는 할 수 없습니다" in str(caught.value)
