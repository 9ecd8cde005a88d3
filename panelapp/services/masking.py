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

import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar, overload

from panelapp.domain.enums import UserRole
from panelapp.domain.validation import mask_name, mask_phone

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement
    from sqlalchemy.orm import Session

    from panelapp.services.context import ServiceContext

T = TypeVar("T", bound=Any)

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


_HANGUL_RUN = re.compile("[가-힣]{2,}")
_LONGEST = 5  # Korean names are 2 to 5 syllables (남궁민수, 황보OO); longer runs are words


class MemberNames:
    """The names to look for in free text, held so that a text is scanned in one pass: every run
    of Hangul is read left to right, and at each syllable the longest name of 5, 4, 3 or 2
    syllables starting there is a set lookup (O(len(text)), however many members). Names that are
    not 2–5 Hangul syllables (a name in Latin letters) are few and looked for one by one."""

    __slots__ = ("_hangul", "_other", "_starts")

    def __init__(self, people: Iterable[str]):
        hangul: set[str] = set()
        other: set[str] = set()
        for p in people:
            p = (p or "").strip()
            if len(p) < 2 or "*" in p:
                continue
            if len(p) <= _LONGEST and _HANGUL_RUN.fullmatch(p):
                hangul.add(p)
            else:
                other.add(p)
        self._hangul = frozenset(hangul)
        self._other = tuple(sorted(other, key=len, reverse=True))
        # the first two syllables of every name: most places in a text start none, one lookup
        self._starts = frozenset(p[:2] for p in hangul)

    def __len__(self) -> int:
        return len(self._hangul) + len(self._other)

    def _run(self, match: re.Match[str]) -> str:
        run = match.group(0)
        names, starts = self._hangul, self._starts
        out: list[str] = []
        i, n, kept = 0, len(run), 0
        while i < n - 1:
            if run[i : i + 2] not in starts:
                i += 1
                continue
            # longest first; a two-syllable name (김구) only where a word begins: inside a word
            # it is too often an ordinary word's syllables (고장나 is not 장나)
            for size in range(min(_LONGEST, n - i), 2 if i else 1, -1):
                piece = run[i : i + size]
                if piece in names:
                    out.append(run[kept:i])
                    out.append(name(piece))
                    i = kept = i + size
                    break
            else:
                i += 1
        if not out:
            return run
        out.append(run[kept:])
        return "".join(out)

    def mask(self, text: str) -> str:
        for full in self._other:  # longer first, as below
            if full in text:
                text = text.replace(full, name(full))
        return _HANGUL_RUN.sub(self._run, text) if self._hangul else text


@overload
def names_in_text(text: str, people: Iterable[str] | MemberNames, masked: bool = True) -> str: ...
@overload
def names_in_text(text: None, people: Iterable[str] | MemberNames, masked: bool = True) -> None: ...
def names_in_text(text: str | None, people: Iterable[str] | MemberNames, masked: bool = True) -> str | None:
    """Free text with each of `people`'s names in it masked ("김영희 단원이 제안" → "김*희 단원이
    제안"); the longest name at each place first, so 남궁민수 is not half-masked as 남궁민.
    `people` is best a `MemberNames` (`member_names(session)`): made once per output."""
    if not text or not masked:
        return text
    finder = people if isinstance(people, MemberNames) else MemberNames(people)
    return finder.mask(text)


# (database url) -> (fingerprint of the members table, the names): the names are read again only
# when a member was added, changed, trashed, restored or destroyed, here or on another desktop
_NAMES: dict[str, tuple[tuple[object, ...], MemberNames]] = {}
_NAMES_LOCK = threading.Lock()


def member_names(s: Session) -> MemberNames:
    """The names of every member whose data is not destroyed (trashed ones too: their names are
    still personal data), as a `MemberNames`. One small query a call (the table's row count and
    latest change) tells whether the names read before still hold (a few ms at 100,000 members);
    otherwise one SELECT DISTINCT reads them again (a few hundred ms at 100,000 members, see
    benchmarks/bench_text_masking.py). A destroyed member's name is gone already (파기된 단원 #N)."""
    from sqlalchemy import func, select

    from panelapp.db.models import Member
    from panelapp.domain.retention_data import destroyed_name

    kept = s.info.get("member_names")
    if isinstance(kept, MemberNames):
        return kept  # asked already in this unit of work
    key = str(s.get_bind().engine.url)
    # two statements, not one: max() alone reads the end of ix_members_updated_at (SQLite skips
    # that shortcut when another aggregate shares the SELECT, and scanned 100k rows for it)
    stamp = (s.scalar(select(func.count(Member.id))), s.scalar(select(func.max(Member.updated_at))))
    with _NAMES_LOCK:
        held = _NAMES.get(key)
    if held is not None and held[0] == stamp:
        s.info["member_names"] = held[1]
        return held[1]
    # DISTINCT over the whole column reads the name index alone (a WHERE on destroyed_at reads
    # the table, three times slower at 100k); a destroyed member's name is the placeholder
    gone = destroyed_name(0).removesuffix("0")
    found = MemberNames(n for n in s.scalars(select(Member.name).distinct()) if not n.startswith(gone))
    with _NAMES_LOCK:
        _NAMES[key] = (stamp, found)
    s.info["member_names"] = found
    return found


def text_masker(s: Session, masked: bool) -> Callable[[str | None], str | None]:
    """One output's rule for its free texts (descriptions, proposal texts, answers, notes,
    feedback, titles): members' names masked when the output is masked, the text as it is
    otherwise (and then no query is made)."""
    if not masked:
        return _as_is
    finder = member_names(s)
    return lambda text: finder.mask(text) if text else text


def _as_is(text: str | None) -> str | None:
    return text


def names_a_member(ctx: ServiceContext, s: Session, text: str | None) -> bool:
    """A masked role's filter text that holds a member's name ("김영희"): matched against the
    free texts it would tell them where that name is written, so the lists find nothing instead
    (as the roster's filter confirms no name to them)."""
    if not text or not text.strip() or not personal_masked(ctx):
        return False
    return member_names(s).mask(text) != text


MASKED_TEXT_HINT = "단원 이름이 들어 있어 가려서 보이는 내용은 고칠 수 없습니다(담당자에게 요청해 주세요)."


def masked_text_guard(s: Session, ctx: ServiceContext) -> Callable[[str | None, str | None, str], str | None]:
    """For a write by an account that sees free text masked: `keep(stored, sent, field)` is
    what to save in a text field. A text with no member's name in it is theirs to edit; one they
    saw masked (김*희) comes back as it was shown and the real text is kept, never the masked
    one; a change to it is refused (PermissionDenied, a Korean sentence naming the field): they
    cannot see what they would be changing. The forms make such a field read-only (the detail
    says `texts_masked`). For the other accounts, what was sent."""
    if not personal_masked(ctx):
        return lambda stored, sent, field: sent
    finder = member_names(s)

    def keep(stored: str | None, sent: str | None, field: str) -> str | None:
        if not stored or sent == stored:
            return sent
        shown = finder.mask(stored)
        if shown == stored:
            return sent  # nothing in it was masked
        if (sent or "") == shown:
            return stored
        from panelapp.domain.josa import josa
        from panelapp.services.permissions import PermissionDenied

        raise PermissionDenied(
            f"{josa(field, '은')} 단원 이름이 들어 있어 가려서 보이므로 고칠 수 없습니다. "
            "담당자에게 고쳐 달라고 요청해 주세요."
        )

    return keep


def texts_masked(row: T, mask: Callable[[str | None], str | None], *fields: str) -> T:
    """A frozen dataclass row with its free-text `fields` passed through `mask` (text_masker)."""
    if mask is _as_is:
        return row
    return replace(row, **{f: mask(getattr(row, f)) for f in fields})


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
