"""Checklist templates: validation by position, in-place edits, new versions once results exist."""

import datetime as dt
import itertools

import pytest

from panelapp.db.models import ChecklistItem, ChecklistResponse, Inspection
from panelapp.domain.enums import ChecklistItemKind as K
from panelapp.domain.enums import InspectionStatus
from panelapp.domain.errors import ConcurrencyError, ValidationError, ValidationErrors
from panelapp.services.checklists.templates import (
    ItemDraft,
    SectionDraft,
    TemplateDraft,
    create_template,
    ensure_default_template,
    get_template,
    get_template_version,
    list_templates,
    load_default_draft,
    save_template,
    versions_of,
)
from panelapp.services.cohorts.manage import CohortInput, create_cohort
from panelapp.services.registers.facilities import (
    FacilityInput,
    create_facility,
    ensure_default_facility_types,
    list_facility_types,
)
from panelapp.services.system.reference_seed import seed_reference_data

DRAFT = TemplateDraft(
    "공원 점검표",
    "공원용",
    (
        SectionDraft(
            "안전",
            (
                ItemDraft("놀이기구 파손이 없다", K.YES_NO, True, "흔들어 봅니다"),
                ItemDraft("조명 밝기", K.SCORE),
            ),
        ),
        SectionDraft("기타", (ItemDraft("기타 의견", K.TEXT),)),
    ),
)

_NUMBERS = itertools.count(1)


def _inspection(ctx, version_id, status=InspectionStatus.COMPLETED, deleted=False) -> int:
    ensure_default_facility_types(ctx)
    cohort = create_cohort(
        ctx,
        CohortInput(next(_NUMBERS), "기수", dt.date(2026, 3, 1), dt.date(2026, 12, 31)),
        default_teams=False,
    )
    facility = create_facility(ctx, FacilityInput(f"시설{cohort.id}", list_facility_types(ctx)[0].id))
    with ctx.db.session_factory.begin() as s:
        row = Inspection(
            uid=f"insp-{cohort.id}",
            cohort_id=cohort.id,
            facility_id=facility.id,
            template_version_id=version_id,
            scheduled_date=dt.date(2026, 5, 1),
            status=status,
            deleted_at=dt.datetime.now(dt.UTC) if deleted else None,
        )
        s.add(row)
        s.flush()
        return row.id


def _edited(info):
    draft = info.to_draft()
    first = draft.sections[0]
    return TemplateDraft(
        "공원 점검표(개정)",
        draft.description,
        (SectionDraft("안전·시설", first.items + (ItemDraft("CCTV가 작동한다"),)),) + draft.sections[1:],
    )


def test_create_and_read_back(ctx):
    info = create_template(ctx, DRAFT)
    assert (info.name, info.version_number, info.version_count, info.used) == ("공원 점검표", 1, 1, False)
    assert [s.title for s in info.sections] == ["안전", "기타"]
    first = info.sections[0].items[0]
    assert (first.text, first.kind, first.required, first.help, first.position) == (
        "놀이기구 파손이 없다",
        K.YES_NO,
        True,
        "흔들어 봅니다",
        1,
    )
    assert info.to_draft() == DRAFT
    assert get_template(ctx, info.id) == info
    [summary] = list_templates(ctx)
    assert (summary.name, summary.latest_number, summary.section_count, summary.item_count) == (
        "공원 점검표",
        1,
        2,
        3,
    )


def test_unused_template_is_edited_in_place(ctx):
    info = create_template(ctx, DRAFT)
    _inspection(ctx, info.version_id, InspectionStatus.PLANNED)  # planned visits hold no results
    _inspection(ctx, info.version_id, InspectionStatus.COMPLETED, deleted=True)
    result = save_template(ctx, info.id, _edited(info), info.version)
    assert not result.new_version and result.previous_number is None
    saved = result.template
    assert (saved.version_id, saved.version_number, saved.version_count) == (info.version_id, 1, 1)
    assert saved.name == "공원 점검표(개정)"
    assert [i.text for i in saved.sections[0].items][-1] == "CCTV가 작동한다"
    assert saved.version > info.version
    assert result.message == "저장했습니다 (v1)"
    with pytest.raises(ConcurrencyError):
        save_template(ctx, info.id, DRAFT, info.version)


@pytest.mark.parametrize("how", ["completed", "response"])
def test_used_version_is_frozen_and_save_makes_version_2(ctx, how):
    info = create_template(ctx, DRAFT)
    if how == "completed":
        _inspection(ctx, info.version_id)
    else:
        inspection_id = _inspection(ctx, info.version_id, InspectionStatus.PLANNED)
        with ctx.db.session_factory.begin() as s:
            s.add(
                ChecklistResponse(
                    inspection_id=inspection_id, item_id=info.sections[0].items[0].id, value="yes"
                )
            )
    assert get_template(ctx, info.id).used
    result = save_template(ctx, info.id, _edited(info), info.version)
    assert result.new_version and result.previous_number == 1
    assert result.message == "새 버전 v2로 저장했습니다 — 이전 점검 결과는 v1에 남습니다"
    v2 = result.template
    assert (v2.version_number, v2.version_count, v2.used) == (2, 2, False)
    assert v2.version_id != info.version_id
    assert [i.text for i in v2.sections[0].items][-1] == "CCTV가 작동한다"
    old = get_template_version(ctx, info.version_id)
    assert old.sections == info.sections  # same rows, ids and texts
    assert get_template(ctx, info.id).version_id == v2.version_id
    history = versions_of(ctx, info.id)
    assert [(v.number, v.used, v.item_count) for v in history] == [(1, True, 3), (2, False, 4)]
    # version 2 is still unused: the next save edits it in place
    again = save_template(ctx, info.id, DRAFT, v2.version)
    assert not again.new_version and again.template.version_id == v2.version_id
    with ctx.db.session_factory() as s:
        assert s.query(ChecklistItem).count() == 6


def test_validation_messages_name_positions(ctx):
    bad = TemplateDraft(
        "점검표",
        None,
        (
            SectionDraft("안전", (ItemDraft("소화기"),)),
            SectionDraft("청결", (ItemDraft("바닥"), ItemDraft("화장실"), ItemDraft("  "))),
        ),
    )
    with pytest.raises(ValidationError) as err:
        create_template(ctx, bad)
    assert str(err.value) == "2번째 구역 3번째 항목: 내용을 입력해 주세요."
    with pytest.raises(ValidationError) as err:
        create_template(ctx, TemplateDraft("", None, DRAFT.sections))
    assert err.value.field == "점검표 이름"
    with pytest.raises(ValidationError, match="구역을 하나 이상"):
        create_template(ctx, TemplateDraft("점검표", None, ()))
    with pytest.raises(ValidationErrors) as errs:
        create_template(ctx, TemplateDraft("점검표", None, (SectionDraft(" ", ()),)))
    assert [str(e) for e in errs.value.errors] == [
        "1번째 구역: 구역 제목을 입력해 주세요.",
        "1번째 구역: 점검 항목을 하나 이상 추가해 주세요.",
    ]
    assert list_templates(ctx) == []
    create_template(ctx, DRAFT)
    with pytest.raises(ValidationError, match="이미 있습니다"):
        create_template(ctx, DRAFT)


def test_default_template_loads_once(ctx):
    draft = load_default_draft()
    assert draft.name == "기본 시설 점검표"
    assert [s.title for s in draft.sections] == ["안전", "청결", "접근성·편의", "안내·표지", "직원 응대"]
    assert all(4 <= len(s.items) <= 6 for s in draft.sections)
    kinds = {i.kind for s in draft.sections for i in s.items}
    assert kinds == {K.YES_NO, K.SCORE, K.TEXT}
    info = ensure_default_template(ctx)
    assert len(info.sections) == 5
    assert ensure_default_template(ctx) is None
    assert len(list_templates(ctx)) == 1


def test_seed_reference_data_is_idempotent(ctx):
    seed_reference_data(ctx)
    seed_reference_data(ctx)
    assert len(list_facility_types(ctx)) == 7
    assert [t.name for t in list_templates(ctx)] == ["기본 시설 점검표"]
