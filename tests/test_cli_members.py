"""`panelapp members import|template|export`: one line per problem, exit codes, nothing half-done."""

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from conftest import with_admin_account
from sqlalchemy import func, select

from panelapp.cli import main
from panelapp.db.models import AccessLog, Enrollment
from panelapp.services.cohorts.manage import CohortInput, create_cohort
from panelapp.services.system.bootstrap import open_app

FIX = Path(__file__).parent / "fixtures" / "import"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "panel.db"
    ctx = open_app(str(path))
    create_cohort(ctx, CohortInput(7, "제7기", dt.date(2026, 3, 1), dt.date(2026, 12, 31)))
    ctx.db.dispose()
    with_admin_account(path)  # the command line logs in as the suite's 관리자
    return path


def scalar(path, stmt):
    ctx = open_app(str(path), migrate=False)
    try:
        with ctx.db.session_factory() as s:
            return s.scalar(stmt)
    finally:
        ctx.db.dispose()


def enrolled(path) -> int:
    return scalar(path, select(func.count()).select_from(Enrollment))


def test_import_with_problems_prints_lines_and_writes_nothing(db, capsys):
    assert main(["--db", str(db), "members", "import", str(FIX / "roster_errors.csv"), "--cohort", "7"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert "행 3: 이름: 이름을 입력해 주세요." in err  # rows as Excel numbers them (the header is 1)
    assert "행 4: 휴대전화: 파일의 2행과 번호가 같습니다." in err
    assert err[-1].startswith("문제 ") and "아무것도 저장하지 않았습니다" in err[-1]
    assert all(line.startswith("행 ") for line in err[:-1]) and enrolled(db) == 0


def test_dry_run_then_import(db, capsys):
    args = ["--db", str(db), "members", "import", str(FIX / "roster.xlsx"), "--cohort", "7"]
    assert main(args + ["--dry-run"]) == 0
    captured = capsys.readouterr()
    assert "5명 모두 등록할 수 있습니다" in captured.out and "알 수 없는 열 'memo'" in captured.err
    assert enrolled(db) == 0
    assert main(args) == 0
    assert "제7기에 5명을 등록했습니다" in capsys.readouterr().out and enrolled(db) == 5
    assert main(args) == 1  # the same file again: every number is taken now
    assert "이 기수에 같은 번호의 단원" in capsys.readouterr().err and enrolled(db) == 5


@pytest.mark.parametrize(
    "args, words",
    [
        (["members", "import", str(FIX / "roster_utf16.csv"), "--cohort", "7"], "UTF-16"),
        (["members", "import", str(FIX / "roster_utf8.csv"), "--cohort", "9"], "제9기를 찾을 수 없습니다"),
        (["members", "export", "--cohort", "7", "-o", "x.csv", "--unmasked"], "--purpose"),
        (["members", "export", "--cohort", "7", "-o", "x.csv", "--purpose", "x"], "--unmasked"),
    ],
)
def test_user_errors_are_one_korean_line(db, capsys, args, words):
    assert main(["--db", str(db)] + args) == 1
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err and err.startswith("오류: ")


def test_header_errors_are_reported(db, tmp_path, capsys):
    path = tmp_path / "x.csv"
    path.write_text("이름,전화\n홍길동,010-2111-0001\n", encoding="utf-8")
    assert main(["--db", str(db), "members", "import", str(path), "--cohort", "7"]) == 1
    assert "필수 열 '휴대전화'" in capsys.readouterr().err


def test_template_and_export(db, tmp_path, capsys):
    template = tmp_path / "서식.xlsx"
    assert main(["members", "template", "-o", str(template)]) == 0
    assert openpyxl.load_workbook(template).sheetnames == ["단원 명단", "작성 안내"]
    main(["--db", str(db), "members", "import", str(FIX / "roster_cp949.csv"), "--cohort", "7"])
    out = tmp_path / "명단.csv"
    assert main(["--db", str(db), "members", "export", "--cohort", "7", "-o", str(out)]) == 0
    assert "5명" in capsys.readouterr().out and "김*이" in out.read_text(encoding="utf-8-sig")
    assert (
        main(
            [
                "--db",
                str(db),
                "members",
                "export",
                "--cohort",
                "7",
                "-o",
                str(out),
                "--unmasked",
                "--purpose",
                "발대식 안내 문자",
            ]
        )
        == 0
    )
    assert "김똠이" in out.read_text(encoding="utf-8-sig")
    assert (
        scalar(db, select(AccessLog.purpose).where(AccessLog.action == "export_unmasked"))
        == "발대식 안내 문자"
    )


def test_import_says_which_sheet_it_read_and_skips_the_templates_example(db, tmp_path, capsys):
    path = tmp_path / "명단.xlsx"
    wb = openpyxl.Workbook()
    hidden = wb.active
    hidden.title = "옛 명단"
    hidden.append(["이름", "휴대전화", "개인정보동의일"])
    hidden.append(["박숨김", "010-2111-0009", "2026-03-02"])
    hidden.sheet_state = "hidden"
    ws = wb.create_sheet("단원 명단")
    ws.append(["이름", "휴대전화", "개인정보동의일"])
    ws.append(["홍길동", "010-1234-5678", "2026-03-02"])  # an older template's example row
    ws.append(["김가람", "010-2111-0001", "2026-03-02"])
    wb.active = 1
    wb.save(path)
    assert main(["--db", str(db), "members", "import", str(path), "--cohort", "7"]) == 0
    err = capsys.readouterr().err
    assert "알림: '단원 명단' 시트를 읽었습니다. 숨겨진 시트('옛 명단')는 읽지 않았습니다." in err
    assert "알림: 서식의 예시 행(2행: 홍길동, 010-1234-5678)은 단원이 아니므로 건너뛰었습니다." in err
    assert enrolled(db) == 1


def test_withdraw_consent_asks_for_confirm_then_records_it(demo_db, capsys):
    from panelapp.db.models import Consent, Member
    from panelapp.domain.enums import EnrollmentStatus

    member_id = scalar(
        demo_db,
        select(Member.id)
        .join(Consent, Consent.member_id == Member.id)
        .join(Enrollment, Enrollment.member_id == Member.id)
        .where(
            Consent.withdrawn_on.is_(None),
            Member.deleted_at.is_(None),
            Enrollment.status == EnrollmentStatus.ACTIVE,
            Enrollment.deleted_at.is_(None),
        )
        .order_by(Member.id)
        .limit(1),
    )
    in_force = select(func.count()).where(Consent.member_id == member_id, Consent.withdrawn_on.is_(None))
    before = scalar(demo_db, in_force)
    assert before > 0
    args = ["--db", str(demo_db), "members", "withdraw-consent", str(member_id)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "--confirm" in err and "아무것도 바꾸지 않았습니다" in err and f"단원 번호 {member_id}" in err
    assert scalar(demo_db, in_force) == before
    assert main([*args, "--confirm"]) == 0
    out = capsys.readouterr().out
    assert "동의 철회를 기록했습니다" in out and "*" in out  # the name masked on the terminal too
    assert scalar(demo_db, in_force) == 0
    active = select(func.count()).where(
        Enrollment.member_id == member_id, Enrollment.status == EnrollmentStatus.ACTIVE
    )
    assert scalar(demo_db, active) == 0
    assert main([*args, "--confirm"]) == 1  # nothing left to withdraw: a sentence
    assert "철회할 수 있는 동의가 없습니다" in capsys.readouterr().err
    assert main(["--db", str(demo_db), "members", "withdraw-consent", "999999", "--confirm"]) == 1
    assert "찾을 수 없습니다" in capsys.readouterr().err
    assert main([*args, "--on", "어제", "--confirm"]) == 1
    assert "날짜가 아닙니다" in capsys.readouterr().err
