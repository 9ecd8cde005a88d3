"""답변 기한 by severity and category (issue 14 item 3): the rule, its storage, and the due date a
new proposal gets from its findings."""

import datetime as dt

import pytest
from dashboard_world import build_dashboard_world

from panelapp.db.models import Finding
from panelapp.domain.answer_deadlines import (
    DEFAULT_RULES,
    DeadlineRule,
    clean_rules,
    days_for,
    from_json,
    to_json,
)
from panelapp.domain.enums import FindingCategory as FC
from panelapp.domain.enums import Severity as SV
from panelapp.domain.errors import ValidationError
from panelapp.domain.working_days import add_working_days
from panelapp.services.context import reading
from panelapp.services.org.deadlines import get_deadline_rules, save_deadline_rules
from panelapp.services.proposals.drafts import blank_draft, draft_from_findings, form_choices
from panelapp.services.proposals.manage import ProposalInput, create_proposal, update_proposal

D = dt.date


def test_defaults_urgent_1_high_5_others_10():
    assert days_for(DEFAULT_RULES, [(SV.URGENT, FC.SAFETY)]) == 1
    assert days_for(DEFAULT_RULES, [(SV.HIGH, FC.SIGNAGE)]) == 5
    assert days_for(DEFAULT_RULES, [(SV.LOW, FC.SAFETY), (SV.MEDIUM, FC.OTHER)]) == 10
    assert days_for(DEFAULT_RULES, []) == 10  # no findings: the default
    # several findings: the shortest deadline
    assert days_for(DEFAULT_RULES, [(SV.LOW, FC.OTHER), (SV.HIGH, FC.OTHER)]) == 5


def test_the_most_specific_rule_decides():
    rules = clean_rules(
        [
            DeadlineRule(None, None, 10),
            DeadlineRule(SV.HIGH, None, 5),
            DeadlineRule(None, FC.SAFETY, 3),
            DeadlineRule(SV.HIGH, FC.SIGNAGE, 8),
        ]
    )
    assert days_for(rules, [(SV.HIGH, FC.SIGNAGE)]) == 8  # severity and category beat severity
    assert days_for(rules, [(SV.HIGH, FC.SAFETY)]) == 5  # severity beats category
    assert days_for(rules, [(SV.LOW, FC.SAFETY)]) == 3
    assert days_for(rules, [(SV.LOW, FC.OTHER)]) == 10


def test_rules_are_checked_and_stored_as_json():
    with pytest.raises(ValidationError, match="기본 기한"):
        clean_rules([DeadlineRule(SV.HIGH, None, 5)])
    with pytest.raises(ValidationError, match="두 번"):
        clean_rules([DeadlineRule(None, None, 5), DeadlineRule(None, None, 6)])
    with pytest.raises(ValidationError, match="1~60 근무일"):
        clean_rules([DeadlineRule(None, None, 0)])
    assert from_json(to_json(DEFAULT_RULES)) == clean_rules(DEFAULT_RULES)
    assert from_json(None) == DEFAULT_RULES
    assert from_json([{"severity": "nonsense", "days": 3}]) == DEFAULT_RULES


def test_saved_rules_are_read_back_and_checked(ctx):
    build_dashboard_world(ctx)
    before = get_deadline_rules(ctx)
    assert before.rules == DEFAULT_RULES and not before.stored
    rules = [DeadlineRule(None, None, 7), DeadlineRule(SV.URGENT, FC.SAFETY, 2)]
    saved = save_deadline_rules(ctx, rules, before.version)
    assert get_deadline_rules(ctx).rules == saved.rules == clean_rules(rules) and saved.stored
    with pytest.raises(ValidationError):
        save_deadline_rules(ctx, [DeadlineRule(SV.URGENT, None, 1)], saved.version)


def _finding_ids(ctx, severity):
    with reading(ctx) as s:
        from sqlalchemy import select

        return list(s.scalars(select(Finding.id).where(Finding.severity == severity).order_by(Finding.id)))


def test_a_new_proposal_is_due_by_its_findings_rule(ctx):
    w, ids = build_dashboard_world(ctx)
    today = D(2026, 6, 12)  # a Friday
    urgent = _finding_ids(ctx, SV.URGENT)[:1]
    low = _finding_ids(ctx, SV.LOW)
    made, _undo = create_proposal(
        ctx, ProposalInput(w.cohort_id, "긴급 조치", proposal="고쳐 주세요", finding_ids=tuple(urgent)), today
    )
    assert made.due_on == D(2026, 6, 15)  # 1 working day after Friday: Monday
    plain, _undo = create_proposal(ctx, ProposalInput(w.cohort_id, "일반", proposal="바꿔 주세요"), today)
    assert plain.due_on == add_working_days(today, 10)
    draft = draft_from_findings(ctx, w.cohort_id, low, today)
    assert draft.due_on == add_working_days(today, 10)
    assert blank_draft(ctx, w.cohort_id, today).due_on == add_working_days(today, 10)
    # a date given by hand is kept
    given, _undo = create_proposal(
        ctx, ProposalInput(w.cohort_id, "직접", proposal="기한 지정", due_on=D(2026, 7, 1)), today
    )
    assert given.due_on == D(2026, 7, 1)
    # edited rules apply to proposals made after; existing ones keep theirs
    settings = get_deadline_rules(ctx)
    save_deadline_rules(ctx, [DeadlineRule(None, None, 3)], settings.version)
    assert form_choices(ctx, w.cohort_id, with_proposers=False).default_answer_days == 3
    edited, _undo = update_proposal(
        ctx, plain.id, ProposalInput(w.cohort_id, "일반 (수정)", proposal="바꿔 주세요"), plain.version, today
    )
    assert edited.due_on == plain.due_on
    later, _undo = create_proposal(ctx, ProposalInput(w.cohort_id, "나중", proposal="새 기한"), today)
    assert later.due_on == add_working_days(today, 3)
