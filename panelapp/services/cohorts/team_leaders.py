"""Keep a team's 단장 (Team.leader_enrollment_id) and the member's role 단장 in step.

Two screens set the same fact: the team dialog picks a leader, the member form sets the role.
Both end here, inside the caller's transaction, so the two records never disagree.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from panelapp.db.models import Enrollment, Team
from panelapp.domain.enums import EnrollmentStatus, MemberRole


def _is_leading(e: Enrollment) -> bool:
    return (
        e.role == MemberRole.CHIEF
        and e.team_id is not None
        and e.deleted_at is None
        and e.status == EnrollmentStatus.ACTIVE
    )


def _demote(s: Session, enrollment_id: int | None, keep: int | None) -> None:
    if enrollment_id is None or enrollment_id == keep:
        return
    old = s.get(Enrollment, enrollment_id)
    if old is not None and old.role == MemberRole.CHIEF:
        old.role = MemberRole.MEMBER


def sync_from_enrollment(s: Session, e: Enrollment) -> None:
    """After a member was saved, withdrawn or deleted: teams follow the member's role."""
    s.flush()
    for team in s.scalars(select(Team).where(Team.leader_enrollment_id == e.id)):
        if not _is_leading(e) or team.id != e.team_id:
            team.leader_enrollment_id = None
    if _is_leading(e):
        team = s.get(Team, e.team_id)
        if team.leader_enrollment_id != e.id:
            _demote(s, team.leader_enrollment_id, keep=e.id)
            team.leader_enrollment_id = e.id


def assign_from_team(s: Session, team: Team, enrollment_id: int | None) -> None:
    """After the team dialog picked a leader: that member joins the team with role 단장."""
    _demote(s, team.leader_enrollment_id, keep=enrollment_id)
    team.leader_enrollment_id = enrollment_id
    if enrollment_id is None:
        return
    leader = s.get(Enrollment, enrollment_id)
    for other in s.scalars(
        select(Team).where(Team.leader_enrollment_id == enrollment_id, Team.id != team.id)
    ):
        other.leader_enrollment_id = None
    leader.team_id, leader.role = team.id, MemberRole.CHIEF
