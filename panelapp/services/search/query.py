"""Global search (Ctrl+F): members, facilities, findings, proposals and feedback by partial words.

A query is cut into words; a document matches when every word occurs in one of its searched
fields ("미끄" finds "미끄럼", "계단 난간" finds "계단 난간 흔들림"). Candidates come from the
bigram index: the rarest one or two grams of the query, newest documents first, at most
CANDIDATES of them; each candidate is then checked against the real text and ranked — title
starting with the query, title containing it, title holding every word, the rest — newest
first within a rank. A one-character query uses the grams that start with it, or, for a
character so common that the index would hand over too many, scans the newest rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from panelapp.db.models import (
    Cohort,
    Enrollment,
    Facility,
    Feedback,
    Finding,
    Inspection,
    Member,
    Proposal,
    SearchGram,
)
from panelapp.domain.search_text import normalize, prefix_range, query_words, snippet, word_grams
from panelapp.domain.text_input import nfc
from panelapp.services.audit.log import record_access
from panelapp.services.context import ServiceContext, reading
from panelapp.services.search.index import DocKind, ensure_index

KINDS = ("member", "facility", "finding", "proposal", "feedback")
KIND_LABELS = {
    "member": "참여단원",
    "facility": "시설",
    "finding": "발견사항",
    "proposal": "개선제안",
    "feedback": "좋아요·아쉬워요",
}
CANDIDATES = 3000  # newest candidates checked per kind
COUNT_CAP = 20000  # postings counted per gram when choosing the rarest
SCAN_ROWS = 500  # a very common single character: the newest matching rows are ranked


@dataclass(frozen=True)
class SearchHit:
    kind: str  # one of KINDS
    id: int
    title: str
    snippet: str
    cohort_id: int | None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


@dataclass(frozen=True)
class _Spec:
    kind: str
    doc_kind: DocKind
    model: type
    title: object  # column ranked on
    texts: tuple  # columns a word may occur in
    live: tuple = ()  # conditions besides deleted_at that a shown row must meet


def _specs() -> list[_Spec]:
    return [
        _Spec("member", DocKind.MEMBER, Member, Member.name, (Member.name, Member.district), _member_live()),
        _Spec("facility", DocKind.FACILITY, Facility, Facility.name, (Facility.name, Facility.address)),
        _Spec(
            "finding",
            DocKind.FINDING,
            Finding,
            Finding.title,
            (Finding.title, Finding.description, Finding.location),
        ),
        _Spec(
            "proposal",
            DocKind.PROPOSAL,
            Proposal,
            Proposal.title,
            (Proposal.title, Proposal.problem, Proposal.proposal, Proposal.answer),
        ),
        _Spec("feedback", DocKind.FEEDBACK, Feedback, Feedback.text, (Feedback.text,)),
    ]


def _member_live() -> tuple:
    """A member is found while they are somewhere to be found: not destroyed (파기), not in the
    trash (a member whose every enrolment is in the trash, or in a cohort in the trash, is
    listed there), and not after withdrawing consent (processing has stopped)."""
    any_enrollment = select(Enrollment.id).where(Enrollment.member_id == Member.id).correlate(Member).exists()
    live_enrollment = (
        select(Enrollment.id)
        .join(Cohort, Cohort.id == Enrollment.cohort_id)
        .where(
            Enrollment.member_id == Member.id,
            Enrollment.deleted_at.is_(None),
            Cohort.deleted_at.is_(None),
        )
        .correlate(Member)
        .exists()
    )
    from panelapp.services.masking import withdrew_consent

    return (Member.destroyed_at.is_(None), or_(live_enrollment, ~any_enrollment), ~withdrew_consent())


def search(ctx: ServiceContext, text: str, limit: int = 50) -> list[SearchHit]:
    """At most `limit` hits of each kind, grouped by kind in KINDS order, best first."""
    words = query_words(text or "")
    if not words:
        return []
    ensure_index(ctx)
    phrase = " ".join(nfc(text or "").lower().split())
    from panelapp.services import masking
    from panelapp.services.permissions import department_scope

    hits: list[SearchHit] = []
    with reading(ctx) as s:
        scope = department_scope(ctx, s)
        masked = masking.personal_masked(ctx)
        shown = masking.text_masker(s, masked)  # members' names in the texts the hits quote
        if masked and shown(phrase) != phrase:
            return []  # a member's name typed: finding the texts that name them would confirm it
        for spec in _specs():
            if masked and spec.kind == "member":
                continue  # finding people by name is for the roles that see their data
            if scope is not None and spec.kind != "proposal":
                continue  # a 부서 담당자 works on their department's proposals only
            found = _search_kind(s, spec, words, phrase, limit, shown)
            if scope is not None and found:
                own = set(
                    s.scalars(
                        select(Proposal.id).where(
                            Proposal.id.in_([h.id for h in found]), Proposal.department_id == scope
                        )
                    )
                )
                found = [h for h in found if h.id in own]
            hits.extend(found)
    people = [h.id for h in hits if h.kind == "member"]
    if people:  # the hits showed people's names: who searched for what (접속기록)
        record_access(ctx, "search", members=people, detail=f"query={phrase[:100]}")
    return hits


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _contains(column, word: str):
    return func.lower(column).like(_like(word), escape="\\")


def _word_clause(spec: _Spec, word: str):
    clauses = [_contains(c, word) for c in spec.texts]
    if spec.model is Member and word.isdigit() and len(word) == 4:
        clauses.append(Member.phone.like("%" + word))
    return or_(*clauses)


def _capped_count(s: Session, *where) -> int:
    inner = select(literal(1)).select_from(SearchGram).where(*where).limit(COUNT_CAP).subquery()
    return s.scalar(select(func.count()).select_from(inner))


def _candidates(s: Session, spec: _Spec, words: list[str]):
    """A subquery of candidate ids (newest first), [] when nothing can match, None to scan rows."""
    kind = int(spec.doc_kind)
    codes = sorted({g for w in words if len(w) >= 2 for g in word_grams(w)})
    if codes:
        counts = sorted(
            (_capped_count(s, SearchGram.gram == g, SearchGram.doc_kind == kind), g) for g in codes
        )
        if counts[0][0] == 0:
            return []
        a = SearchGram.__table__.alias("a")
        q = select(a.c.doc_id).where(a.c.gram == counts[0][1], a.c.doc_kind == kind)
        if len(counts) > 1:
            b = SearchGram.__table__.alias("b")
            q = q.join(b, and_(b.c.gram == counts[1][1], b.c.doc_kind == kind, b.c.doc_id == a.c.doc_id))
        return q.order_by(a.c.doc_id.desc()).limit(CANDIDATES).subquery()
    low, high = prefix_range(normalize(words[0])[0])
    in_range = (SearchGram.gram >= low, SearchGram.gram < high, SearchGram.doc_kind == kind)
    found = _capped_count(s, *in_range)
    if found == 0:
        return []
    if found >= COUNT_CAP:
        return None
    return (
        select(SearchGram.doc_id)
        .where(*in_range)
        .distinct()
        .order_by(SearchGram.doc_id.desc())
        .limit(CANDIDATES)
        .subquery()
    )


def _search_kind(
    s: Session, spec: _Spec, words: list[str], phrase: str, limit: int, shown=None
) -> list[SearchHit]:
    model = spec.model
    checks = [_word_clause(spec, w) for w in words]
    candidates = _candidates(s, spec, words)
    if isinstance(candidates, list):
        return []
    if candidates is None:
        candidates = (
            select(model.id.label("doc_id"))
            .where(model.deleted_at.is_(None), *spec.live, *checks)
            .order_by(model.id.desc())
            .limit(SCAN_ROWS)
            .subquery()
        )
    title = func.lower(spec.title)
    rank = case(
        (title.like(_like(phrase)[1:], escape="\\"), 0),
        (title.like(_like(phrase), escape="\\"), 1),
        (and_(*(title.like(_like(w), escape="\\") for w in words)), 2),
        else_=3,
    )
    cohort, extra, joins = _shape(spec)
    q = (
        select(model.id, *spec.texts, *extra, cohort, rank.label("rank"))
        .select_from(candidates)
        .join(model, model.id == candidates.c.doc_id)
    )
    for target, on in joins:
        q = q.outerjoin(target, on)
    q = q.where(model.deleted_at.is_(None), *spec.live, *checks).order_by(rank, model.id.desc()).limit(limit)
    return [_hit(spec, row, words, shown) for row in s.execute(q)]


def _shape(spec: _Spec):
    """(cohort column, extra columns, outer joins) of a kind's result rows."""
    if spec.model is Member:
        latest = (
            select(func.max(Enrollment.cohort_id))
            .where(Enrollment.member_id == Member.id, Enrollment.deleted_at.is_(None))
            .correlate(Member)
            .scalar_subquery()
        )
        return latest.label("cohort_id"), (Member.phone,), ()
    if spec.model is Finding:
        return (
            Inspection.cohort_id.label("cohort_id"),
            (),
            ((Inspection, and_(Inspection.id == Finding.inspection_id, Inspection.deleted_at.is_(None))),),
        )
    if spec.model is Facility:
        return literal(None).label("cohort_id"), (), ()
    if spec.model is Feedback:
        return Feedback.cohort_id.label("cohort_id"), (Feedback.kind, Feedback.received_on), ()
    return Proposal.cohort_id.label("cohort_id"), (), ()


def _hit(spec: _Spec, row, words: list[str], shown=None) -> SearchHit:
    """`shown`: masking.text_masker of the search (members' names in findings', proposals' and
    notes' texts masked, before the snippet is cut from them, so no name is half-quoted)."""
    n = len(spec.texts)
    doc_id, texts, extra, cohort_id = row[0], list(row[1 : 1 + n]), row[1 + n : -2], row[-2]
    if shown is not None and spec.model in (Finding, Proposal, Feedback):
        texts = [shown(t) for t in texts]
    found = next((t for t in texts[1:] if t and any(w in t.lower() for w in words)), None)
    if spec.model is Member:
        district, last4 = texts[1] or "거주지 미기재", "".join(ch for ch in extra[0] if ch.isdigit())[-4:]
        return SearchHit(spec.kind, doc_id, texts[0], f"{district} · 전화 끝자리 {last4}", cohort_id)
    if spec.model is Facility:
        return SearchHit(spec.kind, doc_id, texts[0], texts[1] or "", cohort_id)
    if spec.model is Feedback:
        kind, received = extra
        return SearchHit(
            spec.kind, doc_id, f"{kind.label} · {received:%Y-%m-%d}", snippet(texts[0], words), cohort_id
        )
    body = found or next((t for t in texts[1:] if t), "")
    label = "위치: " if spec.model is Finding and body and body == texts[2] else ""
    return SearchHit(spec.kind, doc_id, texts[0], label + snippet(body, words), cohort_id)
