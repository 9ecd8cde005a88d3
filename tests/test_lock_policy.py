"""자동 잠금's institution limit (issue 12 item 1): it lives in the database, only a 관리자 sets
it, and no computer's settings file can lengthen the lock past it."""

import pytest
from conftest import TEST_PASSWORD, with_admin_account

from panelapp.cli import main
from panelapp.domain.enums import UserRole
from panelapp.domain.errors import ConcurrencyError, ValidationError
from panelapp.domain.idle_lock import clamp_minutes, effective_minutes, institution_minutes
from panelapp.services.context import ServiceContext
from panelapp.services.org.lock import get_lock_policy, save_lock_policy
from panelapp.services.people.accounts import authenticate
from panelapp.services.people.users import create_user
from panelapp.services.permissions import PermissionDenied
from panelapp.services.system.bootstrap import open_app


@pytest.mark.parametrize(
    ("computer", "institution", "expected"),
    [
        (None, None, 15),  # nothing set anywhere: the default
        (60, None, 15),  # a hand-edited settings file: never past the limit
        (5, None, 5),  # a computer may lock sooner
        (60, 40, 40),
        (30, 40, 30),
        ("abc", 40, 40),  # unreadable: the limit
        (True, 40, 40),  # not a number of minutes
        (0, 40, 1),
        (999, 999, 60),
    ],
)
def test_a_computer_locks_sooner_never_later(computer, institution, expected):
    assert effective_minutes(computer, institution) == expected


def test_stored_limits_read_within_the_range():
    assert institution_minutes(None) == 15 and institution_minutes(90) == 60 and institution_minutes(-3) == 1
    assert clamp_minutes("20") == 20 and clamp_minutes(None) == 15


def test_only_an_administrator_sets_the_limit(ctx):
    assert get_lock_policy(ctx) == get_lock_policy(ctx) and get_lock_policy(ctx).minutes == 15
    assert not get_lock_policy(ctx).stored
    create_user(ctx, "김담당", UserRole.COORDINATOR, password=TEST_PASSWORD)
    create_user(ctx, "이열람", UserRole.VIEWER, password=TEST_PASSWORD)
    for name in ("김담당", "이열람"):
        other = ServiceContext(db=ctx.db)
        authenticate(other, name, TEST_PASSWORD)
        with pytest.raises(PermissionDenied):
            save_lock_policy(other, 45, get_lock_policy(ctx).version)
        assert get_lock_policy(other).minutes == 15  # every account reads it (at its login)
    saved = save_lock_policy(ctx, 45, get_lock_policy(ctx).version)
    assert saved.minutes == 45 and saved.stored
    assert get_lock_policy(ctx) == saved


@pytest.mark.parametrize("bad", [0, 61, -5, 12.5, "30", True])
def test_a_limit_out_of_range_is_refused_with_a_sentence(ctx, bad):
    with pytest.raises(ValidationError) as caught:
        save_lock_policy(ctx, bad, get_lock_policy(ctx).version)
    assert caught.value.field == "자동 잠금" and "1분부터 60분 사이" in caught.value.detail
    assert not get_lock_policy(ctx).stored


def test_a_limit_saved_meanwhile_is_not_overwritten(ctx):
    first = save_lock_policy(ctx, 12, get_lock_policy(ctx).version)
    save_lock_policy(ctx, 10, first.version)  # another 관리자, meanwhile
    with pytest.raises(ConcurrencyError):
        save_lock_policy(ctx, 50, first.version)
    assert get_lock_policy(ctx).minutes == 10


def test_the_command_line_sets_and_shows_the_limit(tmp_path, capsys):
    path = str(tmp_path / "panel.db")
    with_admin_account(path)
    assert main(["--db", path, "org", "set", "--name", "한빛시설관리공단", "--lock-minutes", "10"]) == 0
    assert "자동 잠금 기관 최대: 10분" in capsys.readouterr().out
    assert main(["--db", path, "org", "set", "--lock-minutes", "20"]) == 0
    assert "20분으로 정했습니다" in capsys.readouterr().out
    assert main(["--db", path, "org", "set", "--name", "다른 이름", "--lock-minutes", "99"]) == 1
    assert "--lock-minutes: 자동 잠금 시간은 1분부터 60분 사이로" in capsys.readouterr().err
    assert main(["--db", path, "org", "show"]) == 0
    out = capsys.readouterr().out
    assert "자동 잠금 기관 최대: 20분" in out and "기관명: 한빛시설관리공단" in out  # nothing half-saved
    ctx = open_app(path)
    try:
        assert get_lock_policy(ctx).minutes == 20
    finally:
        ctx.db.dispose()
