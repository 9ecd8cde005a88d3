"""점검표 page: default template on an empty database, editing the tree, saving in place,
a new version once results exist, validation shown, a new template."""

import datetime as dt

import pytest
from conftest import make_ctx
from gui_window import Window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from panelapp.db.models import Inspection
from panelapp.domain.enums import ChecklistItemKind, InspectionStatus
from panelapp.gui.core.ops import wait_for_all
from panelapp.gui.pages.checklists import ChecklistsPage
from panelapp.services.checklists.templates import (
    get_template,
    get_template_version,
    list_templates,
    versions_of,
)
from panelapp.services.cohorts.manage import CohortInput, create_cohort
from panelapp.services.registers.facilities import (
    FacilityInput,
    create_facility,
    ensure_default_facility_types,
    list_facility_types,
)


@pytest.fixture
def page(qtbot, tmp_path):
    ctx = make_ctx("sqlite", tmp_path)
    window = Window(ctx)
    qtbot.addWidget(window)
    p = ChecklistsPage(window)
    window.setCentralWidget(p)
    window.resize(1000, 650)
    window.show()
    qtbot.waitUntil(lambda: p.info is not None and not p.is_loading, timeout=5000)
    yield p
    wait_for_all()
    ctx.db.dispose()


def complete_inspection(ctx, version_id):
    ensure_default_facility_types(ctx)
    cohort = create_cohort(ctx, CohortInput(7, "제7기", dt.date(2026, 3, 1), dt.date(2026, 12, 31)))
    facility = create_facility(ctx, FacilityInput("한빛체육관", list_facility_types(ctx)[0].id))
    with ctx.db.session_factory.begin() as s:
        s.add(
            Inspection(
                uid="i-1",
                cohort_id=cohort.id,
                facility_id=facility.id,
                template_version_id=version_id,
                scheduled_date=dt.date(2026, 5, 1),
                status=InspectionStatus.COMPLETED,
            )
        )


def save(qtbot, page):
    assert page.save_button.isEnabled()
    with qtbot.waitSignal(page.window_.bus.changed, timeout=5000):
        page.save_button.click()
    qtbot.waitUntil(lambda: not page.is_loading and not page.is_stale, timeout=5000)


def test_empty_database_gets_the_default_template(page):
    assert page.list.count() == 1 and page.list.item(0).text() == "기본 시설 점검표  (v1)"
    assert page.editor.topLevelItemCount() == 5
    assert page.editor.topLevelItem(0).text(0) == "안전"
    assert page.version_label.text() == "현재 v1"
    assert not page.save_button.isEnabled()


def test_edit_in_place_then_new_version_after_a_completed_inspection(qtbot, page):
    ctx = page.window_.ctx
    first = page.editor.topLevelItem(0).child(0)
    first.setText(0, "소화기가 보이는 곳에 있다")
    assert page.save_button.isEnabled() and page.modified
    save(qtbot, page)
    assert page.notice_label.text() == "저장했습니다 (v1)"
    v1 = get_template(ctx, page.info.id)
    assert v1.version_number == 1 and v1.sections[0].items[0].text == "소화기가 보이는 곳에 있다"

    complete_inspection(ctx, v1.version_id)
    page.editor.select_path(1, 0)
    page.editor.add_item()  # after 청결's first item
    page.editor.currentItem().setText(0, "손 소독제가 비치되어 있다")
    combo = page.editor.itemWidget(page.editor.currentItem(), 1)
    combo.setCurrentIndex(combo.findData(ChecklistItemKind.YES_NO.value))
    page.editor.currentItem().setCheckState(2, Qt.CheckState.Checked)
    save(qtbot, page)
    assert page.notice_label.text() == "새 버전 v2로 저장했습니다 — 이전 점검 결과는 v1에 남습니다"
    v2 = get_template(ctx, page.info.id)
    assert v2.version_number == 2
    added = v2.sections[1].items[1]
    assert (added.text, added.kind, added.required) == (
        "손 소독제가 비치되어 있다",
        ChecklistItemKind.YES_NO,
        True,
    )
    assert get_template_version(ctx, v1.version_id).sections == v1.sections
    qtbot.waitUntil(lambda: page.list.item(0).text().endswith("(v2)"), timeout=5000)
    qtbot.waitUntil(lambda: "이전 버전: v1(점검 결과 1건)" in page.version_label.text(), timeout=5000)
    assert [v.number for v in versions_of(ctx, v2.id)] == [1, 2]


def test_structure_edits_and_validation_message(qtbot, page, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    editor = page.editor
    editor.select_path(0, None)
    editor.move_selected(1)
    assert [editor.topLevelItem(i).text(0) for i in range(2)] == ["청결", "안전"]
    editor.select_path(1, 0)
    editor.move_selected(1)
    assert editor.topLevelItem(1).child(1).text(0).startswith("소화기")
    editor.topLevelItem(1).child(2).setText(0, "  ")
    page.save_button.click()
    qtbot.waitUntil(lambda: bool(warnings), timeout=5000)
    assert warnings == ["2번째 구역 3번째 항목: 내용을 입력해 주세요."]
    assert page.save_button.isEnabled()
    editor.select_path(1, 2)
    editor.remove_selected()
    assert editor.topLevelItem(1).childCount() == 5
    save(qtbot, page)
    titles = [s.title for s in get_template(page.window_.ctx, page.info.id).sections]
    assert titles[:2] == ["청결", "안전"]


def test_new_template(qtbot, page):
    page.new_template()
    assert page.info is None and page.editor.topLevelItemCount() == 1
    page.name_edit.setText("공원 점검표")
    page.editor.topLevelItem(0).setText(0, "놀이터")
    page.editor.topLevelItem(0).child(0).setText(0, "놀이기구가 파손되지 않았다")
    save(qtbot, page)
    assert page.notice_label.text() == "새 점검표를 저장했습니다 (v1)"
    qtbot.waitUntil(lambda: page.list.count() == 2, timeout=5000)
    assert sorted(t.name for t in list_templates(page.window_.ctx)) == ["공원 점검표", "기본 시설 점검표"]
    assert page.list.currentItem().text() == "공원 점검표  (v1)"
