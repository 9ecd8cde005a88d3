"""One masking rule for every output (issue 12 item 7): a walk of every output path of the app.

OUTPUTS is the registry of every place the program hands people's data out: list rows, choices,
details, search, the trash, exports (.xlsx/.csv), the .ics file, certificates, field sheets, the
sign-in sheet and the reports (PDF, xlsx, HWPX, DOCX). Each case calls the service as a given
account (the way the window or the command line does, documents rendered and read back) and
returns what came out. As every masked role (점검 조장, 부서 담당자, 열람자) no demo member's full
name or phone may appear in any of them (a refusal, PermissionDenied, leaks nothing either); as
담당자 the outputs that are masked by default (files, prints) are masked too, and each one with a
purpose shows the names and writes an access-log entry with that purpose.

The registry cannot quietly fall behind: `test_every_people_reading_service_is_walked` finds
every public service function that reads members' names or phones, or logs an output of personal
data (services/audit/log.record, record_access, exporting.export_list), directly or through a
private helper of its module, and fails when one is neither in OUTPUTS nor in NOT_OUTPUTS with
its reason.
"""

from __future__ import annotations

import ast
import importlib
import io
import pkgutil
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import DEMO_ANCHOR, TEST_PASSWORD
from sqlalchemy import select

import panelapp.services
from panelapp.db.models import AccessLog, ActivityEvent, Enrollment, Inspection, Member, Proposal
from panelapp.domain.enums import EnrollmentStatus
from panelapp.domain.inspection_info import InspectionDraft
from panelapp.domain.report_data import ReportOptions
from panelapp.domain.validation import format_phone
from panelapp.services.context import ServiceContext, reading
from panelapp.services.people.accounts import authenticate
from panelapp.services.permissions import PermissionDenied

MASKED_ROLES = ("조장", "부서담당", "열람자")
PURPOSE = "행사 출석 확인(테스트)"


# ----- the world the walk reads ---------------------------------------------------------------
@dataclass(frozen=True)
class World:
    cohort: int
    number: int
    cohort_name: str
    enrollment: int  # an active member of the cohort
    event: int  # an activity event of the cohort
    inspection: int  # a visit with a checklist
    proposal: int  # a proposal with a proposer
    names: frozenset[str]  # every live demo member's full name (3 letters or more)
    phones: frozenset[str]  # ...and phone, as stored, as shown and as digits


def as_account(ctx: ServiceContext, name: str) -> ServiceContext:
    other = ServiceContext(db=ctx.db)
    authenticate(other, name, TEST_PASSWORD)
    return other


def make_world(ctx: ServiceContext) -> World:
    from panelapp.services.cohorts.manage import list_cohorts

    cohort = max(list_cohorts(ctx), key=lambda c: c.number)
    with reading(ctx) as s:
        people = s.execute(
            select(Member.name, Member.phone).where(
                Member.deleted_at.is_(None), Member.destroyed_at.is_(None)
            )
        ).all()
        enrollment = s.scalar(
            select(Enrollment.id)
            .where(
                Enrollment.cohort_id == cohort.id,
                Enrollment.deleted_at.is_(None),
                Enrollment.status == EnrollmentStatus.ACTIVE,
            )
            .order_by(Enrollment.id)
            .limit(1)
        )
        event = s.scalar(
            select(ActivityEvent.id)
            .where(ActivityEvent.cohort_id == cohort.id, ActivityEvent.deleted_at.is_(None))
            .order_by(ActivityEvent.event_date.desc())
            .limit(1)
        )
        inspection = s.scalar(
            select(Inspection.id)
            .where(
                Inspection.cohort_id == cohort.id,
                Inspection.deleted_at.is_(None),
                Inspection.template_version_id.is_not(None),
            )
            .order_by(Inspection.id)
            .limit(1)
        )
        proposal = s.scalar(
            select(Proposal.id)
            .where(Proposal.cohort_id == cohort.id, Proposal.proposer_enrollment_id.is_not(None))
            .order_by(Proposal.id)
            .limit(1)
        )
    assert enrollment and event and inspection and proposal
    phones = set()
    for _name, phone in people:
        shown = format_phone(phone)
        phones |= {phone, shown, shown.replace("-", "")}
    return World(
        cohort.id,
        cohort.number,
        cohort.name,
        enrollment,
        event,
        inspection,
        proposal,
        frozenset(n for n, _p in people if len(n) >= 3),
        frozenset(phones),
    )


# ----- members named in free text ---------------------------------------------------------------
# The texts people type may name a member ("김영희 단원이 제안했습니다"): every such text gets two
# members' names before the walk, so an output that quotes a text as it is stored leaks them.
FREE_TEXTS = {
    "Finding": ("title", "location", "description"),
    "Proposal": (
        "title",
        "problem",
        "proposal",
        "expected_effect",
        "answer",
        "decline_reason",
        "result_text",
        "plan_text",
    ),
    "ProposalEvent": ("note",),
    "ProposalVerification": ("note",),
    "Inspection": ("notes", "status_reason"),
    "ChecklistResponse": ("text", "note"),
    "Feedback": ("text", "answer"),
    "ContentPost": ("title",),
    "Attachment": ("caption",),
    "ProposalMilestone": ("title",),
    "PlanItem": ("note",),
    "ActivityEvent": ("title", "notes"),
    "Attendance": ("note",),
    "Facility": ("notes",),
}


def named_in_texts(world: World) -> tuple[str, ...]:
    """Two members' names (3 Hangul syllables) the planted texts carry."""
    hangul = sorted(n for n in world.names if re.fullmatch("[가-힣]{3}", n))
    return hangul[0], hangul[-1]


def plant_names(ctx: ServiceContext, world: World) -> str:
    """Write the two names into every free text of the database (as a 담당자 would have typed
    them); returns the sentence added."""
    from panelapp.db import models
    from panelapp.services.context import transaction

    first, second = named_in_texts(world)
    said = f" {first} 단원이 제안했고 {second}님이 확인"
    with transaction(ctx) as s:
        if s.scalar(select(models.PlanItem.id).limit(1)) is None:  # the demo carries nothing yet
            p = s.get(Proposal, world.proposal)
            s.add(
                models.PlanItem(
                    cohort_id=world.cohort,
                    proposal_id=p.id,
                    department_id=p.department_id,
                    target_year=2027,
                    target_quarter=1,
                )
            )
            s.flush()
        for model_name, columns in FREE_TEXTS.items():
            model = getattr(models, model_name)
            for row in s.scalars(select(model)):
                for column in columns:
                    value = getattr(row, column)
                    if column == "status_reason" and value is None:
                        continue  # a reason belongs to a postponed or cancelled visit only
                    setattr(row, column, ((value or "").strip() + said).strip()[-190:])
    return said.strip()


# ----- reading whatever came out ---------------------------------------------------------------
def _file_text(data: bytes) -> str:
    if data[:4] == b"%PDF":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if any(n.startswith("xl/") for n in z.namelist()):
                from openpyxl import load_workbook

                book = load_workbook(io.BytesIO(data), read_only=True)
                return "\n".join(
                    str(v)
                    for sheet in book.worksheets
                    for row in sheet.iter_rows(values_only=True)
                    for v in row
                    if v
                )
            # .docx / .hwpx: the text of every XML part, markup removed
            parts = [z.read(n).decode("utf-8", "ignore") for n in z.namelist() if n.endswith(".xml")]
            return re.sub(r"<[^>]+>", "", "\n".join(parts))
    return data.decode("utf-8", "ignore")


def texts(value: Any, depth: int = 0) -> Iterator[str]:
    """Every piece of text in what a service returned: fields of dataclasses, items of lists and
    dicts, files (by path) and documents (by bytes) read back."""
    if depth > 12 or value is None:
        return
    if isinstance(value, Path):
        yield _file_text(value.read_bytes())
    elif isinstance(value, str):
        yield value
    elif isinstance(value, bytes | bytearray):
        yield _file_text(bytes(value))
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from texts(getattr(value, f.name), depth + 1)
            if f.name in ("path", "pdf_path", "xlsx_path", "hwpx_path", "docx_path"):
                p = getattr(value, f.name)
                if p and Path(p).is_file():
                    yield _file_text(Path(p).read_bytes())
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from texts(k, depth + 1)
            yield from texts(v, depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from texts(item, depth + 1)


def leaks(world: World, output: Any) -> list[str]:
    text = "\n".join(texts(output))
    return sorted(n for n in world.names if n in text) + sorted(p for p in world.phones if p in text)


# ----- the registry of output paths ---------------------------------------------------------------
# name -> case(ctx, world, folder): call the service as `ctx`, return what it put out. A case whose
# name is a service function (module.function under panelapp.services) covers that function.
Case = Callable[[ServiceContext, World, Path], Any]
OUTPUTS: dict[str, Case] = {}
# cases that make a file or print masked unless a purpose is given: name -> case with a purpose
WITH_PURPOSE: dict[str, Case] = {}


def output(*names: str) -> Callable[[Case], Case]:
    def register(case: Case) -> Case:
        for name in names:
            OUTPUTS[name] = case
        return case

    return register


def with_purpose(name: str) -> Callable[[Case], Case]:
    def register(case: Case) -> Case:
        WITH_PURPOSE[name] = case
        return case

    return register


@output("people.roster.roster_ids", "people.roster.roster_rows")
def _roster(ctx, w, _f):
    from panelapp.services.people.roster import RosterQuery, roster_ids, roster_rows

    return roster_rows(ctx, roster_ids(ctx, RosterQuery(w.cohort)))


@output("people.members.get_member")
def _member(ctx, w, _f):
    from panelapp.services.people.members import get_member

    return get_member(ctx, w.enrollment)


@output("cohorts.enrollment_choices.list_enrollment_choices")
def _enrollment_choices(ctx, w, _f):
    from panelapp.services.cohorts.enrollment_choices import list_enrollment_choices

    return list_enrollment_choices(ctx, w.cohort)


@output("cohorts.manage.list_teams", "cohorts.manage.get_cohort", "cohorts.manage.list_cohorts")
def _teams(ctx, w, _f):
    from panelapp.services.cohorts.manage import get_cohort, list_cohorts, list_teams

    return list_teams(ctx, w.cohort), get_cohort(ctx, w.cohort), list_cohorts(ctx)


@output("cohorts.manage.cohort_rows")
def _cohort_rows(ctx, w, _f):
    from panelapp.services.cohorts.manage import cohort_ids, cohort_rows

    return cohort_rows(ctx, cohort_ids(ctx))


@output("proposals.drafts.proposer_choices", "proposals.drafts.form_choices")
def _proposer_choices(ctx, w, _f):
    from panelapp.services.proposals.drafts import form_choices, proposer_choices

    return proposer_choices(ctx, w.cohort), form_choices(ctx, w.cohort)


@output("proposals.queries.get_proposal", "proposals.queries.list_proposals")
def _proposal(ctx, w, _f):
    from panelapp.services.proposals.queries import get_proposal, list_proposals

    return list_proposals(ctx), get_proposal(ctx, w.proposal)


@output("engagement.content.news_member_choices")
def _news_choices(ctx, w, _f):
    from panelapp.services.engagement.content import news_member_choices

    return news_member_choices(ctx, w.cohort)


@output(
    "engagement.content.list_content",
    "engagement.content.content_ids",
    "engagement.content.content_rows",
    "engagement.content.content_totals",
)
def _content(ctx, w, _f):
    from panelapp.services.engagement.content import ContentQuery, content_ids, content_rows, list_content

    return list_content(ctx, w.cohort), content_rows(ctx, content_ids(ctx, ContentQuery(w.cohort)))


@output("engagement.feedback.feedback_rows")
def _feedback(ctx, w, _f):
    from panelapp.services.engagement.feedback import FeedbackQuery, list_feedback

    return list_feedback(ctx, FeedbackQuery(w.cohort))


@output("activities.attendance.attendance_sheet")
def _attendance(ctx, w, _f):
    from panelapp.services.activities.attendance import attendance_sheet

    return attendance_sheet(ctx, w.cohort)


@output(
    "activities.sheet.sheet_ids",
    "activities.sheet.sheet_rows",
    "activities.sheet.event_marks",
    "activities.sheet.event_rows",
    "activities.sheet.event_counts",
    "activities.sheet.events_summary",
)
def _sheet(ctx, w, _f):
    from panelapp.services.activities import sheet

    ids = sheet.event_ids(ctx, w.cohort)
    return (
        sheet.sheet_rows(ctx, sheet.sheet_ids(ctx, w.cohort)),
        sheet.event_marks(ctx, w.event),
        sheet.event_rows(ctx, ids),
        sheet.events_summary(ctx, w.cohort),
    )


@output("activities.attendance.list_events")
def _events(ctx, w, _f):
    """Events' titles and notes may name a member (planted by plant_names)."""
    from panelapp.services.activities.attendance import list_events

    return list_events(ctx, w.cohort)


@output("activities.certificates.certificate_data")
def _certificate(ctx, w, _f):
    from panelapp.reports.certificate import render_certificate
    from panelapp.services.activities.certificates import certificate_data

    data = certificate_data(ctx, w.enrollment)
    return data, render_certificate(data)


@output("activities.signin.signin_sheet_data", "activities.signin.signin_event_choices")
def _signin_preview(ctx, w, _f):
    from panelapp.services.activities.signin import signin_event_choices, signin_sheet_data

    return (
        signin_sheet_data(ctx, w.event),
        signin_sheet_data(ctx, w.event, masked=False),
        signin_event_choices(ctx, w.cohort),
    )


@output("activities.signin.write_signin_sheet")
def _signin(ctx, w, f):
    from panelapp.services.activities.signin import write_signin_sheet

    return write_signin_sheet(ctx, w.event, f / "서명부.pdf")


@with_purpose("activities.signin.write_signin_sheet")
def _signin_full(ctx, w, f):
    from panelapp.services.activities.signin import write_signin_sheet

    return write_signin_sheet(ctx, w.event, f / "서명부-전체.pdf", masked=False, purpose=PURPOSE)


@output(
    "inspections.queries.list_inspections",
    "inspections.queries.get_inspection",
    "inspections.queries.calendar_inspections",
    "inspections.listing.inspection_ids",
    "inspections.listing.inspection_rows",
)
def _visits(ctx, w, _f):
    from panelapp.services.inspections.listing import inspection_ids, inspection_rows
    from panelapp.services.inspections.queries import calendar_inspections, get_inspection, list_inspections
    from panelapp.services.inspections.rules import InspectionQuery

    query = InspectionQuery(w.cohort)
    return (
        list_inspections(ctx, query),
        get_inspection(ctx, w.inspection),
        calendar_inspections(ctx, query, 5),
        inspection_rows(ctx, inspection_ids(ctx, query)),
    )


@output("inspections.conflicts.find_conflicts", "inspections.conflicts.find_series_conflicts")
def _conflicts(ctx, w, _f):
    from panelapp.services.inspections.conflicts import find_conflicts, find_series_conflicts
    from panelapp.services.inspections.queries import get_inspection

    # the same people, place and time as a visit that exists: every warning names them
    v = get_inspection(as_account(ctx, "담당자"), w.inspection)
    draft = InspectionDraft(
        w.cohort,
        v.facility_id,
        v.scheduled_date,
        v.start_time,
        v.end_time,
        v.team_id,
        v.lead_id,
        tuple(eid for eid, _n in v.members),
    )
    return find_conflicts(ctx, draft), find_series_conflicts(ctx, draft, [v.scheduled_date])


@output("inspections.field_sheet.field_sheet_data")
def _field_sheet(ctx, w, _f):
    from panelapp.reports.field_sheet import render_field_sheet
    from panelapp.services.inspections.field_sheet import field_sheet_data

    data = field_sheet_data(ctx, w.inspection)
    return data, render_field_sheet(data)[0]


@output("inspections.export.schedule_ics", "inspections.export.export_ics_for_number")
def _ics(ctx, w, f):
    from panelapp.services.inspections.export import export_ics_for_number, schedule_ics

    export_ics_for_number(ctx, w.number, f / "일정.ics")
    return schedule_ics(ctx, w.cohort, w.cohort_name)[0], f / "일정.ics"


@output("results.entry.get_result_sheet")
def _results(ctx, w, _f):
    from panelapp.services.results.entry import get_result_sheet

    return get_result_sheet(ctx, w.inspection)


@output("findings.queries.get_finding")
def _findings(ctx, w, _f):
    from panelapp.services.findings.queries import FindingQuery, get_finding, list_findings

    return [get_finding(ctx, x.id) for x in list_findings(ctx, FindingQuery(w.cohort))[:5]]


@output("findings.export.export_findings")
def _findings_export(ctx, w, f):
    from panelapp.services.findings.export import export_findings
    from panelapp.services.findings.queries import FindingQuery

    return export_findings(ctx, FindingQuery(w.cohort), "date", True, f / "발견사항.xlsx")


@output("search.query.search")
def _search(ctx, w, _f):
    from panelapp.services.search.query import search

    return [search(ctx, n) for n in sorted(w.names)[:15]] + [search(ctx, "김"), search(ctx, "이")]


@output("trash.manage.list_trash", "trash.manage.trash_rows")
def _trash(ctx, w, _f):
    from panelapp.services.people.members import delete_enrollment
    from panelapp.services.trash.manage import list_trash

    coordinator = as_account(ctx, "담당자")
    with reading(coordinator) as s:  # one more person in the trash for sure (not the world's own)
        eid = s.scalar(
            select(Enrollment.id)
            .where(
                Enrollment.cohort_id == w.cohort,
                Enrollment.deleted_at.is_(None),
                Enrollment.id != w.enrollment,
            )
            .order_by(Enrollment.id.desc())
            .limit(1)
        )
    delete_enrollment(coordinator, eid)
    return list_trash(ctx)


@output("people.users.list_users", "people.users.list_accounts", "people.users.lead_member_choices")
def _accounts(ctx, w, _f):
    from panelapp.services.people.users import lead_member_choices, list_accounts, list_users

    return list_users(ctx), list_accounts(ctx), lead_member_choices(ctx)


@output("people.users.get_user", "people.users.find_user")
def _account(ctx, w, _f):
    from panelapp.services.people.users import find_user, get_user

    lead = find_user(ctx, "조장")
    return lead, get_user(ctx, lead.id)


@output("retention.due.due_members")
def _due(ctx, w, _f):
    from panelapp.services.retention.due import due_members

    return due_members(ctx, DEMO_ANCHOR)


@output("retention.withdrawal.withdrawal_preview")
def _withdrawal_question(ctx, w, _f):
    from panelapp.services.people.members import get_member
    from panelapp.services.retention.withdrawal import withdrawal_preview

    member_id = get_member(as_account(ctx, "담당자"), w.enrollment).member_id
    return withdrawal_preview(ctx, member_id)


@output("reporting.dashboard.load_dashboard")
def _dashboard(ctx, w, _f):
    from panelapp.services.reporting.dashboard import load_dashboard

    return load_dashboard(ctx, w.cohort, DEMO_ANCHOR)


@output("reporting.query.build", "reporting.query.build_report_data")
def _report_data(ctx, w, _f):
    from panelapp.services.reporting.query import build_report_data

    asked = ReportOptions(
        w.cohort, photos=False, mask_personal=False, purpose=PURPOSE
    )  # a masked role asking
    return build_report_data(ctx, ReportOptions(w.cohort, photos=False)), build_report_data(ctx, asked)


def _write_report(ctx, w, f, **unmask):
    from panelapp.services.reporting.files import write_report

    files = {k: f / f"보고서-{len(unmask)}.{k}" for k in ("pdf", "xlsx", "hwpx", "docx")}
    write_report(
        ctx,
        ReportOptions(w.cohort, photos=False, **unmask),
        files["pdf"],
        files["xlsx"],
        hwpx_path=files["hwpx"],
        docx_path=files["docx"],
    )
    return list(files.values())


@output("reporting.files.write_report")
def _report(ctx, w, f):
    return _write_report(ctx, w, f)


@with_purpose("reporting.files.write_report")
def _report_full(ctx, w, f):
    return _write_report(ctx, w, f, mask_personal=False, purpose=PURPOSE)


@output("reporting.history.recent_reports", "reporting.history.record_report_view")
def _reports_made_earlier(ctx, w, f):
    """The reports page lists the reports made here and opens their files: one made with names in
    full by the 담당자 must not reach a masked role (a file cannot be masked afterwards)."""
    from panelapp.services.reporting.history import recent_reports, record_report_view

    _write_report(as_account(ctx, "담당자"), w, f, mask_personal=False, purpose=PURPOSE)
    listed = recent_reports(ctx)
    for report in listed:
        try:
            record_report_view(ctx, report.id)
        except PermissionDenied:
            pass  # refused to open; what was listed is still read below
    return [Path(r.pdf_path) for r in listed if r.pdf_path and Path(r.pdf_path).is_file()]


@output(
    "registers.facilities.list_facilities",
    "registers.facilities.facility_rows",
    "registers.facilities.get_facility",
)
def _facilities(ctx, w, _f):
    """A facility's 메모 may name a member (planted by plant_names)."""
    from panelapp.services.registers.facilities import (
        FacilityQuery,
        facility_ids,
        facility_rows,
        get_facility,
        list_facilities,
    )

    listed = list_facilities(ctx, FacilityQuery())
    return (
        listed,
        facility_rows(ctx, facility_ids(ctx, FacilityQuery())),
        [get_facility(ctx, f.id) for f in listed],
    )


@output("roster_io.export.export_roster")
def _roster_export(ctx, w, f):
    from panelapp.services.roster_io.export import export_roster

    return export_roster(ctx, w.cohort, f / "명단.xlsx"), export_roster(ctx, w.cohort, f / "명단.csv")


@with_purpose("roster_io.export.export_roster")
def _roster_export_full(ctx, w, f):
    from panelapp.services.roster_io.export import export_roster

    return export_roster(ctx, w.cohort, f / "명단-전체.xlsx", unmasked=True, purpose=PURPOSE)


def _list_exports(ctx, w, f, purpose=None):
    from panelapp.db import models
    from panelapp.services.activities.export import export_attendance, export_events
    from panelapp.services.engagement.content import ContentQuery
    from panelapp.services.engagement.export import export_content
    from panelapp.services.inspections.list_export import export_schedule_list
    from panelapp.services.inspections.rules import InspectionQuery
    from panelapp.services.proposals.export import export_proposals
    from panelapp.services.proposals.queries import ProposalQuery

    tag = "전체" if purpose else "기본"
    with reading(ctx) as s:  # the page names the event in the info sheet, as its list shows it
        title = s.get(models.ActivityEvent, w.event).title
    return (
        export_attendance(
            ctx, w.cohort, w.event, f / f"출석-{tag}.xlsx", purpose=purpose, conditions=[("행사", title)]
        ),
        export_events(ctx, w.cohort, f / f"활동-{tag}.xlsx", purpose=purpose),
        export_content(
            ctx, ContentQuery(w.cohort), "published", True, f / f"콘텐츠-{tag}.xlsx", purpose=purpose
        ),
        export_schedule_list(
            ctx, InspectionQuery(w.cohort), "date", False, f / f"일정-{tag}.xlsx", purpose=purpose
        ),
        export_proposals(
            ctx, ProposalQuery(w.cohort), "submitted", True, f / f"제안-{tag}.xlsx", purpose=purpose
        ),
    )


@output(
    "activities.export.export_attendance",
    "activities.export.attendance_export",
    "activities.export.export_events",
    "engagement.export.export_content",
    "inspections.list_export.export_schedule_list",
    "proposals.export.export_proposals",
    "proposals.export.proposals_export",
    "exporting.export_list",
)
def _exports(ctx, w, f):
    return _list_exports(ctx, w, f)


@with_purpose("exporting.export_list")
def _exports_full(ctx, w, f):
    return _list_exports(ctx, w, f, PURPOSE)


@output("proposals.full_export.export_all_proposals")
def _all_proposals(ctx, w, f, purpose=None):
    from panelapp.services.proposals.full_export import export_all_proposals

    tag = "전체" if purpose else "기본"
    return (
        export_all_proposals(ctx, w.cohort, f / f"제안전체-{tag}.xlsx", purpose=purpose),
        export_all_proposals(ctx, w.cohort, f / f"제안전체-{tag}.csv", purpose=purpose),
    )


@with_purpose("proposals.full_export.export_all_proposals")
def _all_proposals_full(ctx, w, f):
    return _all_proposals(ctx, w, f, PURPOSE)


@output("proposals.answer_request.make_answer_request")
def _answer_request(ctx, w, f, purpose=None):
    """The department with the most proposals awaiting an answer, proposers among them."""
    from sqlalchemy import func

    from panelapp.domain.proposal_rules import UNANSWERED
    from panelapp.services.proposals.answer_request import make_answer_request

    with reading(ctx) as s:
        department = s.scalar(
            select(Proposal.department_id)
            .where(
                Proposal.cohort_id == w.cohort,
                Proposal.status.in_(UNANSWERED),
                Proposal.deleted_at.is_(None),
                Proposal.proposer_enrollment_id.is_not(None),
            )
            .group_by(Proposal.department_id)
            .order_by(func.count().desc(), Proposal.department_id)
            .limit(1)
        )
    assert department is not None
    tag = "전체" if purpose else "기본"
    return make_answer_request(ctx, w.cohort, department, f / f"답변요청-{tag}.xlsx", purpose=purpose)


@with_purpose("proposals.answer_request.make_answer_request")
def _answer_request_full(ctx, w, f):
    return _answer_request(ctx, w, f, PURPOSE)


@output(
    "engagement.export.export_feedback",
    "registers.export.export_departments",
    "registers.export.export_facilities",
)
def _other_exports(ctx, w, f):
    from panelapp.services.engagement.export import export_feedback
    from panelapp.services.engagement.feedback import FeedbackQuery
    from panelapp.services.registers.export import export_departments, export_facilities
    from panelapp.services.registers.facilities import FacilityQuery

    return (
        export_feedback(ctx, FeedbackQuery(w.cohort), "received", True, f / "의견.xlsx"),
        export_departments(ctx, "name", False, f / "부서.xlsx"),
        export_facilities(ctx, FacilityQuery(), "name", False, f / "시설.xlsx"),
    )


@output("audit.review.export_access_log", "audit.review.export_account_history", "audit.review.review_month")
def _access_log(ctx, w, f):
    from panelapp.services.audit.review import export_access_log, export_account_history

    export_access_log(ctx, f / "접속기록.csv")
    export_account_history(ctx, f / "권한이력.csv")
    return f / "접속기록.csv", f / "권한이력.csv"


@output("audit.review.access_entries", "audit.review.access_rows")
def _access_log_rows(ctx, w, _f):
    """The log's 내용 names the member of an enrolment (단원 번호, the name masked, the cohort)."""
    from panelapp.services.audit.log import record_access
    from panelapp.services.audit.review import access_entries, access_rows

    record_access(ctx, "view_member", enrollments=[w.enrollment], detail=f"enrollment_id={w.enrollment}")
    entries = access_entries(ctx, limit=50)
    return entries, access_rows(ctx, [e.id for e in entries])


@output(
    "findings.listing.finding_rows",
    "findings.queries.list_findings",
    "findings.queries.urgent_without_proposal",
    "reporting.dashboard.load_findings",
)
def _finding_rows(ctx, w, _f):
    from panelapp.services.findings.listing import finding_ids, finding_rows
    from panelapp.services.findings.queries import FindingQuery, list_findings, urgent_without_proposal
    from panelapp.services.reporting.dashboard import load_findings

    query = FindingQuery(w.cohort)
    return (
        finding_rows(ctx, finding_ids(ctx, query)[:200]),
        list_findings(ctx, query),
        urgent_without_proposal(ctx, w.cohort),
        load_findings(ctx, w.cohort),
    )


@output("proposals.listing.proposal_rows", "proposals.queries.proposal_choices")
def _proposal_rows(ctx, w, _f):
    from panelapp.services.proposals.listing import proposal_ids, proposal_rows
    from panelapp.services.proposals.queries import ProposalQuery, proposal_choices

    return proposal_rows(ctx, proposal_ids(ctx, ProposalQuery(w.cohort))), proposal_choices(ctx, w.cohort)


@output("proposals.duplicates.similar_proposals", "proposals.duplicate_marks.original_suggestions")
def _similar(ctx, w, _f):
    from panelapp.services.proposals.duplicate_marks import original_suggestions
    from panelapp.services.proposals.duplicates import similar_proposals
    from panelapp.services.proposals.queries import get_proposal

    p = get_proposal(as_account(ctx, "담당자"), w.proposal)
    finding_ids = tuple(f.id for f in p.findings)
    return (
        similar_proposals(ctx, w.cohort, p.title, p.facility_id, finding_ids),
        original_suggestions(ctx, w.proposal),
    )


@output("engagement.feedback.list_feedback", "engagement.feedback.proposal_link_choices")
def _feedback_list(ctx, w, _f):
    from panelapp.services.engagement.feedback import FeedbackQuery, list_feedback, proposal_link_choices

    return list_feedback(ctx, FeedbackQuery(w.cohort)), proposal_link_choices(ctx, w.cohort)


@output("reminders.sheets.reminder_data", "reminders.sheets.make_reminders")
def _reminders(ctx, w, f):
    from panelapp.services.reminders.sheets import make_reminders

    far = 60  # working days (the most allowed): most proposals with a due date are in a sheet
    return make_reminders(ctx, w.cohort, f / "독촉.pdf", within=far), make_reminders(
        ctx, w.cohort, f / "독촉.xlsx", within=far
    )


@output("proposals.milestones.list_milestones")
def _milestones(ctx, w, _f):
    from panelapp.db.models import ProposalMilestone
    from panelapp.services.proposals.milestones import list_milestones

    with reading(ctx) as s:
        ids = list(
            s.scalars(
                select(ProposalMilestone.proposal_id)
                .join(Proposal, Proposal.id == ProposalMilestone.proposal_id)
                .where(Proposal.cohort_id == w.cohort)
                .distinct()
                .order_by(ProposalMilestone.proposal_id)
            )
        )
    out = []
    for pid in ids[:20]:
        try:
            out.append(list_milestones(ctx, pid))
        except PermissionDenied:
            pass  # another department's proposal
    return out


@output("proposals.next_year.plan_data", "proposals.next_year.export_plan")
def _next_year_plan(ctx, w, f):
    from panelapp.services.proposals.next_year import export_plan

    return export_plan(ctx, w.cohort, f / "업무계획.pdf"), export_plan(ctx, w.cohort, f / "업무계획.xlsx")


# Services the scan below finds that hand out nothing of people's data, each with the reason.
_IDS = "ids and counts: the filter reads the texts, what comes out is ids or figures"
_HELPER = "a helper taking ctx: masks what its callers return (they are walked)"
_SAVES = "a write: changes data, returns what the 담당자 or 관리자 just saved (refused to the masked roles)"
NOT_OUTPUTS = {
    "activities.attendance.mark_all_present": _SAVES,
    "activities.attendance.set_attendance": _SAVES,
    "activities.attendance.update_event": _SAVES,
    "cohorts.manage.close_cohort": _SAVES,
    "cohorts.manage.create_cohort": _SAVES,
    "cohorts.manage.create_team": _SAVES,
    "cohorts.manage.update_cohort": _SAVES,
    "cohorts.manage.update_team": _SAVES,
    "engagement.content.create_post": _SAVES,
    "engagement.content.update_post": _SAVES,
    "findings.manage.create_finding": _SAVES,
    "findings.manage.update_finding": _SAVES,
    "inspections.scheduling.create_inspection": _SAVES,
    "inspections.scheduling.create_series": _SAVES,
    "inspections.scheduling.move_inspection": _SAVES,
    "inspections.scheduling.set_status": _SAVES,
    "inspections.scheduling.update_inspection": _SAVES,
    "people.members.enroll_member": _SAVES,
    "people.members.update_member": _SAVES,
    "people.members.record_reveal": "writes the access-log entry of a reveal; returns nothing",
    "people.accounts.lock_account": _SAVES,
    "people.accounts.unlock_account": _SAVES,
    "people.accounts.reset_password": _SAVES,
    "people.accounts.set_role": _SAVES,
    "people.accounts.authenticate": "the login itself: the account's own name",
    "people.accounts.change_own_password": "the account's own password",
    "people.accounts.create_first_admin": "the first start, before any member exists",
    "people.users.create_user": _SAVES,
    "people.users.set_active": _SAVES,
    "retention.destroy.destroy_members": "removes the personal data; returns counts",
    "retention.withdrawal.withdraw_consent": _SAVES,
    "roster_io.importing.commit_import": _SAVES,
    "search.index.ensure_index": "derived search data, never shown",
    "search.index.rebuild_index": "derived search data, never shown",
    "demo.build.load_demo": "makes the demo database",
    "demo.build.demo_allowed": "a yes or no",
    "audit.log.record_access": "writes the access log itself",
    "engagement.content.content_count": _IDS,
    "engagement.feedback.feedback_counts": _IDS,
    "engagement.feedback.feedback_ids": _IDS,
    "findings.listing.finding_counts": _IDS,
    "findings.listing.finding_ids": _IDS,
    "proposals.listing.proposal_counts": _IDS,
    "proposals.listing.proposal_ids": _IDS,
    "engagement.feedback.create_feedback": _SAVES,
    "engagement.feedback.update_feedback": _SAVES,
    "engagement.feedback.set_handled": _SAVES,
    "results.entry.save_results": "a write (a 점검 조장's too): returns the sheet through "
    "results.sheet.masked_for, walked as get_result_sheet; test_a_text_shown_masked_is_never_saved_back",
    "results.entry.complete_inspection": "the same write, completing the visit",
    "findings.queries.shown_info": _HELPER,
    "findings.queries.text_mask": _HELPER,
    "inspections.queries.masked_for": _HELPER,
    "results.sheet.masked_for": _HELPER,
    "proposals.duplicates.shown_to": _HELPER,
    "proposals.queries.shown_detail": _HELPER,
    "masking.names_a_member": "a yes or no: whether a filter text holds a member's name",
}

_READS = re.compile(
    r"Member\.(name|phone|email)\b|\.member\.name\b|\bMember\b|record_access\(|\brecord\(|export_list\("
    r"|shown_labels\(|info_in\(|infos_where\(|_team_infos\("
    # free text that may name members (findings, proposals, notes, feedback, posts) and the
    # masking of it: every service that reads or masks such a text is walked too
    r"|text_masker\(|masked_for\(|\b(Finding|Proposal|Feedback|ContentPost|ChecklistResponse|ProposalEvent"
    r"|ProposalVerification|ProposalMilestone|PlanItem)\.(title|description|location|problem|proposal|expected_effect|answer"
    r"|decline_reason|result_text|plan_text|note|notes|text)\b|\bInspection\.(notes|status_reason)\b"
    r"|\bActivityEvent\.(title|notes)\b|\bAttendance\.note\b|\bFacility\.notes\b"
)


def _readers(source: str) -> list[str]:
    """Public functions taking `ctx` that read people's data or log an output of it, directly or
    through a private helper of the same module."""
    tree = ast.parse(source)
    funcs = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    found = {k for k, n in funcs.items() if _READS.search(ast.get_source_segment(source, n) or "")}
    grew = True
    while grew:
        grew = False
        for k, node in funcs.items():
            calls = {
                c.func.id for c in ast.walk(node) if isinstance(c, ast.Call) and isinstance(c.func, ast.Name)
            }
            if k not in found and calls & found:
                found.add(k)
                grew = True
    return sorted(
        k
        for k in found
        if not k.startswith("_") and funcs[k].args.args and funcs[k].args.args[0].arg == "ctx"
    )


def people_reading_services() -> list[str]:
    out = []
    for info in pkgutil.walk_packages(panelapp.services.__path__, "panelapp.services."):
        module = importlib.import_module(info.name)
        path = Path(module.__file__ or "")
        if path.suffix != ".py":
            continue
        short = info.name.removeprefix("panelapp.services.")
        out += [f"{short}.{name}" for name in _readers(path.read_text(encoding="utf-8"))]
    return out


def test_every_people_reading_service_is_walked():
    missing = [n for n in people_reading_services() if n not in OUTPUTS and n not in NOT_OUTPUTS]
    assert not missing, (
        "these services read members' names or phones but no case of OUTPUTS walks them (add one, "
        f"or say in NOT_OUTPUTS why they put out nothing personal): {missing}"
    )
    for name in list(OUTPUTS) + list(NOT_OUTPUTS):
        module, _, function = name.rpartition(".")
        assert hasattr(importlib.import_module(f"panelapp.services.{module}"), function), name


# ----- the walk -------------------------------------------------------------------------------------
def _walk(ctx: ServiceContext, world: World, folder: Path, cases: dict[str, Case]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    done: set[int] = set()
    for name, case in cases.items():
        if id(case) in done:
            continue
        done.add(id(case))
        out = folder / name.replace(".", "_")
        out.mkdir(parents=True, exist_ok=True)
        try:
            result = case(ctx, world, out)
        except PermissionDenied:
            continue  # refused: nothing came out
        leaked = leaks(world, result)
        if leaked:
            found[name] = leaked[:5]
    return found


@pytest.mark.parametrize("role", MASKED_ROLES)
def test_no_output_shows_a_masked_role_a_name_or_phone(demo_ctx, tmp_path, role):
    """...nor a member's name written into a finding, a proposal, a note or feedback."""
    world = make_world(as_account(demo_ctx, "담당자"))
    plant_names(demo_ctx, world)
    who = as_account(demo_ctx, role)
    found = _walk(who, world, tmp_path, {**OUTPUTS, **{f"{k}+purpose": v for k, v in WITH_PURPOSE.items()}})
    assert not found, f"{role} saw full names or phones: {found}"


def _access_log(ctx) -> list[tuple[str, str]]:
    with reading(ctx) as s:
        return [(a.action, a.purpose) for a in s.scalars(select(AccessLog).order_by(AccessLog.id))]


DEFAULT_MASKED = [name for name in WITH_PURPOSE]


@pytest.mark.parametrize("name", DEFAULT_MASKED)
def test_files_and_prints_are_masked_for_the_coordinator_unless_a_purpose_is_logged(
    sqlite_demo_ctx, tmp_path, name
):
    coordinator = as_account(sqlite_demo_ctx, "담당자")
    world = make_world(coordinator)
    plant_names(coordinator, world)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert not leaks(world, OUTPUTS[name](coordinator, world, tmp_path / "a")), "masked by default"
    before = len(_access_log(coordinator))
    shown = leaks(world, WITH_PURPOSE[name](coordinator, world, tmp_path / "b"))
    assert shown, "with a purpose the names are printed"
    logged = _access_log(coordinator)[before:]
    assert any(purpose == PURPOSE and action.endswith("unmasked") for action, purpose in logged), logged


def test_the_coordinator_sees_people_as_stored_on_screen(sqlite_demo_ctx, tmp_path):
    """The walk would find nothing for anyone if the leak check were blind: as 담당자 the lists
    show names in full."""
    coordinator = as_account(sqlite_demo_ctx, "담당자")
    world = make_world(coordinator)
    for name in (
        "people.roster.roster_rows",
        "cohorts.enrollment_choices.list_enrollment_choices",
        "proposals.drafts.proposer_choices",
        "inspections.field_sheet.field_sheet_data",
        "activities.certificates.certificate_data",
        "inspections.export.schedule_ics",
    ):
        (tmp_path / name).mkdir()
        assert leaks(world, OUTPUTS[name](coordinator, world, tmp_path / name)), name


# ----- search: trashed and destroyed members are not found ----------------------------------------
def _found(who: ServiceContext, text: str, member_id: int) -> bool:
    from panelapp.services.search.query import search

    return any(h.kind == "member" and h.id == member_id for h in search(who, text))


def test_trashed_and_destroyed_members_never_appear_in_search(demo_ctx, tmp_path):
    from sqlalchemy import func

    from panelapp.services.people.members import delete_enrollment
    from panelapp.services.retention.destroy import destroy_members
    from panelapp.services.retention.due import due_members
    from panelapp.settings import Settings

    coordinator = as_account(demo_ctx, "담당자")
    admin = as_account(demo_ctx, "관리자")
    with reading(coordinator) as s:
        # a live member enrolled in one cohort only: trashing that enrolment trashes the person
        member_id, name = s.execute(
            select(Member.id, Member.name)
            .join(Enrollment, Enrollment.member_id == Member.id)
            .where(Member.deleted_at.is_(None))
            .group_by(Member.id, Member.name)
            .having(func.count(Enrollment.id) == 1, func.max(Enrollment.deleted_at).is_(None))
            .order_by(Member.id.desc())
            .limit(1)
        ).one()
        enrollment = s.scalar(select(Enrollment.id).where(Enrollment.member_id == member_id))
    assert _found(coordinator, name, member_id)
    delete_enrollment(coordinator, enrollment)
    assert not _found(coordinator, name, member_id), "a member whose enrolment is in the trash"
    assert not _found(admin, name, member_id)

    due = due_members(admin, DEMO_ANCHOR)
    assert due, "the demo's 제5기 is due for destruction"
    with reading(admin) as s:
        gone = s.get(Member, due[0].member_id)
        gone_name, gone_phone = gone.name, gone.phone
    destroy_members(
        admin, [due[0].member_id], "보유기간 만료(테스트)", Settings(tmp_path / "s.json"), today=DEMO_ANCHOR
    )
    assert not _found(admin, gone_name, due[0].member_id)
    assert not _found(admin, gone_phone[-4:], due[0].member_id)
    assert not _found(admin, "파기된 단원", due[0].member_id)


def test_a_report_made_unmasked_is_refused_to_the_masked_roles(sqlite_demo_ctx, tmp_path):
    from panelapp.db.models import ReportRecord
    from panelapp.services.reporting.history import recent_reports, record_report_view

    coordinator = as_account(sqlite_demo_ctx, "담당자")
    world = make_world(coordinator)
    _write_report(coordinator, world, tmp_path, mask_personal=False, purpose=PURPOSE)
    with reading(coordinator) as s:
        made = s.scalar(select(ReportRecord.id).where(ReportRecord.masked.is_(False)))
    assert made in {r.id for r in recent_reports(coordinator)}
    record_report_view(coordinator, made)
    viewer = as_account(sqlite_demo_ctx, "열람자")
    assert made not in {r.id for r in recent_reports(viewer)}
    with pytest.raises(PermissionDenied, match="관리자와 담당자만"):
        record_report_view(viewer, made)


def test_the_walk_sees_a_leak(sqlite_demo_ctx, tmp_path, monkeypatch):
    """The walk fails when a path is unmasked: break the one rule for the choices and look."""
    from panelapp.services import masking

    world = make_world(as_account(sqlite_demo_ctx, "담당자"))
    viewer = as_account(sqlite_demo_ctx, "열람자")
    monkeypatch.setattr(masking, "personal_masked", lambda ctx, session=None: False)
    found = _walk(
        viewer, world, tmp_path, {"c": OUTPUTS["cohorts.enrollment_choices.list_enrollment_choices"]}
    )
    assert found


# ----- a member who withdrew consent ------------------------------------------------------------
WITHDRAWN_WALK = (
    "people.roster.roster_rows",
    "activities.attendance.attendance_sheet",
    "activities.sheet.sheet_rows",
    "inspections.queries.list_inspections",
    "proposals.queries.get_proposal",
    "engagement.content.list_content",
    "reporting.query.build",
    "search.query.search",
)


def test_a_member_who_withdrew_consent_is_masked_for_everyone(demo_ctx, tmp_path):
    """동의 철회 stops the processing: the member leaves the active lists (their enrolments end)
    and their name and phone are masked in the lists that still show them, for the 담당자 too and
    in files made with a purpose; search does not find them."""
    from dataclasses import replace

    from panelapp.services.cohorts.enrollment_choices import list_enrollment_choices
    from panelapp.services.people.members import get_member
    from panelapp.services.proposals.drafts import proposer_choices
    from panelapp.services.retention.withdrawal import withdraw_consent

    coordinator = as_account(demo_ctx, "담당자")
    world = make_world(coordinator)
    with reading(coordinator) as s:
        enrollment = s.scalar(select(Proposal.proposer_enrollment_id).where(Proposal.id == world.proposal))
    person = get_member(coordinator, enrollment)
    shown = format_phone(person.phone_e164)
    theirs = replace(
        world,
        names=frozenset({person.name}),
        phones=frozenset({person.phone_e164, shown, shown.replace("-", "")}),
    )
    assert [label for eid, label in list_enrollment_choices(coordinator, world.cohort) if eid == enrollment]
    (tmp_path / "before").mkdir()
    assert leaks(theirs, OUTPUTS["people.roster.roster_rows"](coordinator, world, tmp_path / "before"))
    withdraw_consent(coordinator, person.member_id, DEMO_ANCHOR)

    assert not [
        eid for eid, _label in list_enrollment_choices(coordinator, world.cohort) if eid == enrollment
    ]
    assert not [eid for eid, _label in proposer_choices(coordinator, world.cohort) if eid == enrollment]
    from panelapp.services.people.roster import RosterQuery, roster_ids

    assert enrollment in roster_ids(coordinator, RosterQuery(world.cohort))  # listed, as 탈퇴
    assert enrollment not in roster_ids(coordinator, RosterQuery(world.cohort, text=person.name))
    cases = {name: OUTPUTS[name] for name in WITHDRAWN_WALK}
    cases["roster_io.export.export_roster+purpose"] = WITH_PURPOSE["roster_io.export.export_roster"]
    cases["exporting.export_list+purpose"] = WITH_PURPOSE["exporting.export_list"]
    found = _walk(coordinator, theirs, tmp_path, cases)
    assert not found, f"the 담당자 saw the withdrawn member {person.name}: {found}"


def test_the_roster_filter_confirms_no_name_to_a_masked_role(sqlite_demo_ctx):
    """Typing a full name into the roster's filter must not tell a masked role that the person is
    enrolled (their rows show 김*희 and the phone's last four digits, which is what they can match)."""
    from panelapp.services.people.roster import RosterQuery, roster_ids, roster_rows

    coordinator = as_account(sqlite_demo_ctx, "담당자")
    world = make_world(coordinator)
    row = roster_rows(coordinator, roster_ids(coordinator, RosterQuery(world.cohort)), stats=False)[0]
    assert row.enrollment_id in roster_ids(coordinator, RosterQuery(world.cohort, text=row.name))
    for role in MASKED_ROLES:
        who = as_account(sqlite_demo_ctx, role)
        assert row.enrollment_id not in roster_ids(who, RosterQuery(world.cohort, text=row.name)), role
        assert row.enrollment_id in roster_ids(who, RosterQuery(world.cohort, text=row.phone_e164[-4:])), role
        assert row.enrollment_id in roster_ids(who, RosterQuery(world.cohort, text=row.district or "")), role


def test_a_withdrawn_member_s_certificate_and_visit_warnings_are_masked(demo_ctx, tmp_path):
    """After 동의 철회 the 담당자's certificate of the member and the scheduling warnings about
    the visits they were on ("... 님은 활동 중인 단원이 아닙니다") still named them in full."""
    from dataclasses import replace

    from panelapp.reports.certificate import render_certificate
    from panelapp.services import masking
    from panelapp.services.activities.certificates import certificate_data
    from panelapp.services.inspections.queries import get_inspection
    from panelapp.services.people.members import get_member
    from panelapp.services.retention.withdrawal import withdraw_consent

    coordinator = as_account(demo_ctx, "담당자")
    world = make_world(coordinator)
    visit = get_inspection(coordinator, world.inspection)
    enrollment = visit.lead_id if visit.lead_id is not None else visit.members[0][0]
    person = get_member(coordinator, enrollment)
    theirs = replace(world, names=frozenset({person.name}), phones=frozenset({person.phone_e164}))
    before = certificate_data(coordinator, enrollment)
    assert before.member_name == person.name  # a 담당자 sees names: until the consent is withdrawn
    withdraw_consent(coordinator, person.member_id, DEMO_ANCHOR)
    after = certificate_data(coordinator, enrollment)
    assert after.member_name == masking.name(person.name) != person.name
    assert not leaks(theirs, (after, render_certificate(after)))
    warnings = OUTPUTS["inspections.conflicts.find_conflicts"](coordinator, world, tmp_path)
    assert any(f"{masking.name(person.name)} 님은" in w for w in warnings[0]), warnings  # named...
    assert not leaks(theirs, warnings)  # ...masked
