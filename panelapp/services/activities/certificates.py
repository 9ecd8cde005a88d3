"""What goes on a member's 활동확인서 (activity certificate), gathered in one read.

The certificate is issued to the person, so the name is in full for the roles that see names
(services/masking.py); a masked role gets it masked, like every other output. Hours and attendance
rate are the roster's as of the issue date (activities.stats, the rule in
domain/participation.py); the list of activities is the events and content posts those figures
count, so it adds up to the total hours.

The certificate number, e.g. "제7기-2026-0042", is derived, not stored: cohort number, the
year the cohort's term starts, and the enrolment's ordinal within the cohort (by id,
deleted enrolments included). Re-issuing the same certificate therefore gives the same
number, and numbers never shift when someone leaves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from panelapp.db.models import Cohort, Enrollment, Organization, Team
from panelapp.domain.certificate_data import CertificateActivity, CertificateData
from panelapp.domain.errors import NotFoundError
from panelapp.domain.participation import NO_FIGURES
from panelapp.services import masking
from panelapp.services.activities.stats import counted_attendances, counted_posts, local_today, stats_for
from panelapp.services.audit.log import record_access
from panelapp.services.context import ServiceContext, reading

CONTENT_LABEL = "소식 콘텐츠"


def panel_title(number: int, name: str) -> str:
    """The cohort as a sentence names it: always "제N기 …", always ending in a 참여단."""
    title = " ".join((name or "").split())
    if not title.startswith(f"제{number}기"):
        title = f"제{number}기 {title}".strip()
    if "참여단" not in title:
        title += " 시민참여단"
    return title


def certificate_number(cohort: Cohort, ordinal: int) -> str:
    return f"제{cohort.number}기-{cohort.term_start.year}-{ordinal:04d}"


def _titles_shown(s: Session, own: str, own_masked: bool) -> Callable[[str], str]:
    """The activity titles as the certificate prints them: every other member's name masked
    (김*희) whoever prints it (the certificate is the member's, not theirs); the member's own name
    as the certificate names them (in full unless `own_masked`)."""
    finder = masking.member_names(s)
    if own_masked or not own or len(own) < 2:
        return lambda title: finder.mask(title) if title else title
    return lambda title: own.join(finder.mask(part) for part in title.split(own)) if title else title


def certificate_data(
    ctx: ServiceContext, enrollment_id: int, issued_on: dt.date | None = None
) -> CertificateData:
    issued_on = issued_on or local_today()
    with reading(ctx) as s:
        e = s.get(Enrollment, enrollment_id)
        if e is None or e.deleted_at is not None or e.member.deleted_at is not None:
            raise NotFoundError("참여단원")
        cohort = e.cohort
        org = s.get(Organization, cohort.organization_id) if cohort.organization_id else None
        if org is None:
            org = s.scalar(select(Organization).order_by(Organization.id).limit(1))
        team = s.get(Team, e.team_id) if e.team_id else None
        team_name = team.name if team is not None and team.deleted_at is None else None
        ordinal = s.scalar(
            select(func.count())
            .select_from(Enrollment)
            .where(Enrollment.cohort_id == cohort.id, Enrollment.id <= e.id)
        )
        stats = stats_for(s, [e.id], today=issued_on).get(e.id, NO_FIGURES)
        # full only for who sees names, and never once the member withdrew their consent
        own_masked = masking.personal_masked(ctx) or masking.withdrew(s, e.member_id)
        shown = _titles_shown(s, e.member.name, own_masked)
        # The lines are the events and posts the stats count, so they add up to its hours.
        events = s.execute(counted_attendances(e.id, issued_on))
        activities = [
            CertificateActivity(d, kind.label, shown(title), float(h)) for d, kind, title, h in events
        ]
        posts = s.execute(counted_posts(e.id, issued_on))
        activities += [CertificateActivity(d, CONTENT_LABEL, shown(title), float(h)) for d, title, h in posts]
        activities.sort(key=lambda a: (a.date, a.kind_label, a.title))
        if e.left_on is not None:
            end, ongoing = e.left_on, False
        elif issued_on >= cohort.term_end:
            end, ongoing = cohort.term_end, False
        else:
            end, ongoing = max(issued_on, e.joined_on), True
        title = panel_title(cohort.number, cohort.name)
        org_name = org.name.strip() if org is not None and org.name and org.name.strip() else None
        data = CertificateData(
            certificate_number=certificate_number(cohort, ordinal),
            organization_name=org_name,
            cohort_number=cohort.number,
            cohort_name=cohort.name,
            panel_title=title,
            member_name=masking.name(e.member.name, own_masked),
            team_name=team_name,
            role=e.role,
            status=e.status,
            period_start=e.joined_on,
            period_end=end,
            ongoing=ongoing,
            total_hours=stats.hours,
            attended=stats.attended,
            held=stats.held,
            activities=tuple(activities),
            issued_on=issued_on,
            issuer=org_name or title,
        )
    # the certificate carries the full name: made (shown, printed or saved) means logged
    record_access(ctx, "certificate", enrollments=[enrollment_id], detail=f"enrollment_id={enrollment_id}")
    return data
