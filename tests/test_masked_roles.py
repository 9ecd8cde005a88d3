"""점검 조장, 부서 담당자 and 열람자 see members masked (issue 12 item 2): the roster's names and
phones, the attendance sheet, the visits' people, a proposal's proposer; the member form and
the search for people are refused or left out. 관리자 and 담당자 see them as stored."""

import pytest
from conftest import TEST_PASSWORD

from panelapp.domain.validation import format_phone, mask_phone
from panelapp.services.activities.attendance import attendance_sheet
from panelapp.services.cohorts.manage import list_cohorts
from panelapp.services.context import ServiceContext
from panelapp.services.inspections.queries import list_inspections
from panelapp.services.inspections.rules import InspectionQuery
from panelapp.services.people.accounts import authenticate
from panelapp.services.people.members import get_member
from panelapp.services.people.roster import RosterQuery, roster_ids, roster_rows
from panelapp.services.permissions import PermissionDenied
from panelapp.services.proposals.queries import get_proposal, list_proposals
from panelapp.services.search.query import search

MASKED = ["조장", "부서담당", "열람자"]


def as_account(ctx: ServiceContext, name: str) -> ServiceContext:
    other = ServiceContext(db=ctx.db)
    authenticate(other, name, TEST_PASSWORD)
    return other


def _cohort(ctx) -> int:
    return max(list_cohorts(ctx), key=lambda c: c.number).id


def _people(ctx):
    coordinator = as_account(ctx, "담당자")
    cohort = _cohort(coordinator)
    rows = roster_rows(coordinator, roster_ids(coordinator, RosterQuery(cohort)), stats=False)
    return coordinator, cohort, rows


@pytest.mark.parametrize("name", MASKED)
def test_masked_roles_see_no_name_or_phone(demo_ctx, name):
    coordinator, cohort, full = _people(demo_ctx)
    names = {r.name for r in full if len(r.name) >= 2}
    phones = {format_phone(r.phone_e164) for r in full}
    who = as_account(demo_ctx, name)
    seen = roster_rows(who, [r.enrollment_id for r in full], stats=False)
    assert len(seen) == len(full)
    assert not names & {r.name for r in seen} and all("*" in r.name for r in seen if len(r.name) >= 2)
    assert not phones & {format_phone(r.phone_e164) for r in seen}
    assert all(format_phone(r.phone_e164).count("*") >= 3 for r in seen)  # shown as 010-****-5678
    assert all(mask_phone(r.phone_e164) == r.phone_e164 for r in seen)  # what the page paints
    sheet = attendance_sheet(who, cohort)
    assert sheet.rows and not names & {r.name for r in sheet.rows}
    visits = list_inspections(who, InspectionQuery(cohort))
    people = {n for v in visits for _eid, n in v.members} | {v.lead_name for v in visits if v.lead_name}
    assert people and not names & people
    from panelapp.services.engagement.content import list_content
    from panelapp.services.results.entry import get_result_sheet

    sheets = []
    for v in visits:
        if v.template_version_id is not None and len(sheets) < 5:
            try:
                sheets.append(get_result_sheet(who, v.id))
            except PermissionDenied:  # a 조장 opens only the visits they lead
                assert name == "조장"
    assert sheets and all(not names & {p.name for p in sheet.participants} for sheet in sheets)
    posts = list_content(who, cohort).rows
    assert posts and not names & {p.member_name for p in posts}
    with pytest.raises(PermissionDenied, match="관리자와 담당자만"):
        get_member(who, full[0].enrollment_id)
    some = next(r for r in full if len(r.name) >= 2)
    assert not [h for h in search(who, some.name) if h.kind == "member"]


def test_coordinators_see_people_as_stored(demo_ctx):
    coordinator, cohort, full = _people(demo_ctx)
    assert any("*" not in r.name for r in full)
    assert get_member(coordinator, full[0].enrollment_id).name == full[0].name
    some = next(r for r in full if len(r.name) >= 2)
    assert [h for h in search(coordinator, some.name) if h.kind == "member"]


def test_a_proposals_proposer_is_masked_for_the_masked_roles(demo_ctx):
    coordinator = as_account(demo_ctx, "담당자")
    with_proposer = [p for p in list_proposals(coordinator) if get_proposal(coordinator, p.id).proposer_name]
    assert with_proposer
    proposal = with_proposer[0]
    full = get_proposal(coordinator, proposal.id).proposer_name
    seen = get_proposal(as_account(demo_ctx, "열람자"), proposal.id).proposer_name
    assert seen != full and "*" in seen


@pytest.mark.parametrize("name", MASKED)
def test_the_trash_cannot_be_searched_or_sorted_by_a_masked_name(demo_ctx, name):
    """The trash shows a masked role 김*수 (제7기 참여단원); typing the real name must not narrow
    the list to that entry (it would tell whose it is), nor may the 항목 sort follow real names."""
    from panelapp.services.people.members import delete_enrollment
    from panelapp.services.trash.manage import TrashQuery, trash_counts, trash_ids, trash_rows

    coordinator, _cohort_id, rows = _people(demo_ctx)
    for row in rows[:3]:
        delete_enrollment(coordinator, row.enrollment_id)
    real = rows[0].name
    assert ("enrollment", rows[0].enrollment_id) in trash_ids(coordinator, TrashQuery("enrollment", real))
    masked = as_account(demo_ctx, name)
    assert trash_ids(masked, TrashQuery("enrollment", real)) == []
    assert trash_counts(masked, real).get("enrollment", 0) == 0
    shown = trash_ids(masked, TrashQuery("enrollment"))
    assert set(shown) >= {("enrollment", r.enrollment_id) for r in rows[:3]}
    labels = [item.label for item in trash_rows(masked, shown)]
    assert real not in " ".join(labels)
    by_label = trash_ids(masked, TrashQuery("enrollment"), sort_key="label", descending=False)
    assert by_label == trash_ids(masked, TrashQuery("enrollment"), sort_key="deleted", descending=False)


@pytest.mark.parametrize("name", MASKED)
def test_the_roster_sorts_a_masked_role_by_what_it_sees(demo_ctx, name):
    """Sorted by 이름, a masked role's roster follows the masked names (first and last character,
    length), not the hidden middle ones; sorted by 연락처, only the last four digits."""
    import datetime as dt

    from panelapp.domain.validation import mask_name
    from panelapp.services.people.members import ConsentInput, MemberInput, enroll_member

    coordinator, cohort, _rows = _people(demo_ctx)
    for full, phone in (("김가나", "010-3111-9002"), ("김나가", "010-3222-9001")):  # 김*나 · 김*가
        enroll_member(
            coordinator,
            cohort,
            MemberInput(full, phone, joined_on=dt.date(2026, 3, 2)),
            ConsentInput("2026-1", dt.date(2026, 3, 2), agreed=True),
        )
    coordinator, cohort, rows = _people(demo_ctx)
    who = as_account(demo_ctx, name)

    def shown_name(r):
        n = r.name
        return (n[:1], n[-1] if len(n) >= 3 else "", len(n))

    by_real = [r.enrollment_id for r in sorted(rows, key=lambda r: (r.name, r.enrollment_id))]
    by_shown = [r.enrollment_id for r in sorted(rows, key=lambda r: (shown_name(r), r.enrollment_id))]
    assert by_real != by_shown  # the demo's names tell the two orders apart
    assert roster_ids(coordinator, RosterQuery(cohort, sort="name")) == by_real
    assert roster_ids(who, RosterQuery(cohort, sort="name")) == by_shown
    masked_rows = roster_rows(who, roster_ids(who, RosterQuery(cohort, sort="name")), stats=False)
    assert [mask_name(r.name) for r in sorted(rows, key=lambda r: (shown_name(r), r.enrollment_id))] == [
        r.name for r in masked_rows
    ]

    def last4(r):
        digits = "".join(ch for ch in (r.phone_e164 or "") if ch.isdigit())
        return digits[-4:]

    phones = roster_ids(who, RosterQuery(cohort, sort="phone"))
    keyed = {r.enrollment_id: last4(r) for r in rows}
    assert [keyed[i] for i in phones] == sorted(keyed[i] for i in phones)
