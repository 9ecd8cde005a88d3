"""Reads one cohort's period from the database into `ReportData` (a handful of set queries).

Scope: inspections by scheduled date, findings of the cohort's inspections by observed date,
proposals by submission date, events by event date; a facility filter narrows inspections,
findings and proposals (a proposal stays when it answers a finding of a chosen facility).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections import defaultdict

from sqlalchemy import select

from panelapp.db.models import (
    Attachment,
    ChecklistItem,
    ChecklistResponse,
    ChecklistSection,
    Cohort,
    Department,
    Facility,
    FacilityType,
    Finding,
    Inspection,
    Organization,
    Proposal,
    proposal_findings,
)
from panelapp.domain.enums import InspectionStatus, ProposalStatus, VerificationOutcome
from panelapp.domain.errors import NotFoundError, ValidationError
from panelapp.domain.formatting import shown_points
from panelapp.domain.localtime import KST
from panelapp.domain.proposal_progress import ProgressFigures, figures_of
from panelapp.domain.report_data import (
    NO_FEEDBACK,
    FacilitySection,
    FindingRow,
    Photo,
    ProposalRow,
    ReportData,
    ReportOptions,
    SectionScore,
)
from panelapp.domain.validation import normalize_text
from panelapp.services import masking
from panelapp.services.attachments.store import attachment_path
from panelapp.services.context import ServiceContext, reading
from panelapp.services.org.manage import is_named, named_organization
from panelapp.services.proposals.milestones import progress_by_proposal
from panelapp.services.reporting import figures as fig
from panelapp.services.reporting.appendix import load_appendix
from panelapp.services.reporting.evidence import after_photos, before_photos
from panelapp.services.reporting.feedback import load_feedback
from panelapp.services.reporting.sla import sla_in
from panelapp.services.reporting.summary import summarize
from panelapp.services.results.verifications import check_text, latest_checks

STEPS = 7
EVIDENCE_PHOTOS = 2  # before and after photos of a done proposal in the report, each side at most


def check_options(options: ReportOptions) -> str | None:
    """Refuses what cannot be reported; returns the cleaned purpose of an unmasked report."""
    if options.date_from and options.date_to and options.date_from > options.date_to:
        raise ValidationError("기간", "시작일이 종료일보다 늦습니다.")
    if options.photos and not 1 <= options.max_photos_per_finding <= 6:
        raise ValidationError("사진 수", "발견사항마다 사진은 1~6장까지 넣을 수 있습니다.")
    if options.facility_ids is not None and not options.facility_ids:
        raise ValidationError("시설", "보고서에 넣을 시설을 하나 이상 골라 주세요.")
    if options.mask_personal:
        return None
    return normalize_text(options.purpose, "개인정보 표시 목적", 200, required=True)


def build(ctx: ServiceContext, options: ReportOptions, token=None) -> ReportData:
    check_options(options)
    step = _stepper(token)
    with reading(ctx) as s:
        cohort = s.get(Cohort, options.cohort_id)
        if cohort is None or cohort.deleted_at is not None:
            raise NotFoundError("기수")
        org = s.get(Organization, cohort.organization_id) if cohort.organization_id else None
        if not is_named(org):  # the cover and every page header name the institution
            org = named_organization(s, "개선 보고서")
        start, end = options.date_from or cohort.term_start, options.date_to or cohort.term_end
        today = options.report_date or dt.datetime.now(KST).date()
        masked = options.mask_personal or masking.personal_masked(ctx)  # the one masking rule
        name = functools.partial(masking.name, masked=masked)
        wanted = set(options.facility_ids) if options.facility_ids is not None else None

        step("점검 결과를 모으는 중…")
        inspections = s.execute(
            select(Inspection.id, Inspection.facility_id, Inspection.scheduled_date, Inspection.status)
            .where(
                Inspection.cohort_id == cohort.id,
                Inspection.deleted_at.is_(None),
                Inspection.scheduled_date.between(start, end),
            )
            .order_by(Inspection.scheduled_date, Inspection.id)
        ).all()
        inspections = [r for r in inspections if wanted is None or r.facility_id in wanted]
        completed = [r for r in inspections if r.status == InspectionStatus.COMPLETED]
        scores = _scores(s, cohort.id, start, end, {r.id: r.facility_id for r in completed})

        step("발견사항을 모으는 중…")
        findings = _findings(s, ctx.db, cohort, start, end, wanted, options)

        step("개선제안을 모으는 중…")
        proposals = _proposals(s, cohort.id, start, end, wanted, findings, today, name)
        proposals = _with_evidence(s, ctx.db, cohort.id, start, end, proposals, options)
        findings, proposals = _texts_masked(masking.text_masker(s, masked), findings, proposals)
        step("시설별 내용을 정리하는 중…")
        facilities = _facility_sections(s, completed, scores, findings, proposals)

        step("좋아요·아쉬워요를 모으는 중…")
        feedback = NO_FEEDBACK
        if "feedback" in options.sections:
            feedback = load_feedback(s, cohort.id, start, end, wanted)
            if masked:
                shown = masking.text_masker(s, masked)
                feedback = dataclasses.replace(
                    feedback,
                    proposals=tuple(masking.texts_masked(p, shown, "title") for p in feedback.proposals),
                )

        step("활동과 출석을 모으는 중…")
        events, participation = load_appendix(
            s, cohort.id, start, end, today, name, masking.text_masker(s, masked)
        )
        facility_filter = None
        if wanted is not None:
            facility_filter = tuple(
                s.scalars(select(Facility.name).where(Facility.id.in_(wanted)).order_by(Facility.name))
            )
        step("요약을 계산하는 중…")
        departments = ()
        if "proposals" in options.sections:  # 부서별 답변 처리 heads the list of proposals
            departments = sla_in(s, cohort.id, today, start, end, options.facility_ids)
        summary = summarize(
            inspections, completed, findings, proposals, events, participation, start, end, today
        )
        return ReportData(
            organization=org.name,
            logo_png=org.logo_png,
            cohort_name=cohort.name,
            date_from=start,
            date_to=end,
            generated_on=today,
            prepared_by=ctx.user_name,
            masked=masked,
            sections=frozenset(options.sections),
            photos=options.photos,
            summary=summary,
            facilities=facilities,
            proposals=tuple(proposals),
            events=events,
            participation=participation,
            facility_filter=facility_filter,
            signoff=tuple(org.signoff_titles or ()),
            feedback=feedback,
            departments=departments,
            progress=report_progress(cohort.name, proposals),
            next_year_plan=_next_year_plan(s, cohort, org.name, today, masked),
        )


def report_progress(cohort_name: str, proposals: list[ProposalRow]) -> ProgressFigures | None:
    """추진 현황 of the report's proposals: adopted, 완료 and mean 진행률 (None when none adopted)."""
    figures = figures_of(cohort_name, [(p.status, p.progress) for p in proposals])
    return figures if figures.accepted else None


def _texts_masked(shown, findings, proposals):
    """Members' names in the findings' and proposals' texts and photo captions, masked when the
    report is (masking.text_masker; the texts as they are otherwise)."""

    def photos(items):
        return tuple(masking.texts_masked(p, shown, "caption") for p in items)

    return (
        [
            dataclasses.replace(
                masking.texts_masked(f, shown, "title", "location", "description"), photos=photos(f.photos)
            )
            for f in findings
        ],
        [
            dataclasses.replace(
                masking.texts_masked(
                    p, shown, "title", "proposal", "answer", "decline_reason", "result_text"
                ),
                before_photos=photos(p.before_photos),
                after_photos=photos(p.after_photos),
            )
            for p in proposals
        ],
    )


def _next_year_plan(s, cohort, organization: str, today, masked: bool):
    """The cohort's 차년도 업무계획 for the report's closing section (members' names in titles and
    notes masked when the report is); None when nothing is carried."""
    from panelapp.domain.next_year_plan import PlanData
    from panelapp.services.proposals.next_year import cohort_label, plan_rows_in

    rows = plan_rows_in(s, cohort.id, today)
    if not rows:
        return None
    shown = masking.text_masker(s, masked)
    rows = tuple(masking.texts_masked(r, shown, "title", "note") for r in rows)
    return PlanData(organization, cohort_label(cohort), cohort.number, today, rows)


def _stepper(token):
    state = {"done": 0}

    def step(text: str) -> None:
        if token is not None:
            token.check()
            token.progress(state["done"], STEPS, text)
        state["done"] += 1

    return step


def _scores(s, cohort_id, start, end, facility_of: dict[int, int]) -> dict[int, dict]:
    """facility id → {(position, section title): [Answer]} pooled over its completed visits."""
    out: dict[int, dict] = defaultdict(lambda: defaultdict(list))
    rows = s.execute(
        select(
            ChecklistResponse.inspection_id,
            ChecklistSection.position,
            ChecklistSection.title,
            ChecklistItem.kind,
            ChecklistResponse.value,
        )
        .join(Inspection, Inspection.id == ChecklistResponse.inspection_id)
        .join(ChecklistItem, ChecklistItem.id == ChecklistResponse.item_id)
        .join(ChecklistSection, ChecklistSection.id == ChecklistItem.section_id)
        .where(
            Inspection.cohort_id == cohort_id,
            Inspection.deleted_at.is_(None),
            Inspection.status == InspectionStatus.COMPLETED,
            Inspection.scheduled_date.between(start, end),
        )
    )
    for insp_id, position, title, kind, value in rows:
        facility = facility_of.get(insp_id)
        if facility is not None:
            out[facility][(position, title)].append(fig.Answer(kind, value))
    return out


def _findings(s, db, cohort, start, end, wanted, options) -> list[FindingRow]:
    stmt = (
        select(Finding)
        .join(Inspection, Inspection.id == Finding.inspection_id)
        .where(
            Finding.deleted_at.is_(None),
            Finding.observed_on.between(start, end),
            Inspection.cohort_id == cohort.id,
            Inspection.deleted_at.is_(None),
        )
        .order_by(Finding.observed_on, Finding.id)
    )
    if wanted is not None:
        stmt = stmt.where(Finding.facility_id.in_(wanted))
    rows = s.scalars(stmt).all()
    photos: dict[int, list[Attachment]] = defaultdict(list)
    ids = [f.id for f in rows]
    for chunk in range(0, len(ids), 500):
        for a in s.scalars(
            select(Attachment)
            .where(
                Attachment.owner_type == "finding",
                Attachment.owner_id.in_(ids[chunk : chunk + 500]),
                Attachment.deleted_at.is_(None),
                Attachment.mime.like("image/%"),
            )
            .order_by(Attachment.id)
        ):
            photos[a.owner_id].append(a)
    links = _finding_links(s, ids)
    out = []
    for f in rows:
        chosen = photos[f.id][: options.max_photos_per_finding] if options.photos else []
        out.append(
            FindingRow(
                f.id,
                f.facility_id,
                f.observed_on,
                f.title,
                f.category.label,
                f.severity,
                f.location,
                f.description,
                tuple(
                    Photo(str(attachment_path(db, a.sha256)), a.caption, a.width, a.height) for a in chosen
                ),
                len(photos[f.id]),
                tuple(sorted(links.get(f.id, ()))),
            )
        )
    return out


def _finding_links(s, finding_ids: list[int]) -> dict[int, set[int]]:
    """finding id → ids of the (not deleted) proposals it supports."""
    out: dict[int, set[int]] = defaultdict(set)
    for chunk in range(0, len(finding_ids), 500):
        for p_id, f_id in s.execute(
            select(proposal_findings.c.proposal_id, proposal_findings.c.finding_id)
            .join(Proposal, Proposal.id == proposal_findings.c.proposal_id)
            .where(
                proposal_findings.c.finding_id.in_(finding_ids[chunk : chunk + 500]),
                Proposal.deleted_at.is_(None),
                Proposal.duplicate_of_id.is_(None),
            )
        ):
            out[f_id].add(p_id)
    return out


def _proposals(s, cohort_id, start, end, wanted, findings, today, name) -> list[ProposalRow]:
    from panelapp.db.models import Enrollment, Member

    rows = s.execute(
        select(Proposal, Facility.name, Department.name, Member.name, masking.withdrew_consent())
        .outerjoin(Facility, Facility.id == Proposal.facility_id)
        .outerjoin(Department, Department.id == Proposal.department_id)
        .outerjoin(Enrollment, Enrollment.id == Proposal.proposer_enrollment_id)
        .outerjoin(Member, Member.id == Enrollment.member_id)
        .where(
            Proposal.cohort_id == cohort_id,
            Proposal.deleted_at.is_(None),
            Proposal.duplicate_of_id.is_(None),  # a duplicate leaves the report (duplicate_marks.py)
            Proposal.submitted_on.between(start, end),
        )
        .order_by(Proposal.submitted_on, Proposal.id)
    ).all()
    linked: dict[int, set[int]] = defaultdict(set)
    ids = [p.id for p, *_ in rows]
    for chunk in range(0, len(ids), 500):
        for p_id, f_id in s.execute(
            select(proposal_findings.c.proposal_id, proposal_findings.c.finding_id)
            .join(Finding, Finding.id == proposal_findings.c.finding_id)
            .where(
                proposal_findings.c.proposal_id.in_(ids[chunk : chunk + 500]), Finding.deleted_at.is_(None)
            )
        ):
            linked[p_id].add(f_id)
    in_scope = {f.id for f in findings}
    progress = progress_by_proposal(s, today, Proposal.cohort_id == cohort_id)  # one grouped query
    checks = latest_checks(s, cohort_id, until=end)  # a visit up to the period's end counts
    confirmed = {
        pid: day for pid, (outcome, day) in checks.items() if outcome is VerificationOutcome.CONFIRMED
    }
    out = []
    for p, facility, department, proposer, withdrew in rows:
        if wanted is not None and p.facility_id not in wanted and not (linked[p.id] & in_scope):
            continue
        latest = checks.get(p.id)
        out.append(
            ProposalRow(
                p.id,
                p.facility_id,
                facility,
                p.title,
                p.proposal,
                department,
                masking.name(proposer) if withdrew else name(proposer),  # 동의 철회: masked
                p.status,
                p.submitted_on,
                p.due_on,
                p.answered_on,
                p.answer,
                p.decline_reason,
                p.completed_on,
                fig.days_to_answer(p.submitted_on, p.answered_on),
                fig.is_overdue(p.status, p.due_on, today),
                tuple(sorted(linked[p.id])),
                # 완료 내용 of a done proposal only: one a 미흡 reopened is not done, whatever it said
                result_text=p.result_text if p.status == ProposalStatus.DONE else None,
                verified_on=confirmed.get(p.id) if p.status == ProposalStatus.DONE else None,
                check=check_text(p.status, latest),
                reopened=p.status != ProposalStatus.DONE
                and latest is not None
                and latest[0] is VerificationOutcome.INSUFFICIENT,
                progress=progress.get(p.id),
            )
        )
    return out


def _with_evidence(s, db, cohort_id, start, end, proposals: list[ProposalRow], options) -> list[ProposalRow]:
    """Done proposals with their 완료 내용 and a few photos before (their findings') and after."""
    if not any(p.status == ProposalStatus.DONE for p in proposals):
        return proposals
    limit = min(EVIDENCE_PHOTOS, options.max_photos_per_finding)
    before = before_photos(s, db, cohort_id, start, end, limit)
    after = after_photos(s, db, cohort_id, start, end, limit)
    keep = options.photos
    out = []
    for p in proposals:
        if p.status != ProposalStatus.DONE:
            out.append(p)
            continue
        shots_before, n_before = before.get(p.id, ([], 0))
        shots_after, n_after = after.get(p.id, ([], 0))
        out.append(
            dataclasses.replace(
                p,
                before_photos=tuple(shots_before) if keep else (),
                after_photos=tuple(shots_after) if keep else (),
                before_photo_count=n_before,
                after_photo_count=n_after,
            )
        )
    return out


def _facility_sections(s, completed, scores, findings, proposals) -> tuple[FacilitySection, ...]:
    ids = (
        {r.facility_id for r in completed}
        | {f.facility_id for f in findings}
        | {p.facility_id for p in proposals if p.facility_id is not None}
    )
    if not ids:
        return ()
    visits: dict[int, list[dt.date]] = defaultdict(list)
    for r in completed:
        visits[r.facility_id].append(r.scheduled_date)
    by_facility: dict[int, list[FindingRow]] = defaultdict(list)
    facility_of_finding = {}
    for f in findings:
        by_facility[f.facility_id].append(f)
        facility_of_finding[f.id] = f.facility_id
    props: dict[int, list[ProposalRow]] = defaultdict(list)
    for p in proposals:
        places = {p.facility_id} if p.facility_id is not None else set()
        places |= {facility_of_finding[f] for f in p.finding_ids if f in facility_of_finding}
        for place in places:
            props[place].append(p)
    rows = s.execute(
        select(Facility.id, Facility.name, FacilityType.name, Facility.address, Department.name)
        .outerjoin(FacilityType, FacilityType.id == Facility.facility_type_id)
        .outerjoin(Department, Department.id == Facility.department_id)
        .where(Facility.id.in_(ids))
        .order_by(Facility.name, Facility.id)
    ).all()
    out = []
    for f_id, f_name, type_name, address, department in rows:
        sections = [
            (title, fig.section_score(answers))
            for (_pos, title), answers in sorted(scores.get(f_id, {}).items())
        ]
        overall = fig.overall_score(sc for _t, sc in sections)
        out.append(
            FacilitySection(
                f_id,
                f_name,
                type_name,
                address,
                department,
                tuple(visits[f_id]),
                tuple(SectionScore(title, sc.answered, _round(sc.points)) for title, sc in sections),
                _round(overall.points),
                tuple(by_facility[f_id]),
                tuple(props[f_id]),
            )
        )
    return tuple(out)


def _round(points: float | None) -> float | None:
    return shown_points(points)  # the one rounding rule (domain/formatting.py)


def build_report_data(ctx, options: ReportOptions, token=None) -> ReportData:
    """Read everything the report shows (one read transaction). `token` (progress/check) may
    stop it early. An unmasked report needs a purpose; writing it logs the access
    (panelapp/services/reporting/files.py), as reading alone discloses nothing."""
    return build(ctx, options, token)
