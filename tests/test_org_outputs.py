"""Every output names the registered institution: the report (cover with logo and 결재란, page
headers), field sheets and certificates carry its name; without a registered name they are
refused with a sentence; no made-up placeholder name exists anywhere in the program."""

import dataclasses
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from schedule_world import build_world
from sqlalchemy import select

from panelapp.db.models import Organization
from panelapp.domain.report_data import ReportOptions
from panelapp.reports.improvement_report import render_improvement_report
from panelapp.services.activities.certificates import certificate_data
from panelapp.services.cohorts.manage import list_cohorts
from panelapp.services.context import transaction
from panelapp.services.demo.data import ORGANIZATION
from panelapp.services.inspections.field_sheet import field_sheet_data
from panelapp.services.inspections.scheduling import create_inspection
from panelapp.services.org.manage import OrganizationMissing, OrgInput, get_organization, save_organization
from panelapp.services.reporting.query import build_report_data

ROOT = Path(__file__).resolve().parents[1]


def _cohort7(ctx) -> int:
    return next(c.id for c in list_cohorts(ctx) if c.number == 7)


def _images(page) -> int:
    return sum(
        1
        for ref in (page["/Resources"].get("/XObject") or {}).values()
        if ref.get_object()["/Subtype"] == "/Image"
    )


def _blank_the_name(ctx) -> None:
    with transaction(ctx) as s:
        for org in s.scalars(select(Organization)):
            org.name = ""


def test_the_demo_institution_is_plausible(demo_ctx):
    info = get_organization(demo_ctx)
    assert info.name == "한빛시설관리공단" == ORGANIZATION["name"]
    assert info.signoff == ("담당", "팀장", "부장", "이사장")
    assert info.logo_png and info.logo_png.startswith(b"\x89PNG")
    assert info.phone == "042-610-1000" and info.address


def test_report_data_carry_name_logo_and_signoff(demo_ctx):
    data = build_report_data(demo_ctx, ReportOptions(_cohort7(demo_ctx), photos=False))
    info = get_organization(demo_ctx)
    assert (data.organization, data.logo_png, data.signoff) == (info.name, info.logo_png, info.signoff)


def test_report_cover_draws_the_logo_and_the_signoff_box(sqlite_demo_ctx):
    data = build_report_data(sqlite_demo_ctx, ReportOptions(_cohort7(sqlite_demo_ctx), photos=False))
    reader = PdfReader(io.BytesIO(render_improvement_report(data)[0]))
    cover = reader.pages[0].extract_text()
    assert cover.count("한빛시설관리공단") == 2  # at the top and as the issuer at the foot
    assert "결재" in cover and all(t in cover for t in ("담당", "팀장", "부장", "이사장"))
    assert cover.index("담당") < cover.index("팀장") < cover.index("부장") < cover.index("이사장")
    assert _images(reader.pages[0]) == 1  # the logo
    assert "한빛시설관리공단" in reader.pages[1].extract_text()  # every page header names it
    assert "결재" not in reader.pages[1].extract_text()

    plain = dataclasses.replace(data, signoff=(), logo_png=None)
    reader = PdfReader(io.BytesIO(render_improvement_report(plain)[0]))
    assert "결재" not in reader.pages[0].extract_text() and _images(reader.pages[0]) == 0


def test_the_widest_signoff_and_longest_name_keep_the_cover_on_one_page(sqlite_demo_ctx):
    data = build_report_data(sqlite_demo_ctx, ReportOptions(_cohort7(sqlite_demo_ctx), photos=False))
    long_name = "한빛특별자치시 시설관리공단 시민참여 혁신본부 고객서비스 시민참여단 운영사무국 " * 2
    wide = dataclasses.replace(
        data,
        organization=long_name.strip()[:100],
        signoff=(
            "행정지원팀담당",
            "행정지원팀장",
            "경영지원부장",
            "경영기획본부장",
            "상임이사대행",
            "이사장직무대",
        ),
    )
    pdf, pages = render_improvement_report(wide)
    plain_pages = render_improvement_report(dataclasses.replace(wide, signoff=()))[1]
    assert pages == plain_pages  # the 결재란 took no extra page
    reader = PdfReader(io.BytesIO(pdf))
    cover = reader.pages[0].extract_text().replace("\n", "")
    assert "결재" in cover and "수록 내용" in cover and "개인정보" in cover


def test_report_is_refused_without_a_registered_name(demo_ctx):
    cohort = _cohort7(demo_ctx)
    _blank_the_name(demo_ctx)  # as a department saved before the institution leaves it
    assert get_organization(demo_ctx) is None
    with pytest.raises(OrganizationMissing) as err:
        build_report_data(demo_ctx, ReportOptions(cohort, photos=False))
    assert err.value.field == "기관명" and "개선 보고서" in err.value.detail
    assert "파일 → 기관 정보" in err.value.detail
    save_organization(demo_ctx, OrgInput("새빛공단", signoff="담당,과장"))
    data = build_report_data(demo_ctx, ReportOptions(cohort, photos=False))
    assert (data.organization, data.signoff) == ("새빛공단", ("담당", "과장"))


def test_field_sheet_names_the_institution_or_is_refused(ctx):
    w = build_world(ctx)
    info = create_inspection(ctx, w.draft())
    assert field_sheet_data(ctx, info.id).organization_name == "한빛시설관리공단"
    current = get_organization(ctx)
    save_organization(ctx, OrgInput("한빛공단"), current.version)
    assert field_sheet_data(ctx, info.id).organization_name == "한빛공단"
    _blank_the_name(ctx)
    with pytest.raises(OrganizationMissing) as err:
        field_sheet_data(ctx, info.id)
    assert "현장 점검표" in err.value.detail


def test_certificate_names_the_institution_as_issuer(demo_ctx):
    from panelapp.services.people.roster import RosterQuery, roster_ids

    enrollment = roster_ids(demo_ctx, RosterQuery(_cohort7(demo_ctx)))[0]
    data = certificate_data(demo_ctx, enrollment)
    assert data.organization_name == data.issuer == "한빛시설관리공단"


def test_no_placeholder_institution_name_anywhere_in_the_program():
    placeholder = "우리" + " 기관"  # spelled apart so that this file does not hold it
    hits = []
    for folder in ("panelapp", "ui", "resources"):
        for path in (ROOT / folder).rglob("*"):
            if not path.is_file() or path.suffix in (".pyc", ".ttf", ".otf", ".png", ".jpg", ".qm", ".ico"):
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            if placeholder in text:
                hits.append(str(path.relative_to(ROOT)))
    assert hits == [], f"a made-up institution name is printed by: {hits}"
