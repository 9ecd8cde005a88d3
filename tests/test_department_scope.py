"""A 부서 담당자 reads only their own department's proposals (issue 12 item 2): lists, counts,
rows, exports and the detail; other roles see every department's."""

import pytest
from conftest import TEST_PASSWORD

from panelapp.services.context import ServiceContext
from panelapp.services.people.accounts import authenticate
from panelapp.services.permissions import PermissionDenied
from panelapp.services.proposals.listing import proposal_counts, proposal_ids, proposal_rows
from panelapp.services.proposals.queries import ProposalQuery, get_proposal, list_proposals


def as_account(ctx: ServiceContext, name: str) -> ServiceContext:
    other = ServiceContext(db=ctx.db)
    authenticate(other, name, TEST_PASSWORD)
    return other


def test_the_department_desk_sees_only_its_own_proposals(demo_ctx):
    everyone = list_proposals(as_account(demo_ctx, "담당자"))
    desk = as_account(demo_ctx, "부서담당")
    from panelapp.services.people.users import find_user

    own = find_user(desk, "부서담당").department_id
    mine = [p for p in everyone if p.department_id == own]
    others = [p for p in everyone if p.department_id != own]
    assert mine and others  # the demo has both
    assert {p.id for p in list_proposals(desk)} == {p.id for p in mine}
    assert set(proposal_ids(desk, ProposalQuery())) == {p.id for p in mine}
    assert {r.id for r in proposal_rows(desk, [p.id for p in everyone])} == {p.id for p in mine}
    assert get_proposal(desk, mine[0].id).id == mine[0].id
    with pytest.raises(PermissionDenied, match="자기 부서의 개선제안만"):
        get_proposal(desk, others[0].id)
    overdue_all = proposal_counts(as_account(demo_ctx, "담당자"), ProposalQuery()).overdue
    overdue_mine = sum(1 for p in mine if p.overdue)
    assert proposal_counts(desk, ProposalQuery()).overdue == overdue_mine <= overdue_all


def test_other_roles_are_not_limited_by_department(demo_ctx):
    counts = {
        name: len(list_proposals(as_account(demo_ctx, name)))
        for name in ("관리자", "담당자", "열람자", "조장")
    }
    assert len(set(counts.values())) == 1 and next(iter(counts.values())) > 0
