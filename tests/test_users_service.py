"""Users: creation rules, listing order, deactivation rules, the acting user's stamps."""

import pytest
from sqlalchemy import select

from panelapp.db.models import Cohort
from panelapp.domain.enums import UserRole
from panelapp.domain.errors import ConcurrencyError, NotFoundError, ValidationError
from panelapp.services.cohorts.manage import CohortInput, create_cohort
from panelapp.services.context import reading
from panelapp.services.people.users import create_user, get_user, list_users, set_active
from panelapp.services.permissions import PermissionDenied


def test_create_and_list(ctx):
    kim = create_user(ctx, "  김담당  ", UserRole.COORDINATOR)
    assert (kim.name, kim.role, kim.active) == ("김담당", UserRole.COORDINATOR, True)
    create_user(ctx, "가나다", UserRole.VIEWER)
    names = [u.name for u in list_users(ctx)]
    assert names == ["가나다", "김담당", "테스트담당자"]
    assert kim.display_name == "김담당 (담당자)"


@pytest.mark.parametrize(
    "name, field", [("", "이름"), ("   ", "이름"), ("담당1", "이름"), ("가" * 51, "이름")]
)
def test_name_is_required_and_checked(ctx, name, field):
    with pytest.raises(ValidationError) as err:
        create_user(ctx, name)
    assert err.value.field == field


def test_name_is_unique(ctx):
    create_user(ctx, "김담당")
    with pytest.raises(ValidationError, match="이미 있습니다"):
        create_user(ctx, "김담당", UserRole.VIEWER)


def test_role_must_be_a_role(ctx):
    with pytest.raises(ValidationError) as err:
        create_user(ctx, "김담당", "boss")
    assert err.value.field == "역할"


def test_deactivate_and_reactivate(ctx):
    kim = create_user(ctx, "김담당")
    off = set_active(ctx, kim.id, False, kim.version)
    assert not off.active and off.display_name.endswith("사용 중지")
    assert [u.name for u in list_users(ctx)][-1] == "김담당"  # inactive last
    with pytest.raises(ValidationError, match="사용 중지된"):
        get_user(ctx, kim.id, must_be_active=True)
    with pytest.raises(ConcurrencyError):
        set_active(ctx, kim.id, True, kim.version)
    assert set_active(ctx, kim.id, True, off.version).active


def test_acting_user_and_last_user_cannot_be_deactivated(ctx):
    with pytest.raises(ValidationError, match="지금 로그인한 자기 계정은"):
        set_active(ctx, ctx.user_id, False)
    me = ctx.user_id
    kim = create_user(ctx, "김담당", UserRole.ADMIN)
    ctx.user_id = kim.id
    assert not set_active(ctx, me, False).active  # someone else acts now: allowed
    ctx.user_id = None  # nobody logged in: accounts are the 관리자's (the last-user rule is behind it)
    with pytest.raises(PermissionDenied, match="로그인해야"):
        set_active(ctx, kim.id, False)
    with pytest.raises(NotFoundError):
        get_user(ctx, 9999)


def test_changes_are_stamped_with_the_chosen_user(ctx):
    kim = create_user(ctx, "김담당")
    ctx.user_id, ctx.user_name = kim.id, kim.name
    import datetime as dt

    create_cohort(ctx, CohortInput(1, "제1기", dt.date(2026, 1, 1), dt.date(2026, 12, 31)))
    with reading(ctx) as s:
        assert s.scalar(select(Cohort.created_by_id)) == kim.id
