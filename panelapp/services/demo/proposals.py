"""Demo builder: cohort 7's proposals in every status, citizen feedback and news-team posts.

Proposals follow the workflow with dated history: reviewed a day or two after 접수, answered
in a day by some departments and in two or three weeks by others, a few still waiting past
their due date (overdue). If the findings builder ran first, proposals link the findings of
their facility; without findings they stand alone. Deterministic for a given anchor: the dates
of the material move with the demo's calendar (calendar.py), the random generator is seeded.
Nothing is dated after the calendar's `now`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from panelapp.db.models import (
    ContentPost,
    Feedback,
    Finding,
    Inspection,
    Proposal,
    ProposalEvent,
    ProposalMilestone,
    User,
    proposal_findings,
)
from panelapp.domain.enums import ContentChannel, FeedbackKind, FeedbackSource
from panelapp.domain.enums import ProposalStatus as PS
from panelapp.domain.localtime import KST
from panelapp.services.activities.event_rules import in_period
from panelapp.services.demo import data as demo_data
from panelapp.services.demo import proposal_data as data
from panelapp.services.demo.calendar import working_day
from panelapp.services.org.deadlines import due_for_findings

YEAR = 2026  # of the material's season
PLAN_DAYS = dt.timedelta(days=45)  # a demo answer's 완료 예정일


def _at(d, day: dt.date, after: dt.datetime | None = None) -> dt.datetime:
    """Office hours on `day`, later than `after` (a same-day step follows the one before it)."""
    local = dt.datetime.combine(
        day, dt.time(d.rnd.randint(9, 17), d.rnd.choice((0, 10, 20, 30, 40, 50))), KST
    )
    if after is not None and local <= after:
        local = after + dt.timedelta(minutes=d.rnd.choice((20, 40, 60, 90)))
    return local.astimezone(dt.UTC)


def _decision(answer: str) -> PS:
    return PS.PARTIAL if any(w in answer for w in ("우선", "먼저", "부분", "되,", "2곳")) else PS.ACCEPTED


def _path(spec) -> list[tuple[PS, int]]:
    """(status, days after 접수) of each step after 접수."""
    final, answer_days, done_days, answer = PS(spec[5]), spec[7], spec[8], spec[9]
    if final == PS.SUBMITTED:
        return []
    if final == PS.REVIEWING:
        return [(PS.REVIEWING, 2)]
    decision = final if final in (PS.ACCEPTED, PS.PARTIAL, PS.DECLINED) else _decision(answer)
    steps = [(PS.REVIEWING, min(1, answer_days - 1) if answer_days > 1 else 0), (decision, answer_days)]
    if final in (PS.IN_PROGRESS, PS.DONE):
        steps.append((PS.IN_PROGRESS, answer_days + (1 if final == PS.DONE else 3)))
    if final == PS.DONE:
        steps.append((PS.DONE, done_days))
    return steps


def _findings_by_facility(d) -> dict[int, list[Finding]]:
    rows = d.s.scalars(
        select(Finding)
        .join(Inspection, Inspection.id == Finding.inspection_id)
        .where(Inspection.cohort_id == d.cohorts[7].id, Finding.deleted_at.is_(None))
        .order_by(Finding.observed_on, Finding.id)
    )
    found: dict[int, list[Finding]] = {}
    for f in rows:
        found.setdefault(f.facility_id, []).append(f)
    return found


def _proposals(d) -> list[Proposal]:
    # The demo's coordinator records what comes in; either demo user records later steps.
    users = list(
        d.s.scalars(select(User.id).where(User.name.in_([n for n, _r in demo_data.USERS])).order_by(User.id))
    )
    facilities = {f.name: f for f in d.facilities}
    findings = _findings_by_facility(d)
    policy = [e for e in d.enrollments[7] if e.team.name == "정책동행단"]
    made = []
    planned = 0  # adopted proposals not done so far
    for i, spec in enumerate(data.PROPOSALS):
        place, title, problem, proposal, effect = spec[:5]
        submitted = min(working_day(d.cal.on(YEAR, *spec[6])), d.cal.now)
        facility = facilities.get(place)
        dept = facility.department_id if facility else d.departments["경영지원부"].id
        seen: list[Finding] = []
        if facility is not None:
            window = submitted - dt.timedelta(days=45)  # the visits this proposal followed
            seen = [f for f in findings.get(facility.id, []) if window <= f.observed_on <= submitted][-1:]
        p = Proposal(
            cohort_id=d.cohorts[7].id,
            facility_id=facility.id if facility else None,
            department_id=dept,
            title=title,
            problem=problem,
            proposal=proposal,
            expected_effect=effect,
            status=PS.SUBMITTED,
            submitted_on=submitted,
            # the institution's 답변 기한 by its findings, in working days, as a new proposal's
            due_on=due_for_findings(d.s, submitted, [f.id for f in seen]),
            proposer_enrollment_id=None if facility else policy[(i * 5) % len(policy)].id,
        )
        d.s.add(p)
        d.s.flush()
        last = _at(d, submitted)
        d.s.add(
            ProposalEvent(
                proposal_id=p.id, at=last, user_id=users[0], to_status=PS.SUBMITTED, note="제안 접수"
            )
        )
        for status, after in _path(spec):
            day = min(submitted + dt.timedelta(days=after), d.cal.now)
            note = {
                PS.REVIEWING: "담당부서에 전달",
                PS.IN_PROGRESS: "부서 조치 착수",
                PS.DONE: "조치 완료 확인(현장 사진 첨부)",
            }.get(status)
            if status in (PS.ACCEPTED, PS.PARTIAL, PS.DECLINED):
                p.answer, p.answered_on = spec[9], day
                p.decline_reason = spec[10] if status == PS.DECLINED else None
                note = f"불채택 사유: {spec[10]}" if status == PS.DECLINED else f"부서 답변: {spec[9]}"
                if status != PS.DECLINED:  # the desk's plan and the date it expects to finish
                    p.plan_text, p.expected_on = f"{proposal}: 예산 확인 후 추진", day + PLAN_DAYS
                    note += f"\n추진 계획: {p.plan_text}\n완료 예정일: {p.expected_on:%Y-%m-%d}"
            if status == PS.DONE:
                p.completed_on = day
                p.result_text = f"조치 완료: {proposal}. 참여단이 현장에서 확인했습니다."
            last = _at(d, day, last)
            d.s.add(
                ProposalEvent(
                    proposal_id=p.id,
                    at=last,
                    user_id=d.rnd.choice(users),
                    from_status=p.status,
                    to_status=status,
                    note=note,
                )
            )
            p.status = status
        step = last + dt.timedelta(days=2)
        if p.status == PS.IN_PROGRESS and step.astimezone(KST).date() <= d.cal.now:
            d.s.add(_progress(p, step, users[0]))
        if p.status in (PS.ACCEPTED, PS.PARTIAL, PS.IN_PROGRESS):
            planned += 1
            if planned % 3 != 0:  # two in three adopted proposals have 추진 단계
                _milestones(d, p, last, users, late=planned == 1, spread=planned)
        if facility is not None:
            if seen:
                d.s.execute(
                    proposal_findings.insert(), [{"proposal_id": p.id, "finding_id": f.id} for f in seen]
                )
            if p.status == PS.DONE:
                _after_photos(d, p, place, seen[0].category.value if seen else "other", i)
        made.append(p)
    return made


MILESTONE_STEPS = (("현장 조사·견적", 7), ("예산 확보·업체 선정", 18), ("시공·설치", 40))


def _milestones(d, p: Proposal, answered_at: dt.datetime, users: list[int], late: bool, spread: int) -> None:
    """추진 단계 of an adopted proposal, each added in the history just after the answer: the
    steps whose 예정일 has come are done on it, except (`late`) the second of the first such
    proposal, left past its 예정일 so that the demo shows an overdue step; the last step is
    still to come (a few weeks after the demo's today)."""
    from panelapp.domain.proposal_progress import MILESTONE_ADDED, MILESTONE_DONE

    assert p.answered_on is not None
    at = answered_at
    for n, (title, days) in enumerate(MILESTONE_STEPS, 1):
        planned_on = p.answered_on + dt.timedelta(days=days)
        if n == len(MILESTONE_STEPS):
            planned_on = max(planned_on, d.cal.now + dt.timedelta(days=7 + 5 * (spread % 4)))
        if late and n == 2:  # a few days overdue, as a coordinator would notice it
            planned_on = d.cal.now - dt.timedelta(days=5)
        at = at + dt.timedelta(minutes=5)
        d.s.add(
            ProposalMilestone(
                proposal_id=p.id, position=n, title=title, planned_on=planned_on, weight=2 if n == 3 else 1
            )
        )
        weight = ", 가중치 2" if n == 3 else ""
        d.s.add(
            ProposalEvent(
                proposal_id=p.id,
                at=at,
                user_id=users[0],
                from_status=p.status,
                to_status=p.status,
                note=f"{n}. {title} (예정 {planned_on:%Y-%m-%d}{weight})",
                kind=MILESTONE_ADDED,
            )
        )
    d.s.flush()
    steps = d.s.scalars(
        select(ProposalMilestone)
        .where(ProposalMilestone.proposal_id == p.id)
        .order_by(ProposalMilestone.position)
    )
    for m in steps:
        if m.planned_on >= d.cal.now or (late and m.position == 2):
            break
        m.done_on = m.planned_on
        d.s.add(
            ProposalEvent(
                proposal_id=p.id,
                at=max(_at(d, m.planned_on), at + dt.timedelta(minutes=5)),
                user_id=users[0],
                from_status=p.status,
                to_status=p.status,
                note=f"{m.position}. {m.title} (완료 {m.planned_on:%Y-%m-%d})",
                kind=MILESTONE_DONE,
            )
        )


def _progress(p: Proposal, at: dt.datetime, user_id: int) -> ProposalEvent:
    """A 진행 상황 update two days into the work (no status change)."""
    return ProposalEvent(
        proposal_id=p.id,
        at=at,
        user_id=user_id,
        from_status=p.status,
        to_status=p.status,
        note="자재 발주를 마치고 시공 일정을 정했습니다.",
        happened_on=at.astimezone(KST).date(),
        progress=40,
    )


def _after_photos(d, p: Proposal, place: str, category: str, n: int) -> None:
    """A done proposal's 완료 처리 photos: the place after the repair (one or two)."""
    from panelapp.db.engine import Database
    from panelapp.services.attachments.photos import attach_bytes
    from panelapp.services.attachments.store import attachments_root
    from panelapp.services.demo.photos import photo_bytes

    bind = d.s.get_bind()
    root = attachments_root(Database(bind, None, bind.url))  # only the location is needed here
    for k in range(1 + n % 2):
        data = photo_bytes(
            category,
            f"{place} · 개선 후",
            f"{p.completed_on:%Y-%m-%d} 완료 확인",
            seed=500 + n * 10 + k,
            fixed=True,
        )
        name = f"IMG_{p.completed_on:%Y%m%d}_after{n:02d}{k}.jpg"
        attach_bytes(d.s, root, "proposal_after", p.id, data, name, caption="개선 후" if k == 0 else None)


def _feedback(d, proposals: list[Proposal]) -> None:
    sources = list(FeedbackSource)
    # Complaints that led to a proposal: received a few days before it, answered when it was made.
    for i, p in enumerate(q for q in proposals if q.facility_id is not None):
        if i % 2:
            continue
        received = p.submitted_on - dt.timedelta(days=d.rnd.randint(2, 10))
        d.s.add(
            Feedback(
                cohort_id=p.cohort_id,
                facility_id=p.facility_id,
                kind=FeedbackKind.DISLIKE,
                source=sources[(i // 2) % 4],
                received_on=received,
                text=p.problem,
                handled=True,
                answer="개선제안으로 올려 담당부서가 검토하고 있습니다.",
                answered_on=p.submitted_on,
                proposal_id=p.id,
            )
        )
    for i in range(24):
        kind = FeedbackKind.LIKE if i % 5 in (0, 2) else FeedbackKind.DISLIKE
        received = d.cal.on(YEAR, 3, 20) + dt.timedelta(days=10 * i + d.rnd.randint(0, 3))
        facility = d.facilities[(i * 3) % len(d.facilities)]
        texts = data.LIKES if kind == FeedbackKind.LIKE else data.DISLIKES
        f = Feedback(
            cohort_id=d.cohorts[7].id,
            facility_id=facility.id,
            kind=kind,
            source=sources[i % 4],
            received_on=received,
            text=texts[i % len(texts)],
            handled=False,
        )
        if received < d.cal.on(YEAR, 11, 1) and d.rnd.random() < 0.7:
            answers = data.LIKE_ANSWERS if kind == FeedbackKind.LIKE else data.DISLIKE_ANSWERS
            f.handled, f.answer = True, d.rnd.choice(answers)
            f.answered_on = min(received + dt.timedelta(days=d.rnd.randint(0, 10)), d.cal.now)
        d.s.add(f)


def _posts(d) -> None:
    news = [e for e in d.enrollments[7] if e.team.name == "소식이음단"]
    for i in range(18):
        day = d.cal.on(YEAR, 4, 10) + dt.timedelta(days=12 * i + d.rnd.randint(0, 4))
        authors = [e for e in news if in_period(e, day)]
        author = authors[(i * 7) % len(authors)]
        pattern, channel = data.POSTS[i % len(data.POSTS)]
        facility = d.facilities[(i * 5 + 1) % len(d.facilities)]
        url = data.CHANNEL_URLS[channel]
        d.s.add(
            ContentPost(
                enrollment_id=author.id,
                channel=ContentChannel(channel),
                title=pattern.format(facility=facility.name),
                url=url.format(n=1000 + i) if url else None,
                published_on=day,
                views=d.rnd.randint(40, 2500),
                facility_id=facility.id,
                hours=2.0 if channel == "youtube" else 1.0,
            )
        )


def build_proposals(d) -> None:
    """`d` is demo._Demo; runs after the inspections (and the findings, when present)."""
    proposals = _proposals(d)
    d.s.flush()
    _feedback(d, proposals)
    _posts(d)
