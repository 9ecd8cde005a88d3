"""What goes on a member's 활동확인서, as the certificate document takes it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from panelapp.domain import participation
from panelapp.domain.enums import EnrollmentStatus, MemberRole


@dataclass(frozen=True)
class CertificateActivity:
    date: dt.date
    kind_label: str
    title: str
    hours: float


@dataclass(frozen=True)
class CertificateData:
    certificate_number: str
    organization_name: str | None  # None while no Organization row exists
    cohort_number: int
    cohort_name: str
    panel_title: str  # "제7기 고객서비스 시민참여단": how the sentence names the panel
    member_name: str
    team_name: str | None
    role: MemberRole
    status: EnrollmentStatus
    period_start: dt.date
    period_end: dt.date
    ongoing: bool  # still active and the term has not ended on the issue date
    total_hours: float
    attended: int
    held: int
    activities: tuple[CertificateActivity, ...]
    issued_on: dt.date
    issuer: str  # the line above the seal: organization, else the panel

    @property
    def rate(self) -> float | None:
        return participation.attendance_rate(self.attended, self.held)

    @property
    def hours_text(self) -> str:
        return participation.hours_text(self.total_hours)

    @property
    def rate_text(self) -> str:
        return participation.rate_text(self.attended, self.held)

    @property
    def role_label(self) -> str:
        return self.role.label

    @property
    def affiliation(self) -> str:
        return f"제{self.cohort_number}기" + (f" {self.team_name}" if self.team_name else "")
