"""The command line logs in (issue 12 item 3): --user or PANELAPP_USER, the password from
PANELAPP_PASSWORD or the terminal; missing or wrong is one Korean sentence, exit 1, nothing read
or written, and a wrong password counts toward the lock. `users` manages accounts (관리자 only);
`demo --password` makes an account of every role."""

import io

import pytest
from conftest import TEST_PASSWORD, TEST_USER, with_admin_account
from sqlalchemy import func, select

from panelapp.cli import main
from panelapp.db.engine import open_database
from panelapp.db.models import AccountEvent, Cohort, Organization, User
from panelapp.domain.enums import AccountAction, UserRole


def rows(path, stmt):
    db = open_database(str(path))
    try:
        with db.session_factory() as s:
            return s.execute(stmt).all()
    finally:
        db.dispose()


def count(path, model) -> int:
    return rows(path, select(func.count()).select_from(model))[0][0]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "panel.db"
    with_admin_account(path)
    return path


def add_member(path) -> int:
    from panelapp.db.models import Member

    db = open_database(str(path))
    try:
        with db.session_factory.begin() as s:
            member = Member(name="백현정", phone="+821055501234")
            s.add(member)
            s.flush()
            return member.id
    finally:
        db.dispose()


@pytest.fixture
def stdin(monkeypatch):
    def give(text: str) -> None:
        monkeypatch.setattr("sys.stdin", io.StringIO(text))

    return give


def org_set(path, *extra) -> int:
    return main(["--db", str(path), *extra, "org", "set", "--name", "한빛시"])


def test_missing_user_is_refused_before_the_database_is_opened(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("PANELAPP_USER")
    path = tmp_path / "never.db"
    assert org_set(path) == 1
    err = capsys.readouterr().err
    assert err.startswith("오류: 로그인이 필요합니다") and "--user" in err and err.count("\n") == 1
    assert not path.exists()  # nothing read or written


def test_missing_password_without_a_terminal_is_refused(db, monkeypatch, capsys, stdin):
    monkeypatch.delenv("PANELAPP_PASSWORD")
    stdin("")  # not a terminal: nobody to ask
    assert org_set(db) == 1
    assert "PANELAPP_PASSWORD" in capsys.readouterr().err
    assert count(db, Organization) == 0


def test_password_is_asked_on_a_terminal(db, monkeypatch, capsys):
    monkeypatch.delenv("PANELAPP_PASSWORD")
    monkeypatch.setattr("panelapp.cli.login._is_terminal", lambda: True)
    asked = []
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or TEST_PASSWORD)
    assert org_set(db) == 0
    assert asked == [f"{TEST_USER} 비밀번호: "]
    assert count(db, Organization) == 1


def test_wrong_password_is_one_sentence_writes_nothing_and_counts(db, monkeypatch, capsys):
    monkeypatch.setenv("PANELAPP_PASSWORD", "wrong-pass-1")
    for _ in range(4):
        assert org_set(db) == 1
        err = capsys.readouterr().err
        assert err == "오류: 계정 이름이나 비밀번호가 맞지 않습니다.\n"
    assert org_set(db) == 1
    assert "5번 실패해" in capsys.readouterr().err
    assert count(db, Organization) == 0
    monkeypatch.setenv("PANELAPP_PASSWORD", TEST_PASSWORD)
    assert org_set(db) == 1  # locked: the right password waits 30 minutes
    assert "잠겼습니다" in capsys.readouterr().err
    assert count(db, Organization) == 0


def test_user_option_wins_over_the_environment(db, capsys, stdin, monkeypatch):
    stdin("kim-pass-1\n")
    assert main(["--db", str(db), "users", "add", "김담당", "--role", "coordinator", "--password-stdin"]) == 0
    monkeypatch.setenv("PANELAPP_PASSWORD", "kim-pass-1")
    assert org_set(db, "--user", "김담당") == 1  # logged in as 김담당: must change first
    err = capsys.readouterr().err
    assert "비밀번호를 바꿔야 합니다" in err and "users passwd 김담당" in err


def test_a_database_without_accounts_says_how_to_make_the_first(tmp_path, capsys, stdin):
    from panelapp.services.system.bootstrap import open_app

    path = tmp_path / "upgraded.db"
    open_app(str(path)).db.dispose()  # a first start that made no password (an older database)
    assert org_set(path) == 1
    assert "users add 이름 --role admin" in capsys.readouterr().err
    stdin("lead-pass-1\n")
    assert main(["--db", str(path), "users", "add", "조장", "--role", "lead", "--password-stdin"]) == 1
    assert "첫 계정은 관리자로" in capsys.readouterr().err
    stdin(TEST_PASSWORD + "\n")
    assert main(["--db", str(path), "users", "add", TEST_USER, "--role", "admin", "--password-stdin"]) == 0
    assert "첫 관리자 계정" in capsys.readouterr().out
    assert org_set(path) == 0
    # the first-admin path is closed once an account exists
    stdin("x-pass-12\n")
    assert (
        main(
            [
                "--db",
                str(path),
                "--user",
                "없는사람",
                "users",
                "add",
                "박",
                "--role",
                "admin",
                "--password-stdin",
            ]
        )
        == 1
    )
    assert "맞지 않습니다" in capsys.readouterr().err


def test_first_admin_on_a_new_file(tmp_path, capsys, stdin):
    path = tmp_path / "new.db"
    stdin("short\n")
    assert main(["--db", str(path), "users", "add", "김관리", "--role", "admin", "--password-stdin"]) == 1
    assert "두 종류 이상" in capsys.readouterr().err
    stdin("kim-admin-1\n")
    assert main(["--db", str(path), "users", "add", "김관리", "--role", "admin", "--password-stdin"]) == 0
    assert rows(path, select(User.name, User.role, User.must_change_password)) == [
        ("김관리", UserRole.ADMIN, False)
    ]


def test_users_commands(db, capsys, stdin, monkeypatch):
    base = ["--db", str(db), "users"]
    stdin("kim-pass-1\n")
    assert main([*base, "add", "김담당", "--role", "coordinator", "--password-stdin"]) == 0
    assert main([*base, "list"]) == 0
    out = capsys.readouterr().out
    assert "김담당\t담당자\t비밀번호 변경 필요" in out and f"{TEST_USER}\t관리자\t사용" in out
    assert main([*base, "lock", "김담당"]) == 0
    assert main([*base, "list"]) == 0
    assert "김담당\t담당자\t잠김(관리자)" in capsys.readouterr().out
    assert main([*base, "unlock", "김담당"]) == 0
    assert main([*base, "role", "김담당", "lead"]) == 1
    assert "--member" in capsys.readouterr().err
    member = add_member(db)
    assert main([*base, "role", "김담당", "lead", "--member", str(member + 1)]) == 1
    assert "단원을 골라야" in capsys.readouterr().err
    assert main([*base, "role", "김담당", "lead", "--member", str(member)]) == 0
    assert "점검 조장으로 바꿨습니다" in capsys.readouterr().out
    assert rows(db, select(User.member_id).where(User.name == "김담당")) == [(member,)]
    assert main([*base, "list"]) == 0
    assert (
        f"김담당\t점검 조장\t비밀번호 변경 필요\t마지막 로그인 -\t단원 #{member} 백*정"
        in capsys.readouterr().out
    )
    assert main([*base, "role", "김담당", "coordinator", "--member", str(member)]) == 1
    assert "--member는 점검 조장(lead) 역할에만" in capsys.readouterr().err
    assert main([*base, "role", "김담당", "department"]) == 1
    assert "--department" in capsys.readouterr().err
    stdin("temp-pass-9\n")
    assert main([*base, "passwd", "김담당", "--password-stdin"]) == 0
    assert "초기화했습니다" in capsys.readouterr().out
    # 김담당 logs in with the reset password and must change it, which `users passwd` allows
    monkeypatch.setenv("PANELAPP_PASSWORD", "temp-pass-9")
    stdin("kim-pass-2\n")
    assert main(["--db", str(db), "--user", "김담당", "users", "passwd", "김담당", "--password-stdin"]) == 0
    monkeypatch.setenv("PANELAPP_PASSWORD", "kim-pass-2")
    assert main(["--db", str(db), "--user", "김담당", "users", "list"]) == 1
    assert "계정 관리는 관리자만 할 수 있어 김담당(점검 조장) 계정으로는" in capsys.readouterr().err
    monkeypatch.setenv("PANELAPP_PASSWORD", TEST_PASSWORD)
    assert main([*base, "deactivate", "김담당"]) == 0
    actions = [a for (a,) in rows(db, select(AccountEvent.action).order_by(AccountEvent.id))]
    assert actions == [
        AccountAction.CREATED,  # the suite's 관리자
        AccountAction.CREATED,
        AccountAction.LOCKED,
        AccountAction.UNLOCKED,
        AccountAction.ROLE_CHANGED,
        AccountAction.PASSWORD_RESET,
        AccountAction.PASSWORD_CHANGED,
        AccountAction.DEACTIVATED,
    ]
    stdin("lead-pass-1\n")
    assert main([*base, "add", "최조장", "--role", "lead", "--member", str(member), "--password-stdin"]) == 0
    assert rows(db, select(User.member_id).where(User.name == "최조장")) == [(member,)]


def test_new_password_prompted_twice_on_a_terminal(db, monkeypatch, capsys):
    answers = iter(["kim-pass-1", "kim-pass-X"])
    monkeypatch.setattr("panelapp.cli.users.getpass.getpass", lambda prompt: next(answers))
    monkeypatch.setattr("panelapp.cli.users.sys.stdin", type("T", (), {"isatty": lambda self: True})())
    assert main(["--db", str(db), "users", "add", "김담당", "--role", "viewer"]) == 1
    assert "서로 다릅니다" in capsys.readouterr().err
    assert count(db, User) == 1


def test_demo_password_makes_an_account_of_every_role(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("PANELAPP_PASSWORD")
    monkeypatch.delenv("PANELAPP_USER")
    path = tmp_path / "demo.db"
    assert main(["--db", str(path), "demo", "--password", "demo-pass-1"]) == 0
    assert (
        "관리자(관리자), 담당자(담당자), 조장(점검 조장), 부서담당(부서 담당자), 열람자(열람자)"
        in capsys.readouterr().out
    )
    accounts = dict(rows(path, select(User.name, User.role).where(User.password_hash.is_not(None))))
    assert accounts == {
        "관리자": UserRole.ADMIN,
        "담당자": UserRole.COORDINATOR,
        "조장": UserRole.LEAD,
        "부서담당": UserRole.DEPARTMENT,
        "열람자": UserRole.VIEWER,
        # the staff the demo's records name log in with it too (no demo account without one)
        "정다운": UserRole.COORDINATOR,
        "백현정": UserRole.LEAD,
    }
    ((dept,),) = rows(path, select(User.department_id).where(User.name == "부서담당"))
    assert dept is not None
    ((member,),) = rows(path, select(User.member_id).where(User.name == "조장"))
    assert member is not None  # the member who leads some demo inspections (test_lead_scope)
    monkeypatch.setenv("PANELAPP_PASSWORD", "demo-pass-1")
    assert main(["--db", str(path), "--user", "열람자", "check"]) == 0


def test_demo_without_a_password_makes_no_account_and_says_how(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("PANELAPP_PASSWORD")
    path = tmp_path / "demo.db"
    assert main(["--db", str(path), "demo"]) == 0
    assert "users add 이름 --role admin" in capsys.readouterr().out
    assert count(path, Cohort) == 3  # 제5기 (retention passed), 제6기, 제7기
    assert rows(path, select(User.id).where(User.password_hash.is_not(None))) == []


def test_demo_into_a_full_database_is_refused_without_login(tmp_path, capsys, monkeypatch):
    path = tmp_path / "demo.db"
    assert main(["--db", str(path), "demo"]) == 0
    monkeypatch.delenv("PANELAPP_USER")
    assert main(["--db", str(path), "demo"]) == 1
    assert "빈 데이터베이스에만" in capsys.readouterr().err


def test_raw_database_commands_log_in_and_need_their_right(tmp_path, capsys, monkeypatch):
    path = tmp_path / "demo.db"
    assert main(["--db", str(path), "demo"]) == 0
    capsys.readouterr()
    monkeypatch.setenv("PANELAPP_PASSWORD", "wrong-pass-1")
    assert main(["--db", str(path), "check"]) == 1
    assert "맞지 않습니다" in capsys.readouterr().err
    monkeypatch.setenv("PANELAPP_PASSWORD", TEST_PASSWORD)
    assert main(["--db", str(path), "--user", "열람자", "backup", "-o", str(tmp_path / "b.db")]) == 1
    assert "참여단 자료 수정은 관리자·담당자만 할 수 있어 열람자(열람자)" in capsys.readouterr().err
    assert not (tmp_path / "b.db").exists()
    assert main(["--db", str(path), "--user", "담당자", "restore", str(tmp_path / "b.db")]) == 1
    assert "관리자만 할 수 있어 담당자(담당자)" in capsys.readouterr().err
    assert main(["--db", str(path), "--user", "담당자", "backup", "-o", str(tmp_path / "b.db")]) == 0


def test_template_opens_no_database_and_needs_no_login(tmp_path, monkeypatch):
    monkeypatch.delenv("PANELAPP_USER")
    assert main(["members", "template", "-o", str(tmp_path / "t.xlsx")]) == 0


def test_first_admin_takes_the_login_password_from_the_environment(tmp_path, capsys):
    """`users add NAME --role admin` on a new file without --password-stdin or a terminal: the
    password the next commands log in with (PANELAPP_PASSWORD) becomes the 관리자's."""
    path = tmp_path / "new.db"
    assert main(["--db", str(path), "users", "add", TEST_USER, "--role", "admin"]) == 0
    assert org_set(path) == 0


def test_check_logs_in_without_changing_what_it_inspects(tmp_path):
    path = tmp_path / "demo.db"
    assert main(["--db", str(path), "demo"]) == 0
    before = rows(path, select(User))
    stamp = rows(path, select(User.name, User.version, User.last_login_at).order_by(User.id))
    assert main(["--db", str(path), "check"]) == 0
    assert rows(path, select(User.name, User.version, User.last_login_at).order_by(User.id)) == stamp
    assert before
