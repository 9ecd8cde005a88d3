import datetime as dt

import pytest
from sqlalchemy import select

from panelapp.db.models import AccessLog, Consent, Member
from panelapp.domain.enums import ConsentMethod, EnrollmentStatus, Gender, MemberRole
from panelapp.domain.errors import ConcurrencyError, NotFoundError, ValidationError, ValidationErrors
from panelapp.services.cohorts.manage import CohortInput, create_cohort
from panelapp.services.context import reading
from panelapp.services.people.member_rules import add_months
from panelapp.services.people.members import (
    ConsentInput,
    MemberInput,
    current_notice,
    delete_enrollment,
    enroll_member,
    get_member,
    list_notices,
    record_reveal,
    update_member,
    withdraw_member,
)
from panelapp.services.people.roster import RosterQuery, roster_ids

D = dt.date


def cohort(ctx, number=7):
    return create_cohort(ctx, CohortInput(number, f"제{number}기", D(2026, 3, 1), D(2026, 12, 31)))


def consent(agreed=True, version="2026-1", on=D(2026, 3, 2), method=ConsentMethod.WRITTEN):
    return ConsentInput(version, on, method, agreed)


def person(name="홍길동", phone="010-1234-5678", **kw):
    kw.setdefault("joined_on", D(2026, 3, 1))
    return MemberInput(name=name, phone=phone, **kw)


def test_notices_come_from_resources(ctx):
    notice = current_notice(ctx)
    assert notice.version == "2026-1"
    assert "보유" in notice.retention and notice.retention_months == 12
    assert "동의하지 않을 권리" in notice.refusal and notice.purpose in notice.body
    assert [n.version for n in list_notices(ctx)] == ["2026-1"]


def test_enroll_stores_member_enrollment_and_consent(ctx):
    c = cohort(ctx)
    team = c.teams[0]
    info = enroll_member(
        ctx,
        c.id,
        person(
            email="Hong@Example.KR",
            district="중구 명동",
            birth_year="1980",
            gender=Gender.MALE,
            team_id=team.id,
            role=MemberRole.LEADER,
        ),
        consent(method=ConsentMethod.ONLINE),
    )
    assert not info.reused_member
    d = get_member(ctx, info.enrollment_id)
    assert (d.name, d.phone_e164, d.email, d.district, d.birth_year) == (
        "홍길동",
        "+821012345678",
        "Hong@example.kr",
        "중구 명동",
        1980,
    )
    assert (d.team_name, d.role, d.status, d.gender) == (
        "정책동행단",
        MemberRole.LEADER,
        EnrollmentStatus.ACTIVE,
        Gender.MALE,
    )
    [rec] = d.consents
    assert (rec.notice_version, rec.consented_on, rec.method) == (
        "2026-1",
        D(2026, 3, 2),
        ConsentMethod.ONLINE,
    )
    assert rec.retention_until == D(2027, 12, 31)  # term end + 12 months
    assert d.hours == 0.0 and d.rate is None


@pytest.mark.parametrize("raw", ["01012345678", "+82 10 1234 5678", "1012345678", "010.1234.5678"])
def test_phone_forms_are_the_same_number(ctx, raw):
    c = cohort(ctx)
    enroll_member(ctx, c.id, person(phone="010-1234-5678"), consent())
    with pytest.raises(ValidationError) as err:
        enroll_member(ctx, c.id, person(name="김철수", phone=raw), consent())
    assert err.value.field == "휴대전화"
    assert "이 기수에 같은 번호의 단원(홍*동)이 이미 있습니다" in err.value.message


def test_invalid_fields_are_all_named(ctx):
    c = cohort(ctx)
    with pytest.raises(ValidationErrors) as err:
        enroll_member(
            ctx,
            c.id,
            MemberInput(name="", phone="02-123-4567", email="no-at", birth_year="1700", joined_on=None),
            consent(agreed=False),
        )
    fields = {e.field for e in err.value.errors}
    assert fields == {"이름", "휴대전화", "이메일", "출생연도", "활동 시작일", "개인정보 동의"}


def test_consent_is_required(ctx):
    c = cohort(ctx)
    with pytest.raises(ValidationError) as err:
        enroll_member(ctx, c.id, person(), consent(agreed=False))
    assert err.value.field == "개인정보 동의"
    assert roster_ids(ctx, RosterQuery(c.id)) == []


def test_unknown_notice_version_refused(ctx):
    c = cohort(ctx)
    with pytest.raises(ValidationError, match="1999-9"):
        enroll_member(ctx, c.id, person(), consent(version="1999-9"))


def test_same_person_in_two_cohorts_reuses_member(ctx):
    c7, c8 = cohort(ctx, 7), cohort(ctx, 8)
    first = enroll_member(ctx, c7.id, person(district="중구"), consent())
    second = enroll_member(ctx, c8.id, person(phone="01012345678", district="남구"), consent())
    assert second.reused_member and second.member_id == first.member_id
    with reading(ctx) as s:
        assert s.scalar(select(Member.district).where(Member.id == first.member_id)) == "남구"
        assert len(s.scalars(select(Member)).all()) == 1
        assert len(s.scalars(select(Consent)).all()) == 2
    assert len(get_member(ctx, second.enrollment_id).consents) == 2


def test_a_returning_person_keeps_what_the_new_form_leaves_blank(ctx):
    """Enrolling someone known from an earlier cohort refreshes what the form gives and keeps
    the rest: a second desktop enrolling them with just a name and number erased their e-mail,
    district, gender and the coordinator's note (found by tests/test_many_writers.py)."""
    first = enroll_member(
        ctx,
        cohort(ctx, 7).id,
        person(email="hong@example.kr", district="중구", gender=Gender.FEMALE, notes="휠체어 이용"),
        consent(),
    )
    second = enroll_member(ctx, cohort(ctx, 8).id, person(name="홍길동", district="남구"), consent())
    assert second.reused_member and second.member_id == first.member_id
    detail = get_member(ctx, second.enrollment_id)
    assert detail.district == "남구"  # given: refreshed
    assert (detail.email, detail.gender, detail.notes) == ("hong@example.kr", Gender.FEMALE, "휠체어 이용")


def test_soft_deleted_enrollment_blocks_reenrolment_and_hides_from_roster(ctx):
    c = cohort(ctx)
    info = enroll_member(ctx, c.id, person(), consent())
    keep = enroll_member(ctx, c.id, person(name="김철수", phone="010-2222-3333"), consent())
    delete_enrollment(ctx, info.enrollment_id)
    assert roster_ids(ctx, RosterQuery(c.id)) == [keep.enrollment_id]
    with pytest.raises(NotFoundError):
        get_member(ctx, info.enrollment_id)
    with pytest.raises(ValidationError, match="휴지통에서 복원"):
        enroll_member(ctx, c.id, person(), consent())


def test_update_member_and_stale_versions(ctx):
    c = cohort(ctx)
    info = enroll_member(ctx, c.id, person(), consent())
    d = get_member(ctx, info.enrollment_id)
    new = update_member(
        ctx, d.enrollment_id, person(name="홍길순", team_id=c.teams[1].id), d.version, d.member_version
    )
    assert (new.name, new.team_name) == ("홍길순", "소식이음단")
    assert new.version > d.version and new.member_version > d.member_version
    with pytest.raises(ConcurrencyError):
        update_member(ctx, d.enrollment_id, person(name="옛날값"), d.version, d.member_version)
    with pytest.raises(ConcurrencyError):  # the person was changed through the enrolment
        update_member(ctx, d.enrollment_id, person(name="옛날값"), new.version, d.member_version)
    assert get_member(ctx, d.enrollment_id).name == "홍길순"


def test_update_refuses_phone_of_another_member(ctx):
    c = cohort(ctx)
    enroll_member(ctx, c.id, person(), consent())
    other = enroll_member(ctx, c.id, person(name="김철수", phone="010-2222-3333"), consent())
    d = get_member(ctx, other.enrollment_id)
    with pytest.raises(ValidationError, match="같은 번호의 단원"):
        update_member(ctx, d.enrollment_id, person(name="김철수", phone="01012345678"), d.version)


def test_team_of_another_cohort_refused(ctx):
    c7, c8 = cohort(ctx, 7), cohort(ctx, 8)
    with pytest.raises(ValidationError) as err:
        enroll_member(ctx, c7.id, person(team_id=c8.teams[0].id), consent())
    assert err.value.field == "소속 단"


def test_withdraw(ctx):
    c = cohort(ctx)
    info = enroll_member(ctx, c.id, person(), consent())
    with pytest.raises(ValidationError, match="활동 시작일"):
        withdraw_member(ctx, info.enrollment_id, D(2026, 2, 1), "", info.version)
    d = withdraw_member(ctx, info.enrollment_id, D(2026, 6, 30), "이사", info.version)
    assert (d.status, d.left_on, d.left_reason) == (EnrollmentStatus.WITHDRAWN, D(2026, 6, 30), "이사")
    with pytest.raises(ConcurrencyError):
        withdraw_member(ctx, info.enrollment_id, D(2026, 6, 30), "", info.version)
    assert roster_ids(ctx, RosterQuery(c.id, status=EnrollmentStatus.ACTIVE)) == []
    assert roster_ids(ctx, RosterQuery(c.id, status=EnrollmentStatus.WITHDRAWN)) == [info.enrollment_id]


def test_record_reveal_writes_access_log(ctx):
    c = cohort(ctx)
    with pytest.raises(ValidationError):
        record_reveal(ctx, c.id, "  ")
    record_reveal(ctx, c.id, "활동 안내 문자 발송")
    with reading(ctx) as s:
        [log] = s.execute(
            select(AccessLog.action, AccessLog.purpose, AccessLog.user_id, AccessLog.detail)
        ).all()
    assert (log.action, log.purpose, log.user_id) == ("reveal_phones", "활동 안내 문자 발송", ctx.user_id)
    assert str(c.id) in log.detail


def test_add_months_clamps_to_month_end():
    assert add_months(D(2026, 12, 31), 2) == D(2027, 2, 28)
    assert add_months(D(2026, 3, 15), 12) == D(2027, 3, 15)
