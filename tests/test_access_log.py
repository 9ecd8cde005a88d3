"""접속기록 (issue 12 items 4 and 5): one function appends, the hash chain shows tampering in
`check` and `audit verify`, concurrent writers keep the chain whole, only a 관리자 reads it."""

from __future__ import annotations

import csv
import datetime as dt
import threading

import pytest
from conftest import with_admin_account
from sqlalchemy import select, text, update

from panelapp.cli import main
from panelapp.db.models import AccessLog, User
from panelapp.domain.access_log import GENESIS, compress_ids, expand_ids
from panelapp.domain.enums import UserRole
from panelapp.domain.errors import ValidationError
from panelapp.domain.localtime import today_local  # noqa: E402
from panelapp.services.audit.chain import chain_problems
from panelapp.services.audit.log import record_access
from panelapp.services.audit.review import (
    AccessFilter,
    access_entries,
    export_access_log,
    review_month,
    reviews,
)
from panelapp.services.context import ServiceContext
from panelapp.services.permissions import PermissionDenied
from panelapp.services.system.bootstrap import open_app
from panelapp.services.system.check import run_checks

# the month the entries a test writes fall in (a month without entries is not signed)
THIS_MONTH = f"{today_local():%Y-%m}"


def _log_some(ctx, n=5):
    for i in range(n):
        record_access(ctx, "search", members=[i + 1, i + 2], detail=f"query=김{i}")


def test_ids_are_written_as_ranges():
    assert compress_ids([9, 3, 5, 6, 7, 8, 12, 3]) == "3,5-9,12"
    assert expand_ids("3,5-9,12") == [3, 5, 6, 7, 8, 9, 12] and expand_ids(None) == []


def test_entries_are_chained_and_verify(ctx):
    _log_some(ctx)
    with ctx.db.session_factory() as s:
        rows = s.scalars(select(AccessLog).order_by(AccessLog.id)).all()
    assert rows[0].prev_hash == GENESIS and len(rows) == 5
    assert all(b.prev_hash == a.hash for a, b in zip(rows, rows[1:], strict=False))
    assert rows[0].host and rows[0].user_id == ctx.user_id and rows[0].member_count == 2
    assert rows[0].member_ids == "1-2"
    assert chain_problems(ctx.db) == []


def test_a_changed_entry_is_named(ctx):
    _log_some(ctx)
    with ctx.db.engine.begin() as conn:
        conn.execute(update(AccessLog).where(AccessLog.id == 3).values(member_ids="99"))
    problems = chain_problems(ctx.db)
    assert len(problems) == 1 and problems[0].startswith("접속기록 3번 항목의 내용이 기록된 뒤 바뀌었습니다")


def test_a_deleted_entry_breaks_the_chain_at_the_next(ctx):
    _log_some(ctx)
    with ctx.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM access_logs WHERE id = 3"))
    (problem,) = chain_problems(ctx.db)
    assert problem.startswith("접속기록 4번 항목이 바로 앞의 2번 항목과 이어지지 않습니다")
    with ctx.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM access_logs WHERE id = 1"))
    assert chain_problems(ctx.db)[0].startswith("접속기록 2번 항목 앞의 접속기록이 지워졌습니다")


def test_concurrent_writers_keep_one_chain(ctx, tmp_path):
    from panelapp.db.engine import open_database

    url = (
        str(ctx.db.sqlite_path)
        if ctx.db.is_sqlite
        else ctx.db.engine.url.render_as_string(hide_password=False)
    )
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        db = open_database(url)
        try:
            other = ServiceContext(db=db, user_id=ctx.user_id)
            for i in range(15):
                record_access(other, "view_member", members=[n * 100 + i])
        except BaseException as exc:  # noqa: BLE001 - reported by the assert below
            errors.append(exc)
        finally:
            db.dispose()

    threads = [threading.Thread(target=writer, args=(n,)) for n in (1, 2, 3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with ctx.db.session_factory() as s:
        assert len(s.scalars(select(AccessLog.id)).all()) == 45
    assert chain_problems(ctx.db) == []


def test_review_is_recorded_and_listed(ctx):
    _log_some(ctx, 2)
    done = review_month(ctx, THIS_MONTH, "이상 없음; 확인함")
    assert done.month == THIS_MONTH and done.problems == ()
    (listed,) = reviews(ctx)
    assert (listed.month, listed.note, listed.entry_id) == (THIS_MONTH, "이상 없음; 확인함", done.entry_id)
    assert access_entries(ctx, AccessFilter(action="audit_review"))[0].id == done.entry_id
    with pytest.raises(ValidationError, match="연-월"):
        review_month(ctx, "2026-13")
    with pytest.raises(ValidationError, match="아직 오지 않은 달"):
        review_month(ctx, "2999-01")
    assert chain_problems(ctx.db) == []


def test_export_writes_every_entry_and_is_logged(ctx, tmp_path):
    _log_some(ctx, 3)
    count = export_access_log(ctx, tmp_path / "log.csv", AccessFilter(date_from=dt.date(2020, 1, 1)))
    rows = list(csv.reader((tmp_path / "log.csv").open(encoding="utf-8-sig")))
    assert count == 3 and rows[0][0] == "번호" and [r[4] for r in rows[1:]] == ["검색"] * 3
    assert access_entries(ctx)[0].action == "audit_export"


def test_a_coordinator_cannot_read_the_log(ctx):
    with ctx.db.session_factory.begin() as s:
        s.add(User(name="김담당", role=UserRole.COORDINATOR, active=True))
    with ctx.db.session_factory() as s:
        uid = s.scalar(select(User.id).where(User.name == "김담당"))
    coordinator = ServiceContext(db=ctx.db, user_id=uid, user_name="김담당", role=UserRole.COORDINATOR)
    with pytest.raises(PermissionDenied, match="접속기록 검토"):
        access_entries(coordinator)
    with pytest.raises(PermissionDenied):
        review_month(coordinator, "2026-11")


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "panel.db"
    open_app(str(path)).db.dispose()
    with_admin_account(path)
    return path


def test_cli_verify_and_check_report_a_tampered_entry(db_file, tmp_path, capsys):
    assert main(["--db", str(db_file), "audit", "log", "-o", str(tmp_path / "a.xlsx")]) == 0
    assert main(["--db", str(db_file), "audit", "accounts", "-o", str(tmp_path / "b.csv")]) == 0
    assert "생성" in (tmp_path / "b.csv").read_text(encoding="utf-8-sig")  # the 관리자's creation
    assert main(["--db", str(db_file), "audit", "verify"]) == 0
    assert "해시 사슬이 처음부터 끝까지 이어져 있습니다" in capsys.readouterr().out
    assert main(["--db", str(db_file), "audit", "review", "--month", THIS_MONTH]) == 0
    ctx = open_app(str(db_file), migrate=False)
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE access_logs SET purpose = '고침' WHERE id = 1"))
    ctx.db.dispose()
    capsys.readouterr()
    assert main(["--db", str(db_file), "audit", "verify"]) == 1
    assert "접속기록 1번 항목의 내용이 기록된 뒤 바뀌었습니다" in capsys.readouterr().err
    assert main(["--db", str(db_file), "check"]) == 1
    assert "문제: 접속기록 1번 항목의 내용이 기록된 뒤 바뀌었습니다" in capsys.readouterr().err


def test_cli_audit_log_needs_an_administrator(db_file, tmp_path, capsys, monkeypatch):
    from panelapp.services.people.users import create_user

    ctx = open_app(str(db_file), migrate=False)
    with ctx.db.session_factory() as s:
        ctx.user_id = s.scalar(select(User.id).where(User.role == UserRole.ADMIN))
    create_user(ctx, "김담당", UserRole.COORDINATOR, "coord-pass-2026")
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE users SET must_change_password = :f WHERE name = '김담당'"), {"f": False})
    ctx.db.dispose()
    monkeypatch.setenv("PANELAPP_USER", "김담당")
    monkeypatch.setenv("PANELAPP_PASSWORD", "coord-pass-2026")
    out = tmp_path / "x.csv"
    assert main(["--db", str(db_file), "audit", "log", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "접속기록 검토는 관리자만 할 수 있어" in err and not out.exists()


def test_checks_pass_on_a_normal_database(sqlite_ctx):
    _log_some(sqlite_ctx, 3)
    assert not [p for p in run_checks(sqlite_ctx.db) if "접속기록" in p]


def test_entries_before_the_chain_are_chained_by_the_migration(tmp_path):
    from alembic import command

    from panelapp.db import migrate
    from panelapp.db.engine import open_database

    path = tmp_path / "old.db"
    db = open_database(str(path))
    cfg = migrate.alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0011")
        for n in (1, 2):
            conn.execute(
                text(
                    "INSERT INTO access_logs (at, action, purpose, detail) "
                    f"VALUES ('2026-0{n}-01 09:00:00.000000', 'reveal_phones', '문자 발송', 'cohort_id={n}')"
                )
            )
    db.dispose()
    db = open_database(str(path))
    migrate.upgrade_to_head(db)
    assert chain_problems(db) == []
    with db.session_factory() as s:
        first, second = s.scalars(select(AccessLog).order_by(AccessLog.id)).all()
    assert first.prev_hash == GENESIS and second.prev_hash == first.hash and first.host == ""
    db.dispose()


# ----- every output that touches personal data records one entry through record() ---------
def _demo_ids(ctx):
    from panelapp.db.models import ActivityEvent, Enrollment, Inspection, InspectionAssignment, Member

    with ctx.db.session_factory() as s:
        enrollment = s.scalars(select(Enrollment).order_by(Enrollment.id)).first()
        inspection = s.scalar(select(InspectionAssignment.inspection_id).order_by(InspectionAssignment.id))
        event = s.scalar(
            select(ActivityEvent.id)
            .where(ActivityEvent.cohort_id == enrollment.cohort_id)
            .order_by(ActivityEvent.id)
        )
        name = s.scalar(select(Member.name).where(Member.id == enrollment.member_id))
        visits = s.scalar(select(Inspection.cohort_id).where(Inspection.id == inspection))
        return enrollment.cohort_id, enrollment.id, inspection, event, name, visits


def _roster_masked(ctx, ids, tmp):
    from panelapp.services.roster_io.export import export_roster

    export_roster(ctx, ids[0], tmp / "r.csv")


def _roster_unmasked(ctx, ids, tmp):
    from panelapp.services.roster_io.export import export_roster

    export_roster(ctx, ids[0], tmp / "r.csv", unmasked=True, purpose="문자 발송")


def _list_export(ctx, ids, tmp):
    from panelapp.services.proposals.export import export_proposals

    export_proposals(ctx, _proposal_query(ids[5]), "submitted", True, tmp / "p.xlsx")


def _proposal_query(cohort_id):
    from panelapp.services.proposals.queries import ProposalQuery

    return ProposalQuery(cohort_id)


def _signin(ctx, ids, tmp):
    from panelapp.services.activities.signin import write_signin_sheet

    write_signin_sheet(ctx, ids[3], tmp / "s.pdf")


def _report(ctx, ids, tmp):
    from panelapp.domain.report_data import ReportOptions
    from panelapp.services.reporting.files import write_report

    write_report(ctx, ReportOptions(ids[0], photos=False), tmp / "b.pdf")


def _certificate(ctx, ids, tmp):
    from panelapp.services.activities.certificates import certificate_data

    certificate_data(ctx, ids[1])


def _field_sheet(ctx, ids, tmp):
    from panelapp.services.inspections.field_sheet import field_sheet_data

    field_sheet_data(ctx, ids[2])


def _ics(ctx, ids, tmp):
    from panelapp.services.inspections.export import schedule_ics

    schedule_ics(ctx, ids[5], "제7기")


def _search(ctx, ids, tmp):
    from panelapp.services.search.query import search

    assert any(h.kind == "member" for h in search(ctx, ids[4]))


def _view_member(ctx, ids, tmp):
    from panelapp.services.people.members import get_member

    get_member(ctx, ids[1])


def _view_roster(ctx, ids, tmp):
    from panelapp.services.people.roster import RosterQuery, roster_ids

    roster_ids(ctx, RosterQuery(ids[0]))


def _view_attendance(ctx, ids, tmp):
    from panelapp.services.activities.sheet import sheet_ids

    sheet_ids(ctx, ids[0])


def _reveal(ctx, ids, tmp):
    from panelapp.services.people.members import record_reveal

    record_reveal(ctx, ids[0], "문자 발송")


def _import(ctx, ids, tmp):
    from pathlib import Path

    from panelapp.services.cohorts.manage import CohortInput, create_cohort
    from panelapp.services.roster_io.importing import commit_import, preview_import

    cohort = create_cohort(ctx, CohortInput(99, "제99기", dt.date(2026, 3, 1), dt.date(2026, 12, 31)))
    preview = preview_import(ctx, cohort.id, Path(__file__).parent / "fixtures" / "import" / "roster.xlsx")
    commit_import(ctx, cohort.id, preview)


def _due(ctx, ids, tmp):
    from panelapp.services.retention.due import due_members

    assert due_members(ctx), "the demo has members whose retention has passed"


def _withdraw(ctx, ids, tmp):
    from panelapp.db.models import Enrollment
    from panelapp.services.retention.withdrawal import withdraw_consent

    with ctx.db.session_factory() as s:
        member = s.scalar(select(Enrollment.member_id).where(Enrollment.id == ids[1]))
    withdraw_consent(ctx, member)


OUTPUTS = [
    ("roster_export", _roster_masked, ""),
    ("export_unmasked", _roster_unmasked, "문자 발송"),
    ("export", _list_export, ""),
    ("print", _signin, ""),
    ("report", _report, ""),
    ("certificate", _certificate, ""),
    ("field_sheet", _field_sheet, ""),
    ("calendar_export", _ics, ""),
    ("search", _search, ""),
    ("view_member", _view_member, ""),
    ("view_roster", _view_roster, ""),
    ("view_attendance", _view_attendance, ""),
    ("reveal_phones", _reveal, "문자 발송"),
    ("import", _import, ""),
    ("view_due", _due, ""),  # 관리 → 개인정보 파기 and `panelapp retention due`
    ("withdraw_consent", _withdraw, ""),
]


@pytest.mark.parametrize(("action", "run", "purpose"), OUTPUTS, ids=[o[0] for o in OUTPUTS])
def test_every_output_of_personal_data_records_an_entry(demo_ctx, tmp_path, action, run, purpose):
    ctx = demo_ctx
    ids = _demo_ids(ctx)
    with ctx.db.session_factory() as s:
        before = s.scalar(select(AccessLog.id).order_by(AccessLog.id.desc()).limit(1)) or 0
    run(ctx, ids, tmp_path)
    with ctx.db.session_factory() as s:
        new = s.scalars(select(AccessLog).where(AccessLog.id > before).order_by(AccessLog.id)).all()
    assert [e.action for e in new] == [action]
    (entry,) = new
    assert entry.user_id == ctx.user_id and entry.host and entry.purpose == purpose
    assert entry.member_count > 0, "whose data: at least a count"
    assert chain_problems(ctx.db) == []


def test_an_entry_alone_does_not_make_other_desktops_reload_everything(sqlite_ctx):
    import time

    from panelapp.services import live

    feed = live.open_feed(sqlite_ctx.db)
    try:
        feed.poll()
        record_access(sqlite_ctx, "view_member", members=[1])
        assert feed.poll() == []
        time.sleep(live.GRACE_SECONDS + 0.3)
        assert feed.poll() == []  # explained by its (empty) line, not "everything may have changed"
    finally:
        feed.close()


def test_a_removed_tail_shows_after_a_review(ctx):
    _log_some(ctx, 3)
    done = review_month(ctx, THIS_MONTH)  # saw entry 3 as the newest; sealed with 4 entries
    assert done.entry_id == 4
    _log_some(ctx, 1)
    assert chain_problems(ctx.db) == []
    with ctx.db.engine.begin() as conn:  # the review and everything after it removed, and entry 3
        conn.execute(text("DELETE FROM access_logs WHERE id >= 3"))
    # no break in the chain, but the review's seal beside the log says it was longer
    (problem,) = chain_problems(ctx.db)
    assert problem.startswith("접속기록 4번 항목(") and "월별 검토)이 지워졌습니다" in problem
    assert problem.endswith("그 검토 때 접속기록은 4건이었는데 지금은 그 번호까지 2건입니다.")
    review_month(ctx, THIS_MONTH)
    with ctx.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM access_logs WHERE id = 2"))  # the newest the review saw
    problems = chain_problems(ctx.db)
    assert any(p.startswith("접속기록 2번 항목이 지워졌습니다") for p in problems)


def test_opening_a_report_made_earlier_is_logged_as_a_view(demo_ctx, tmp_path):
    """The report's PDF names people (단원별 참여): opening it again from the list is a view."""
    from panelapp.domain.report_data import ReportOptions
    from panelapp.services.reporting.files import write_report
    from panelapp.services.reporting.history import recent_reports, record_report_view

    ctx = demo_ctx
    cohort = _demo_ids(ctx)[0]
    write_report(ctx, ReportOptions(cohort, photos=False), tmp_path / "b.pdf")
    (made,) = [r for r in recent_reports(ctx) if r.pdf_path and r.pdf_path.endswith("b.pdf")]
    with ctx.db.session_factory() as s:
        before = s.scalar(select(AccessLog.id).order_by(AccessLog.id.desc()).limit(1))
    record_report_view(ctx, made.id, "preview")
    with ctx.db.session_factory() as s:
        new = s.scalars(select(AccessLog).where(AccessLog.id > before)).all()
    assert [e.action for e in new] == ["report_view"]
    (entry,) = new
    assert entry.member_count > 0 and entry.user_id == ctx.user_id
    assert entry.detail == f"report_id={made.id}; cohort_id={cohort}; how=미리보기; file=b.pdf"
    assert chain_problems(ctx.db) == []


def test_a_rechained_log_does_not_pass_for_the_one_a_review_sealed(ctx):
    """Entries removed before a review and the rest chained anew (hashes recomputed): the chain
    is whole again, the seal is not."""
    from panelapp.domain.access_log import entry_hash

    _log_some(ctx, 3)
    review_month(ctx, THIS_MONTH)
    with ctx.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM access_logs WHERE id = 2"))
    with ctx.db.session_factory.begin() as s:
        prev = GENESIS
        for e in s.scalars(select(AccessLog).order_by(AccessLog.id)):
            e.prev_hash = prev
            e.hash = prev = entry_hash(
                prev, e.at, e.user_id, e.host, e.action, e.purpose, e.member_count, e.member_ids, e.detail
            )
    problems = chain_problems(ctx.db)
    assert any("월별 검토)이 검토 뒤에 다시 쓰였습니다" in p for p in problems), problems


def test_an_enrolment_in_the_log_reads_as_the_member_the_officer_knows(demo_ctx):
    """ "참여 기록 62번" matched nobody: the 내용 names the member number (the 파기 list's, the
    대상 단원 번호 column's), the name masked, and the cohort."""
    from panelapp.db.models import Cohort, Enrollment, Member
    from panelapp.services.people.members import get_member

    ctx = demo_ctx
    enrollment = _demo_ids(ctx)[1]
    get_member(ctx, enrollment)
    with ctx.db.session_factory() as s:
        member_id, name, number = s.execute(
            select(Member.id, Member.name, Cohort.number)
            .join(Enrollment, Enrollment.member_id == Member.id)
            .join(Cohort, Cohort.id == Enrollment.cohort_id)
            .where(Enrollment.id == enrollment)
        ).one()
    (entry,) = access_entries(ctx, AccessFilter(action="view_member"), limit=1)
    assert entry.detail == f"enrollment_id={enrollment}"  # stored (and hashed) as written
    assert entry.shown_detail == f"단원 번호 {member_id} {name[0]}*{name[-1]} · 제{number}기"
    assert "참여 기록" not in entry.shown_detail and name not in entry.shown_detail
    assert entry.member_ids == str(member_id)


def test_a_month_is_shown_before_it_is_signed_and_not_signed_blind(ctx):
    from panelapp.domain.localtime import today_local
    from panelapp.services.audit.review import month_entries

    month = f"{today_local():%Y-%m}"
    _log_some(ctx, 3)
    record_access(ctx, "view_member", members=[7])
    shown = month_entries(ctx, month)
    assert shown.entries == 4 and len(shown.ids) == 4 and shown.ids == tuple(sorted(shown.ids, reverse=True))
    assert shown.by_action == (("검색", 3), ("단원 정보 열람", 1))
    assert shown.summary == f"{month} 접속기록 4건: 검색 3건, 단원 정보 열람 1건"
    record_access(ctx, "search", members=[8])  # arrived after the reviewer looked
    with pytest.raises(ValidationError, match="살펴본 4건에서 지금 5건으로 바뀌었습니다"):
        review_month(ctx, month, seen=shown.entries)
    assert reviews(ctx) == []
    done = review_month(ctx, month, seen=month_entries(ctx, month).entries)
    assert done.entries == 5
    assert month_entries(ctx, "2001-01").summary == "2001-01에는 접속기록이 없습니다."


def test_a_month_without_entries_is_not_signed(ctx):
    """Nothing to look at is nothing to sign: a month the log holds no entry of is refused with a
    sentence (before, a 관리자 could sign off 2001-01, before the database existed)."""
    from panelapp.services.audit.review import month_entries

    _log_some(ctx, 2)
    assert month_entries(ctx, "2001-01").entries == 0
    with pytest.raises(ValidationError, match="2001-01에는 접속기록이 없어 검토하고 서명할 것이 없습니다"):
        review_month(ctx, "2001-01", seen=0)
    with pytest.raises(ValidationError, match="접속기록이 없어"):
        review_month(ctx, "2001-01")
    assert reviews(ctx) == []
    assert review_month(ctx, THIS_MONTH).entries == 2


def test_the_export_names_the_people_and_cohorts_as_the_dialog_does(demo_ctx, tmp_path):
    """The export's 내용 is the Korean the dialog shows ("단원 번호 46 김*희 · 제7기", "기수
    제7기"), never the stored `enrollment_id=62` beside the member-number column; the names
    are masked there as in the dialog. In blocks: more entries than one block are all named."""
    import openpyxl

    from panelapp.services.audit import review as review_module
    from panelapp.services.people.members import get_member

    ctx = demo_ctx
    enrollments = _demo_ids(ctx)[:3]
    for enrollment in enrollments:
        get_member(ctx, enrollment)
    shown = {e.id: e.shown_detail for e in access_entries(ctx, limit=None)}
    old_block = review_module.EXPORT_BLOCK
    review_module.EXPORT_BLOCK = 2  # several blocks even on a small log
    try:
        count = export_access_log(ctx, tmp_path / "log.xlsx")
    finally:
        review_module.EXPORT_BLOCK = old_block
    sheet = openpyxl.load_workbook(tmp_path / "log.xlsx", read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-1] == "내용" and count == len(rows) - 1 >= 3
    details = [row[-1] or "" for row in rows[1:]]
    assert not [d for d in details if "enrollment_id=" in d or "cohort_id=" in d]
    assert details == [shown[int(row[0])] for row in rows[1:]]
    people = [d for d in details if d.startswith("단원 번호 ")]
    assert len(people) >= 3 and all("*" in d for d in people)
