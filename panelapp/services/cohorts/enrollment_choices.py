"""The members of a cohort as choices for a picker (e.g. a team's 단장)."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import or_, select

from panelapp.db.models import Enrollment, Member, Team
from panelapp.domain.enums import EnrollmentStatus
from panelapp.domain.text_input import nfc
from panelapp.services import masking
from panelapp.services.context import ServiceContext, reading


def _like(text: str) -> str:
    escaped = nfc(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def list_enrollment_choices(
    ctx: ServiceContext,
    cohort_id: int,
    include_id: int | None = None,
    text: str = "",
    limit: int | None = None,
) -> list[tuple[int, str]]:
    """(enrollment_id, "홍길동 · 정책동행단 · 단원") for the cohort's active members, by name.

    `include_id` keeps one more enrolment in the list even when it is no longer active
    (the current leader who withdrew must still show as the current value). Two members
    with the same name are told apart by the last four digits of their phone. `text` narrows
    to names containing it and `limit` caps the list (a cohort of 100,000 is searched, not
    listed); the included enrolment is always there. Names are masked for an account that sees
    them masked (services/masking.py); a destroyed member (파기) is never offered.
    """
    keep = Enrollment.status == EnrollmentStatus.ACTIVE
    if include_id is not None:
        keep = or_(keep, Enrollment.id == include_id)
    stmt = (
        select(Enrollment.id, Member.name, Member.phone, Team.name, Enrollment.role, Enrollment.status)
        .join(Member, Member.id == Enrollment.member_id)
        .outerjoin(Team, (Team.id == Enrollment.team_id) & Team.deleted_at.is_(None))
        .where(
            Enrollment.cohort_id == cohort_id,
            Enrollment.deleted_at.is_(None),
            Member.deleted_at.is_(None),
            Member.destroyed_at.is_(None),
            keep,
        )
        .order_by(Member.name, Enrollment.id)
    )
    text = " ".join((text or "").split())
    with reading(ctx) as s:
        narrowed = stmt.where(Member.name.ilike(_like(text), escape="\\")) if text else stmt
        rows = list(s.execute(narrowed.limit(limit) if limit is not None else narrowed).all())
        if include_id is not None and all(r[0] != include_id for r in rows):
            rows += s.execute(stmt.where(Enrollment.id == include_id)).all()
            rows.sort(key=lambda r: (r[1], r[0]))
    masked = masking.personal_masked(ctx)
    same_name = Counter(name for _id, name, *_rest in rows)
    choices = []
    for eid, name, phone, team, role, status in rows:
        parts = [masking.name(name, masked) + (f"({phone[-4:]})" if same_name[name] > 1 and phone else "")]
        parts.append(team or "미배정")
        parts.append(role.label)
        if status != EnrollmentStatus.ACTIVE:
            parts.append(status.label)
        choices.append((eid, " · ".join(parts)))
    return choices
