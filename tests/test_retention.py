"""Retention and destruction (파기, issue 12 item 6): who is due, destroying them, the ledger."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from panelapp.db.models import (
    ActivityEvent,
    Attendance,
    Consent,
    DestructionRecord,
    Enrollment,
    Member,
    SearchGram,
)
from panelapp.domain.enums import EnrollmentStatus, EventKind
from panelapp.domain.errors import DomainError, ValidationError
from panelapp.services.cohorts.manage import CohortInput, create_cohort
from panelapp.services.context import reading, transaction
from panelapp.services.org.manage import OrgInput, save_organization
from panelapp.services.people.members import ConsentInput, MemberInput, delete_enrollment, enroll_member
from panelapp.services.retention.destroy import destroy_members
from panelapp.services.retention.due import due_members
from panelapp.services.retention.ledger import ledger_entries, write_ledger_pdf
from panelapp.services.retention.withdrawal import withdraw_consent
from panelapp.services.search.index import DocKind
from panelapp.services.search.query import search
from panelapp.services.system.backups import list_backups, make_backup
from panelapp.services.trash.manage import list_trash
from panelapp.settings import Settings

D = dt.date
AFTER_RETENTION = D(2028, 1, 2)  # term end 2026-12-31 + 12 months, passed


@pytest.fixture
def settings(tmp_path) -> Settings:
    s = Settings(tmp_path / "settings.json")
    s.set("backup_dir", str(tmp_path / "backups"))
    return s


def _enrol(ctx, cohort_id, name, phone):
    return enroll_member(
        ctx,
        cohort_id,
        MemberInput(name=name, phone=phone, joined_on=D(2026, 3, 1), email="x@example.kr", district="중구"),
        ConsentInput("2026-1", D(2026, 3, 2), agreed=True),
    )


@pytest.fixture
def people(ctx):
    c = create_cohort(ctx, CohortInput(7, "제7기", D(2026, 3, 1), D(2026, 12, 31)))
    a = _enrol(ctx, c.id, "홍길동", "010-1234-5678")
    b = _enrol(ctx, c.id, "김영희", "010-2222-3333")
    with transaction(ctx) as s:
        ev = ActivityEvent(
            cohort_id=c.id, kind=EventKind.TRAINING, title="교육", event_date=D(2026, 4, 1), hours=2
        )
        s.add(ev)
        s.flush()
        s.add(
            Attendance(
                event_id=ev.id, enrollment_id=a.enrollment_id, present=True, hours=2, note="홍길동 지각"
            )
        )
    return c, a, b


def test_nobody_is_due_while_consent_is_in_force_and_withdrawal_makes_one_due(ctx, people):
    _c, a, b = people
    assert due_members(ctx, today=D(2026, 12, 3)) == []
    withdraw_consent(ctx, b.member_id, D(2026, 11, 1))
    due = due_members(ctx, today=D(2026, 12, 3))
    assert [(d.member_id, d.reason, d.due_since) for d in due] == [(b.member_id, "동의 철회", D(2026, 11, 1))]
    assert due[0].masked_name == "김*희" and "2222" not in due[0].masked_phone
    with reading(ctx) as s:
        e = s.scalar(select(Enrollment).where(Enrollment.member_id == b.member_id))
        assert e.status is EnrollmentStatus.WITHDRAWN and e.left_on == D(2026, 11, 1)
    later = due_members(ctx, today=AFTER_RETENTION)
    assert [d.member_id for d in later] == [a.member_id, b.member_id]
    assert later[0].reason == "보유기간 만료" and later[0].due_since == D(2027, 12, 31)


def test_a_member_whose_consent_is_in_force_cannot_be_destroyed(ctx, people, settings):
    _c, a, _b = people
    with pytest.raises(DomainError, match=f"단원 번호 {a.member_id}인 단원은 동의가 유효"):
        destroy_members(ctx, [a.member_id], "보유기간 만료", settings, today=D(2026, 12, 3))
    with pytest.raises(ValidationError, match="파기 사유"):
        destroy_members(ctx, [a.member_id], "  ", settings, today=AFTER_RETENTION)
    with pytest.raises(ValidationError, match="파기할 단원이 없습니다"):
        destroy_members(ctx, None, "보유기간 만료", settings, today=D(2026, 12, 3))
    with reading(ctx) as s:
        assert s.get(Member, a.member_id).name == "홍길동"


def test_destroy_removes_personal_fields_and_keeps_the_statistics(ctx, people, settings):
    c, a, b = people
    delete_enrollment(ctx, b.enrollment_id)  # b's enrolment sits in the trash
    result = destroy_members(ctx, None, "보유기간 경과", settings, today=AFTER_RETENTION)
    assert result.count == 2 and set(result.member_ids) == {a.member_id, b.member_id}
    with reading(ctx) as s:
        m = s.get(Member, a.member_id)
        assert (m.name, m.phone, m.email, m.district, m.birth_year) == (
            f"파기된 단원 #{a.member_id}",
            "",
            None,
            None,
            None,
        )
        assert m.destroyed_at is not None
        assert s.scalar(select(func.count()).select_from(Consent)) == 0
        att = s.scalar(select(Attendance))
        assert (att.hours, att.present, att.note) == (2, True, None)  # the statistic stays, anonymous
        assert s.get(Enrollment, a.enrollment_id).cohort_id == c.id
        grams = select(func.count()).where(SearchGram.doc_kind == int(DocKind.MEMBER))
        assert s.scalar(grams.select_from(SearchGram)) == 0
    assert search(ctx, "홍길동") == [] and search(ctx, "파기된") == []
    assert [i for i in list_trash(ctx) if i.kind == "enrollment"] == []
    assert due_members(ctx, today=AFTER_RETENTION) == []  # never due again
    with pytest.raises(DomainError, match="이미 파기"):
        destroy_members(ctx, [a.member_id], "다시", settings, today=AFTER_RETENTION)
    with reading(ctx) as s:
        from panelapp.db.models import AccessLog

        logged = s.scalar(select(AccessLog).where(AccessLog.action == "destroy"))
        assert logged.member_count == 2 and logged.purpose == "보유기간 경과"
    [entry] = ledger_entries(ctx)
    assert entry.count == 2 and entry.reason == "보유기간 경과" and entry.approver == ctx.user_name
    assert "휴대전화" in entry.items and "출생연도" in entry.items
    assert "기관이 직접 확인하여 파기" in entry.backups  # copies the program cannot know of
    if ctx.db.is_sqlite:  # (the suite's server schema has no stamp, so no archive can be made)
        assert "0으로 덮어쓴 뒤 삭제" in entry.backups


def _raw(path: Path) -> bytes:
    out = b""
    for suffix in ("", "-wal", "-journal"):
        p = Path(str(path) + suffix)
        if p.exists():
            out += p.read_bytes()
    return out


def test_sqlite_file_and_backups_keep_no_byte_of_a_destroyed_name_or_phone(sqlite_ctx, settings):
    ctx = sqlite_ctx
    c = create_cohort(ctx, CohortInput(7, "제7기", D(2026, 3, 1), D(2026, 12, 31)))
    gone = _enrol(ctx, c.id, "파기될사람", "010-9876-5432")
    kept = _enrol(ctx, c.id, "남을사람", "010-1111-2222")
    with transaction(ctx) as s:  # the kept one stays in force
        s.scalar(select(Consent).where(Consent.member_id == kept.member_id)).retention_until = D(2099, 1, 1)
    old = make_backup(ctx.db, settings)
    path = ctx.db.sqlite_path
    secrets = ["파기될사람".encode(), b"+821098765432", b"1098765432"]
    assert all(secret in _raw(path) + old.path.read_bytes() for secret in secrets[:2])
    destroy_members(ctx, [gone.member_id], "보유기간 경과", settings, today=AFTER_RETENTION)
    raw = _raw(path)
    for secret in secrets:
        assert secret not in raw, secret
    assert "남을사람".encode() in raw  # the file was not simply emptied
    assert not old.path.exists()
    [fresh] = list_backups(ctx.db, settings)
    for secret in secrets:
        assert secret not in fresh.path.read_bytes()
    with reading(ctx) as s:
        record = s.scalar(select(DestructionRecord))
        assert fresh.path.name in record.backups and "백업 1개를 0으로 덮어쓴 뒤 삭제" in record.backups
        assert "VACUUM" in record.method


def test_coordinator_cannot_list_due_members(ctx, people):
    from panelapp.db.models import User
    from panelapp.domain.enums import UserRole
    from panelapp.services.permissions import PermissionDenied

    with transaction(ctx) as s:
        s.get(User, ctx.user_id).role = UserRole.COORDINATOR
    with pytest.raises(PermissionDenied, match="개인정보 보존·파기는 관리자만"):
        due_members(ctx)


def test_ledger_pdf_names_each_destruction(ctx, people, settings, tmp_path):
    from pypdf import PdfReader

    save_organization(ctx, OrgInput("한빛시설관리공단"))
    destroy_members(ctx, None, "보유기간 경과에 따른 정기 파기", settings, today=AFTER_RETENTION)
    out = tmp_path / "ledger.pdf"
    assert write_ledger_pdf(ctx, out) == 1
    reader = PdfReader(str(out))
    text = "".join(p.extract_text() for p in reader.pages)
    assert "개인정보 파기 관리대장" in text and "정기 파기" in text and ctx.user_name in text
    assert "홍길동" not in text


def test_each_destruction_leaves_only_the_backup_made_after_it(sqlite_ctx, settings):
    ctx = sqlite_ctx
    c = create_cohort(ctx, CohortInput(7, "제7기", D(2026, 3, 1), D(2026, 12, 31)))
    first, second = (
        _enrol(ctx, c.id, "첫째사람", "010-3333-4444"),
        _enrol(ctx, c.id, "둘째사람", "010-5555-6666"),
    )
    make_backup(ctx.db, settings)
    make_backup(ctx.db, settings, kind="daily")
    one = destroy_members(ctx, [first.member_id], "보유기간 경과", settings, today=AFTER_RETENTION)
    assert "파기 전 백업 2개를 0으로 덮어쓴 뒤 삭제" in one.backups
    [after_one] = list_backups(ctx.db, settings)
    assert after_one.label == "파기 후" and "첫째사람".encode() not in after_one.path.read_bytes()
    two = destroy_members(ctx, [second.member_id], "보유기간 경과", settings, today=AFTER_RETENTION)
    assert "파기 전 백업 1개를 0으로 덮어쓴 뒤 삭제" in two.backups
    [after_two] = list_backups(ctx.db, settings)
    assert after_two.path != after_one.path and not after_one.path.exists()


def test_the_question_before_a_withdrawal_masks_the_name_and_says_what_follows(ctx, people):
    from panelapp.services.retention.withdrawal import withdrawal_preview

    _c, a, _b = people
    preview = withdrawal_preview(ctx, a.member_id)
    assert preview.who == f"홍*동(단원 번호 {a.member_id})" and (preview.consents, preview.active) == (1, 1)
    assert "홍길동" not in preview.sentence and "파기 대상" in preview.sentence
    withdraw_consent(ctx, a.member_id, D(2026, 11, 1))
    with pytest.raises(ValidationError, match="철회할 수 있는 동의가 없습니다"):
        withdrawal_preview(ctx, a.member_id)
    with pytest.raises(DomainError, match="찾을 수 없습니다"):
        withdrawal_preview(ctx, 999_999)
