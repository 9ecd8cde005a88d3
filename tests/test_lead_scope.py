"""점검 조장 scope (issue 12 item 2): a 조장 account is a member, and writes the results,
checklist answers, findings and finding photos only of the inspections that member leads.
Every RESULTS write service is called on the 조장's own inspection (it goes through) and on
another's (refused, naming that inspection); other roles are unaffected."""

from __future__ import annotations

import pytest
from conftest import TEST_PASSWORD
from PIL import Image
from sqlalchemy import select

from panelapp.db.models import Enrollment, Facility, Inspection, InspectionAssignment, Member, User
from panelapp.domain.enums import AssignmentRole, FindingCategory, InspectionStatus, Severity, UserRole
from panelapp.domain.errors import ValidationError
from panelapp.services.attachments.photos import add_photo, list_attachments, remove_attachment
from panelapp.services.context import ServiceContext, reading, transaction
from panelapp.services.findings.manage import FindingInput, create_finding, delete_finding, update_finding
from panelapp.services.people.accounts import authenticate, set_role
from panelapp.services.people.users import create_user, list_accounts
from panelapp.services.permissions import Permission, PermissionDenied
from panelapp.services.results.entry import Completion, complete_inspection, get_result_sheet, save_results


def _photo(tmp_path):
    path = tmp_path / "난간.jpg"
    Image.new("RGB", (40, 30), (200, 120, 40)).save(path, "JPEG")
    return path


def _finding(ctx, insp_id, photos=()):
    return create_finding(
        ctx, FindingInput(insp_id, "난간이 흔들림", FindingCategory.SAFETY, Severity.HIGH), photos=photos
    )


def _save(ctx, admin, insp_id, tmp_path):
    sheet = get_result_sheet(admin, insp_id)
    save_results(ctx, insp_id, sheet.responses, sheet.version)


def _complete(ctx, admin, insp_id, tmp_path):
    sheet = get_result_sheet(admin, insp_id)
    present = tuple(p.enrollment_id for p in sheet.participants if p.present)
    completion = Completion(sheet.actual_start, sheet.actual_end, present)
    complete_inspection(ctx, insp_id, sheet.responses, completion, sheet.version)


def _create(ctx, admin, insp_id, tmp_path):
    _finding(ctx, insp_id)


def _update(ctx, admin, insp_id, tmp_path):
    f = _finding(admin, insp_id)
    update_finding(
        ctx,
        f.id,
        FindingInput(insp_id, "난간이 많이 흔들림", FindingCategory.SAFETY, Severity.HIGH),
        f.version,
    )


def _delete(ctx, admin, insp_id, tmp_path):
    f = _finding(admin, insp_id)
    delete_finding(ctx, f.id, f.version)


def _add_photo(ctx, admin, insp_id, tmp_path):
    add_photo(ctx, "finding", _finding(admin, insp_id).id, _photo(tmp_path))


def _remove_photo(ctx, admin, insp_id, tmp_path):
    f = _finding(admin, insp_id, photos=[_photo(tmp_path)])
    (attachment,) = list_attachments(admin, "finding", f.id)
    remove_attachment(ctx, attachment.id)


def _done_proposal_at(admin, insp_id) -> int:
    """A proposal of the visit's facility completed the day before it: listed to be checked."""
    import datetime as dt

    from panelapp.db.models import Proposal
    from panelapp.domain.enums import ProposalStatus
    from panelapp.domain.localtime import to_local

    with transaction(admin) as s:
        insp = s.get(Inspection, insp_id)
        day = to_local(insp.actual_start).date() if insp.actual_start else insp.scheduled_date
        p = Proposal(
            cohort_id=insp.cohort_id,
            facility_id=insp.facility_id,
            title="확인할 제안",
            status=ProposalStatus.DONE,
            submitted_on=day - dt.timedelta(days=30),
            completed_on=day - dt.timedelta(days=1),
            result_text="고쳤습니다",
        )
        s.add(p)
        s.flush()
        return p.id


def _add_verification_photo(ctx, admin, insp_id, tmp_path):
    from panelapp.services.results.verifications import add_verification_photo

    add_verification_photo(ctx, insp_id, _done_proposal_at(admin, insp_id), _photo(tmp_path))


CASES = {
    "panelapp.services.results.entry.save_results": _save,
    "panelapp.services.results.entry.complete_inspection": _complete,
    "panelapp.services.findings.manage.create_finding": _create,
    "panelapp.services.findings.manage.update_finding": _update,
    "panelapp.services.findings.manage.delete_finding": _delete,
    "panelapp.services.attachments.photos.add_photo": _add_photo,
    "panelapp.services.attachments.photos.remove_attachment": _remove_photo,
    "panelapp.services.results.verifications.add_verification_photo": _add_verification_photo,
}


def test_every_results_service_is_covered():
    from test_permissions import MARKED

    results = {name for name, fn in MARKED if fn.permission is Permission.RESULTS}
    assert results == set(CASES)


def _login(db, name) -> ServiceContext:
    ctx = ServiceContext(db=db)
    authenticate(ctx, name, TEST_PASSWORD)
    return ctx


def _completed_inspections(s, member_id: int, led: bool) -> list[int]:
    leads = (
        select(InspectionAssignment.inspection_id)
        .join(Enrollment, Enrollment.id == InspectionAssignment.enrollment_id)
        .where(InspectionAssignment.role == AssignmentRole.LEAD, Enrollment.member_id == member_id)
    )
    query = select(Inspection.id).where(
        Inspection.status == InspectionStatus.COMPLETED,
        Inspection.deleted_at.is_(None),
        Inspection.id.in_(leads) if led else Inspection.id.not_in(leads),
    )
    return list(s.scalars(query.order_by(Inspection.id)))


@pytest.fixture
def scope(sqlite_demo_ctx):
    """The demo's 조장 (linked to the member who leads the most inspections), a 관리자, and a
    completed inspection of each kind: led by that member, and led by someone else."""
    db = sqlite_demo_ctx.db
    lead, admin = _login(db, "조장"), _login(db, "관리자")
    with reading(admin) as s:
        member_id = s.get(User, lead.user_id).member_id
        own = _completed_inspections(s, member_id, led=True)[0]
        other = _completed_inspections(s, member_id, led=False)[0]
        insp = s.get(Inspection, other)
        other_name = f"'{s.get(Facility, insp.facility_id).name} {insp.scheduled_date:%Y-%m-%d} 점검'"
    return lead, admin, own, other, other_name


def test_the_demo_lead_account_is_a_member_who_leads_inspections(scope):
    lead, admin, own, _other, _name = scope
    (account,) = [a for a in list_accounts(admin) if a.name == "조장"]
    assert account.role is UserRole.LEAD and account.member_id is not None
    assert "*" in account.member_name  # masked
    with reading(admin) as s:
        real = s.get(Member, account.member_id).name
    assert account.member_name != real and account.member_name[0] == real[0]


@pytest.mark.parametrize("name", sorted(CASES), ids=lambda n: n.rsplit(".", 1)[1])
def test_a_lead_writes_on_their_inspection_and_is_refused_on_another(scope, name, tmp_path):
    lead, admin, own, other, other_name = scope
    CASES[name](lead, admin, own, tmp_path)  # goes through
    with pytest.raises(PermissionDenied) as refused:
        CASES[name](lead, admin, other, tmp_path)
    assert refused.value.message == (
        f"점검 조장은 자기가 조장인 점검만 입력할 수 있어 조장 계정으로는 {other_name}의 결과와 "
        "발견사항은 바꿀 수 없습니다."
    )


@pytest.mark.parametrize("name", sorted(CASES), ids=lambda n: n.rsplit(".", 1)[1])
def test_a_coordinator_still_writes_any_inspection(scope, name, tmp_path):
    _lead, admin, _own, other, _name = scope
    CASES[name](_login(admin.db, "담당자"), admin, other, tmp_path)


def test_a_lead_records_checks_of_completed_proposals_on_their_visit_only(scope):
    from panelapp.domain.enums import ProposalStatus, VerificationOutcome
    from panelapp.services.proposals.manage import get_proposal
    from panelapp.services.results.verifications import VerificationChoice

    lead, admin, own, other, other_name = scope
    mine, theirs = _done_proposal_at(admin, own), _done_proposal_at(admin, other)
    sheet = get_result_sheet(lead, own)
    assert mine in [v.proposal_id for v in sheet.verifications]
    check = [VerificationChoice(mine, VerificationOutcome.CONFIRMED)]
    save_results(
        lead, own, sheet.responses, sheet.version, verifications=check
    )  # a completed visit: recorded
    last = get_proposal(admin, mine).events[-1]
    assert last.is_verification and last.user_name == "조장"
    other_sheet = get_result_sheet(admin, other)
    with pytest.raises(PermissionDenied, match=other_name):
        save_results(
            lead,
            other,
            other_sheet.responses,
            other_sheet.version,
            verifications=[VerificationChoice(theirs, VerificationOutcome.INSUFFICIENT, "미흡")],
        )
    assert get_proposal(admin, theirs).status == ProposalStatus.DONE


def test_a_lead_cannot_move_their_finding_to_another_inspection(scope):
    lead, admin, own, other, other_name = scope
    f = _finding(lead, own)
    with pytest.raises(PermissionDenied, match=other_name):
        update_finding(
            lead, f.id, FindingInput(other, "옮김", FindingCategory.SAFETY, Severity.HIGH), f.version
        )


def test_a_lead_adds_no_photo_to_a_proposal(scope, tmp_path):
    from panelapp.db.models import Proposal

    lead, admin, *_ = scope
    with reading(admin) as s:
        proposal = s.scalar(select(Proposal.id).limit(1))
    with pytest.raises(PermissionDenied, match="점검에 딸리지 않은 자료는 바꿀 수 없습니다"):
        add_photo(lead, "proposal", proposal, _photo(tmp_path))


def test_a_lead_without_a_member_writes_nothing(scope):
    lead, _admin, own, *_ = scope
    with transaction(lead) as s:  # an account of a database made before the link
        s.get(User, lead.user_id).member_id = None
    with pytest.raises(PermissionDenied, match="조장 계정에 연결된 단원이 없어 .*관리자에게"):
        _finding(lead, own)


def test_a_lead_account_needs_its_member(scope):
    _lead, admin, *_ = scope
    with reading(admin) as s:
        member = s.scalar(select(Member.id).where(Member.deleted_at.is_(None)).order_by(Member.id))
    with pytest.raises(ValidationError, match="단원을 골라야"):
        create_user(admin, "새조장", UserRole.LEAD, password="lead-pass-2026")
    made = create_user(admin, "새조장", UserRole.LEAD, password="lead-pass-2026", member_id=member)
    assert made.member_id == member and made.member_name
    with pytest.raises(ValidationError, match="단원을 골라야"):
        set_role(admin, made.id, UserRole.LEAD)
    coordinator = set_role(admin, made.id, UserRole.COORDINATOR, member_id=member)
    assert coordinator.member_id is None  # only a 조장 keeps a member
    again = set_role(admin, made.id, UserRole.LEAD, member_id=member)
    assert again.member_id == member
    from panelapp.db.models import AccountEvent

    with reading(admin) as s:
        details = list(s.scalars(select(AccountEvent.detail).where(AccountEvent.account_id == made.id)))
    assert details[-1] == f"담당자 → 점검 조장 (단원 #{member})"  # the permission history names the member


def test_the_member_choices_are_masked_and_the_busiest_lead_comes_first(scope):
    from panelapp.services.people.users import lead_member_choices

    lead, admin, *_ = scope
    choices = lead_member_choices(admin)
    with reading(admin) as s:
        member = s.get(Member, s.get(User, lead.user_id).member_id)
        member_id, name = member.id, member.name
    most = choices[0].label.rsplit(" · ", 1)[1]  # "점검 조장 19회": the demo 조장 leads the most
    assert member_id in [c.id for c in choices if c.label.endswith(most)]
    assert name not in choices[0].label and "*" in choices[0].label
    assert all("-****-" in c.label for c in choices)
    with pytest.raises(PermissionDenied):
        lead_member_choices(lead)  # the account list's choices are the 관리자's


def test_a_lead_opens_the_results_form_only_of_their_own_inspection(scope):
    """The form is refused when it opens, with the sentence saving would give: a 조장 does not
    fill in another's visit for nothing (found by a fresh-eyes walk)."""
    from panelapp.services.results.entry import get_result_sheet

    lead, admin, own, other, other_name = scope
    assert get_result_sheet(lead, own).inspection_id == own
    with pytest.raises(PermissionDenied, match="자기가 조장인 점검만"):
        get_result_sheet(lead, other)
    assert get_result_sheet(_login(admin.db, "담당자"), other).inspection_id == other
