"""Reading and saving 기관 정보, and the one rule every output follows: it names the institution.

There is one organization per database (the first row). A department saved before the
institution was registered attaches to a row without a name, which `get_organization` does
not count as registered: the first start asks again, and `save_organization` fills that row.
No placeholder name is ever invented, so no output can print one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeGuard

from sqlalchemy import select
from sqlalchemy.orm import Session

from panelapp.db.models import Organization
from panelapp.domain.errors import ValidationError, ValidationErrors
from panelapp.services.context import ServiceContext, check_version, reading, transaction
from panelapp.services.org import rules
from panelapp.services.org.rules import F_NAME
from panelapp.services.permissions import Permission, writes

KEEP = "keep"  # OrgInput.logo: leave the stored logo as it is


@dataclass(frozen=True)
class OrganizationInfo:
    id: int
    name: str
    address: str | None
    phone: str | None
    version: int
    logo_png: bytes | None = field(default=None, repr=False)
    signoff: tuple[str, ...] = ()

    @property
    def signoff_text(self) -> str:
        return " / ".join(self.signoff)


@dataclass(frozen=True)
class OrgInput:
    """What the 기관 정보 form or `panelapp org set` sends. `logo`: the bytes of a new PNG or
    JPEG file, None to remove the logo, KEEP to leave it. `signoff`: "담당, 팀장, 부장" or a
    list of titles; None or empty for no 결재란."""

    name: str
    address: str | None = None
    phone: str | None = None
    signoff: str | Sequence[str] | None = None
    logo: bytes | str | None = KEEP
    logo_name: str = "로고 파일"  # how a refused logo is named in the sentence


class OrganizationMissing(ValidationError):
    """An output was asked for while no institution name is registered."""

    def __init__(self, what: str = "보고서·활동확인서·현장 점검표") -> None:
        super().__init__(
            F_NAME,
            f"기관명이 등록되어 있지 않습니다. {what}에는 기관명이 들어가므로 "
            "파일 → 기관 정보에서 기관명을 먼저 입력해 주세요"
            "(명령줄: panelapp org set --name 기관명).",
        )


def _info(o: Organization) -> OrganizationInfo:
    return OrganizationInfo(
        o.id, o.name, o.address, o.phone, o.version, o.logo_png, tuple(o.signoff_titles or ())
    )


def organization_row(s: Session) -> Organization | None:
    """The database's one organization row (named or not), or None."""
    return s.scalar(select(Organization).order_by(Organization.id).limit(1))


def is_named(org: Organization | None) -> TypeGuard[Organization]:
    """A registered institution: a row with a name (a department may have made one without)."""
    return org is not None and bool((org.name or "").strip())


def named_organization(s: Session, what: str = "보고서·활동확인서·현장 점검표") -> Organization:
    """The registered institution, for an output that prints its name; OrganizationMissing
    (a sentence saying where to enter it) while there is none."""
    org = organization_row(s)
    if org is None or not is_named(org):
        raise OrganizationMissing(what)
    return org


def get_organization(ctx: ServiceContext) -> OrganizationInfo | None:
    """The institution running the panel; None until its name was registered."""
    with reading(ctx) as s:
        org = organization_row(s)
        return _info(org) if org is not None and is_named(org) else None


def require_organization(
    ctx: ServiceContext, what: str = "보고서·활동확인서·현장 점검표"
) -> OrganizationInfo:
    """The registered institution, or OrganizationMissing: called before making an output."""
    with reading(ctx) as s:
        return _info(named_organization(s, what))


def _clean(data: OrgInput) -> dict[str, object]:
    errors: list[ValidationError] = []
    values: dict[str, object] = {}
    checks = (
        ("name", lambda: rules.clean_name(data.name)),
        ("address", lambda: rules.clean_address(data.address)),
        ("phone", lambda: rules.clean_phone(data.phone)),
        ("signoff_titles", lambda: list(rules.parse_signoff(data.signoff)) or None),
    )
    for key, fn in checks:
        try:
            values[key] = fn()
        except ValidationError as e:
            errors.append(e)
    if isinstance(data.logo, bytes):
        try:
            values["logo_png"] = rules.clean_logo(data.logo, data.logo_name)
        except ValidationError as e:
            errors.append(e)
    elif data.logo is None:
        values["logo_png"] = None
    elif data.logo != KEEP:
        raise ValueError(f"OrgInput.logo: bytes, None or KEEP, not {data.logo!r}")
    ValidationErrors.raise_if_any(errors)
    return values


@writes(Permission.INSTITUTION)
def save_organization(ctx: ServiceContext, data: OrgInput, version: int | None = None) -> OrganizationInfo:
    """Register the institution, or update it (`version`: the one the form showed; None skips
    the check, as for the first registration). Nothing is saved when any field is wrong; every
    wrong field is named at once."""
    values = _clean(data)
    with transaction(ctx) as s:
        return _save(s, values, version)


def _save(s: Session, values: dict[str, object], version: int | None) -> OrganizationInfo:
    org = organization_row(s)
    if org is None:
        org = Organization(name=str(values["name"]))
        s.add(org)
    elif is_named(org):
        check_version(org, version)
    for key, value in values.items():
        setattr(org, key, value)
    s.flush()
    return _info(org)


def save_first_organization(ctx: ServiceContext, data: OrgInput) -> OrganizationInfo:
    """The first start's institution step, which comes before the first 관리자 exists (the
    window asks for the institution, then for that account): allowed only while the database
    has no account that can log in, checked in the same transaction; afterwards only a 관리자
    changes the institution (save_organization)."""
    from sqlalchemy import select

    from panelapp.db.models import User
    from panelapp.services.permissions import PermissionDenied, denial_sentence

    values = _clean(data)
    with transaction(ctx) as s:
        account = s.scalar(
            select(User.id).where(User.active.is_(True), User.password_hash.is_not(None)).limit(1)
        )
        if account is not None:
            raise PermissionDenied(
                denial_sentence(Permission.INSTITUTION, None, None), Permission.INSTITUTION
            )
        return _save(s, values, None)


@writes(Permission.INSTITUTION)
def ensure_organization(ctx: ServiceContext, name: str) -> OrganizationInfo:
    """The registered institution, or a new one called `name` when none is registered yet."""
    with reading(ctx) as s:
        existing = organization_row(s)
        if existing is not None and is_named(existing):
            return _info(existing)
    return save_organization(ctx, OrgInput(name))


def organization_for_department(s: Session) -> int:
    """The id departments attach to: the one organization, created without a name (never a
    made-up one) when the institution was not registered yet."""
    org = organization_row(s)
    if org is None:
        org = Organization(name="")
        s.add(org)
        s.flush()
    return org.id
