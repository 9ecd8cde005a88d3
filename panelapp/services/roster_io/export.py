"""Roster export: the cohort's members to .xlsx/.csv, masked unless a purpose is given.

The last two columns, 활동 시간 and 출석률, are each member's figures as of the export day
(activities.stats, the rule in domain/participation.py): numbers in the .xlsx, shown as 29.5
and 86.7% (a rate is the fraction 0.867; an empty cell while nothing was expected), and in the
.csv as "29.5" and "86.7%" (the report's rate_text), which Excel reads as numbers too.

An unmasked export is personal data leaving the program, so it is recorded in the access
log (who, when, why, which file) in the same transaction that reads the rows; if the file
cannot be written, the log entry is rolled back with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from panelapp.db.models import Cohort, Consent, Enrollment, Member, Team
from panelapp.domain.errors import NotFoundError
from panelapp.domain.participation import NO_FIGURES
from panelapp.domain.validation import format_phone, normalize_text
from panelapp.io.roster_columns import COLUMNS
from panelapp.io.roster_export import HOURS_FORMAT, PERCENT_FORMAT, write_table
from panelapp.services import masking
from panelapp.services.activities.stats import cohort_stats, local_today
from panelapp.services.audit.log import record
from panelapp.services.context import ServiceContext, transaction
from panelapp.services.permissions import Permission, writes

# The import's columns first (an exported file can be imported into another cohort),
# then what only an export has.
HEADER = tuple(c.label for c in COLUMNS) + ("상태", "활동 시작일", "탈퇴일", "활동 시간", "출석률")
PHONE_COLUMN = 1
FIGURES = {len(HEADER) - 2: HOURS_FORMAT, len(HEADER) - 1: PERCENT_FORMAT}


@dataclass(frozen=True)
class ExportResult:
    path: str
    rows: int
    masked: bool


mask_email = masking.email  # the one masking rule (services/masking.py)


@writes(Permission.PANEL_WORK)
def export_roster(
    ctx: ServiceContext,
    cohort_id: int,
    path: str | Path,
    *,
    unmasked: bool = False,
    purpose: str | None = None,
    today: dt.date | None = None,
) -> ExportResult:
    """Write the cohort's roster (sorted by name). `unmasked` needs `purpose` and is logged.
    Hours and rate are as of `today` (the day in Korea unless given)."""
    path = Path(path)
    today = today or local_today()
    if not unmasked:
        with transaction(ctx) as s:
            count = write_table(
                path, HEADER, _rows(s, cohort_id, True, today), (PHONE_COLUMN,), number_formats=FIGURES
            )
            record(
                s,
                ctx,
                "roster_export",
                cohort_id=cohort_id,
                detail=f"cohort_id={cohort_id}; rows={count}; file={path.name}",
            )
        return ExportResult(str(path), count, True)
    purpose = normalize_text(purpose, "내보내기 목적", 200, required=True)
    with transaction(ctx) as s:
        count = write_table(
            path, HEADER, _rows(s, cohort_id, False, today), (PHONE_COLUMN,), number_formats=FIGURES
        )
        record(
            s,
            ctx,
            "export_unmasked",
            cohort_id=cohort_id,
            purpose=purpose,
            detail=f"cohort_id={cohort_id}; rows={count}; file={path.name}",
        )
    return ExportResult(str(path), count, False)


def _rows(s: Session, cohort_id: int, masked: bool, today: dt.date) -> list[tuple[object, ...]]:
    cohort = s.get(Cohort, cohort_id)
    if cohort is None or cohort.deleted_at is not None:
        raise NotFoundError("기수")
    consent = (
        select(func.max(Consent.consented_on))
        .where(Consent.enrollment_id == Enrollment.id)
        .correlate(Enrollment)
        .scalar_subquery()
    )
    stmt = (
        select(
            Enrollment.id,
            Member.name,
            Member.phone,
            Member.email,
            Member.district,
            Member.birth_year,
            Member.gender,
            Team.name,
            Enrollment.role,
            consent,
            Enrollment.status,
            Enrollment.joined_on,
            Enrollment.left_on,
            masking.withdrew_consent(),  # masked even with a purpose: processing has stopped
        )
        .join(Member, Member.id == Enrollment.member_id)
        .outerjoin(Team, (Team.id == Enrollment.team_id) & Team.deleted_at.is_(None))
        .where(Enrollment.cohort_id == cohort_id, Enrollment.deleted_at.is_(None))
        .order_by(Member.name, Enrollment.id)
    )
    figures = cohort_stats(s, cohort_id, today)
    # A list, not a generator: a missing cohort is refused before the file is created.
    return [
        (
            masking.name(name, masked or withdrew),
            masking.phone(phone) if masked or withdrew else format_phone(phone),
            masking.email(email, masked or withdrew),
            district,
            birth_year,
            gender.label,
            team,
            role.label,
            consented.isoformat() if consented else None,
            status.label,
            joined.isoformat(),
            left.isoformat() if left else None,
            figures.get(eid, NO_FIGURES).hours,
            figures.get(eid, NO_FIGURES).rate,
        )
        for (
            eid,
            name,
            phone,
            email,
            district,
            birth_year,
            gender,
            team,
            role,
            consented,
            status,
            joined,
            left,
            withdrew,
        ) in s.execute(stmt)
    ]
