"""Roster import service: preview writes nothing, every rule of the member form, all or nothing."""

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from panelapp.db.models import Consent, Enrollment, Member
from panelapp.domain.enums import EnrollmentStatus, Gender, MemberRole
from panelapp.domain.errors import DomainError, NotFoundError
from panelapp.domain.localtime import today_local
from panelapp.services.cohorts.manage import CohortInput, create_cohort
from panelapp.services.context import reading
from panelapp.services.people.members import (
    ConsentInput,
    MemberInput,
    delete_enrollment,
    enroll_member,
    get_member,
)
from panelapp.services.people.roster import RosterQuery, roster_ids
from panelapp.services.roster_io.importing import (
    ImportRefused,
    cohort_id_by_number,
    commit_import,
    preview_import,
)

D = dt.date
FIX = Path(__file__).parent / "fixtures" / "import"
HEADER = "이름,휴대전화,소속,역할,개인정보동의일\n"


def cohort(ctx, number=7):
    return create_cohort(ctx, CohortInput(number, f"제{number}기", D(2026, 3, 1), D(2026, 12, 31)))


def count(ctx, model) -> int:
    with reading(ctx) as s:
        return s.scalar(select(func.count()).select_from(model))


def csv_file(tmp_path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "in.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "name", ["roster_utf8.csv", "roster_utf8_bom.csv", "roster_cp949.csv", "roster.xlsx"]
)
def test_every_fixture_imports_all_five(ctx, name):
    c = cohort(ctx)
    preview = preview_import(ctx, c.id, FIX / name)
    assert [p.line() for p in preview.problems] == [] and preview.can_import
    assert count(ctx, Member) == 0  # the preview wrote nothing
    result = commit_import(ctx, c.id, preview)
    assert result.imported == 5 and len(result.enrollment_ids) == 5
    assert count(ctx, Enrollment) == 5 and count(ctx, Consent) == 5
    ids = roster_ids(ctx, RosterQuery(c.id))
    assert len(ids) == 5
    by_name = {get_member(ctx, i).name: get_member(ctx, i) for i in ids}
    first = by_name["김똠이"]
    assert first.phone_e164 == "+821021110001" and first.team_name == "정책동행단"
    assert first.role == MemberRole.CHIEF and first.gender == Gender.FEMALE and first.birth_year == 1985
    assert first.consents[0].consented_on == D(2026, 3, 2) and first.consents[0].notice_version == "2026-1"
    assert first.status == EnrollmentStatus.ACTIVE
    assert {"박햏순", "이하나", "최둘", "정셋"} <= set(by_name)
    if name == "roster.xlsx":
        assert preview.unknown_columns == ("memo",)


def test_errors_reported_per_row_and_column_nothing_written(ctx):
    c = cohort(ctx)
    preview = preview_import(ctx, c.id, FIX / "roster_errors.csv")
    lines = [p.line() for p in preview.problems]
    assert not preview.can_import and preview.ok_count == 1 and preview.error_count == 2
    for expected in (
        "행 3: 이름: 이름을 입력해 주세요.",
        "행 3: 휴대전화:",
        "행 3: 이메일:",
        "행 3: 출생연도:",
        "행 3: 성별:",
        "행 3: 소속: 이 기수에 '없는단' 단이 없습니다",
        "행 3: 역할:",
        "행 3: 개인정보동의일:",
        "행 4: 휴대전화: 파일의 2행과 번호가 같습니다.",
    ):
        assert any(line.startswith(expected) for line in lines), (expected, lines)
    with pytest.raises(ImportRefused):
        commit_import(ctx, c.id, preview)
    assert count(ctx, Member) == 0 and count(ctx, Enrollment) == 0


def test_duplicates_against_the_cohort_and_its_trash(ctx, tmp_path):
    c = cohort(ctx)
    for name, phone in (("김하나", "010-2111-0001"), ("이두리", "010-2111-0002")):
        info = enroll_member(
            ctx,
            c.id,
            MemberInput(name, phone, joined_on=D(2026, 3, 1)),
            ConsentInput("2026-1", D(2026, 3, 1), agreed=True),
        )
    delete_enrollment(ctx, info.enrollment_id)
    preview = preview_import(
        ctx, c.id, csv_file(tmp_path, "갑,01021110001,,,2026-03-02\n을,010-2111-0002,,,2026-03-02\n")
    )
    assert [p.line() for p in preview.problems] == [
        "행 2: 휴대전화: 이 기수에 같은 번호의 단원(김*나)이 이미 있습니다.",
        "행 3: 휴대전화: 같은 번호의 단원(이*리)이 휴지통에 있습니다. 휴지통에서 복원해 주세요.",
    ]


def test_future_consent_and_missing_column(ctx, tmp_path):
    c = cohort(ctx)
    later = (today_local() + dt.timedelta(days=3)).isoformat()
    preview = preview_import(ctx, c.id, csv_file(tmp_path, f"갑,010-2111-0001,,,{later}\n"))
    assert [p.line() for p in preview.problems] == ["행 2: 개인정보동의일: 오늘 이후 날짜일 수 없습니다."]
    preview = preview_import(ctx, c.id, csv_file(tmp_path, "갑,010-2111-0001\n", "이름,휴대전화\n"))
    assert preview.file_errors and "개인정보동의일" in preview.file_errors[0] and not preview.can_import
    with pytest.raises(DomainError):
        commit_import(ctx, c.id, preview)
    empty = preview_import(ctx, c.id, csv_file(tmp_path, "", HEADER))
    assert "불러올 행이 없습니다" in empty.file_errors[0]


def test_person_from_another_cohort_is_reused_not_copied(ctx, tmp_path):
    old, new = cohort(ctx, 6), cohort(ctx, 7)
    info = enroll_member(
        ctx,
        old.id,
        MemberInput("김하나", "010-2111-0001", district="중구", joined_on=D(2026, 3, 1)),
        ConsentInput("2026-1", D(2026, 3, 1), agreed=True),
    )
    preview = preview_import(
        ctx,
        new.id,
        csv_file(tmp_path, "김하나,010-2111-0001,,,2026-03-02\n박새,010-2111-0002,,,2026-03-02\n"),
    )
    assert preview.reused == 1
    result = commit_import(ctx, new.id, preview)
    assert (result.imported, result.reused) == (2, 1) and count(ctx, Member) == 2
    assert get_member(ctx, info.enrollment_id).district == "중구"  # a blank cell keeps what was known
    assert count(ctx, Enrollment) == 3


def test_commit_checks_again_inside_its_transaction(ctx, tmp_path):
    c = cohort(ctx)
    preview = preview_import(
        ctx, c.id, csv_file(tmp_path, "갑,010-2111-0001,,,2026-03-02\n을,010-2111-0002,,,2026-03-02\n")
    )
    assert preview.can_import
    enroll_member(
        ctx,
        c.id,
        MemberInput("병", "010-2111-0002", joined_on=D(2026, 3, 1)),
        ConsentInput("2026-1", D(2026, 3, 1), agreed=True),
    )
    with pytest.raises(ImportRefused) as err:
        commit_import(ctx, c.id, preview)
    assert [p.row for p in err.value.problems] == [3] and count(ctx, Enrollment) == 1


class Cancelled(Exception):
    """Stands in for the GUI's: the service only needs check() to raise."""


class Token:
    def __init__(self, cancel_at: int | None = None):
        self.cancel_at, self.seen, self.cancelled = cancel_at, [], False

    def progress(self, done, total, text=""):
        self.seen.append((done, total))
        if self.cancel_at is not None and done >= self.cancel_at:
            self.cancelled = True

    def check(self):
        if self.cancelled:
            raise Cancelled()


def test_cancel_writes_nothing_even_at_the_last_moment(ctx, tmp_path):
    c = cohort(ctx)
    body = "".join(f"단원,010-{2000 + i // 100:04d}-{i:04d},정책동행단,,2026-03-02\n" for i in range(1200))
    preview = preview_import(ctx, c.id, csv_file(tmp_path, body))
    for cancel_at in (500, 1200):  # mid-way, and after the last chunk, just before the commit
        token = Token(cancel_at)
        with pytest.raises(Cancelled):
            commit_import(ctx, c.id, preview, token)
        assert count(ctx, Member) == 0 and count(ctx, Enrollment) == 0 and count(ctx, Consent) == 0
    token = Token()
    assert commit_import(ctx, c.id, preview, token).imported == 1200
    assert token.seen[0] == (0, 1200) and token.seen[-1] == (1200, 1200) and count(ctx, Consent) == 1200


def test_cohort_by_number(ctx):
    c = cohort(ctx, 7)
    assert cohort_id_by_number(ctx, 7) == c.id
    with pytest.raises(DomainError, match="제8기"):
        cohort_id_by_number(ctx, 8)
    with pytest.raises(NotFoundError):
        preview_import(ctx, c.id + 99, FIX / "roster_utf8.csv")


def test_an_imported_chief_leads_the_team_and_two_in_one_team_are_refused(ctx, tmp_path):
    from panelapp.services.cohorts.manage import list_teams

    c = cohort(ctx)
    old = enroll_member(
        ctx,
        c.id,
        MemberInput(
            "전단장", "010-2111-0009", team_id=c.teams[0].id, role=MemberRole.CHIEF, joined_on=D(2026, 3, 1)
        ),
        ConsentInput("2026-1", D(2026, 3, 1), agreed=True),
    )
    team = c.teams[0].name
    two = preview_import(
        ctx,
        c.id,
        csv_file(
            tmp_path, f"갑,010-2111-0001,{team},단장,2026-03-02\n을,010-2111-0002,{team},단장,2026-03-02\n"
        ),
    )
    assert [p.line() for p in two.problems] == [
        f"행 3: 역할: '{team}'의 단장은 한 명입니다(파일의 2행도 단장)."
    ]
    one = preview_import(
        ctx,
        c.id,
        csv_file(
            tmp_path, f"갑,010-2111-0001,{team},단장,2026-03-02\n을,010-2111-0002,{team},단원,2026-03-02\n"
        ),
    )
    result = commit_import(ctx, c.id, one)
    leader = {t.id: t for t in list_teams(ctx, c.id)}[c.teams[0].id]
    assert get_member(ctx, result.enrollment_ids[0]).role == MemberRole.CHIEF
    assert leader.leader_enrollment_id == result.enrollment_ids[0] and leader.leader_name == "갑"
    assert get_member(ctx, old.enrollment_id).role == MemberRole.MEMBER  # the previous 단장 steps down
