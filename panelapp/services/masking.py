"""The one masking rule for every output (issue 12 item 7).

Two questions, asked the same way by every list, choice, detail, search, export, certificate,
sheet and report:

- **Does this account see personal data masked?** `personal_masked(ctx)`: a 점검 조장, a 부서
  담당자 and a 열람자 work without members' names and phones (issue 12 item 2); nobody logged in
  sees nothing unmasked either. What they are shown is masked whatever they ask for.
- **Is this output masked?** `output_masked(ctx, purpose)`: a file or a print (exports, reports,
  sign-in sheets) is masked unless a purpose is given, and then only for the roles that see
  personal data at all; the purpose goes to the access log (services/audit/log.record) in the
  transaction that saves the output.

Then one function per kind of value: `name`, `phone`, `email`, `names` (a cell listing several
names) and `names_in_text` (free text that may name people). Each takes the value and whether to
mask (True by default), so an output decides once and masks every value the same way; `person`
and `person_phone` decide by the acting account. The shapes come from domain/validation.py
(홍*동, 010-****-5678, h***@example.kr); a value masked already stays as it is.

tests/test_every_output_masked.py walks every output path of the app as every masked role and
fails on a demo member's full name or phone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, overload

from panelapp.domain.enums import UserRole
from panelapp.domain.validation import mask_name, mask_phone

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement
    from sqlalchemy.orm import Session

    from panelapp.services.context import ServiceContext

MASKED_ROLES = frozenset({UserRole.LEAD, UserRole.DEPARTMENT, UserRole.VIEWER})


def personal_masked(ctx: ServiceContext, session: Session | None = None) -> bool:
    """Whether the acting account sees members' names and phones masked (홍*동, 010-****-5678)
    in every list, choice, detail and output. The role is the one the account logged in with
    (ctx.role), read again by every write through permissions.require."""
    return ctx.role is None or UserRole(ctx.role) in MASKED_ROLES


def output_masked(ctx: ServiceContext, purpose: str | None) -> bool:
    """Whether a file or print is masked: always for the masked roles, otherwise unless a
    purpose is given (which the caller cleans and logs)."""
    return personal_masked(ctx) or not (purpose or "").strip()


@overload
def name(value: str, masked: bool = True) -> str: ...
@overload
def name(value: None, masked: bool = True) -> None: ...
def name(value: str | None, masked: bool = True) -> str | None:
    """홍길동 → 홍*동 (None and empty stay as they are)."""
    return mask_name(value) if value and masked and "*" not in value else value


@overload
def phone(value: str, masked: bool = True) -> str: ...
@overload
def phone(value: None, masked: bool = True) -> None: ...
def phone(value: str | None, masked: bool = True) -> str | None:
    """+821012345678 (or 010-1234-5678) → 010-****-5678."""
    return mask_phone(value) if value and masked else value


@overload
def email(value: str, masked: bool = True) -> str: ...
@overload
def email(value: None, masked: bool = True) -> None: ...
def email(value: str | None, masked: bool = True) -> str | None:
    """hong.gildong@example.kr → h***@example.kr (the domain says little about the person)."""
    if not value or not masked or "@" not in value:
        return value
    local, domain = value.rsplit("@", 1)
    return f"{local[:1]}***@{domain}"


@overload
def names(value: str, masked: bool = True) -> str: ...
@overload
def names(value: None, masked: bool = True) -> None: ...
def names(value: str | None, masked: bool = True) -> str | None:
    """ "김영희, 박철수" → "김*희, 박*수" (a list of names shown in one cell)."""
    if not value or not masked:
        return value
    return ", ".join(name(n.strip()) for n in value.split(","))


def names_in_text(text: str | None, people: Iterable[str], masked: bool = True) -> str | None:
    """Free text with each of `people`'s names in it masked ("김영희 단원이 제안" → "김*희 단원이
    제안"); longer names first, so 남궁민수 is not half-masked as 남궁민."""
    if not text or not masked:
        return text
    for full in sorted({p for p in people if p and len(p) >= 2}, key=len, reverse=True):
        if full in text:
            text = text.replace(full, name(full))
    return text


def withdrew_consent() -> ColumnElement[bool]:
    """SQL, for a query over Member: the member withdrew their consent (동의 철회: a consent
    withdrawn and none left that is not). Processing has stopped: their name and phone are
    masked in the lists that still show them (ended enrolments), whoever reads, until a
    관리자 destroys the data; the member form, opened one at a time and logged, still shows them."""
    from sqlalchemy import and_, exists
    from sqlalchemy.orm import aliased

    from panelapp.db.models import Consent, Member

    gone, kept = aliased(Consent), aliased(Consent)
    return and_(
        exists().where(gone.member_id == Member.id, gone.withdrawn_on.is_not(None)).correlate(Member),
        ~exists().where(kept.member_id == Member.id, kept.withdrawn_on.is_(None)).correlate(Member),
    )


def withdrew(s: Session, member_id: int) -> bool:
    """Whether one member withdrew their consent (`withdrew_consent` for a single record: a
    certificate, a detail)."""
    from sqlalchemy import select

    from panelapp.db.models import Member

    return bool(s.scalar(select(withdrew_consent()).where(Member.id == member_id)))


def person(ctx: ServiceContext, value: str) -> str:
    """A member's name as the acting account may see it."""
    return name(value, personal_masked(ctx))


def person_phone(ctx: ServiceContext, value: str) -> str:
    """A member's phone as the acting account may see it."""
    return phone(value, personal_masked(ctx))
