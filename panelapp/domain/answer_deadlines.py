"""답변 기한: how many working days a department has to answer a proposal, by the severity and
category of the findings it was made from (issue 14 item 3).

Rules are kept per institution (organizations.answer_deadlines, edited in 시설·부서 → 답변 기한);
until someone edits them the defaults hold: 긴급(안전) 1 working day, 높음 5, everything else 10.

A rule names a severity, a category, both, or neither (the one default rule, which must be there).
For one finding the most specific matching rule decides (severity and category, then severity
alone, then category alone, then the default); a proposal gets the shortest deadline among its
findings', and one made without findings gets the default. The due date is that many working
days after 접수 (domain/working_days.py). Proposals keep the due date they were given: a rule
edited later applies to the proposals made after it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from panelapp.domain.enums import FindingCategory, Severity
from panelapp.domain.errors import ValidationError
from panelapp.domain.working_days import add_working_days

FIELD = "답변 기한"
MAX_DAYS = 60  # three months of working days: more is a typing slip, not a deadline
ANY = "전체"  # how a rule that names no severity / category reads


@dataclass(frozen=True)
class DeadlineRule:
    severity: Severity | None
    category: FindingCategory | None
    days: int  # working days after 접수

    @property
    def specificity(self) -> int:
        return (2 if self.severity is not None else 0) + (1 if self.category is not None else 0)

    def matches(self, severity: Severity, category: FindingCategory) -> bool:
        return (self.severity is None or self.severity == severity) and (
            self.category is None or self.category == category
        )

    @property
    def label(self) -> str:
        """ "긴급(안전)", "높음 · 안전", "안전 (모든 심각도)", "기타 (그 밖의 모든 발견사항)"."""
        if self.severity is not None and self.category is not None:
            return f"{self.severity.label} · {self.category.label}"
        if self.severity is not None:
            return self.severity.label
        if self.category is not None:
            return f"{self.category.label} (모든 심각도)"
        return "기타 (그 밖의 모든 제안)"


DEFAULT_RULES: tuple[DeadlineRule, ...] = (
    DeadlineRule(Severity.URGENT, None, 1),
    DeadlineRule(Severity.HIGH, None, 5),
    DeadlineRule(None, None, 10),
)


def clean_rules(rules: Iterable[DeadlineRule]) -> tuple[DeadlineRule, ...]:
    """The rules in a stable order, or ValidationError naming the rule that is wrong."""
    out: list[DeadlineRule] = []
    seen: set[tuple[Severity | None, FindingCategory | None]] = set()
    for rule in rules:
        key = (rule.severity, rule.category)
        if key in seen:
            raise ValidationError(FIELD, f"'{rule.label}' 기한이 두 번 있습니다. 하나만 남겨 주세요.")
        seen.add(key)
        if not isinstance(rule.days, int) or not 1 <= rule.days <= MAX_DAYS:
            raise ValidationError(
                FIELD, f"'{rule.label}' 기한은 1~{MAX_DAYS} 근무일이어야 합니다 (지금 {rule.days})."
            )
        out.append(rule)
    if (None, None) not in seen:
        raise ValidationError(FIELD, "그 밖의 모든 제안에 쓸 기본 기한(전체·전체)이 있어야 합니다.")
    return tuple(sorted(out, key=_order))


def _order(rule: DeadlineRule) -> tuple[int, int, int]:
    severities, categories = list(Severity), list(FindingCategory)
    return (
        -severities.index(rule.severity) if rule.severity is not None else 1,
        categories.index(rule.category) if rule.category is not None else len(categories),
        rule.days,
    )


def default_days(rules: Sequence[DeadlineRule]) -> int:
    return next(r.days for r in rules if r.severity is None and r.category is None)


def days_for_finding(rules: Sequence[DeadlineRule], severity: Severity, category: FindingCategory) -> int:
    matching = [r for r in rules if r.matches(severity, category)]
    best = max(r.specificity for r in matching)
    return min(r.days for r in matching if r.specificity == best)


def days_for(rules: Sequence[DeadlineRule], findings: Iterable[tuple[Severity, FindingCategory]]) -> int:
    """The working days a proposal made from these (severity, category) findings gets."""
    days = [days_for_finding(rules, sev, cat) for sev, cat in findings]
    return min(days) if days else default_days(rules)


def due_date(submitted_on: dt.date, days: int) -> dt.date:
    return add_working_days(submitted_on, days)


def to_json(rules: Sequence[DeadlineRule]) -> list[dict[str, object]]:
    return [
        {
            "severity": r.severity.value if r.severity is not None else None,
            "category": r.category.value if r.category is not None else None,
            "days": r.days,
        }
        for r in rules
    ]


def from_json(raw: object) -> tuple[DeadlineRule, ...]:
    """The stored rules; the defaults when none were stored (or what is stored is unreadable)."""
    if not isinstance(raw, list) or not raw:
        return DEFAULT_RULES
    try:
        rules = [
            DeadlineRule(
                Severity(item["severity"]) if item.get("severity") else None,
                FindingCategory(item["category"]) if item.get("category") else None,
                int(item["days"]),
            )
            for item in raw
        ]
        return clean_rules(rules)
    except (KeyError, TypeError, ValueError, AttributeError, ValidationError):
        return DEFAULT_RULES
