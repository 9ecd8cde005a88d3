"""답변까지 in working days everywhere (issue 14, left from item 3): the list's figure and its SQL
sort, the dashboard's median, the list export's column, and the list's 미지정 filter. A proposal
received on Friday and answered on Monday took 1 working day (3 calendar days), one received on
Tuesday and answered on Thursday 2: calendar days sort them the other way round. Runs on SQLite
and PostgreSQL."""

import datetime as dt

from proposal_world import TODAY, build

from panelapp.domain.enums import ProposalStatus as PS
from panelapp.domain.working_days import working_days_between
from panelapp.services.proposals.listing import proposal_ids, proposal_rows
from panelapp.services.proposals.manage import ProposalInput, create_proposal, move_proposal
from panelapp.services.proposals.queries import ProposalQuery
from panelapp.services.reporting.dashboard import load_dashboard

D = dt.date


def _answered(w, title, submitted, answered, dept=None):
    p = create_proposal(
        w.ctx,
        ProposalInput(w.cohort_id, title, proposal="고쳐 주세요", department_id=dept, submitted_on=submitted),
        today=TODAY,
    )[0]
    p = move_proposal(w.ctx, p.id, PS.REVIEWING, p.version, today=TODAY)
    return move_proposal(w.ctx, p.id, PS.ACCEPTED, p.version, answer="하겠습니다", on=answered, today=TODAY)


def test_the_list_counts_and_sorts_working_days(ctx):
    w = build(ctx)
    weekend = _answered(w, "주말 건너", D(2026, 6, 12), D(2026, 6, 15))  # Fri → Mon: 1 (3 calendar)
    midweek = _answered(w, "주중", D(2026, 6, 9), D(2026, 6, 11))  # Tue → Thu: 2 (2 calendar)
    holiday = _answered(w, "현충일 건너", D(2026, 6, 5), D(2026, 6, 9))  # Fri → Tue, 6/6 is a Saturday: 2
    election = _answered(w, "선거일 건너", D(2026, 6, 2), D(2026, 6, 8))  # 6/3 지방선거: 3 (6 calendar)
    q = ProposalQuery(w.cohort_id, today=TODAY)
    rows = {r.id: r.days_to_answer for r in proposal_rows(ctx, proposal_ids(ctx, q), today=TODAY)}
    assert rows == {weekend.id: 1, midweek.id: 2, holiday.id: 2, election.id: 3}
    assert rows[election.id] == working_days_between(D(2026, 6, 2), D(2026, 6, 8))
    up = proposal_ids(ctx, q, "days", False)
    assert up == [weekend.id, holiday.id, midweek.id, election.id]  # ties by 접수일, as every sort
    assert proposal_ids(ctx, q, "days", True) == [election.id, midweek.id, holiday.id, weekend.id]
    assert load_dashboard(ctx, w.cohort_id, today=TODAY).median_days_to_answer == 2.0  # 1, 2, 2, 3


def test_the_list_export_and_the_no_department_filter(ctx, tmp_path):
    from openpyxl import load_workbook

    from panelapp.services.proposals.export import export_proposals

    w = build(ctx)
    weekend = _answered(w, "주말 건너", D(2026, 6, 12), D(2026, 6, 15), dept=w.dept_id)
    loose = _answered(w, "부서 없음", D(2026, 6, 12), D(2026, 6, 15))
    q = ProposalQuery(w.cohort_id, today=TODAY)
    assert proposal_ids(ctx, ProposalQuery(w.cohort_id, today=TODAY, no_department=True)) == [loose.id]
    assert set(proposal_ids(ctx, q)) == {weekend.id, loose.id}
    path = export_proposals(ctx, q, "submitted", True, tmp_path / "list.xlsx").path
    rows = list(load_workbook(path).worksheets[0].iter_rows(values_only=True))
    header = next(r for r in rows if r and "답변까지(근무일)" in r)
    column = header.index("답변까지(근무일)")
    assert [r[column] for r in rows[rows.index(header) + 1 :] if r[column] is not None] == [1, 1]
