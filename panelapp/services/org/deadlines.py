"""답변 기한 of the institution: read, saved, and applied to a new proposal.

The rules live on the one organization row (organizations.answer_deadlines; the rule itself is
domain/answer_deadlines.py). A database whose institution was not registered yet uses the
defaults, and saving rules then attaches them to the unnamed row departments attach to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from panelapp.db.models import Finding
from panelapp.domain.answer_deadlines import DeadlineRule, clean_rules, days_for, due_date, from_json, to_json
from panelapp.domain.enums import FindingCategory, Severity
from panelapp.services.context import ServiceContext, check_version, reading, transaction
from panelapp.services.org.manage import organization_for_department, organization_row
from panelapp.services.permissions import Permission, writes


@dataclass(frozen=True)
class DeadlineSettings:
    rules: tuple[DeadlineRule, ...]
    version: int | None  # the organization row's, for the optimistic check; None: no row yet
    stored: bool  # False: the defaults (nobody saved rules yet)


def rules_in(s: Session) -> tuple[DeadlineRule, ...]:
    org = organization_row(s)
    return from_json(org.answer_deadlines if org is not None else None)


def get_deadline_rules(ctx: ServiceContext) -> DeadlineSettings:
    with reading(ctx) as s:
        org = organization_row(s)
        raw = org.answer_deadlines if org is not None else None
        return DeadlineSettings(from_json(raw), org.version if org is not None else None, bool(raw))


@writes(Permission.INSTITUTION)
def save_deadline_rules(
    ctx: ServiceContext, rules: Iterable[DeadlineRule], version: int | None = None
) -> DeadlineSettings:
    """Replace the rules (all or nothing); `version`: the organization's as the form showed it."""
    cleaned = clean_rules(rules)
    with transaction(ctx) as s:
        org = organization_row(s)
        if org is not None:
            check_version(org, version)
        else:
            organization_for_department(s)
            org = organization_row(s)
            assert org is not None
        org.answer_deadlines = to_json(cleaned)
        s.flush()
        return DeadlineSettings(cleaned, org.version, True)


def days_for_findings(s: Session, finding_ids: Sequence[int]) -> int:
    """Working days a proposal made from these findings gets (the default rule without any)."""
    rules = rules_in(s)
    kinds: list[tuple[Severity, FindingCategory]] = []
    if finding_ids:
        kinds = [
            (severity, category)
            for severity, category in s.execute(
                select(Finding.severity, Finding.category).where(
                    Finding.id.in_(list(finding_ids)), Finding.deleted_at.is_(None)
                )
            )
        ]
    return days_for(rules, kinds)


def due_for_findings(s: Session, submitted_on: dt.date, finding_ids: Sequence[int]) -> dt.date:
    return due_date(submitted_on, days_for_findings(s, finding_ids))
